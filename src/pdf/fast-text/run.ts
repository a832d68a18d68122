// Glyphs to text items the way pdfjs's getTextContent makes them, so that both readers give the
// same text: the same rules for when a gap is a space, when a jump is a new line, when white space
// glyphs count, and which text is outside the page's visible box. One `TextRun` per content stream
// read (a page, or a form it draws, which pdfjs reads as a run of its own). Horizontal text only:
// vertical fonts are left to pdfjs.

import { Fallback, GlyphKind, type TextFont } from './glyphs.js';
import type { TextState } from './state.js';
import type { PageText } from './units.js';

const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;

export class TextRun {
  private initialized = false;
  private width = 0;
  private height = 0;
  private advanceScale = 0;
  /** What `advanceScale` was worked out from: ctm[0], ctm[1], tlm[0], tlm[1]. */
  private readonly scaledBy = new Float64Array(4).fill(NaN);
  private trackingSpaceMin = Infinity;
  private negativeSpaceMax = -Infinity;
  private notASpace = -Infinity;
  private spaceInFlowMin = 0;
  private spaceInFlowMax = 0;
  private hasPrev = false;
  /** Text rendering matrix after the last glyph, and at the current point (reused, never reallocated). */
  private readonly prev = new Float64Array(6);
  private readonly cur = new Float64Array(6);
  /** pdfjs's last two characters, as far as it looks at them: whether each is a space. */
  private readonly lastSpace = [true, true];
  private lastPos = 0;

  constructor(
    /** Where the items go; the item being built is written there as it grows. */
    private readonly page: PageText,
    /** The page's visible box (CropBox ∩ MediaBox), normalised. */
    private readonly view: readonly number[],
  ) {}

  private saveLastChar(space: boolean): boolean {
    const next = this.lastPos ^ 1;
    const add = !this.lastSpace[this.lastPos] && this.lastSpace[next];
    this.lastSpace[this.lastPos] = space;
    this.lastPos = next;
    return add;
  }

  private shouldAddWhitespace(): boolean {
    return !this.lastSpace[this.lastPos] && this.lastSpace[this.lastPos ^ 1];
  }

  private resetLastChars(): void {
    this.lastSpace[0] = this.lastSpace[1] = true;
    this.lastPos = 0;
  }

  flush(): void {
    if (!this.initialized) return;
    this.page.endItem(this.eol, this.height, this.normalize);
    this.initialized = false;
    this.normalize = false;
  }
  private eol = false;
  /** The item holds a character pdfjs normalises. */
  private normalize = false;

  private ensure(s: TextState): void {
    if (this.initialized) return;
    // The height of the text rendering matrix (ctm × tm × [size·scale 0 0 size 0 rise]).
    const { ctm: c, tm: t, fontSize: fs } = s;
    const m2 = t[2] * fs;
    const m3 = t[3] * fs;
    this.width = 0;
    this.height = Math.hypot(c[0] * m2 + c[2] * m3, c[1] * m2 + c[3] * m3);
    this.rescaled(s);
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

  /** Do the numbers `advanceScale` is made of differ from the last ones? (Noted for the next time.) */
  private rescaled(s: TextState): boolean {
    const k = this.scaledBy;
    if (k[0] === s.ctm[0] && k[1] === s.ctm[1] && k[2] === s.tlm[0] && k[3] === s.tlm[1]) return false;
    k[0] = s.ctm[0];
    k[1] = s.ctm[1];
    k[2] = s.tlm[0];
    k[3] = s.tlm[1];
    return true;
  }

  /** After `Tm`: the item's advances are measured at the new scale. */
  updateAdvanceScale(s: TextState): void {
    if (!this.initialized) return;
    // Lines of one size and direction (nearly all): the same matrices, the same scale.
    if (!this.rescaled(s)) return;
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
    } else this.page.push('', true);
  }

  private addFakeSpaces(width: number, orientation: number): boolean {
    if (orientation * this.spaceInFlowMin <= width && width <= orientation * this.spaceInFlowMax) {
      if (this.initialized) {
        this.resetLastChars();
        this.page.append(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    this.page.push(' ', false);
    return true;
  }

  /**
   * Where the next glyph starts (its text rendering matrix in `cur`) compared with where the last one
   * ended: space, new item, new line. The caller has checked that it is on the page and has moved.
   */
  private compareMoved(): void {
    const cur = this.cur;
    const p = this.prev;
    let x = cur[4];
    let y = cur[5];
    let lx = p[4];
    let ly = p[5];
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
        return;
      }
      this.resetLastChars();
      this.flush();
      return;
    }
    if (Math.abs(advanceY) > this.height) {
      this.appendEOL();
      return;
    }
    if (advanceX <= orientation * this.notASpace) this.resetLastChars();
    if (advanceX <= orientation * this.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.page.push(' ', false);
      } else this.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, orientation)) {
      if (this.page.itemLength === 0) {
        this.resetLastChars();
        this.page.push(' ', false);
      } else this.width += advanceX;
    }
    if (Math.abs(advanceY) > this.height * VERTICAL_SHIFT) this.flush();
  }

  /** Show the codes in `bytes` (one string of Tj, or a piece of TJ followed by `extraSpacing`). */
  show(s: TextState, font: TextFont, bytes: Uint8Array, extraSpacing: number): void {
    const tm = s.tm;
    const step = font.bytes;
    if (step === 2 && bytes.length % 2 === 1) throw new Fallback('oneven aantal bytes');
    const hScale = s.hScale;
    if (bytes.length === 0) {
      const spacing = s.charSpacing + extraSpacing;
      if (spacing) {
        tm[4] += tm[0] * spacing * hScale;
        tm[5] += tm[1] * spacing * hScale;
      }
      return;
    }
    const scale = 0.001 * s.fontSize;
    // Within one string only the text matrix's translation moves: the rest of the text rendering
    // matrix (ctm × tm × [size·scale 0 0 size 0 rise]) is worked out once.
    const c = s.ctm;
    const fs = s.fontSize;
    const rise = s.rise;
    const m0 = tm[0] * fs * hScale;
    const m1 = tm[1] * fs * hScale;
    const m2 = tm[2] * fs;
    const m3 = tm[3] * fs;
    const a = c[0] * m0 + c[2] * m1;
    const b = c[1] * m0 + c[3] * m1;
    const cc = c[0] * m2 + c[2] * m3;
    const d = c[1] * m2 + c[3] * m3;
    const v = this.view;
    const p = this.prev;
    for (let i = 0; i < bytes.length; i += step) {
      const code = step === 1 ? bytes[i] : (bytes[i] << 8) | bytes[i + 1];
      const g = font.glyph(code);
      if (!g) throw new Fallback(`teken ${code} zonder tekst`);
      const kind = g.kind;
      if (kind === GlyphKind.Invisible) continue;
      let spacing = s.charSpacing + (i + step >= bytes.length ? extraSpacing : 0);
      let dim = g.width * scale;
      if (code === 0x20) spacing += s.wordSpacing;
      if (kind === GlyphKind.Whitespace) {
        spacing += dim;
        tm[4] += tm[0] * spacing * hScale;
        tm[5] += tm[1] * spacing * hScale;
        this.saveLastChar(true);
        continue;
      }
      if (kind !== GlyphKind.Diacritic) {
        const m4 = tm[2] * rise + tm[4];
        const m5 = tm[3] * rise + tm[5];
        const x = c[0] * m4 + c[2] * m5 + c[4];
        const y = c[1] * m4 + c[3] * m5 + c[5];
        // Outside the page: not shown.
        if (x + dim < v[0] || x > v[2] || y < v[1] || y > v[3]) {
          tm[4] += tm[0] * dim * hScale;
          tm[5] += tm[1] * dim * hScale;
          continue;
        }
        // Where the last glyph ended (the usual case within a string): nothing to decide.
        if (this.hasPrev && (p[4] !== x || p[5] !== y)) {
          const cur = this.cur;
          cur[0] = a;
          cur[1] = b;
          cur[2] = cc;
          cur[3] = d;
          cur[4] = x;
          cur[5] = y;
          this.compareMoved();
        }
      }
      this.ensure(s);
      if (kind === GlyphKind.Diacritic) dim = 0;
      dim *= hScale;
      tm[4] += tm[0] * dim;
      tm[5] += tm[1] * dim;
      this.width += dim;
      if (dim) {
        const m4 = tm[2] * rise + tm[4];
        const m5 = tm[3] * rise + tm[5];
        p[0] = a;
        p[1] = b;
        p[2] = cc;
        p[3] = d;
        p[4] = c[0] * m4 + c[2] * m5 + c[4];
        p[5] = c[1] * m4 + c[3] * m5 + c[5];
        this.hasPrev = true;
      }
      if (this.saveLastChar(false)) this.page.appendUnit(32);
      if (g.unit >= 0) this.page.appendUnit(g.unit);
      else this.page.append(g.text);
      if (g.normalize) this.normalize = true;
      if (spacing) {
        tm[4] += tm[0] * spacing * hScale;
        tm[5] += tm[1] * spacing * hScale;
      }
    }
  }
}
