// What the text extractor knows of a font, without the PDF objects it came from (fonts.ts reads
// those): per character code its text and advance width, and how pdfjs classes the text (white
// space, a combining mark, an invisible format character). `FontData` is plain data, so the fonts of
// a document can be read on one thread and used on another (job.ts).

import { parseToUnicode } from './cmap.js';
import { glyphUnicode } from './encodings.js';

/** This document is for pdfjs: something in it is not read here the way pdfjs reads it. */
export class Fallback extends Error {}

export const enum GlyphKind {
  Normal = 0,
  Whitespace = 1,
  /** A combining mark: drawn over the previous character, no advance of its own. */
  Diacritic = 2,
  /** Not shown at all (soft hyphen and the like). */
  Invisible = 3,
}

export interface Glyph {
  code: number;
  text: string;
  /** Advance in glyph space (thousandths of the font size). */
  width: number;
  kind: GlyphKind;
  /** pdfjs replaces it by its compatibility form (a ligature, an odd space, µ, Ω). */
  normalize: boolean;
  /** The text as one UTF-16 code unit, −1 when it takes more. */
  unit: number;
}

/**
 * A font as read from the file: a simple font's glyph names and widths per code (with its
 * /ToUnicode stream, decoded, or `none`), or an Identity-H composite font's /W widths and /ToUnicode.
 */
export type FontData =
  | { kind: 'simple'; toUnicode: Uint8Array | 'none'; names: (string | undefined)[]; widths: Float64Array }
  | { kind: 'composite'; toUnicode: Uint8Array; widths: Map<number, number>; dflt: number };

const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
/** Characters pdfjs replaces by their compatibility form (run.ts). */
const NORMALIZED = /[\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb06]/u;
/** Right-to-left scripts: pdfjs reorders them; left to it. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/** The glyph of a code with this text; undefined (fall back) for no text or right-to-left text. */
function glyphOf(code: number, text: string | undefined, width: number): Glyph | undefined {
  // One ASCII character (nearly every glyph): white space or not, nothing else applies.
  if (text !== undefined && text.length === 1 && text.charCodeAt(0) < 0x80) {
    const unit = text.charCodeAt(0);
    return { code, text, width, kind: unit === 32 || (unit >= 9 && unit <= 13) ? GlyphKind.Whitespace : GlyphKind.Normal, normalize: false, unit };
  }
  return text === undefined || text === '' || RTL.test(text) ? undefined : { code, text, width, kind: kindOf(text), normalize: NORMALIZED.test(text), unit: text.length === 1 ? text.charCodeAt(0) : -1 };
}

function kindOf(text: string): GlyphKind {
  const m = SPECIAL.exec(text);
  if (!m) return GlyphKind.Normal;
  return m[1] ? GlyphKind.Whitespace : m[2] ? GlyphKind.Diacritic : GlyphKind.Invisible;
}

const UNUSED: Glyph = { code: -1, text: '', width: 0.5, kind: GlyphKind.Invisible, normalize: false, unit: -1 };

/**
 * What the reader knows of one font: per code its glyph, looked up on first use. One class for both
 * kinds of font, so the glyph loop calls one method, not one of two closures.
 */
export class TextFont {
  /** Per code: 0 not looked up yet, −1 no text, else its index in `list`. */
  private readonly index: Int32Array;
  /** Starts with a stand-in at 0, so it holds objects from the start (V8 never changes its kind of elements). */
  private readonly list: Glyph[] = [UNUSED];

  constructor(
    /** Bytes per character code: 1 for simple fonts, 2 for Identity-H composite fonts. */
    readonly bytes: 1 | 2,
    /** Codes from 0 to `size − 1` may have text. */
    size: number,
    private readonly lookup: (code: number) => Glyph | undefined,
  ) {
    this.index = new Int32Array(size);
  }

  /** Codes from 0 to `size − 1` may have text. */
  get size(): number {
    return this.index.length;
  }

  /** The glyph of a code; undefined when its text is not known (the caller falls back). */
  glyph(code: number): Glyph | undefined {
    const at = this.index[code];
    return at > 0 ? this.list[at] : this.first(code);
  }

  private first(code: number): Glyph | undefined {
    if (!(code < this.index.length) || this.index[code] < 0) return undefined;
    const g = this.lookup(code);
    this.index[code] = g ? this.list.push(g) - 1 : -1;
    return g;
  }
}

/** Reads a /ToUnicode CMap: cmap.ts's, or the same reading in WebAssembly (job.ts). */
export type CmapReader = (data: Uint8Array) => Map<number, string> | undefined;

function simpleFont(data: Extract<FontData, { kind: 'simple' }>, parse: CmapReader): TextFont | undefined {
  const toUnicode = data.toUnicode === 'none' ? 'none' : parse(data.toUnicode);
  if (toUnicode === undefined) return undefined;
  const { names, widths } = data;
  return new TextFont(1, 256, (code) => {
    const name = names[code];
    const text = (toUnicode !== 'none' ? toUnicode.get(code) : undefined) ?? (name !== undefined ? glyphUnicode(name) : undefined);
    return glyphOf(code, text, widths[code]);
  });
}

function compositeFont(data: Extract<FontData, { kind: 'composite' }>, parse: CmapReader): TextFont | undefined {
  const toUnicode = parse(data.toUnicode);
  if (toUnicode === undefined) return undefined;
  const { widths, dflt } = data;
  // Codes beyond the largest in the map have no text.
  let largest = -1;
  for (const code of toUnicode.keys()) if (code > largest) largest = code;
  return new TextFont(2, Math.min(largest + 1, 65_536), (code) => glyphOf(code, toUnicode.get(code), widths.get(code) ?? dflt));
}

/** The font to read text with, or undefined when its /ToUnicode cannot be read as a whole. */
export function textFontOf(data: FontData, parse: CmapReader = parseToUnicode): TextFont | undefined {
  return data.kind === 'simple' ? simpleFont(data, parse) : compositeFont(data, parse);
}
