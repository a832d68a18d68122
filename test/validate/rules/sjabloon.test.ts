import { sjabloon } from '../../../src/validate/rules/sjabloon.js';
import { ruleTester } from '../helpers.js';

ruleTester(sjabloon, {
  valid: [
    { name: 'no bundel.yaml', files: {} },
    { name: 'the defaults', files: {}, options: { bundel: 'stempel: "{{orgaan}} {{datum}} · pagina {{pagina}} van {{totaal}}"\ntitel: Bundel {{orgaan}} {{datum}}\nbestandsnaam: "Bundel {{orgaan}} {{iso}}{{#if openbaar}} (openbaar){{/if}}"\n' } },
    { name: 'other types are left to the schema rule', files: {}, options: { bundel: 'stempel: 12\n' } },
  ],
  invalid: [
    {
      name: 'syntax error',
      files: {},
      options: { bundel: 'stempel: "{{orgaan} pagina {{pagina}}"\n' },
      errors: [{ file: 'bundel.yaml', line: 1, column: 10, message: 'Het sjabloon `stempel` is geen geldig Handlebars' }],
    },
    {
      name: 'unknown field (warning) at its place, unknown helper (error)',
      files: {},
      options: { bundel: 'stempel: "{{orgaan}} – {{pagnia}}/{{totaal}}"\ntitel: "{{upper orgaan}}"\nbestandsnaam: "{{pagina}}"\n' },
      errors: [
        { file: 'bundel.yaml', line: 1, column: 26, severity: 'warning', message: 'het onbekende veld `pagnia`' },
        { file: 'bundel.yaml', line: 2, column: 11, severity: 'error', message: 'de onbekende helper `upper`' },
        { file: 'bundel.yaml', line: 3, column: 18, severity: 'warning', message: 'het onbekende veld `pagina`' },
      ],
    },
  ],
});
