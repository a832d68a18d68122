// PDF object numbers (`9 0 R`) are for developers: a secretariat's messages never show them, and
// `--debug` puts them back. Real broken PDFs from the corpus (scripts/make-bad-corpus.mjs).

import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { CORPUS } from '../helpers/corpus.js';
import { writeRepo } from '../helpers/repo.js';

const MEETING = 'vergaderingen/2025-03-05';
const BROKEN = ['page-tree-dangling-kid.pdf', 'page-tree-kids-not-array.pdf', 'page-tree-loop.pdf', 'page-tree-self-kid.pdf'];
const OBJECT_NUMBER = /\b\d+ \d+ R\b|\bobj(?:ect)? \d+/;

function repo(): string {
  const bijlagen = BROKEN.map((f, i) => `  - titel: Stuk ${i + 1}\n    bestand: bijlagen/${f}\n`).join('');
  const root = writeRepo({
    [`${MEETING}/vergadering.yaml`]: 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\n',
    [`${MEETING}/01-stukken.md`]: `---\nvergadering: 2025-03-05\nagendapunt: 1\nonderwerp: Stukken\nsoort: stukken\nbijlagen:\n${bijlagen}---\n`,
  });
  mkdirSync(path.join(root, MEETING, 'bijlagen'));
  for (const f of BROKEN) copyFileSync(path.join(CORPUS, 'pdf', f), path.join(root, MEETING, 'bijlagen', f));
  return root;
}

type Finding = { file: string; line: number; rule: string; message: string; hint?: string; detail?: string };

describe('PDF object numbers in messages', () => {
  it('lint names each broken page tree at its `bestand:` line, without object numbers', async () => {
    const r = await runMain(['--root', repo(), 'lint', '--formaat', 'json', '--datum', '2025-03-01']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout) as Finding[];
    expect(found.map((d) => [d.line, d.rule])).toEqual([
      [8, 'bijlage-bestand'],
      [10, 'bijlage-bestand'],
      [12, 'bijlage-bestand'],
      [14, 'bijlage-bestand'],
    ]);
    for (const d of found) {
      expect(d.message).not.toMatch(OBJECT_NUMBER);
      expect(d.hint ?? '').not.toMatch(OBJECT_NUMBER);
      expect(d).not.toHaveProperty('detail');
    }
    const stylish = await runMain(['--root', repo(), 'lint', '--datum', '2025-03-01']);
    expect(stylish.stdout).not.toMatch(OBJECT_NUMBER);
  });

  it('--debug shows them, as technical detail after the message', async () => {
    const r = await runMain(['--root', repo(), '--debug', 'lint', '--formaat', 'json', '--datum', '2025-03-01']);
    const found = JSON.parse(r.stdout) as Finding[];
    expect(found.filter((d) => /\(technisch: .*\b\d+ \d+ R\b.*\)$/.test(d.message)).length).toBeGreaterThanOrEqual(3);
  });
});
