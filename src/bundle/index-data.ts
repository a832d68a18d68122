// The machine-readable index beside the bundle, in VNG Open Raadsinformatie (ODS) terms where they exist.

import type { Agendapunt, Meeting } from '../model/meeting.js';
import type { DocumentEntry, ItemEntry } from './entries.js';

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
  terInzage?: string;
  /** For a deduplicated attachment: the item where it is printed. */
  zieAgendapunt?: string;
  eerstePagina?: number;
  laatstePagina?: number;
}

export interface IndexAgendapunt {
  agendapuntKenmerk: string;
  agendapuntTitel: string;
  soort: string;
  portefeuillehouder?: string;
  beslispunten: string[];
  vertrouwelijkheidsaanduiding: 'openbaar' | 'vertrouwelijk';
  weggelaten: boolean;
  bronbestand: string;
  documenten: IndexDocument[];
}

export interface BundleIndex {
  formaat: 'bundel-index/1';
  bundel: { titel: string; bestand: string; paginas: number; openbaar: boolean; bevatVertrouwelijk: boolean; datum: string };
  vergadering: { orgaan: string; datum: string; tijd?: string; locatie?: string; voorzitter?: string; organisatie?: string };
  agendapunten: IndexAgendapunt[];
}

const aanduiding = (confidential: boolean): 'openbaar' | 'vertrouwelijk' => (confidential ? 'vertrouwelijk' : 'openbaar');

function indexDocument(item: Agendapunt, d: DocumentEntry): IndexDocument | undefined {
  if (d.kind === 'agendapunt') return undefined;
  if (d.kind === 'voorstel') {
    return {
      titel: `Voorstel ${item.onderwerp}`,
      label: 'Voorstel',
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
    soort: item.soort === 'voorstel' ? 'bijlage' : 'stuk',
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
      return { ...base, bronbestand: undefined, sha256: undefined, omgezet: undefined, weggelaten: true, eerstePagina: d.first, laatstePagina: d.last };
    case 'ter-inzage':
      return { ...base, bronbestand: undefined, omgezet: undefined, terInzage: d.plaats };
  }
}

export function makeIndex(
  meeting: Meeting,
  entries: readonly ItemEntry[],
  bundle: { titel: string; bestand: string; paginas: number; openbaar: boolean; bevatVertrouwelijk: boolean; datum: string },
): BundleIndex {
  const v = meeting.vergadering;
  const agendapunten = entries.map(
    ({ item, withheld, documents }): IndexAgendapunt => ({
      agendapuntKenmerk: item.nummer,
      agendapuntTitel: item.onderwerp,
      soort: item.soort,
      portefeuillehouder: item.portefeuillehouder,
      beslispunten: withheld ? [] : item.beslispunten,
      vertrouwelijkheidsaanduiding: aanduiding(item.vertrouwelijk),
      weggelaten: withheld,
      bronbestand: item.file,
      documenten: documents.flatMap((d) => indexDocument(item, d) ?? []),
    }),
  );
  return {
    formaat: 'bundel-index/1',
    bundel: bundle,
    vergadering: { orgaan: v.orgaan, datum: v.datum, tijd: v.tijd, locatie: v.locatie, voorzitter: v.voorzitter, organisatie: meeting.config.organisatie },
    agendapunten,
  };
}
