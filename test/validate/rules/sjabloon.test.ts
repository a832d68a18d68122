import { sjabloon } from '../../../src/validate/rules/sjabloon.js';
import { ruleTester } from '../helpers.js';

ruleTester(sjabloon, {
  valid: [
    { name: 'no bundel.yaml', files: {} },
    { name: 'the defaults', files: {}, options: { bundel: 'stempel: "{{orgaan}} {{datum}} · pagina {{pagina}} van {{totaal}}"\ntitel: Bundel {{orgaan}} {{datum}}\nbestandsnaam: "Bundel {{orgaan}} {{iso}}{{#if openbaar}} (openbaar){{/if}}"\n' } },
    { name: 'other types are left to the schema rule', files: {}, options: { bundel: 'stempel: 12\n' } },
    { name: 'an output folder inside the repository', files: {}, options: { bundel: 'uitvoer: "uitvoer/{{iso}}"\n' } },
    { name: '{{log}} runs without printing', files: {}, options: { bundel: 'stempel: "{{log orgaan}}{{pagina}}"\n' } },
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
    // Issue 10 (7): what parses but fails when the build runs it.
    {
      name: 'a partial, #each without argument, a partial only in the public build',
      files: {},
      options: { bundel: 'bestandsnaam: "{{> partial}}"\ntitel: "{{#each}}x{{/each}}"\nstempel: "{{pagina}}{{#if openbaar}}{{> x}}{{/if}}"\n' },
      errors: [
        { file: 'bundel.yaml', line: 1, column: 15, severity: 'error', message: 'Het sjabloon `bestandsnaam` stopt de bouw: The partial partial could not be found' },
        { file: 'bundel.yaml', line: 2, column: 8, severity: 'error', message: 'Het sjabloon `titel` stopt de bouw: Must pass iterator to #each' },
        { file: 'bundel.yaml', line: 3, column: 10, severity: 'error', message: 'Het sjabloon `stempel` stopt de bouw van de openbare bundel (`--openbaar`): The partial x could not be found' },
      ],
    },
    // Issue 11: lint says what the build would refuse (uitvoer-buiten-repository).
    {
      name: 'an output folder outside the repository, by .. or absolute',
      files: {},
      options: { bundel: 'titel: Bundel\nuitvoer: "../elders/{{iso}}"\n' },
      errors: [{ file: 'bundel.yaml', line: 2, column: 10, severity: 'error', message: 'ligt buiten de repository' }],
    },
    {
      name: 'an absolute output folder',
      files: {},
      options: { bundel: 'uitvoer: /tmp/bundels\n' },
      errors: [{ file: 'bundel.yaml', line: 1, column: 10, severity: 'error', message: 'De uitvoermap `/tmp/bundels`' }],
    },
  ],
});
