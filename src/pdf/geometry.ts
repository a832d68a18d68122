// Page geometry: boxes as written ([x1 y1 x2 y2], corners in any order), normalised, and where a page is
// really seen: the visible box (CropBox ∩ MediaBox) and the page's rotation, inherited attributes
// included. The loader checks boxes with these; stamps are anchored to the visible box.

import { PDFArray, PDFName, PDFNumber, PDFRef, type PDFContext, type PDFObject, type PDFPage } from '@cantoo/pdf-lib';

/** A rectangle as PDF writes it: [x1, y1, x2, y2]. */
export type Box = [number, number, number, number];

export const A4_BOX: Box = [0, 0, 595.28, 841.89];

/** A box array of four finite numbers, as written (corners in any order). */
export function readBox(ctx: PDFContext, value: PDFObject | undefined): Box | undefined {
  const arr = value instanceof PDFRef ? ctx.lookup(value) : value;
  if (!(arr instanceof PDFArray) || arr.size() !== 4) return undefined;
  const n: number[] = [];
  for (let i = 0; i < 4; i++) {
    const v = arr.get(i);
    const num = v instanceof PDFRef ? ctx.lookup(v) : v;
    if (!(num instanceof PDFNumber) || !Number.isFinite(num.asNumber())) return undefined;
    n.push(num.asNumber());
  }
  return n as Box;
}

/** The same box with x1 < x2 and y1 < y2. */
export const normalised = (b: Box): Box => [Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.max(b[0], b[2]), Math.max(b[1], b[3])];

/** The intersection of two normalised boxes (may be empty: x2 <= x1 or y2 <= y1). */
export const intersection = (a: Box, b: Box): Box => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];

function readPageBox(page: PDFPage, name: 'MediaBox' | 'CropBox'): Box | undefined {
  const box = readBox(page.node.context, page.node.getInheritableAttribute(PDFName.of(name)));
  // Boxes may be written with any two opposite corners.
  return box ? normalised(box) : undefined;
}

export function visibleBox(page: PDFPage): Box {
  const media = readPageBox(page, 'MediaBox') ?? A4_BOX;
  const crop = readPageBox(page, 'CropBox');
  if (!crop) return media;
  const box = intersection(media, crop);
  // A CropBox entirely outside the MediaBox is meaningless: viewers fall back to the MediaBox.
  return box[2] > box[0] && box[3] > box[1] ? box : media;
}

/** Rotation in degrees clockwise, normalised to 0, 90, 180 or 270. */
export function pageRotation(page: PDFPage): 0 | 90 | 180 | 270 {
  const raw = page.node.getInheritableAttribute(PDFName.of('Rotate'));
  const n = raw ? page.node.context.lookupMaybe(raw, PDFNumber)?.asNumber() : undefined;
  if (n === undefined || !Number.isFinite(n)) return 0;
  const r = (((Math.round(n / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

export function userUnit(page: PDFPage): number {
  const raw = page.node.get(PDFName.of('UserUnit'));
  const n = raw ? page.node.context.lookupMaybe(raw, PDFNumber)?.asNumber() : undefined;
  return n && Number.isFinite(n) && n > 0 ? n : 1;
}
