import { bijlageDubbel } from '../../../src/validate/rules/bijlage-dubbel.js';
import { md, pdf, ruleTester, VOORSTEL } from '../helpers.js';

const bijlagen = (...files: string[]) => md(`${VOORSTEL}bijlagen:\n${files.map((f, i) => `  - titel: Stuk ${i + 1}\n    bestand: ${f}\n`).join('')}`);

ruleTester(bijlageDubbel, {
  valid: [
    { name: 'different files', files: { 'a.md': bijlagen('a.pdf', 'b.pdf'), 'a.pdf': pdf(1), 'b.pdf': pdf(2) } },
    { name: 'the same file under two items is fine', files: { 'a.md': bijlagen('a.pdf'), 'b.md': bijlagen('a.pdf'), 'a.pdf': pdf() } },
    { name: 'missing files are left to bijlage-bestand', files: { 'a.md': bijlagen('x.pdf', 'x.pdf') } },
  ],
  invalid: [
    { name: 'same path twice', files: { 'a.md': bijlagen('a.pdf', 'b.pdf', 'a.pdf'), 'a.pdf': pdf(1), 'b.pdf': pdf(2) }, errors: [{ line: 14, column: 14, message: 'Bijlage 3 is hetzelfde bestand als bijlage 1' }] },
    { name: 'same content under two names', files: { 'a.md': bijlagen('a.pdf', 'kopie.pdf'), 'a.pdf': pdf(), 'kopie.pdf': pdf() }, errors: [{ line: 12, column: 14, message: 'dezelfde inhoud als bijlage 1 (`a.pdf`)' }] },
  ],
});
