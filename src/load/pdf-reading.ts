// The parts of the loader that parse PDFs (pdf-lib), imported only when a file has to be read: a lint
// that finds every attachment in the facts cache never loads pdf-lib at all.

import type { PDFDocument } from '@cantoo/pdf-lib';
import type { ContentPack } from '../pdf/content-pack.js';
import { pagesShowingImages } from '../pdf/scans.js';
import { documentTitle, type TextSource } from './attachment-text.js';

export { inspectPdf, inspectPdfBytes } from '../pdf/inspect.js';
export { inspectSource } from './source-file.js';

/** The text source of a parsed document, with the page content its inspection kept (given once, then let go). */
export function textSource(doc: PDFDocument, bytes: Uint8Array, content?: ContentPack): TextSource {
  let kept = content;
  const take = (): ContentPack | undefined => {
    const c = kept;
    kept = undefined;
    return c;
  };
  return { bytes, doc: async () => doc, content: take, title: documentTitle(doc), scans: async (pages) => pagesShowingImages(doc, pages) };
}
