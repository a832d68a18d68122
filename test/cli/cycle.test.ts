// The meeting cycle end to end with real files: init in an empty folder, nieuw, agendapunt, status,
// build --concept, status again (the bundle is current, then out of date after an edit). Every
// command runs in-process with `io.cwd` set and no --root, as a secretariat runs it in its folder.

import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

describe('the meeting cycle', () => {
  it('from an empty folder: init → nieuw → agendapunt → status → build --concept, all in io.cwd', async () => {
    const folder = tempDir('bundel-cycle-');
    const run = (args: string[], cwd = folder) => runMain(args, {}, cwd);
    expect((await run(['init'])).code).toBe(0);
    // The secretariat fills in the terms that init shows as a commented example.
    appendFileSync(path.join(folder, 'bundel.yaml'), '\norganen:\n  Algemeen Bestuur:\n    aanleveren: 15 werkdagen\n    verzenden: 10 dagen\n');
    const nieuw = await run(['nieuw', '2025-04-16', '--orgaan', 'Algemeen Bestuur']);
    expect(nieuw.code).toBe(0);
    expect(nieuw.stdout).toContain('vergaderingen/2025-04-16');
    const dir = path.join(folder, 'vergaderingen/2025-04-16');
    expect(readFileSync(path.join(dir, 'vergadering.yaml'), 'utf8')).toContain('orgaan: Algemeen Bestuur');
    // From inside the meeting folder: the repository is found upwards, the item lands here.
    const agendapunt = await run(['agendapunt', '2025-04-16', 'Begroting 2026'], dir);
    expect(agendapunt.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.md')).sort()).toEqual(['01-opening-en-mededelingen.md', '02-verslag-van-de-vergadering-van-invullen.md', '03-begroting-2026.md', '04-rondvraag.md']);
    // A second meeting whose terms cross Easter Monday, Bevrijdingsdag and Koningsdag on a Saturday.
    expect((await run(['nieuw', '7-5-2025', '--orgaan', 'Algemeen Bestuur'])).code).toBe(0);

    // 10 April 2025. Meeting of 16 April: 15 working days back is 26 March; 10 days back is Sunday
    // 6 April, moved to Friday 4 April. Meeting of 7 May: 15 working days back skips 5 May
    // (Bevrijdingsdag) and 21 April (Tweede Paasdag) but counts Goede Vrijdag: 14 April; 10 days
    // back is Sunday 27 April, before it Koningsdag on Saturday 26 April: Friday 25 April.
    const table = await run(['status', '--datum', '10-04-2025']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/2025-04-16\s+Algemeen Bestuur\s+4\s+\d+\s+15 dagen geleden\s+6 dagen geleden\s+niet gemaakt/);
    expect(table.stdout).toMatch(/2025-05-07\s+Algemeen Bestuur\s+3\s+\d+\s+nog 4 dagen\s+nog 15 dagen\s+niet gemaakt/);
    const json = JSON.parse((await run(['status', '--formaat', 'json', '--datum', '2025-04-10'])).stdout) as { vergaderingen: { datum: string; aanleverdatum: { datum: string }; verzenddatum: { datum: string } }[] };
    expect(json.vergaderingen.map((v) => [v.datum, v.aanleverdatum.datum, v.verzenddatum.datum])).toEqual([
      ['2025-04-16', '2025-03-26', '2025-04-04'],
      ['2025-05-07', '2025-04-14', '2025-04-25'],
    ]);

    // The new item is a voorstel skeleton: build --concept makes it anyway, named as a concept.
    const build = await run(['build', '2025-04-16', '--concept']);
    expect(build.code).toBe(0);
    // Into the output folder that init set up (`uitvoer: "uitvoer/{{iso}}"`), not the meeting folder.
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    const made = readdirSync(path.join(folder, 'uitvoer/2025-04-16')).filter((f) => f.endsWith('.pdf'));
    expect(made).toEqual(['CONCEPT Bundel Algemeen Bestuur 2025-04-16.pdf']);
    expect(build.stdout).toContain(`uitvoer/2025-04-16/${made[0]}`);
    // Nothing was written where the test process happens to run.
    expect(existsSync(path.join(process.cwd(), 'vergaderingen', '2025-04-16'))).toBe(false);
  });

  it('nieuw → agendapunt → status → build --concept → status', async () => {
    const root = writeRepo({ 'bundel.yaml': 'organen:\n  Algemeen Bestuur:\n    aanleveren: 15 werkdagen\n    verzenden: 10 dagen\n' });
    const run = (...args: string[]) => runMain(['--root', root, ...args]);
    expect((await run('nieuw', '2025-04-16', '--orgaan', 'Algemeen Bestuur')).code).toBe(0);
    expect((await run('agendapunt', '2025-04-16', 'Begroting 2026')).code).toBe(0);

    // 20 March 2025: 6 days to the aanleverdatum (26 March), 15 to the verzenddatum (4 April).
    const status = await run('status', '--datum', '2025-03-20');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/2025-04-16\s+Algemeen Bestuur\s+4\s+2\s+nog 6 dagen\s+nog 15 dagen\s+niet gemaakt\s+niet vastgelegd/);
    const screen = await run('status', '2025-04-16', '--datum', '2025-03-28');
    expect(screen.stdout).toContain('Aanleverdatum: 26 maart 2025 (2 dagen geleden; 15 werkdagen voor de vergadering)');
    expect(screen.stdout).toMatch(/3\s+Begroting 2026\s+velden ontbreken \(3 fouten, 0 waarschuwingen\)/);
    expect(screen.stdout).toMatch(/2\s+Verslag van de vergadering van \[invullen\]\s+velden ontbreken/);

    const build = await run('build', '2025-04-16', '--concept');
    expect(build.code).toBe(0);
    const json = async () => JSON.parse((await run('status', '2025-04-16', '--formaat', 'json', '--datum', '2025-03-20')).stdout) as { vergaderingen: { bundel: { staat: string; gewijzigd?: string[] }; verzonden: unknown }[] };
    // The concept is not the bundle: still "niet gemaakt".
    expect((await json()).vergaderingen[0].bundel.staat).toBe('niet gemaakt');

    const dir = path.join(root, 'vergaderingen/2025-04-16');
    const final = await run('build', '2025-04-16', '--uitvoer', path.join(dir, 'Bundel Algemeen Bestuur 2025-04-16.pdf'));
    // The build does not weigh against the calendar: placeholders are warnings, so it is made.
    expect(final.code).toBe(0);
    expect((await json()).vergaderingen[0].bundel.staat).toBe('actueel');
    expect(readFileSync(path.join(dir, 'vergadering.yaml'), 'utf8')).toContain('orgaan: Algemeen Bestuur');
  });

  it('tells a current bundle from an outdated one by the sha256s in its index', async () => {
    const root = writeRepo({
      'vergaderingen/2025-04-16/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n',
      'vergaderingen/2025-04-16/01-opening.md': '---\nvergadering: 2025-04-16\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n---\n',
    });
    const run = (...args: string[]) => runMain(['--root', root, ...args]);
    expect((await run('build', '2025-04-16')).code).toBe(0);
    const state = async () => (JSON.parse((await run('status', '2025-04-16', '--formaat', 'json')).stdout) as { vergaderingen: { bundel: { staat: string; gewijzigd?: string[] }; verzonden: unknown }[] }).vergaderingen[0];
    expect((await state()).bundel.staat).toBe('actueel');
    expect((await state()).verzonden).toBe('niet vastgelegd');
    appendFileSync(path.join(root, 'vergaderingen/2025-04-16/01-opening.md'), 'De voorzitter opent.\n');
    expect((await state()).bundel).toEqual({ staat: 'verouderd', bestand: 'vergaderingen/2025-04-16/Bundel Algemeen Bestuur 2025-04-16.pdf', gewijzigd: ['vergaderingen/2025-04-16/01-opening.md'] });
  });
});

describe('status and an empty Toelichting', () => {
  it('a voorstel whose Toelichting is empty (or only a heading and a comment) is "onvolledig", with the reason', async () => {
    const front = (n: number, onderwerp: string) =>
      `---\nvergadering: 2025-04-16\nagendapunt: ${n}\nonderwerp: ${onderwerp}\nportefeuillehouder: M. Boumans\nbeslispunten:\n  - In te stemmen met de begroting.\ncontact:\n  naam: Joram van Donk\n---\n`;
    const root = writeRepo({
      'vergaderingen/2025-04-16/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n',
      'vergaderingen/2025-04-16/01-begroting.md': `${front(1, 'Begroting 2026')}De begroting sluit met een klein overschot.\n`,
      'vergaderingen/2025-04-16/02-jaarrekening.md': front(2, 'Jaarrekening 2025'),
      'vergaderingen/2025-04-16/03-kadernota.md': `${front(3, 'Kadernota')}\n## Toelichting\n\n<!-- volgt -->\n`,
    });
    const json = await runMain(['--root', root, 'status', '2025-04-16', '--formaat', 'json', '--datum', '2025-04-01']);
    const items = (JSON.parse(json.stdout) as { vergaderingen: { agendapunten: { nummer: string; staat: string; reden?: string }[] }[] }).vergaderingen[0].agendapunten;
    expect(items.map((i) => [i.nummer, i.staat, i.reden])).toEqual([
      ['1', 'compleet', undefined],
      ['2', 'onvolledig', 'de Toelichting is leeg'],
      ['3', 'onvolledig', 'de Toelichting is leeg'],
    ]);
    const screen = await runMain(['--root', root, 'status', '2025-04-16', '--datum', '2025-04-01']);
    expect(screen.stdout).toMatch(/^\s+2\s+Jaarrekening 2025\s+onvolledig: de Toelichting is leeg$/m);
  });
});
