// End-to-end build of a synthetic meeting with every kind of page, read back structurally.

import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { buildMeeting, type BuiltBundle } from '../../src/bundle/build.js';
import { openRepository } from '../../src/load/meeting.js';
import { landscape, makePdf, portrait } from '../helpers/make-pdf.js';
import { readPages, type PageText } from '../helpers/pdf-text.js';
import { item, writeRepo, type Tree } from '../helpers/repo.js';
import { internalLinks, readBundleOutline, stampProblems } from '../helpers/bundle-checks.js';

const DIR = 'vergaderingen/2025-03-05';

async function meetingTree(): Promise<Tree> {
  return {
    'bundel.yaml': 'organisatie: Testregio\nportefeuillehouders:\n  - De heer J. Bengevoord\n',
    [`${DIR}/vergadering.yaml`]: 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\ntijd: "10:00"\nlocatie: De StecK, Doetinchem\n',
    [`${DIR}/01-opening.md`]: item('vergadering: 2025-03-05\nagendapunt: 1\nonderwerp: Opening en mededelingen\nsoort: mondeling', 'H. de Vries is verhinderd.\n'),
    [`${DIR}/02-lobby.md`]: item(
      `vergadering: 2025-03-05
agendapunt: 2
onderwerp: Lobby
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - Kennis te nemen van de lobby gerelateerde zaken en activiteiten.
contact: { naam: Joram van Donk, telefoon: +31 614 63 74 35 }
bijlagen:
  - titel: Kamerbrief Nadere uitwerking Elke regio telt
    bestand: bijlagen/kamerbrief.pdf
  - titel: Presentatie klankbordgroep
    bestand: bijlagen/presentatie.pdf`,
      'Zie de kamerbrief (bijlage 1) en de presentatie (bijlage 2).\n',
    ),
    [`${DIR}/03-npvr.md`]: item(
      `vergadering: 2025-03-05
agendapunt: 3
onderwerp: Procesvoorstel NPVR
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - Kennis te nemen van de processtappen.
  - In te stemmen met de aanstelling van een programmamanager.
bijlagen:
  - titel: Kamerbrief Nadere uitwerking Elke regio telt
    bestand: bijlagen/kamerbrief.pdf
  - titel: Gedraaide pagina's
    bestand: bijlagen/gedraaid.pdf
  - titel: Bijgesneden pagina
    bestand: bijlagen/bijgesneden.pdf
  - titel: Lopende trajecten (werkdocument)
    ter_inzage: Secretariaat, Doetinchem
  - titel: Financiële onderbouwing
    bestand: bijlagen/geheim.pdf
    vertrouwelijk: true`,
      'De toelichting.\n',
    ),
    [`${DIR}/04-verslag.md`]: item(
      `vergadering: 2025-03-05
agendapunt: 4
onderwerp: Verslag van de vergadering van 29 januari 2025
soort: stukken
beslispunten:
  - Vaststellen van het verslag.
bijlagen:
  - titel: Verslag Algemeen Bestuur 29 januari 2025
    bestand: bijlagen/verslag.pdf`,
    ),
    [`${DIR}/bijlagen/kamerbrief.pdf`]: await portrait('Kamerbrief', 3, [
      { title: '1. Lessen uit gesprekken', page: 0 },
      { title: '2. Aanpak', page: 2 },
    ]),
    [`${DIR}/bijlagen/presentatie.pdf`]: await landscape('Presentatie', 2),
    [`${DIR}/bijlagen/gedraaid.pdf`]: await makePdf({
      title: 'Gedraaid',
      pages: [{ rotate: 90 }, { rotate: 180 }, { rotate: 270 }, { rotate: -90 }, { width: 841.89, height: 595.28, rotate: 90 }],
    }),
    [`${DIR}/bijlagen/bijgesneden.pdf`]: await makePdf({
      title: 'Bijgesneden',
      pages: [
        { mediaBox: [100, 200, 695.28, 1041.89], cropBox: [150, 260, 640, 980] },
        { cropBox: [40, 300, 500, 800], rotate: 90 },
      ],
    }),
    [`${DIR}/bijlagen/geheim.pdf`]: await portrait('Geheim', 2),
    [`${DIR}/bijlagen/verslag.pdf`]: await makePdf({ title: 'Verslag', inheritRotate: 90, pages: [{}, {}] }),
  };
}

async function build(root: string, options: { public?: boolean; dedupe?: boolean } = {}): Promise<BuiltBundle> {
  const { config } = await openRepository(root);
  const result = await buildMeeting(config, path.join(root, DIR), options);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.bundle;
}

describe('bundel build on a meeting with every kind of page', () => {
  let root: string;
  let bundle: BuiltBundle;
  let pages: PageText[];
  let doc: PDFDocument;

  beforeAll(async () => {
    root = writeRepo(await meetingTree());
    bundle = await build(root);
    // To look at the result: BUNDEL_TEST_OUTPUT=/tmp/x.pdf npx vitest run test/build
    if (process.env.BUNDEL_TEST_OUTPUT) writeFileSync(process.env.BUNDEL_TEST_OUTPUT, bundle.pdf);
    pages = await readPages(bundle.pdf);
    doc = await PDFDocument.load(bundle.pdf);
  });

  it('has agenda, memos and every attachment once', () => {
    // Attachments: kamerbrief 3 (once, deduped), presentatie 2, gedraaid 5, bijgesneden 2, geheim 2, verslag 2 = 16.
    const agenda = bundle.index.agendapunten;
    const memoPages = agenda.flatMap((a) => a.documenten.filter((d) => d.soort === 'voorstel')).reduce((n, d) => n + (d.laatstePagina! - d.eerstePagina! + 1), 0);
    expect(agenda.map((a) => a.agendapuntKenmerk)).toEqual(['1', '2', '3', '4']);
    expect(bundle.pageCount).toBe(pages.length);
    expect(doc.getPageCount()).toBe(pages.length);
    const agendaPages = agenda.flatMap((a) => a.documenten).reduce((n, d) => Math.min(n, d.eerstePagina ?? Infinity), Infinity) - 1;
    expect(agendaPages).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBe(agendaPages + memoPages + 16);
  });

  it('stamps every page upright, inside the visible area, at the bottom', () => {
    expect(stampProblems(pages, 'Algemeen Bestuur 5 maart 2025')).toEqual([]);
  });

  it('prints each attachment once and points later mentions at the first copy', () => {
    const kamerbrief = pages.filter((p) => p.text.includes('Kamerbrief blad 1'));
    expect(kamerbrief).toHaveLength(1);
    const docs2 = bundle.index.agendapunten[1].documenten;
    const docs3 = bundle.index.agendapunten[2].documenten;
    const first = docs2.find((d) => d.titel.startsWith('Kamerbrief'))!;
    const again = docs3.find((d) => d.titel.startsWith('Kamerbrief'))!;
    expect(again.eerstePagina).toBe(first.eerstePagina);
    expect(again.zieAgendapunt).toBe('2');
    expect(pages[first.eerstePagina! - 1].text).toContain('Kamerbrief blad 1');
  });

  it('has an outline: agenda, items, memo and bijlagen, with the attachments’ own bookmarks', () => {
    const outline = readBundleOutline(doc);
    expect(outline.map((o) => o.title)).toEqual(['Agenda', '2 Lobby', '3 Procesvoorstel NPVR', '4 Verslag van de vergadering van 29 januari 2025']);
    expect(outline[0].page).toBe(1);
    const lobby = outline[1];
    expect(lobby.children.map((c) => c.title)).toEqual(['Voorstel', 'Bijlage 1: Kamerbrief Nadere uitwerking Elke regio telt', 'Bijlage 2: Presentatie klankbordgroep']);
    const brief = lobby.children[1];
    expect(brief.children.map((c) => c.title)).toEqual(['1. Lessen uit gesprekken', '2. Aanpak']);
    expect(brief.children[0].page).toBe(brief.page);
    expect(brief.children[1].page).toBe(brief.page + 2);
    expect(pages[brief.page - 1].text).toContain('Kamerbrief blad 1');
    const npvr = outline[2];
    expect(npvr.children[1].title).toContain('(zie agendapunt 2)');
    expect(npvr.children[1].page).toBe(brief.page);
    expect(doc.catalog.get(PDFName.of('PageMode'))?.toString()).toBe('/UseOutlines');
  });

  it('links every agenda entry to the page it prints', () => {
    const agendaEnd = Math.min(...bundle.index.agendapunten.flatMap((a) => a.documenten.map((d) => d.eerstePagina ?? Infinity))) - 1;
    const links = internalLinks(doc, pages, Array.from({ length: agendaEnd }, (_, i) => i + 1));
    for (const link of links) expect(link.printed, `link to page ${link.target}`).toContain(String(link.target));
    // Lobby: memo + 2, NPVR: memo + 3 included + 1 withheld-free confidential, verslag: 1.
    expect(links.length).toBeGreaterThanOrEqual(9);
  });

  it('sets title, language and a fixed date', () => {
    expect(doc.getTitle()).toBe('Bundel Algemeen Bestuur 5 maart 2025');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('nl-NL');
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(doc.getSubject()).toContain('VERTROUWELIJK');
  });

  it('is byte-identical when built twice', async () => {
    const again = await build(root);
    expect(Buffer.from(again.pdf).equals(Buffer.from(bundle.pdf))).toBe(true);
  });

  it('prints a shared file every time with --no-dedupe', async () => {
    const full = await build(root, { dedupe: false });
    expect(full.pageCount).toBe(bundle.pageCount + 3);
    const texts = await readPages(full.pdf);
    expect(texts.filter((p) => p.text.includes('Kamerbrief blad 1'))).toHaveLength(2);
  });

  it('leaves confidential parts out of a public bundle and says so', async () => {
    const pub = await build(root, { public: true });
    const texts = await readPages(pub.pdf);
    expect(texts.some((p) => p.text.includes('Geheim blad'))).toBe(false);
    // Two pages of the attachment replaced by one placeholder page.
    expect(pub.pageCount).toBe(bundle.pageCount - 1);
    // The placeholder names the bijlage by its number only: its title may be confidential too (issue 10).
    const placeholder = texts.find((p) => p.text.includes('Vertrouwelijk stuk') && /niet openbaar/i.test(p.text));
    expect(placeholder).toBeDefined();
    expect(texts.some((p) => p.text.includes('Financiële onderbouwing'))).toBe(false);
    const entry = pub.index.agendapunten[2].documenten.find((d) => d.label === 'Bijlage 5')!;
    expect(entry).toMatchObject({ titel: 'Vertrouwelijk stuk', weggelaten: true });
    expect(entry.bronbestand).toBeUndefined();
    expect(path.basename(pub.pdfPath)).toContain('(openbaar)');
  });
});
