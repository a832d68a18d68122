// What the text thread does with one file (text-worker.ts), or this thread for tests of the TypeScript
// sources (text-reader.ts): read its text — a job the fast reader prepared from the parsed document,
// or the file's bytes with pdfjs —, run the personal-data detectors over the pages, and cache both.
// Only the summary (and the text, when the body's own patterns need it) goes back.

import type { TextJob } from '../pdf/fast-text/job.js';
import { readTextJob } from '../pdf/fast-text/job.js';
import { extractText, type ExtractedText } from '../pdf/text.js';
import { findOnPages } from '../util/personal-data.js';
import { writeCached, type TextSummary } from './text-cache.js';

interface Common {
  /** Stop after this many milliseconds. */
  budgetMs: number;
  maxChars: number;
  /** Where to cache what was read, by the file's sha256. */
  cache?: { dir: string; sha256: string };
  /** Send the text of the pages back. */
  keepPages: boolean;
}

export type TextRequest = Common & ({ kind: 'fast'; job: TextJob } | { kind: 'pdfjs'; bytes: Uint8Array; password?: string });

export type TextResult =
  | { ok: true; summary: TextSummary; pages?: string[] }
  /** The fast reader declined the file: read it with pdfjs. */
  | { ok: false; reason: 'pdfjs'; detail: string }
  | { ok: false; reason: 'tijd' | 'geheugen' | 'onleesbaar'; detail?: string };

const firstLine = (err: unknown): string => ((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '').trim();

/**
 * `later`: where the cache write goes when the caller does it after answering (the text thread,
 * text-worker.ts); without it the entry is written here.
 */
function summarise(text: ExtractedText, request: Common, later?: (() => void)[]): TextResult {
  const { pages, heading, stopped } = text;
  if (stopped === 'tijd') return { ok: false, reason: 'tijd' };
  const summary: TextSummary = {
    pageCount: pages.length,
    heading,
    empty: pages.flatMap((t, i) => (t.trim() === '' ? [i + 1] : [])),
    matches: findOnPages(pages),
    truncated: stopped === 'tekst',
  };
  // The text itself is cached only when it is wanted (the body's own patterns): a lint without them
  // writes the small summary alone, and a later run with patterns reads the file again.
  const cache = request.cache;
  if (cache) {
    const write = (): void => writeCached(cache.dir, cache.sha256, summary, request.keepPages ? pages : undefined);
    if (later) later.push(write);
    else write();
  }
  return { ok: true, summary, pages: request.keepPages ? pages : undefined };
}

export async function handleTextRequest(request: TextRequest, later?: (() => void)[]): Promise<TextResult> {
  if (request.kind === 'fast') {
    const fast = readTextJob(request.job, { budgetMs: request.budgetMs, maxChars: request.maxChars });
    return fast.ok ? summarise(fast.text, request, later) : { ok: false, reason: 'pdfjs', detail: fast.reason };
  }
  let text: ExtractedText;
  try {
    text = await extractText(request.bytes, { password: request.password, budgetMs: request.budgetMs, maxChars: request.maxChars });
  } catch (err) {
    return { ok: false, reason: 'onleesbaar', detail: firstLine(err) };
  }
  return summarise(text, request, later);
}
