// The operands of one content-stream operator (or the items of an array operand), as the lexer
// (lexer.ts) reads them: in parallel typed arrays, so a number is never boxed and a string is a range
// of the lexer's arena, not an object per token.

import type { Name } from './tokens.js';

/** What an operand is. */
export const enum Kind {
  Number = 0,
  /** Bytes in the arena, [from, to). */
  String = 1,
  Name = 2,
  /** Items [from, to) of `items`. */
  Array = 3,
  /** A dictionary, a deeper array, `true`, `false`, `null`, a stray delimiter. */
  Other = 4,
}

/** A list of operands (or of an array's items) in parallel typed arrays, grown as needed up to `max`. */
export class Operands {
  length = 0;
  kinds = new Uint8Array(16);
  nums = new Float64Array(16);
  from = new Int32Array(16);
  to = new Int32Array(16);
  names: (Name | undefined)[] = new Array<Name | undefined>(16).fill(undefined);

  constructor(private readonly max: number) {}

  /** A slot for one more, or −1 when `max` are there (the rest is read and dropped). */
  add(kind: Kind): number {
    const i = this.length;
    if (i >= this.max) return -1;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.length = i + 1;
    return i;
  }

  private grow(): void {
    const size = Math.min(this.kinds.length * 2, this.max);
    const bigger = <T extends Uint8Array | Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.kinds = bigger(this.kinds, new Uint8Array(size));
    this.nums = bigger(this.nums, new Float64Array(size));
    this.from = bigger(this.from, new Int32Array(size));
    this.to = bigger(this.to, new Int32Array(size));
    for (let k = this.names.length; k < size; k++) this.names.push(undefined);
  }

  /** Operand `i`'s number; 0 when it is something else, NaN when it is missing (as arithmetic on a missing operand gives). */
  num(i: number): number {
    return i < this.length ? (this.kinds[i] === Kind.Number ? this.nums[i] : 0) : NaN;
  }

  isString(i: number): boolean {
    return i < this.length && this.kinds[i] === Kind.String;
  }

  /** Operand `i` when it is a name. */
  name(i: number): Name | undefined {
    return i < this.length && this.kinds[i] === Kind.Name ? this.names[i] : undefined;
  }
}
