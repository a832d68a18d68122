// Glyphs to text items the way pdfjs's getTextContent makes them, so that both readers give the
// same text (the item rules are in run-items.ts): where each glyph is, whether it is inside the
// page's visible box, and how the text matrix moves. Horizontal text only: vertical fonts are left
// to pdfjs.

import { Fallback, GlyphKind, type TextFont } from './glyphs.js';
import { RunItems } from './run-items.js';
import type { TextState } from './state.js';

export class TextRun extends RunItems {
  /** Show the codes in `bytes[from..to)` (one string of Tj, or a piece of TJ followed by `extraSpacing`). */
  show(s: TextState, font: TextFont, bytes: Uint8Array, from: number, to: number, extraSpacing: number): void {
    const tm = s.tm;
    const step = font.bytes;
    const n = to - from;
    if (step === 2 && n % 2 === 1) throw new Fallback('oneven aantal bytes');
    const hScale = s.hScale;
    const charSpacing = s.charSpacing;
    if (n === 0) {
      const spacing = charSpacing + extraSpacing;
      if (spacing) {
        tm[4] += tm[0] * spacing * hScale;
        tm[5] += tm[1] * spacing * hScale;
      }
      return;
    }
    const fs = s.fontSize;
    const scale = 0.001 * fs;
    const wordSpacing = s.wordSpacing;
    const rise = s.rise;
    // Within one string only the text matrix's translation moves (kept in t4, t5 and written back at
    // the end): the rest of the text rendering matrix (ctm × tm × [size·scale 0 0 size 0 rise]) is
    // worked out once.
    const t0 = tm[0];
    const t1 = tm[1];
    const t2 = tm[2];
    const t3 = tm[3];
    let t4 = tm[4];
    let t5 = tm[5];
    const c = s.ctm;
    const c0 = c[0];
    const c1 = c[1];
    const c2 = c[2];
    const c3 = c[3];
    const c4 = c[4];
    const c5 = c[5];
    const m0 = t0 * fs * hScale;
    const m1 = t1 * fs * hScale;
    const m2 = t2 * fs;
    const m3 = t3 * fs;
    const a = c0 * m0 + c2 * m1;
    const b = c1 * m0 + c3 * m1;
    const cc = c0 * m2 + c2 * m3;
    const d = c1 * m2 + c3 * m3;
    const v = this.view;
    const v0 = v[0];
    const v1 = v[1];
    const v2 = v[2];
    const v3 = v[3];
    const p = this.prev;
    // Where the last glyph ended (prev[4], prev[5]); `atPrev`: the text matrix has not moved since
    // then, so the next glyph starts exactly there (the same arithmetic on the same numbers).
    let px = p[4];
    let py = p[5];
    let hasPrev = this.hasPrev;
    let atPrev = false;
    /** prev[0..3] hold this string's matrix (set at its first glyph with an advance). */
    let matrixSet = false;
    for (let i = from; i < to; i += step) {
      const code = step === 1 ? bytes[i] : (bytes[i] << 8) | bytes[i + 1];
      const g = font.glyph(code);
      if (!g) throw new Fallback(`teken ${code} zonder tekst`);
      const kind = g.kind;
      if (kind === GlyphKind.Invisible) continue;
      let spacing = charSpacing + (i + step >= to ? extraSpacing : 0);
      let dim = g.width * scale;
      if (code === 0x20) spacing += wordSpacing;
      if (kind === GlyphKind.Whitespace) {
        spacing += dim;
        t4 += t0 * spacing * hScale;
        t5 += t1 * spacing * hScale;
        atPrev = false;
        this.saveLastChar(true);
        continue;
      }
      if (kind !== GlyphKind.Diacritic) {
        let x = px;
        let y = py;
        if (!atPrev) {
          const m4 = t2 * rise + t4;
          const m5 = t3 * rise + t5;
          x = c0 * m4 + c2 * m5 + c4;
          y = c1 * m4 + c3 * m5 + c5;
        }
        // Outside the page: not shown.
        if (x + dim < v0 || x > v2 || y < v1 || y > v3) {
          t4 += t0 * dim * hScale;
          t5 += t1 * dim * hScale;
          atPrev = false;
          continue;
        }
        // Where the last glyph ended (the usual case within a string): nothing to decide.
        if (hasPrev && !atPrev && (px !== x || py !== y)) {
          const cur = this.cur;
          cur[0] = a;
          cur[1] = b;
          cur[2] = cc;
          cur[3] = d;
          cur[4] = x;
          cur[5] = y;
          p[4] = px;
          p[5] = py;
          this.compareMoved();
        }
      }
      this.ensure(s);
      if (kind === GlyphKind.Diacritic) dim = 0;
      dim *= hScale;
      t4 += t0 * dim;
      t5 += t1 * dim;
      this.width += dim;
      if (dim) {
        const m4 = t2 * rise + t4;
        const m5 = t3 * rise + t5;
        if (!matrixSet) {
          p[0] = a;
          p[1] = b;
          p[2] = cc;
          p[3] = d;
          matrixSet = true;
        }
        px = c0 * m4 + c2 * m5 + c4;
        py = c1 * m4 + c3 * m5 + c5;
        hasPrev = atPrev = true;
      } else atPrev = false;
      if (this.saveLastChar(false)) this.page.appendUnit(32);
      if (g.unit >= 0) this.page.appendUnit(g.unit);
      else this.page.append(g.text);
      if (g.normalize) this.normalize = true;
      if (spacing) {
        t4 += t0 * spacing * hScale;
        t5 += t1 * spacing * hScale;
        atPrev = false;
      }
    }
    tm[4] = t4;
    tm[5] = t5;
    p[4] = px;
    p[5] = py;
    this.hasPrev = hasPrev;
  }
}
