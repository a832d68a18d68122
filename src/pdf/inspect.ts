// Gather the facts about one attachment PDF that lint and build need, reading it once, and hand the
// loaded document on to the assembler so a build never parses a file twice. Every bad file ends in a
// PdfProblem with a code from pdf-problems.ts (docs/errors.md); inspectPdf never throws.
//
// Order matters: cheap byte checks first; then the guarded parse (time budget, object-stream bomb
// guard); then, before anything may call getPages(), the page-tree check and repair; then the page
// contents (bombs, missing objects, fonts), active content, forms, and links prepared for copying.

import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { PDFInvalidObject, type PDFDocument } from '@cantoo/pdf-lib';
import { identify } from '../convert/formats.js';
import type { PdfFacts, PdfProblem } from '../model/pdf-facts.js';
import { formFacts, inspectActiveContent } from './active.js';
import { scanPages } from './content.js';
import type { SaveBalance } from './content-balance.js';
import { loadGuarded, quietlySync, type GuardFailure } from './guard.js';
import { prepareLinksForCopy } from './links.js';
import { validatePageTree } from './page-tree.js';
import { pdfProblem } from './problems.js';

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
}

export interface InspectedPdf {
  facts: PdfFacts;
  doc?: PDFDocument;
  bytes?: Uint8Array;
  /** With `contentBalance`: per page index, how its `q`/`Q` pair up (undefined: not decodable). */
  balances?: (SaveBalance | undefined)[];
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

function problemFor(failure: GuardFailure): PdfProblem {
  switch (failure.kind) {
    case 'wachtwoord':
      return pdfProblem.password(failure.wrongPassword);
    case 'versleuteld':
      return pdfProblem.encrypted(failure.detail);
    case 'bom':
      return pdfProblem.bomb(failure.encoded, failure.limit, failure.total);
    case 'tijd':
      return pdfProblem.timeout(failure.budgetMs);
    case 'onleesbaar':
      return pdfProblem.unreadable(failure.detail);
  }
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

async function inspectBytes(bytes: Uint8Array, facts: PdfFacts, options: InspectOptions): Promise<InspectedPdf> {
  const fail = (p: PdfProblem): InspectedPdf => {
    facts.problem = p;
    return { facts };
  };
  facts.size = bytes.length;
  if (bytes.length === 0) return fail(pdfProblem.empty());
  facts.sha256 = createHash('sha256').update(bytes).digest('hex');

  const headerAt = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('%PDF-');
  if (headerAt < 0 || headerAt >= HEADER_WINDOW) {
    const kind = sniffType(bytes);
    if (headerAt >= HEADER_WINDOW && !kind) return fail(pdfProblem.headerTooLate(headerAt));
    // A Word file or a scan named .pdf: bundel converts it when it carries its own extension.
    const ext = identify(bytes).ext;
    const convertible = ext && ext !== 'pdf' ? ({ jpeg: 'jpg', tiff: 'tif' } as Record<string, string>)[ext] ?? ext : undefined;
    return fail(pdfProblem.notPdf(kind, convertible));
  }

  const loaded = await loadGuarded(bytes, { password: options.password, timeBudgetMs: options.timeBudgetMs });
  if (!loaded.ok) {
    if (loaded.failure.kind === 'wachtwoord') facts.encryption = 'user';
    return fail(problemFor(loaded.failure));
  }
  const { doc } = loaded;
  facts.encryption = loaded.encryption;

  const tree = validatePageTree(doc);
  if (!tree.ok) return fail(tree.problem);
  const { pages } = tree;
  facts.warnings.push(...tree.warnings);

  const form = formFacts(doc);
  const content = scanPages(doc.context, pages, loaded.budget, new Set(form?.hasXfa ? [1] : []), options.contentBalance);
  if (content.error) return fail(content.error);
  const invalid = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFInvalidObject).length;
  if (invalid > 0) facts.warnings.push(pdfProblem.damaged(`${invalid === 1 ? 'één object was' : `${invalid} objecten waren`} onleesbaar en ${invalid === 1 ? 'is' : 'zijn'} overgeslagen`));
  facts.warnings.push(...content.warnings);

  const active = inspectActiveContent(doc, pages, form, content.pageText.get(1));
  if (active.error) return fail(active.error);
  facts.warnings.push(...active.warnings);

  // Filled-in values become page content (from the fields' own appearances), so they survive
  // copyPages, which leaves the form behind. A form pdf-lib cannot flatten keeps its widgets.
  if (form && form.walkable && (form.fields > 0 || form.signatures.length > 0)) {
    const noise: string[] = [];
    quietlySync(noise, () => {
      try {
        doc.getForm().flatten({ updateFieldAppearances: false });
      } catch {
        // Widgets stay; sanitizePages strips their actions.
      }
    });
  }

  // pdf-lib's own page list must now agree with the checked tree.
  const count = doc.getPageCount();
  if (count !== pages.length) return fail(pdfProblem.pageTree(`pdf-lib telt ${count} bladen, de paginaboom ${pages.length}`));
  prepareLinksForCopy(doc, pages);
  facts.pageCount = count;
  return { facts, doc, bytes, balances: content.balances };
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
