// The page count guessed from a PDF's bytes (src/pdf/page-count-guess.ts), against pdf-lib's count
// of the same real files: the reference meeting's attachments, a page tree of two levels, an indirect
// count (no guess).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { guessPageCount } from '../../src/pdf/page-count-guess.js';
import { makePdf } from '../helpers/make-pdf.js';

const REFERENCE = path.resolve('fixtures/reference/vergaderingen/2025-03-05/bijlagen');

/** A PDF written out by hand from its objects (1-based, in order), with a correct xref table. */
function handMade(objects: string[]): Uint8Array {
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

const leaf = (parent: number): string => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 200 200] >>`;

describe('guessPageCount', () => {
  it('guesses the page count of every attachment of the reference meeting', async () => {
    const files = readdirSync(REFERENCE).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const bytes = readFileSync(path.join(REFERENCE, f));
      const real = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      expect([f, guessPageCount(bytes)]).toEqual([f, real]);
    }
  });

  it('takes the root of a page tree with intermediate nodes (the largest count)', async () => {
    // 1 catalog, 2 root (2 nodes), 3 node of 2 pages, 4 node of 3 pages, 5-9 pages.
    const bytes = handMade([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>',
      '<< /Type/Pages/Parent 2 0 R/Kids[5 0 R 6 0 R]/Count 2>>',
      '<<\n/Count 3\n/Kids [7 0 R 8 0 R 9 0 R]\n/Parent 2 0 R\n/Type\n/Pages\n>>',
      leaf(3),
      leaf(3),
      leaf(4),
      leaf(4),
      leaf(4),
    ]);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(5);
    expect(guessPageCount(bytes)).toBe(5);
  });

  it('guesses a file made by the test helper, and has none when the count is a reference or there is no tree', async () => {
    expect(guessPageCount(await makePdf({ title: 'x', pages: [{}, {}, {}] }))).toBe(3);
    const indirect = handMade(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 3 0 R >>', '1', leaf(2)]);
    expect(guessPageCount(indirect)).toBeUndefined();
    expect(guessPageCount(new TextEncoder().encode('geen PDF'))).toBeUndefined();
  });
});
