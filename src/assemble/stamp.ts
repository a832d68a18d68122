// The page stamp ("Algemeen Bestuur 5 maart 2025 · pagina 12 van 210"): upright, centred on the
// displayed bottom edge of the visible area, whatever the page's rotation, boxes or UserUnit.
// Stamping every page of a thousand-page bundle must be cheap: glyphs and widths are looked up per
// character once (no text shaping per page), and all pages share one font and one ExtGState.

import { PDFDict, PDFName, PDFNumber, type PDFDocument, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';
import { pageRotation, userUnit, visibleBox } from '../pdf/geometry.js';
import type { StampFont } from './stamp-font.js';

export const STAMP_SIZE = 8.5;
/** Distance of the baseline from the displayed bottom edge, in points. */
export const STAMP_MARGIN = 16;

/**
 * The name under which `ref` is already in the page's resources. Pages copied from one document
 * often share one Resources dictionary; without this it would gain an entry for every page.
 */
function resourceName(page: PDFPage, kind: 'Font' | 'ExtGState', ref: PDFRef): PDFName | undefined {
  const { Resources } = page.node.normalizedEntries();
  const dict = Resources.lookupMaybe(PDFName.of(kind), PDFDict);
  if (!dict) return undefined;
  for (const [key, value] of dict.entries()) if (value === ref) return key;
  return undefined;
}

export class Stamper {
  private readonly glyphs = new Map<string, { hex: string; width: number }>();
  private readonly backing: PDFRef;

  constructor(
    doc: PDFDocument,
    private readonly font: StampFont,
  ) {
    // A light backing keeps the number readable on dark slides and scans; mostly see-through, so
    // nothing under it is lost.
    this.backing = doc.context.register(doc.context.obj({ Type: 'ExtGState', ca: 0.75, CA: 0.75 }));
  }

  /** Glyph ids (hex) and advance width at size 1, one character at a time. */
  private encode(text: string): { hex: string; width: number } {
    let hex = '';
    let width = 0;
    for (const ch of text) {
      let g = this.glyphs.get(ch);
      if (!g) {
        g = this.font.glyph(ch);
        this.glyphs.set(ch, g);
      }
      hex += g.hex;
      width += g.width;
    }
    return { hex, width };
  }

  stamp(page: PDFPage, text: string): void {
    const [x1, y1, x2, y2] = visibleBox(page);
    const rotation = pageRotation(page);
    const unit = userUnit(page);
    const sideways = rotation === 90 || rotation === 270;
    const displayedWidth = sideways ? y2 - y1 : x2 - x1;
    const displayedHeight = sideways ? x2 - x1 : y2 - y1;

    const { hex, width: unitWidth } = this.encode(text);
    // Points to user-space units; shrink to fit tiny pages.
    let size = STAMP_SIZE / unit;
    let width = unitWidth * size;
    const maxWidth = displayedWidth * 0.9;
    if (width > maxWidth) {
      size *= maxWidth / width;
      width = maxWidth;
    }
    const margin = Math.min(STAMP_MARGIN / unit, displayedHeight / 4);

    // Origin of the text's baseline, and the rotation that makes it read upright on screen.
    const cx = (x1 + x2) / 2;
    const cy = (y1 + y2) / 2;
    const [x, y] =
      rotation === 0
        ? [cx - width / 2, y1 + margin]
        : rotation === 90 // displayed bottom is the right edge; text runs up the page
          ? [x2 - margin, cy - width / 2]
          : rotation === 180 // displayed bottom is the top edge; text runs right to left
            ? [cx + width / 2, y2 - margin]
            : [x1 + margin, cy + width / 2]; // 270: the left edge; text runs down the page
    const rad = (rotation * Math.PI) / 180;
    const cos = Math.round(Math.cos(rad));
    const sin = Math.round(Math.sin(rad));

    const fontName = resourceName(page, 'Font', this.font.ref) ?? page.node.newFontDictionary(this.font.name, this.font.ref);
    const gsName = resourceName(page, 'ExtGState', this.backing) ?? page.node.newExtGState('GS', this.backing);
    const pad = size * 0.35;
    const descent = size * 0.3;
    // Wrap the page's own content in q/Q first (pdf-lib's normalize), then add the stamp as a small
    // uncompressed stream: deflating thousands of 300-byte streams costs more than it saves. Written
    // as text (numbers as pdf-lib writes them), not as pdf-lib operators: a thousand pages' worth of
    // operator objects cost more to make and to write than the page's whole stamp.
    page.node.normalize();
    const ctx = page.node.context;
    const n = (value: number): string => PDFNumber.of(value).toString();
    const content = [
      // Marked as an artifact (pagination, footer): assistive technology skips it, and it is no part
      // of the document it is drawn on.
      '/Artifact << /Type /Pagination /Subtype /Footer >> BDC',
      'q',
      // Text space: origin at the baseline start, x along the reading direction.
      `${n(cos)} ${n(sin)} ${n(-sin)} ${n(cos)} ${n(x)} ${n(y)} cm`,
      'q',
      `${gsName} gs`,
      '1 1 1 rg',
      `${n(-pad)} ${n(-descent - pad)} ${n(width + 2 * pad)} ${n(size + descent + 2 * pad)} re`,
      'f',
      'Q',
      '0.2 0.2 0.2 rg',
      'BT',
      `${fontName} ${n(size)} Tf`,
      `<${hex}> Tj`,
      'ET',
      'Q',
      'EMC',
      '',
    ].join('\n');
    page.node.addContentStream(ctx.register(ctx.stream(content)));
  }
}
