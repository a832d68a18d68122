// The text of the item a TextRun is building, as UTF-16 code units in a growing buffer: a string built
// glyph by glyph would cost a new string per glyph. And where the items of a page go.

/** Where the items of a page go: its text, and the sized items of page 1 (for the heading). */
export interface TextSink {
  text: string[];
  /** Non-blank items with their size (the height of their text matrix), when wanted. */
  sized?: { str: string; size: number }[];
}

/** Characters pdfjs replaces by their compatibility form (ligatures, no-break and odd-width spaces, micro, ohm). */
const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06]+)|(\ufb05+)/gu;
export const normalize = (s: string): string => s.replace(NORMALIZE, (_, a: string | undefined, b: string | undefined) => (a ? a.normalize('NFKC') : 'ſt'.repeat(b!.length)));

export class ItemText {
  private units = new Uint16Array(256);
  length = 0;

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

  /** The text so far; the buffer starts again empty. */
  take(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 4096) out += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(this.length, i + 4096)) as unknown as number[]);
    this.length = 0;
    return out;
  }
}
