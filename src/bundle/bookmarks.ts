// The bundle's bookmarks: Agenda, then per item its documents, with each attachment's own bookmarks
// underneath (shifted to its pages in the bundle).

import type { OutlineNode } from '../assemble/outline.js';
import type { Agendapunt } from '../model/meeting.js';
import { shownDocuments, type ItemEntry, type Pages } from './entries.js';
import type { Part, Plan } from './plan.js';

const shift = (list: readonly OutlineNode[], by: number): OutlineNode[] => list.map((n) => ({ title: n.title, pageIndex: n.pageIndex + by, children: shift(n.children, by) }));

/** How a document is named in the bookmarks and in the structure tree. */
export function titleOf(d: ReturnType<typeof shownDocuments>[number], item: Agendapunt): string {
  // "Voorstel", or the memo's own title when it has one ("memo lobby 5 maart").
  if (d.kind === 'voorstel') return item.titel ?? d.label ?? 'Voorstel';
  if (d.kind === 'agendapunt') return 'Vertrouwelijk, niet opgenomen';
  let title = d.label ? `${d.label}: ${d.titel}` : d.titel;
  if (d.status === 'eerder-opgenomen') title += ` (zie agendapunt ${d.seeItem!.nummer})`;
  if (d.status === 'weggelaten') title += ' (vertrouwelijk, niet opgenomen)';
  if (d.status === 'volgt') title += ' (volgt)';
  return title;
}

export function bundleOutline(entries: readonly ItemEntry[], plan: Plan, pages: Pages, ownOutlines: ReadonlyMap<Part, OutlineNode[]>, first = 'Agenda'): OutlineNode[] {
  const agenda = pages.get(plan.parts[0])!;
  const nodes: OutlineNode[] = [{ title: first, pageIndex: agenda.first - 1, children: [] }];
  for (const entry of entries) {
    const children: OutlineNode[] = [];
    for (const d of shownDocuments(entry)) {
      // Nothing to point at: ter inzage, or withheld without a placeholder page.
      if (d.first === undefined) continue;
      const pageIndex = d.first - 1;
      const own = d.kind === 'bijlage' && d.status === 'opgenomen' ? shift(ownOutlines.get(d.part!) ?? [], pageIndex) : [];
      children.push({ title: titleOf(d, entry.item), pageIndex, children: own });
    }
    if (children.length === 0) continue;
    nodes.push({ title: `${entry.item.nummer} ${entry.onderwerp}`, pageIndex: children[0].pageIndex, children, open: true });
  }
  return nodes;
}
