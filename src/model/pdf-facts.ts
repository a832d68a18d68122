// Facts about one attachment file that the rules and the assembler need, gathered once by the loader.

export type Encryption = 'none' | 'owner' | 'user';

export interface PdfProblem {
  /** Stable code, documented in docs/errors.md, e.g. `pdf-niet-pdf`. */
  code: string;
  message: string;
  hint?: string;
}

/** Something in an attachment that keeps a bundle from being PDF/A-2b (lint reports it under --pdfa). */
export interface PdfaBlocker {
  kind: 'lettertype' | 'transparantie' | 'javascript' | 'versleuteld';
  /** First page where it occurs, when it belongs to a page. */
  page?: number;
  /** Font names, or a count. */
  detail?: string;
}

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
}

export interface SourceFacts {
  /** The format its content was checked against: `docx`, `jpeg`, `tiff` … */
  format: string;
  kind: 'office' | 'image';
  /** Set by a build: what made the PDF ("LibreOffice 7.4.7.2 40(Build:2)"), and whether from the cache. */
  converter?: string;
  cached?: boolean;
}
