// Writing is all or nothing: a failed write leaves the previous bundle as it was and no stray files.
// (The build killed half-way, as a user's Ctrl-C or a crash does it, is in test/cli/smoke.test.ts.)

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundelError } from '../../src/model/errors.js';
import { writeAtomically } from '../../src/write/atomic.js';
import { tempDir } from '../helpers/temp.js';

describe('writeAtomically', () => {
  it('writes all files, or none of them', async () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'b.pdf');
    writeFileSync(pdf, 'previous');
    // The .json target is a folder: the second file cannot be written.
    mkdirSync(path.join(dir, 'b.json'));
    const attempt = writeAtomically([
      { path: pdf, data: 'new' },
      { path: path.join(dir, 'b.json'), data: '{}' },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(BundelError);
    await expect(attempt).rejects.toThrow(/b\.json/);
    expect(readFileSync(pdf, 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'b.pdf']);
  });

  it('removes the temporary files of a killed build, but not those of a running one', async () => {
    const dir = tempDir();
    const dead = `.b.pdf.999999.0123abcd.tmp`;
    const alive = `.b.pdf.${process.ppid}.0123abcd.tmp`;
    writeFileSync(path.join(dir, dead), 'half');
    writeFileSync(path.join(dir, alive), 'busy');
    await writeAtomically([{ path: path.join(dir, 'b.pdf'), data: 'x' }]);
    expect(readdirSync(dir).sort()).toEqual([alive, 'b.pdf'].sort());
  });
});
