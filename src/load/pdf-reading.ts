// The parts of the loader that parse PDFs (pdf-lib), imported only when a file has to be read: a lint
// that finds every attachment in the facts cache never loads pdf-lib at all.

import type { PDFDocument } from '@cantoo/pdf-lib';
import { pagesShowingImages } from '../pdf/scans.js';
import { documentTitle, type TextSource } from './attachment-text.js';

export { inspectPdf, inspectPdfBytes } from '../pdf/inspect.js';
export { inspectSource } from './source-file.js';

/** The text source of a parsed document. */
export function textSource(doc: PDFDocument, bytes: Uint8Array): TextSource {
  return { bytes, doc: async () => doc, title: documentTitle(doc), scans: async (pages) => pagesShowingImages(doc, pages) };
}
