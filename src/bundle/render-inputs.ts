// What the Typst layouts are given: the agenda, a memo and a withheld placeholder, filled from the
// meeting and the item entries (so a page number or status reads the same on every page).

import { hasMemo, type Agendapunt, type Meeting } from '../model/meeting.js';
// Not render/index.js: that would load the Typst addon in this thread too.
import { dutchDate } from '../util/dutch-date.js';
import { imageLookup } from '../render/images.js';
import { markdownToBlocks } from '../render/markdown.js';
import type { AgendaDocument, AgendaInput, MdBlock, MemoInput, WithheldInput } from '../render/types.js';
import { documentLabel, publicBijlageTitle, publicSubject, shownDocuments, type ItemEntry } from './entries.js';
import type { LateMarks } from './late-marks.js';
import type { Part } from './plan.js';

/** An item's Markdown, parsed once per build: every layout round asks again for the same text. */
const parsedBodies = new WeakMap<Agendapunt, MdBlock[]>();

function bodyBlocks(item: Agendapunt): MdBlock[] {
  let blocks = parsedBodies.get(item);
  if (!blocks) {
    blocks = markdownToBlocks(item.body, imageLookup(item));
    parsedBodies.set(item, blocks);
  }
  return blocks;
}

export function memoInput(meeting: Meeting, entry: ItemEntry): MemoInput {
  const item = entry.item;
  const meegezonden: MemoInput['meegezonden'] = [];
  const terInzage: MemoInput['terInzage'] = [];
  for (const d of entry.documents) {
    if (!d.bijlage) continue;
    const b = d.bijlage;
    const mark = d.vertrouwelijk ? { vertrouwelijk: true } : {};
    if (d.status === 'ter-inzage') terInzage.push({ nummer: b.nummer, titel: d.titel, plaats: d.plaats ?? '', ...mark });
    else if (d.status === 'weggelaten') meegezonden.push({ nummer: b.nummer, titel: d.titel, weggelaten: true, pagina: d.first });
    else meegezonden.push({ nummer: b.nummer, titel: d.titel, pagina: d.first, ...mark });
  }
  return {
    organisatie: meeting.config.organisatie,
    logo: meeting.config.logo,
    orgaan: meeting.vergadering.orgaan,
    datum: dutchDate(meeting.vergadering.datum),
    agendapunt: item.nummer,
    onderwerp: item.onderwerp,
    soort: item.soort,
    titel: item.titel,
    agendatekst: item.agendatekst,
    aan: item.aan ?? `${meeting.vergadering.orgaan} ${dutchDate(meeting.vergadering.datum)}`,
    van: item.van,
    portefeuillehouder: item.portefeuillehouder,
    beslispunten: item.beslispunten,
    toelichting: bodyBlocks(item),
    procedure: item.procedure,
    vervolgactie: item.vervolgactie,
    communicatie: item.communicatie,
    mededelingBeslissingAan: item.mededelingBeslissingAan,
    meegezonden,
    terInzage,
    consequenties: item.consequenties,
    contact: item.contact,
    vertrouwelijk: item.vertrouwelijk,
    // The members' memo does not print it: it is for the public bundle.
    openbareTitel: item.openbareTitel,
  };
}

export function agendaInput(meeting: Meeting, entries: readonly ItemEntry[], options: { openbaar: boolean; hasConfidential: boolean; concept?: boolean; late?: LateMarks }): AgendaInput {
  const v = meeting.vergadering;
  const items = entries.map((entry) => {
    const { item, withheld } = entry;
    const documenten = shownDocuments(entry).map(
      (d): AgendaDocument => ({
        ...(d.status === 'ter-inzage'
          ? { label: d.label, titel: d.titel, status: 'ter-inzage', plaats: d.plaats }
          : { label: d.label, titel: d.status === 'volgt' ? `${d.titel} (volgt)` : d.titel, pagina: d.first, status: d.status === 'weggelaten' ? 'weggelaten' : 'opgenomen', nagezonden: options.late?.get(d)?.tekst }),
        ...(d.vertrouwelijk ? { vertrouwelijk: true } : {}),
      }),
    );
    return {
      nummer: item.nummer,
      onderwerp: entry.onderwerp,
      soort: item.soort,
      // The agenda's own wording when the item has one, else the beslispunten.
      beslispunten: withheld ? [] : item.agendatekst !== undefined ? [item.agendatekst] : item.beslispunten,
      tekst: withheld || hasMemo(item.soort) ? [] : bodyBlocks(item),
      vertrouwelijk: item.vertrouwelijk,
      weggelaten: withheld,
      documenten,
    };
  });
  return {
    organisatie: meeting.config.organisatie,
    logo: meeting.config.logo,
    orgaan: v.orgaan,
    datum: dutchDate(v.datum),
    tijd: v.tijd,
    locatie: v.locatie,
    voorzitter: v.voorzitter,
    opmerking: [options.concept ? 'CONCEPT — niet de definitieve bundel; stukken die nog ontbreken staan erin als "volgt".' : undefined, confidentialNote(options)].filter(Boolean).join(' ') || undefined,
    items,
  };
}

function confidentialNote(options: { openbaar: boolean; hasConfidential: boolean }): string | undefined {
  return options.openbaar
      ? 'Openbare versie: vertrouwelijke stukken zijn niet opgenomen.'
      : options.hasConfidential
        ? 'Deze bundel bevat vertrouwelijke stukken en is niet bestemd voor publicatie.'
        : undefined;
}

export function withheldInput(meeting: Meeting, part: Extract<Part, { kind: 'withheld' | 'volgt' }>): WithheldInput {
  if (part.kind === 'volgt') {
    return {
      orgaan: meeting.vergadering.orgaan,
      datum: dutchDate(meeting.vergadering.datum),
      agendapunt: part.item.nummer,
      label: documentLabel(part.item, part.bijlage) ?? 'Stuk',
      titel: part.bijlage.titel || 'zonder titel',
      volgt: true,
    };
  }
  return {
    orgaan: meeting.vergadering.orgaan,
    datum: dutchDate(meeting.vergadering.datum),
    agendapunt: part.item.nummer,
    label: part.bijlage ? (documentLabel(part.item, part.bijlage) ?? 'Stuk') : 'Agendapunt',
    titel: part.bijlage ? publicBijlageTitle(part.bijlage) : publicSubject(part.item),
  };
}

