import { privacyBsn } from '../../../src/validate/rules/privacy-bsn.js';
import { textPdf } from '../../helpers/text-pdf.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };
const bijlage = 'bijlagen:\n  - titel: Aanvraag\n    bestand: a.pdf\n';
const aanvraag = await textPdf({ title: 'Aanvraag', pages: [{ lines: ['Aanvraag'] }, { lines: ['Aanvrager: BSN 1234.56.782'] }] });

ruleTester(privacyBsn, {
  valid: [
    { name: 'nine digits failing the 11-test', files: { 'a.md': md(VOORSTEL, 'Zaaknummer 123456789.\n') }, options: text },
    { name: 'a BSN in a confidential item', files: { 'a.md': md(`${VOORSTEL}vertrouwelijk: true\n`, 'BSN 123456782.\n') }, options: text },
    {
      name: 'accepted with the masked value',
      files: { 'a.md': md(`${VOORSTEL}privacy_akkoord:\n  - waarde: "12•••••82"\n    reden: Met toestemming.\n`, 'BSN 123456782.\n') },
      options: text,
    },
    { name: 'allowed in bundel.yaml (an RSIN that passes the 11-test)', files: { 'a.md': md(VOORSTEL, 'RSIN 123456782.\n') }, options: { ...text, bundel: 'privacy:\n  toegestaan:\n    - "123456782"\n' } },
  ],
  invalid: [
    { name: 'in the body, at the number', files: { 'a.md': md(VOORSTEL, 'De aanvrager (BSN 123456782) vraagt.\n') }, options: text, errors: [{ line: 9, column: 19, message: 'BSN `12•••••82` in de tekst van het agendapunt' }] },
    { name: 'in a printed field', files: { 'a.md': md(`${VOORSTEL}vervolgactie: Brief aan 123456782 sturen.\n`) }, options: text, errors: [{ line: 8, column: 25 }] },
    {
      name: 'in an attachment, with its page, at its bestand line',
      files: { 'a.md': md(VOORSTEL + bijlage), 'a.pdf': aanvraag },
      options: text,
      errors: [{ line: 10, column: 14, message: 'BSN `12•••••82` op pagina 2 van bijlage 1 (`vergaderingen/2025-03-05/a.pdf`)' }],
    },
  ],
});
