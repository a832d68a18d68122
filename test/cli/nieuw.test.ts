// bundel nieuw: a new meeting from the previous one of the same orgaan, standing items numbered,
// deadlines shown, nothing overwritten, and the result lints without errors.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { writeRepo } from '../helpers/repo.js';

const BUNDEL = `organen:
  Algemeen Bestuur:
    aanleveren: 15 werkdagen
    verzenden: 10 dagen
  Dagelijks Bestuur:
    aanleveren: 5 werkdagen
    vaste_agendapunten:
      begin:
        - onderwerp: Opening
      eind:
        - onderwerp: Rondvraag
        - onderwerp: Sluiting
`;

const repo = (): string =>
  writeRepo({
    'bundel.yaml': BUNDEL,
    'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\ntijd: "10:00"\nlocatie: De StecK, Doetinchem\nvoorzitter: M. Boumans\n',
    'vergaderingen/2025-03-26/vergadering.yaml': 'orgaan: Dagelijks Bestuur\ndatum: 2025-03-26\ntijd: "09:00"\nlocatie: Kantoor\n',
  });

describe('bundel nieuw', () => {
  it('copies tijd, locatie and voorzitter from the previous meeting of the orgaan and adds the standing items', async () => {
    const root = repo();
    const r = await runMain(['--root', root, 'nieuw', '2025-04-16', '--orgaan', 'Algemeen Bestuur']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = path.join(root, 'vergaderingen/2025-04-16');
    expect(readdirSync(dir).sort()).toEqual(['01-opening-en-mededelingen.md', '02-verslag-van-de-vergadering-van-5-maart-2025.md', '03-rondvraag.md', 'vergadering.yaml']);
    const yaml = readFileSync(path.join(dir, 'vergadering.yaml'), 'utf8');
    expect(yaml).toContain('tijd: "10:00"\nlocatie: De StecK, Doetinchem\nvoorzitter: M. Boumans\n');
    // 15 working days before Wednesday 16 April 2025 is Wednesday 26 March; 10 days is Sunday 6 April -> Friday 4 April.
    expect(yaml).toContain('# aanleverdatum: 2025-03-26  (15 werkdagen voor de vergadering)');
    expect(yaml).toContain('# verzenddatum: 2025-04-04  (10 dagen voor de vergadering)');
    expect(r.stdout).toContain('Aanleverdatum: 26 maart 2025 (15 werkdagen voor de vergadering); verzenddatum: 4 april 2025');
    const verslag = readFileSync(path.join(dir, '02-verslag-van-de-vergadering-van-5-maart-2025.md'), 'utf8');
    expect(verslag).toContain('onderwerp: Verslag van de vergadering van 5 maart 2025\nsoort: stukken\nbeslispunten:\n  - Het verslag vast te stellen.\n');

    // Lints without errors: only the minutes still to be delivered (a warning until the aanleverdatum).
    const lint = await runMain(['--root', root, 'lint', '2025-04-16', '--datum', '2025-03-20', '--formaat', 'json']);
    expect(lint.code).toBe(0);
    const found = JSON.parse(lint.stdout) as { rule: string; severity: string; message: string }[];
    expect(found.map((d) => [d.rule, d.severity])).toEqual([['soort-consistent', 'warning']]);
    expect(found[0].message).toContain('Nog 6 dagen tot de aanleverdatum (26 maart 2025).');
  });

  it('uses the orgaan’s own standing items, closing ones last, and takes --van', async () => {
    const root = repo();
    const r = await runMain(['--root', root, 'nieuw', '2025-04-02', '--orgaan', 'dagelijks bestuur', '--van', '2025-03-05']);
    expect(r.code).toBe(0);
    const dir = path.join(root, 'vergaderingen/2025-04-02');
    expect(readdirSync(dir).sort()).toEqual(['01-opening.md', '02-rondvraag.md', '03-sluiting.md', 'vergadering.yaml']);
    expect(readFileSync(path.join(dir, 'vergadering.yaml'), 'utf8')).toContain('locatie: De StecK, Doetinchem');
  });

  it('writes placeholders when there is no earlier meeting; they lint as warnings', async () => {
    const root = writeRepo({ 'bundel.yaml': '' });
    const r = await runMain(['--root', root, 'nieuw', '2025-04-16', '--orgaan', 'Algemeen Bestuur']);
    expect(r.code).toBe(0);
    const dir = path.join(root, 'vergaderingen/2025-04-16');
    expect(readFileSync(path.join(dir, 'vergadering.yaml'), 'utf8')).toContain('tijd: "[invullen]"');
    expect(readdirSync(dir)).toContain('02-verslag-van-de-vergadering-van-invullen.md');
    const lint = await runMain(['--root', root, 'lint', '--formaat', 'json']);
    expect(lint.code).toBe(0);
    const rules = (JSON.parse(lint.stdout) as { rule: string; severity: string }[]).map((d) => `${d.rule}:${d.severity}`);
    expect(new Set(rules)).toEqual(new Set(['placeholder:warning', 'soort-consistent:warning']));
  });

  it('refuses to overwrite an existing meeting, and asks for the orgaan when it cannot tell', async () => {
    const root = repo();
    const before = readFileSync(path.join(root, 'vergaderingen/2025-03-05/vergadering.yaml'), 'utf8');
    const again = await runMain(['--root', root, 'nieuw', '2025-03-05', '--orgaan', 'Algemeen Bestuur']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al; `bundel nieuw` overschrijft niets');
    expect(readFileSync(path.join(root, 'vergaderingen/2025-03-05/vergadering.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(path.join(root, 'vergaderingen/2025-03-05'))).toEqual(['vergadering.yaml']);

    const which = await runMain(['--root', root, 'nieuw', '2025-05-07']);
    expect(which.code).toBe(2);
    expect(which.stderr).toContain('Geef het orgaan met `--orgaan`');
    const bad = await runMain(['--root', root, 'nieuw', '2025-02-30', '--orgaan', 'X']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`2025-02-30` is geen datum');
  });
});
