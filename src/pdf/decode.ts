// Decode a PDF stream without ever holding more than a bounded number of bytes: the guard against
// decompression bombs. Flate (nearly every stream) goes through zlib with `maxOutputLength`, LZW
// through a decoder of our own; both say when the data is damaged (pdf-lib's decoders stop silently).
// Other filter chains go through pdf-lib's own decoders, read in chunks and stopped at the limit.

import { inflateRawSync, inflateSync, constants as zlibConstants } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, type PDFRawStream } from '@cantoo/pdf-lib';

/** A stream is a bomb when it decodes to more than this and … */
export const BOMB_MIN_BYTES = 50 * 1024 * 1024;
/** … more than this many times its encoded size. */
export const BOMB_MIN_RATIO = 100;
/** Decoded bytes checked per document before the total alone counts as a bomb (or 20× the file). */
export const BOMB_TOTAL_BYTES = 512 * 1024 * 1024;
export const BOMB_TOTAL_FILE_FACTOR = 20;

export type Decoded =
  /** `damaged`: the data is cut off or holds an invalid code; `bytes` is what could be decoded. */
  | { ok: true; bytes: Uint8Array; damaged?: string }
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

type Stage = { bytes: Uint8Array; damaged?: string };

function inflateBounded(input: Uint8Array, limit: number): Stage {
  const run = (fn: typeof inflateSync, data: Uint8Array, finishFlush: number): Uint8Array => {
    try {
      return fn(data, { maxOutputLength: limit + 1, finishFlush });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
      throw err;
    }
  };
  try {
    return { bytes: run(inflateSync, input, zlibConstants.Z_FINISH) };
  } catch (err) {
    if (err instanceof TooLarge || !/unexpected end/i.test((err as Error).message)) throw err;
  }
  // Cut short: viewers show what it holds (Z_SYNC_FLUSH). Only a missing checksum is no damage.
  const bytes = run(inflateSync, input, zlibConstants.Z_SYNC_FLUSH);
  try {
    run(inflateRawSync, input.subarray(2), zlibConstants.Z_FINISH);
    return { bytes };
  } catch (err) {
    if (err instanceof TooLarge) throw err;
    return { bytes, damaged: 'Flate-gegevens houden halverwege op' };
  }
}

/** LZW as PDF uses it (9–12-bit codes, /EarlyChange), stopped at `limit`; an invalid code ends it. */
export function lzwBounded(input: Uint8Array, limit: number, earlyChange = 1): Stage {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    length[i] = 1;
    prefix[i] = -1;
  }
  let out = new Uint8Array(Math.min(limit + 1, Math.max(1024, input.length * 4)));
  let size = 0;
  const emit = (code: number): number => {
    const n = length[code];
    if (size + n > limit) throw new TooLarge();
    if (size + n > out.length) {
      const bigger = new Uint8Array(Math.min(limit + 1, Math.max(out.length * 2, size + n)));
      bigger.set(out.subarray(0, size));
      out = bigger;
    }
    for (let c = code, i = size + n - 1; i >= size; i--, c = prefix[c]) out[i] = suffix[c];
    const first = out[size];
    size += n;
    return first;
  };
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let buffer = 0;
  let damaged: string | undefined;
  for (let at = 0; ; ) {
    while (bits < width && at < input.length) {
      buffer = ((buffer << 8) | input[at++]) & 0xffffff;
      bits += 8;
    }
    if (bits < width) break;
    const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    if (prev < 0) {
      if (code > 255) {
        damaged = `LZW: ongeldige code ${code}`;
        break;
      }
      emit(code);
      prev = code;
      continue;
    }
    if (code > next || (code === next && next >= 4096)) {
      damaged = `LZW: ongeldige code ${code}`;
      break;
    }
    if (next >= 4096) {
      // A full table without a clear code: codes are used as they are.
      emit(code);
      prev = code;
      continue;
    }
    const known = code < next;
    const first = known ? emit(code) : -1;
    prefix[next] = prev;
    length[next] = length[prev] + 1;
    suffix[next] = known ? first : out[size - length[prev]];
    if (!known) emit(next);
    next++;
    prev = code;
    if (next + earlyChange >= 1 << width && width < 12) width++;
  }
  return { bytes: out.subarray(0, size), damaged };
}

/**
 * /EarlyChange; whether /DecodeParms asks for more than plain LZW or Flate (a predictor); and
 * whether the predictor's parameters are impossible (no reader can apply them).
 */
function plainParms(stream: PDFRawStream): { plain: boolean; earlyChange: number; invalid?: string } {
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  if (parms === undefined || parms === PDFNull) return { plain: true, earlyChange: 1 };
  if (!(parms instanceof PDFDict)) return { plain: false, earlyChange: 1 };
  const num = (key: string): number | undefined => {
    const v = parms.lookup(PDFName.of(key));
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };
  const predictor = num('Predictor') ?? 1;
  const earlyChange = num('EarlyChange') === 0 ? 0 : 1;
  if (predictor === 1) return { plain: true, earlyChange };
  const colors = num('Colors') ?? 1;
  const bpc = num('BitsPerComponent') ?? 8;
  const columns = num('Columns') ?? 1;
  const sane = [2, 10, 11, 12, 13, 14, 15].includes(predictor) && colors >= 1 && colors <= 32 && [1, 2, 4, 8, 16].includes(bpc) && columns >= 1 && columns <= 1 << 24;
  return { plain: false, earlyChange, invalid: sane ? undefined : 'ongeldige /DecodeParms (predictor)' };
}

const FLATE = new Set(['FlateDecode', 'Fl']);
const LZW = new Set(['LZWDecode', 'LZW']);

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
    // A single filter with parameters, or a chain of plain ones: decoded here, with damage named.
    const { plain, earlyChange, invalid } = plainParms(stream);
    const own = !(stream as { transform?: unknown }).transform && (names.every((n) => FLATE.has(n)) || (plain && names.every((n) => FLATE.has(n) || LZW.has(n))));
    if (own) {
      try {
        let stage: Stage = { bytes: stream.contents };
        for (const name of names) {
          stage = FLATE.has(name) ? inflateBounded(stage.bytes, limit) : lzwBounded(stage.bytes, limit, earlyChange);
          if (stage.damaged) break;
        }
        return { ok: true, bytes: stage.bytes, damaged: stage.damaged ?? invalid };
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
