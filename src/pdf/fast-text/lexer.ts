// A content-stream reader for text extraction: operands and operators, nothing drawn. Linear in the
// stream's length, and without an object per token: an operator comes back as a number (`Op`), its
// operands in typed arrays (`Operands`: a number unboxed, a string as a range of bytes in the
// lexer's arena, decoded from hex or from escapes — the font decides what the bytes mean), arrays one
// level deep as a range of items (what TJ needs), dictionaries (marked-content properties) and deeper
// arrays read and dropped, inline image data skipped. Everything read for an operator stays valid
// until the next one is asked for.

import { StringArena } from './arena.js';
import { Kind, Operands } from './operands.js';
import { DELIM, findWord, latin1, Name, Op, operatorAt, sameBytes, WHITE } from './tokens.js';

export { Kind, Operands } from './operands.js';
export { Name, Op } from './tokens.js';

/** Deepest nesting of arrays and dictionaries read as operands. */
const MAX_NESTING = 16;

/** Names met lately, by a hash of their bytes: a stream names the same few fonts thousands of times. */
const NAME_SLOTS = 64;

export class ContentLexer {
  private pos = 0;
  /** The current operator's operands. */
  readonly operands: Operands;
  /** The items of its array operands, one level deep. */
  readonly items = new Operands(1_000_000);
  private readonly strings = new StringArena();
  /** The word, when `next` gave Op.Other. */
  word = '';
  /** After `join`: the bytes joined, [joinedFrom, joinedTo) of `joinedBytes`. */
  joinedBytes: Uint8Array = this.strings.bytes;
  joinedFrom = 0;
  joinedTo = 0;
  private scratch: Uint8Array = new Uint8Array(256);
  private readonly names: (Name | undefined)[] = new Array<Name | undefined>(NAME_SLOTS).fill(undefined);

  /** `maxOperands`: operands kept per operator (a CMap section has up to 300). */
  constructor(
    private data: Uint8Array,
    maxOperands = 64,
  ) {
    this.operands = new Operands(maxOperands);
  }

  /** Where the current operator's strings' bytes are (hex and escapes decoded). */
  get arena(): Uint8Array {
    return this.strings.bytes;
  }

  /** Read `data` from its start (a lexer, its arena and its names are reused from stream to stream). */
  reset(data: Uint8Array): this {
    this.data = data;
    this.pos = 0;
    this.strings.used = 0;
    return this;
  }

  /** The next operator, its operands in `operands`; Op.End at the end. */
  next(): Op {
    this.operands.length = 0;
    this.items.length = 0;
    this.strings.used = 0;
    for (;;) {
      const op = this.token(0, this.operands);
      if (op === NOT_AN_OPERATOR) continue;
      // A `]` or `>>` with nothing open: an operand that is nothing (as a stray delimiter).
      if (op === CLOSE) {
        this.operands.add(Kind.Other);
        continue;
      }
      if (op === Op.BI) this.skipInlineImage();
      return op;
    }
  }

  /**
   * The strings among items [from, to) as one (the pieces of a TJ between two adjustments), in
   * `joinedBytes` [joinedFrom, joinedTo); false when there are none. Strings next to each other in
   * the arena (nearly always) are joined where they are.
   */
  join(from: number, to: number): boolean {
    const it = this.items;
    let start = -1;
    let end = -1;
    let apart = false;
    for (let k = from; k < to; k++) {
      if (it.kinds[k] !== Kind.String) continue;
      if (start < 0) start = it.from[k];
      else if (it.from[k] !== end) apart = true;
      end = it.to[k];
    }
    if (start < 0) return false;
    if (!apart) {
      this.joinedBytes = this.arena;
      this.joinedFrom = start;
      this.joinedTo = end;
      return true;
    }
    // Something between them wrote to the arena (a string in a nested array): copied together.
    let size = 0;
    for (let k = from; k < to; k++) if (it.kinds[k] === Kind.String) size += it.to[k] - it.from[k];
    if (this.scratch.length < size) this.scratch = new Uint8Array(Math.max(size, this.scratch.length * 2));
    let at = 0;
    for (let k = from; k < to; k++) {
      if (it.kinds[k] !== Kind.String) continue;
      for (let i = it.from[k]; i < it.to[k]; i++) this.scratch[at++] = this.arena[i];
    }
    this.joinedBytes = this.scratch;
    this.joinedFrom = 0;
    this.joinedTo = size;
    return true;
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

  /**
   * One token: an operand is added to `into` (when given and not full) and NOT_AN_OPERATOR comes
   * back; an operator's code; CLOSE for `]` or `>>`; Op.End at the end.
   */
  private token(depth: number, into: Operands | undefined): number {
    this.skipSpace();
    const d = this.data;
    if (this.pos >= d.length) return Op.End;
    const c = d[this.pos];
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
      const n = this.number();
      const i = into ? into.add(Kind.Number) : -1;
      if (i >= 0) into!.nums[i] = n;
      return NOT_AN_OPERATOR;
    }
    if (c === 40 || (c === 60 && d[this.pos + 1] !== 60)) {
      const from = this.strings.used;
      this.pos = c === 40 ? this.strings.literal(d, this.pos) : this.strings.hex(d, this.pos);
      const i = into ? into.add(Kind.String) : -1;
      if (i >= 0) {
        into!.from[i] = from;
        into!.to[i] = this.strings.used;
      }
      return NOT_AN_OPERATOR;
    }
    if (c === 47) {
      const name = this.name();
      const i = into ? into.add(Kind.Name) : -1;
      if (i >= 0) into!.names[i] = name;
      return NOT_AN_OPERATOR;
    }
    if (c === 91 || c === 60) {
      // An array (its items kept at the first level, for TJ and CMaps), or a dictionary (dropped).
      const array = c === 91;
      this.pos += array ? 1 : 2;
      const keep = array && depth === 0 && into !== undefined;
      const first = this.items.length;
      if (depth < MAX_NESTING) {
        for (;;) {
          const t = this.token(depth + 1, keep ? this.items : undefined);
          if (t === Op.End || t === CLOSE) break;
        }
      }
      const i = into ? into.add(keep ? Kind.Array : Kind.Other) : -1;
      if (i >= 0 && keep) {
        into!.from[i] = first;
        into!.to[i] = this.items.length;
      }
      return NOT_AN_OPERATOR;
    }
    if (c === 93 || c === 62) {
      this.pos += c === 62 && d[this.pos + 1] === 62 ? 2 : 1;
      return CLOSE;
    }
    if (DELIM[c]) {
      this.pos++;
      into?.add(Kind.Other);
      return NOT_AN_OPERATOR;
    }
    const start = this.pos;
    let pos = start;
    while (pos < d.length && !WHITE[d[pos]] && !DELIM[d[pos]]) pos++;
    this.pos = pos;
    const op = operatorAt(d, start, pos);
    if (op !== Op.Other) return op;
    const word = latin1(d, start, pos);
    if (word === 'true' || word === 'false' || word === 'null') {
      into?.add(Kind.Other);
      return NOT_AN_OPERATOR;
    }
    // Inside an array or a dictionary a word is passed over.
    if (depth > 0) return NOT_AN_OPERATOR;
    this.word = word;
    return Op.Other;
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

/** token(): an operand was read. */
const NOT_AN_OPERATOR = -2;
/** token(): `]` or `>>`. */
const CLOSE = -3;
