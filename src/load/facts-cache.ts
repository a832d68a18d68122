// What lint learnt about an attachment PDF (page count, encryption, tags, warnings, repairs, PDF/A
// blockers, its title, which text-less pages show an image), kept on disk by the file's sha256 in the
// folder `feiten/` of the repository's cache, so a lint of unchanged files reads no PDF structure.
// Only clean answers are kept (no fatal problem, no password). An entry says which format and which
// bundel wrote it (version and the build of the code); anything else, or anything damaged, is a miss.

import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfaBlocker, PdfFacts, PdfProblem } from '../model/pdf-facts.js';
import { VERSION } from '../util/paths.js';
import { ensureCacheDir } from './text-cache.js';

const FACTS_FOLDER = 'feiten';
/** Raised when what is cached changes shape or means something else. */
const FORMAT = 1;

/**
 * The bundel that writes and reads entries: its version and, because the version does not change
 * with every build of the code, the size and time of the file this code was loaded from.
 */
const WRITER = ((): string => {
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    return `${VERSION}+${st.size}.${Math.round(st.mtimeMs)}`;
  } catch {
    return VERSION;
  }
})();

/** The facts that depend only on the file's bytes. */
export type CachedFacts = Pick<PdfFacts, 'encryption' | 'pageCount' | 'tagged' | 'pdfa' | 'warnings' | 'repaired'>;

export interface FactsEntry {
  facts: CachedFacts;
  /** The document's own title (not a placeholder), for the public bundle's checks. */
  title?: string;
  /** Of the text-less pages `pages`, those showing an image (scans), once the text was read. */
  scans?: { pages: number[]; result: number[] };
}

const fileFor = (dir: string, sha256: string): string => path.join(dir, FACTS_FOLDER, `${sha256}.json`);

const isString = (v: unknown): v is string => typeof v === 'string';
const isPageList = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n > 0);
const isProblem = (v: unknown): v is PdfProblem => {
  const p = v as Partial<PdfProblem> | null;
  return typeof p === 'object' && p !== null && isString(p.code) && isString(p.message) && (p.hint === undefined || isString(p.hint));
};
const isBlocker = (v: unknown): v is PdfaBlocker => {
  const b = v as Partial<PdfaBlocker> | null;
  return (
    typeof b === 'object' && b !== null && ['lettertype', 'transparantie', 'javascript', 'versleuteld'].includes(b.kind as string) &&
    (b.page === undefined || (Number.isInteger(b.page) && b.page > 0)) && (b.detail === undefined || isString(b.detail))
  );
};

function asFacts(v: unknown): CachedFacts | undefined {
  const f = v as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null) return undefined;
  if (!Number.isInteger(f.pageCount) || (f.pageCount as number) < 1) return undefined;
  if (!['none', 'owner', 'user'].includes(f.encryption as string)) return undefined;
  if (f.tagged !== undefined && typeof f.tagged !== 'boolean') return undefined;
  if (f.pdfa !== undefined && !(Array.isArray(f.pdfa) && f.pdfa.every(isBlocker))) return undefined;
  if (!Array.isArray(f.warnings) || !f.warnings.every(isProblem)) return undefined;
  if (f.repaired !== undefined && !isProblem(f.repaired)) return undefined;
  return {
    encryption: f.encryption as CachedFacts['encryption'],
    pageCount: f.pageCount as number,
    tagged: f.tagged as boolean | undefined,
    pdfa: f.pdfa as PdfaBlocker[] | undefined,
    warnings: f.warnings,
    repaired: f.repaired as PdfProblem | undefined,
  };
}

/** The entry for a file with this sha256, or undefined (none, damaged, another format or bundel). */
export async function readCachedFacts(dir: string, sha256: string): Promise<FactsEntry | undefined> {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(fileFor(dir, sha256), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || data.formaat !== FORMAT || data.bundel !== WRITER || data.sha256 !== sha256) return undefined;
  const facts = asFacts(data.facts);
  if (!facts) return undefined;
  if (data.title !== undefined && !isString(data.title)) return undefined;
  const scans = data.scans as FactsEntry['scans'] | undefined;
  const scansOk = scans === undefined || (typeof scans === 'object' && scans !== null && isPageList(scans.pages) && isPageList(scans.result));
  return { facts, title: data.title as string | undefined, scans: scansOk ? scans : undefined };
}

/** The facts worth keeping: only a clean answer (no fatal problem) is. */
export function cacheableFacts(facts: PdfFacts): CachedFacts | undefined {
  if (facts.problem || facts.pathProblem || facts.pageCount === undefined || facts.encryption === undefined) return undefined;
  const { encryption, pageCount, tagged, pdfa, warnings, repaired } = facts;
  return { encryption, pageCount, tagged, pdfa, warnings, repaired };
}

/** Written beside and renamed into place, so a reader never sees half a file. Failing to cache is not an error. */
export async function writeCachedFacts(dir: string, sha256: string, entry: FactsEntry): Promise<void> {
  const file = fileFor(dir, sha256);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await ensureCacheDir(dir);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, JSON.stringify({ formaat: FORMAT, bundel: WRITER, sha256, ...entry }));
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}
