// Read a built PDF back as a viewer shows it: per page, the text runs with their position and
// direction in displayed coordinates (rotation and crop box applied, y downwards).

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextRun {
  str: string;
  /** Start of the baseline in displayed coordinates (points, origin top-left). */
  x: number;
  y: number;
  /** Reading direction on screen in degrees: 0 is left-to-right, upright. */
  angle: number;
}

export interface PageText {
  width: number;
  height: number;
  rotate: number;
  text: string;
  runs: TextRun[];
}

export async function readPages(pdf: Uint8Array): Promise<PageText[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , e, f] = item.transform as number[];
      const [x, y] = viewport.convertToViewportPoint(e, f);
      const [x2, y2] = viewport.convertToViewportPoint(e + a, f + b);
      const angle = ((Math.round((Math.atan2(y2 - y, x2 - x) * 180) / Math.PI) % 360) + 360) % 360;
      runs.push({ str: item.str, x, y, angle });
    }
    pages.push({ width: viewport.width, height: viewport.height, rotate: page.rotate, text: runs.map((r) => r.str).join(' '), runs });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

/** The page count as pdf.js (a reader independent of pdf-lib) sees it. */
export async function countPages(pdf: Uint8Array, password?: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), password, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}
