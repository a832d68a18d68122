// A failed or killed build leaves the previous bundle as it was and no stray files.

import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundelError } from '../../src/model/errors.js';
import { writeAtomically } from '../../src/write/atomic.js';
import { BIN, runCli } from '../helpers/cli.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../fixtures/reference');

describe('writeAtomically', () => {
  it('writes all files, or none of them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bundel-atomic-'));
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
    const dir = mkdtempSync(path.join(tmpdir(), 'bundel-atomic-'));
    const dead = `.b.pdf.999999.0123abcd.tmp`;
    const alive = `.b.pdf.${process.ppid}.0123abcd.tmp`;
    writeFileSync(path.join(dir, dead), 'half');
    writeFileSync(path.join(dir, alive), 'busy');
    await writeAtomically([{ path: path.join(dir, 'b.pdf'), data: 'x' }]);
    expect(readdirSync(dir).sort()).toEqual([alive, 'b.pdf'].sort());
  });
});

describe('a build killed half-way', () => {
  it('leaves the previous bundle intact', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bundel-kill-'));
    cpSync(REFERENCE, root, { recursive: true });
    const out = path.join(root, 'uit', 'bundel.pdf');
    expect(runCli(['--root', root, 'build', '2025-03-05', '-o', out]).code).toBe(0);
    const previous = readFileSync(out);

    // Kill at several moments: while loading, rendering, assembling.
    for (const delay of [300, 900, 1600, 2400]) {
      const child = spawn(process.execPath, [BIN, '--root', root, 'build', '2025-03-05', '-o', out], { stdio: 'ignore' });
      // Listen from the start: on a fast machine the build may finish before the kill.
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(out);
      // Either untouched or completely replaced by an identical build: never half.
      expect(now.equals(previous)).toBe(true);
    }
    // The next build cleans up whatever a kill left behind.
    expect(runCli(['--root', root, 'build', '2025-03-05', '-o', out]).code).toBe(0);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['bundel.html', 'bundel.json', 'bundel.pdf']);
  }, 240_000);
});
