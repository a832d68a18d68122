// The Typst layouts rendered with realistic data and read back: text, links, fonts, metadata,
// determinism, and that nothing an author types is ever evaluated.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { PDFParse } from 'pdf-parse';
import { createRenderer, markdownToBlocks, PAGE_LINK_PREFIX, type MemoInput, type Renderer } from '../../src/render/index.js';
import { readPages, type PageText } from '../helpers/pdf-text.js';
import { evaluatieMemo, lobbyMemo, longAgenda, seedAgenda, withheldBijlage } from './samples.js';
import { tempDir } from '../helpers/temp.js';

const MEETING_DATE = new Date('2025-03-05T00:00:00Z');

async function pdfText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Whitespace-normalised text, so assertions do not depend on where lines break. */
async function flatText(pdf: Uint8Array): Promise<string> {
  return (await pdfText(pdf)).replace(/\s+/g, ' ');
}

/** The expected strings that do not occur in `text`: one failure lists them all. */
function missingFrom(text: string, expected: string[]): string[] {
  return expected.filter((e) => !text.includes(e));
}

interface PageLink {
  page: number;
  uri: string;
  rect: number[];
}

async function pageLinks(pdf: Uint8Array): Promise<PageLink[]> {
  const doc = await PDFDocument.load(pdf);
  const links: PageLink[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (annot.lookup(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
      if (!(uri instanceof PDFString || uri instanceof PDFHexString)) continue;
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
      links.push({ page: index + 1, uri: uri.decodeText(), rect });
    }
  });
  return links;
}

/** The text runs a viewer shows inside a link's rectangle (as the assembler's end-to-end test reads them). */
function runsInside(pages: PageText[], link: PageLink): string[] {
  const page = pages[link.page - 1];
  const [x1, y1, x2, y2] = link.rect;
  return page.runs.filter((r) => r.x >= x1 - 1 && r.x <= x2 + 1 && page.height - r.y >= y1 - 3 && page.height - r.y <= y2 + 3).map((r) => r.str.trim());
}

const bundlePage = (uri: string): number | undefined => (uri.startsWith(PAGE_LINK_PREFIX) ? Number(uri.slice(PAGE_LINK_PREFIX.length)) : undefined);

describe('renderer', () => {
  let renderer: Renderer;

  beforeAll(async () => {
    renderer = await createRenderer({ creationDate: MEETING_DATE });
  });

  describe('memo in the house form', () => {
    it('prints the fields of item 2 "Lobby"', async () => {
      const memo = renderer.renderMemo(lobbyMemo());
      expect(memo.pageCount).toBeGreaterThanOrEqual(1);
      const text = await flatText(memo.pdf);
      expect(
        missingFrom(text, [
          '8RHK ambassadeurs',
          'ALGEMEEN BESTUUR',
          'Vergadering d.d. : 5 maart 2025',
          'Agendapunt : 2',
          'Onderwerp : Lobby',
          'Portefeuillehouder : De heer J. Bengevoord',
          'Voorstel:',
          'Kennis te nemen van onderstaande lobby gerelateerde zaken en activiteiten.',
          'Toelichting:',
          'Kapstok Lentefestival: Achterhoek United',
          'Senior adviseur',
          'Procedure:',
          'DB 12 februari 2025',
          'Vervolgactie:',
          'Communicatie:',
          'Mededeling beslissing aan:',
          'Bijlagen:',
          'Meegezonden:',
          'Bijlage 1: Kamerbrief Nadere uitwerking Elke regio telt pagina 12',
          'Bijlage 2: Beslisnota bij Nadere uitwerking Elke regio telt pagina 31',
          'Consequenties:',
          'Financieel: –',
          'Personeel: –',
          'Nadere informatie bij:',
          'Joram van Donk',
          'Tel.nr.: +31 614 63 74 35',
        ]),
      ).toEqual([]);
      expect(text).not.toContain('VERTROUWELIJK');
    });

    it('numbers more than one beslispunt, marks confidential memos and lists ter-inzage and withheld bijlagen', async () => {
      const text = await flatText(renderer.renderMemo(evaluatieMemo()).pdf);
      expect(text).toContain('VERTROUWELIJK');
      expect(text).toMatch(/1\. Kennis te nemen van de uitkomsten/);
      expect(text).toMatch(/2\. In te stemmen met het oppakken/);
      expect(text).toContain('Bijlage 4: Financiële onderbouwing (vertrouwelijk, niet opgenomen)');
      expect(text).toContain('Ter inzage:');
      expect(text).toContain('Bijlage 3: Interviewverslagen evaluatie — ter inzage bij het secretariaat, Doetinchem');
      expect(text).toContain('Financieel: Geen; binnen de begroting 2025.');
      expect(text).toContain('E-mail: l.dennenberg@8rhk.nl');
    });

    it('links each meegezonden bijlage to its bundle page, one rectangle per entry', async () => {
      const memo = renderer.renderMemo(evaluatieMemo());
      const links = (await pageLinks(memo.pdf)).filter((l) => l.uri.startsWith(PAGE_LINK_PREFIX));
      expect(links.map((l) => bundlePage(l.uri))).toEqual([58, 71, 73]);
      const pages = await readPages(memo.pdf);
      for (const link of links) expect(runsInside(pages, link), link.uri).toContain(`pagina ${bundlePage(link.uri)}`);
      // The first layout pass has no page numbers yet: no placeholder links then.
      const first = await pageLinks(renderer.renderMemo(lobbyMemo(false)).pdf);
      expect(first.filter((l) => l.uri.startsWith(PAGE_LINK_PREFIX))).toEqual([]);
    });

    it('sets title, language and the fixed date in the metadata', async () => {
      const doc = await PDFDocument.load(renderer.renderMemo(lobbyMemo()).pdf, { updateMetadata: false });
      expect(doc.getTitle()).toBe('Voorstel agendapunt 2: Lobby — Algemeen Bestuur 5 maart 2025');
      expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toMatch(/nl/);
      expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    });

    it('uses only the shipped Source Sans 3', async () => {
      const doc = await PDFDocument.load(renderer.renderMemo(evaluatieMemo()).pdf);
      const fonts = new Set<string>();
      for (const [, obj] of doc.context.enumerateIndirectObjects()) {
        if (obj instanceof PDFDict && obj.lookup(PDFName.of('Type'))?.toString() === '/Font') {
          const base = obj.lookup(PDFName.of('BaseFont'))?.toString();
          if (base) fonts.add(base.replace(/^\/[A-Z]{6}\+/, ''));
        }
      }
      expect(fonts.size).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatch(/^SourceSans3-/);
    });
  });

  describe('agenda', () => {
    it('prints the meeting, every item and its documents', async () => {
      const agenda = renderer.renderAgenda(seedAgenda());
      const text = await flatText(agenda.pdf);
      expect(
        missingFrom(text, [
          'Agenda',
          'Algemeen Bestuur',
          '5 maart 2025',
          '10:00 – 12:00 uur',
          'De StecK, Doetinchem',
          'Openbare versie: vertrouwelijke stukken zijn niet opgenomen.',
          'Opening en mededelingen',
          'H. de Vries is verhinderd.',
          'Kennisnemen van de lobby gerelateerde zaken en activiteiten.',
          'Bijlage 1 Kamerbrief Nadere uitwerking Elke regio telt',
          'ter inzage: secretariaat, Doetinchem',
          'Notitie procesmiddelen (vertrouwelijk — niet opgenomen in deze openbare versie)',
          'Vertrouwelijk — niet opgenomen in deze openbare versie.',
          'Voordracht lid Achterhoek Board (mondeling)',
          '11 juni 2025: Achterhoeks Lentefestival',
          'Uitnodiging Bestuurdersdiner Onverwachte Hoek 19 maart',
        ]),
      ).toEqual([]);
    });

    it('links every document entry to `x-bundel:page=N`, with N printed inside the link', async () => {
      const input = seedAgenda();
      input.items[1].documenten.push({
        label: 'Bijlage 3',
        titel: 'Een bijlage met een zo lange titel dat hij op de agenda over twee of zelfs drie regels moet lopen, zoals in het echt ook gebeurt',
        pagina: 27,
        status: 'opgenomen',
      });
      const agenda = renderer.renderAgenda(input);
      const links = (await pageLinks(agenda.pdf)).filter((l) => l.uri.startsWith(PAGE_LINK_PREFIX));
      // One rectangle per entry, also for a title that wraps.
      const expected = input.items.flatMap((i) => i.documenten.filter((d) => d.pagina !== undefined && d.status !== 'ter-inzage').map((d) => d.pagina));
      expect(links.map((l) => bundlePage(l.uri))).toEqual(expected);
      // As the assembler's end-to-end test reads it: the page number is a run of its own inside the link.
      const pages = await readPages(agenda.pdf);
      for (const link of links) expect(runsInside(pages, link), link.uri).toContain(String(bundlePage(link.uri)));
    });

    it('runs over several pages for 60 items, every entry linked', async () => {
      const agenda = renderer.renderAgenda(longAgenda(60));
      expect(agenda.pageCount).toBeGreaterThan(3);
      const links = (await pageLinks(agenda.pdf)).filter((l) => l.uri.startsWith(PAGE_LINK_PREFIX));
      expect(links).toHaveLength(180);
      expect(new Set(links.map((l) => l.page)).size).toBe(agenda.pageCount);
      const text = await flatText(agenda.pdf);
      expect(text).toContain('Agendapunt nummer 60');
      expect(text).toContain('(vervolg)');
    });
  });

  it('renders the page that stands in for a withheld document', async () => {
    const withheld = renderer.renderWithheld(withheldBijlage());
    expect(withheld.pageCount).toBe(1);
    const text = await flatText(withheld.pdf);
    expect(text).toContain('Agendapunt 3');
    expect(text).toContain('Bijlage 3: Notitie procesmiddelen');
    expect(text).toContain('Vertrouwelijk, niet openbaar — dit stuk is niet opgenomen in de openbare versie van de bundel.');
  });

  describe('author text is never Typst code', () => {
    const hostile = [
      '#set page(fill: red)',
      '$x^2$',
      '@ref',
      '<label>',
      ']',
      '*bold*',
      '_italic_',
      '\\',
      '`raw`',
      '#import "x"',
      '#read("/etc/passwd")',
      '// geen commentaar',
      '/* ook niet */',
      '#{panic()}',
      '= Kop',
      '[#text(fill: red)[rood]]',
    ];

    function hostileMemo(): MemoInput {
      const memo = lobbyMemo();
      return {
        ...memo,
        onderwerp: 'Lobby #strong[x] $y$',
        portefeuillehouder: '@ref <x> ] \\',
        beslispunten: ['#set page(fill: red)', '*bold* [link](https://example.org)'],
        toelichting: [
          ...hostile.map((v) => ({ t: 'para' as const, c: [{ t: 'text' as const, v }] })),
          ...markdownToBlocks('Markdown: \\#set text(red) \\$x^2\\$ @ref <label> \\] \\*bold\\* \\\\ #import "x" #read("/etc/passwd")'),
          { t: 'code', v: '#panic("code")' },
          { t: 'para', c: [{ t: 'link', url: 'x-bundel:page=999', c: [{ t: 'text', v: 'gevaarlijke link' }] }] },
        ],
        procedure: ['#pagebreak()'],
        meegezonden: [{ nummer: 1, titel: '#pagebreak() #pagebreak()', pagina: 3 }],
        contact: { naam: '#link("https://evil.example")[klik]', telefoon: '$1$' },
      };
    }

    it('prints every character literally', async () => {
      const memo = renderer.renderMemo(hostileMemo());
      const text = await pdfText(memo.pdf);
      const lines = text.split('\n').map((l) => l.trim());
      for (const v of hostile) expect(lines, v).toContain(v);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Markdown: #set text(red) $x^2$ @ref <label> ] *bold* \\ #import "x" #read("/etc/passwd")');
      expect(flat).toContain('Onderwerp : Lobby #strong[x] $y$');
      expect(flat).toContain('Portefeuillehouder : @ref <x> ] \\');
      expect(flat).toContain('#panic("code")');
      expect(flat).toContain('#pagebreak() #pagebreak()');
      expect(flat).toContain('#link("https://evil.example")[klik]');
      expect(flat).not.toMatch(/root:/);
    });

    it('has none of their effects', async () => {
      const memo = renderer.renderMemo(hostileMemo());
      const plain = renderer.renderMemo({ ...hostileMemo(), toelichting: [], beslispunten: ['x'], procedure: [], meegezonden: [] });
      // No page breaks were inserted; no page fill; the author's "x-bundel:" link stays text.
      expect(memo.pageCount).toBeLessThanOrEqual(plain.pageCount + 1);
      const links = await pageLinks(memo.pdf);
      expect(links.map((l) => l.uri)).not.toContain('x-bundel:page=999');
      expect(links.map((l) => l.uri)).not.toContain('https://evil.example');
      const doc = await PDFDocument.load(memo.pdf);
      for (const page of doc.getPages()) {
        const { width, height } = page.getSize();
        expect(width).toBeCloseTo(595.28, 0);
        expect(height).toBeCloseTo(841.89, 0);
      }
      const text = await flatText(memo.pdf);
      expect(text).toContain('gevaarlijke link (x-bundel:page=999)');
    });
  });

  it('is deterministic: the same input gives the same bytes, also from a new renderer', async () => {
    const a = renderer.renderMemo(evaluatieMemo()).pdf;
    const b = renderer.renderMemo(evaluatieMemo()).pdf;
    const c = (await createRenderer({ creationDate: MEETING_DATE })).renderMemo(evaluatieMemo()).pdf;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(true);
    const agenda1 = renderer.renderAgenda(seedAgenda()).pdf;
    const agenda2 = renderer.renderAgenda(seedAgenda()).pdf;
    expect(Buffer.from(agenda1).equals(Buffer.from(agenda2))).toBe(true);
  });

  it('writes no date at all without a creation date', async () => {
    const undated = await createRenderer();
    const doc = await PDFDocument.load(undated.renderWithheld(withheldBijlage()).pdf, { updateMetadata: false });
    expect(doc.getCreationDate()).toBeUndefined();
  });

  it('turns a Typst warning (an unknown font) into an error', async () => {
    const broken = await createRenderer({ creationDate: MEETING_DATE, fontFamily: 'Geen Bestaande Letter' });
    expect(() => broken.renderMemo(lobbyMemo())).toThrow(/waarschuwingen.*unknown font family: geen bestaande letter/i);
  });

  it('reports characters the font cannot draw', () => {
    const memo = renderer.renderMemo({ ...lobbyMemo(), toelichting: markdownToBlocks('➢ Actiepunt met 中 en €, ő, Ł') });
    expect(memo.missingGlyphs).toEqual(['➢', '中'].sort());
    expect(renderer.renderMemo(lobbyMemo()).missingGlyphs).toBeUndefined();
  });

  describe('logo', () => {
    const dir = tempDir();
    const logo = path.join(dir, 'logo.svg');
    writeFileSync(
      logo,
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="40" height="40" fill="#17375e"/><circle cx="80" cy="20" r="18" fill="#c33"/></svg>',
    );

    it('is read from any absolute path and drawn on the memo and the agenda', async () => {
      const withLogo = renderer.renderMemo({ ...lobbyMemo(), logo });
      const without = renderer.renderMemo(lobbyMemo());
      expect(Buffer.from(withLogo.pdf).equals(Buffer.from(without.pdf))).toBe(false);
      expect(await flatText(withLogo.pdf)).toContain('Vergadering d.d. : 5 maart 2025');
      const agenda = renderer.renderAgenda({ ...seedAgenda(), logo });
      expect(agenda.pageCount).toBeGreaterThanOrEqual(1);
    });

    it('takes PNG as well', () => {
      const png = path.join(dir, 'logo.png');
      // 1×1 pixel PNG.
      writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
      expect(renderer.renderAgenda({ ...seedAgenda(), logo: png }).pageCount).toBeGreaterThanOrEqual(1);
    });

    it('fails with the path when the file cannot be read or is no image', () => {
      const missing = path.join(dir, 'bestaat-niet.png');
      expect(() => renderer.renderMemo({ ...lobbyMemo(), logo: missing })).toThrow(missing);
      const broken = path.join(dir, 'kapot.png');
      writeFileSync(broken, 'geen plaatje');
      expect(() => renderer.renderAgenda({ ...seedAgenda(), logo: broken })).toThrow(broken);
    });
  });
});
