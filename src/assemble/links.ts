// Agenda and memo entries are rendered as links to `x-bundel:page=N`; here each becomes a real
// /Dest to page N of the bundle (the page only exists after assembly).

import { PDFArray, PDFDict, PDFName, PDFNull, PDFString, PDFHexString, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { PAGE_LINK_PREFIX } from '../render/types.js';

/** Rewrites the placeholder links on `pages`; returns how many were rewritten. */
export function resolvePageLinks(doc: PDFDocument, pages: readonly PDFPage[]): number {
  const all = doc.getPages();
  let count = 0;
  for (const page of pages) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
      if (!annot || !text?.startsWith(PAGE_LINK_PREFIX)) continue;
      const n = Number(text.slice(PAGE_LINK_PREFIX.length));
      if (!Number.isInteger(n) || n < 1 || n > all.length) {
        throw new Error(`link naar pagina ${text} valt buiten de bundel (${all.length} pagina's)`);
      }
      annot.delete(PDFName.of('A'));
      annot.set(PDFName.of('Dest'), doc.context.obj([all[n - 1].ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]) as PDFArray);
      count++;
    }
  }
  return count;
}
