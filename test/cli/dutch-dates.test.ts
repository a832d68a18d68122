// A meeting named on the command line as a Dutch secretariat types its date: 5-3-2025, 05-03-2025.

import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { copyFixture } from '../helpers/repo.js';

describe('Dutch dates on the command line', () => {
  it('lints the meeting of 05-03-2025 and of 5-3-2025, as of 2025-03-05', async () => {
    const root = copyFixture('lint/geldig');
    for (const typed of ['2025-03-05', '05-03-2025', '5-3-2025']) {
      const r = await runMain(['--root', root, 'lint', typed]);
      expect({ typed, code: r.code, stderr: r.stderr }).toEqual({ typed, code: 0, stderr: '' });
      expect(r.stdout).toContain('1 vergadering');
    }
  });

  it('takes a folder named like a Dutch date, relative to the current directory, as that folder', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const root = copyFixture('lint/geldig');
    const meetings = path.join(root, 'vergaderingen');
    cpSync(path.join(meetings, '2025-03-05'), path.join(meetings, '05-03-2025'), { recursive: true });
    writeFileSync(path.join(meetings, '05-03-2025', '03-rondvraag.md'), '---\nagendapunt: 3\nonderwerp: Rondvraag\nsoort: mondeling\nkleur: rood\n---\n');
    const r = await runMain(['lint', '05-03-2025', '--format', 'json'], {}, meetings);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((d) => d.file);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.startsWith('05-03-2025/03-rondvraag.md'))).toBe(true);
  });

  it('refuses an impossible date as a usage error naming it', async () => {
    const root = copyFixture('lint/geldig');
    const r = await runMain(['--root', root, 'lint', '31-02-2025']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('31-02-2025');
  });
});

describe('a repository without its meetings folder', () => {
  it('is a setup error, exit 2, for lint and build alike', async () => {
    const { writeRepo } = await import('../helpers/repo.js');
    const root = writeRepo({ 'bundel.yaml': 'organisatie: Regio Test\n' });
    for (const args of [['lint'], ['build', '2025-03-05']]) {
      const r = await runMain(['--root', root, ...args]);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain('vergaderingen');
    }
  });
});
