// Issue 10 (5): every file bundel reads (bundel.yaml, vergadering.yaml, items, the logo) follows the
// attachment rules: real path inside the repository, a regular file, bounded size checked on the open
// file, and nothing of a file outside the repository ever printed. Through main(argv, io).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const MEETING = `vergaderingen/${DATE}`;
const SECRET = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-geheim-7f3a';

function meeting(extra: Record<string, string> = {}): string {
  return writeRepo({
    'bundel.yaml': 'organisatie: Test\n',
    [`${MEETING}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${MEETING}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    ...extra,
  });
}

/** A file outside the repository holding a secret. */
function outsideSecret(): string {
  const file = path.join(tempDir(), 'credentials');
  writeFileSync(file, `${SECRET}\n`);
  return file;
}

interface Finding {
  file: string;
  rule: string;
  severity: string;
  message: string;
}

async function lint(root: string): Promise<{ code: number | null; findings: Finding[]; all: string }> {
  const r = await runMain(['--root', root, 'lint', '--format', 'json', DATE], {}, root);
  return { code: r.code, findings: r.stdout.trim() ? (JSON.parse(r.stdout) as Finding[]) : [], all: r.stdout + r.stderr };
}

describe('files bundel reads (issue 10, item 5)', () => {
  it('vergadering.yaml linked to /dev/zero: refused at once, nothing read', async () => {
    const root = meeting();
    const file = path.join(root, MEETING, 'vergadering.yaml');
    spawnSync('rm', [file]);
    symlinkSync('/dev/zero', file);
    const { code, findings } = await lint(root);
    expect(code).toBe(1);
    expect(findings).toContainEqual(expect.objectContaining({ file: `${MEETING}/vergadering.yaml`, rule: 'vergadering-bestand', message: expect.stringContaining('buiten de repository') }));
  });

  it('an item that is a FIFO does not hang lint; it is named', async () => {
    const root = meeting();
    const fifo = path.join(root, MEETING, '02-pijp.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { code, findings } = await lint(root);
    expect(code).toBe(1);
    expect(findings).toContainEqual(expect.objectContaining({ file: `${MEETING}/02-pijp.md`, rule: 'bestand-leesbaar', message: expect.stringContaining('FIFO') }));
  });

  it('links out of the repository (item, vergadering.yaml, bundel.yaml) are named, their content never shown', async () => {
    const secret = outsideSecret();
    const root = meeting();
    symlinkSync(secret, path.join(root, MEETING, '02-geheim.md'));
    const meetingFile = path.join(root, MEETING, 'vergadering.yaml');
    spawnSync('rm', [meetingFile]);
    symlinkSync(secret, meetingFile);
    spawnSync('rm', [path.join(root, 'bundel.yaml')]);
    symlinkSync(secret, path.join(root, 'bundel.yaml'));
    for (const format of ['stylish', 'json', 'github']) {
      const r = await runMain(['--root', root, 'lint', '--format', format, DATE], {}, root);
      expect(r.code, format).toBe(1);
      expect(r.stdout + r.stderr, format).not.toContain('wJalrXUtnFEMI');
      expect(r.stdout + r.stderr, format).not.toContain('AWS_SECRET');
      for (const name of ['02-geheim.md', 'vergadering.yaml', 'bundel.yaml']) expect(r.stdout + r.stderr, `${format} ${name}`).toContain(name);
    }
    const build = await runMain(['--root', root, 'build', DATE]);
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).not.toContain('wJalrXUtnFEMI');
    expect(readFileSync(secret, 'utf8')).toBe(`${SECRET}\n`);
  });

  it('a folder named like an item, or as vergadering.yaml or bundel.yaml, is reported (exit 1), not an internal error', async () => {
    const root = meeting();
    mkdirSync(path.join(root, MEETING, '02-map.md'));
    const { code, findings } = await lint(root);
    expect(code).toBe(1);
    expect(findings).toContainEqual(expect.objectContaining({ file: `${MEETING}/02-map.md`, rule: 'bestand-leesbaar', message: expect.stringContaining('een map') }));

    const root2 = meeting();
    spawnSync('rm', [path.join(root2, MEETING, 'vergadering.yaml'), path.join(root2, 'bundel.yaml')]);
    mkdirSync(path.join(root2, MEETING, 'vergadering.yaml'));
    mkdirSync(path.join(root2, 'bundel.yaml'));
    const r = await runMain(['--root', root2, 'lint', '--format', 'json', DATE], {}, root2);
    expect(r.code, r.stderr).toBe(1);
    const found = JSON.parse(r.stdout) as Finding[];
    expect(found.map((f) => f.file)).toEqual(expect.arrayContaining(['bundel.yaml', `${MEETING}/vergadering.yaml`]));
  });

  it('a link to an item elsewhere inside the repository is read like the file itself (not skipped)', async () => {
    const root = meeting({ 'gedeeld/02-gedeeld.md': item(`vergadering: ${DATE}\nagendapunt: 2\nonderwerp: Gedeeld\nsoort: mondeling\nonbekend_veld: ja`) });
    symlinkSync(path.join(root, 'gedeeld/02-gedeeld.md'), path.join(root, MEETING, '02-gedeeld.md'));
    const { findings } = await lint(root);
    // Read through the link: its one problem is its own, under the name in the meeting.
    expect(findings).toEqual([expect.objectContaining({ file: `${MEETING}/02-gedeeld.md`, rule: 'schema' })]);
  });
});
