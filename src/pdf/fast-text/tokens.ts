// The bytes of a content stream as the lexer (lexer.ts) sees them: white space, delimiters, hex
// digits, the operators it knows, and names.

/** A name operand (`/F1`), decoded from its `#xx` escapes. */
export class Name {
  constructor(
    readonly name: string,
    /** As written (latin1), escapes and all. */
    readonly raw: string = name,
  ) {}
}

/** Are the bytes of `d` from `start` the latin1 string `s`? */
export function sameBytes(s: string, d: Uint8Array, start: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== d[start + i]) return false;
  return true;
}

export const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
export const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export const OPERATORS = new Map<number, string>();
for (const op of ("Tj TJ ' \" Td TD T* Tm Tf Tc Tw Tz TL Ts Tr BT ET cm q Q BMC BDC EMC MP DP gs Do BI ID EI re f F f* B B* b b* n m l c v y h " +
  'S s W W* g G rg RG k K cs CS sc SC scn SCN w J j M d ri i sh d0 d1 BX EX').split(' ')) {
  const b = [...op].map((ch) => ch.charCodeAt(0));
  OPERATORS.set(op.length | (b[0] << 2) | ((b[1] ?? 0) << 10) | ((b[2] ?? 0) << 18), op);
}

export const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 256; c++) HEX[c] = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/** Position of the two-letter word `ab` preceded by white space, from `from`; −1 when absent. */
export function findWord(d: Uint8Array, from: number, a: number, b: number): number {
  for (let i = Math.max(from, 1); i + 1 < d.length; i++) {
    if (d[i] === a && d[i + 1] === b && WHITE[d[i - 1]]) return i;
  }
  return -1;
}

export function latin1(d: Uint8Array, start: number, end: number): string {
  if (end - start < 8) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(d[i]);
    return s;
  }
  return Buffer.from(d.buffer, d.byteOffset + start, end - start).toString('latin1');
}

export const NO_BYTES = new Uint8Array(0);

/** The strings among `items[from..to)` as one (the pieces of a TJ between two adjustments); undefined when there are none. */
export function joined(items: readonly unknown[], from: number, to: number): Uint8Array | undefined {
  let first: Uint8Array | undefined;
  let size = 0;
  let count = 0;
  for (let k = from; k < to; k++) {
    const item = items[k];
    if (!(item instanceof Uint8Array)) continue;
    first ??= item;
    size += item.length;
    count++;
  }
  if (count <= 1) return first;
  const out = new Uint8Array(size);
  let at = 0;
  for (let k = from; k < to; k++) {
    const item = items[k];
    if (!(item instanceof Uint8Array)) continue;
    out.set(item, at);
    at += item.length;
  }
  return out;
}
