import { privacyAkkoord } from '../../../src/validate/rules/privacy-akkoord.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };
const akkoord = (entry: string): string => `${VOORSTEL}privacy_akkoord:\n${entry}`;

ruleTester(privacyAkkoord, {
  valid: [
    { name: 'accepts a finding', files: { 'a.md': md(akkoord('  - waarde: "06******78"\n    reden: Zakelijk.\n'), 'Bel 06-12345678.\n') }, options: text },
    { name: 'no acceptances', files: { 'a.md': md(VOORSTEL) }, options: text },
  ],
  invalid: [
    { name: 'accepts nothing (left over)', files: { 'a.md': md(akkoord('  - waarde: "06••••••99"\n    reden: Zakelijk.\n'), 'Bel 06-12345678.\n') }, options: text, errors: [{ line: 9, column: 5, message: 'past op niets' }] },
    {
      name: 'a pattern that does not compile',
      files: { 'a.md': md(akkoord('  - patroon: "(06"\n    reden: Zakelijk.\n')) },
      options: text,
      errors: [{ line: 9, column: 14, severity: 'error', message: 'geen bruikbare reguliere expressie' }],
    },
  ],
});
