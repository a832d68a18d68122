// Issue 10 (4): a layout that fails (here: a logo that passes the header checks but cannot be
// decoded) ends in one Dutch error naming the file, exit 1; no unhandled rejection, no stack trace,
// nothing written. In this process and through bin/bundel.js (layout on its worker thread).

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;
// SOI, a frame header of 60 × 30 pixels, a scan header, no tables, no data: lint sees a JPEG.
const BROKEN_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 60, 1, 1, 0x11, 0, 0xff, 0xda, 0, 2, 1, 2, 3, 4, 0xff, 0xd9]);

function meeting(): string {
  const memo = (n: number): string => item(`vergadering: ${DATE}\nagendapunt: ${n}\nonderwerp: Punt ${n}\nportefeuillehouder: A\nbeslispunten:\n  - In te stemmen met het voorstel.`, 'Tekst.\n');
  return writeRepo({
    'bundel.yaml': 'organisatie: Test\nlogo: huisstijl/logo.jpg\n',
    'huisstijl/logo.jpg': BROKEN_JPEG,
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/01-een.md`]: memo(1),
    [`${DIR}/02-twee.md`]: memo(2),
    [`${DIR}/03-drie.md`]: memo(3),
  });
}

describe('a failed layout (issue 10, item 4)', () => {
  it('in this process: one Dutch error naming bundel.yaml, exit 1, nothing written', async () => {
    const root = meeting();
    const rejections: unknown[] = [];
    const listen = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', listen);
    try {
      expect((await runMain(['--root', root, 'lint', DATE])).code).toBe(0);
      const r = await runMain(['--root', root, 'build', DATE], {}, root);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^bundel\.yaml: De opmaak is mislukt\./m);
      expect(r.stderr).toContain('logo');
      expect(r.stderr).not.toMatch(/Er ging iets mis|^\s+at /m);
      // Let any stray rejection surface before looking.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
    expect(readdirSync(path.join(root, DIR)).filter((f) => !f.endsWith('.md') && !f.endsWith('.yaml'))).toEqual([]);
  });

  it('through bin/bundel.js, the layout on its own thread: the same, no uncaught exception', () => {
    const root = meeting();
    const r = runCli(['--root', root, 'build', DATE], { cwd: root });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^bundel\.yaml: De opmaak is mislukt\./m);
    expect(r.stderr).not.toMatch(/Er ging iets mis|^\s+at |Node\.js v/m);
  });
});
