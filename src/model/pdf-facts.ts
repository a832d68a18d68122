// Facts about one attachment file that the rules and the assembler need, gathered once by the loader.

export type Encryption = 'none' | 'owner' | 'user';

export interface PdfProblem {
  /** Stable code, documented in docs/errors.md, e.g. `pdf-niet-pdf`. */
  code: string;
  message: string;
  hint?: string;
  /** Technical detail for a developer (PDF object numbers such as `4 0 R`): shown only with `--debug`. */
  detail?: string;
}

/** Something in an attachment that keeps a bundle from being PDF/A-2b (lint reports it under --pdfa). */
export interface PdfaBlocker {
  kind: 'lettertype' | 'transparantie' | 'javascript' | 'versleuteld';
  /** First page where it occurs, when it belongs to a page. */
  page?: number;
  /** Font names, or a count. */
  detail?: string;
}

/**
 * Lint takes these from the facts cache for a file it saw before (src/load/facts-cache.ts): a new
 * field that depends on the file's bytes must be kept there too (and its FORMAT raised).
 */
export interface PdfFacts {
  /** Absolute path as resolved inside the meeting folder. */
  path: string;
  /** Relative to the repository root, forward slashes. */
  relPath: string;
  exists: boolean;
  /** Path problem (escape, wrong case…): then nothing else was read. */
  pathProblem?: PdfProblem;
  size?: number;
  sha256?: string;
  pageCount?: number;
  encryption?: Encryption;
  /** The PDF has a structure tree (tags) that the bundle can carry over. */
  tagged?: boolean;
  /** What would keep a PDF/A bundle from conforming (empty when nothing). */
  pdfa?: PdfaBlocker[];
  /** Fatal problem: the file cannot go into a bundle. */
  problem?: PdfProblem;
  /** Things repaired or removed that the user should know about (active content…). */
  warnings: PdfProblem[];
  /** The file was damaged and bundel repaired it (code `pdf-hersteld`, rule `bijlage-hersteld`). */
  repaired?: PdfProblem;
  /** For a bijlage that is not a PDF (then `sha256` and `size` are the source file's). */
  source?: SourceFacts;
  /** The text of its pages, when the loader was asked to read it (for the public bundle's checks). */
  text?: AttachmentText;
}

export interface SourceFacts {
  /** The format its content was checked against: `docx`, `jpeg`, `tiff` … */
  format: string;
  kind: 'office' | 'image';
  /** Set by a build: what made the PDF ("LibreOffice 7.4.7.2 40(Build:2)"), and whether from the cache. */
  converter?: string;
  cached?: boolean;
}

/** Why the text of a file could not be read in full. */
export type TextProblem = 'tijd' | 'geheugen' | 'onleesbaar' | 'tekst';

/** What the personal-data detectors look for (`patroon`: a body's own pattern). */
export type PersonalDataKind = 'bsn' | 'iban' | 'telefoon' | 'email' | 'patroon';

/** Something that looks like personal data, found on a page of an attachment. */
export interface PageMatch {
  kind: Exclude<PersonalDataKind, 'patroon'>;
  /** 1-based page in the attachment. */
  page: number;
  /** As written; comparable form (digits, E.164, upper-case IBAN, lower-case address); masked for display. */
  text: string;
  normalized: string;
  masked: string;
}

export interface AttachmentText {
  /** Pages whose text was read. */
  pageCount: number;
  /** What the built-in detectors found (BSN, IBAN, mobile numbers, e-mail addresses), page by page. */
  matches: PageMatch[];
  /** The text itself, per page (index = page − 1): only when the body has patterns of its own to look for. */
  pages?: string[];
  /** The title in the document's properties, unless it is a placeholder (`Microsoft Word - x.docx`). */
  title?: string;
  /** The largest text on the first page. */
  heading?: string;
  /** 1-based pages without text that show an image: scans. */
  scans: number[];
  /** Set when the text was not read (or not in full): what was not checked is said by the rules. */
  problem?: TextProblem;
  detail?: string;
}

/**
 * How each attachment PDF was read (issue 18): lazily from its cross-reference data, or parsed whole
 * by pdf-lib. Not a fact of the file (the facts cache and every output leave it out): kept beside the
 * facts for `--debug`, which names the reader per file.
 */
export const pdfReaders = new WeakMap<PdfFacts, 'lui' | 'volledig'>();
