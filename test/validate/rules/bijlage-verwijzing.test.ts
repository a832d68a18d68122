import { describe, expect, it } from 'vitest';
import { bijlageVerwijzing, citations } from '../../../src/validate/rules/bijlage-verwijzing.js';
import { md, pdf, ruleTester, VOORSTEL } from '../helpers.js';

const twee = `${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: a.pdf\n  - titel: Nota\n    ter_inzage: Secretariaat\n`;
// The front matter of `twee` takes lines 1-13; the body starts on line 14.

ruleTester(bijlageVerwijzing, {
  valid: [
    { name: 'citations of existing bijlagen', files: { 'a.md': md(twee, 'Zie de brief (bijlage 1) en de nota (Bijlage 2).\nBijlagen 1 en 2 horen bij elkaar.\n'), 'a.pdf': pdf() } },
    { name: 'code blocks are skipped', files: { 'a.md': md(VOORSTEL, '```\nbijlage 9\n```\n') } },
    { name: 'the word alone', files: { 'a.md': md(VOORSTEL, 'De bijlagen volgen later.\n') } },
  ],
  invalid: [
    {
      name: '(bijlage 3) with two bijlagen, at the number',
      files: { 'a.md': md(twee, 'Inleiding.\n\nZie het overzicht (bijlage 3).\n'), 'a.pdf': pdf() },
      errors: [{ line: 16, column: 28, message: 'verwijst naar bijlage 3, maar dit agendapunt heeft 2 bijlagen' }],
    },
    {
      name: 'a list and a range',
      files: { 'a.md': md(twee, 'Bijlagen 1, 2 en 4; bijlagen 2 t/m 5.\n'), 'a.pdf': pdf() },
      errors: [
        { line: 14, column: 18 },
        { line: 14, column: 36 },
      ],
    },
    {
      name: 'no bijlagen at all; in a beslispunt',
      files: { 'a.md': md(VOORSTEL.replace('de lobbyactiviteiten.', 'de lobbyactiviteiten (bijlage 1).'), 'Zie bijlage 1.\n') },
      errors: [
        { line: 7, column: 55, message: 'heeft geen bijlagen' },
        { line: 9, column: 13, message: 'heeft geen bijlagen' },
      ],
    },
  ],
});

describe('citations', () => {
  it('finds numbers with their offsets', () => {
    expect(citations('zie bijlage 12 en Bijlagen 1 en 3')).toEqual([
      { n: 12, index: 12, length: 2 },
      { n: 1, index: 27, length: 1 },
      { n: 3, index: 32, length: 1 },
    ]);
  });
});
