// A forgiving reader of PDF object syntax, for files whose objects or trailer pdf-lib cannot parse:
// stray brackets, braces, unknown words and keys without values are dropped, unclosed arrays and
// dictionaries are closed, as viewers do. Values keep their source text, so what is written back
// means exactly what was there (strings and names are never re-encoded: encrypted bytes survive).

export type Value =
  | { kind: 'dict'; entries: [string, Value][] }
  | { kind: 'array'; items: Value[] }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'number'; raw: string; value: number }
  | { kind: 'name' | 'string' | 'word'; raw: string };

type Token = { type: 'open-dict' | 'close-dict' | 'open-array' | 'close-array' | 'junk' } | { type: 'leaf'; value: Value } | { type: 'stop'; word: string };

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const HEX = /[0-9A-Fa-f]/;
/** Words that end an object: the parse stops before them, closing whatever is open. */
const STOP_WORDS = new Set(['stream', 'endstream', 'endobj', 'obj', 'xref', 'trailer', 'startxref']);

export class Lexer {
  constructor(
    readonly text: string,
    public pos = 0,
    readonly end = text.length,
  ) {}

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (WHITE.has(c)) this.pos++;
      else if (c === 37 /* % */) {
        while (this.pos < this.end && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      } else break;
    }
  }

  private regular(): string {
    const start = this.pos;
    while (this.pos < this.end) {
      const c = this.text.charCodeAt(this.pos);
      if (WHITE.has(c) || DELIM.has(c)) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  /** The next token, or undefined at the end. */
  next(): Token | undefined {
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const t = this.text;
    const c = t[this.pos];
    const start = this.pos;
    if (c === '<' && t[this.pos + 1] === '<') {
      this.pos += 2;
      return { type: 'open-dict' };
    }
    if (c === '>' && t[this.pos + 1] === '>') {
      this.pos += 2;
      return { type: 'close-dict' };
    }
    if (c === '[' || c === ']') {
      this.pos++;
      return { type: c === '[' ? 'open-array' : 'close-array' };
    }
    if (c === '(') {
      let depth = 0;
      while (this.pos < this.end) {
        const ch = t[this.pos++];
        if (ch === '\\') this.pos++;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) return { type: 'leaf', value: { kind: 'string', raw: t.slice(start, this.pos) } };
      }
      return { type: 'junk' };
    }
    if (c === '<') {
      const close = t.indexOf('>', this.pos);
      if (close < 0 || close >= this.end) {
        this.pos = this.end;
        return { type: 'junk' };
      }
      this.pos = close + 1;
      // Characters that are not hex digits are dropped, as viewers do.
      const digits = [...t.slice(start + 1, close)].filter((ch) => HEX.test(ch)).join('');
      return { type: 'leaf', value: { kind: 'string', raw: `<${digits}>` } };
    }
    if (c === '/') {
      this.pos++;
      return { type: 'leaf', value: { kind: 'name', raw: `/${this.regular()}` } };
    }
    if (DELIM.has(t.charCodeAt(this.pos))) {
      this.pos++;
      return { type: 'junk' };
    }
    const word = this.regular();
    if (NUMBER.test(word)) return { type: 'leaf', value: { kind: 'number', raw: word, value: Number(word) } };
    if (word === 'true' || word === 'false' || word === 'null' || word === 'R') return { type: 'leaf', value: { kind: 'word', raw: word } };
    if (STOP_WORDS.has(word)) {
      this.pos = start;
      return { type: 'stop', word };
    }
    return { type: 'junk' };
  }
}

/** Deeper nesting is not damage but an attack on recursive readers: the object is dropped. */
const MAX_DEPTH = 100;
class TooDeep extends Error {}

/**
 * Read one value at the lexer's position. Returns undefined when there is none (the lexer then
 * stands at a stop word, a closing bracket or the end) or when it nests deeper than MAX_DEPTH.
 */
export function readValue(lexer: Lexer): Value | undefined {
  try {
    return readNested(lexer, 0);
  } catch (err) {
    if (err instanceof TooDeep) return undefined;
    throw err;
  }
}

function readNested(lexer: Lexer, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) throw new TooDeep();
  for (;;) {
    const before = lexer.pos;
    const tok = lexer.next();
    if (!tok) return undefined;
    switch (tok.type) {
      case 'stop':
      case 'close-dict':
      case 'close-array':
        lexer.pos = before;
        return undefined;
      case 'junk':
        continue;
      case 'open-dict':
        return readDict(lexer, depth + 1);
      case 'open-array':
        return readArray(lexer, depth + 1);
      case 'leaf':
        return withRef(lexer, tok.value);
    }
  }
}

/** `1 0 R` is one value: a number followed by a number and `R`. */
function withRef(lexer: Lexer, value: Value): Value | undefined {
  if (value.kind === 'word' && value.raw === 'R') return undefined;
  if (value.kind !== 'number' || !Number.isInteger(value.value) || value.value < 0) return value;
  const save = lexer.pos;
  const gen = lexer.next();
  if (gen?.type === 'leaf' && gen.value.kind === 'number' && Number.isInteger(gen.value.value) && gen.value.value >= 0) {
    const r = lexer.next();
    if (r?.type === 'leaf' && r.value.kind === 'word' && r.value.raw === 'R') return { kind: 'ref', num: value.value, gen: gen.value.value };
  }
  lexer.pos = save;
  return value;
}

function readDict(lexer: Lexer, depth: number): Value {
  const entries: [string, Value][] = [];
  for (;;) {
    const before = lexer.pos;
    const tok = lexer.next();
    if (!tok || tok.type === 'close-dict') break;
    if (tok.type === 'stop' || tok.type === 'close-array') {
      // `]` inside a dictionary is dropped; a stop word closes the dictionary.
      if (tok.type === 'stop') {
        lexer.pos = before;
        break;
      }
      continue;
    }
    if (tok.type !== 'leaf' || tok.value.kind !== 'name') {
      // Not a key: skip it (with whatever it opens).
      if (tok.type === 'open-dict' || tok.type === 'open-array') {
        lexer.pos = before;
        readNested(lexer, depth);
      }
      continue;
    }
    const value = readNested(lexer, depth);
    if (value === undefined) continue;
    const at = entries.findIndex(([k]) => k === (tok.value as { raw: string }).raw);
    if (at >= 0) entries.splice(at, 1);
    entries.push([tok.value.raw, value]);
  }
  return { kind: 'dict', entries };
}

function readArray(lexer: Lexer, depth: number): Value {
  const items: Value[] = [];
  for (;;) {
    const before = lexer.pos;
    const tok = lexer.next();
    if (!tok || tok.type === 'close-array') break;
    if (tok.type === 'stop' || tok.type === 'close-dict') {
      lexer.pos = before;
      break;
    }
    lexer.pos = before;
    const value = readNested(lexer, depth);
    if (value === undefined) {
      if (lexer.pos === before) lexer.next();
      continue;
    }
    items.push(value);
  }
  return { kind: 'array', items };
}

export function write(value: Value): string {
  switch (value.kind) {
    case 'dict':
      return `<<${value.entries.map(([k, v]) => ` ${k} ${write(v)}`).join('')} >>`;
    case 'array':
      return `[${value.items.map(write).join(' ')}]`;
    case 'ref':
      return `${value.num} ${value.gen} R`;
    default:
      return value.raw;
  }
}

export function entry(dict: Value | undefined, key: string): Value | undefined {
  return dict?.kind === 'dict' ? dict.entries.find(([k]) => k === key)?.[1] : undefined;
}

export function setEntry(dict: Value & { kind: 'dict' }, key: string, value: Value | undefined): void {
  const at = dict.entries.findIndex(([k]) => k === key);
  if (at >= 0) dict.entries.splice(at, 1);
  if (value !== undefined) dict.entries.push([key, value]);
}
