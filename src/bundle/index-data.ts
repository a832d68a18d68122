// The machine-readable index beside the bundle, in VNG Open Raadsinformatie (ODS) terms where they exist.
// It says what the agenda says, no more: of a withheld item only what the agenda shows (number,
// subject, that it is confidential), of a withheld attachment only its label.

import { hasMemo, type Agendapunt, type Meeting } from '../model/meeting.js';
import type { SentLocation } from '../model/sent.js';
import { shownDocuments, type DocumentEntry, type ItemEntry } from './entries.js';
import type { LateMarks } from './late-marks.js';
import type { PrivacyKind } from '../util/personal-data.js';
import { privacyFindings } from '../validate/privacy/findings.js';

export interface IndexDocument {
  titel: string;
  /** "Voorstel", "Bijlage 1" … */
  label?: string;
  soort: 'voorstel' | 'bijlage' | 'stuk';
  bijlagenummer?: number;
  bronbestand?: string;
  /** Of the source file (for a converted bijlage: of the Office file or image, not of the PDF made from it). */
  sha256?: string;
  /** For a bijlage that was not a PDF: its format and what converted it. */
  omgezet?: { van: string; door: string };
  vertrouwelijkheidsaanduiding: 'openbaar' | 'vertrouwelijk';
  opgenomen: boolean;
  weggelaten?: boolean;
  /** Concept: the bijlage is missing or unreadable; a placeholder page stands in for it. */
  volgt?: boolean;
  terInzage?: string;
  /** For a deduplicated attachment: the item where it is printed. */
  zieAgendapunt?: string;
  eerstePagina?: number;
  laatstePagina?: number;
  /** Sent after the bundle: in which version and when (absent: not yet recorded with `bundel verzonden`). */
  nagezonden?: { versie?: number; datum?: string };
}

/** A finding of the privacy check that the item accepted for publication, with its reason. */
export interface IndexPrivacyAkkoord {
  /** The rule that found it, e.g. `privacy-telefoon`. */
  regel: string;
  /** Masked: the value itself never goes into the index. */
  waarde: string;
  /** In an attachment: its number and the pages. */
  bijlage?: number;
  paginas?: number[];
  reden: string;
}

export interface IndexAgendapunt {
  agendapuntKenmerk: string;
  agendapuntTitel: string;
  soort: string;
  portefeuillehouder?: string;
  beslispunten: string[];
  /** What the agenda says under the item when that differs from the beslispunten (`agendatekst:`). */
  agendatekst?: string;
  /** The text under a `stukken` or `mondeling` item on the agenda, Markdown as written. */
  tekst?: string;
  vertrouwelijkheidsaanduiding: 'openbaar' | 'vertrouwelijk';
  weggelaten: boolean;
  /** Absent for a withheld item. */
  bronbestand?: string;
  documenten: IndexDocument[];
  /** Public bundle only: what the privacy check found and this item accepted. */
  privacyAkkoord?: IndexPrivacyAkkoord[];
}

/** A supplement's own part of its index: every change since the last sent version. */
export interface IndexNagezonden {
  versie: number;
  vorigeVersie: number;
  vorigeVerzonden: string;
  stukken: {
    agendapunt: string;
    label?: string;
    titel: string;
    reden: 'nieuw-agendapunt' | 'nieuw' | 'gewijzigd' | 'al-verzonden' | 'ingetrokken';
    /** As on the cover page. */
    toelichting: string;
    /** Pages in the supplement, as printed ("2-3 – 2-5"), and as PDF pages. */
    paginas?: string;
    eerstePagina?: number;
    laatstePagina?: number;
    /** Where it was (gewijzigd, ingetrokken) or is (al-verzonden) in the earlier versions. */
    vorige?: SentLocation;
  }[];
}

export interface BundleInfo {
  titel: string;
  bestand: string;
  paginas: number;
  openbaar: boolean;
  bevatVertrouwelijk: boolean;
  datum: string;
  /** The last version sent before this build, if any. */
  verzonden?: { versie: number; datum: string };
}

export interface BundleIndex {
  formaat: 'bundel-index/1';
  bundel: BundleInfo;
  vergadering: { orgaan: string; datum: string; tijd?: string; locatie?: string; voorzitter?: string; organisatie?: string };
  agendapunten: IndexAgendapunt[];
  /** Members' bundle only: every file it was made from with its sha256, for `bundel status`. */
  bronnen?: { bestand: string; sha256?: string }[];
  /** Only in a supplement's index. */
  nagezonden?: IndexNagezonden;
}

const aanduiding = (confidential: boolean): 'openbaar' | 'vertrouwelijk' => (confidential ? 'vertrouwelijk' : 'openbaar');

function indexDocument(item: Agendapunt, d: DocumentEntry): IndexDocument | undefined {
  if (d.kind === 'agendapunt') return undefined;
  if (d.kind === 'voorstel') {
    return {
      titel: item.titel ?? `${d.label} ${item.onderwerp}`,
      label: d.label,
      soort: 'voorstel',
      bronbestand: item.file,
      vertrouwelijkheidsaanduiding: aanduiding(item.vertrouwelijk),
      opgenomen: true,
      eerstePagina: d.first,
      laatstePagina: d.last,
    };
  }
  const bijlage = d.bijlage!;
  const base: IndexDocument = {
    titel: d.titel,
    label: d.label,
    soort: hasMemo(item.soort) ? 'bijlage' : 'stuk',
    bijlagenummer: bijlage.nummer,
    bronbestand: bijlage.facts?.relPath,
    sha256: bijlage.facts?.sha256,
    omgezet: bijlage.facts?.source?.converter ? { van: bijlage.facts.source.format, door: bijlage.facts.source.converter } : undefined,
    vertrouwelijkheidsaanduiding: aanduiding(item.vertrouwelijk || bijlage.vertrouwelijk),
    opgenomen: false,
  };
  switch (d.status) {
    case 'opgenomen':
      return { ...base, opgenomen: true, eerstePagina: d.first, laatstePagina: d.last };
    case 'eerder-opgenomen':
      return { ...base, opgenomen: true, zieAgendapunt: d.seeItem!.nummer, eerstePagina: d.first, laatstePagina: d.last };
    case 'weggelaten':
      return { titel: d.titel, label: d.label, soort: base.soort, bijlagenummer: base.bijlagenummer, vertrouwelijkheidsaanduiding: 'vertrouwelijk', opgenomen: false, weggelaten: true, eerstePagina: d.first, laatstePagina: d.last };
    case 'volgt':
      return { ...base, sha256: undefined, volgt: true, eerstePagina: d.first, laatstePagina: d.last };
    case 'ter-inzage':
      return { ...base, bronbestand: undefined, omgezet: undefined, terInzage: d.plaats };
  }
}

const RULE_OF: Record<PrivacyKind, string> = {
  bsn: 'privacy-bsn',
  iban: 'privacy-iban',
  telefoon: 'privacy-telefoon',
  email: 'privacy-email',
  patroon: 'privacy-patroon',
};

function acceptedBy(meeting: Meeting, item: Agendapunt): IndexPrivacyAkkoord[] {
  return privacyFindings(meeting)
    .filter((f) => f.accepted && f.acceptedBy === item)
    .map((f) => ({ regel: RULE_OF[f.kind], waarde: f.masked, bijlage: f.bijlage?.nummer, paginas: f.pages, reden: f.accepted!.reden }));
}

export function makeIndex(meeting: Meeting, entries: readonly ItemEntry[], bundle: BundleInfo, late?: LateMarks): BundleIndex {
  const v = meeting.vergadering;
  const privacyAkkoord = (item: Agendapunt): { privacyAkkoord?: IndexPrivacyAkkoord[] } => {
    const accepted = bundle.openbaar ? acceptedBy(meeting, item) : [];
    return accepted.length > 0 ? { privacyAkkoord: accepted } : {};
  };
  const agendapunten = entries.map(
    (entry): IndexAgendapunt => ({
      agendapuntKenmerk: entry.item.nummer,
      agendapuntTitel: entry.onderwerp,
      soort: entry.item.soort,
      portefeuillehouder: entry.withheld ? undefined : entry.item.portefeuillehouder,
      beslispunten: entry.withheld ? [] : entry.item.beslispunten,
      agendatekst: entry.withheld ? undefined : entry.item.agendatekst,
      tekst: entry.withheld || hasMemo(entry.item.soort) || entry.item.body.trim() === '' ? undefined : entry.item.body.trim(),
      vertrouwelijkheidsaanduiding: aanduiding(entry.item.vertrouwelijk),
      weggelaten: entry.withheld,
      bronbestand: entry.withheld ? undefined : entry.item.file,
      documenten: shownDocuments(entry).flatMap((d) => {
        const doc = indexDocument(entry.item, d);
        const mark = late?.get(d);
        return doc ? [mark ? { ...doc, nagezonden: { versie: mark.versie, datum: mark.datum } } : doc] : [];
      }),
      ...privacyAkkoord(entry.item),
    }),
  );
  return {
    formaat: 'bundel-index/1',
    bundel: bundle,
    vergadering: { orgaan: v.orgaan, datum: v.datum, tijd: v.tijd, locatie: v.locatie, voorzitter: v.voorzitter, organisatie: meeting.config.organisatie },
    agendapunten,
  };
}
