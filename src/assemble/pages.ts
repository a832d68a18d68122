// Appending many pages at once. pdf-lib's addPage walks the whole page tree for every page it
// inserts (quadratic: seconds at 10 000 pages); a bundle only ever appends, so the pages go
// straight into the root's /Kids and the counts are set once.

import { PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';

interface PageBookkeeping {
  pageCount: number | undefined;
  pageCache: { invalidate(): void };
  pageMap: Map<unknown, PDFPage>;
}

export function appendPages(doc: PDFDocument, pages: readonly PDFPage[]): void {
  if (pages.length === 0) return;
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  if (!(rootRef instanceof PDFRef)) throw new Error('page tree root is not an indirect object');
  const root = doc.catalog.Pages();
  const kids = root.Kids();
  for (const page of pages) {
    kids.push(page.ref);
    page.node.setParent(rootRef);
  }
  root.set(PDFName.of('Count'), PDFNumber.of(root.Count().asNumber() + pages.length));
  // Keep pdf-lib's own view of the pages in step (private fields, same as insertPage does).
  const book = doc as unknown as PageBookkeeping;
  for (const page of pages) book.pageMap.set(page.node, page);
  book.pageCount = undefined;
  book.pageCache.invalidate();
}
