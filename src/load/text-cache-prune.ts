// The text cache does not grow for ever. An entry (a file's summary and text, by sha256) counts as
// used when a lint or public build reads or writes it (its modification time, refreshed at most once
// a day). At most once a day, after the texts of a meeting are read, entries unused for
// MAX_UNUSED_DAYS are removed, and then the least recently used ones until the folder holds at most
// MAX_CACHE_BYTES. Whatever else lies in the folder (half-written files of a run that was killed,
// stray files) goes when it is older than a day. Removing an entry only costs speed: the next run
// reads that PDF again.

import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MAX_UNUSED_DAYS = 90;
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Its modification time is when the folder was last pruned. */
const MARKER = '.opgeruimd';
const ENTRY = /^([0-9a-f]{64})\.(?:samenvatting|tekst)\.json$/;

/** Mark an entry's file as used now, unless that was already done today. Failing is no error. */
export async function markUsed(file: string, now = Date.now()): Promise<void> {
  try {
    if (now - (await stat(file)).mtimeMs < DAY_MS) return;
    const t = new Date(now);
    await utimes(file, t, t);
  } catch {
    // Gone or read-only: the entry is simply older than it is.
  }
}

interface Entry {
  files: string[];
  bytes: number;
  lastUsed: number;
}

/**
 * Prune the text folder `dir` (`<cachemap>/tekst`) if it was not pruned in the last day. Returns
 * what was removed (file names, sorted), for tests; never throws. `fresh`: the folder was made by
 * this run (it was not there when the run began), so nothing in it is old: it counts as pruned now
 * without a look at its files (a first lint writes a whole meeting's entries).
 */
export async function pruneTextCache(dir: string, now = Date.now(), options: { force?: boolean; maxBytes?: number; fresh?: boolean } = {}): Promise<string[]> {
  try {
    const marker = path.join(dir, MARKER);
    const last = options.fresh ? undefined : await stat(marker).then((s) => s.mtimeMs, () => undefined);
    if (!options.force && last !== undefined && now - last < DAY_MS && last <= now) return [];
    await writeFile(marker, '');
    const t = new Date(now);
    await utimes(marker, t, t);
    if (options.fresh && !options.force) return [];
    return await prune(dir, now, options.maxBytes ?? MAX_CACHE_BYTES);
  } catch {
    return [];
  }
}

async function prune(dir: string, now: number, maxBytes: number): Promise<string[]> {
  const entries = new Map<string, Entry>();
  const removed: string[] = [];
  const remove = async (name: string): Promise<void> => {
    await rm(path.join(dir, name), { force: true, recursive: true }).catch(() => {});
    removed.push(name);
  };
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (d.name === MARKER) continue;
    const info = await stat(path.join(dir, d.name)).catch(() => undefined);
    if (!info) continue;
    const m = d.isFile() ? ENTRY.exec(d.name) : null;
    if (!m) {
      // Not an entry: a half-written file, or something else. Left alone while it may be in use.
      if (now - info.mtimeMs > DAY_MS) await remove(d.name);
      continue;
    }
    const entry = entries.get(m[1]) ?? { files: [], bytes: 0, lastUsed: 0 };
    entry.files.push(d.name);
    entry.bytes += info.size;
    entry.lastUsed = Math.max(entry.lastUsed, info.mtimeMs);
    entries.set(m[1], entry);
  }
  // Oldest first; the same order on every machine for the same times (then by name).
  const ordered = [...entries].sort(([a, x], [b, y]) => x.lastUsed - y.lastUsed || a.localeCompare(b));
  let total = ordered.reduce((sum, [, e]) => sum + e.bytes, 0);
  for (const [, entry] of ordered) {
    const unused = now - entry.lastUsed > MAX_UNUSED_DAYS * DAY_MS;
    if (!unused && total <= maxBytes) break;
    for (const f of entry.files) await remove(f);
    total -= entry.bytes;
  }
  return removed.sort();
}
