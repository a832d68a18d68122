import { beslispuntenZinnen } from '../../../src/validate/rules/beslispunten-zinnen.js';
import { DATE, md, ruleTester } from '../helpers.js';

const item = (beslispunten: string) => md(`vergadering: ${DATE}\nagendapunt: 2\nonderwerp: Lobby\nportefeuillehouder: X\n${beslispunten}`);

ruleTester(beslispuntenZinnen, {
  valid: [
    { name: 'sentences', files: { 'a.md': item('beslispunten:\n  - Kennis te nemen van de lobby.\n  - In te stemmen met het plan;\n  - Het DB te mandateren:\n') } },
    { name: 'one sentence as text', files: { 'a.md': item('beslispunten: In te stemmen met de begroting 2026.\n') } },
    { name: 'other types are left to the schema rule', files: { 'a.md': item('beslispunten:\n  - 12\n') } },
  ],
  invalid: [
    {
      name: 'empty entries are errors',
      files: { 'a.md': item('beslispunten:\n  - Kennis te nemen van de lobby.\n  -\n  - ""\n') },
      errors: [
        { line: 8, column: 4, severity: 'error', message: 'Beslispunt 2 is leeg' },
        { line: 9, column: 5, severity: 'error', message: 'Beslispunt 3 is leeg' },
      ],
    },
    {
      name: 'style: lower case, no full stop, own numbering, not a sentence',
      files: { 'a.md': item('beslispunten:\n  - kennis te nemen van de lobby.\n  - In te stemmen met het plan\n  - 1. Akkoord te gaan.\n  - Akkoord.\n') },
      errors: [
        { line: 7, column: 5, severity: 'warning', message: 'kleine letter' },
        { line: 8, column: 5, severity: 'warning', message: 'eindigt niet met een punt' },
        { line: 9, column: 5, severity: 'warning', message: 'eigen nummering `1.`' },
        { line: 10, column: 5, severity: 'warning', message: 'geen zin' },
      ],
    },
  ],
});
