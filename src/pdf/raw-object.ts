// A strict tokenizer over one indirect object's bytes (issue 18, direction 3): it finds the object's
// references and stream data, and writes the object as the raw copy writes pdf-lib's parse of it
// (`<<` `/Key value\n` `>>`, `[a b ]`, numbers as pdf-lib prints them, a stream's /Length last), cut
// at each reference: the bundle stays byte for byte the same, without a pdf-lib object made.
// It accepts only what pdf-lib's parser (lazy-parser.ts) reads as the very same value; for anything
// else (escaped names, duplicate keys, `1.2.3`, references with numbers that are not whole, unknown
// words, deep nesting, a stream without a direct /Length followed by `endstream`, page, page-tree
// and catalog dictionaries, which pdf-lib gives classes of their own) it answers undefined and the
// caller parses that object with pdf-lib.

import { PDFNumber } from '@cantoo/pdf-lib';

export interface RawScan {
  /** The object as pdf-lib writes it, cut where each reference goes: one more part than references. */
  parts: string[];
  /** Object and generation number of each reference, in order. */
  refs: number[];
  /** Stream data `[from, to)` in the file, for a stream (its last part ends `/Length n\n>>`). */
  data?: [number, number];
}

// PDF's character classes (also the lazy parser's).
export const code = (c: string): number => c.charCodeAt(0);
export const WHITESPACE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITESPACE[c] = 1;
export const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[code(c)] = 1;
export const NUMERIC = new Uint8Array(256);
for (const c of '0123456789.+-') NUMERIC[code(c)] = 1;
const DIGIT = (b: number): boolean => b >= 48 && b <= 57;
const [LT, GT, LPAREN, RPAREN, SLASH, LBRACKET, RBRACKET, PERCENT, BACKSLASH, PERIOD, HASH, R, LF, CR] = [...'<>()/[]%\\.#R\n\r'].map(code) as number[];
const MAX_DEPTH = 200;
const WORDS = ['true', 'false', 'null'].map((w) => [...w].map(code));
const STREAM = [...'stream'].map(code);
const ENDSTREAM = [...'endstream'].map(code);
const OBJ = [...'obj'].map(code);
const SPECIAL_TYPES = new Set(['Page', 'Pages', 'Catalog']);

/** The object is not one the scanner writes itself. */
const refuse = (): never => {
  throw new Error('refused');
};

class Scanner {
  at = 0;
  readonly parts: string[] = [];
  readonly refs: number[] = [];
  /** What is written since the last reference. */
  out = '';
  /** The top-level dictionary's /Length (a direct whole number, else -1) and where its entry was written. */
  length?: { value: number; part: number; from: number; to: number };
  /** The top-level dictionary's /Type when it is a name. */
  type?: string;
  private readonly buf: Buffer;

  constructor(private readonly b: Uint8Array) {
    this.buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }

  private delimited(at: number): boolean {
    return at >= this.b.length || WHITESPACE[this.b[at]!] === 1 || DELIMITER[this.b[at]!] === 1;
  }

  /** pdf-lib's skipWhitespaceAndComments. */
  skip(): void {
    const b = this.b;
    for (;;) {
      while (this.at < b.length && WHITESPACE[b[this.at]!]) this.at++;
      if (b[this.at] !== PERCENT) return;
      while (this.at < b.length && b[this.at] !== LF && b[this.at] !== CR) this.at++;
    }
  }

  match(word: readonly number[]): boolean {
    for (let i = 0; i < word.length; i++) if (this.b[this.at + i] !== word[i]) return false;
    this.at += word.length;
    return true;
  }

  text(from: number, to: number): string {
    return this.buf.toString('latin1', from, to);
  }

  /** A number as pdf-lib reads it, else refused; `whole`: its value if digits only, else -1. */
  number(): { whole: number; from: number } {
    const b = this.b;
    const from = this.at;
    let at = from;
    let plain = true;
    let digits = 0;
    let value = 0;
    for (; at < b.length && NUMERIC[b[at]!]; at++) {
      const c = b[at]!;
      if (c === PERIOD) {
        plain = false;
        at++;
        break;
      }
      if (DIGIT(c)) {
        digits++;
        value = value * 10 + c - 48;
      } else if (at === from) plain = false;
      else refuse();
    }
    for (; at < b.length && DIGIT(b[at]!); at++) digits++;
    this.at = at;
    if (digits === 0 || !this.delimited(at)) refuse();
    return { whole: plain && value <= Number.MAX_SAFE_INTEGER ? value : -1, from };
  }

  /** The number `[from, at)` as pdf-lib writes it (numberToString). */
  private writeNumber(from: number, whole: number): void {
    if (whole >= 0) return void (this.out += String(whole));
    const n = Number(this.text(from, this.at));
    const s = String(n);
    this.out += s.includes('e') ? PDFNumber.of(n).toString() : s;
  }

  /** A name (its text returned); refused when pdf-lib would write it otherwise (escapes, bytes outside `!`–`~`). */
  name(): string {
    const b = this.b;
    const start = ++this.at;
    for (; this.at < b.length && !WHITESPACE[b[this.at]!] && !DELIMITER[b[this.at]!]; this.at++) {
      const c = b[this.at]!;
      if (c === HASH || c < 0x21 || c > 0x7e) refuse();
    }
    const text = this.text(start, this.at);
    this.out += '/' + text;
    return text;
  }

  value(depth: number, top: boolean): void {
    if (depth > MAX_DEPTH) refuse();
    this.skip();
    const b = this.b;
    const c = b[this.at];
    if (c === undefined) refuse();
    if (c === LT && b[this.at + 1] === LT) return this.dict(depth, top);
    if (c === LT) {
      const end = b.indexOf(GT, this.at);
      if (end < 0) refuse();
      this.out += this.text(this.at, end + 1);
      this.at = end + 1;
      return;
    }
    if (c === LPAREN) return this.string();
    if (c === SLASH) return void this.name();
    if (c === LBRACKET) {
      this.at++;
      this.out += '[';
      for (this.skip(); b[this.at] !== RBRACKET; this.skip()) {
        this.value(depth + 1, false);
        this.out += ' ';
      }
      this.at++;
      this.out += ']';
      return;
    }
    if (NUMERIC[c!]) return this.numberOrRef();
    const word = WORDS.find((w) => this.match(w));
    if (!word || !this.delimited(this.at)) refuse();
    this.out += String.fromCharCode(...word!);
  }

  /** The name written from `from` (after whitespace) to here, or '' when it is no name. */
  private typeName(from: number): string {
    while (WHITESPACE[this.b[from]!]) from++;
    return this.b[from] === SLASH ? this.text(from + 1, this.at) : '';
  }

  /** A dictionary; the top-level one is left open (scanIndirect closes it, a stream's /Length last). */
  private dict(depth: number, top: boolean): void {
    const b = this.b;
    this.at += 2;
    this.out += '<<';
    // A duplicate key is refused (pdf-lib keeps the last value).
    const keys = new Set<string>();
    for (this.skip(); b[this.at] !== GT; this.skip()) {
      if (b[this.at] !== SLASH) refuse();
      const entryAt = this.out.length;
      const key = this.name();
      if (keys.has(key)) refuse();
      keys.add(key);
      this.out += ' ';
      const valueAt = this.at;
      const part = this.parts.length;
      this.value(depth + 1, false);
      this.out += '\n';
      if (!top) continue;
      if (key === 'Length') this.length = { value: part === this.parts.length ? wholeNumber(b, valueAt, this.at) : -1, part, from: entryAt, to: this.out.length };
      else if (key === 'Type') this.type = this.typeName(valueAt);
    }
    if (b[this.at + 1] !== GT) refuse();
    this.at += 2;
    if (!top) this.out += '>>';
  }

  /** pdf-lib's parseString: parentheses counted, a backslash escapes the next byte; written as it is. */
  private string(): void {
    const b = this.b;
    const from = this.at;
    let nesting = 0;
    let escaped = false;
    while (this.at < b.length) {
      const byte = b[this.at++]!;
      if (!escaped) {
        if (byte === LPAREN) nesting++;
        else if (byte === RPAREN) nesting--;
      }
      escaped = byte === BACKSLASH ? !escaped : false;
      if (nesting === 0) {
        this.out += this.text(from, this.at);
        return;
      }
    }
    refuse();
  }

  private numberOrRef(): void {
    const first = this.number();
    const after = this.at;
    this.skip();
    if (DIGIT(this.b[this.at] ?? 0)) {
      const second = this.number();
      this.skip();
      if (this.b[this.at] === R) {
        // pdf-lib takes any two numbers before R as a reference: only whole ones are written here.
        if (first.whole < 0 || second.whole < 0 || !this.delimited(this.at + 1)) refuse();
        this.at++;
        this.parts.push(this.out);
        this.refs.push(first.whole, second.whole);
        this.out = '';
        return;
      }
    }
    this.at = after;
    this.writeNumber(first.from, first.whole);
  }
}

/** The whole number written in `[from, to)` (after whitespace and comments), or -1. */
function wholeNumber(b: Uint8Array, from: number, to: number): number {
  while (WHITESPACE[b[from]!]) from++;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!DIGIT(b[i]!)) return -1;
    n = n * 10 + b[i]! - 48;
  }
  return from < to && n <= Number.MAX_SAFE_INTEGER ? n : -1;
}

/**
 * The indirect object `num gen obj` at `offset` of `bytes`, written as pdf-lib writes it; undefined
 * when its header names another object or it is anything this scanner does not write itself.
 */
export function scanIndirect(bytes: Uint8Array, offset: number, num: number, gen: number): RawScan | undefined {
  const s = new Scanner(bytes);
  s.at = offset;
  try {
    s.skip();
    if (s.number().whole !== num) return undefined;
    s.skip();
    if (s.number().whole !== gen) return undefined;
    s.skip();
    if (!s.match(OBJ)) return undefined;
    s.skip();
    const isDict = bytes[s.at] === LT && bytes[s.at + 1] === LT;
    s.value(0, true);
    if (s.type !== undefined && SPECIAL_TYPES.has(s.type)) return undefined;
    s.skip();
    if (!s.match(STREAM)) {
      if (isDict) s.out += '>>';
      return { parts: [...s.parts, s.out], refs: s.refs };
    }
    // After `stream`, as pdf-lib reads it: ` \r\n`, `\r\n`, `\r`, `\n` or nothing.
    for (const eol of [[32, 13, 10], [13, 10], [13], [10]]) if (s.match(eol)) break;
    const from = s.at;
    const length = s.length;
    if (!isDict || !length || length.value < 0 || from + length.value > bytes.length) return undefined;
    s.at = from + length.value;
    s.skip();
    if (!s.match(ENDSTREAM)) return undefined;
    // pdf-lib's writer leaves /Length out where it was and writes it last.
    const parts = [...s.parts, s.out];
    const at = parts[length.part]!;
    parts[length.part] = at.slice(0, length.from) + at.slice(length.to);
    parts[parts.length - 1] += `/Length ${length.value}\n>>`;
    return { parts, refs: s.refs, data: [from, from + length.value] };
  } catch {
    // Refuse, or anything unforeseen (a string too long to be one): pdf-lib's parser has it then.
    return undefined;
  }
}
