import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate/index.js';
import { vergaderingLeeg } from '../../../src/validate/rules/vergadering-leeg.js';
import { DATE, loadFiles, md, ruleTester } from '../helpers.js';

ruleTester(vergaderingLeeg, {
  valid: [{ name: 'one item', files: { '01-opening.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n`) } }],
  invalid: [
    {
      name: 'no item files: at vergadering.yaml',
      files: { 'README.md': 'Geen agendapunt.\n' },
      errors: [{ file: 'vergadering.yaml', line: 1, column: 1, severity: 'warning', message: 'heeft nog geen agendapunten' }],
    },
  ],
});

describe('vergadering-leeg and an item that does not parse', () => {
  it('is not reported: the item is there, its YAML is wrong', async () => {
    const found = validate(await loadFiles({ '01-opening.md': md('onderwerp: Opening: welkom\n') }));
    expect(found.map((d) => d.rule)).toEqual(['yaml-syntax']);
  });
});
