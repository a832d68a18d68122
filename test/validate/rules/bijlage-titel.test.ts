import { describe, expect, it } from 'vitest';
import { bijlageTitel, titleSimilarity } from '../../../src/validate/rules/bijlage-titel.js';
import { textPdf } from '../../helpers/text-pdf.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };
const bijlage = (titel: string): string => `${VOORSTEL}bijlagen:\n  - titel: ${titel}\n    bestand: a.pdf\n`;
const titled = await textPdf({ title: 'Memo update besparingen', pages: [{ lines: ['Memo'] }] });
const headed = await textPdf({ pages: [{ lines: [{ text: 'MEMO update besparingen t.b.v. algemeen bestuur 5 maart 2025', size: 16 }, 'Inleiding'] }] });
const wordTitle = await textPdf({ title: 'Microsoft Word - memo_v3.docx', pages: [{ lines: [{ text: 'Evaluatie 2024', size: 20 }] }] });

ruleTester(bijlageTitel, {
  valid: [
    { name: 'the document title', files: { 'a.md': md(bijlage('Memo update besparingen')), 'a.pdf': titled }, options: text },
    { name: 'a shorter title with the same words', files: { 'a.md': md(bijlage('Memo besparing')), 'a.pdf': titled }, options: text },
    { name: "a word processor's title is ignored; the heading counts", files: { 'a.md': md(bijlage('Evaluatie 2024')), 'a.pdf': wordTitle }, options: text },
  ],
  invalid: [
    { name: 'another document', files: { 'a.md': md(bijlage('Kamerbrief Elke regio telt')), 'a.pdf': titled }, options: text, errors: [{ line: 9, column: 12, message: '`Kamerbrief Elke regio telt`, lijkt weinig op de titel van het document zelf: `Memo update besparingen`.' }] },
    { name: "the seed's item 4: the largest text of page 1", files: { 'a.md': md(bijlage('update besparingen')), 'a.pdf': headed }, options: text, errors: [{ line: 9, column: 12, message: '(de grootste tekst op de eerste pagina)' }] },
  ],
});

describe('titleSimilarity', () => {
  it('is 1 for the same words in another form, 0 for nothing in common', () => {
    expect(titleSimilarity('Memo update besparingen', 'MEMO Update Besparing')).toBe(1);
    expect(titleSimilarity('Evaluatie 2024', 'Actiepunten')).toBe(0);
    expect(titleSimilarity('Notitie procesmiddelen', 'Notitie procesmiddelen NPVR')).toBeCloseTo(2 / 3);
  });
});
