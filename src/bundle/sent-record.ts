// The record of a version as sent (`verzonden/<n>.json`): every document the members (and the
// public) hold after it, with its hash and where it is — in this version's file when it was printed
// there, else where an earlier version put it.

import path from 'node:path';
import type { Meeting } from '../model/meeting.js';
import { pageRange, SENT_FORMAT, versionPrefix, type SentDocument, type SentLocation, type SentVersion } from '../model/sent.js';
import { currentDocuments, type CurrentDocument } from '../validate/sent-changes.js';
import type { BuiltBundle } from './build.js';

/** Where `doc` is for the readers of `built`: in its file when printed there, else where the last version had it. */
function locate(doc: CurrentDocument, built: BuiltBundle, audience: 'leden' | 'openbaar'): SentLocation | undefined {
  const entry = built.entries.find((e) => e.item.nummer === doc.item.nummer)?.documents.find((d) => (doc.bijlage ? d.bijlage?.nummer === doc.bijlage.nummer : d.kind === 'voorstel'));
  if (entry?.first !== undefined && entry.last !== undefined && entry.status !== 'weggelaten') {
    return { versie: built.versie, bestand: path.basename(built.pdfPath), eerstePagina: entry.first, laatstePagina: entry.last, paginas: pageRange(entry.first, entry.last, versionPrefix(built.versie)) };
  }
  const held = [...(built.comparison?.unchanged ?? [])].find(([d]) => d.sleutel === doc.sleutel)?.[1];
  return held?.[audience];
}

export interface RecordInput {
  meeting: Meeting;
  /** The members' bundle or supplement as sent. */
  leden: BuiltBundle;
  /** The public one; absent when the public has nothing new (then it keeps what it had). */
  openbaar?: BuiltBundle;
  /** The day it went out (JJJJ-MM-DD). */
  verzonden: string;
}

export function makeSentVersion({ meeting, leden, openbaar, verzonden }: RecordInput): SentVersion {
  const previous = meeting.verzonden.at(-1);
  const documenten = currentDocuments(meeting).map((doc): SentDocument => {
    const held = previous?.documenten.find((p) => p.sha256 === doc.sha256 && p.openbaar);
    return {
      sleutel: doc.sleutel,
      agendapunt: doc.item.nummer,
      onderwerp: doc.item.onderwerp,
      soort: doc.soort,
      label: doc.label,
      titel: doc.titel,
      bronbestand: doc.bronbestand,
      sha256: doc.sha256,
      vertrouwelijk: doc.vertrouwelijk,
      leden: locate(doc, leden, 'leden')!,
      openbaar: doc.vertrouwelijk ? undefined : openbaar ? locate(doc, openbaar, 'openbaar') : held?.openbaar,
    };
  });
  return {
    formaat: SENT_FORMAT,
    versie: leden.versie,
    vergadering: meeting.vergadering.datum,
    verzonden,
    bestanden: { leden: path.basename(leden.pdfPath), openbaar: openbaar && path.basename(openbaar.pdfPath) },
    // Every document the members hold has a place (a new one is printed in this version).
    documenten: documenten.filter((d) => d.leden !== undefined),
  };
}
