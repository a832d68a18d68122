// Issue 10 (2, 3): `build -o` never writes onto a file the meeting reads (directly, through a link,
// or as the .json/.html beside the PDF), nor a name the next build would read as an item, nor onto
// something that is not a regular file (/dev/null as root, a FIFO, a folder). Refused before
// anything is written, exit 2; no input changes.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { makePdf } from '../helpers/make-pdf.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

async function meeting(): Promise<string> {
  const pdf = await makePdf({ title: 'Brief', pages: [{ text: 'Brief blad 1' }] });
  return writeRepo({
    'bundel.yaml': 'organisatie: Test\n',
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    [`${DIR}/02-brief.md`]: item(`vergadering: ${DATE}\nagendapunt: 2\nonderwerp: Brief\nsoort: stukken\nbijlagen:\n  - titel: Brief\n    bestand: bijlagen/brief.pdf\n  - titel: Stuk\n    bestand: bijlagen/stuk.json`),
    [`${DIR}/bijlagen/brief.pdf`]: pdf,
    // A PDF named .json: the index beside `-o bijlagen/stuk.pdf` would replace it.
    [`${DIR}/bijlagen/stuk.json`]: await makePdf({ title: 'Stuk', pages: [{ text: 'Stuk blad 1' }] }),
  });
}

/** sha256 of every file under `root`, and the entries (to see that nothing was added or changed). */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(root, abs)] = e.isFile() ? createHash('sha256').update(readFileSync(abs)).digest('hex') : 'special';
    }
  };
  walk(root);
  return out;
}

describe('-o onto an input (issue 10, item 2)', () => {
  const cases: [string, (root: string) => string][] = [
    ['an attachment', (root) => path.join(root, DIR, 'bijlagen/brief.pdf')],
    ['an item file', (root) => path.join(root, DIR, '01-opening.md')],
    ['vergadering.yaml', (root) => path.join(root, DIR, 'vergadering.yaml')],
    ['bundel.yaml', (root) => path.join(root, 'bundel.yaml')],
    ['a new .md in the meeting folder (read as an item next time)', (root) => path.join(root, DIR, '09-nieuw.md')],
    ['a PDF whose .json index would replace an attachment', (root) => path.join(root, DIR, 'bijlagen/stuk.pdf')],
    [
      'a link to an attachment',
      (root) => {
        const link = path.join(root, 'uit.pdf');
        symlinkSync(path.join(root, DIR, 'bijlagen/brief.pdf'), link);
        return link;
      },
    ],
    [
      'a path through a linked folder',
      (root) => {
        symlinkSync(path.join(root, DIR, 'bijlagen'), path.join(root, 'map'));
        return path.join(root, 'map', 'brief.pdf');
      },
    ],
  ];
  it.each(cases)('%s: refused, exit 2, nothing written or changed', async (_name, target) => {
    const root = await meeting();
    const out = target(root);
    const before = snapshot(root);
    const r = await runMain(['--root', root, 'build', DATE, '-o', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/De uitvoer `[^`]+` (is|komt)/);
    expect(r.stderr).not.toMatch(/Er ging iets mis|^\s+at /m);
    expect(snapshot(root)).toEqual(before);
  });

  it('the default place and a fresh -o still work', async () => {
    const root = await meeting();
    expect((await runMain(['--root', root, 'build', DATE])).code).toBe(0);
    const out = path.join(root, 'uit', 'b.pdf');
    expect((await runMain(['--root', root, 'build', DATE, '-o', out])).code).toBe(0);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['b.html', 'b.json', 'b.pdf']);
  });
});

describe('-o onto something that is not a regular file (issue 10, item 3)', () => {
  it('/dev/null (as root the rename would replace the device): refused before anything is written', async () => {
    const root = await meeting();
    const before = snapshot(root);
    const r = await runMain(['--root', root, 'build', DATE, '-o', '/dev/null']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('`/dev/null`');
    expect(r.stderr).toContain('een apparaat');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(() => statSync('/dev/null.json')).toThrow();
    expect(() => statSync('/dev/null.html')).toThrow();
    expect(readdirSync('/dev').filter((f) => f.includes('null.') && f.endsWith('.tmp'))).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it('a FIFO, a folder, and a FIFO where the .json would go', async () => {
    const root = await meeting();
    const dir = tempDir();
    const fifo = path.join(dir, 'pijp.pdf');
    expect(spawnSync('mkfifo', [fifo, path.join(dir, 'b.json')]).status).toBe(0);
    mkdirSync(path.join(dir, 'map.pdf'));
    for (const [target, kind] of [
      [fifo, 'named pipe'],
      [path.join(dir, 'map.pdf'), 'een map'],
      [path.join(dir, 'b.pdf'), 'named pipe'],
    ]) {
      const r = await runMain(['--root', root, 'build', DATE, '-o', target]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(kind);
    }
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'map.pdf', 'pijp.pdf']);
  });
});
