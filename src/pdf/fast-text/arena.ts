// Where the content lexer (lexer.ts) puts the bytes of an operator's strings: literal strings with
// their escapes resolved, hex strings decoded. One growing buffer, emptied per operator; a string is
// a range of it, so reading a string makes no object.

import { HEX } from './tokens.js';

export class StringArena {
  bytes: Uint8Array = new Uint8Array(1024);
  /** Bytes in use: the next string starts here. */
  used = 0;

  /** Room for `more` bytes (what is there stays where it is). */
  private room(more: number): Uint8Array {
    if (this.used + more > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + more));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    return this.bytes;
  }

  /** The literal string whose `(` is at `d[at]`, added; where it ends (past its `)`, or the end of `d`). */
  literal(d: Uint8Array, at: number): number {
    const start = at + 1;
    // Fast path: no escapes, no nested parentheses.
    let i = start;
    while (i < d.length && d[i] !== 41 && d[i] !== 92 && d[i] !== 40) i++;
    if (i < d.length && d[i] === 41) {
      const arena = this.room(i - start);
      let n = this.used;
      for (let k = start; k < i; k++) arena[n++] = d[k];
      this.used = n;
      return i + 1;
    }
    let arena = this.bytes;
    let n = this.used;
    let nest = 0;
    let pos = start;
    while (pos < d.length) {
      // At most one byte written per byte read.
      if (n === arena.length) {
        this.used = n;
        arena = this.room(1);
      }
      const c = d[pos++];
      if (c === 40) nest++;
      else if (c === 41) {
        if (nest === 0) break;
        nest--;
      } else if (c === 92) {
        const e = d[pos++];
        if (e === undefined) break;
        const simple = e === 110 ? 10 : e === 114 ? 13 : e === 116 ? 9 : e === 98 ? 8 : e === 102 ? 12 : -1;
        if (simple >= 0) arena[n++] = simple;
        else if (e >= 48 && e <= 55) {
          let v = e - 48;
          for (let k = 0; k < 2 && d[pos] >= 48 && d[pos] <= 55; k++) v = v * 8 + (d[pos++] - 48);
          arena[n++] = v & 255;
        } else if (e === 13) {
          if (d[pos] === 10) pos++;
        } else if (e !== 10) arena[n++] = e;
        continue;
      }
      arena[n++] = c;
    }
    this.used = n;
    return pos;
  }

  /** The hex string whose `<` is at `d[at]`, added; where it ends (past its `>`, or the end of `d`). */
  hex(d: Uint8Array, at: number): number {
    let i = at + 1;
    let arena = this.bytes;
    let n = this.used;
    // Pairs of digits up to the `>` (nearly every string), two at a time, while the arena has room
    // (no look for the `>` first: that alone took longer than decoding).
    const stop = Math.min(d.length - 1, i + 2 * (arena.length - n));
    while (i < stop) {
      const v = (HEX[d[i]] << 4) | HEX[d[i + 1]];
      if (v < 0) break;
      arena[n++] = v;
      i += 2;
    }
    if (i >= d.length || d[i] !== 62) {
      // White space, an odd digit, the end of the data or of the arena: the rest digit by digit.
      let end = i;
      while (end < d.length && d[end] !== 62) end++;
      this.used = n;
      arena = this.room(((end - i) >> 1) + 1);
      let high = -1;
      for (; i < end; i++) {
        const v = HEX[d[i]];
        if (v < 0) continue;
        if (high < 0) high = v;
        else {
          arena[n++] = (high << 4) | v;
          high = -1;
        }
      }
      if (high >= 0) arena[n++] = high << 4;
    }
    this.used = n;
    return Math.min(i + 1, d.length);
  }
}
