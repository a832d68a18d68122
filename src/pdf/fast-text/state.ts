// The graphics and text state the text reader follows, as pdfjs keeps it, and matrix product.

/** Six numbers, unboxed: the text matrix moves with every glyph. */
export type Matrix = Float64Array;

/** The six numbers a `Tm` or `cm` gives, into `m` (0 for one that is not a number, NaN for one missing: Operands.num). */
export function readMatrix(m: Matrix, operands: { num(i: number): number }): Matrix {
  for (let k = 0; k < 6; k++) m[k] = operands.num(k);
  return m;
}

/** m1 × m2 in PDF's row-vector convention (m2 applied first), as pdfjs's Util.transform. */
export function multiply(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  const out = new Float64Array(6);
  out[0] = m1[0] * m2[0] + m1[2] * m2[1];
  out[1] = m1[1] * m2[0] + m1[3] * m2[1];
  out[2] = m1[0] * m2[2] + m1[2] * m2[3];
  out[3] = m1[1] * m2[2] + m1[3] * m2[3];
  out[4] = m1[0] * m2[4] + m1[2] * m2[5] + m1[4];
  out[5] = m1[1] * m2[4] + m1[3] * m2[5] + m1[5];
  return out;
}

/** The text state pdfjs keeps per graphics state. */
export interface TextState {
  ctm: Matrix;
  tm: Matrix;
  tlm: Matrix;
  fontName?: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** A copy for `q` (the matrices copied, not shared). */
export function cloneState(s: TextState): TextState {
  return {
    ctm: s.ctm.slice(),
    tm: s.tm.slice(),
    tlm: s.tlm.slice(),
    fontName: s.fontName,
    fontSize: s.fontSize,
    charSpacing: s.charSpacing,
    wordSpacing: s.wordSpacing,
    hScale: s.hScale,
    leading: s.leading,
    rise: s.rise,
  };
}

/** `T*`: to the start of the next line. */
export function newLine(s: TextState): void {
  s.tlm[4] += -s.leading * s.tlm[2];
  s.tlm[5] += -s.leading * s.tlm[3];
  s.tm.set(s.tlm);
}
