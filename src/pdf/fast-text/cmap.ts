// A font's /ToUnicode CMap: character codes to text, from `bfchar` and `bfrange` sections, as pdfjs
// reads them (a range's destination counts up in its last byte, carrying into the one before; an
// odd-length destination gets a leading zero byte; UTF-16BE with surrogate pairs). `usecmap`, or a
// map larger than the limits, is not read: the caller falls back to pdfjs.

import { ContentLexer, type Operand } from './lexer.js';

/** Codes mapped per CMap, and the widest single range. */
const MAX_ENTRIES = 200_000;
const MAX_RANGE = 65_536;

/** UTF-16BE bytes as text (an odd length as if it had a leading zero byte), without arrays in between. */
function utf16(b: ArrayLike<number>): string {
  const n = b.length;
  // Lone surrogates are kept as pdfjs keeps them: String.fromCharCode does not check.
  if (n === 2) return String.fromCharCode((b[0] << 8) | b[1]);
  let text = '';
  let i = 0;
  if (n % 2 === 1) text += String.fromCharCode(b[i++]);
  for (; i + 1 < n; i += 2) text += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return text;
}

const codeOf = (bytes: Uint8Array): number => {
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
};

/** The map, or undefined when it cannot be read as a whole. */
export function parseToUnicode(data: Uint8Array): Map<number, string> | undefined {
  const map = new Map<number, string>();
  const lexer = new ContentLexer(data, 1_000_000);
  const operands: Operand[] = [];
  for (let op = lexer.next(operands); op !== undefined; op = lexer.next(operands)) {
    if (op === 'usecmap') return undefined;
    if (op === 'endbfchar') {
      for (let i = 0; i + 1 < operands.length; i += 2) {
        const src = operands[i];
        const dst = operands[i + 1];
        if (src instanceof Uint8Array && src.length > 0 && src.length <= 4 && dst instanceof Uint8Array) map.set(codeOf(src), utf16(dst));
      }
    } else if (op === 'endbfrange') {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const [lo, hi, dst] = [operands[i], operands[i + 1], operands[i + 2]];
        if (!(lo instanceof Uint8Array) || !(hi instanceof Uint8Array) || lo.length === 0 || lo.length > 4) continue;
        const from = codeOf(lo);
        const to = codeOf(hi);
        if (to < from) continue;
        if (to - from >= MAX_RANGE) return undefined;
        if (dst instanceof Uint8Array) {
          const d = [...dst];
          if (d.length === 0) continue;
          const last = d.length - 1;
          for (let code = from; code <= to; code++) {
            map.set(code, utf16(d));
            if (d[last] < 255) d[last]++;
            else {
              // As pdfjs: the byte before counts up and the last starts again at zero.
              if (last > 0) d[last - 1] = (d[last - 1] + 1) & 255;
              d[last] = 0;
            }
          }
        } else if (Array.isArray(dst)) {
          for (let k = 0; k < dst.length && from + k <= to; k++) {
            const v = dst[k];
            if (v instanceof Uint8Array) map.set(from + k, utf16(v));
          }
        }
      }
    }
    if (map.size > MAX_ENTRIES) return undefined;
  }
  return map;
}
