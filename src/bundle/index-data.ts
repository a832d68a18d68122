// The machine-readable index beside the bundle, in VNG Open Raadsinformatie (ODS) terms where they exist.

import type { Agendapunt, Bijlage, Meeting } from '../model/meeting.js';
import type { Part, Plan } from './plan.js';

export interface IndexDocument {
  titel: string;
  /** "Voorstel", "Bijlage 1" … */
  label?: string;
  soort: 'voorstel' | 'bijlage' | 'stuk';
  bijlagenummer?: number;
  bronbestand?: string;
  sha256?: string;
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

export function documentLabel(item: Agendapunt, bijlage: Bijlage): string | undefined {
  return item.soort === 'voorstel' ? `Bijlage ${bijlage.nummer}` : undefined;
}

export function makeIndex(
  meeting: Meeting,
  plan: Plan,
  pages: Map<Part, { first: number; last: number }>,
  bundle: { titel: string; bestand: string; paginas: number; openbaar: boolean; datum: string },
): BundleIndex {
  const v = meeting.vergadering;
  const agendapunten = meeting.items.map((item): IndexAgendapunt => {
    const documenten: IndexDocument[] = [];
    const itemConfidential = item.vertrouwelijk;
    const own = plan.itemPart.get(item);
    if (own?.kind === 'memo') {
      const p = pages.get(own)!;
      documenten.push({
        titel: `Voorstel ${item.onderwerp}`,
        label: 'Voorstel',
        soort: 'voorstel',
        bronbestand: item.file,
        vertrouwelijkheidsaanduiding: aanduiding(itemConfidential),
        opgenomen: true,
        eerstePagina: p.first,
        laatstePagina: p.last,
      });
    }
    for (const bijlage of item.bijlagen) {
      const placement = plan.placements.get(bijlage);
      const base: IndexDocument = {
        titel: bijlage.titel,
        label: documentLabel(item, bijlage),
        soort: item.soort === 'voorstel' ? 'bijlage' : 'stuk',
        bijlagenummer: bijlage.nummer,
        bronbestand: bijlage.facts?.relPath,
        sha256: bijlage.facts?.sha256,
        vertrouwelijkheidsaanduiding: aanduiding(itemConfidential || bijlage.vertrouwelijk),
        opgenomen: false,
      };
      if (!placement) continue;
      switch (placement.status) {
        case 'opgenomen': {
          const p = pages.get(placement.part)!;
          documenten.push({ ...base, opgenomen: true, eerstePagina: p.first, laatstePagina: p.last });
          break;
        }
        case 'eerder-opgenomen': {
          const p = pages.get(placement.part)!;
          documenten.push({ ...base, opgenomen: true, zieAgendapunt: placement.firstItem.nummer, eerstePagina: p.first, laatstePagina: p.last });
          break;
        }
        case 'weggelaten': {
          const p = pages.get(placement.part)!;
          documenten.push({ ...base, bronbestand: undefined, sha256: undefined, weggelaten: true, eerstePagina: p.first, laatstePagina: p.last });
          break;
        }
        case 'ter-inzage':
          documenten.push({ ...base, bronbestand: undefined, terInzage: bijlage.terInzage });
          break;
        case 'ontbreekt':
          break;
      }
    }
    return {
      agendapuntKenmerk: item.nummer,
      agendapuntTitel: item.onderwerp,
      soort: item.soort,
      portefeuillehouder: item.portefeuillehouder,
      beslispunten: plan.withheldItems.has(item) ? [] : item.beslispunten,
      vertrouwelijkheidsaanduiding: aanduiding(itemConfidential),
      weggelaten: plan.withheldItems.has(item),
      bronbestand: item.file,
      documenten,
    };
  });
  return {
    formaat: 'bundel-index/1',
    bundel: { ...bundle, bevatVertrouwelijk: plan.hasConfidential && !bundle.openbaar },
    vergadering: { orgaan: v.orgaan, datum: v.datum, tijd: v.tijd, locatie: v.locatie, voorzitter: v.voorzitter, organisatie: meeting.config.organisatie },
    agendapunten,
  };
}
