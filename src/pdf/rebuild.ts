// Rebuild a damaged PDF's structure the way qpdf and pdf.js recover one: ignore its cross-reference
// table and trailer, find every `N G obj` in the file (the last copy of an object wins, as in an
// incremental update), repair what is around each object (a stream's length, a missing `endstream`
// or `endobj`, unreadable dictionary syntax), and write the objects out again with a fresh table and
// a trailer assembled from whatever the old trailers still say. The result is handed to pdf-lib.

import { Lexer, entry, readValue, setEntry, write, type Value } from './lenient.js';

export interface Rebuilt {
  bytes: Uint8Array;
  objects: number;
  /** The trailer's `/Root` could not be used: the catalog was found by its `/Type`. */
  rootFound: boolean;
  /** The file is encrypted (RC4, `/V` 1 or 2) and its encryption dictionary has no usable `/Length`. */
  keyLengthMissing: boolean;
}

export interface RebuildOptions {
  /** Put this `/Length` (bits) into the encryption dictionary when it has no usable one. */
  keyLength?: number;
}

interface Found {
  num: number;
  gen: number;
  at: number;
  value: Value;
  data?: Uint8Array;
}

const HEADER = /(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![A-Za-z0-9])/g;
const MAX_OBJECT_NUMBER = 8_388_607;
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
const isRegular = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9.+\-_#]/.test(c);

/** Every position of `word` in `text`, in order (found once, so the search per object stays cheap). */
function positions(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) out.push(at);
  return out;
}

/** The first of `sorted` at or after `from`, if it is before `limit`. */
function firstIn(sorted: number[], from: number, limit: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < limit ? sorted[lo] : undefined;
}

interface Keywords {
  endstream: number[];
  endobj: number[];
}

/** Where the stream's data ends: its /Length when `endstream` follows, else the first `endstream`. */
function streamEnd(text: string, dataAt: number, length: Value | undefined, limit: number, keywords: Keywords): { end: number; after: number } {
  if (length?.kind === 'number' && Number.isInteger(length.value) && length.value >= 0) {
    const end = dataAt + length.value;
    const m = /^[\0\t\n\f\r ]*endstream/.exec(text.slice(end, end + 64));
    if (m) return { end, after: end + m[0].length };
  }
  const trimEol = (at: number): number => (text[at - 1] === '\n' ? (text[at - 2] === '\r' ? at - 2 : at - 1) : text[at - 1] === '\r' ? at - 1 : at);
  // Not past the next object: a lost `endstream` must not swallow the objects after it.
  const endstream = firstIn(keywords.endstream, dataAt, limit);
  if (endstream !== undefined) return { end: trimEol(endstream), after: endstream + 9 };
  // No `endstream` at all: the data runs to `endobj` or the next object.
  const stop = firstIn(keywords.endobj, dataAt, limit) ?? limit;
  return { end: trimEol(stop), after: stop };
}

function scanObjects(bytes: Uint8Array, text: string): { objects: Map<number, Found>; trailers: Value[] } {
  const objects = new Map<number, Found>();
  const trailers: Value[] = [];
  const headers: { num: number; gen: number; at: number; body: number }[] = [];
  for (const m of text.matchAll(HEADER)) {
    if (isRegular(text[m.index - 1])) continue;
    const num = Number(m[1]);
    if (num < 1 || num > MAX_OBJECT_NUMBER) continue;
    headers.push({ num, gen: Number(m[2]), at: m.index, body: m.index + m[0].length });
  }
  const keywords = { endstream: positions(text, 'endstream'), endobj: positions(text, 'endobj') };
  let cursor = 0;
  for (const [i, h] of headers.entries()) {
    if (h.at < cursor) continue; // inside the previous object's stream data
    const limit = headers[i + 1]?.at ?? text.length;
    const lexer = new Lexer(text, h.body, limit);
    const value = readValue(lexer);
    if (value === undefined) continue;
    const found: Found = { num: h.num, gen: h.gen, at: h.at, value };
    cursor = lexer.pos;
    const keyword = /^[\0\t\n\f\r ]*stream(\r\n|\n|\r)?/.exec(text.slice(lexer.pos, lexer.pos + 32));
    if (value.kind === 'dict' && keyword) {
      const dataAt = lexer.pos + keyword[0].length;
      const { end, after } = streamEnd(text, dataAt, entry(value, '/Length'), limit, keywords);
      found.data = bytes.subarray(dataAt, Math.max(dataAt, end));
      cursor = after;
      const type = entry(value, '/Type');
      if (type?.kind === 'name' && type.raw === '/XRef') {
        trailers.push(value);
        continue;
      }
    }
    objects.delete(h.num);
    objects.set(h.num, found);
  }
  for (const m of text.matchAll(/trailer[\0\t\n\f\r ]*<</g)) {
    const value = readValue(new Lexer(text, m.index + 7));
    if (value?.kind === 'dict') trailers.push(value);
  }
  return { objects, trailers };
}

const typeOf = (v: Value | undefined): string | undefined => {
  const t = entry(v, '/Type');
  return t?.kind === 'name' ? t.raw : undefined;
};

/** The last trailer's value for `key` that passes `ok`. */
function fromTrailers(trailers: Value[], key: string, ok: (v: Value) => boolean): Value | undefined {
  for (let i = trailers.length - 1; i >= 0; i--) {
    const v = entry(trailers[i], key);
    if (v && ok(v)) return v;
  }
  return undefined;
}

/**
 * The xref table's subsections: object 0 and one run per block of consecutive object numbers, so
 * that a damaged file naming object 8000000 gets one row for it, not eight million (the parse of those
 * rows took pdf-lib 12 s past any time budget).
 */
function xrefSections(offsets: ReadonlyMap<number, [number, number]>): string {
  const row = ([at, gen]: [number, number]): string => `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  const nums = [...offsets.keys()].filter((n) => n > 0).sort((a, b) => a - b);
  const out: string[] = ['0 1\n0000000000 65535 f \n'];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    out.push(`${nums[i]} ${j - i + 1}\n${nums.slice(i, j + 1).map((n) => row(offsets.get(n)!)).join('')}`);
    i = j + 1;
  }
  return out.join('');
}

/** Rebuild `bytes`; undefined when no catalog can be found. */
export function rebuildPdf(bytes: Uint8Array, options: RebuildOptions = {}): Rebuilt | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const { objects, trailers } = scanObjects(bytes, text);
  const objectAt = (v: Value): Found | undefined => (v.kind === 'ref' ? objects.get(v.num) : undefined);
  const isCatalog = (v: Value): boolean => {
    const o = objectAt(v)?.value;
    return o?.kind === 'dict' && (typeOf(o) === '/Catalog' || (typeOf(o) === undefined && entry(o, '/Pages') !== undefined));
  };
  // A /Root that is not a direct object may be in an object stream, which pdf-lib unpacks itself.
  const hasObjectStreams = [...objects.values()].some((o) => o.data && entry(o.value, '/First') !== undefined);
  let root = fromTrailers(trailers, '/Root', isCatalog) ?? fromTrailers(trailers, '/Root', (v) => hasObjectStreams && v.kind === 'ref' && !objects.has(v.num));
  const rootFound = root === undefined;
  if (!root) {
    const catalogs = [...objects.values()].filter((o) => o.value.kind === 'dict' && typeOf(o.value) === '/Catalog' && entry(o.value, '/Pages'));
    const last = catalogs[catalogs.length - 1];
    if (!last) return undefined;
    root = { kind: 'ref', num: last.num, gen: last.gen };
  }
  const trailer: Value & { kind: 'dict' } = { kind: 'dict', entries: [] };
  const isDictObject = (v: Value): boolean => v.kind === 'dict' || objectAt(v)?.value.kind === 'dict';
  const encrypt = fromTrailers(trailers, '/Encrypt', isDictObject);
  setEntry(trailer, '/Root', root);
  setEntry(trailer, '/Info', fromTrailers(trailers, '/Info', isDictObject));
  setEntry(trailer, '/Encrypt', encrypt);
  const id = fromTrailers(trailers, '/ID', (v) => v.kind === 'array' && v.items.length === 2 && v.items.every((s) => s.kind === 'string'));
  // Without an /ID an encrypted file is read with an empty one, as qpdf and pdf.js do.
  setEntry(trailer, '/ID', id ?? (encrypt ? { kind: 'array', items: [{ kind: 'string', raw: '<>' }, { kind: 'string', raw: '<>' }] } : undefined));
  const encryptDict = encrypt && (encrypt.kind === 'dict' ? encrypt : objectAt(encrypt)?.value);
  let keyLengthMissing = false;
  if (encryptDict?.kind === 'dict') {
    const v = entry(encryptDict, '/V');
    const length = entry(encryptDict, '/Length');
    keyLengthMissing = v?.kind === 'number' && (v.value === 1 || v.value === 2) && !(length?.kind === 'number' && length.value >= 40);
    if (options.keyLength) setEntry(encryptDict, '/Length', { kind: 'number', raw: String(options.keyLength), value: options.keyLength });
  }

  const version = /%PDF-(\d\.\d)/.exec(text.slice(0, 1024))?.[1] ?? '1.7';
  const parts: Buffer[] = [latin1(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`)];
  let offset = parts[0].length;
  const offsets = new Map<number, [number, number]>();
  // In file order: an object stream and a later direct object with the same number keep their order.
  for (const o of [...objects.values()].sort((a, b) => a.at - b.at)) {
    let body: Buffer;
    if (o.data && o.value.kind === 'dict') {
      const dict = o.value;
      setEntry(dict, '/Length', { kind: 'number', raw: String(o.data.length), value: o.data.length });
      // A stream with /N and /First is an object stream, whatever its /Type says (a damaged one).
      if (entry(dict, '/N')?.kind === 'number' && entry(dict, '/First')?.kind === 'number' && typeOf(dict) !== '/ObjStm') {
        setEntry(dict, '/Type', { kind: 'name', raw: '/ObjStm' });
      }
      body = Buffer.concat([latin1(`${o.num} ${o.gen} obj\n${write(dict)}\nstream\n`), o.data, latin1('\nendstream\nendobj\n')]);
    } else {
      body = latin1(`${o.num} ${o.gen} obj\n${write(o.value)}\nendobj\n`);
    }
    offsets.set(o.num, [offset, o.gen]);
    parts.push(body);
    offset += body.length;
  }
  const size = Math.max(0, ...offsets.keys()) + 1;
  setEntry(trailer, '/Size', { kind: 'number', raw: String(size), value: size });
  parts.push(latin1(`xref\n${xrefSections(offsets)}trailer\n${write(trailer)}\nstartxref\n${offset}\n%%EOF\n`));
  return { bytes: new Uint8Array(Buffer.concat(parts)), objects: objects.size, rootFound, keyLengthMissing };
}
