// The lazy reader's parser: pdf-lib's own PDFObjectParser, positioned at will (an offset from the
// cross-reference data, a member of an object stream), on a byte stream whose slices are views of
// the file, with two shortcuts that give the very same objects (names read from the bytes once,
// objects dispatched on their first byte). Used by lazy-xref.ts and lazy-objects.ts.

import { PDFContext, PDFName, PDFObjectParser, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { code, DELIMITER, NUMERIC, WHITESPACE } from './raw-object.js';

const OBJ = [...'obj'].map((c) => c.charCodeAt(0));
const [LT, LPAREN, SLASH, LBRACKET, HASH] = ['<', '(', '/', '[', '#'].map(code) as [number, number, number, number, number];

interface ViewStream {
  slice(start: number, end: number): Uint8Array;
  next(): number;
}
type ByteStreamClass = new (bytes: Uint8Array) => ViewStream;

/** pdf-lib does not export its ByteStream: take the class from a parser it made. */
const ByteStream = (PDFObjectParser.forBytes(new Uint8Array(0), PDFContext.create()) as unknown as { bytes: { constructor: ByteStreamClass } }).bytes.constructor;

/**
 * A byte stream whose slices are views of `bytes`, not copies (pdf-lib slices stream data with it),
 * and that does not count lines and columns on every byte (they only ever go into error messages,
 * and an error here means the full parse anyway).
 */
function viewStream(bytes: Uint8Array): ViewStream {
  const stream = new ByteStream(bytes);
  stream.slice = (start: number, end: number): Uint8Array => bytes.subarray(start, end);
  stream.next = function (this: { idx: number }): number {
    return bytes[this.idx++]!;
  };
  return stream;
}

/** Arrays and dictionaries nested deeper than this send the file to the full parse. */
const MAX_DEPTH = 256;

/** Names by their bytes in the file (those without `#` escapes, which mean themselves). */
const names = new Map<string, PDFName>();

/** pdf-lib's object parser, positioned at will. */
export class LazyParser extends PDFObjectParser {
  constructor(
    private readonly view: Uint8Array,
    context: PDFContext,
  ) {
    super(viewStream(view) as never, context);
  }

  private depth = 0;

  // pdf-lib tries `true`, `false` and `null` before it looks at the first byte at all. Nesting
  // deeper than real files ever do is refused: how deep pdf-lib itself gets before the stack runs
  // out depends on the machine, and such a file is the full parse's (and its checks') business.
  override parseObject(ref?: PDFRef): PDFObject {
    if (this.depth >= MAX_DEPTH) throw new Error(`dieper dan ${MAX_DEPTH} niveaus genest`);
    this.depth++;
    try {
      return this.parseOne(ref);
    } finally {
      this.depth--;
    }
  }

  private parseOne(ref?: PDFRef): PDFObject {
    this.skipWhitespaceAndComments();
    const byte = this.bytes.peek();
    if (byte === LT) return this.bytes.peekAhead(1) === LT ? this.parseDictOrStream(ref) : this.parseHexString(ref);
    if (byte === LPAREN) return this.parseString(ref);
    if (byte === SLASH) return this.parseName();
    if (byte === LBRACKET) return this.parseArray(ref);
    if (NUMERIC[byte]) return this.parseNumberOrRef();
    return super.parseObject(ref);
  }

  // pdf-lib builds a name one character at a time and decodes it twice.
  protected override parseName(): PDFName {
    const view = this.view;
    const start = this.bytes.offset() + 1;
    if (view[start - 1] !== SLASH) return super.parseName();
    let raw = '';
    let end = start;
    for (let b = view[end]!; end < view.length && !WHITESPACE[b] && !DELIMITER[b]; b = view[++end]!) {
      if (b === HASH) return super.parseName();
      raw += String.fromCharCode(b);
    }
    this.bytes.moveTo(end);
    let name = names.get(raw);
    if (!name) names.set(raw, (name = PDFName.of(raw)));
    return name;
  }

  /** The object at `offset` (no `n g obj` before it). */
  objectAt(offset: number): PDFObject {
    this.bytes.moveTo(offset);
    return this.parseObject();
  }

  /** The object after `num gen obj` at `offset`; undefined when the header names another object. */
  indirectAt(offset: number, expect?: { num: number; gen: number }): PDFObject | undefined {
    this.bytes.moveTo(offset);
    this.skipWhitespaceAndComments();
    const num = this.parseRawInt();
    this.skipWhitespaceAndComments();
    const gen = this.parseRawInt();
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(OBJ)) return undefined;
    if (expect && (expect.num !== num || expect.gen !== gen)) return undefined;
    return this.parseObject(PDFRef.of(num, gen));
  }

  /** `count` pairs of integers from `offset` (an object stream's header). */
  pairsAt(offset: number, count: number): [number, number][] {
    this.bytes.moveTo(offset);
    const out: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      this.skipWhitespaceAndComments();
      const a = this.parseRawInt();
      this.skipWhitespaceAndComments();
      out.push([a, this.parseRawInt()]);
    }
    return out;
  }
}
