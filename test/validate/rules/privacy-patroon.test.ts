import { privacyPatroon } from '../../../src/validate/rules/privacy-patroon.js';
import { textPdf } from '../../helpers/text-pdf.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const brief = await textPdf({ title: 'Brief', pages: [{ lines: ['Brief'] }, { lines: ['Afzender: Kerkstraat 3, Lochem'] }] });

const text = { text: true };
const huisadres = "privacy:\n  patronen:\n    - naam: huisadres\n      patroon: '\\p{Lu}\\p{Ll}+straat \\d+'\n";

ruleTester(privacyPatroon, {
  valid: [
    { name: 'no patterns configured', files: { 'a.md': md(VOORSTEL, 'Dorpsstraat 12.\n') }, options: text },
    { name: 'the pattern does not match', files: { 'a.md': md(VOORSTEL, 'In de dorpskern.\n') }, options: { ...text, bundel: huisadres } },
  ],
  invalid: [
    {
      name: 'a match, masked, named by the pattern',
      files: { 'a.md': md(VOORSTEL, 'Bewoner van de Dorpsstraat 12 klaagt.\n') },
      options: { ...text, bundel: huisadres },
      errors: [{ line: 9, column: 16, message: 'Tekst die past op het patroon `huisadres`: `Do••••••••••12`' }],
    },
    {
      name: 'in an attachment, with its page',
      files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: a.pdf\n`), 'a.pdf': brief },
      options: { ...text, bundel: huisadres },
      errors: [{ line: 10, column: 14, message: '`Ke•••••••• 3` op pagina 2 van bijlage 1' }],
    },
    {
      name: 'a pattern that does not compile, at its line in bundel.yaml',
      files: { 'a.md': md(VOORSTEL) },
      options: { ...text, bundel: "privacy:\n  patronen:\n    - naam: kapot\n      patroon: '(straat'\n" },
      errors: [{ file: 'bundel.yaml', line: 4, column: 16, message: 'geen bruikbare reguliere expressie' }],
    },
  ],
});
