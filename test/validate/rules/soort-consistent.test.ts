import { soortConsistent } from '../../../src/validate/rules/soort-consistent.js';
import { DATE, md, pdf, ruleTester, VOORSTEL } from '../helpers.js';

const base = `vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\n`;

ruleTester(soortConsistent, {
  valid: [
    { name: 'voorstel with portefeuillehouder and beslispunten', files: { 'a.md': md(VOORSTEL) } },
    { name: 'mondeling without bijlagen', files: { 'a.md': md(`${base}soort: mondeling\n`, 'H. de Vries is verhinderd.\n') } },
    { name: 'stukken without portefeuillehouder', files: { 'a.md': md(`${base}soort: stukken\nbijlagen:\n  - titel: Verslag\n    bestand: v.pdf\n`), 'v.pdf': pdf() } },
    { name: 'invalid soort is left to the schema rule', files: { 'a.md': md(`${base}soort: vorstel\n`) } },
    { name: 'a misspelt portefeuillehouder and beslispunten are left to the schema rule (one finding each)', files: { 'a.md': md(`${base}portefeuilehouder: X\nbeslispunt:\n  - In te stemmen.\n`) } },
  ],
  invalid: [
    {
      name: 'mondeling with bijlagen',
      files: { 'a.md': md(`${base}soort: mondeling\nbijlagen:\n  - titel: Brief\n    bestand: b.pdf\n`), 'b.pdf': pdf() },
      errors: [{ line: 6, column: 1, message: 'Een mondeling agendapunt heeft geen bijlagen, maar dit agendapunt heeft er 1' }],
    },
    {
      name: 'stukken without documents (yet): a warning',
      files: { 'a.md': md(`${base}soort: stukken\n`) },
      errors: [{ line: 5, column: 1, severity: 'warning', message: 'Een agendapunt met `soort: stukken` heeft stukken' }],
    },
    {
      name: 'voorstel by default without portefeuillehouder and beslispunten',
      files: { 'a.md': md(base) },
      errors: [
        { line: 2, column: 1, message: 'Een voorstel (de standaardsoort) heeft een `portefeuillehouder`' },
        { line: 2, column: 1, message: '`beslispunten`' },
      ],
    },
    {
      name: 'explicit voorstel with empty fields points at them',
      files: { 'a.md': md(`${base}soort: voorstel\nportefeuillehouder:\nbeslispunten: []\n`) },
      errors: [
        { line: 6, column: 1, message: 'Een voorstel heeft een `portefeuillehouder`' },
        { line: 7, column: 1, message: '`beslispunten`' },
      ],
    },
  ],
});
