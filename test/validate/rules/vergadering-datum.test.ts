import { vergaderingDatum } from '../../../src/validate/rules/vergadering-datum.js';
import { DATE, md, ruleTester, VOORSTEL } from '../helpers.js';

ruleTester(vergaderingDatum, {
  valid: [
    { name: 'item, vergadering.yaml and folder agree', files: { '02-lobby.md': md(VOORSTEL) } },
    { name: 'folder with a suffix after the date', files: { '02-lobby.md': md(VOORSTEL) }, options: { folder: `${DATE}-ab` } },
    { name: 'invalid date is left to the schema rule', files: { '02-lobby.md': md(VOORSTEL.replace(DATE, '2025-3-5')) } },
  ],
  invalid: [
    {
      name: 'item for another meeting',
      files: { '02-lobby.md': md(VOORSTEL.replace(DATE, '2025-03-12')) },
      errors: [{ line: 2, column: 14, message: 'van `2025-03-12`, maar staat bij de vergadering van `2025-03-05`' }],
    },
    {
      name: 'vergadering.yaml differs from the folder; items are compared with vergadering.yaml',
      files: { 'vergadering.yaml': 'orgaan: AB\ndatum: 2025-03-06\n', '02-lobby.md': md(VOORSTEL) },
      errors: [
        { file: '02-lobby.md', line: 2, column: 14, message: 'bij de vergadering van `2025-03-06`' },
        { file: 'vergadering.yaml', line: 2, column: 8, message: 'de map van de vergadering heet naar `2025-03-05`' },
      ],
    },
  ],
});
