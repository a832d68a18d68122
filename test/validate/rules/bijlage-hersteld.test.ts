import { bijlageHersteld } from '../../../src/validate/rules/bijlage-hersteld.js';
import { md, pdf, ruleTester, VOORSTEL } from '../helpers.js';

const withBijlage = (bestand: string) => md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: ${bestand}\n`);
const AT = { line: 10, column: 14 };

/** A one-page PDF written by hand; `tail` replaces what follows the objects (xref, trailer). */
function handPdf(tail: (xrefAt: number, offsets: number[]) => string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  return text + tail(text.length, offsets);
}
const xref = (offsets: number[]): string => `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;

ruleTester(bijlageHersteld, {
  valid: [
    { name: 'a sound PDF', files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': pdf(2) } },
    { name: 'a hand-written PDF with a correct table', files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': handPdf((at, o) => `${xref(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`) } },
    // Unreadable files are bijlage-bestand's errors, not repairs.
    { name: 'a file that is no PDF', files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': 'PK\u0003\u0004word/document.xml' } },
  ],
  invalid: [
    {
      name: 'startxref is not a number (pdf-lib cannot read it): rebuilt',
      files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': handPdf((_, o) => `${xref(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\noops\n%%EOF\n`) },
      errors: [{ ...AT, message: /^De PDF `brief\.pdf` is beschadigd en door bundel hersteld: .*opnieuw opgebouwd/ }],
    },
    {
      name: 'the table points past the objects: named as repaired',
      files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': handPdf((at, o) => `${xref(o.map((x) => x + 5))}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`) },
      errors: [{ ...AT, message: 'kruisverwijzingstabel (xref) klopt niet' }],
    },
    {
      name: 'a trailer with stray brackets and braces',
      files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': handPdf((at, o) => `${xref(o)}trailer\n<< /Size 4 /Root 1 0 R /X { ] ) >>\nstartxref\n${at}\n%%EOF\n`) },
      errors: [{ ...AT, message: 'hersteld' }],
    },
  ],
});
