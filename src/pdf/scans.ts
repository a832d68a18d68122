// Scans: does a page show an image? A page without a text layer that does is a scan: its words cannot be
// searched, checked for personal data or read aloud. Looks at the page's resources (and the forms it
// uses, a few levels deep) and for inline images in its content; images are never decoded.

import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { decodeBounded } from './decode.js';

const N = (name: string): PDFName => PDFName.of(name);
const MAX_FORM_DEPTH = 4;
/** Content larger than this is not searched for inline images (the resources decide then). */
const MAX_INLINE_SCAN = 4 * 1024 * 1024;

function resourcesShowImage(doc: PDFDocument, resources: PDFObject | undefined, depth: number, seen: Set<PDFObject>): boolean {
  const res = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
  if (!(res instanceof PDFDict) || seen.has(res) || depth > MAX_FORM_DEPTH) return false;
  seen.add(res);
  const xobjects = doc.context.lookup(res.get(N('XObject')));
  if (!(xobjects instanceof PDFDict)) return false;
  for (const [, ref] of xobjects.entries()) {
    const x = doc.context.lookup(ref);
    if (!(x instanceof PDFStream)) continue;
    const subtype = x.dict.get(N('Subtype'));
    if (subtype === N('Image')) return true;
    if (subtype === N('Form') && resourcesShowImage(doc, x.dict.get(N('Resources')), depth + 1, seen)) return true;
  }
  return false;
}

function hasInlineImage(doc: PDFDocument, contents: PDFObject | undefined): boolean {
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((s) => doc.context.lookup(s)) : [resolved];
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) continue;
    const decoded = decodeBounded(s, MAX_INLINE_SCAN);
    if (decoded.ok && /(^|\s)BI\s[\s\S]*?\sID\s/.test(Buffer.from(decoded.bytes).toString('latin1'))) return true;
  }
  return false;
}

/** Of the given 1-based page numbers, those that show an image. */
export function pagesShowingImages(doc: PDFDocument, pageNumbers: readonly number[]): number[] {
  if (pageNumbers.length === 0) return [];
  const pages = doc.getPages();
  return pageNumbers.filter((n) => {
    const page = pages[n - 1];
    if (!page) return false;
    return resourcesShowImage(doc, page.node.Resources(), 0, new Set()) || hasInlineImage(doc, page.node.get(N('Contents')));
  });
}
