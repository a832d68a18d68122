// Glyphs to text items the way pdfjs's getTextContent makes them, so that both readers give the
// same text: the same rules for when a gap is a space, when a jump is a new line, when white space
// glyphs count, and which text is outside the page's visible box. One `TextRun` per content stream
// read (a page, or a form it draws, which pdfjs reads as a run of its own). Horizontal text only:
// vertical fonts are left to pdfjs.

import { Fallback, GlyphKind, type TextFont } from './fonts.js';
import type { TextState } from './state.js';

/** Where the items of a page go: its text, and the sized items of page 1 (for the heading). */
export interface TextSink {
  text: string[];
  /** Non-blank items with their size (the height of their text matrix), when wanted. */
  sized?: { str: string; size: number }[];
}

const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;

/** Characters pdfjs replaces by their compatibility form (ligatures, no-break and odd-width spaces, micro, ohm). */
const NORMALIZE = /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06]+)|(\ufb05+)/gu;
const normalize = (s: string): string => s.replace(NORMALIZE, (_, a: string | undefined, b: string | undefined) => (a ? a.normalize('NFKC') : 'ſt'.repeat(b!.length)));

export class TextRun {
  private initialized = false;
  /** The item's text so far, as UTF-16 code units (a string built per glyph would cost a string per glyph). */
  private units = new Uint16Array(256);
  private length = 0;
  private width = 0;
  private height = 0;
  private advanceScale = 0;
  private trackingSpaceMin = Infinity;
  private negativeSpaceMax = -Infinity;
  private notASpace = -Infinity;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  private hasPrev = false;
  /** Text rendering matrix after the last glyph, and at the current point (reused, never reallocated). */
  private readonly prev = new Float64Array(6);
  private readonly cur = new Float64Array(6);
  private last2: [string, string] = [' ', ' '];
  private lastPos = 0;

  constructor(
    private readonly sink: TextSink,
    /** The page's visible box (CropBox ∩ MediaBox), normalised. */
    private readonly view: readonly number[],
  ) {}

  /** The text rendering matrix at the current point (ctm × tm × [size·scale 0 0 size 0 rise]), into `out`. */
  private current(s: TextState, out: Float64Array): Float64Array {
    const { ctm: c, tm: t, fontSize: fs, rise } = s;
    const m0 = t[0] * fs * s.hScale;
    const m1 = t[1] * fs * s.hScale;
    const m2 = t[2] * fs;
    const m3 = t[3] * fs;
    const m4 = t[2] * rise + t[4];
    const m5 = t[3] * rise + t[5];
    out[0] = c[0] * m0 + c[2] * m1;
    out[1] = c[1] * m0 + c[3] * m1;
    out[2] = c[0] * m2 + c[2] * m3;
    out[3] = c[1] * m2 + c[3] * m3;
    out[4] = c[0] * m4 + c[2] * m5 + c[4];
    out[5] = c[1] * m4 + c[3] * m5 + c[5];
    return out;
  }

  private saveLastChar(ch: string): boolean {
    const next = (this.lastPos + 1) % 2;
    const add = this.last2[this.lastPos] !== ' ' && this.last2[next] === ' ';
    this.last2[this.lastPos] = ch;
    this.lastPos = next;
    return add;
  }

  private shouldAddWhitespace(): boolean {
    return this.last2[this.lastPos] !== ' ' && this.last2[(this.lastPos + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.last2[0] = this.last2[1] = ' ';
    this.lastPos = 0;
  }

  private push(str: string, eol: boolean, size: number): void {
    this.sink.text.push(eol ? `${str}\n` : str);
    if (this.sink.sized && str.trim() !== '') this.sink.sized.push({ str, size });
  }

  private append(text: string): void {
    if (this.length + text.length > this.units.length) {
      const more = new Uint16Array(Math.max(this.units.length * 2, this.length + text.length));
      more.set(this.units.subarray(0, this.length));
      this.units = more;
    }
    for (let i = 0; i < text.length; i++) this.units[this.length++] = text.charCodeAt(i);
  }

  private text(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 4096) out += String.fromCharCode.apply(null, this.units.subarray(i, Math.min(this.length, i + 4096)) as unknown as number[]);
    return out;
  }

  private pushWhitespace(): void {
    this.push(' ', false, 0);
  }

  flush(): void {
    if (!this.initialized) return;
    const str = this.text();
    this.push(this.normalize ? normalize(str) : str, this.eol, this.height);
    this.initialized = false;
    this.normalize = false;
    this.length = 0;
  }
  private eol = false;
  /** The item holds a character pdfjs normalises. */
  private normalize = false;

  private ensure(s: TextState): void {
    if (this.initialized) return;
    const trm = this.current(s, this.cur);
    this.width = 0;
    this.height = Math.hypot(trm[2], trm[3]);
    this.advanceScale = Math.hypot(s.ctm[0], s.ctm[1]) * Math.hypot(s.tlm[0], s.tlm[1]);
    const size = s.fontSize;
    this.trackingSpaceMin = size * TRACKING_SPACE;
    this.notASpace = size * NOT_A_SPACE;
    this.negativeSpaceMax = size * NEGATIVE_SPACE;
    this.spaceInFlowMin = size * SPACE_IN_FLOW_MIN;
    this.spaceInFlowMax = size * SPACE_IN_FLOW_MAX;
    this.eol = false;
    this.initialized = true;
  }

  /** After `Tm`: the item's advances are measured at the new scale. */
  updateAdvanceScale(s: TextState): void {
    if (!this.initialized) return;
    const scale = Math.hypot(s.ctm[0], s.ctm[1]) * Math.hypot(s.tlm[0], s.tlm[1]);
    if (scale === this.advanceScale) return;
    this.width = 0;
    this.advanceScale = scale;
  }

  private appendEOL(): void {
    this.resetLastChars();
    if (this.initialized) {
      this.eol = true;
      this.flush();
    } else this.push('', true, 0);
  }

  private addFakeSpaces(width: number, orientation: number): boolean {
    if (orientation * this.spaceInFlowMin <= width && width <= orientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.append(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    this.pushWhitespace();
    return true;
  }

  /** Where the next glyph starts compared with where the last one ended: space, new item, new line. False: outside the page. */
  private compare(s: TextState, glyphWidth: number): boolean {
    const cur = this.current(s, this.cur);
    let x = cur[4];
    let y = cur[5];
    const v = this.view;
    if (x + glyphWidth < v[0] || x > v[2] || y < v[1] || y > v[3]) return false;
    if (!this.hasPrev) return true;
    const p = this.prev;
    let lx = p[4];
    let ly = p[5];
    if (lx === x && ly === y) return true;
    if (cur[0] && cur[1] === 0 && cur[2] === 0) {
      if (cur[0] < 0) {
        x = -x;
        y = -y;
        lx = -lx;
        ly = -ly;
      }
    } else if (cur[1] && cur[0] === 0 && cur[3] === 0) {
      const sign = cur[1] > 0 ? 1 : -1;
      const [tx, tlx] = [x, lx];
      x = sign * y;
      y = sign * tx;
      lx = sign * ly;
      ly = sign * tlx;
    } else {
      const sc = Math.hypot(cur[0], cur[1]);
      const sp = Math.hypot(p[0], p[1]);
      const [tx, tlx] = [x, lx];
      x = (cur[0] * tx + cur[1] * y) / sc;
      y = (cur[2] * tx + cur[3] * y) / sc;
      lx = (p[0] * tlx + p[1] * ly) / sp;
      ly = (p[2] * tlx + p[3] * ly) / sp;
    }
    const advanceX = (x - lx) / this.advanceScale;
    const advanceY = y - ly;
    const orientation = Math.sign(this.width);
    if (advanceX < orientation * this.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * this.height) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceY) > this.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= orientation * this.notASpace) this.resetLastChars();
    if (advanceX <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace();
      } else this.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, orientation)) {
      if (this.length === 0) {
        this.resetLastChars();
        this.pushWhitespace();
      } else this.width += advanceX;
    }
    if (Math.abs(advanceY) > this.height * VERTICAL_SHIFT) this.flush();
    return true;
  }

  /** Show the codes in `bytes` (one string of Tj, or a piece of TJ followed by `extraSpacing`). */
  show(s: TextState, font: TextFont, bytes: Uint8Array, extraSpacing: number): void {
    const tm = s.tm;
    const step = font.bytes;
    if (step === 2 && bytes.length % 2 === 1) throw new Fallback('oneven aantal bytes');
    if (bytes.length === 0) {
      const spacing = s.charSpacing + extraSpacing;
      if (spacing) {
        tm[4] += tm[0] * spacing * s.hScale;
        tm[5] += tm[1] * spacing * s.hScale;
      }
      return;
    }
    const scale = 0.001 * s.fontSize;
    for (let i = 0; i < bytes.length; i += step) {
      const code = step === 1 ? bytes[i] : (bytes[i] << 8) | bytes[i + 1];
      const g = font.glyph(code);
      if (!g) throw new Fallback(`teken ${code} zonder tekst`);
      if (g.kind === GlyphKind.Invisible) continue;
      let spacing = s.charSpacing + (i + step >= bytes.length ? extraSpacing : 0);
      let dim = g.width * scale;
      if (code === 0x20) spacing += s.wordSpacing;
      if (g.kind === GlyphKind.Whitespace) {
        spacing += dim;
        tm[4] += tm[0] * spacing * s.hScale;
        tm[5] += tm[1] * spacing * s.hScale;
        this.saveLastChar(' ');
        continue;
      }
      if (g.kind !== GlyphKind.Diacritic && !this.compare(s, dim)) {
        tm[4] += tm[0] * dim * s.hScale;
        tm[5] += tm[1] * dim * s.hScale;
        continue;
      }
      this.ensure(s);
      if (g.kind === GlyphKind.Diacritic) dim = 0;
      dim *= s.hScale;
      tm[4] += tm[0] * dim;
      tm[5] += tm[1] * dim;
      this.width += dim;
      if (dim) {
        const c = this.current(s, this.cur);
        for (let k = 0; k < 6; k++) this.prev[k] = c[k];
        this.hasPrev = true;
      }
      if (this.saveLastChar(g.text)) this.append(' ');
      this.append(g.text);
      if (g.normalize) this.normalize = true;
      if (spacing) {
        tm[4] += tm[0] * spacing * s.hScale;
        tm[5] += tm[1] * spacing * s.hScale;
      }
    }
  }
}
