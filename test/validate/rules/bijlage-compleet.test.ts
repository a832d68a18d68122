import { bijlageCompleet } from '../../../src/validate/rules/bijlage-compleet.js';
import { md, pdf, ruleTester, VOORSTEL } from '../helpers.js';

ruleTester(bijlageCompleet, {
  valid: [
    {
      name: 'bestand or ter_inzage',
      files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: brief.pdf\n  - titel: Werkdocument\n    ter_inzage: Secretariaat\n`), 'brief.pdf': pdf() },
    },
    { name: 'an empty entry is left to the schema rule', files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  -\n`) } },
  ],
  invalid: [
    {
      name: 'the empty "Bijlage 3:" of the real bundle',
      files: {
        'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: brief.pdf\n  - titel: Notitie\n    bestand: brief.pdf\n  - titel: Update besparingen\n`),
        'brief.pdf': pdf(),
      },
      errors: [{ line: 13, column: 5, message: 'Bijlage 3 (`Update besparingen`) heeft geen `bestand` en geen `ter_inzage`' }],
    },
    {
      name: 'empty bestand counts as missing; both given',
      files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand:\n  - titel: Notitie\n    bestand: brief.pdf\n    ter_inzage: Secretariaat\n`), 'brief.pdf': pdf() },
      errors: [
        { line: 9, column: 5, message: 'Bijlage 1 (`Brief`) heeft geen `bestand`' },
        { line: 13, column: 5, message: 'zowel `bestand` als `ter_inzage`' },
      ],
    },
  ],
});
