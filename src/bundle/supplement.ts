// The supplement ("nagezonden stukken"): only what is new or changed since the last sent version,
// behind a cover page that says per document why it is there and which pages of the sent bundle it
// replaces. Its pages are numbered "N-1 … N-k" (N its version), which no earlier bundle uses.

import type { Diagnostic } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import type { Meeting } from '../model/meeting.js';
import { pageRange, SENT_FOLDER, versionPrefix, type SentLocation } from '../model/sent.js';
import type { AgendaDocument, AgendaInput } from '../render/types.js';
import { dutchDate } from '../util/dutch-date.js';
import type { Change, Comparison, CurrentDocument } from '../validate/sent-changes.js';
import type { DocumentEntry, ItemEntry } from './entries.js';
import type { IndexNagezonden } from './index-data.js';
import type { Part, Plan } from './plan.js';
import type { LayoutInputs } from './layout.js';
import { agendaInput, memoInput } from './render-inputs.js';

/** Keep the agenda part (it becomes the cover) and the parts of the new and changed documents. */
export function supplementPlan(plan: Plan, comparison: Comparison): Plan {
  const keep = new Set<Part>([plan.parts[0]]);
  for (const change of comparison.changes) {
    if (change.reden === 'al-verzonden' || change.reden === 'ingetrokken') continue;
    const part = partOf(plan, change.document);
    if (part) keep.add(part);
  }
  return { ...plan, parts: plan.parts.filter((p) => keep.has(p)) };
}

function partOf(plan: Plan, doc: CurrentDocument): Part | undefined {
  if (!doc.bijlage) return plan.itemPart.get(doc.item);
  const placement = plan.placements.get(doc.bijlage);
  return placement && 'part' in placement ? placement.part : undefined;
}

/** The entry of a current document in the supplement (with its pages there, when it is printed). */
function entryOf(entries: readonly ItemEntry[], doc: CurrentDocument): DocumentEntry | undefined {
  const entry = entries.find((e) => e.item === doc.item);
  return entry?.documents.find((d) => (doc.bijlage ? d.bijlage === doc.bijlage : d.kind === 'voorstel'));
}

const where = (w: SentLocation): string => `${w.paginas.includes('–') ? "pagina's" : 'pagina'} ${w.paginas} van ${w.versie === 1 ? 'de bundel' : `nagezonden ${w.versie}`}`;

/** Why a document is in (or listed in) the supplement, as the cover page says it. */
export function reasonText(change: Change): string {
  switch (change.reden) {
    case 'nieuw-agendapunt':
      return 'nieuw agendapunt';
    case 'nieuw':
      return change.document.soort === 'bijlage' ? 'nieuwe bijlage' : 'nieuw stuk';
    case 'gewijzigd':
      return `gewijzigd — vervangt ${where(change.waar)}`;
    case 'al-verzonden':
      return `al verzonden — zie ${where(change.waar)}${change.vorige.label && change.vorige.label !== change.document.label ? ` (toen ${change.vorige.label})` : ''}; niet opnieuw bijgevoegd`;
    case 'ingetrokken':
      return `ingetrokken — ${where(change.waar)} vervalt`;
  }
}

export interface SupplementInfo {
  versie: number;
  comparison: Comparison;
}

/** The cover page: the agenda layout, headed "Nagezonden stukken", one row per change. */
export function coverInput(meeting: Meeting, entries: readonly ItemEntry[], info: SupplementInfo, openbaar: boolean): AgendaInput {
  const base = agendaInput(meeting, [], { openbaar, hasConfidential: false });
  const items = new Map<string, AgendaInput['items'][number]>();
  const itemFor = (nummer: string, onderwerp: string): AgendaInput['items'][number] => {
    let it = items.get(nummer);
    if (!it) items.set(nummer, (it = { nummer, onderwerp, soort: 'stukken', beslispunten: [], tekst: [], vertrouwelijk: false, documenten: [] }));
    return it;
  };
  for (const change of orderedChanges(meeting, info.comparison)) {
    const reden = reasonText(change);
    if (change.reden === 'ingetrokken') {
      const v = change.vorige;
      itemFor(v.agendapunt, v.onderwerp).documenten.push({ label: v.label, titel: v.titel, status: 'opgenomen', reden });
      continue;
    }
    const doc = change.document;
    const at = change.reden === 'al-verzonden' ? undefined : entryOf(entries, doc);
    const row: AgendaDocument = { label: doc.label, titel: doc.titel, pagina: at?.first, status: 'opgenomen', reden };
    const it = itemFor(doc.item.nummer, doc.item.onderwerp);
    it.vertrouwelijk ||= doc.item.vertrouwelijk && !openbaar;
    it.documenten.push(row);
  }
  const previous = info.comparison.versie;
  return {
    ...base,
    kop: 'Nagezonden stukken',
    ondertitel: `Bij de vergadering van ${dutchDate(meeting.vergadering.datum)} · versie ${info.versie}`,
    opmerking: `Deze stukken komen bij de bundel die op ${dutchDate(previous.verzonden)} is verzonden (versie ${previous.versie}). De paginanummers ${info.versie}-1, ${info.versie}-2 … horen bij deze nazending; een gewijzigd stuk komt in de plaats van de genoemde pagina's.${openbaar ? ' Openbare versie: vertrouwelijke stukken zijn niet opgenomen.' : ''}`,
    paginaVoorvoegsel: versionPrefix(info.versie),
    items: [...items.values()],
  };
}

/** Changes in agenda order: by the item's place in the meeting (withdrawn items of a removed item last). */
function orderedChanges(meeting: Meeting, comparison: Comparison): Change[] {
  const rank = (nummer: string): number => {
    const i = meeting.items.findIndex((it) => it.nummer === nummer);
    return i < 0 ? meeting.items.length : i;
  };
  const nummerOf = (c: Change): string => ('document' in c ? c.document.item.nummer : c.vorige.agendapunt);
  return comparison.changes.map((c, i) => ({ c, i })).sort((a, b) => rank(nummerOf(a.c)) - rank(nummerOf(b.c)) || a.i - b.i).map(({ c }) => c);
}

/** What the supplement's index says about each change. */
export function supplementIndex(meeting: Meeting, entries: readonly ItemEntry[], info: SupplementInfo): IndexNagezonden {
  const prefix = versionPrefix(info.versie);
  return {
    versie: info.versie,
    vorigeVersie: info.comparison.versie.versie,
    vorigeVerzonden: info.comparison.versie.verzonden,
    stukken: orderedChanges(meeting, info.comparison).map((change) => {
      const d = 'document' in change ? { agendapunt: change.document.item.nummer, label: change.document.label, titel: change.document.titel } : { agendapunt: change.vorige.agendapunt, label: change.vorige.label, titel: change.vorige.titel };
      const at = 'document' in change && change.reden !== 'al-verzonden' ? entryOf(entries, change.document) : undefined;
      return {
        ...d,
        reden: change.reden,
        toelichting: reasonText(change),
        paginas: at?.first !== undefined ? pageRange(at.first, at.last!, prefix) : undefined,
        eerstePagina: at?.first,
        laatstePagina: at?.last,
        vorige: 'waar' in change ? change.waar : undefined,
      };
    }),
  };
}

/** The cover instead of the agenda; memos print their bijlagen's pages as "2-5". */
export function supplementInputs(meeting: Meeting, info: SupplementInfo, openbaar: boolean): LayoutInputs {
  return {
    agenda: (entries) => coverInput(meeting, entries, info, openbaar),
    memo: (entry) => ({ ...memoInput(meeting, entry), paginaVoorvoegsel: versionPrefix(info.versie) }),
  };
}

/** The items and documents printed in the supplement (for its index). */
export function printedEntries(entries: readonly ItemEntry[]): ItemEntry[] {
  return entries.map((e) => ({ ...e, documents: e.documents.filter((d) => d.first !== undefined) })).filter((e) => e.documents.length > 0);
}

/** "Bundel AB 2025-03-05.pdf" → "Bundel AB 2025-03-05 nagezonden 2.pdf". */
export const supplementFileName = (fileName: string, versie: number): string => `${fileName.replace(/\.pdf$/i, '')} nagezonden ${versie}.pdf`;

/** `--nagezonden` before anything was recorded. */
export function nothingSent(meeting: Meeting): Diagnostic {
  return {
    file: meeting.vergadering.file,
    rule: LOAD_DIAGNOSTICS.verzondenVersie.id,
    severity: 'error',
    message: `Van deze vergadering is nog geen versie verzonden: er is geen \`${SENT_FOLDER}/1.json\`, dus niets om na te zenden.`,
    hint: `Maak de hele bundel (\`bundel build ${meeting.vergadering.datum}\`), verstuur hem en leg dat vast met \`bundel verzonden ${meeting.vergadering.datum}\`.`,
  };
}
