// The page stamp ("Algemeen Bestuur 5 maart 2025 · pagina 12 van 210"): upright, centred on the
// displayed bottom edge of the visible area, whatever the page's rotation, boxes or UserUnit.

import { degrees, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { pageRotation, userUnit, visibleBox } from './geometry.js';

export const STAMP_SIZE = 8.5;
/** Distance of the baseline from the displayed bottom edge, in points. */
export const STAMP_MARGIN = 16;

export function stampPage(page: PDFPage, text: string, font: PDFFont): void {
  const box = visibleBox(page);
  const rotation = pageRotation(page);
  const unit = userUnit(page);
  const displayedWidth = rotation === 90 || rotation === 270 ? box.y2 - box.y1 : box.x2 - box.x1;
  const displayedHeight = rotation === 90 || rotation === 270 ? box.x2 - box.x1 : box.y2 - box.y1;

  // Points to user-space units; shrink to fit tiny pages.
  let size = STAMP_SIZE / unit;
  let margin = STAMP_MARGIN / unit;
  let width = font.widthOfTextAtSize(text, size);
  const maxWidth = displayedWidth * 0.9;
  if (width > maxWidth) {
    size *= maxWidth / width;
    width = maxWidth;
  }
  margin = Math.min(margin, displayedHeight / 4);

  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  let x: number;
  let y: number;
  switch (rotation) {
    case 0:
      x = cx - width / 2;
      y = box.y1 + margin;
      break;
    case 90: // displayed bottom is the right edge; text runs up the page
      x = box.x2 - margin;
      y = cy - width / 2;
      break;
    case 180: // displayed bottom is the top edge; text runs right to left
      x = cx + width / 2;
      y = box.y2 - margin;
      break;
    case 270: // displayed bottom is the left edge; text runs down the page
      x = box.x1 + margin;
      y = cy + width / 2;
      break;
  }
  // A light backing keeps the number readable on dark slides and scans; mostly see-through, so
  // nothing under it is lost.
  const pad = size * 0.35;
  const descent = size * 0.3;
  const rad = (rotation * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  const [lx, ly] = [-pad, -descent - pad];
  page.drawRectangle({
    x: x + lx * cos - ly * sin,
    y: y + lx * sin + ly * cos,
    width: width + 2 * pad,
    height: size + descent + 2 * pad,
    rotate: degrees(rotation),
    color: rgb(1, 1, 1),
    opacity: 0.75,
  });
  page.drawText(text, { x, y, size, font, color: rgb(0.2, 0.2, 0.2), rotate: degrees(rotation) });
}
