// Images as bijlagen: PNG, JPEG and (multi-page) TIFF become A4 PDF pages, one per frame, without
// LibreOffice. Each page is portrait or landscape as the image is shown (EXIF/TIFF orientation
// applied), the image fitted inside a margin and centred. JPEG data is embedded as it is (no
// re-encoding); PNG through pdf-lib; TIFF frames are decoded with UTIF.js and stored losslessly.

import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { inflateSync } from 'node:zlib';
import UTIF, { type Ifd } from 'utif';
import { imageInfo, tooLarge, type Frame } from './image-info.js';

const A4: [number, number] = [595.28, 841.89];
/** 1 cm around the image, a little more at the bottom where the page number goes. */
const MARGIN = 28.35;
const BOTTOM_EXTRA = 14;

export class ImageError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'too-large',
    detail: string,
  ) {
    super(detail);
  }
}

/** Orientations 5–8 turn the image a quarter: its displayed width is its stored height. */
const turned = (orientation: number): boolean => orientation >= 5;

/** The `cm` matrix that maps the image's unit square onto the box (x, y, w, h) as `orientation` shows it. */
function placement(orientation: number, x: number, y: number, w: number, h: number): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2: return [-w, 0, 0, h, x + w, y];
    case 3: return [-w, 0, 0, -h, x + w, y + h];
    case 4: return [w, 0, 0, -h, x, y + h];
    case 5: return [0, -h, -w, 0, x + w, y + h];
    case 6: return [0, -h, w, 0, x, y + h];
    case 7: return [0, h, w, 0, x, y];
    case 8: return [0, h, -w, 0, x + w, y];
    default: return [w, 0, 0, h, x, y];
  }
}

function addImagePage(doc: PDFDocument, ref: PDFRef, frame: Frame): PDFPage {
  const shownW = turned(frame.orientation) ? frame.height : frame.width;
  const shownH = turned(frame.orientation) ? frame.width : frame.height;
  const [pageW, pageH] = shownW > shownH ? [A4[1], A4[0]] : A4;
  const page = doc.addPage([pageW, pageH]);
  const boxW = pageW - 2 * MARGIN;
  const boxH = pageH - 2 * MARGIN - BOTTOM_EXTRA;
  const scale = Math.min(boxW / shownW, boxH / shownH);
  const w = shownW * scale;
  const h = shownH * scale;
  const x = MARGIN + (boxW - w) / 2;
  const y = MARGIN + BOTTOM_EXTRA + (boxH - h) / 2;
  const name = page.node.newXObject('Afbeelding', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...placement(frame.orientation, x, y, w, h)), drawObject(name), popGraphicsState());
  return page;
}

/** One decoded TIFF frame as an image XObject: 1-bit and 8-bit grey and 8-bit RGB as they are, the rest via RGBA. */
function tiffXObject(doc: PDFDocument, ifd: Ifd): PDFRef {
  const num = (tag: number, fallback: number): number => Number((ifd[`t${tag}`] as number[] | undefined)?.[0] ?? fallback);
  const width = ifd.width!;
  const height = ifd.height!;
  const bits = num(258, 1);
  const samples = num(277, 1);
  const photometric = num(262, 1);
  const planar = num(284, 1);
  const data = ifd.data!;
  const make = (pixels: Uint8Array, colorSpace: 'DeviceGray' | 'DeviceRGB', bpc: number, invert: boolean): PDFRef =>
    doc.context.register(
      doc.context.flateStream(pixels, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        ColorSpace: colorSpace,
        BitsPerComponent: bpc,
        ...(invert ? { Decode: colorSpace === 'DeviceGray' ? [1, 0] : [1, 0, 1, 0, 1, 0] } : {}),
      }),
    );
  const grey = (photometric === 0 || photometric === 1) && samples === 1;
  const rowBytes = Math.ceil((width * bits * samples) / 8);
  if (grey && (bits === 1 || bits === 8) && data.length >= rowBytes * height) return make(data.subarray(0, rowBytes * height), 'DeviceGray', bits, photometric === 0);
  if (photometric === 2 && samples === 3 && bits === 8 && planar === 1 && data.length >= rowBytes * height) return make(data.subarray(0, rowBytes * height), 'DeviceRGB', 8, false);
  // Anything else (palette, CMYK, 16 bits, alpha, YCbCr, planar): UTIF's RGBA, laid on white.
  const rgba = UTIF.toRGBA8(ifd);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    const a = rgba[j + 3];
    for (let k = 0; k < 3; k++) rgb[i + k] = Math.round((rgba[j + k] * a + 255 * (255 - a)) / 255);
  }
  return make(rgb, 'DeviceRGB', 8, false);
}

/** Inflate `data` only to check it unpacks to at most `cap` bytes: a decompression bomb stops here. */
function checkInflate(data: Uint8Array, cap: number, where: string): void {
  try {
    inflateSync(data, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ImageError('too-large', `${where} bevat gegevens die uitpakken tot meer dan het beeld groot is (een decompressiebom)`);
    throw new ImageError('unreadable', `${where} is beschadigd (${(err as Error).message})`);
  }
}

/**
 * UTIF inflates a Deflate strip or tile whole, however large it unpacks; so does pdf-lib a PNG's
 * image data. Check first, with a cap of the image's own size (and 1 MiB to spare), that none is a
 * decompression bomb. (UTIF's LZW and PackBits write into a buffer of the frame's size and stop there.)
 */
function checkTiffDeflate(bytes: Uint8Array, ifd: Ifd, page: number): void {
  const tag = (n: number): number[] => ((ifd[`t${n}`] as number[] | undefined) ?? []).map(Number);
  if (tag(259)[0] !== 8 && tag(259)[0] !== 32946) return;
  const [width = 0] = tag(256);
  const [height = 0] = tag(257);
  const bits = tag(258).reduce((a, b) => a + b, 0) || 1;
  const cap = Math.ceil((width * bits) / 8) * height + SPARE;
  const offsets = tag(273).length ? tag(273) : tag(324);
  const counts = tag(279).length ? tag(279) : tag(325);
  offsets.forEach((offset, i) => checkInflate(bytes.subarray(offset, offset + (counts[i] ?? 0)), cap, `blad ${page}`));
}

const SPARE = 1024 * 1024;
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function checkPngDeflate(bytes: Uint8Array, frame: Frame): void {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bits = bytes[24] * (PNG_CHANNELS[bytes[25]] ?? 4);
  const cap = (Math.ceil((frame.width * bits) / 8) + 1) * frame.height * 2 + SPARE;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = v.getUint32(at);
    if (Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1') === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  checkInflate(Buffer.concat(idat), cap, 'de afbeelding');
}

/** The PDF of an image file whose content (magic bytes) is `ext`: png, jpeg or tiff. Throws ImageError. */
export async function imageToPdf(bytes: Uint8Array, ext: 'png' | 'jpeg' | 'tiff'): Promise<{ pdf: Uint8Array; pages: number }> {
  const info = imageInfo(bytes, ext);
  if (!info.ok) throw new ImageError('unreadable', info.detail);
  const large = tooLarge(info.frames);
  if (large) throw new ImageError('too-large', large);
  const doc = await PDFDocument.create({ updateMetadata: false });
  try {
    if (ext === 'jpeg') {
      addImagePage(doc, (await doc.embedJpg(bytes)).ref, info.frames[0]);
    } else if (ext === 'png') {
      checkPngDeflate(bytes, info.frames[0]);
      addImagePage(doc, (await doc.embedPng(bytes)).ref, info.frames[0]);
    } else {
      const ifds = UTIF.decode(bytes);
      // UTIF also lists sub-images (thumbnails); the pages are the main chain the header check read.
      const pages = ifds.slice(0, info.frames.length);
      for (const [i, ifd] of pages.entries()) {
        checkTiffDeflate(bytes, ifd, i + 1);
        UTIF.decodeImage(bytes, ifd, ifds);
        if (!ifd.data || !ifd.width || !ifd.height) throw new Error(`blad ${i + 1} kan niet worden uitgepakt`);
        addImagePage(doc, tiffXObject(doc, ifd), info.frames[i]);
        // Let the decoded pixels go once they are compressed into the PDF.
        ifd.data = undefined;
      }
    }
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError('unreadable', ((err instanceof Error ? err.message : String(err)).split('\n')[0] || 'onbekende fout').slice(0, 200));
  }
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: Infinity });
  return { pdf, pages: doc.getPageCount() };
}
