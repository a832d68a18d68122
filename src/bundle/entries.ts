// A placement interpreted once: per agenda item, the documents it shows (its own memo or withheld
// page, then its attachments) with label, title, status and bundle pages. The agenda, the memos,
// the outline and the index all read these entries; none of them looks at a Placement itself.

import { hasMemo, type Agendapunt, type Bijlage, type Meeting } from '../model/meeting.js';
import type { Part, Plan } from './plan.js';

export type Pages = Map<Part, { first: number; last: number }>;

/**
 * - `opgenomen`: printed here;
 * - `eerder-opgenomen`: the same file is printed at another item (`seeItem`);
 * - `weggelaten`: withheld from a public bundle, a placeholder page is printed;
 * - `ter-inzage`: not in the bundle, can be seen at `plaats`;
 * - `volgt`: a concept's placeholder page for a bijlage that is missing or cannot be read.
 */
export type DocumentStatus = 'opgenomen' | 'eerder-opgenomen' | 'weggelaten' | 'ter-inzage' | 'volgt';

export interface DocumentEntry {
  /** `voorstel`: the item's memo; `agendapunt`: the placeholder of a withheld item; `bijlage`: an attachment. */
  kind: 'voorstel' | 'agendapunt' | 'bijlage';
  /** "Voorstel", "Agendapunt", "Bijlage 2"; absent for the documents of a `stukken` item. */
  label?: string;
  titel: string;
  status: DocumentStatus;
  /** The attachment (kind `bijlage`). */
  bijlage?: Bijlage;
  /** Where the pages are (absent for `ter-inzage`). */
  part?: Part;
  /** Bundle pages, once known (absent in the first layout pass and for `ter-inzage`). */
  first?: number;
  last?: number;
  /** For `eerder-opgenomen`: the item where the file is printed. */
  seeItem?: Agendapunt;
  /** For `ter-inzage`: where. */
  plaats?: string;
  /** A confidential bijlage of an item that is not, shown in full (the members' bundle): marked wherever it is listed. */
  vertrouwelijk?: boolean;
}

/**
 * What a public bundle says of a withheld attachment instead of its title: the title of a
 * confidential document can itself be confidential ("Ontslag directeur X").
 */
export const WITHHELD_TITLE = 'Vertrouwelijk stuk';

/** What everything public calls a withheld item: its `openbare_titel`, else its onderwerp. */
export const publicSubject = (item: Agendapunt): string => item.openbareTitel ?? item.onderwerp;

/** What everything public calls a withheld bijlage: its `openbare_titel`, else "Vertrouwelijk stuk". */
export const publicBijlageTitle = (bijlage: Bijlage): string => bijlage.openbareTitel ?? WITHHELD_TITLE;

export interface ItemEntry {
  item: Agendapunt;
  /** The whole item is withheld (public bundle, vertrouwelijk item): only its placeholder is shown. */
  withheld: boolean;
  /** The subject as this bundle shows it: of a withheld item, its public title. */
  onderwerp: string;
  /** Own page first (memo or placeholder), then the attachments in order; missing attachments are left out. */
  documents: DocumentEntry[];
}

/** "Voorstel" or "Memo": what the item's own document is. */
export const memoLabel = (item: Agendapunt): string => (item.soort === 'memo' ? 'Memo' : 'Voorstel');

/** The memo's own title (`titel:`, "memo lobby 5 maart"), else the item's onderwerp. */
export const memoTitle = (item: Agendapunt): string => item.titel ?? item.onderwerp;

/** How an attachment is labelled: "Bijlage N" in a voorstel, nothing for a `stukken` item's documents. */
export function documentLabel(item: Agendapunt, bijlage: Bijlage): string | undefined {
  return hasMemo(item.soort) ? `Bijlage ${bijlage.nummer}` : undefined;
}

export function itemEntries(meeting: Meeting, plan: Plan, pages?: Pages): ItemEntry[] {
  return meeting.items.map((item) => itemEntry(item, plan, pages));
}

/** One item's entry (the layout asks for one memo's at a time). */
export function itemEntry(item: Agendapunt, plan: Plan, pages?: Pages): ItemEntry {
  const at = (part: Part | undefined): { part?: Part; first?: number; last?: number } => (part ? { part, first: pages?.get(part)?.first, last: pages?.get(part)?.last } : {});
  const documents: DocumentEntry[] = [];
  const own = plan.itemPart.get(item);
  if (own?.kind === 'memo') documents.push({ kind: 'voorstel', label: memoLabel(item), titel: memoTitle(item), status: 'opgenomen', ...at(own) });
  if (own?.kind === 'withheld') documents.push({ kind: 'agendapunt', label: 'Agendapunt', titel: publicSubject(item), status: 'weggelaten', ...at(own) });
  for (const bijlage of item.bijlagen) {
    const placement = plan.placements.get(bijlage);
    if (!placement || placement.status === 'ontbreekt') continue;
    // Withheld, it is marked by its status; shown in full (members), by `vertrouwelijk` (of a
    // confidential item, the item is marked instead).
    const shown = bijlage.vertrouwelijk && !item.vertrouwelijk && placement.status !== 'weggelaten' ? { vertrouwelijk: true } : {};
    const base = { kind: 'bijlage' as const, label: documentLabel(item, bijlage), titel: bijlage.titel, bijlage, ...shown };
    if (placement.status === 'ter-inzage') documents.push({ ...base, status: 'ter-inzage', plaats: bijlage.terInzage });
    else if (placement.status === 'eerder-opgenomen') documents.push({ ...base, status: 'eerder-opgenomen', seeItem: placement.firstItem, ...at(placement.part) });
    else if (placement.status === 'volgt') documents.push({ ...base, status: 'volgt', ...at(placement.part) });
    else if (placement.status === 'weggelaten') documents.push({ ...base, titel: publicBijlageTitle(bijlage), status: 'weggelaten', ...at(placement.part) });
    else documents.push({ ...base, status: placement.status, ...at(placement.part) });
  }
  const withheld = plan.withheldItems.has(item);
  return { item, withheld, onderwerp: withheld ? publicSubject(item) : item.onderwerp, documents };
}

/** What the agenda, the outline and a memo list: a withheld item shows its placeholder only. */
export function shownDocuments(entry: ItemEntry): DocumentEntry[] {
  return entry.withheld ? entry.documents.filter((d) => d.kind !== 'bijlage') : entry.documents;
}
