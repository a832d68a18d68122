import { agendapuntVolgorde } from '../../../src/validate/rules/agendapunt-volgorde.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const nummer = (n: string) => md(VOORSTEL.replace('agendapunt: 2', `agendapunt: ${n}`));
const agenda = (...ns: string[]) => Object.fromEntries(ns.map((n, i) => [`${String(i + 1).padStart(2, '0')}.md`, nummer(n)]));

ruleTester(agendapuntVolgorde, {
  valid: [
    { name: '1, 2, 3', files: agenda('1', '2', '3') },
    { name: 'letters and sub-numbers', files: agenda('1', '2a', '2b', '3', '"3.1"', '"3.2"', '4') },
    { name: 'a number and its lettered items', files: agenda('1', '2', '2a', '3') },
    { name: 'duplicates are left to agendapunt-uniek', files: agenda('1', '2', '2') },
    { name: 'an unreadable number is left to the schema rule, not reported as a gap', files: agenda('1', '2', 'drie', '4') },
  ],
  invalid: [
    {
      name: 'gap',
      files: agenda('1', '2', '4'),
      errors: [{ file: '03.md', line: 3, column: 13, severity: 'warning', message: 'Na agendapunt `2` komt `4`; agendapunt `3` ontbreekt' }],
    },
    {
      name: 'does not start at 1; two missing',
      files: agenda('3', '4'),
      errors: [{ file: '01.md', line: 3, column: 13, severity: 'warning', message: 'agendapunten `1` tot en met `2` ontbreken' }],
    },
    {
      name: 'letter gap and sub-number that does not start at 1',
      files: agenda('1', '2a', '2c', '"3.2"'),
      errors: [
        { file: '03.md', line: 3, column: 13, severity: 'warning', message: '`2b` ontbreekt' },
        { file: '04.md', line: 3, column: 13, severity: 'warning', message: '`3.1` ontbreekt' },
      ],
    },
  ],
});
