import { telefoon } from '../../../src/validate/rules/telefoon.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const contact = (tel: string) => md(`${VOORSTEL}contact:\n  naam: Leonie Dennenberg\n  telefoon: ${tel}\n`);

ruleTester(telefoon, {
  valid: [
    { name: 'mobile with spaces', files: { 'a.md': contact('"06 39 25 41 80"') } },
    { name: 'international', files: { 'a.md': contact('"+31 614 63 74 35"') } },
    { name: 'landline with area code', files: { 'a.md': contact('"0314-123456"') } },
    { name: 'Belgian number', files: { 'a.md': contact('"+32 2 123 45 67"') } },
    { name: 'a number (not text) is left to the schema rule', files: { 'a.md': contact('0612345678') } },
  ],
  invalid: [
    { name: 'too short', files: { 'a.md': contact('"06 1234 567"') }, errors: [{ line: 10, column: 13, message: '`06 1234 567` is geen geldig telefoonnummer' }] },
    { name: 'words in the field', files: { 'a.md': contact('06 39 25 41 80 (mobiel)') }, errors: [{ line: 10, column: 13 }] },
    { name: 'not a number at all', files: { 'a.md': contact('onbekend') }, errors: [{ line: 10, column: 13 }] },
  ],
});
