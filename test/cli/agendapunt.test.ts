// bundel agendapunt: the next number (before the closing Rondvraag), --na with a sub-number or
// --hernummer, the house-form skeleton with the author from git, and a result that lints clean of errors.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

async function meeting(): Promise<{ root: string; dir: string; env: NodeJS.ProcessEnv }> {
  const root = writeRepo({ 'bundel.yaml': 'organen:\n  Algemeen Bestuur:\n    aanleveren: 15 werkdagen\n' });
  const r = await runMain(['--root', root, 'nieuw', '2025-04-16', '--orgaan', 'Algemeen Bestuur']);
  expect(r.code).toBe(0);
  // git reads only this configuration: a known user.name, no system file.
  const gitconfig = path.join(tempDir(), 'gitconfig');
  writeFileSync(gitconfig, '[user]\n\tname = Joram van Donk\n');
  return { root, dir: path.join(root, 'vergaderingen/2025-04-16'), env: { GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1' } };
}

const numberOf = (file: string): string => /^agendapunt: (.+)$/m.exec(readFileSync(file, 'utf8'))![1];

describe('bundel agendapunt', () => {
  it('adds a voorstel before the Rondvraag, which moves up; every field explained; the author as contact', async () => {
    const { root, dir, env } = await meeting();
    const r = await runMain(['--root', root, 'agendapunt', '2025-04-16', 'Begroting 2026'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Agendapunt 3 aangemaakt');
    expect(r.stdout).toContain('agendapunt 3 → 4: 03-rondvraag.md');
    expect(readdirSync(dir).filter((f) => f.endsWith('.md')).sort()).toEqual([
      '01-opening-en-mededelingen.md', '02-verslag-van-de-vergadering-van-invullen.md', '03-begroting-2026.md', '04-rondvraag.md',
    ]);
    expect(numberOf(path.join(dir, '04-rondvraag.md'))).toBe('4');
    const text = readFileSync(path.join(dir, '03-begroting-2026.md'), 'utf8');
    expect(text).toContain('agendapunt: 3\n');
    expect(text).toContain('onderwerp: Begroting 2026\n');
    expect(text).toContain('contact:\n  naam: Joram van Donk\n');
    // Each field has its description from the schema above it, optional ones commented out.
    expect(text).toMatch(/# Het bestuurslid dat verantwoordelijk is[^-]*?\nportefeuillehouder: "\[invullen\]"/);
    expect(text).toMatch(/# De weg die het voorstel aflegde.*\n# procedure: DB …/);
    for (const field of ['vervolgactie', 'communicatie', 'mededeling_beslissing_aan', 'consequenties', 'vertrouwelijk', 'bijlagen']) expect(text).toContain(`# ${field}:`);

    const lint = await runMain(['--root', root, 'lint', '2025-04-16', '--datum', '2025-03-01', '--formaat', 'json']);
    expect(lint.code, lint.stdout).toBe(0);
    const found = JSON.parse(lint.stdout) as { file: string; rule: string; severity: string }[];
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found.filter((d) => d.file.endsWith('03-begroting-2026.md')).map((d) => d.rule)).toEqual(['placeholder', 'placeholder', 'placeholder']);
  });

  it('--na puts the item right after a number: 2a when 3 is taken, or 3 with --hernummer', async () => {
    const { root, dir, env } = await meeting();
    const sub = await runMain(['--root', root, 'agendapunt', '2025-04-16', 'Lobby', '--na', '2', '--soort', 'stukken'], env);
    expect(sub.code).toBe(0);
    expect(numberOf(path.join(dir, '02a-lobby.md'))).toBe('"2a"');
    expect(numberOf(path.join(dir, '03-rondvraag.md'))).toBe('3');

    const moved = await runMain(['--root', root, 'agendapunt', '2025-04-16', 'Mededelingen DB', '--na', '1', '--hernummer', '--soort', 'mondeling'], env);
    expect(moved.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.md')).sort()).toEqual([
      '01-opening-en-mededelingen.md', '02-mededelingen-db.md', '03-verslag-van-de-vergadering-van-invullen.md', '03a-lobby.md', '04-rondvraag.md',
    ]);
    expect(numberOf(path.join(dir, '03a-lobby.md'))).toBe('"3a"');
    const lint = await runMain(['--root', root, 'lint', '2025-04-16', '--formaat', 'json']);
    expect((JSON.parse(lint.stdout) as { rule: string }[]).filter((d) => d.rule.startsWith('agendapunt'))).toEqual([]);
  });

  it('says what is wrong with --na and the meeting', async () => {
    const { root, env } = await meeting();
    const r = await runMain(['--root', root, 'agendapunt', '2025-04-16', 'X', '--na', '9'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Er is geen agendapunt 9 in deze vergadering.');
    const none = await runMain(['--root', root, 'agendapunt', '2025-05-01', 'X'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Er is geen vergadering op 2025-05-01');
  });
});
