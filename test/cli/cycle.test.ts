// The meeting cycle end to end with real files: nieuw, agendapunt, status, build --concept, status
// again (the bundle is current, then out of date after an edit). bundel init had not landed when
// this was written: the repository starts from a hand-made bundel.yaml.

import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { writeRepo } from '../helpers/repo.js';

describe('the meeting cycle', () => {
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
