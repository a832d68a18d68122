// Where a page is really seen: the visible box (CropBox ∩ MediaBox) and the page's rotation,
// inherited attributes included. Stamps and placeholders are anchored to this, never to fixed coordinates.

import { PDFArray, PDFName, PDFNumber, type PDFPage } from '@cantoo/pdf-lib';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function readBox(page: PDFPage, name: 'MediaBox' | 'CropBox'): Box | undefined {
  const raw = page.node.getInheritableAttribute(PDFName.of(name));
  const arr = raw ? page.node.context.lookupMaybe(raw, PDFArray) : undefined;
  if (!arr || arr.size() < 4) return undefined;
  const n: number[] = [];
  for (let i = 0; i < 4; i++) {
    const v = arr.lookupMaybe(i, PDFNumber);
    if (!v) return undefined;
    n.push(v.asNumber());
  }
  if (!n.every(Number.isFinite)) return undefined;
  // Boxes may be written with any two opposite corners.
  return { x1: Math.min(n[0], n[2]), y1: Math.min(n[1], n[3]), x2: Math.max(n[0], n[2]), y2: Math.max(n[1], n[3]) };
}

const A4: Box = { x1: 0, y1: 0, x2: 595.28, y2: 841.89 };

export function visibleBox(page: PDFPage): Box {
  const media = readBox(page, 'MediaBox') ?? A4;
  const crop = readBox(page, 'CropBox');
  if (!crop) return media;
  const box = { x1: Math.max(media.x1, crop.x1), y1: Math.max(media.y1, crop.y1), x2: Math.min(media.x2, crop.x2), y2: Math.min(media.y2, crop.y2) };
  // A CropBox entirely outside the MediaBox is meaningless: viewers fall back to the MediaBox.
  return box.x2 > box.x1 && box.y2 > box.y1 ? box : media;
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

/** Size of the page as displayed (after rotation), in user-space units. */
export function displayedSize(page: PDFPage): { width: number; height: number } {
  const b = visibleBox(page);
  const w = b.x2 - b.x1;
  const h = b.y2 - b.y1;
  const r = pageRotation(page);
  return r === 90 || r === 270 ? { width: h, height: w } : { width: w, height: h };
}
