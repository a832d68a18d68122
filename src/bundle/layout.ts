// Lay out the agenda, the memos and the withheld placeholders: once to count pages, then with page
// numbers until the counts settle (page numbers can change the agenda's or a memo's length).

import type { Diagnostic } from '../model/diagnostic.js';
import { BUILD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import type { Meeting } from '../model/meeting.js';
import type { AsyncRenderer } from '../render/pool.js';
import type { RenderedPdf } from '../render/types.js';
import { itemEntries, type Pages } from './entries.js';
import { paginate, type Part, type Plan } from './plan.js';
import { agendaInput, memoInput, withheldInput } from './render-inputs.js';

/** Re-layout rounds when page numbers change the agenda's or a memo's length. */
const MAX_LAYOUT_ROUNDS = 4;

export interface Layout {
  rendered: Map<Part, RenderedPdf>;
  pages: Pages;
}

export async function renderLayout(meeting: Meeting, plan: Plan, renderer: AsyncRenderer, openbaar: boolean): Promise<Layout> {
  const rendered = new Map<Part, RenderedPdf>();
  const renderAll = async (pages: Pages | undefined): Promise<boolean> => {
    // Without page numbers this pass only counts pages: no PDF is made.
    const countOnly = pages === undefined;
    const entries = itemEntries(meeting, plan, pages);
    const entryOf = new Map(entries.map((e) => [e.item, e]));
    const jobs = plan.parts.map((part): Promise<RenderedPdf> | undefined => {
      if (part.kind === 'agenda') return renderer.renderAgenda(agendaInput(meeting, entries, { openbaar, hasConfidential: plan.hasConfidential }), { countOnly });
      if (part.kind === 'memo') return renderer.renderMemo(memoInput(meeting, entryOf.get(part.item)!), { countOnly });
      if (part.kind === 'withheld' && !rendered.has(part)) return renderer.renderWithheld(withheldInput(meeting, part));
      return undefined;
    });
    let changed = false;
    for (const [i, job] of jobs.entries()) {
      if (!job) continue;
      const out = await job;
      const part = plan.parts[i];
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

/** A warning per rendered document with characters the shipped font cannot draw. */
export function missingGlyphDiagnostics(meeting: Meeting, rendered: ReadonlyMap<Part, RenderedPdf>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [part, r] of rendered) {
    if (!r.missingGlyphs?.length) continue;
    out.push({
      file: part.kind === 'memo' || part.kind === 'withheld' ? part.item.file : meeting.vergadering.file,
      rule: BUILD_DIAGNOSTICS.tekensOntbreken.id,
      severity: 'warning',
      message: `Deze tekens staan niet in het lettertype en worden als leeg vakje gedrukt: ${r.missingGlyphs.map((c) => `\`${c}\``).join(' ')}.`,
      hint: 'Vervang ze door gewone tekens (bijvoorbeeld een streepje of een opsommingsteken in Markdown).',
    });
  }
  return out;
}
