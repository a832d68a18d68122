// Files that must never replace an existing one (what `bundel init` writes): each is written in
// full to a temporary name and then hard-linked into place, which fails when the name is taken, so
// an existing file is never touched and a new one never appears half-written.

import { link, lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BundelError } from '../model/errors.js';
import type { OutputFile } from './atomic.js';
import { wholeData } from '../model/output-file.js';
import { tempName } from './atomic.js';

export interface CreateResult {
  created: string[];
  /** Paths that already existed (as a file, folder or anything else) and were left alone. */
  skipped: string[];
}

export async function createNewFiles(files: readonly OutputFile[]): Promise<CreateResult> {
  const result: CreateResult = { created: [], skipped: [] };
  for (const file of files) {
    if (await lstat(file.path).then(() => true, () => false)) {
      result.skipped.push(file.path);
      continue;
    }
    let temp: string | undefined;
    try {
      await mkdir(path.dirname(file.path), { recursive: true });
      temp = tempName(file.path);
      await writeFile(temp, wholeData(file.data), { flag: 'wx' });
      const taken = await link(temp, file.path).then(
        () => false,
        async (err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST') return true;
          // A file system without hard links: exclusive create still never replaces a file.
          await writeFile(file.path, wholeData(file.data), { flag: 'wx' });
          return false;
        },
      );
      (taken ? result.skipped : result.created).push(file.path);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EEXIST' && e.path === file.path) {
        result.skipped.push(file.path);
        continue;
      }
      throw new BundelError('schrijven-mislukt', `\`${file.path}\` kan niet worden aangemaakt (${e.code ?? e.message}).`, {
        hint: 'Controleer of de map schrijfbaar is; staat er een bestand waar een map moet komen, haal het dan weg.',
        cause: err,
      });
    } finally {
      if (temp) await rm(temp, { force: true });
    }
  }
  return result;
}
