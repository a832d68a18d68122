// A font's /ToUnicode CMap: character codes to text, from `bfchar` and `bfrange` sections, as pdfjs
// reads them (a range's destination counts up in its last byte, carrying into the one before; an
// odd-length destination gets a leading zero byte; UTF-16BE with surrogate pairs). `usecmap`, or a
// map larger than the limits, is not read: the caller falls back to pdfjs.

import { ContentLexer, Kind, Op } from './lexer.js';

/** Codes mapped per CMap, and the widest single range. */
export const MAX_ENTRIES = 200_000;
const MAX_RANGE = 65_536;

/** UTF-16BE bytes `b[from..to)` as text (an odd length as if it had a leading zero byte), without arrays in between. */
function utf16(b: ArrayLike<number>, from: number, to: number): string {
  const n = to - from;
  // Lone surrogates are kept as pdfjs keeps them: String.fromCharCode does not check.
  if (n === 2) return String.fromCharCode((b[from] << 8) | b[from + 1]);
  let text = '';
  let i = from;
  if (n % 2 === 1) text += String.fromCharCode(b[i++]);
  for (; i + 1 < to; i += 2) text += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return text;
}

const codeOf = (b: Uint8Array, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 256 + b[i];
  return n;
};

/** One lexer for every CMap of the thread: its operand lists stay grown (a CMap section has hundreds). */
let cmapLexer: ContentLexer | undefined;

/** The map, or undefined when it cannot be read as a whole. */
export function parseToUnicode(data: Uint8Array): Map<number, string> | undefined {
  const map = new Map<number, string>();
  const lexer = (cmapLexer ??= new ContentLexer(data, 1_000_000)).reset(data);
  const o = lexer.operands;
  const it = lexer.items;
  /** Operand `i` is a string of 1 to 4 bytes (a character code). */
  const isCode = (i: number): boolean => o.kinds[i] === Kind.String && o.to[i] - o.from[i] > 0 && o.to[i] - o.from[i] <= 4;
  for (let op = lexer.next(); op !== Op.End; op = lexer.next()) {
    if (op !== Op.Other) continue;
    const word = lexer.word;
    if (word === 'usecmap') return undefined;
    const a = lexer.arena;
    if (word === 'endbfchar') {
      for (let i = 0; i + 1 < o.length; i += 2) {
        if (isCode(i) && o.kinds[i + 1] === Kind.String) map.set(codeOf(a, o.from[i], o.to[i]), utf16(a, o.from[i + 1], o.to[i + 1]));
      }
    } else if (word === 'endbfrange') {
      for (let i = 0; i + 2 < o.length; i += 3) {
        if (!isCode(i) || o.kinds[i + 1] !== Kind.String) continue;
        const from = codeOf(a, o.from[i], o.to[i]);
        const to = codeOf(a, o.from[i + 1], o.to[i + 1]);
        if (to < from) continue;
        if (to - from >= MAX_RANGE) return undefined;
        const dst = i + 2;
        if (o.kinds[dst] === Kind.String) {
          const d = [...a.subarray(o.from[dst], o.to[dst])];
          if (d.length === 0) continue;
          const last = d.length - 1;
          for (let code = from; code <= to; code++) {
            map.set(code, utf16(d, 0, d.length));
            if (d[last] < 255) d[last]++;
            else {
              // As pdfjs: the byte before counts up and the last starts again at zero.
              if (last > 0) d[last - 1] = (d[last - 1] + 1) & 255;
              d[last] = 0;
            }
          }
        } else if (o.kinds[dst] === Kind.Array) {
          for (let k = o.from[dst]; k < o.to[dst] && from + (k - o.from[dst]) <= to; k++) {
            if (it.kinds[k] === Kind.String) map.set(from + (k - o.from[dst]), utf16(a, it.from[k], it.to[k]));
          }
        }
      }
    }
    if (map.size > MAX_ENTRIES) return undefined;
  }
  return map;
}
