import { bijlageScan } from '../../../src/validate/rules/bijlage-scan.js';
import { textPdf } from '../../helpers/text-pdf.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };
const bijlage = (extra = ''): string => `${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: a.pdf\n${extra}`;
const scans = await textPdf({ title: 'Brief', pages: [{ lines: ['Brief'] }, { scan: true }, { blank: true }, { scan: true }] });
const allScans = await textPdf({ pages: [{ scan: true }, { scan: true }] });
const blank = await textPdf({ title: 'Brief', pages: [{ lines: ['Brief'] }, { blank: true }] });

ruleTester(bijlageScan, {
  valid: [
    { name: 'a blank page is not a scan', files: { 'a.md': md(bijlage()), 'a.pdf': blank }, options: text },
    { name: 'a confidential attachment is not in the public bundle', files: { 'a.md': md(bijlage('    vertrouwelijk: true\n')), 'a.pdf': scans }, options: text },
  ],
  invalid: [
    { name: 'scanned pages', files: { 'a.md': md(bijlage()), 'a.pdf': scans }, options: text, errors: [{ line: 10, column: 14, message: "Pagina's 2 en 4 van bijlage 1 (`vergaderingen/2025-03-05/a.pdf`) zijn scans zonder tekst" }] },
    { name: 'only scans', files: { 'a.md': md(bijlage()), 'a.pdf': allScans }, options: text, errors: [{ line: 10, column: 14, message: "Alle pagina's van bijlage 1" }] },
  ],
});
