// A content-stream reader for text extraction: operands and operators, nothing drawn. Strings stay
// bytes (the font decides what they mean), arrays only as deep as TJ needs, dictionaries (marked
// content properties) skipped, inline image data skipped. Linear in the stream's length.

import { DELIM, findWord, HEX, latin1, Name, OPERATORS, sameBytes, WHITE } from './tokens.js';

export { Name } from './tokens.js';

export type Operand = number | Uint8Array | Name | Operand[] | null;

/** Deepest nesting of arrays and dictionaries read as operands. */
const MAX_NESTING = 16;

/** Names met lately, by a hash of their bytes: a stream names the same few fonts thousands of times. */
const NAME_SLOTS = 64;

export class ContentLexer {
  private pos = 0;
  /** Where hex strings are decoded to: their bytes are read before the next operator is asked for. */
  private arena = new Uint8Array(1024);
  private used = 0;
  private readonly names: (Name | undefined)[] = new Array<Name | undefined>(NAME_SLOTS).fill(undefined);
  /** `maxOperands`: operands kept per operator (a CMap section has up to 300). */
  constructor(
    private data: Uint8Array,
    private readonly maxOperands = 64,
  ) {}

  /** Read `data` from its start (a lexer, its arena and its names are reused from stream to stream). */
  reset(data: Uint8Array): this {
    this.data = data;
    this.pos = 0;
    this.used = 0;
    return this;
  }

  /** The next operator, with its operands in `operands` (cleared first); undefined at the end. */
  next(operands: Operand[]): string | undefined {
    // Popped rather than `length = 0` (a call into the runtime, for every operator).
    while (operands.length > 0) operands.pop();
    this.used = 0;
    for (;;) {
      const value = this.value(0);
      if (value === END) return undefined;
      // Operators are the only JavaScript strings a stream yields (string operands are bytes).
      if (typeof value === 'string') {
        if (value === 'BI') this.skipInlineImage();
        return value;
      }
      if (operands.length < this.maxOperands) operands.push(value as Operand);
    }
  }

  /** Past white space and comments (the position kept in a local: this runs for every token). */
  private skipSpace(): void {
    const d = this.data;
    const end = d.length;
    let pos = this.pos;
    while (pos < end) {
      const c = d[pos];
      if (WHITE[c]) pos++;
      else if (c === 37) {
        while (pos < end && d[pos] !== 10 && d[pos] !== 13) pos++;
      } else break;
    }
    this.pos = pos;
  }

  private value(depth: number): Operand | string | typeof END | typeof CLOSE {
    this.skipSpace();
    const d = this.data;
    if (this.pos >= d.length) return END;
    const c = d[this.pos];
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) return this.number();
    if (c === 40) return this.literal();
    if (c === 47) return this.name();
    if (c === 91) {
      this.pos++;
      const items: Operand[] = [];
      for (;;) {
        const v = depth < MAX_NESTING ? this.value(depth + 1) : this.skipToken();
        if (v === END || v === CLOSE) return items;
        if (typeof v === 'string') continue;
        if (items.length < 1_000_000) items.push(v as Operand);
      }
    }
    if (c === 60) {
      if (d[this.pos + 1] === 60) {
        this.pos += 2;
        // A dictionary (marked-content properties): read and dropped.
        for (;;) {
          const v = depth < MAX_NESTING ? this.value(depth + 1) : this.skipToken();
          if (v === END || v === CLOSE) return null;
        }
      }
      return this.hex();
    }
    if (c === 93 || c === 62) {
      this.pos += c === 62 && d[this.pos + 1] === 62 ? 2 : 1;
      return CLOSE;
    }
    if (DELIM[c]) {
      this.pos++;
      return null;
    }
    const start = this.pos;
    let pos = start;
    while (pos < d.length && !WHITE[d[pos]] && !DELIM[d[pos]]) pos++;
    this.pos = pos;
    // The operators come back as the same strings every time, without making new ones.
    const length = pos - start;
    if (length <= 3) {
      const known = OPERATORS.get(length | (d[start] << 2) | ((length > 1 ? d[start + 1] : 0) << 10) | ((length > 2 ? d[start + 2] : 0) << 18));
      if (known !== undefined) return known;
    }
    const word = latin1(d, start, this.pos);
    if (word === 'true' || word === 'false' || word === 'null') return null;
    return word;
  }

  private skipToken(): typeof END | typeof CLOSE | null {
    const v = this.value(MAX_NESTING);
    return v === END || v === CLOSE ? v : null;
  }

  private number(): number {
    const d = this.data;
    let pos = this.pos;
    let sign = 1;
    let c = d[pos];
    while (c === 45 || c === 43) {
      if (c === 45) sign = -sign;
      c = d[++pos];
    }
    let n = 0;
    while (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      c = d[++pos];
    }
    if (c === 46) {
      let scale = 0.1;
      c = d[++pos];
      while (c >= 48 && c <= 57) {
        n += (c - 48) * scale;
        scale /= 10;
        c = d[++pos];
      }
    }
    this.pos = pos;
    return sign * n;
  }

  private name(): Name {
    const d = this.data;
    const start = ++this.pos;
    let pos = start;
    let hash = 0;
    while (pos < d.length && !WHITE[d[pos]] && !DELIM[d[pos]]) hash = (hash * 31 + d[pos++]) | 0;
    this.pos = pos;
    // The same name as last time in its slot: the same object, without making its string again.
    const slot = hash & (NAME_SLOTS - 1);
    const known = this.names[slot];
    if (known && known.raw.length === pos - start && sameBytes(known.raw, d, start)) return known;
    const raw = latin1(d, start, pos);
    const name = new Name(raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw, raw);
    this.names[slot] = name;
    return name;
  }

  private literal(): Uint8Array {
    const d = this.data;
    this.pos++;
    const start = this.pos;
    // Fast path: no escapes, no nested parentheses.
    let i = start;
    while (i < d.length && d[i] !== 41 && d[i] !== 92 && d[i] !== 40) i++;
    if (i < d.length && d[i] === 41) {
      this.pos = i + 1;
      return d.subarray(start, i);
    }
    const out: number[] = [];
    let nest = 0;
    while (this.pos < d.length) {
      const c = d[this.pos++];
      if (c === 40) nest++;
      else if (c === 41) {
        if (nest === 0) break;
        nest--;
      } else if (c === 92) {
        const e = d[this.pos++];
        if (e === undefined) break;
        const simple = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 }[e];
        if (simple !== undefined) out.push(simple);
        else if (e >= 48 && e <= 55) {
          let v = e - 48;
          for (let k = 0; k < 2 && d[this.pos] >= 48 && d[this.pos] <= 55; k++) v = v * 8 + (d[this.pos++] - 48);
          out.push(v & 255);
        } else if (e === 13) {
          if (d[this.pos] === 10) this.pos++;
        } else if (e !== 10) out.push(e);
        continue;
      }
      out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const d = this.data;
    let i = this.pos + 1;
    let arena = this.arena;
    let from = this.used;
    let n = from;
    // Pairs of digits up to the `>` (nearly every string), two at a time, while the arena has room.
    const stop = Math.min(d.length - 1, i + 2 * (arena.length - n));
    while (i < stop) {
      const v = (HEX[d[i]] << 4) | HEX[d[i + 1]];
      if (v < 0) break;
      arena[n++] = v;
      i += 2;
    }
    if (d[i] !== 62 || i >= d.length) {
      // White space, an odd digit, the end of the data or of the arena: the rest digit by digit.
      let end = i;
      while (end < d.length && d[end] !== 62) end++;
      const size = n - from + ((end - i + 1) >> 1);
      if (from + size > arena.length) {
        // Strings read before stay where they are, in the old arena.
        const bigger = new Uint8Array(Math.max(arena.length * 2, size));
        bigger.set(arena.subarray(from, n));
        n -= from;
        from = 0;
        this.arena = arena = bigger;
      }
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
    this.pos = Math.min(i + 1, d.length);
    this.used = n;
    return arena.subarray(from, n);
  }

  /** After `BI`: the image's dictionary, `ID`, its data, up to `EI` between white space. */
  private skipInlineImage(): void {
    const d = this.data;
    const id = findWord(d, this.pos, 73, 68);
    if (id < 0) {
      this.pos = d.length;
      return;
    }
    let i = id + 3;
    for (;;) {
      const ei = findWord(d, i, 69, 73);
      if (ei < 0) {
        this.pos = d.length;
        return;
      }
      i = ei + 2;
      if (i >= d.length || WHITE[d[i]]) {
        this.pos = i;
        return;
      }
    }
  }
}

const END = Symbol('end');
const CLOSE = Symbol('close');
