import { termijnen } from '../../../src/validate/rules/termijnen.js';
import { DATE, md, ruleTester, VOORSTEL } from '../helpers.js';

const TERMS = 'organen:\n  Algemeen Bestuur:\n    aanleveren: 15 werkdagen\n    verzenden: 10 dagen\n';

ruleTester(termijnen, {
  valid: [
    { name: 'no deadlines at all', files: { '02-lobby.md': md(VOORSTEL) } },
    { name: 'terms from bundel.yaml', files: { '02-lobby.md': md(VOORSTEL) }, options: { bundel: TERMS } },
    {
      name: 'dates in vergadering.yaml, in order',
      files: { 'vergadering.yaml': `orgaan: Algemeen Bestuur\ndatum: ${DATE}\naanleverdatum: 2025-02-12\nverzenddatum: 2025-02-21\n` },
    },
  ],
  invalid: [
    {
      name: 'aanleverdatum after the verzenddatum',
      files: { 'vergadering.yaml': `orgaan: Algemeen Bestuur\ndatum: ${DATE}\naanleverdatum: 2025-02-24\n` },
      options: { bundel: TERMS },
      errors: [{ file: 'vergadering.yaml', line: 3, column: 16, message: 'ligt na de verzenddatum `2025-02-21` (10 dagen voor de vergadering)' }],
    },
    {
      name: 'verzenddatum on the day of the meeting',
      files: { 'vergadering.yaml': `orgaan: Algemeen Bestuur\ndatum: ${DATE}\nverzenddatum: ${DATE}\n` },
      errors: [{ file: 'vergadering.yaml', line: 3, column: 15, message: 'De verzenddatum `2025-03-05` ligt niet vóór de vergadering' }],
    },
  ],
});
