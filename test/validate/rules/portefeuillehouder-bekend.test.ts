import { portefeuillehouderBekend } from '../../../src/validate/rules/portefeuillehouder-bekend.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const bundel = 'portefeuillehouders:\n  - De heer J. Bengevoord\n  - Mevrouw A. de Vries\n';

ruleTester(portefeuillehouderBekend, {
  valid: [
    { name: 'listed', files: { 'a.md': md(VOORSTEL) }, options: { bundel } },
    { name: 'extra spaces do not matter', files: { 'a.md': md(VOORSTEL.replace('De heer J. Bengevoord', 'De heer  J. Bengevoord')) }, options: { bundel } },
    { name: 'no list in bundel.yaml', files: { 'a.md': md(VOORSTEL.replace('De heer J. Bengevoord', 'Iemand anders')) } },
  ],
  invalid: [
    {
      name: 'typo with a did-you-mean',
      files: { 'a.md': md(VOORSTEL.replace('De heer J. Bengevoord', 'De heer J. Bengevoort')) },
      options: { bundel },
      errors: [{ line: 5, column: 21, severity: 'warning', message: '`De heer J. Bengevoort` staat niet in de lijst' }],
    },
  ],
});
