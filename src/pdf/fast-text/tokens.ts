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

/** The operators the text reader tells apart (ContentLexer.next); `Ignored`: one it knows and passes over (paths, colours). */
export const enum Op {
  End = -1,
  /** A word that is not an operator of content streams (its text in ContentLexer.word). */
  Other = 0,
  Ignored,
  Tj,
  TJ,
  Quote,
  DoubleQuote,
  Td,
  TD,
  TStar,
  Tm,
  Tf,
  Tc,
  Tw,
  Tz,
  TL,
  Ts,
  BT,
  Cm,
  Save,
  Restore,
  BMC,
  BDC,
  EMC,
  Gs,
  Do,
  BI,
}

const FOLLOWED: [string, Op][] = [
  ['Tj', Op.Tj], ['TJ', Op.TJ], ["'", Op.Quote], ['"', Op.DoubleQuote], ['Td', Op.Td], ['TD', Op.TD], ['T*', Op.TStar], ['Tm', Op.Tm],
  ['Tf', Op.Tf], ['Tc', Op.Tc], ['Tw', Op.Tw], ['Tz', Op.Tz], ['TL', Op.TL], ['Ts', Op.Ts], ['BT', Op.BT], ['cm', Op.Cm], ['q', Op.Save],
  ['Q', Op.Restore], ['BMC', Op.BMC], ['BDC', Op.BDC], ['EMC', Op.EMC], ['gs', Op.Gs], ['Do', Op.Do], ['BI', Op.BI],
];
const IGNORED = 'ET MP DP ID EI re f F f* B B* b b* n m l c v y h S s W W* g G rg RG k K cs CS sc SC scn SCN w J j M d ri i sh d0 d1 BX EX';

/** The operators of one to three bytes, by their bytes (`opKey`), in an open-addressed table: a look-up is a multiply and a compare or two. */
const OP_SLOTS = 256;
const opKeys = new Int32Array(OP_SLOTS);
const opCodes = new Int8Array(OP_SLOTS);
const opKey = (length: number, b0: number, b1: number, b2: number): number => length | (b0 << 2) | (b1 << 10) | (b2 << 18);
const opSlot = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 24;
/** Every operator the lexer knows, as [opKey of its bytes, its code] (the WebAssembly reader gets the same table). */
export const OPERATORS: readonly (readonly [number, Op])[] = [...FOLLOWED, ...IGNORED.split(' ').map((w): [string, Op] => [w, Op.Ignored])].map(([op, code]) => {
  const b = [...op].map((ch) => ch.charCodeAt(0));
  return [opKey(op.length, b[0], b[1] ?? 0, b[2] ?? 0), code] as const;
});
for (const [key, code] of OPERATORS) {
  let slot = opSlot(key);
  while (opKeys[slot] !== 0) slot = (slot + 1) & (OP_SLOTS - 1);
  opKeys[slot] = key;
  opCodes[slot] = code;
}

/** The operator written as the bytes `d[start..end)`, or Op.Other. */
export function operatorAt(d: Uint8Array, start: number, end: number): Op {
  const length = end - start;
  if (length > 3) return Op.Other;
  const key = opKey(length, d[start], length > 1 ? d[start + 1] : 0, length > 2 ? d[start + 2] : 0);
  for (let slot = opSlot(key); opKeys[slot] !== 0; slot = (slot + 1) & (OP_SLOTS - 1)) if (opKeys[slot] === key) return opCodes[slot];
  return Op.Other;
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
