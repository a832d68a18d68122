// Issue 10 (12): `schema --out` and `build -o` into a place where nothing can be written: a file,
// below a file, a device, /proc (where Node's recursive mkdir used to loop for ever), /sys. A
// Dutch error naming the place, exit 1, nothing written; never "Er ging iets mis", never a hang.

import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

function places(): [string, string][] {
  const dir = tempDir();
  const file = path.join(dir, 'gewoon.txt');
  writeFileSync(file, 'x');
  return [
    ['a regular file', file],
    ['a folder below a file', path.join(file, 'map')],
    ['a device', '/dev/null'],
    ['/proc', '/proc/self/bundel-map'],
    ['/sys', '/sys/bundel-map'],
  ];
}

describe('impossible places to write (issue 10, item 12)', () => {
  it.each(places())('schema --out onto %s: a Dutch error, exit 1', { timeout: 20_000 }, async (_name, out) => {
    const r = await runMain(['schema', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`Het schema kan niet worden geschreven: \`${out}`);
    expect(r.stderr).not.toMatch(/Er ging iets mis|^\s+at /m);
    expect(r.stdout).toBe('');
  });

  it('schema --out into a new folder writes the three schemas', async () => {
    const out = path.join(tempDir(), 'a', 'b');
    expect((await runMain(['schema', '--out', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['agendapunt.schema.json', 'bundel.schema.json', 'vergadering.schema.json']);
  });

  it('build -o below /proc: a Dutch error, exit 1, no hang', { timeout: 30_000 }, async () => {
    const root = writeRepo({
      'bundel.yaml': 'organisatie: Test\n',
      [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
      [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    });
    const r = await runMain(['--root', root, 'build', DATE, '-o', '/proc/self/bundel-map/b.pdf']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('De bundel kan niet worden geschreven: `/proc/self/bundel-map`');
  });
});
