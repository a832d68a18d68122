// Copy documents into the bundle. Attachments: every page, the graphics state closed, active content
// removed, their own bookmarks read; problems removed from several files are reported once. Rendered
// pages (agenda, memos, placeholders) are our own and copied as they are.

import { ParseSpeeds, PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import type { Diagnostic } from '../model/diagnostic.js';
import { BUILD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import type { PdfProblem } from '../model/pdf-facts.js';
import type { SaveBalance } from '../pdf/content-balance.js';
import { balanceGraphicsState } from './graphics-state.js';
import type { BundleStructure, DocumentStructure } from './structure.js';
import { readOutline, type OutlineNode } from './outline.js';
import { copyPagesRaw } from './raw-copy.js';
import { decideCopyPath, type CopyPath } from './raw-decide.js';
import { sanitizePages } from './sanitize.js';

export interface CopiedAttachment {
  pages: PDFPage[];
  /** The attachment's own bookmarks, indexed by its own pages. */
  outline: OutlineNode[];
  /** Active content that was removed. */
  removed: PdfProblem[];
  /** Its place in the bundle's structure tree. */
  structure: DocumentStructure;
  /** Which copy it took: raw (raw-copy.ts), or pdf-lib's and why. */
  path: CopyPath;
}

/**
 * One attachment into `out` (pages not yet added), with its structure tree when it is tagged.
 * `balances`: the loader's q/Q count per page, when known.
 */
export async function copyAttachment(out: PDFDocument, structure: BundleStructure, source: PDFDocument, balances?: readonly (SaveBalance | undefined)[], options: CopyOptions = {}): Promise<CopiedAttachment> {
  const outline = readOutline(source, source.getPages().map((p) => p.ref));
  // Untagged pages become the document element's content, unless they have marked content of their own.
  const markable = (i: number): boolean => balances?.[i] !== undefined && !balances[i]!.marked;
  let path: CopyPath = options.raw === false ? { raw: false, reason: 'raw copy switched off (BUNDEL_PDF_COPY=pdf-lib)' } : decideCopyPath(source, balances);
  if (path.raw) {
    const pages = copyPagesRaw(out, source);
    if (pages) {
      pages.forEach((page, i) => balanceGraphicsState(page, balances?.[i]));
      return { pages, outline, removed: [], structure: structure.adoptUntagged(pages, markable), path };
    }
    path = { raw: false, reason: 'an object the raw copy cannot write' };
  }
  const copied = await structure.copyDocument(source, {
    // The loader counted each page's q/Q while checking its content; no second decode here.
    prepare: (pages) => pages.forEach((page, i) => balanceGraphicsState(page, balances?.[i])),
    markable,
  });
  return { pages: copied.pages, outline, removed: sanitizePages(out, copied.pages), structure: copied.structure, path };
}

export interface CopyOptions {
  /** Copy attachments raw where they allow it (default); false: every one through pdf-lib (rawCopyAllowed). */
  raw?: boolean;
}

export interface AttachmentToCopy {
  /** Absolute path: the key of `documents` and `balances`. */
  path: string;
  /** As shown to the user. */
  relPath: string;
  /** Lint already warned about this file's active content (pdf-actieve-inhoud): say it once. */
  warned: boolean;
}

/**
 * Copy the attachments in order (a file may come more than once). Each source document is let go
 * once its last use is copied, so memory stays near one copy of the input.
 */
export async function copyAttachments(
  out: PDFDocument,
  structure: BundleStructure,
  attachments: readonly AttachmentToCopy[],
  documents: Map<string, PDFDocument>,
  balances: ReadonlyMap<string, readonly (SaveBalance | undefined)[]>,
  options: CopyOptions = {},
): Promise<{ copies: CopiedAttachment[]; diagnostics: Diagnostic[] }> {
  const removed = new Map<string, PdfProblem & { files: Set<string> }>();
  const usesLeft: Record<string, number> = {};
  for (const a of attachments) usesLeft[a.path] = (usesLeft[a.path] ?? 0) + 1;
  const copies: CopiedAttachment[] = [];
  for (const a of attachments) {
    const source = documents.get(a.path);
    if (!source) throw new Error(`bijlage ${a.path} is niet geladen`);
    const copy = await copyAttachment(out, structure, source, balances.get(a.path), options);
    copies.push(copy);
    if (--usesLeft[a.path] === 0) documents.delete(a.path);
    for (const problem of copy.removed) {
      if (a.warned) continue;
      const key = problem.code + problem.message;
      const entry = removed.get(key) ?? { ...problem, files: new Set<string>() };
      entry.files.add(a.relPath);
      removed.set(key, entry);
    }
    // Let other work (the render thread's answers) in between attachments.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const diagnostics = [...removed.values()].map(
    (r): Diagnostic => ({
      file: [...r.files].sort()[0],
      rule: BUILD_DIAGNOSTICS.bijlageActieveInhoud.id,
      severity: 'warning',
      message: r.files.size > 1 ? `${r.message} (ook in ${r.files.size - 1} andere bestanden)` : r.message,
      hint: r.hint,
    }),
  );
  return { copies, diagnostics };
}

/** A rendered PDF (agenda, memo, placeholder) into `out` (pages not yet added), with the tags Typst wrote. */
export async function copyRendered(structure: BundleStructure, bytes: Uint8Array): Promise<{ pages: PDFPage[]; structure: DocumentStructure }> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  return structure.copyDocument(src);
}
