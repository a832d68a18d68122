// Writing is all or nothing: a failed write leaves the previous bundle as it was and no stray files.
// (The build killed half-way, as a user's Ctrl-C or a crash does it, is in test/cli/smoke.test.ts.)

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundelError } from '../../src/model/errors.js';
import { ByteChunks } from '../../src/model/output-file.js';
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

  it('writes a file kept in pieces in order, pieces larger and smaller than its 1 MiB blocks alike', async () => {
    const dir = tempDir();
    // Pieces of 0 to 3000 bytes, one of 3 MiB and one that ends exactly on a block boundary.
    const pieces: Uint8Array[] = [];
    let seed = 7;
    const piece = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    for (let i = 0; i < 2000; i++) pieces.push(piece(i % 3001));
    pieces.push(piece(3 * 2 ** 20));
    const filled = pieces.reduce((n, p) => n + p.length, 0) % 2 ** 20;
    pieces.push(piece(2 ** 20 - filled), piece(5));
    const data = new ByteChunks(pieces);
    await writeAtomically([{ path: path.join(dir, 'b.pdf'), data }]);
    const written = readFileSync(path.join(dir, 'b.pdf'));
    expect(written.length).toBe(data.length);
    expect(written.equals(Buffer.from(data.join()))).toBe(true);
    // Where the 3 MiB piece starts and ends, the bytes around it are its neighbours'.
    const big = pieces.slice(0, 2000).reduce((n, p) => n + p.length, 0);
    expect(written.subarray(big - 3, big + 3)).toEqual(Buffer.concat([pieces[1999]!.subarray(-3), pieces[2000]!.subarray(0, 3)]));
  });
});
