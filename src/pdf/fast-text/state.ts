// The graphics and text state the text reader follows, as pdfjs keeps it, and matrix product.

export type Matrix = [number, number, number, number, number, number];

/** m1 × m2 in PDF's row-vector convention (m2 applied first), as pdfjs's Util.transform. */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
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
