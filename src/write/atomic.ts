// write: the only step that puts files on disk. Every file goes to a temporary name in the target
// folder first and is renamed into place only when all of them are complete, so a failed build
// never leaves a half-written or overwritten bundle behind. Temporary files of a build that was
// killed (and so could not clean up) are removed by the next build.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { BundelError } from '../model/errors.js';
import { ByteChunks, type OutputFile } from '../model/output-file.js';
import { truncateUtf8 } from '../util/file-name.js';
import { checkTargets, type ProtectedInputs } from './targets.js';

export type { OutputFile };

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temporary name stays within the 255-byte limit however long the final name is. */
const tempPrefix = (basename: string): string => truncateUtf8(basename, 200);

export function tempName(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${tempPrefix(path.basename(finalPath))}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir loops for ever where mkdir answers
 * ENOENT for a folder whose parent exists (`/proc/self/x`); here every failure is an error.
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const st = await stat(at).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
    if (st?.isDirectory()) break;
    if (st) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR', path: at });
    const parent = path.dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const folder of missing) await mkdir(folder).catch((err: NodeJS.ErrnoException) => (err.code === 'EEXIST' ? undefined : Promise.reject(err)));
}

/** Remove temporary files that a killed build left next to these outputs. */
async function removeStaleTemps(files: readonly OutputFile[]): Promise<void> {
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const dir = path.dirname(f.path);
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir)!.add(tempPrefix(path.basename(f.path)));
  }
  for (const [dir, names] of byDir) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const m = TEMP.exec(entry);
      if (m && names.has(m[1]) && Number(m[2]) !== process.pid && !isAlive(Number(m[2]))) {
        await rm(path.join(dir, entry), { force: true });
      }
    }
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
}

/** The pieces in order, small ones gathered into blocks of 1 MiB (a bundle has ~100 000 pieces). */
async function writeChunks(handle: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  const block = Buffer.allocUnsafe(1 << 20);
  let fill = 0;
  for (const chunk of chunks) {
    if (fill + chunk.length > block.length) {
      await writeAll(handle, block.subarray(0, fill));
      fill = 0;
    }
    if (chunk.length >= block.length) await writeAll(handle, chunk);
    else {
      block.set(chunk, fill);
      fill += chunk.length;
    }
  }
  if (fill > 0) await writeAll(handle, block.subarray(0, fill));
}

/**
 * `subject` names what is written in the error message (default "De bundel"); `protect` names the
 * files the outputs may not replace. Every target is checked before anything is written.
 */
export async function writeAtomically(files: readonly OutputFile[], options: { subject?: string; protect?: ProtectedInputs; /** Where messages show paths from. */ cwd?: string } = {}): Promise<void> {
  await checkTargets(
    files.map((f) => f.path),
    options.protect,
    options.cwd,
  );
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const file of files) await makeDirs(path.dirname(file.path));
    await removeStaleTemps(files);
    for (const file of files) {
      const temp = tempName(file.path);
      temps.push({ temp, final: file.path });
      const handle = await open(temp, 'wx');
      try {
        if (file.data instanceof ByteChunks) await writeChunks(handle, file.data.chunks);
        else await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    // All complete. Refuse before replacing anything if a target cannot be replaced.
    for (const { final } of temps) {
      const st = await stat(final).catch(() => undefined);
      if (st?.isDirectory()) throw Object.assign(new Error(`${final} is a directory`), { code: 'EISDIR', path: final });
    }
    // Rename into place (atomic per file), the first file — the bundle itself — last, so that
    // the index files never describe a bundle that is not there.
    for (const { temp, final } of [...temps].reverse()) await rename(temp, final);
  } catch (err) {
    // Cleaning up may fail too; the error that matters is the first one.
    await Promise.allSettled(temps.map(({ temp }) => rm(temp, { force: true })));
    const e = err as NodeJS.ErrnoException;
    const target = e.path && !TEMP.test(path.basename(e.path)) ? e.path : (temps.at(-1)?.final ?? files[0]?.path ?? '');
    throw new BundelError('schrijven-mislukt', `${options.subject ?? 'De bundel'} kan niet worden geschreven: \`${target}\` (${e.code ?? e.message}).`, {
      hint:
        e.code === 'ENOSPC'
          ? 'De schijf is vol; maak ruimte vrij en bouw opnieuw.'
          : e.code === 'EISDIR'
            ? 'Op die plaats staat een map; kies met `-o` een andere bestandsnaam.'
            : e.code === 'ENOTDIR'
              ? 'Op die plaats (of een map erboven) staat een bestand waar een map moet komen; kies een andere map.'
              : 'Controleer of de map bestaat en schrijfbaar is, en of het bestand niet openstaat in een ander programma.',
      cause: err,
    });
  }
}
