// One file a build writes. Each output is one module in this folder, listed in ./index.ts; the build
// makes them all in memory and src/write puts them on disk together (or none of them).

import type { PDFDocument } from '@cantoo/pdf-lib';
import type { BundelConfig } from '../../model/meeting.js';
import type { ByteChunks } from '../../model/output-file.js';
import type { BundleIndex } from '../index-data.js';

export interface OutputInput {
  /** Absolute path of the bundle PDF; the other outputs go beside it. */
  pdfPath: string;
  /** The assembled bundle, not yet saved. */
  doc: PDFDocument;
  index: BundleIndex;
  /** The repository's settings (Woo metadata reads `woo`). */
  config: BundelConfig;
}

export interface Output {
  /** Where the file goes, given the PDF's path. */
  path(pdfPath: string): string;
  /** Only for some bundles (e.g. the public one); default always. */
  when?(input: OutputInput): boolean;
  make(input: OutputInput): Promise<Uint8Array | string | ByteChunks> | Uint8Array | string | ByteChunks;
}

/** `…/Bundel AB 2025-03-05.pdf` → `…/Bundel AB 2025-03-05.<extension>`. */
export function besidePdf(pdfPath: string, extension: string): string {
  const base = pdfPath.toLowerCase().endsWith('.pdf') ? pdfPath.slice(0, -4) : pdfPath;
  return `${base}.${extension}`;
}
