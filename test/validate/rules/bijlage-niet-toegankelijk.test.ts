import { bijlageNietToegankelijk } from '../../../src/validate/rules/bijlage-niet-toegankelijk.js';
import { md, pdf, ruleTester, taggedPdf, VOORSTEL } from '../helpers.js';

const bijlagen = (...files: string[]) => md(`${VOORSTEL}bijlagen:\n${files.map((f, i) => `  - titel: Stuk ${i + 1}\n    bestand: ${f}\n`).join('')}`);

ruleTester(bijlageNietToegankelijk, {
  valid: [
    { name: 'tagged attachments', files: { 'a.md': bijlagen('a.pdf', 'b.pdf'), 'a.pdf': taggedPdf(1), 'b.pdf': taggedPdf(2) } },
    { name: 'a missing file is left to bijlage-bestand', files: { 'a.md': bijlagen('x.pdf') } },
    { name: 'a file that is no PDF is left to bijlage-bestand', files: { 'a.md': bijlagen('a.pdf'), 'a.pdf': 'geen pdf' } },
  ],
  invalid: [
    {
      name: 'an attachment without tags, with its page count',
      files: { 'a.md': bijlagen('a.pdf', 'scan.pdf'), 'a.pdf': taggedPdf(1), 'scan.pdf': pdf(3) },
      errors: [{ line: 12, column: 14, message: "Bijlage 2 (`scan.pdf`, 3 pagina's) is niet toegankelijk: de PDF heeft geen tags." }],
    },
    {
      name: 'one page; the same file under a second item is reported once',
      files: { 'a.md': bijlagen('scan.pdf'), 'b.md': bijlagen('scan.pdf').replace('agendapunt: 2', 'agendapunt: 3'), 'scan.pdf': pdf(1) },
      errors: [{ line: 10, column: 14, file: 'a.md', message: "(`scan.pdf`, 1 pagina)" }],
    },
  ],
});
