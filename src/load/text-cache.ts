// What bundel read from an attachment, kept on disk by the file's sha256, so an unchanged file is
// read once. Two files per attachment: the findings (page count, heading, empty pages, what the
// personal-data detectors found), small and read on every lint; and the text itself, written and read
// only when the body has patterns of its own. The cache lives in the folder `tekst/` of the repository's cache
// (`cachemap`, default `.bundel-cache/`, shared with the conversion cache), which ignores itself in git. A damaged entry, or one of another version,
// is read again from the PDF. Entries nobody used for long, or beyond a size cap, are pruned (text-cache-prune.ts).

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CACHE_DIR } from '../convert/cache.js';
import type { BundelConfig } from '../model/meeting.js';
import type { PageMatch } from '../model/pdf-facts.js';
import { saysOff } from '../util/off-switch.js';
import { DETECTORS_VERSION } from '../util/personal-data.js';
import { markUsed } from './text-cache-prune.js';

const TEXT_FOLDER = 'tekst';
/** Raised when what is cached changes shape or is read differently. */
const VERSION = `2.${DETECTORS_VERSION}`;

export interface TextSummary {
  pageCount: number;
  heading?: string;
  /** 1-based pages without any text. */
  empty: number[];
  matches: PageMatch[];
  /** Reading stopped at the text limit: the pages after `pageCount` are missing. */
  truncated?: boolean;
}

/**
 * The cache folder of a repository: `cachemap` in bundel.yaml, default `.bundel-cache` (the conversion
 * cache's folder too); `BUNDEL_CACHE` names another folder, or switches the text cache off (`uit`).
 */
export function cacheDirFor(config: Pick<BundelConfig, 'root' | 'cachemap'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.BUNDEL_CACHE?.trim();
  if (setting === undefined || setting === '') return path.resolve(config.root, config.cachemap ?? DEFAULT_CACHE_DIR);
  if (saysOff(setting)) return undefined;
  return path.resolve(setting);
}

const GITIGNORE = '# Cache van bundel: mag weg, wordt opnieuw gemaakt.\n*\n';

/** Make the cache folder, ignored by git whatever the repository's own .gitignore says. */
export async function ensureCacheDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '.gitignore'), GITIGNORE, { flag: 'wx' }).catch(() => {});
}

/** ensureCacheDir at once (the text thread writes its entries synchronously). */
function ensureCacheDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path.join(dir, '.gitignore'), GITIGNORE, { flag: 'wx' });
  } catch {
    // There already (or not writable: the cache works without it).
  }
}

const fileFor = (dir: string, sha256: string, part: 'samenvatting' | 'tekst'): string => path.join(dir, TEXT_FOLDER, `${sha256}.${part}.json`);

/** The folder of the text cache within the cache folder. */
export const textFolder = (dir: string): string => path.join(dir, TEXT_FOLDER);

/** An entry was read from the cache: it counts as used (for pruning, text-cache-prune.ts). */
export async function markCachedUsed(dir: string, sha256: string, withText: boolean): Promise<void> {
  await markUsed(fileFor(dir, sha256, 'samenvatting'));
  if (withText) await markUsed(fileFor(dir, sha256, 'tekst'));
}

async function readJson(file: string, sha256: string): Promise<Record<string, unknown> | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    return data.versie === VERSION && data.sha256 === sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

const isPageList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n > 0);
const isMatch = (m: unknown): m is PageMatch => {
  const r = m as Partial<PageMatch> | null;
  return (
    typeof r === 'object' && r !== null && ['bsn', 'iban', 'telefoon', 'email'].includes(r.kind as string) && Number.isInteger(r.page) &&
    typeof r.text === 'string' && typeof r.normalized === 'string' && typeof r.masked === 'string'
  );
};

/**
 * The sha256 of every file with a summary in the cache (one look at the folder instead of a failed open
 * per new file); `folder`: whether the text folder was there at all.
 */
export async function cachedFiles(dir: string): Promise<{ files: Set<string>; folder: boolean }> {
  let names: string[];
  try {
    names = await readdir(path.join(dir, TEXT_FOLDER));
  } catch {
    return { files: new Set(), folder: false };
  }
  return { files: new Set(names.filter((n) => n.endsWith('.samenvatting.json')).map((n) => n.slice(0, -'.samenvatting.json'.length))), folder: true };
}

/** `listed`: what cachedFiles() found, when asked before. */
export async function readCachedSummary(dir: string, sha256: string, listed?: Set<string>): Promise<TextSummary | undefined> {
  if (listed && !listed.has(sha256)) return undefined;
  const d = await readJson(fileFor(dir, sha256, 'samenvatting'), sha256);
  if (!d || !Number.isInteger(d.pageCount) || !isPageList(d.empty) || !Array.isArray(d.matches) || !d.matches.every(isMatch)) return undefined;
  return { pageCount: d.pageCount as number, heading: typeof d.heading === 'string' ? d.heading : undefined, empty: d.empty, matches: d.matches, truncated: d.truncated === true };
}

export async function readCachedPages(dir: string, sha256: string): Promise<string[] | undefined> {
  const d = await readJson(fileFor(dir, sha256, 'tekst'), sha256);
  return Array.isArray(d?.pages) && d.pages.every((p) => typeof p === 'string') ? (d.pages as string[]) : undefined;
}

/** Folders this thread has made (or found) already: a lint writes many entries. */
const made = new Set<string>();

/**
 * Written beside and renamed into place, so a reader never sees half a file. Failing to cache is not an
 * error. Synchronous: the text thread writes its entries when no file is waiting for it (text-worker.ts),
 * and each is done when the call returns, so nothing is left to wait for when it is asked to end (an
 * asynchronous write only got on between the files it read, and the lint waited for the last ones at its end).
 */
function writeJson(dir: string, file: string, data: object, again = true): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const folder = path.dirname(file);
  const known = made.has(folder);
  try {
    if (!known) {
      ensureCacheDirSync(dir);
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
    // The folder may have gone meanwhile (a user emptying the cache): made again, once.
    made.delete(folder);
    if (known && again) writeJson(dir, file, data, false);
  }
}

/** The summary, and the text when given (it is written only when the body's own patterns need it). */
export function writeCached(dir: string, sha256: string, summary: TextSummary, pages?: readonly string[]): void {
  if (pages) writeJson(dir, fileFor(dir, sha256, 'tekst'), { versie: VERSION, sha256, pages });
  writeJson(dir, fileFor(dir, sha256, 'samenvatting'), { versie: VERSION, sha256, ...summary });
}
