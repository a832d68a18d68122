// Gather the facts about one attachment PDF that lint and build need, reading it once, and hand the
// loaded document on to the assembler so a build never parses a file twice. Every bad file ends in a
// PdfProblem with a code from pdf-problems.ts (docs/errors.md); inspectPdf never throws.
//
// Cheap byte checks first; then one analysis of the file (analyse.ts). A damaged file that cannot
// be read as it is gets a second analysis of a rebuilt copy (rebuild.ts), as viewers repair it, and
// builds with a `pdf-hersteld` warning; what the rebuilt copy cannot cure keeps the first answer.

import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { identify } from '../convert/formats.js';
import { pdfReaders, type PdfFacts, type PdfProblem } from '../model/pdf-facts.js';
import { analyse, type Analysis } from './analyse.js';
import type { ContentPack } from './content-pack.js';
import type { SaveBalance } from './content-balance.js';
import { defaultTimeBudgetMs } from './guard.js';
import { pdfProblem } from './problems.js';
import { rebuildPdf } from './rebuild.js';
import { xrefIsSound } from './xref-check.js';

export const MAX_PDF_BYTES = 512 * 1024 * 1024;
/** Acrobat accepts `%PDF-` anywhere in the first 1024 bytes; so do we, and no further. */
export const HEADER_WINDOW = 1024;

export interface InspectOptions {
  /** User password for protected files (owner-only files open without it). */
  password?: string;
  /** Parse time budget in milliseconds; default 5 s + 1 s per MiB. */
  timeBudgetMs?: number;
  /** Also count each page's `q`/`Q` pairing (for the assembler; lint does not need it). */
  contentBalance?: boolean;
  /** Read a file with sound cross-reference data lazily (lazy-load.ts); default true. */
  lazy?: boolean;
  /** Keep the decoded page content streams for the text reader (they are decoded anyway). */
  keepContent?: boolean;
  /** The sha256 of the bytes, when the caller already has it (lint's facts cache hashes every file). */
  sha256?: string;
}

export interface InspectedPdf {
  facts: PdfFacts;
  doc?: PDFDocument;
  bytes?: Uint8Array;
  /** With `contentBalance`: per page index, how its `q`/`Q` pair up (undefined: not decodable). */
  balances?: (SaveBalance | undefined)[];
  /** With `keepContent`: each page content stream's decoded bytes. */
  content?: ContentPack;
}

/** What a non-PDF file most likely is, from its first bytes. */
export function sniffType(head: Uint8Array): string | undefined {
  const ascii = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  if (ascii.startsWith('\x89PNG')) return 'een PNG-afbeelding';
  if (head[0] === 0xff && head[1] === 0xd8) return 'een JPEG-afbeelding';
  if (ascii.startsWith('GIF8')) return 'een GIF-afbeelding';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'een TIFF-afbeelding (misschien een scan)';
  if (ascii.startsWith('PK\x03\x04')) {
    // Office files are ZIP archives; their parts are named in the local headers and at the end.
    const tail = Buffer.from(head.subarray(Math.max(0, head.length - 65536))).toString('latin1');
    const all = ascii + tail;
    if (all.includes('word/')) return 'een Word-document (.docx)';
    if (all.includes('xl/')) return 'een Excel-bestand (.xlsx)';
    if (all.includes('ppt/')) return 'een PowerPoint-bestand (.pptx)';
    if (all.includes('content.xml')) return 'een OpenDocument-bestand (.odt, .ods of .odp)';
    return 'een ZIP-archief';
  }
  if (ascii.startsWith('\xd0\xcf\x11\xe0')) return 'een oud Office-bestand (.doc, .xls of .ppt)';
  if (/^(\xef\xbb\xbf)?\s*(<!doctype html|<html|<head|<body)/i.test(ascii)) return 'een webpagina (HTML), bijvoorbeeld een foutmelding van een downloadsite';
  if (/^(\xef\xbb\xbf)?\s*<\?xml/i.test(ascii)) return 'een XML-bestand';
  if (ascii.startsWith('{\\rtf')) return 'een RTF-document';
  if (ascii.startsWith('From:') || ascii.startsWith('Received:') || ascii.startsWith('MIME-Version:')) return 'een e-mailbericht (.eml)';
  return undefined;
}

const firstLine = (err: unknown): string => ((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '').trim() || 'onbekende fout';

async function readAll(absPath: string, size: number): Promise<Uint8Array> {
  // Read into a buffer of our own (not Node's shared pool), exactly the size stat reported.
  const bytes = new Uint8Array(size);
  const handle = await open(absPath, 'r');
  try {
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

async function inspect(absPath: string, facts: PdfFacts, options: InspectOptions): Promise<InspectedPdf> {
  const fail = (p: PdfProblem): InspectedPdf => {
    facts.problem = p;
    return { facts };
  };
  let size: number;
  try {
    const st = await stat(absPath);
    if (!st.isFile()) throw new Error('geen bestand');
    size = st.size;
  } catch {
    facts.exists = false;
    return fail(pdfProblem.unreadableFile());
  }
  facts.size = size;
  if (size === 0) return fail(pdfProblem.empty());
  if (size > MAX_PDF_BYTES) return fail(pdfProblem.tooLarge(size, MAX_PDF_BYTES));
  return inspectBytes(await readAll(absPath, size), facts, options);
}

/** First-pass problems that a rebuilt structure may cure. */
const REPAIRABLE = new Set(['pdf-onleesbaar', 'pdf-versleuteld', 'pdf-paginaboom', 'pdf-onvolledig', 'pdf-geen-paginas', 'pdf-wachtwoord']);
/** RC4 key lengths to try when an encryption dictionary lost its `/Length` (40, the default, failed). */
const KEY_LENGTHS = [128, 120, 112, 104, 96, 88, 80, 72, 64, 56, 48];
const XREF_REPAIR = 'de kruisverwijzingstabel (xref) klopt niet met de objecten in het bestand; die zijn daarom in het bestand zelf opgezocht';

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
/** A file that ends in `%%EOF` was not cut off: what is missing in it was never there. */
const endsWithEof = (buf: Buffer): boolean => buf.subarray(Math.max(0, buf.length - 1024)).includes('%%EOF');

/**
 * Read a damaged file as viewers do: rebuild its structure from the objects themselves and analyse
 * that. `first` is what the first pass answered (none: the file has no `%PDF-` header).
 */
async function repair(bytes: Uint8Array, first: Analysis | undefined, options: InspectOptions): Promise<Analysis | undefined> {
  const rebuilt = rebuildPdf(bytes);
  if (!rebuilt) return undefined;
  // The repair gets one more time budget, shared by all its attempts.
  const deadline = performance.now() + (options.timeBudgetMs ?? defaultTimeBudgetMs(bytes.length));
  const blankMissing = endsWithEof(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const opts = (): InspectOptions & { blankMissing: boolean } => ({ ...options, lazy: false, blankMissing, timeBudgetMs: Math.max(1, deadline - performance.now()) });
  if (first && !first.ok && first.failure?.kind === 'wachtwoord') {
    if (!rebuilt.keyLengthMissing) return undefined;
    for (const bits of KEY_LENGTHS) {
      if (performance.now() >= deadline) return undefined;
      const again = await analyse(rebuildPdf(bytes, { keyLength: bits })!.bytes, opts());
      if (again.ok) {
        again.repairs.unshift(`de sleutellengte van de beveiliging (\`/Length\`) ontbrak; met \`${bits}\` bits gaat de PDF open zonder wachtwoord`);
        return again;
      }
      if (again.failure?.kind !== 'wachtwoord') return undefined;
    }
    return undefined;
  }
  const second = await analyse(rebuilt.bytes, opts());
  if (!second.ok) return undefined;
  second.repairs.unshift(
    first && !first.ok
      ? `bij het lezen bleek: ${lowerFirst(first.problem.message)}; bundel heeft de objecten opnieuw opgezocht en de kruisverwijzingstabel opnieuw opgebouwd`
      : 'de PDF-kop (`%PDF-`) ontbrak; bundel heeft de objecten in het bestand zelf opgezocht',
  );
  return second;
}

async function inspectBytes(bytes: Uint8Array, facts: PdfFacts, options: InspectOptions): Promise<InspectedPdf> {
  const fail = (p: PdfProblem): InspectedPdf => {
    facts.problem = p;
    return { facts };
  };
  facts.size = bytes.length;
  if (bytes.length === 0) return fail(pdfProblem.empty());
  facts.sha256 = options.sha256 ?? createHash('sha256').update(bytes).digest('hex');

  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerAt = buf.indexOf('%PDF-');
  let first: Analysis | undefined;
  if (headerAt < 0 || headerAt >= HEADER_WINDOW) {
    const kind = sniffType(bytes);
    if (headerAt >= HEADER_WINDOW && !kind) return fail(pdfProblem.headerTooLate(headerAt));
    // No header at all, but objects right at the start: a PDF that lost its first line.
    if (kind || headerAt >= 0 || !/^[\0\t\n\f\r ]*\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj/.test(buf.toString('latin1', 0, HEADER_WINDOW))) {
      // A Word file or a scan named .pdf: bundel converts it when it carries its own extension.
      const ext = identify(bytes).ext;
      const convertible = ext && ext !== 'pdf' ? ({ jpeg: 'jpg', tiff: 'tif' } as Record<string, string>)[ext] ?? ext : undefined;
      return fail(pdfProblem.notPdf(kind, convertible));
    }
  } else {
    const sound = xrefIsSound(bytes);
    first = await analyse(bytes, { ...options, lazy: options.lazy !== false && sound && headerAt === 0 });
    if (first.ok && !sound) first.repairs.unshift(XREF_REPAIR);
  }
  let result = first;
  if (!first?.ok && (!first || REPAIRABLE.has(first.problem.code))) result = (await repair(bytes, first, options)) ?? first;
  if (!result) return fail(pdfProblem.notPdf());
  if (!result.ok) {
    if (result.failure?.kind === 'wachtwoord') facts.encryption = 'user';
    return fail(result.problem);
  }
  facts.encryption = result.encryption;
  facts.warnings.push(...result.warnings);
  if (result.repairs.length > 0) facts.repaired = pdfProblem.repaired(result.repairs);
  facts.pageCount = result.pageCount;
  facts.tagged = result.tagged;
  facts.pdfa = result.pdfa;
  pdfReaders.set(facts, result.reader);
  return { facts, doc: result.doc, bytes, balances: result.balances, content: result.content };
}

async function answer(facts: PdfFacts, work: () => Promise<InspectedPdf>): Promise<InspectedPdf> {
  try {
    return await work();
  } catch (err) {
    // Anything unforeseen is still an answer about this file, never a crash of the run.
    facts.problem = pdfProblem.unreadable(firstLine(err));
    facts.warnings = [];
    return { facts };
  }
}

export function inspectPdf(absPath: string, relPath: string, options: InspectOptions = {}): Promise<InspectedPdf> {
  const facts: PdfFacts = { path: absPath, relPath, exists: true, warnings: [] };
  return answer(facts, () => inspect(absPath, facts, options));
}

/** The same for bytes already in memory (tests, fuzzing); `bytes` is handed to pdf-lib as it is. */
export function inspectPdfBytes(bytes: Uint8Array, relPath: string, options: InspectOptions = {}): Promise<InspectedPdf> {
  const facts: PdfFacts = { path: relPath, relPath, exists: true, warnings: [] };
  return answer(facts, () => inspectBytes(bytes, facts, options));
}
