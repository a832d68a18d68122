import { openbareTitel } from '../../../src/validate/rules/openbare-titel.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const bijlage = (extra: string) => `bijlagen:\n  - titel: Advies\n    ter_inzage: Secretariaat\n${extra}`;

ruleTester(openbareTitel, {
  valid: [
    { name: 'a confidential item with a public title', files: { 'a.md': md(`${VOORSTEL}vertrouwelijk: ja\nopenbare_titel: Personele aangelegenheid\n`) } },
    { name: 'a confidential bijlage of a public item with a public title', files: { 'a.md': md(`${VOORSTEL}${bijlage('    vertrouwelijk: true\n    openbare_titel: Juridisch advies\n')}`) } },
    { name: 'a confidential item without one (as before)', files: { 'a.md': md(`${VOORSTEL}vertrouwelijk: ja\n`) } },
  ],
  invalid: [
    {
      name: 'on an item that is not confidential',
      files: { 'a.md': md(`${VOORSTEL}openbare_titel: Iets anders\n`) },
      errors: [{ line: 8, column: 17, severity: 'warning' }],
    },
    {
      name: 'on an item with vertrouwelijk: nee',
      files: { 'a.md': md(`${VOORSTEL}vertrouwelijk: nee\nopenbare_titel: Iets anders\n`) },
      errors: [{ line: 9, column: 17, severity: 'warning' }],
    },
    {
      name: 'on a bijlage that is not confidential',
      files: { 'a.md': md(`${VOORSTEL}${bijlage('    openbare_titel: Juridisch advies\n')}`) },
      errors: [{ line: 11, column: 21, severity: 'warning', message: /Bijlage 1/ }],
    },
    {
      name: 'on a bijlage of a confidential item (its bijlagen are not listed in public)',
      files: { 'a.md': md(`${VOORSTEL}vertrouwelijk: ja\n${bijlage('    vertrouwelijk: ja\n    openbare_titel: Juridisch advies\n')}`) },
      errors: [{ line: 13, column: 21, severity: 'warning', message: /Bijlage 1/ }],
    },
  ],
});
