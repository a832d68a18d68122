// The cross-reference data of a sound file, read for the lazy reader (lazy-load.ts): classic tables
// and cross-reference streams (/W, /Index, PNG predictors), following /Prev and /XRefStm, newest
// section first. Anything unexpected answers undefined, and the caller parses the file whole as
// before; this reader never guesses. Trailer dictionaries are parsed with pdf-lib's own parser.

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFObject } from '@cantoo/pdf-lib';
import { decodeBounded } from './decode.js';
import type { XrefData, XrefEntry } from './lazy-objects.js';
import type { LazyParser } from './lazy-parser.js';

const MAX_SECTIONS = 64;
const MAX_ENTRIES = 5_000_000;
const WS = /[\0\t\n\f\r ]/;

function startXref(buf: Buffer): number | undefined {
  const at = buf.lastIndexOf('startxref');
  if (at < 0 || at < buf.length - 1024) return undefined;
  const m = /^startxref[\0\t\n\f\r ]+(\d{1,12})/.exec(buf.toString('latin1', at, at + 40));
  return m ? Number(m[1]) : undefined;
}

const int = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber && Number.isInteger(o.asNumber()) && o.asNumber() >= 0 ? o.asNumber() : undefined);

/** A classic table at `offset`: its entries (older ones are not overwritten) and its trailer. */
function readTable(buf: Buffer, offset: number, parser: LazyParser, add: (num: number, e: XrefEntry) => void, budget: { entries: number }): PDFDict | undefined {
  const end = buf.indexOf('trailer', offset);
  if (end < 0) return undefined;
  const tokens = buf.toString('latin1', offset, end).trim().split(/[\0\t\n\f\r ]+/);
  if (tokens.shift() !== 'xref') return undefined;
  let i = 0;
  while (i < tokens.length) {
    const first = Number(tokens[i]);
    const count = Number(tokens[i + 1]);
    if (!/^\d+$/.test(tokens[i] ?? '') || !/^\d+$/.test(tokens[i + 1] ?? '')) return undefined;
    i += 2;
    if ((budget.entries -= count) < 0 || i + 3 * count > tokens.length) return undefined;
    for (let k = 0; k < count; k++, i += 3) {
      const [off, gen, kind] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (!/^\d{1,10}$/.test(off) || !/^\d{1,5}$/.test(gen) || (kind !== 'n' && kind !== 'f')) return undefined;
      if (kind === 'n' && first + k > 0) add(first + k, { offset: Number(off), gen: Number(gen) });
    }
  }
  const dict = parser.objectAt(end + 'trailer'.length);
  return dict instanceof PDFDict ? dict : undefined;
}

/** PNG predictors (10–15) over rows of `columns` bytes, as cross-reference streams use them. */
function unpredict(data: Uint8Array, columns: number): Uint8Array | undefined {
  const rows = Math.floor(data.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    const src = r * (columns + 1) + 1;
    const at = r * columns;
    for (let c = 0; c < columns; c++) {
      const raw = data[src + c]!;
      const left = c > 0 ? out[at + c - 1]! : 0;
      const up = r > 0 ? out[at - columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[at - columns + c - 1]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else return undefined;
      out[at + c] = v & 0xff;
    }
  }
  return out;
}

/** A cross-reference stream's entries; its dictionary is the trailer. */
function readStream(stream: PDFRawStream, add: (num: number, e: XrefEntry) => void, budget: { entries: number }): PDFDict | undefined {
  const { dict } = stream;
  if (dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) return undefined;
  const w = dict.get(PDFName.of('W'));
  const size = int(dict.get(PDFName.of('Size')));
  if (!(w instanceof PDFArray) || w.size() !== 3 || size === undefined) return undefined;
  const widths = w.asArray().map(int);
  if (widths.some((x) => x === undefined || x > 8)) return undefined;
  const [w0, w1, w2] = widths as [number, number, number];
  const row = w0 + w1 + w2;
  const decoded = decodeBounded(stream);
  if (!decoded.ok || decoded.damaged || row === 0) return undefined;
  let data = decoded.bytes;
  const parms = dict.get(PDFName.of('DecodeParms'));
  if (parms instanceof PDFDict) {
    const predictor = int(parms.get(PDFName.of('Predictor'))) ?? 1;
    if (predictor >= 10) {
      if ((int(parms.get(PDFName.of('Columns'))) ?? 1) !== row || (int(parms.get(PDFName.of('Colors'))) ?? 1) !== 1 || (int(parms.get(PDFName.of('BitsPerComponent'))) ?? 8) !== 8) return undefined;
      const plain = unpredict(data, row);
      if (!plain) return undefined;
      data = plain;
    } else if (predictor !== 1) return undefined;
  } else if (parms !== undefined) return undefined;
  const index = dict.get(PDFName.of('Index'));
  const ranges = index === undefined ? [0, size] : index instanceof PDFArray ? index.asArray().map(int) : [undefined];
  if (ranges.length % 2 !== 0 || ranges.some((x) => x === undefined)) return undefined;
  const field = (at: number, width: number): number => {
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 256 + data[at + k]!;
    return v;
  };
  let at = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const first = ranges[r]!;
    const count = ranges[r + 1]!;
    if ((budget.entries -= count) < 0 || at + count * row > data.length) return undefined;
    for (let k = 0; k < count; k++, at += row) {
      const type = w0 === 0 ? 1 : field(at, w0);
      const a = field(at + w0, w1);
      const b = field(at + w0 + w1, w2);
      if (type === 1 && first + k > 0) add(first + k, { offset: a, gen: b });
      else if (type === 2) add(first + k, { stream: a, index: b });
      else if (type > 2) return undefined;
    }
  }
  return dict;
}

/** The cross-reference data of `bytes`, or undefined when it is anything but plainly sound. */
export function readXref(bytes: Uint8Array, parser: LazyParser): XrefData | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = startXref(buf);
  if (start === undefined) return undefined;
  const entries = new Map<number, XrefEntry>();
  // Newest first: an entry an older section repeats is not taken.
  const add = (num: number, e: XrefEntry): void => {
    if (num > 0 && !entries.has(num)) entries.set(num, e);
  };
  const budget = { entries: MAX_ENTRIES };
  const trailer: XrefData['trailer'] = {};
  const pending = [start];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const offset = pending.shift()!;
    if (seen.has(offset)) continue;
    if (seen.size >= MAX_SECTIONS || offset <= 0 || offset >= buf.length) return undefined;
    seen.add(offset);
    let at = offset;
    while (at < buf.length && WS.test(String.fromCharCode(buf[at]!))) at++;
    let dict: PDFDict | undefined;
    if (buf.toString('latin1', at, at + 4) === 'xref') dict = readTable(buf, at, parser, add, budget);
    else {
      const stream = parser.indirectAt(offset);
      dict = stream instanceof PDFRawStream ? readStream(stream, add, budget) : undefined;
    }
    if (!dict) return undefined;
    const get = (key: string): PDFObject | undefined => dict.get(PDFName.of(key));
    const size = get('Size');
    // pdf-lib's parse stops at a /Size that is no number (and the repair takes over).
    if (size !== undefined && !(size instanceof PDFNumber)) return undefined;
    trailer.Size ??= size;
    trailer.Root ??= get('Root');
    trailer.Encrypt ??= get('Encrypt');
    trailer.Info ??= get('Info');
    trailer.ID ??= get('ID');
    // A hybrid file's cross-reference stream comes before its older sections.
    const stm = get('XRefStm');
    if (stm !== undefined) {
      if (int(stm) === undefined) return undefined;
      pending.unshift(int(stm)!);
    }
    const prev = get('Prev');
    if (prev !== undefined) {
      if (int(prev) === undefined) return undefined;
      pending.push(int(prev)!);
    }
  }
  return { entries, trailer, startXref: start };
}
