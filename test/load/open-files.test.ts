// Issue 10 (10): with macOS's default limit of 256 open files, a meeting of 320 attachments is read
// without a single false "kan niet worden gelezen (EMFILE)": the loader keeps a bounded number of
// files open (MAX_OPEN_FILES). Run as a real process, since the limit is per process.

import { spawnSync } from 'node:child_process';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { writeRepo, type Tree } from '../helpers/repo.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;
const COUNT = 320;

async function meeting(): Promise<string> {
  const tree: Tree = { 'bundel.yaml': 'organisatie: Test\n', [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n` };
  let bijlagen = '';
  for (let i = 0; i < COUNT; i++) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([200, 200]);
    // A distinct file each (the loader reads each distinct file once).
    doc.setTitle(`Stuk ${i}`);
    tree[`${DIR}/bijlagen/stuk-${i}.pdf`] = await doc.save();
    bijlagen += `  - titel: Stuk ${i}\n    bestand: bijlagen/stuk-${i}.pdf\n`;
  }
  tree[`${DIR}/01-stukken.md`] = `---\nvergadering: ${DATE}\nagendapunt: 1\nonderwerp: Stukken\nsoort: stukken\nbijlagen:\n${bijlagen}---\n`;
  return writeRepo(tree);
}

describe('open files (issue 10, item 10)', () => {
  it(`lint reads ${COUNT} attachments under ulimit -n 256 without EMFILE`, async () => {
    const root = await meeting();
    const r = spawnSync('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${BIN}" --root "${root}" lint --format json ${DATE}`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('EMFILE');
    // Only the files' lack of tags (bijlage-niet-toegankelijk) may be reported; nothing about reading them.
    expect((JSON.parse(r.stdout) as { rule: string }[]).filter((d) => d.rule !== 'bijlage-niet-toegankelijk')).toEqual([]);
    expect(r.status).toBe(0);
  });
});
