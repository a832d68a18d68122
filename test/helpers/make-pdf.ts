// Small attachment PDFs with the shapes real bundles contain: portrait, landscape, rotated (also
// inherited from the page tree), a crop box offset from the media box, and their own bookmarks.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from '@cantoo/pdf-lib';

const FONT = readFileSync(path.resolve(import.meta.dirname, '../../templates/fonts/SourceSans3-Regular.ttf'));

export interface PageSpec {
  width?: number;
  height?: number;
  rotate?: 0 | 90 | 180 | 270 | -90;
  /** [x1, y1, x2, y2] */
  cropBox?: [number, number, number, number];
  mediaBox?: [number, number, number, number];
  text?: string;
}

export interface PdfSpec {
  title: string;
  pages: PageSpec[];
  /** Bookmarks: title -> 0-based page. */
  outline?: { title: string; page: number }[];
  /** Put /Rotate on the page tree node instead of the pages. */
  inheritRotate?: 0 | 90 | 180 | 270;
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  doc.setTitle(spec.title);
  doc.setCreationDate(new Date('2025-02-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-02-01T00:00:00Z'));
  spec.pages.forEach((p, i) => {
    const page = doc.addPage([p.width ?? 595.28, p.height ?? 841.89]);
    if (p.mediaBox) page.setMediaBox(p.mediaBox[0], p.mediaBox[1], p.mediaBox[2] - p.mediaBox[0], p.mediaBox[3] - p.mediaBox[1]);
    const mb = page.getMediaBox();
    page.drawText(p.text ?? `${spec.title} blad ${i + 1}`, { x: mb.x + 60, y: mb.y + mb.height / 2, size: 14, font });
    if (p.cropBox) page.setCropBox(p.cropBox[0], p.cropBox[1], p.cropBox[2] - p.cropBox[0], p.cropBox[3] - p.cropBox[1]);
    if (p.rotate !== undefined) page.node.set(PDFName.of('Rotate'), PDFNumber.of(p.rotate));
  });
  if (spec.inheritRotate !== undefined) {
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(spec.inheritRotate));
  }
  if (spec.outline?.length) {
    const ctx = doc.context;
    const root = ctx.nextRef();
    const refs: PDFRef[] = spec.outline.map(() => ctx.nextRef());
    const pages = doc.getPages();
    spec.outline.forEach((o, i) => {
      const d = ctx.obj({}) as PDFDict;
      d.set(PDFName.of('Title'), PDFHexString.fromText(o.title));
      d.set(PDFName.of('Parent'), root);
      if (i > 0) d.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < refs.length - 1) d.set(PDFName.of('Next'), refs[i + 1]);
      d.set(PDFName.of('Dest'), ctx.obj([pages[o.page].ref, PDFName.of('Fit')]));
      ctx.assign(refs[i], d);
    });
    ctx.assign(root, ctx.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length }));
    doc.catalog.set(PDFName.of('Outlines'), root);
  }
  void PDFNull;
  return doc.save({ useObjectStreams: false });
}

export const portrait = (title: string, n: number, outline?: PdfSpec['outline']): Promise<Uint8Array> =>
  makePdf({ title, pages: Array.from({ length: n }, () => ({})), outline });
export const landscape = (title: string, n: number): Promise<Uint8Array> =>
  makePdf({ title, pages: Array.from({ length: n }, () => ({ width: 841.89, height: 595.28 })) });
