// A secretariat works inside its folders: without --root the repository is the nearest bundel.yaml
// upwards, and without a meeting argument lint, build and status take the meeting the current
// directory is in. A file of a meeting as argument lints that meeting and shows only that file.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { copyFixture } from '../helpers/repo.js';

const MEETING = 'vergaderingen/2025-03-05';

/** The geldig fixture with an item that misspells a field, and a second meeting with a gap in its numbers. */
function repo(): string {
  const root = copyFixture('lint/geldig');
  writeFileSync(path.join(root, MEETING, '03-rondvraag.md'), '---\nvergadering: 2025-03-05\nagendapunt: 3\nonderwep: Rondvraag\nsoort: mondeling\n---\n');
  mkdirSync(path.join(root, 'vergaderingen/2025-04-16'));
  writeFileSync(path.join(root, 'vergaderingen/2025-04-16/vergadering.yaml'), 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n');
  writeFileSync(path.join(root, 'vergaderingen/2025-04-16/02-lobby.md'), '---\nvergadering: 2025-04-16\nagendapunt: 2\nonderwerp: Lobby\nsoort: mondeling\n---\n');
  mkdirSync(path.join(root, 'docs'));
  return root;
}

type Finding = { file: string; line?: number; column?: number; rule: string };
const findings = (stdout: string): [string, number | undefined, string][] => (JSON.parse(stdout) as Finding[]).map((d) => [d.file, d.line, d.rule]);

describe('without --root and without a meeting: the folder you are in', () => {
  it('lint in a meeting folder (and in its bijlagen/): that meeting only, paths from there', async () => {
    const root = repo();
    for (const cwd of [path.join(root, MEETING), path.join(root, MEETING, 'bijlagen')]) {
      const r = await runMain(['lint', '--formaat', 'json', '--datum', '2025-03-01'], {}, cwd);
      expect(r.code).toBe(1);
      const prefix = cwd.endsWith('bijlagen') ? '../' : '';
      expect(findings(r.stdout)).toEqual([[`${prefix}03-rondvraag.md`, 4, 'schema']]);
    }
  });

  it('lint in another folder of the repository: every meeting', async () => {
    const root = repo();
    const r = await runMain(['lint', '--formaat', 'json', '--datum', '2025-03-01'], {}, path.join(root, 'docs'));
    expect(findings(r.stdout).map(([file, , rule]) => [file, rule])).toEqual([
      [`../${MEETING}/03-rondvraag.md`, 'schema'],
      ['../vergaderingen/2025-04-16/02-lobby.md', 'agendapunt-volgorde'],
    ]);
  });

  it('status in a meeting folder: that meeting\'s screen, not the table', async () => {
    const root = repo();
    const r = await runMain(['status', '--datum', '2025-03-01'], {}, path.join(root, MEETING));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`Algemeen Bestuur, 5 maart 2025 (${MEETING}): over 4 dagen`);
    expect(r.stdout).not.toContain('2025-04-16');
    expect(r.stdout).not.toMatch(/^datum\s+orgaan/m);
  });

  it('build in a meeting folder: that meeting; elsewhere without a meeting: exit 2 with the code', async () => {
    const root = copyFixture('lint/geldig');
    const build = await runMain(['build'], {}, path.join(root, MEETING, 'bijlagen'));
    expect(build.code).toBe(0);
    expect(readdirSync(path.join(root, MEETING)).filter((f) => f.endsWith('.pdf'))).toEqual(['Bundel Algemeen Bestuur 2025-03-05.pdf']);
    const nowhere = await runMain(['build'], {}, root);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('Welke vergadering?');
    expect(nowhere.stderr).toContain('`bundel build 2025-03-05`');
  });
});

describe('lint of one file', () => {
  it('shows only that file\'s findings; exit code from what is shown', async () => {
    const root = repo();
    const bad = await runMain(['lint', `${MEETING}/03-rondvraag.md`, '--formaat', 'json', '--datum', '2025-03-01'], {}, root);
    expect(bad.code).toBe(1);
    expect(findings(bad.stdout)).toEqual([[`${MEETING}/03-rondvraag.md`, 4, 'schema']]);
    const good = await runMain(['lint', `${MEETING}/02-lobby.md`, '--datum', '2025-03-01'], {}, root);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('`02-lobby.md`');
  });

  it('with an error in vergadering.yaml: shown too (it blocks every item), warnings elsewhere not', async () => {
    const root = repo();
    writeFileSync(path.join(root, MEETING, 'vergadering.yaml'), 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\nlokatie: Doetinchem\n');
    const r = await runMain(['lint', '02-lobby.md', '--formaat', 'json', '--datum', '2025-03-01'], {}, path.join(root, MEETING));
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual([['vergadering.yaml', 3, 'schema']]);
  });

  it('a file outside any meeting: exit 2, the file named', async () => {
    const root = repo();
    writeFileSync(path.join(root, 'docs', 'notitie.txt'), 'x\n');
    const r = await runMain(['lint', 'docs/notitie.txt', '--formaat', 'json'], {}, root);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'vergadering-ontbreekt', message: expect.stringContaining('docs/notitie.txt') as string });
  });
});
