// In a bundle built after it went out: which documents the members did not get with the bundle
// itself (version 1) but later, in a supplement (its version and date), or not yet (changed or
// added since the last version). The agenda marks them and the index records it.

import type { Meeting } from '../model/meeting.js';
import { dutchDate } from '../util/dutch-date.js';
import { currentDocuments } from '../validate/sent-changes.js';
import type { DocumentEntry, ItemEntry } from './entries.js';

export interface LateMark {
  /** The version that sent it; absent when it is not sent yet. */
  versie?: number;
  datum?: string;
  /** As the agenda prints it: "nagezonden op 28 februari 2025", or "nagezonden" when not yet sent. */
  tekst: string;
}

export type LateMarks = Map<DocumentEntry, LateMark>;

export function lateMarks(meeting: Meeting, entries: readonly ItemEntry[]): LateMarks {
  const marks: LateMarks = new Map();
  const [first, ...later] = meeting.verzonden;
  if (!first) return marks;
  const inFirst = new Set(first.documenten.map((d) => d.sha256));
  const last = meeting.verzonden.at(-1)!;
  for (const doc of currentDocuments(meeting)) {
    if (inFirst.has(doc.sha256)) continue;
    const entry = entries.find((e) => e.item === doc.item)?.documents.find((d) => (doc.bijlage ? d.bijlage === doc.bijlage : d.kind === 'voorstel'));
    // A withheld document says nothing of itself in a public bundle, not even when it came.
    if (!entry || entry.status === 'weggelaten' || entry.status === 'ter-inzage') continue;
    const sent = last.documenten.find((d) => d.sha256 === doc.sha256 && d.leden.versie > 1);
    const versie = sent ? later.find((v) => v.versie === sent.leden.versie) : undefined;
    marks.set(entry, versie ? { versie: versie.versie, datum: versie.verzonden, tekst: `nagezonden op ${dutchDate(versie.verzonden)}` } : { tekst: 'nagezonden' });
  }
  return marks;
}
