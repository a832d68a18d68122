// Decode a PDF stream without ever holding more than a bounded number of bytes: the guard against
// decompression bombs. Flate (nearly every stream) goes through zlib with `maxOutputLength`; other
// filter chains through pdf-lib's own decoders, read in chunks and stopped at the limit.

import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFName, type PDFRawStream } from '@cantoo/pdf-lib';

/** A stream is a bomb when it decodes to more than this and … */
export const BOMB_MIN_BYTES = 50 * 1024 * 1024;
/** … more than this many times its encoded size. */
export const BOMB_MIN_RATIO = 100;
/** Decoded bytes checked per document before the total alone counts as a bomb (or 20× the file). */
export const BOMB_TOTAL_BYTES = 512 * 1024 * 1024;
export const BOMB_TOTAL_FILE_FACTOR = 20;

export type Decoded =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'bom'; encoded: number; limit: number }
  | { ok: false; reason: 'kapot'; message: string };

/** The most a stream of `encoded` bytes may decode to before it counts as a bomb. */
export function decodeLimit(encoded: number): number {
  return Math.max(BOMB_MIN_BYTES, BOMB_MIN_RATIO * encoded);
}

function filterNames(stream: PDFRawStream): string[] | undefined {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  if (filter === undefined) return [];
  if (filter instanceof PDFName) return [filter.decodeText()];
  if (filter instanceof PDFArray) {
    const names: string[] = [];
    for (let i = 0; i < filter.size(); i++) {
      const n = filter.lookup(i);
      if (!(n instanceof PDFName)) return undefined;
      names.push(n.decodeText());
    }
    return names;
  }
  return undefined;
}

class TooLarge extends Error {}

function inflateBounded(input: Uint8Array, limit: number): Uint8Array {
  try {
    // Z_SYNC_FLUSH: a stream cut short still yields what it has, as viewers show it.
    return inflateSync(input, { maxOutputLength: limit + 1, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    throw err;
  }
}

/** pdf-lib's decoders, read 64 KiB at a time so a bomb is stopped at the limit, not at the end. */
function decodeWithPdfLib(stream: PDFRawStream, limit: number): Uint8Array {
  const decoder = decodePDFRawStream(stream);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = decoder.getBytes(64 * 1024);
    if (chunk.length === 0) break;
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(Uint8Array.from(chunk));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Decode `stream` completely, unless it would exceed `limit` bytes (default: the bomb limit). */
export function decodeBounded(stream: PDFRawStream, limit = decodeLimit(stream.contents.length)): Decoded {
  const encoded = stream.contents.length;
  try {
    const names = filterNames(stream);
    if (names === undefined) return { ok: false, reason: 'kapot', message: 'ongeldig /Filter' };
    if (names.length === 0) return { ok: true, bytes: stream.contents };
    const onlyFlate = names.every((n) => n === 'FlateDecode' || n === 'Fl') && !(stream as { transform?: unknown }).transform;
    if (onlyFlate) {
      try {
        let data: Uint8Array = stream.contents;
        for (let i = 0; i < names.length; i++) data = inflateBounded(data, limit);
        return { ok: true, bytes: data };
      } catch (err) {
        if (err instanceof TooLarge) throw err;
        // zlib is stricter than viewers (a missing header, garbage after the end): let pdf-lib try.
      }
    }
    return { ok: true, bytes: decodeWithPdfLib(stream, limit) };
  } catch (err) {
    if (err instanceof TooLarge) return { ok: false, reason: 'bom', encoded, limit };
    return { ok: false, reason: 'kapot', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Counts decoded bytes over one document, so many medium streams cannot add up to a bomb either. */
export class DecodeBudget {
  used = 0;
  readonly total: number;
  constructor(fileSize: number) {
    this.total = Math.max(BOMB_TOTAL_BYTES, BOMB_TOTAL_FILE_FACTOR * fileSize);
  }
  /** The limit for one more stream: the per-stream bomb limit, or what is left of the total. */
  limitFor(encoded: number): number {
    return Math.min(decodeLimit(encoded), this.total - this.used);
  }
  spend(bytes: number): void {
    this.used += bytes;
  }
}
