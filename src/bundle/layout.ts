// Lay out the agenda, the memos and the withheld placeholders in one pass, in bundle order: the
// attachments' page counts are known, so each memo is laid out with its final page numbers right
// after a count of its own length (Typst reuses that layout, so the second compile is cheap); the
// agenda is counted first and laid out last. Only when the agenda's length changes are the memos
// laid out again (page numbers can change a memo's or the agenda's length).

import type { Diagnostic } from '../model/diagnostic.js';
import { BUILD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import { BundelError } from '../model/errors.js';
import type { Meeting } from '../model/meeting.js';
import type { AsyncRenderer } from '../render/pool.js';
import type { AgendaInput, MemoInput, RenderedPdf } from '../render/types.js';
import { itemEntries, itemEntry, type ItemEntry, type Pages } from './entries.js';
import type { LateMarks } from './late-marks.js';
import type { Part, Plan } from './plan.js';
import { agendaInput, memoInput, withheldInput } from './render-inputs.js';

/** Layouts of one document (or rounds of the whole) when page numbers keep changing its length. */
const MAX_LAYOUT_ROUNDS = 4;

export interface Layout {
  rendered: Map<Part, RenderedPdf>;
  pages: Pages;
}

/** What the agenda part and the memos are laid out from (a supplement gives its cover and page prefix). */
export interface LayoutInputs {
  agenda(entries: readonly ItemEntry[]): AgendaInput;
  memo(entry: ItemEntry): MemoInput;
  /**
   * Resolves once the page counts of `parts[0..end)` are known (an early layout, started while the
   * attachments are still being read); absent: they are known.
   */
  counted?(end: number): Promise<void>;
  /**
   * While a memo is laid out with its numbers, ask already for the next memo's count as it will be
   * asked if this memo keeps its length: one turn of this thread per memo instead of two. Only with a
   * renderer that remembers its answers (early-layout.ts), so the count asked for again is not made twice.
   */
  lookAhead?: boolean;
}

export function defaultInputs(meeting: Meeting, plan: Plan, openbaar: boolean, late?: (entries: readonly ItemEntry[]) => LateMarks): LayoutInputs {
  return {
    agenda: (entries) => agendaInput(meeting, entries, { openbaar, hasConfidential: plan.hasConfidential, concept: plan.concept, late: late?.(entries) }),
    memo: (entry) => memoInput(meeting, entry),
  };
}

type MemoPart = Extract<Part, { kind: 'memo' }>;

export async function renderLayout(meeting: Meeting, plan: Plan, renderer: AsyncRenderer, inputs: LayoutInputs): Promise<Layout> {
  const parts = plan.parts;
  const rendered = new Map<Part, RenderedPdf>();
  const counts = new Map<Part, number>();
  const attempt = async (part: Part, job: () => Promise<RenderedPdf>): Promise<RenderedPdf> => {
    try {
      return await job();
    } catch (err) {
      throw layoutFailure(meeting, part, err);
    }
  };

  // The placeholders and the agenda's length (without page numbers), asked for at once; every job is
  // awaited, also after one failed: none may reject unobserved. The first failure in bundle order wins.
  const unnumbered = itemEntries(meeting, plan, undefined);
  const first = parts.map((part): Promise<RenderedPdf> | undefined => {
    if (part.kind === 'agenda') return renderer.renderAgenda(inputs.agenda(unnumbered), { countOnly: true });
    if (part.kind === 'withheld' || part.kind === 'volgt') return renderer.renderWithheld(withheldInput(meeting, part));
    return undefined;
  });
  const settled = await Promise.allSettled(first.map((job) => job ?? Promise.resolve(undefined)));
  for (const [i, result] of settled.entries()) {
    if (result.status === 'rejected') throw layoutFailure(meeting, parts[i], result.reason);
    if (!result.value) continue;
    counts.set(parts[i], result.value.pageCount);
    if (parts[i].kind !== 'agenda') rendered.set(parts[i], result.value);
  }

  // Pages are worked out from the front as the lengths become known. A memo's page numbers depend
  // only on the parts before its next memo (its attachments follow it; a shared file was earlier).
  const pages: Pages = new Map();
  const paginateRange = (from: number, to: number, into: Pages = pages): void => {
    let next = from === 0 ? 1 : into.get(parts[from - 1])!.last + 1;
    for (let i = from; i < to; i++) {
      // A memo not counted yet is taken as one page: only its own page numbers depend on its length.
      const n = parts[i].kind === 'bijlage' ? (parts[i] as Extract<Part, { kind: 'bijlage' }>).pageCount : (counts.get(parts[i]) ?? 1);
      into.set(parts[i], { first: next, last: next + n - 1 });
      next += n;
    }
  };
  const memoIndices = parts.flatMap((p, i) => (p.kind === 'memo' ? [i] : []));
  const laidOutFrom = new Map<Part, string>();
  /** Asks for the count of the memo at `index` (up to `end`) with the pages as they stand now, on a copy of them. */
  const countAhead = async (index: number, end: number): Promise<void> => {
    await inputs.counted?.(end);
    const part = parts[index] as MemoPart;
    if (counts.has(part)) return;
    const trial: Pages = new Map(pages);
    paginateRange(index, end, trial);
    renderer.renderMemo(inputs.memo(itemEntry(part.item, plan, trial)), { countOnly: true }).catch(() => {});
  };
  /** Lays out the memo at `index` with its final page numbers; `end`: the next memo's index. */
  const layOutMemo = async (index: number, end: number, next?: { index: number; end: number }): Promise<void> => {
    const part = parts[index] as MemoPart;
    await inputs.counted?.(end);
    const inputAt = (): MemoInput => {
      paginateRange(index, end);
      return inputs.memo(itemEntry(part.item, plan, pages));
    };
    if (!counts.has(part)) counts.set(part, (await attempt(part, () => renderer.renderMemo(inputAt(), { countOnly: true }))).pageCount);
    for (let round = 0; round < MAX_LAYOUT_ROUNDS; round++) {
      const input = inputAt();
      const key = JSON.stringify(input);
      // Laid out already with exactly these numbers (the agenda changed length, this memo did not move).
      if (laidOutFrom.get(part) === key) return;
      const job = renderer.renderMemo(input);
      if (inputs.lookAhead && next && round === 0) void countAhead(next.index, next.end).catch(() => {});
      const out = await attempt(part, () => job);
      rendered.set(part, out);
      laidOutFrom.set(part, key);
      const changed = out.pageCount !== counts.get(part);
      counts.set(part, out.pageCount);
      if (!changed) break;
    }
    paginateRange(index, end);
  };

  const agenda = parts.find((p) => p.kind === 'agenda');
  for (let round = 0; round < MAX_LAYOUT_ROUNDS; round++) {
    await inputs.counted?.(memoIndices[0] ?? parts.length);
    paginateRange(0, memoIndices[0] ?? parts.length);
    for (const [n, index] of memoIndices.entries()) {
      const end = memoIndices[n + 1] ?? parts.length;
      await layOutMemo(index, end, n + 1 < memoIndices.length ? { index: end, end: memoIndices[n + 2] ?? parts.length } : undefined);
    }
    if (!agenda) break;
    await inputs.counted?.(parts.length);
    const out = await attempt(agenda, () => renderer.renderAgenda(inputs.agenda(itemEntries(meeting, plan, pages))));
    rendered.set(agenda, out);
    const changed = out.pageCount !== counts.get(agenda);
    counts.set(agenda, out.pageCount);
    if (!changed) break;
  }
  // Also when the rounds ran out: the pages as the documents came out.
  await inputs.counted?.(parts.length);
  paginateRange(0, parts.length);
  return { rendered, pages };
}

/** A layout that failed, as a Dutch error naming the file to look at: bundel.yaml for the logo, else the item or the meeting. */
function layoutFailure(meeting: Meeting, part: Part, reason: unknown): BundelError {
  const message = reason instanceof Error ? reason.message : String(reason);
  // The layouts load the logo (mapped in as `logo-<hash>.<ext>`) and the images of a memo's text
  // (`img-<hash>.<ext>`), named by the renderer when it cannot read them; Typst says "failed to
  // decode image" or "failed to parse SVG", without the name: a memo with images of its own blames those.
  const imageWords = /\bimage\b|\bSVG\b/i.test(message);
  const namesLogo = /logo-[0-9a-f]{16}\.|het logo /i.test(message);
  const ownImages = part.kind === 'memo' && part.item.images.some((i) => !i.problem);
  const textImage = /img-[0-9a-f]{16}\.|de afbeelding /i.test(message) || (ownImages && imageWords && !namesLogo);
  const logo = !textImage && meeting.config.logo !== undefined && (namesLogo || imageWords);
  const file = logo ? (meeting.config.file ?? 'bundel.yaml') : part.kind === 'memo' || part.kind === 'withheld' ? part.item.file : meeting.vergadering.file;
  return new BundelError('opmaak-mislukt', `De opmaak is mislukt. ${message.charAt(0).toUpperCase()}${message.slice(1)}`, {
    file,
    hint: logo
      ? 'Het logo kan niet worden gebruikt: sla het opnieuw op als PNG, JPEG of SVG (bijvoorbeeld vanuit een tekenprogramma) en verwijs daarnaar in bundel.yaml.'
      : textImage
        ? 'Een afbeelding in de tekst kan niet worden gebruikt: sla haar opnieuw op als PNG, JPEG of SVG (bijvoorbeeld vanuit een tekenprogramma) en verwijs daarnaar.'
        : 'Controleer de tekst van dit bestand op ongewone tekens of opmaak; blijft het mislukken, meld het dan bij de beheerders van bundel.',
    cause: reason,
  });
}

/** A warning per rendered document with characters the shipped font cannot draw. */
export function missingGlyphDiagnostics(meeting: Meeting, rendered: ReadonlyMap<Part, RenderedPdf>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [part, r] of rendered) {
    if (!r.missingGlyphs?.length) continue;
    out.push({
      file: part.kind === 'memo' || part.kind === 'withheld' || part.kind === 'volgt' ? part.item.file : meeting.vergadering.file,
      rule: BUILD_DIAGNOSTICS.tekensOntbreken.id,
      severity: 'warning',
      message: `Deze tekens staan niet in het lettertype en worden als leeg vakje gedrukt: ${r.missingGlyphs.map((c) => `\`${c}\``).join(' ')}.`,
      hint: 'Vervang ze door gewone tekens (bijvoorbeeld een streepje of een opsommingsteken in Markdown).',
    });
  }
  return out;
}
