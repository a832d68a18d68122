// The text of a page as the reader builds it, as UTF-16 code units in a growing buffer: items are
// written glyph by glyph where they end up, so a page costs one string, not one per glyph or item.
// The item being built is what was written since the last `mark`.

import { endianness } from 'node:os';

/** Characters pdfjs replaces by their compatibility form (ligatures, no-break and odd-width spaces, micro, ohm). */
const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06]+)|(\ufb05+)/gu;
export const normalize = (s: string): string => s.replace(NORMALIZE, (_, a: string | undefined, b: string | undefined) => (a ? a.normalize('NFKC') : 'ſt'.repeat(b!.length)));

const LITTLE_ENDIAN = endianness() === 'LE';

/** A non-blank item of the first page with its size (the height of its text matrix), for the heading. */
export interface SizedItem {
  str: string;
  size: number;
}
const SIZED: SizedItem[] = [];

export class PageText {
  private units = new Uint16Array(4096);
  private length = 0;
  /** Where the item being built starts. */
  private mark = 0;
  /** Non-blank items with their size (the height of their text matrix), when wanted (page 1, for the heading). */
  sized?: SizedItem[];

  /** Collect `sized` on this page or not. One array for every first page, emptied each time: a new `[]` per document changed its elements' kind in V8's optimised code (a deoptimisation in every thread). */
  collectSized(on: boolean): void {
    SIZED.length = 0;
    this.sized = on ? SIZED : undefined;
  }

  /** Code units in the item being built. */
  get itemLength(): number {
    return this.length - this.mark;
  }

  append(text: string): void {
    if (this.length + text.length > this.units.length) this.grow(text.length);
    for (let i = 0; i < text.length; i++) this.units[this.length++] = text.charCodeAt(i);
  }

  /** One UTF-16 code unit (most glyphs). */
  appendUnit(unit: number): void {
    if (this.length === this.units.length) this.grow(1);
    this.units[this.length++] = unit;
  }

  private grow(more: number): void {
    const bigger = new Uint16Array(Math.max(this.units.length * 2, this.length + more));
    bigger.set(this.units.subarray(0, this.length));
    this.units = bigger;
  }

  private string(from: number, to: number): string {
    // Node decodes UTF-16LE natively (lone surrogates kept, as String.fromCharCode keeps them).
    if (LITTLE_ENDIAN) return Buffer.from(this.units.buffer, this.units.byteOffset + 2 * from, 2 * (to - from)).toString('utf16le');
    let out = '';
    for (let i = from; i < to; i += 4096) out += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
    return out;
  }

  /** An item of its own (a space, or an empty line end), after the one being built. */
  push(str: string, eol: boolean): void {
    this.append(str);
    if (eol) this.appendUnit(10);
    this.mark = this.length;
  }

  /** The item being built is complete: normalised as pdfjs does when `normalise`, ended by a line end when `eol`. */
  endItem(eol: boolean, size: number, normalise: boolean): void {
    if (normalise || this.sized) {
      let str = this.string(this.mark, this.length);
      if (normalise) {
        str = normalize(str);
        this.length = this.mark;
        this.append(str);
      }
      if (this.sized && str.trim() !== '') this.sized.push({ str, size });
    }
    if (eol) this.appendUnit(10);
    this.mark = this.length;
  }

  /** The page's text; the buffer starts again empty. */
  take(): string {
    const text = this.string(0, this.length);
    this.length = this.mark = 0;
    return text;
  }
}
