// Issue 10 (6): Markdown under the 1 MiB file limit that would take the layout minutes and gigabytes
// is refused by lint (rule tekst-omvang) before any parser or layout sees it; the build writes nothing.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_FILE_BYTES } from '../../src/load/text-file.js';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';

const DATE = '2025-03-05';
const MEETING = `vergaderingen/${DATE}`;
const FRONT = `vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Groot\nportefeuillehouder: A\nbeslispunten:\n  - In te stemmen met het voorstel.\ncontact:\n  naam: B`;

/** Repeat `unit` to just under 1 MiB (with the front matter). */
const fill = (head: string, unit: string): string => head + unit.repeat(Math.floor((MAX_TEXT_FILE_BYTES - 400 - head.length) / Buffer.byteLength(unit)));

const SHAPES: Record<string, string> = {
  'a table of 1000 columns': fill(`|${'k|'.repeat(1000)}\n|${'-|'.repeat(1000)}\n`, `|${'x|'.repeat(1000)}\n`),
  '75 000 table rows': fill('| a | b |\n|---|---|\n', '|x|y|\n'),
  '150 000 list items': fill('', '- a\n'),
  '8000 headings': fill('', `# Kop ${'met een lange titel '.repeat(6)}\n`),
  'one paragraph of 1 MiB': fill('', 'woord '),
  'hard line breaks': fill('', 'a  \n'),
};

describe('Markdown bounds (issue 10, item 6)', () => {
  it.each(Object.entries(SHAPES))('%s (under 1 MiB): lint refuses it at the text, build exit 1, nothing written', async (_name, body) => {
    const root = writeRepo({
      'bundel.yaml': 'organisatie: Test\n',
      [`${MEETING}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
      [`${MEETING}/01-groot.md`]: item(FRONT, body),
    });
    const lint = await runMain(['--root', root, 'lint', '--format', 'json', DATE], {}, root);
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout)).toEqual([expect.objectContaining({ file: `${MEETING}/01-groot.md`, line: 11, rule: 'tekst-omvang', severity: 'error' })]);
    const build = await runMain(['--root', root, 'build', DATE]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('tekst-omvang');
    expect(readdirSync(path.join(root, MEETING)).filter((f) => !f.endsWith('.md') && !f.endsWith('.yaml'))).toEqual([]);
  });
});
