// The reference meeting (AB 8RHK ambassadeurs, 5 March 2025) built through the CLI, checked against
// what the published bundle contains — and against what it got wrong.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import { internalLinks, readBundleOutline, stampProblems } from '../helpers/bundle-checks.js';
import { runMain } from '../helpers/cli.js';
import { readPages, type PageText } from '../helpers/pdf-text.js';
import { checkStructure, countElements, findElements, type StructureReport } from '../helpers/structure-check.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/reference');
const MEETING = path.join(ROOT, 'vergaderingen/2025-03-05');
/** The text each attachment was made from (scripts/make-reference-pdfs.mjs). */
const TEXTS = path.resolve(import.meta.dirname, '../../scripts/reference-text');

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The opening words of each paragraph, heading and table cell in the text an attachment was made
 * from, in order, markup removed: what must be found on the attachment's pages in the bundle.
 * Layout directives, footnotes and pieces of fewer than three words are left out.
 */
function openingsOf(source: string): string[] {
  const stem = path.basename(source, '.pdf');
  const file = readdirSync(TEXTS).find((f) => stem.startsWith(f.replace(/\.txt$/, '')))!;
  return readFileSync(path.join(TEXTS, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*([%@]|\[\^)/.test(line))
    .flatMap((line) => (line.startsWith('|') ? line.split(/\||<br>/) : [line]))
    .map((piece) => squash(piece.replace(/^\s*(#+|[-•›>])\s+/, '').replace(/\*\*/g, '').split('^[')[0]))
    .filter((piece) => piece.split(' ').length >= 3)
    .map((piece) => piece.split(' ').slice(0, 3).join(' '));
}

describe('the reference meeting of 5 March 2025', () => {
  let out: string;
  let index: BundleIndex;
  let pages: PageText[];
  let doc: PDFDocument;
  let stdout: string;

  beforeAll(async () => {
    out = path.join(tempDir(), 'bundel.pdf');
    const r = await runMain(['--root', ROOT, 'build', '2025-03-05', '-o', out]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    stdout = r.stdout;
    const pdf = readFileSync(out);
    index = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.json'), 'utf8')) as BundleIndex;
    pages = await readPages(pdf);
    doc = await PDFDocument.load(pdf);
  });

  it('lints without errors; the only warnings are about attachments without tags, one per such file', async () => {
    const r = await runMain(['--root', ROOT, 'lint', '2025-03-05', '--format', 'json']);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout) as { rule: string; severity: string; message: string }[];
    expect([...new Set(found.map((d) => `${d.severity} ${d.rule}`))]).toEqual(['warning bijlage-niet-toegankelijk']);
    // The files without a structure tree, read from the files themselves: the slide deck and the
    // invitation (scripts/make-reference-pdfs.mjs tags the Word-made documents only).
    const untagged: string[] = [];
    for (const f of readdirSync(path.join(MEETING, 'bijlagen')).filter((f) => f.endsWith('.pdf')).sort()) {
      const source = await PDFDocument.load(readFileSync(path.join(MEETING, 'bijlagen', f)), { updateMetadata: false });
      if (!source.catalog.has(PDFName.of('StructTreeRoot'))) untagged.push(f);
    }
    expect(untagged).toEqual(['presentatie-klankbordgroep-2025-01-28.pdf', 'uitnodiging-bestuurdersdiner-2025-03-19.pdf']);
    expect(found.map((d) => /`bijlagen\/([^`]+)`/.exec(d.message)?.[1]).sort()).toEqual(untagged);
  });

  it('is tagged: the checker passes, each tagged attachment keeps its tree under its document element, an untagged one is one element', async () => {
    const report: StructureReport = checkStructure(doc);
    expect(report.problems).toEqual([]);
    expect(report.pagesWithoutContent).toEqual([]);
    const root = report.root!;
    expect(root.children.map((c) => c.title)).toEqual(['Agenda', ...index.agendapunten.filter((a) => a.documenten.some((d) => d.eerstePagina && !d.zieAgendapunt)).map((a) => `Agendapunt ${a.agendapuntKenmerk}: ${a.agendapuntTitel}`)]);
    let tagged = 0;
    for (const a of index.agendapunten) {
      const item = root.children.find((c) => c.title === `Agendapunt ${a.agendapuntKenmerk}: ${a.agendapuntTitel}`);
      for (const d of a.documenten.filter((x) => x.soort !== 'voorstel' && x.eerstePagina && !x.zieAgendapunt)) {
        const element = item!.children.find((c) => c.title?.endsWith(d.titel));
        expect(element, d.titel).toBeDefined();
        const source = checkStructure(await PDFDocument.load(readFileSync(path.join(MEETING, 'bijlagen', path.basename(d.bronbestand!))), { updateMetadata: false }));
        if (source.root) {
          tagged++;
          expect(countElements(element!), d.titel).toBe(source.elements);
        } else {
          expect(element, d.titel).toMatchObject({ type: 'Div', children: [] });
          expect(element!.content, d.titel).toHaveLength(d.laatstePagina! - d.eerstePagina! + 1);
        }
      }
    }
    expect(tagged).toBeGreaterThanOrEqual(8);
    // The Kamerbrief, printed once at item 2: its own Document element a Part of the bundle's, holding
    // its headings, paragraphs, footnotes, lists and table.
    const lobby = root.children.find((c) => c.title === 'Agendapunt 2: Lobby')!;
    const brief = lobby.children.find((c) => c.title?.includes('Kamerbrief'))!;
    expect(new Set(findElements(brief, () => true).map((e) => e.role))).toEqual(new Set(['Part', 'P', 'H1', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'Note', 'Table', 'TR', 'TH', 'TD']));
  });

  it('reports the bundle it wrote', () => {
    expect(stdout).toContain(`(${pages.length} pagina's`);
    expect(index.bundel.paginas).toBe(pages.length);
  });

  it('has the eight items in order on the agenda, with page numbers that hold', () => {
    expect(index.agendapunten.map((a) => `${a.agendapuntKenmerk} ${a.agendapuntTitel}`)).toEqual([
      '1 Opening en mededelingen',
      '2 Lobby',
      '3 Procesvoorstel Nationaal Programma Vitale Regio’s (NPVR)',
      '4 Update besparingen',
      '5 Lichte Evaluatie',
      '6 Voordracht lid Achterhoek Board',
      '7 Verslag van de vergadering van 29 januari 2025',
      '8 Rondvraag en belangrijke data',
    ]);
    const firstDocPage = Math.min(...index.agendapunten.flatMap((a) => a.documenten.map((d) => d.eerstePagina ?? Infinity)));
    const agendaText = pages.slice(0, firstDocPage - 1).map((p) => p.text).join(' ');
    let last = -1;
    for (const a of index.agendapunten) {
      const at = agendaText.indexOf(a.agendapuntTitel.slice(0, 25));
      expect(at, a.agendapuntTitel).toBeGreaterThan(last);
      last = at;
    }
    const links = internalLinks(doc, pages, Array.from({ length: firstDocPage - 1 }, (_, i) => i + 1));
    const documents = index.agendapunten.flatMap((a) => a.documenten).filter((d) => d.eerstePagina);
    expect(links.length).toBe(documents.length);
    for (const link of links) expect(link.printed, `agenda link to ${link.target}`).toContain(String(link.target));
    expect(new Set(links.map((l) => l.target))).toEqual(new Set(documents.map((d) => d.eerstePagina)));
  });

  it('starts every document on the page the index gives, and holds its text on its pages', () => {
    const documents = index.agendapunten.flatMap((a) => a.documenten.map((d) => ({ a, d })));
    expect(documents.filter(({ d }) => d.soort !== 'voorstel' && d.eerstePagina)).toHaveLength(12);
    for (const { a, d } of documents) {
      const first = squash(pages[d.eerstePagina! - 1].text);
      if (d.soort === 'voorstel') {
        // The house form says "Agendapunt : 2", the free memo's running head "Memo agendapunt 3".
        expect(first, a.agendapuntTitel).toMatch(new RegExp(`[Aa]gendapunt :? ?${a.agendapuntKenmerk} `));
        expect(first, a.agendapuntTitel).toContain(a.agendapuntTitel.slice(0, 20));
        continue;
      }
      const openings = openingsOf(d.bronbestand!);
      expect(openings.length, d.titel).toBeGreaterThan(0);
      expect(first, `${d.titel}: first page`).toContain(openings[0]);
      // Every paragraph, in order, on the document's own pages.
      const own = squash(pages.slice(d.eerstePagina! - 1, d.laatstePagina).map((p) => p.text).join(' '));
      let at = 0;
      for (const opening of openings) {
        const found = own.indexOf(opening, at);
        expect(found, `${d.titel}: «${opening}» after position ${at}`).toBeGreaterThanOrEqual(0);
        at = found;
      }
    }
  });

  it('prints item 2’s memo in the house form', () => {
    const memo = index.agendapunten[1].documenten.find((d) => d.soort === 'voorstel')!;
    const text = pages.slice(memo.eerstePagina! - 1, memo.laatstePagina).map((p) => p.text).join(' ').replace(/\s+/g, ' ');
    expect(text).toMatch(/Vergadering d\.d\. :? ?5 maart 2025/);
    expect(text).toMatch(/Agendapunt :? ?2/);
    expect(text).toMatch(/Onderwerp :? ?Lobby/);
    expect(text).toMatch(/Portefeuillehouder :? ?De heer J\. Bengevoord/);
    expect(text).toMatch(/Nadere informatie bij:? ?Joram van Donk/);
    expect(text).toContain('+31 614 63 74 35');
    expect(text).toContain('ALGEMEEN BESTUUR');
  });

  it('prints item 3’s governance diagram (bijlagen/governance.svg) in its memo, a figure with its description', () => {
    const memo = index.agendapunten[2].documenten.find((d) => d.soort === 'voorstel')!;
    const report = checkStructure(doc);
    expect(report.problems).toEqual([]);
    const figures = findElements(report.root!, (e) => e.role === 'Figure' && (e.alt ?? '').startsWith('Governance Rijk-regio'));
    expect(figures).toHaveLength(1);
    expect(figures[0].alt).toContain('Kernteam');
    const page = Number(figures[0].content.find((c) => c.startsWith('page '))?.split(/[ :]/)[1]);
    expect(page).toBeGreaterThanOrEqual(memo.eerstePagina!);
    expect(page).toBeLessThanOrEqual(memo.laatstePagina!);
    // The diagram's words are on that page (as text, read by poppler), after the text that introduces it.
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text.indexOf('Rijksvertegenwoordiger op DG')).toBeGreaterThan(text.indexOf('interdepartementale werkgroep:'));
    expect(text).toContain('Programmamanager NPVR');
  });

  it('is byte-identical when built twice (the diagram included)', async () => {
    const again = path.join(tempDir(), 'bundel.pdf');
    const r = await runMain(['--root', ROOT, 'build', '2025-03-05', '-o', again]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('prints the Kamerbrief once, reachable from items 2 and 3', () => {
    const item2 = index.agendapunten[1].documenten.find((d) => d.titel.startsWith('Kamerbrief'))!;
    const item3 = index.agendapunten[2].documenten.find((d) => d.titel.startsWith('Kamerbrief'))!;
    expect(item3.eerstePagina).toBe(item2.eerstePagina);
    expect(item3.zieAgendapunt).toBe('2');
    const firstPages = pages.filter((p) => /Pagina 1 van 13/.test(p.text));
    expect(firstPages).toHaveLength(1);
    const outline = readBundleOutline(doc);
    const npvr = outline.find((o) => o.title.startsWith('3 '))!;
    const brief = npvr.children.find((c) => c.title.includes('Kamerbrief'))!;
    expect(brief.page).toBe(item2.eerstePagina);
    // The attachment's own bookmarks are kept under its entry in item 2.
    const lobby = outline.find((o) => o.title === '2 Lobby')!;
    expect(lobby.children.find((c) => c.title.includes('Kamerbrief'))!.children.length).toBeGreaterThan(3);
  });

  it('gives item 7 no memo and items 1 and 6 no documents', () => {
    const [one, , , , , six, seven] = index.agendapunten;
    expect(one.documenten).toEqual([]);
    expect(six.documenten).toEqual([]);
    expect(seven.documenten.map((d) => d.soort)).toEqual(['stuk']);
  });

  it('carries its number, upright and visible, on every page', () => {
    expect(stampProblems(pages, 'Algemeen Bestuur 5 maart 2025')).toEqual([]);
  });
});
