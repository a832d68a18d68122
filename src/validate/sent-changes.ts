// The documents of a meeting as they stand now, and what changed since the last sent version. Pure:
// used by lint (a changed sent document is a warning), by the supplement (what goes in it) and by the
// full bundle (which documents were sent later).
//
// Identity across versions: a document is its item number, its kind and its bijlage number, and its
// content is its SHA-256 (of the item's .md file for a voorstel, together with the images in its text
// when it has any; of the source file for a bijlage).
// A document whose content the members already hold (renumbered, renamed, moved to another item) is
// not sent again: it is listed as `al-verzonden` with where it is. Otherwise a same key or the same
// title in the same item makes it `gewijzigd`; what is left is new, and what the last version had and
// no document now matches is `ingetrokken`.

import { createHash } from 'node:crypto';
import { hasMemo, type Agendapunt, type Bijlage, type Meeting } from '../model/meeting.js';
import type { Audience, SentDocument, SentLocation, SentVersion } from '../model/sent.js';

export interface CurrentDocument {
  sleutel: string;
  item: Agendapunt;
  soort: 'voorstel' | 'bijlage' | 'stuk';
  /** The bijlage number (absent for a voorstel). */
  nummer?: number;
  label?: string;
  titel: string;
  bronbestand?: string;
  sha256: string;
  vertrouwelijk: boolean;
  /** The attachment (absent for a voorstel). */
  bijlage?: Bijlage;
}

export type ChangeReason = 'nieuw-agendapunt' | 'nieuw' | 'gewijzigd' | 'al-verzonden' | 'ingetrokken';

export type Change =
  | { reden: 'nieuw-agendapunt' | 'nieuw'; document: CurrentDocument }
  | { reden: 'gewijzigd' | 'al-verzonden'; document: CurrentDocument; vorige: SentDocument; waar: SentLocation }
  | { reden: 'ingetrokken'; vorige: SentDocument; waar: SentLocation };

export interface Comparison {
  /** The last version sent. */
  versie: SentVersion;
  changes: Change[];
  /** Every current document with the sent document it matches (unchanged, or the same content elsewhere). */
  unchanged: Map<CurrentDocument, SentDocument>;
}

/** A memo's content: its item file, and the images printed in it (a changed image changes the memo). */
function memoSha256(item: Agendapunt & { sha256: string }): string {
  const images = item.images.map((i) => i.sha256 ?? '').filter(Boolean);
  if (images.length === 0) return item.sha256;
  return createHash('sha256').update([item.sha256, ...images].join('\n')).digest('hex');
}

/** Every document of the meeting that goes into a bundle, in agenda order. */
export function currentDocuments(meeting: Meeting): CurrentDocument[] {
  const out: CurrentDocument[] = [];
  for (const item of meeting.items) {
    const memo = hasMemo(item.soort);
    if (memo && item.sha256) {
      // A voorstel's or memo's own pages: compared by the item file they are made from.
      out.push({ sleutel: `${item.nummer}/voorstel`, item, soort: 'voorstel', label: item.soort === 'memo' ? 'Memo' : 'Voorstel', titel: item.titel ?? item.onderwerp, bronbestand: item.file, sha256: memoSha256({ ...item, sha256: item.sha256 }), vertrouwelijk: item.vertrouwelijk });
    }
    for (const b of item.bijlagen) {
      const sha256 = b.facts?.sha256;
      if (b.bestand === undefined || !sha256) continue;
      out.push({
        sleutel: `${item.nummer}/bijlage/${b.nummer}`,
        item,
        soort: memo ? 'bijlage' : 'stuk',
        nummer: b.nummer,
        label: memo ? `Bijlage ${b.nummer}` : undefined,
        titel: b.titel,
        bronbestand: b.facts?.relPath,
        sha256,
        vertrouwelijk: item.vertrouwelijk || b.vertrouwelijk,
        bijlage: b,
      });
    }
  }
  return out;
}

const sameTitle = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What changed since the last sent version, for the members or for the public; undefined before anything was sent. */
export function compareWithSent(meeting: Meeting, audience: Audience = 'leden'): Comparison | undefined {
  const versie = meeting.verzonden.at(-1);
  if (!versie) return undefined;
  const where = (d: SentDocument): SentLocation | undefined => (audience === 'leden' ? d.leden : d.openbaar);
  const current = currentDocuments(meeting).filter((d) => audience === 'leden' || !d.vertrouwelijk);
  const previous = versie.documenten.filter((d) => where(d) !== undefined);
  const open = new Set(previous);
  const unchanged = new Map<CurrentDocument, SentDocument>();
  const changes: Change[] = [];
  const take = (d: SentDocument): SentDocument => (open.delete(d), d);

  let rest = current.filter((doc) => {
    const same = previous.find((p) => open.has(p) && p.sleutel === doc.sleutel && p.sha256 === doc.sha256);
    if (same) unchanged.set(doc, take(same));
    return !same;
  });
  rest = rest.filter((doc) => {
    // Prefer a not yet matched document with this content (renumbered), else any (printed twice).
    const held = previous.find((p) => open.has(p) && p.sha256 === doc.sha256) ?? previous.find((p) => p.sha256 === doc.sha256);
    if (!held) return true;
    if (open.has(held)) take(held);
    unchanged.set(doc, held);
    changes.push({ reden: 'al-verzonden', document: doc, vorige: held, waar: where(held)! });
    return false;
  });
  for (const doc of rest) {
    const kind = (p: SentDocument): boolean => open.has(p) && p.agendapunt === doc.item.nummer && (p.soort === 'voorstel') === (doc.soort === 'voorstel');
    const vorige = previous.find((p) => kind(p) && sameTitle(p.titel, doc.titel)) ?? previous.find((p) => kind(p) && p.sleutel === doc.sleutel);
    if (vorige) changes.push({ reden: 'gewijzigd', document: doc, vorige: take(vorige), waar: where(vorige)! });
    else changes.push({ reden: previous.some((p) => p.agendapunt === doc.item.nummer) ? 'nieuw' : 'nieuw-agendapunt', document: doc });
  }
  for (const p of previous) if (open.has(p)) changes.push({ reden: 'ingetrokken', vorige: p, waar: where(p)! });
  return { versie, changes, unchanged };
}

/** Whether there is anything to send: new, changed or withdrawn documents. */
export const hasNews = (comparison: Comparison): boolean => comparison.changes.some((c) => c.reden !== 'al-verzonden');
