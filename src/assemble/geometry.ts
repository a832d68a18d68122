// Where a page is really seen: the visible box (CropBox ∩ MediaBox) and the page's rotation,
// inherited attributes included. Stamps and placeholders are anchored to this, never to fixed coordinates.

import { PDFName, PDFNumber, type PDFPage } from '@cantoo/pdf-lib';
import { A4_BOX, normalised, readBox } from '../pdf/page-tree.js';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function readPageBox(page: PDFPage, name: 'MediaBox' | 'CropBox'): Box | undefined {
  const box = readBox(page.node.context, page.node.getInheritableAttribute(PDFName.of(name)));
  if (!box) return undefined;
  // Boxes may be written with any two opposite corners.
  const [x1, y1, x2, y2] = normalised(box);
  return { x1, y1, x2, y2 };
}

const [a4x1, a4y1, a4x2, a4y2] = A4_BOX;
const A4: Box = { x1: a4x1, y1: a4y1, x2: a4x2, y2: a4y2 };

export function visibleBox(page: PDFPage): Box {
  const media = readPageBox(page, 'MediaBox') ?? A4;
  const crop = readPageBox(page, 'CropBox');
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
