// Laying out before the attachments are read: as soon as the items are known, the memos are laid out
// on the layout thread with a plan that guesses every attachment readable (and distinct files
// distinct), each memo once the page counts before it have come in. The build's own layout, run
// after the checks with the real plan, asks the same renderer again: every layout asked for with
// the same data is answered from what the early one made, so only what the guess got wrong is laid
// out again. The bundle is the same either way; the early layout only saves time.

import path from 'node:path';
import type { Agendapunt, Bijlage, BundelConfig, Meeting, Vergadering } from '../model/meeting.js';
import type { PdfFacts } from '../model/pdf-facts.js';
import { readRepoFile } from '../load/repo-file.js';
import { guessPageCount } from '../pdf/page-count-guess.js';
import { createLimiter, MAX_OPEN_FILES } from '../util/limit.js';
import { measureMarkdown, withinLimits } from '../validate/markdown-size.js';
import type { AsyncRenderer } from '../render/pool.js';
import type { RenderedPdf } from '../render/types.js';
import { defaultInputs, renderLayout } from './layout.js';
import { makePlan, type Part, type PlanOptions } from './plan.js';

/** Larger files are not read twice for a guess: their count is waited for. */
const MAX_GUESSED_BYTES = 64 * 1024 * 1024;

/**
 * The renderer with every answer kept by its request (kind, data and date): a layout asked for
 * twice is made once. Failures are kept too (the same data fails the same way).
 */
export function remembering(renderer: AsyncRenderer): AsyncRenderer {
  const answers = new Map<string, Promise<RenderedPdf>>();
  let date: number | undefined;
  const ask = (request: unknown[], make: () => Promise<RenderedPdf>): Promise<RenderedPdf> => {
    const key = JSON.stringify([date, ...request]);
    let answer = answers.get(key);
    if (!answer) {
      answer = make();
      answer.catch(() => {});
      answers.set(key, answer);
    }
    return answer;
  };
  return {
    renderAgenda: (input, o) => ask(['agenda', o?.countOnly ?? false, input], () => renderer.renderAgenda(input, o)),
    renderMemo: (input, o) => ask(['memo', o?.countOnly ?? false, input], () => renderer.renderMemo(input, o)),
    renderWithheld: (input) => ask(['withheld', input], () => renderer.renderWithheld(input)),
    setCreationDate: (d) => {
      date = d?.getTime();
      renderer.setCreationDate(d);
    },
    close: () => renderer.close(),
  };
}

export interface EarlyLayout {
  /** No more layouts asked for (the build's own layout takes over, or the build stopped). */
  stop(): void;
  /** Resolves when the early layout has finished or given up (it never rejects). */
  settled: Promise<void>;
}

/**
 * Starts laying out the items as read (`items`), with `renderer` (a remembering one); `facts`
 * resolves when a bijlage's file has been read. Whatever fails here is left for the real layout to find.
 */
export function startEarlyLayout(
  config: BundelConfig,
  vergadering: Vergadering,
  items: Agendapunt[],
  facts: (bijlage: Bijlage) => Promise<PdfFacts | undefined>,
  renderer: AsyncRenderer,
  options: PlanOptions & { openbaar: boolean },
): EarlyLayout {
  let stopped = false;
  const stop = (): Promise<never> => Promise.reject(new Error('vervroegde opmaak gestopt'));
  const guarded: AsyncRenderer = {
    renderAgenda: (input, o) => (stopped ? stop() : renderer.renderAgenda(input, o)),
    renderMemo: (input, o) => (stopped ? stop() : renderer.renderMemo(input, o)),
    renderWithheld: (input) => (stopped ? stop() : renderer.renderWithheld(input)),
    setCreationDate: () => {},
    close: async () => {},
  };
  // A concept leaves out the items that could not be read, as the build does.
  const shown = options.concept || options.agendaOnly ? items.filter((item) => item.parsed) : items;
  // A text too large to lay out is refused by the checks; nothing may touch it before they have run.
  if (shown.some((item) => !withinLimits(measureMarkdown(item.body)))) return { stop: () => {}, settled: Promise.resolve() };
  // Not sent yet, as far as is known: the agenda's marks of late documents wait for the real layout.
  const meeting: Meeting = { config, vergadering, items: shown, loadDiagnostics: [], verzonden: [] };
  const guess = (item: Agendapunt, bijlage: Bijlage): PdfFacts | undefined => {
    if (bijlage.bestand === undefined) return undefined;
    const file = path.resolve(path.dirname(item.absFile), bijlage.bestand);
    // The same path is the same file; the page count is filled in when it is known.
    return { path: file, relPath: file, exists: true, sha256: `pad:${file}`, pageCount: 0, warnings: [] };
  };
  const owner = new Map(shown.flatMap((item) => item.bijlagen.map((b) => [b, item] as const)));
  const plan = makePlan(meeting, options, (b) => guess(owner.get(b)!, b));
  // Every file's page count guessed from its bytes at once (a few milliseconds per megabyte), so the
  // memos need not wait for the checks; where there is no guess, the checked count is waited for.
  const limit = createLimiter(MAX_OPEN_FILES);
  const guesses = new Map<string, Promise<number | undefined>>();
  for (const part of plan.parts) {
    if (part.kind !== 'bijlage' || guesses.has(part.path)) continue;
    const read = limit(() => readRepoFile(part.path, vergadering.dir, MAX_GUESSED_BYTES, ''));
    guesses.set(part.path, read.then((r) => (r.ok ? guessPageCount(r.bytes) : undefined), () => undefined));
  }
  // The counts are filled in front to back, one part after the other, however many ask at once.
  let known = 0;
  let filled = Promise.resolve();
  const counted = (end: number): Promise<void> => {
    for (; known < end; known++) {
      const part: Part = plan.parts[known];
      if (part.kind !== 'bijlage') continue;
      filled = filled.then(async () => {
        part.pageCount = (await guesses.get(part.path)) ?? (await facts(part.bijlage))?.pageCount ?? 1;
      });
    }
    return filled;
  };
  const inputs = { ...defaultInputs(meeting, plan, options.openbaar), counted, lookAhead: true };
  const settled = renderLayout(meeting, plan, guarded, inputs).then(
    () => {},
    () => {},
  );
  return {
    stop: () => {
      stopped = true;
    },
    settled,
  };
}
