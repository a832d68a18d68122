// write: the only step that puts files on disk. Every file goes to a temporary name in the target
// folder first and is renamed into place only when all of them are complete, so a failed build
// never leaves a half-written or overwritten bundle behind.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BundelError } from '../model/errors.js';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

export async function writeAtomically(files: readonly OutputFile[]): Promise<void> {
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const dir = path.dirname(file.path);
      await mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.${path.basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ temp, final: file.path });
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    // All complete: rename each into place (atomic per file on one file system).
    for (const { temp, final } of temps) await rename(temp, final);
  } catch (err) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    const e = err as NodeJS.ErrnoException;
    throw new BundelError('schrijven-mislukt', `De bundel kan niet worden geschreven naar \`${files[0]?.path ?? ''}\` (${e.code ?? e.message}).`, {
      hint: e.code === 'ENOSPC' ? 'De schijf is vol; maak ruimte vrij en bouw opnieuw.' : 'Controleer of de map bestaat en schrijfbaar is, en of de PDF niet openstaat in een ander programma.',
      cause: err,
    });
  }
}
