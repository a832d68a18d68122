// The outline of the bundle's structure tree: the agenda, then per agenda item with pages in the
// bundle one element holding one per document, in bundle order. Read from the item entries, like
// the bookmarks; a document printed at another item appears only where it is printed.

import type { DocumentStructure, StructureNode } from '../assemble/structure.js';
import { titleOf } from './bookmarks.js';
import { shownDocuments, type ItemEntry } from './entries.js';
import type { Part, Plan } from './plan.js';

export function structureOutline(entries: readonly ItemEntry[], plan: Plan, tags: ReadonlyMap<Part, DocumentStructure>, first = 'Agenda'): StructureNode[] {
  const nodes: StructureNode[] = [{ title: first, document: tags.get(plan.parts[0]) }];
  const placed = new Set<Part>();
  for (const entry of entries) {
    const children: StructureNode[] = [];
    for (const d of shownDocuments(entry)) {
      // Printed, withheld or still to come (a concept's placeholder page): each has pages of its own.
      if ((d.status !== 'opgenomen' && d.status !== 'weggelaten' && d.status !== 'volgt') || !d.part || placed.has(d.part)) continue;
      // Only what this output holds: the agenda alone (`--alleen-agenda`) has no documents.
      const document = tags.get(d.part);
      if (!document) continue;
      placed.add(d.part);
      children.push({ title: titleOf(d, entry.item), document });
    }
    if (children.length > 0) nodes.push({ title: `Agendapunt ${entry.item.nummer}: ${entry.onderwerp}`, children });
  }
  return nodes;
}
