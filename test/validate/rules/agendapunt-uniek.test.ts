import { agendapuntUniek } from '../../../src/validate/rules/agendapunt-uniek.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const nummer = (n: string) => VOORSTEL.replace('agendapunt: 2', `agendapunt: ${n}`);

ruleTester(agendapuntUniek, {
  valid: [
    { name: 'distinct numbers', files: { 'a.md': md(nummer('1')), 'b.md': md(nummer('2')), 'c.md': md(nummer('2a')) } },
    { name: 'unreadable number is left to the schema rule', files: { 'a.md': md(nummer('[1]')), 'b.md': md(nummer('[1]')) } },
  ],
  invalid: [
    {
      name: 'same number twice: reported at the later file',
      files: { '02-lobby.md': md(nummer('2')), '03-npvr.md': md(nummer('2')) },
      errors: [{ file: '03-npvr.md', line: 3, column: 13, message: '`02-lobby.md` heeft hetzelfde nummer' }],
    },
    {
      name: 'number and text, and letter case, are the same',
      files: { 'a.md': md(nummer('4')), 'b.md': md(nummer('"4"')), 'c.md': md(nummer('4a')), 'd.md': md(nummer('4A')) },
      errors: [
        { file: 'b.md', line: 3, column: 13 },
        { file: 'd.md', line: 3, column: 13 },
      ],
    },
  ],
});
