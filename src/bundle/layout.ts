// Lay out the agenda, the memos and the withheld placeholders: once to count pages, then with page
// numbers until the counts settle (page numbers can change the agenda's or a memo's length).

import type { Diagnostic } from '../model/diagnostic.js';
import { BUILD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import { BundelError } from '../model/errors.js';
import type { Meeting } from '../model/meeting.js';
import type { AsyncRenderer } from '../render/pool.js';
import type { AgendaInput, MemoInput, RenderedPdf } from '../render/types.js';
import { itemEntries, type ItemEntry, type Pages } from './entries.js';
import type { LateMarks } from './late-marks.js';
import { paginate, type Part, type Plan } from './plan.js';
import { agendaInput, memoInput, withheldInput } from './render-inputs.js';

/** Re-layout rounds when page numbers change the agenda's or a memo's length. */
const MAX_LAYOUT_ROUNDS = 4;

export interface Layout {
  rendered: Map<Part, RenderedPdf>;
  pages: Pages;
}

/** What the agenda part and the memos are laid out from (a supplement gives its cover and page prefix). */
export interface LayoutInputs {
  agenda(entries: readonly ItemEntry[]): AgendaInput;
  memo(entry: ItemEntry): MemoInput;
}

export function defaultInputs(meeting: Meeting, plan: Plan, openbaar: boolean, late?: (entries: readonly ItemEntry[]) => LateMarks): LayoutInputs {
  return {
    agenda: (entries) => agendaInput(meeting, entries, { openbaar, hasConfidential: plan.hasConfidential, concept: plan.concept, late: late?.(entries) }),
    memo: (entry) => memoInput(meeting, entry),
  };
}

export async function renderLayout(meeting: Meeting, plan: Plan, renderer: AsyncRenderer, inputs: LayoutInputs): Promise<Layout> {
  const rendered = new Map<Part, RenderedPdf>();
  const renderAll = async (pages: Pages | undefined): Promise<boolean> => {
    // Without page numbers this pass only counts pages: no PDF is made.
    const countOnly = pages === undefined;
    const entries = itemEntries(meeting, plan, pages);
    const entryOf = new Map(entries.map((e) => [e.item, e]));
    const jobs = plan.parts.map((part): Promise<RenderedPdf> | undefined => {
      if (part.kind === 'agenda') return renderer.renderAgenda(inputs.agenda(entries), { countOnly });
      if (part.kind === 'memo') return renderer.renderMemo(inputs.memo(entryOf.get(part.item)!), { countOnly });
      if ((part.kind === 'withheld' || part.kind === 'volgt') && !rendered.has(part)) return renderer.renderWithheld(withheldInput(meeting, part));
      return undefined;
    });
    // Every job is awaited, also after one failed: none may reject unobserved.
    const settled = await Promise.allSettled(jobs.map((job) => job ?? Promise.resolve(undefined)));
    let changed = false;
    for (const [i, result] of settled.entries()) {
      const part = plan.parts[i];
      if (result.status === 'rejected') throw layoutFailure(meeting, part, result.reason);
      const out = result.value;
      if (!out) continue;
      if (rendered.get(part)?.pageCount !== out.pageCount) changed = true;
      rendered.set(part, out);
    }
    return changed;
  };
  const countOf = (part: Part): number => (part.kind === 'bijlage' ? part.pageCount : rendered.get(part)!.pageCount);
  await renderAll(undefined);
  let pages = paginate(plan.parts, countOf);
  for (let round = 0; round < MAX_LAYOUT_ROUNDS; round++) {
    const changed = await renderAll(pages);
    if (!changed) break;
    pages = paginate(plan.parts, countOf);
  }
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
