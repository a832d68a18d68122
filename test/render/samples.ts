// Realistic render inputs, taken from the Algemeen Bestuur bundle of 5 March 2025 (the seed in
// ../shared): item 2 "Lobby", item 5 "Lichte Evaluatie" and the agenda page.

import { markdownToBlocks } from '../../src/render/markdown.js';
import type { AgendaInput, MemoInput, WithheldInput } from '../../src/render/types.js';

const LOBBY_TOELICHTING = `**Nationaal Programma Vitale Regio’s (NPVR) en spreiding Rijkswerkgelegenheid:**

Afgelopen 5 februari vond het debat over de NPVR en Elke Regio Telt plaats. Tijdens het debat bleek
Kamerbreed steun om met de 11 regio’s aan de slag te gaan in een Nationaal Programma Vitale Regio’s.

Een greep uit de Kamerstandpunten:

- volgens Glimina Chakor (GroenLinks-PvdA) is het NPVR gebaat bij snelheid om geen vertraging en middelen mis te lopen;
- volgens Aant Jelle Soepboer (Nieuw Sociaal Contract) gebaat bij resultaatverplichting vanuit het Rijk in plaats van inspanningsverplichting;
- volgens Roelien Kamminga (VVD) gebaat bij snelle stap richting uitvoer; zij noemt specifiek de Achterhoek als regio die echt haar zaken wel op orde heeft;
- en volgens Marieke Wijen-Nass (BBB) gebaat bij een helder proces en woningbouw in de regio’s.

Minister van BZK Judith Uitermark gaf in haar beantwoording aan dat de 11 regio’s nu echt vaststaan
voor het NPVR en dat de tijd zoals die nu voorligt eerst voorziet in een regioplan (zomer) en daarna
een uitvoeringsagenda (eind 2025). Zie ook de [Kamerbrief](https://www.rijksoverheid.nl/documenten/kamerstukken/2025/01/31/nadere-uitwerking-elke-regio-telt) (bijlage 1).

## Kapstok Lentefestival: Achterhoek United

Voor het Achterhoeks Lentefestival kiezen we dit jaar een thema dat het naoberschap, coöperatieve
gedachtegoed en verenigingsgevoel van de Achterhoek vertegenwoordigt: *Achterhoek United*.

## Svz extra FTE voor lobby in 2025

| Functie | Standplaats | FTE | Stand van zaken |
|:--|:--|--:|:--|
| Senior adviseur | Brussel | 0,4 | Nicky Eppich per 10 maart aangesteld |
| Medior adviseur | Den Haag | 0,6 | procedure loopt |

## Lobbymomenten en belangrijke data

1. Week 12/17-23 maart: verwacht tweeminutendebat NPVR
2. Maart/April: werkbezoek minister Uitermark mbt Elke Regio Telt
3. 3 april: Startcongres NPVR met minister Uitermark
4. 11 juni 2025: Achterhoeks Lentefestival
`;

export function lobbyMemo(pages = true): MemoInput {
  return {
    organisatie: '8RHK ambassadeurs',
    orgaan: 'Algemeen Bestuur',
    datum: '5 maart 2025',
    agendapunt: '2',
    onderwerp: 'Lobby',
    soort: 'voorstel',
    titel: undefined,
    agendatekst: undefined,
    aan: undefined,
    van: undefined,
    portefeuillehouder: 'De heer J. Bengevoord',
    beslispunten: ['Kennis te nemen van onderstaande lobby gerelateerde zaken en activiteiten.'],
    toelichting: markdownToBlocks(LOBBY_TOELICHTING),
    procedure: ['DB 12 februari 2025'],
    vervolgactie: undefined,
    communicatie: undefined,
    mededelingBeslissingAan: undefined,
    meegezonden: [
      { nummer: 1, titel: 'Kamerbrief Nadere uitwerking Elke regio telt', pagina: pages ? 12 : undefined },
      { nummer: 2, titel: 'Beslisnota bij Nadere uitwerking Elke regio telt', pagina: pages ? 31 : undefined },
    ],
    terInzage: [],
    consequenties: {},
    contact: { naam: 'Joram van Donk', telefoon: '+31 614 63 74 35' },
    vertrouwelijk: false,
    openbareTitel: undefined,
  };
}

export function evaluatieMemo(): MemoInput {
  return {
    organisatie: '8RHK ambassadeurs',
    orgaan: 'Algemeen Bestuur',
    datum: '5 maart 2025',
    agendapunt: '5',
    onderwerp: 'Lichte Evaluatie',
    soort: 'voorstel',
    titel: undefined,
    agendatekst: undefined,
    aan: undefined,
    van: undefined,
    portefeuillehouder: 'De heer M. Boumans',
    beslispunten: [
      'Kennis te nemen van de uitkomsten en de rode draden van de evaluatie 2024.',
      'In te stemmen met het oppakken door het algemeen bestuur / gemeenten van de genoemde 3 actiepunten.',
    ],
    toelichting: markdownToBlocks(`Op basis van de in 2024 gehouden evaluatie (bijlage 1) heeft de Achterhoek Board 10 actiepunten
geformuleerd (bijlage 2). Er worden momenteel voorbereidingen getroffen om op korte termijn actiepunten 1 en 2 op te pakken:

1) Het reflecteren op en keuzes maken in de inhoudelijke agenda van de Achterhoek en rolneming van de regio.
2) In het voorjaar 2025 reflecteren op de Achterhoek Visie2030.

### Proces en waarom urgentie

> De Board stelt daarom in het voorstel aan de Achterhoek Raad (31 maart) voor om op korte termijn te
> reflecteren op de inhoudelijke agenda.

De evaluatie en actiepunten liggen 31 maart voor in de Achterhoek Raad.`),
    procedure: ['DB 12 februari 2025', 'Achterhoek Raad 31 maart 2025'],
    vervolgactie: 'Actiepunten uitwerken met de gemeentesecretarissen.',
    communicatie: 'Nieuwsbrief april',
    mededelingBeslissingAan: 'Achterhoek Board',
    meegezonden: [
      { nummer: 1, titel: 'Evaluatie 2024', pagina: 58 },
      { nummer: 2, titel: 'Actiepunten Achterhoek Board', pagina: 71 },
      { nummer: 4, titel: 'Financiële onderbouwing', pagina: 73, weggelaten: true },
    ],
    terInzage: [{ nummer: 3, titel: 'Interviewverslagen evaluatie', plaats: 'het secretariaat, Doetinchem' }],
    consequenties: { financieel: 'Geen; binnen de begroting 2025.', personeel: 'Inzet programmaregisseurs (circa 40 uur).' },
    contact: { naam: 'Leonie Dennenberg', telefoon: '06 39 25 41 80', email: 'l.dennenberg@8rhk.nl' },
    vertrouwelijk: true,
    openbareTitel: undefined,
  };
}

export function seedAgenda(pages = true): AgendaInput {
  const p = (n: number): number | undefined => (pages ? n : undefined);
  return {
    organisatie: '8RHK ambassadeurs',
    orgaan: 'Algemeen Bestuur',
    datum: '5 maart 2025',
    tijd: '10:00 – 12:00 uur',
    locatie: 'De StecK, Doetinchem',
    voorzitter: 'A. Boerman',
    opmerking: 'Openbare versie: vertrouwelijke stukken zijn niet opgenomen.',
    items: [
      { nummer: '1', onderwerp: 'Opening en mededelingen', soort: 'mondeling', beslispunten: [], tekst: markdownToBlocks('H. de Vries is verhinderd.'), vertrouwelijk: false, documenten: [] },
      {
        nummer: '2',
        onderwerp: 'Lobby',
        soort: 'voorstel',
        beslispunten: ['Kennisnemen van de lobby gerelateerde zaken en activiteiten.'],
        tekst: [],
        vertrouwelijk: false,
        documenten: [
          { label: 'Voorstel', titel: 'Lobby', pagina: p(3), status: 'opgenomen' },
          { label: 'Bijlage 1', titel: 'Kamerbrief Nadere uitwerking Elke regio telt', pagina: p(6), status: 'opgenomen' },
          { label: 'Bijlage 2', titel: 'Beslisnota bij Nadere uitwerking Elke regio telt', pagina: p(25), status: 'opgenomen' },
        ],
      },
      {
        nummer: '3',
        onderwerp: 'Procesvoorstel Nationaal Programma Vitale Regio’s (NPVR)',
        soort: 'voorstel',
        beslispunten: [
          'Kennisnemen van processtappen in 2025 om te komen tot een uitvoeringsagenda van Achterhoek en het Rijk voor het NPVR.',
          'De aansturing van dit programma vanuit 8RHK ambassadeurs in te vullen en hiervoor zo snel mogelijk in maart/april 2025 via formatie-uitbreiding een programmamanager aan te stellen.',
        ],
        tekst: [],
        vertrouwelijk: false,
        documenten: [
          { label: 'Voorstel', titel: 'Memo AB Proces en aanstelling programmamanager NPVR', pagina: p(29), status: 'opgenomen' },
          { label: 'Bijlage 1', titel: 'Kamerbrief Nadere uitwerking Elke regio telt (zie agendapunt 2)', pagina: p(6), status: 'opgenomen' },
          { label: 'Bijlage 2', titel: 'Lopende trajecten Achterhoek NPVR (werkdocument)', status: 'ter-inzage', plaats: 'secretariaat, Doetinchem' },
          { label: 'Bijlage 3', titel: 'Notitie procesmiddelen', pagina: p(33), status: 'weggelaten' },
          { label: 'Bijlage 4', titel: 'Presentatie klankbordgroep 28-01-2025', pagina: p(34), status: 'opgenomen' },
        ],
      },
      {
        nummer: '4',
        onderwerp: 'Update besparingen',
        soort: 'voorstel',
        beslispunten: ['Bespreken van de stand van zaken rondom de besparingen zoals opgenomen in bijgevoegde memo.'],
        tekst: [],
        vertrouwelijk: true,
        weggelaten: true,
        documenten: [{ label: 'Agendapunt', titel: 'Update besparingen', pagina: p(48), status: 'weggelaten' }],
      },
      { nummer: '6', onderwerp: 'Voordracht lid Achterhoek Board', soort: 'mondeling', beslispunten: [], tekst: [], vertrouwelijk: false, documenten: [] },
      {
        nummer: '7',
        onderwerp: 'Verslag van de vergadering van 29 januari 2025',
        soort: 'stukken',
        beslispunten: ['Vaststellen van het verslag.'],
        tekst: [],
        vertrouwelijk: false,
        documenten: [{ label: 'Verslag', titel: 'Verslag Algemeen Bestuur 29 januari 2025', pagina: p(49), status: 'opgenomen' }],
      },
      {
        nummer: '8',
        onderwerp: 'Rondvraag en belangrijke data',
        soort: 'stukken',
        beslispunten: [],
        tekst: markdownToBlocks(`Bespreken wie aanwezig is bij het bestuurdersdiner Onverwachte Hoek op 19 maart.

- 14 maart: 50 jaar Kreis Borken
- 19 maart: Bestuurdersdiner Onverwachte Hoek (zie uitnodiging)
- Week 12/17-23 maart: verwacht tweeminutendebat NPVR
- 3 april: Startcongres NPVR met minister Uitermark
- 11 juni 2025: Achterhoeks Lentefestival`),
        vertrouwelijk: false,
        documenten: [{ titel: 'Uitnodiging Bestuurdersdiner Onverwachte Hoek 19 maart', pagina: p(53), status: 'opgenomen' }],
      },
    ],
  };
}

/** The same agenda in a complete (not public) bundle: confidential parts included and marked. */
export function completeAgenda(): AgendaInput {
  const agenda = seedAgenda();
  agenda.opmerking = 'Deze bundel bevat vertrouwelijke stukken en is niet bestemd voor publicatie.';
  const besparingen = agenda.items[3];
  besparingen.weggelaten = false;
  besparingen.documenten = [
    { label: 'Voorstel', titel: 'Update besparingen', pagina: 48, status: 'opgenomen' },
    { label: 'Bijlage 1', titel: 'Memo update besparingen', pagina: 50, status: 'opgenomen' },
  ];
  agenda.items[2].documenten[3].status = 'opgenomen';
  return agenda;
}

export function withheldBijlage(): WithheldInput {
  return { orgaan: 'Algemeen Bestuur', datum: '5 maart 2025', agendapunt: '3', label: 'Bijlage 3', titel: 'Notitie procesmiddelen' };
}

/** An agenda of `count` items, each with a memo and two attachments, for multi-page layout. */
export function longAgenda(count: number): AgendaInput {
  const base = seedAgenda();
  let page = 3;
  const items = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const documenten = [
      { label: 'Voorstel', titel: `Voorstel agendapunt ${n}`, pagina: page, status: 'opgenomen' as const },
      { label: 'Bijlage 1', titel: `Onderzoeksrapport deelproject ${n}`, pagina: page + 2, status: 'opgenomen' as const },
      { label: 'Bijlage 2', titel: `Financieel overzicht ${n}`, pagina: page + 9, status: 'opgenomen' as const },
    ];
    page += 12;
    return {
      nummer: String(n),
      onderwerp: `Agendapunt nummer ${n}`,
      soort: 'voorstel' as const,
      beslispunten: [`In te stemmen met voorstel ${n}.`],
      tekst: [],
      vertrouwelijk: false,
      documenten,
    };
  });
  return { ...base, opmerking: undefined, items };
}
