// Guard against image bombs: an image XObject whose dictionary (or JPEG header) declares more pixels
// than any viewer or printer can hold, or whose data unpacks to far more than its pixels need. pdf-lib
// copies images without decoding them, but every reader of the bundle decodes them.

import { PDFArray, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { imageInfo } from '../convert/image-info.js';
import type { PdfProblem } from '../model/pdf-facts.js';
import { decodeBounded, type DecodeBudget } from './decode.js';
import { pdfProblem } from './problems.js';

/** An image may need at most this many bytes once decoded (width × height × components × bits / 8). */
export const MAX_IMAGE_BYTES = 512 * 1024 * 1024;
/** Image data is unpacked (and thrown away) to check it, up to this many bytes per document. */
export const IMAGE_CHECK_TOTAL = 1024 * 1024 * 1024;
/** Decoded data may exceed the declared size by this much (row tags of predictors, padding). */
const SLACK_BYTES = 1024 * 1024;

const N = (name: string): PDFName => PDFName.of(name);
const deref = (ctx: PDFContext, v: PDFObject | undefined): PDFObject | undefined => (v instanceof PDFRef ? ctx.lookup(v) : v);
const DATA_FILTERS = new Set(['FlateDecode', 'Fl', 'LZWDecode', 'LZW', 'RunLengthDecode', 'RL', 'ASCIIHexDecode', 'AHx', 'ASCII85Decode', 'A85']);
const COMPONENTS: Record<string, number> = { DeviceGray: 1, G: 1, CalGray: 1, Indexed: 1, I: 1, Separation: 1, Pattern: 1, DeviceRGB: 3, RGB: 3, CalRGB: 3, Lab: 3, DeviceCMYK: 4, CMYK: 4 };

function components(ctx: PDFContext, value: PDFObject | undefined): number {
  const cs = deref(ctx, value);
  if (cs instanceof PDFName) return COMPONENTS[cs.decodeText()] ?? 4;
  if (cs instanceof PDFArray && cs.size() > 0) {
    const family = deref(ctx, cs.get(0));
    const kind = family instanceof PDFName ? family.decodeText() : '';
    if (kind === 'ICCBased') {
      const profile = deref(ctx, cs.get(1));
      const n = profile instanceof PDFStream ? deref(ctx, profile.dict.get(N('N'))) : undefined;
      return n instanceof PDFNumber && n.asNumber() >= 1 && n.asNumber() <= 32 ? n.asNumber() : 4;
    }
    if (kind === 'DeviceN') {
      const names = deref(ctx, cs.get(1));
      return names instanceof PDFArray ? Math.max(1, names.size()) : 4;
    }
    return COMPONENTS[kind] ?? 4;
  }
  // No colour space (JPX, or an unusable one): assume the most a pixel can take.
  return 4;
}

function filters(ctx: PDFContext, stream: PDFStream): string[] {
  const f = deref(ctx, stream.dict.get(N('Filter')));
  if (f instanceof PDFName) return [f.decodeText()];
  if (f instanceof PDFArray) return f.asArray().map((x) => deref(ctx, x)).map((x) => (x instanceof PDFName ? x.decodeText() : '?'));
  return [];
}

const positiveInt = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber && Number.isInteger(o.asNumber()) && o.asNumber() > 0 ? o.asNumber() : undefined);

export class ImageCheck {
  private checked = 0;
  private readonly damagedPages = new Set<number>();
  private seen = new Set<PDFStream>();

  constructor(
    private readonly ctx: PDFContext,
    private readonly budget: DecodeBudget,
  ) {}

  /** An error for an image bomb on `page`, else undefined (damaged images are collected as warnings). */
  check(image: PDFStream, page: number): PdfProblem | undefined {
    if (this.seen.has(image)) return undefined;
    this.seen.add(image);
    const { ctx } = this;
    const dict = image.dict;
    let width = positiveInt(deref(ctx, dict.get(N('Width'))));
    let height = positiveInt(deref(ctx, dict.get(N('Height'))));
    if (width === undefined || height === undefined) {
      this.damagedPages.add(page);
      return undefined;
    }
    const isMask = deref(ctx, dict.get(N('ImageMask')))?.toString() === 'true';
    let comps = isMask ? 1 : components(ctx, dict.get(N('ColorSpace')));
    const bpc = isMask ? 1 : (positiveInt(deref(ctx, dict.get(N('BitsPerComponent')))) ?? 8);
    const chain = filters(ctx, image);
    if (chain.length === 1 && (chain[0] === 'DCTDecode' || chain[0] === 'DCT') && image instanceof PDFRawStream) {
      // Viewers decode a JPEG at the size its own header states.
      const info = imageInfo(image.contents, 'jpeg');
      const frame = info.ok ? info.frames[0] : undefined;
      if (frame && frame.width * frame.height > width * height) ({ width, height } = frame);
    }
    const rowBytes = Math.ceil((width * comps * Math.min(bpc, 16)) / 8);
    const declared = rowBytes * height;
    if (declared > MAX_IMAGE_BYTES) return pdfProblem.imageTooLarge(page, width, height, declared, MAX_IMAGE_BYTES);

    if (image instanceof PDFRawStream && chain.length > 0 && chain.every((f) => DATA_FILTERS.has(f)) && this.checked < IMAGE_CHECK_TOTAL) {
      // More data than the pixels need is never shown; unpacking it is what a bomb is for.
      const limit = Math.min((rowBytes + 1) * height + SLACK_BYTES, this.budget.total);
      const decoded = decodeBounded(image, limit);
      if (decoded.ok) {
        this.checked += decoded.bytes.length;
        if (decoded.damaged) this.damagedPages.add(page);
      }
      else if (decoded.reason === 'bom') return pdfProblem.imageBomb(page, image.contents.length, width, height, limit);
      else this.damagedPages.add(page);
    }
    for (const key of ['SMask', 'Mask']) {
      const mask = deref(ctx, dict.get(N(key)));
      if (mask instanceof PDFStream) {
        const problem = this.check(mask, page);
        if (problem) return problem;
      }
    }
    return undefined;
  }

  warnings(): PdfProblem[] {
    const pages = [...this.damagedPages].sort((a, b) => a - b);
    return pages.length ? [pdfProblem.imageDamaged(pages)] : [];
  }
}
