import { privacyIban } from '../../../src/validate/rules/privacy-iban.js';
import { textPdf } from '../../helpers/text-pdf.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };
const bijlage = 'bijlagen:\n  - titel: Brief\n    bestand: a.pdf\n';
const brief = await textPdf({ title: 'Brief', pages: [{ lines: ['Rekening NL91 ABNA 0417 1643 00'] }, { blank: true }, { lines: ['Nogmaals: NL91ABNA0417164300'] }] });

ruleTester(privacyIban, {
  valid: [
    { name: 'a wrong check number', files: { 'a.md': md(VOORSTEL, 'NL92 ABNA 0417 1643 00\n') }, options: text },
    { name: "the organisation's account", files: { 'a.md': md(VOORSTEL, 'Stort op NL91 ABNA 0417 1643 00.\n') }, options: { ...text, bundel: 'privacy:\n  toegestaan:\n    - NL91ABNA0417164300\n' } },
    {
      name: 'accepted by the value itself',
      files: { 'a.md': md(`${VOORSTEL}${bijlage}privacy_akkoord:\n  - waarde: NL91 ABNA 0417 1643 00\n    reden: Rekening van de stichting.\n`), 'a.pdf': brief },
      options: text,
    },
  ],
  invalid: [
    { name: 'in the body', files: { 'a.md': md(VOORSTEL, 'Rekening: NL91 ABNA 0417 1643 00.\n') }, options: text, errors: [{ line: 9, column: 11, message: 'IBAN `NL••••••••••••••00`' }] },
    { name: 'on two pages of an attachment: one finding', files: { 'a.md': md(VOORSTEL + bijlage), 'a.pdf': brief }, options: text, errors: [{ line: 10, column: 14, message: "op pagina's 1 en 3 van bijlage 1" }] },
  ],
});
