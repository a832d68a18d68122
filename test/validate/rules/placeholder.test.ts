import { describe, expect, it } from 'vitest';
import { findPlaceholders, placeholder } from '../../../src/validate/rules/placeholder.js';
import { DATE, md, ruleTester, VOORSTEL } from '../helpers.js';

ruleTester(placeholder, {
  valid: [
    { name: 'finished text', files: { 'a.md': md(VOORSTEL, 'De lobby loopt goed… en gaat door.\n') } },
    { name: 'code blocks are skipped', files: { 'a.md': md(VOORSTEL, '```\nTODO\n```\n') } },
    { name: 'lower-case todo is a word', files: { 'a.md': md(VOORSTEL, 'Een todo-lijst.\n') } },
  ],
  invalid: [
    {
      name: 'plain and quoted values, exact column',
      files: { 'a.md': md(`${VOORSTEL}vervolgactie: Uitvoeren, TODO planning\ncommunicatie: "Via [invullen]"\n`) },
      errors: [
        { line: 8, column: 26, severity: 'warning', message: '`TODO`' },
        { line: 9, column: 20, severity: 'warning', message: '`[invullen]`' },
      ],
    },
    {
      name: 'a lone ellipsis in a bijlage title and in the body',
      files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: …\n    ter_inzage: XXX\n`, 'Tekst.\n\n…\n') },
      errors: [
        { line: 9, column: 12, severity: 'warning', message: '`…`' },
        { line: 10, column: 17, severity: 'warning', message: '`XXX`' },
        { line: 14, column: 1, severity: 'warning', message: '`…`' },
      ],
    },
    {
      name: 'vergadering.yaml',
      files: { 'vergadering.yaml': `orgaan: Algemeen Bestuur\ndatum: ${DATE}\nlocatie: TODO\n` },
      errors: [{ file: 'vergadering.yaml', line: 3, column: 10, severity: 'warning' }],
    },
  ],
});

describe('findPlaceholders', () => {
  it('finds each kind', () => {
    expect(findPlaceholders('a TODO b FIXME c XXXX d [nog invullen] e <invullen> f […]').map((p) => p.found)).toEqual([
      'TODO',
      'FIXME',
      'XXXX',
      '[nog invullen]',
      '<invullen>',
      '[…]',
    ]);
    expect(findPlaceholders('  ...  ')).toEqual([{ index: 2, length: 3, found: '...' }]);
    expect(findPlaceholders('Wordt vervolgd...')).toEqual([]);
  });
});
