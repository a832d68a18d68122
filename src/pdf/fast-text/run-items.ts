// The text items of one run as pdfjs's getTextContent makes them (run.ts feeds it glyphs): the same
// rules for when a gap is a space, when a jump is a new line and when white space glyphs count. One
// run per content stream read (a page, or a form it draws, which pdfjs reads as a run of its own).

import type { TextState } from './state.js';
import type { PageText } from './units.js';

const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;

export class RunItems {
  protected initialized = false;
  protected width = 0;
  protected height = 0;
  protected advanceScale = 0;
  /** What `advanceScale` was worked out from: ctm[0], ctm[1], tlm[0], tlm[1]. */
  protected readonly scaledBy = new Float64Array(4).fill(NaN);
  /** What `height` was worked out from: ctm[0..3], tm[2], tm[3], the font size. */
  private readonly heightBy = new Float64Array(7).fill(NaN);
  protected trackingSpaceMin = Infinity;
  protected negativeSpaceMax = -Infinity;
  protected notASpace = -Infinity;
  protected spaceInFlowMin = 0;
  protected spaceInFlowMax = 0;
  protected hasPrev = false;
  /** Text rendering matrix after the last glyph, and at the current point (reused, never reallocated). */
  protected readonly prev = new Float64Array(6);
  protected readonly cur = new Float64Array(6);
  /** pdfjs's last two characters, as far as it looks at them: whether each is a space (the one before last, the last). */
  protected olderSpace = true;
  protected lastSpace = true;
  /** Where the items go; the item being built is written there as it grows. */
  protected page!: PageText;
  /** The page's visible box (CropBox ∩ MediaBox), normalised. */
  protected view!: readonly number[];

  /** Start a new run (one content stream) into `page`: a run is reused from stream to stream. */
  reset(page: PageText, view: readonly number[]): this {
    this.page = page;
    this.view = view;
    this.initialized = false;
    this.width = this.height = this.advanceScale = 0;
    this.scaledBy.fill(NaN);
    this.heightBy.fill(NaN);
    this.trackingSpaceMin = Infinity;
    this.negativeSpaceMax = this.notASpace = -Infinity;
    this.spaceInFlowMin = this.spaceInFlowMax = 0;
    this.hasPrev = false;
    this.prev.fill(0);
    this.cur.fill(0);
    this.resetLastChars();
    this.eol = this.normalize = false;
    return this;
  }

  /** pdfjs keeps its last two characters: a space is added between a non-space and a space followed by the next glyph. */
  protected saveLastChar(space: boolean): boolean {
    const add = !this.olderSpace && this.lastSpace;
    this.olderSpace = this.lastSpace;
    this.lastSpace = space;
    return add;
  }

  protected shouldAddWhitespace(): boolean {
    return !this.olderSpace && this.lastSpace;
  }

  protected resetLastChars(): void {
    this.olderSpace = this.lastSpace = true;
  }

  flush(): void {
    if (!this.initialized) return;
    this.page.endItem(this.eol, this.height, this.normalize);
    this.initialized = false;
    this.normalize = false;
  }
  protected eol = false;
  /** The item holds a character pdfjs normalises. */
  protected normalize = false;

  protected ensure(s: TextState): void {
    if (this.initialized) return;
    // The height of the text rendering matrix (ctm × tm × [size·scale 0 0 size 0 rise]).
    const { ctm: c, tm: t, fontSize: fs } = s;
    const h = this.heightBy;
    // Worked out again only when what it is made of changed (a new line at the same size is not).
    if (h[0] !== c[0] || h[1] !== c[1] || h[2] !== c[2] || h[3] !== c[3] || h[4] !== t[2] || h[5] !== t[3] || h[6] !== fs) {
      const m2 = t[2] * fs;
      const m3 = t[3] * fs;
      this.height = Math.hypot(c[0] * m2 + c[2] * m3, c[1] * m2 + c[3] * m3);
      h.set(c.subarray(0, 4));
      h[4] = t[2];
      h[5] = t[3];
      h[6] = fs;
    }
    this.width = 0;
    // The same matrices as when it was last worked out (nearly always): the same scale.
    if (this.rescaled(s)) this.advanceScale = Math.hypot(s.ctm[0], s.ctm[1]) * Math.hypot(s.tlm[0], s.tlm[1]);
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
  protected rescaled(s: TextState): boolean {
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

  protected appendEOL(): void {
    this.resetLastChars();
    if (this.initialized) {
      this.eol = true;
      this.flush();
    } else this.page.push('', true);
  }

  protected addFakeSpaces(width: number, orientation: number): boolean {
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
  protected compareMoved(): void {
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
}
