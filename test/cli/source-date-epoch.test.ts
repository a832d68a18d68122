// Issue 10 (11): SOURCE_DATE_EPOCH as the reproducible-builds spec defines it. Empty counts as unset
// (the meeting date, not 1970); anything but whole seconds up to the year 9999 stops the build
// with a Dutch message, exit 2, before anything is read or written.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

function meeting(): string {
  return writeRepo({
    'bundel.yaml': 'organisatie: Test\n',
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
  });
}

async function buildWith(value: string): Promise<{ code: number | null; stderr: string; datum?: string; files: string[] }> {
  const root = meeting();
  const out = tempDir();
  const r = await runMain(['--root', root, 'build', DATE, '-o', path.join(out, 'b.pdf')], { SOURCE_DATE_EPOCH: value });
  const files = readdirSync(out);
  const datum = files.includes('b.json') ? (JSON.parse(readFileSync(path.join(out, 'b.json'), 'utf8')) as { bundel: { datum: string } }).bundel.datum : undefined;
  return { code: r.code, stderr: r.stderr, datum, files };
}

describe('SOURCE_DATE_EPOCH (issue 10, item 11)', () => {
  it('empty is unset: the meeting date, not 1970', async () => {
    expect(await buildWith('')).toMatchObject({ code: 0, datum: '2025-03-05T00:00:00.000Z' });
  });

  it('whole seconds are used', async () => {
    expect(await buildWith('1741219200')).toMatchObject({ code: 0, datum: '2025-03-06T00:00:00.000Z' });
    expect(await buildWith('0')).toMatchObject({ code: 0, datum: '1970-01-01T00:00:00.000Z' });
  });

  it.each(['1e20', '99999999999999', 'gisteren', '-5', '1.5', ' 1741219200', '0x10'])('`%s`: a Dutch error, exit 2, nothing written', async (value) => {
    const r = await buildWith(value);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('`SOURCE_DATE_EPOCH`');
    expect(r.stderr).not.toMatch(/RangeError|Er ging iets mis|^\s+at /m);
    expect(r.files).toEqual([]);
  });
});
