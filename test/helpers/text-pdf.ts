// Attachment PDFs with chosen text per page: lines at chosen sizes (for the title check), scanned
// pages (a full-page image and no text) and blank pages.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';

const FONT = readFileSync(path.resolve(import.meta.dirname, '../../templates/fonts/SourceSans3-Regular.ttf'));

export type TextPage = { lines: (string | { text: string; size: number })[] } | { scan: true } | { blank: true };

export interface TextPdfSpec {
  /** The document title in its properties; none when left out. */
  title?: string;
  pages: TextPage[];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A grey 64 × 64 PNG: what a scanner delivers, in small. */
export function greyPng(size = 64): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rows[y * (size + 1) + 1 + x] = (x * 7 + y * 3) % 256;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export async function textPdf(spec: TextPdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  if (spec.title !== undefined) doc.setTitle(spec.title);
  doc.setCreationDate(new Date('2025-02-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-02-01T00:00:00Z'));
  const image = spec.pages.some((p) => 'scan' in p) ? await doc.embedPng(greyPng()) : undefined;
  for (const p of spec.pages) {
    const page = doc.addPage([595.28, 841.89]);
    if ('scan' in p) page.drawImage(image!, { x: 0, y: 0, width: 595.28, height: 841.89 });
    if (!('lines' in p)) continue;
    let y = 780;
    for (const line of p.lines) {
      const { text, size } = typeof line === 'string' ? { text: line, size: 11 } : line;
      page.drawText(text, { x: 60, y, size, font });
      y -= size * 1.6;
    }
  }
  return doc.save({ useObjectStreams: false });
}
