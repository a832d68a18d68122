// Every file bundel reads from a repository (bundel.yaml, vergadering.yaml, agenda items, the logo)
// goes through here, under the rules attachments follow: its real path lies inside the repository (a
// link may point elsewhere inside it, never out), it is a regular file (not a folder, FIFO, device or
// socket), and its size is checked on the open file and again while reading, so a file that grows or
// misstates its size cannot make bundel read past the limit. Nothing of a refused file is read, so its
// content can never show up in a message.

import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { escapes } from '../util/paths.js';

export type RepoFileProblem = 'ontbreekt' | 'buiten-repository' | 'geen-bestand' | 'te-groot' | 'onleesbaar';

export type RepoFileResult =
  | { ok: true; bytes: Buffer; realPath: string }
  | { ok: false; problem: RepoFileProblem; message: string; hint: string; size?: number };

/** Not following a link on open (the real path was resolved already) and not waiting for a FIFO's writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

/** Strictly below `root` (the root itself is no file). */
const isInside = (root: string, file: string): boolean => {
  const rel = path.relative(root, file);
  return rel !== '' && !escapes(rel);
};

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'een map';
  if (st.isFIFO()) return 'een named pipe (FIFO)';
  if (st.isSocket()) return 'een socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'een apparaatbestand';
  return 'geen gewoon bestand';
}

/** A size for a message: "1.5 MiB" or "800 KiB". */
export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Read `absPath`, which must resolve to a regular file inside `root`, of at most `maxBytes`.
 * `limitText` names the limit in a message ("voor een agendapunt is de grens 1 MiB").
 */
export async function readRepoFile(absPath: string, root: string, maxBytes: number, limitText: string): Promise<RepoFileResult> {
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    realRoot = path.resolve(root);
  }
  try {
    real = await realpath(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { ok: false, problem: 'ontbreekt', message: 'Het bestand bestaat niet (of is een kapotte snelkoppeling).', hint: 'Controleer de naam, of vervang de snelkoppeling door het bestand zelf.' }
      : { ok: false, problem: 'onleesbaar', message: `Het bestand kan niet worden gelezen (${code ?? 'onbekende fout'}).`, hint: 'Controleer of het bestand bestaat en leesbaar is.' };
  }
  if (!isInside(realRoot, real)) {
    return {
      ok: false,
      problem: 'buiten-repository',
      message: 'Het bestand is een snelkoppeling (symlink) naar een plek buiten de repository; bundel leest het niet.',
      hint: 'Zet het bestand zelf in de repository in plaats van een snelkoppeling.',
    };
  }
  let handle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: 'onleesbaar', message: `Het bestand kan niet worden gelezen (${code ?? 'onbekende fout'}).`, hint: 'Controleer of het bestand bestaat en leesbaar is.' };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      return { ok: false, problem: 'geen-bestand', message: `Dit is ${kindOf(st)}, geen gewoon bestand.`, hint: 'Vervang het door een gewoon tekstbestand, of haal het weg.' };
    }
    const tooBig = (size: number, exact: boolean): RepoFileResult => ({
      ok: false,
      problem: 'te-groot',
      size,
      message: `Het bestand is ${exact ? `${describeSize(size)} groot` : `groter dan ${describeSize(maxBytes)}`}; ${limitText}.`,
      hint: 'Een tekstbestand van bundel is klein; zet grote stukken als PDF-bijlage erbij.',
    });
    if (st.size > maxBytes) return tooBig(st.size, true);
    // Read at most one byte past the limit, whatever the size said.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return tooBig(total, false);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), realPath: real };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: 'onleesbaar', message: `Het bestand kan niet worden gelezen (${code ?? 'onbekende fout'}).`, hint: 'Controleer of het bestand bestaat en leesbaar is.' };
  } finally {
    await handle.close();
  }
}
