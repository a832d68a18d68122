// YAML mistakes a secretariat makes, in real item files: each is one yaml-syntax finding at the
// parser's line and column, with a Dutch hint chosen by the yaml library's error code; and a file
// that does not parse brings no follow-on findings about the other items.

import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { DATE, loadFiles, md, VOORSTEL } from '../validate/helpers.js';

const OPENING = md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n`);

/** The findings for one broken item 2 next to a correct item 1; line 1 of the file is `---`. */
async function findingsFor(frontMatter: string) {
  const meeting = await loadFiles({ '01-opening.md': OPENING, '02-lobby.md': md(frontMatter) });
  return validate(meeting).map((d) => ({ file: d.file.split('/').pop(), line: d.line, column: d.column, rule: d.rule, hint: d.hint }));
}

const cases: { name: string; yaml: string; line: number; column: number; hint: RegExp }[] = [
  { name: 'a colon and space in a value', yaml: `vergadering: ${DATE}\nagendapunt: 2\nonderwerp: Lobby: stand van zaken\n`, line: 4, column: 12, hint: /tussen aanhalingstekens: `onderwerp: "Lobby: stand van zaken"`/ },
  { name: 'a tab as indentation', yaml: `${VOORSTEL}contact:\n\tnaam: Joram van Donk\n`, line: 9, column: 1, hint: /tab door spaties/ },
  { name: 'a value starting with @', yaml: `vergadering: ${DATE}\nagendapunt: 2\nonderwerp: @lobby\n`, line: 4, column: 12, hint: /tussen aanhalingstekens/ },
  { name: 'a value starting with a backtick', yaml: `vergadering: ${DATE}\nagendapunt: 2\nonderwerp: \`lobby\`\n`, line: 4, column: 12, hint: /tussen aanhalingstekens/ },
  { name: 'a quote that is not closed', yaml: `vergadering: ${DATE}\nagendapunt: 2\nonderwerp: "Lobby\nsoort: voorstel\n`, line: 5, column: 16, hint: /Sluit een waarde/ },
  { name: 'list items out of line', yaml: `${VOORSTEL}procedure:\n  - DB\n - AB\n`, line: 10, column: 1, hint: /even ver inspringen/ },
  { name: 'text after a closing quote', yaml: `vergadering: ${DATE}\nagendapunt: 2\nonderwerp: "Lobby" en meer\n`, line: 4, column: 20, hint: /als geheel/ },
  { name: 'a key twice', yaml: `${VOORSTEL}agendapunt: 3\n`, line: 8, column: 1, hint: /Verwijder of hernoem/ },
];

describe('YAML errors in Dutch, by error code', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const found = await findingsFor(c.yaml);
      expect(found).toEqual([{ file: '02-lobby.md', line: c.line, column: c.column, rule: 'yaml-syntax', hint: expect.stringMatching(c.hint) as string }]);
    });
  }

  it('says in Dutch what is wrong with a colon in a value (the wording on purpose)', async () => {
    const meeting = await loadFiles({ '01-opening.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Lobby: stand van zaken\n`) });
    const [finding] = validate(meeting);
    expect(finding.message).toBe('De waarde van `onderwerp` bevat een dubbele punt met een spatie erna; YAML leest dat als een nieuw veld.');
    expect(finding.hint).toBe('Zet de waarde tussen aanhalingstekens: `onderwerp: "Lobby: stand van zaken"`.');
  });

  it('item 1 that does not parse: no "agendapunt 1 ontbreekt" about item 2', async () => {
    const meeting = await loadFiles({
      '01-opening.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening: welkom\n`),
      '02-lobby.md': md(`${VOORSTEL}contact:\n  naam: Joram van Donk\n`),
    });
    expect(validate(meeting).map((d) => [d.file.split('/').pop(), d.line, d.rule])).toEqual([['01-opening.md', 4, 'yaml-syntax']]);
  });

  it('vergadering.yaml with a tab: one finding at its line, in Dutch', async () => {
    const meeting = await loadFiles({ 'vergadering.yaml': `orgaan: Algemeen Bestuur\ndatum: ${DATE}\nlocatie:\n\tzaal: 1\n`, '01-opening.md': OPENING });
    expect(validate(meeting).map((d) => [d.file.split('/').pop(), d.line, d.column, d.rule])).toEqual([['vergadering.yaml', 4, 1, 'yaml-syntax']]);
  });
});
