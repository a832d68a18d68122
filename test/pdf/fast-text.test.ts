// The fast text reader against pdfjs, the oracle: on every fixture PDF and on PDFs made here (pdf-lib
// with hand-written content streams, LibreOffice), the same text per page after white space is
// normalised, the same first-page heading, the same empty pages and the same personal-data findings.
// Where the fast reader cannot read a file the way pdfjs does, it must say so (and pdfjs reads it).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import { PDFDict, PDFDocument, PDFName, StandardFonts, type PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractTextFast, type FastText } from '../../src/pdf/fast-text/extract.js';
import { loadGuarded } from '../../src/pdf/guard.js';
import { extractText, MAX_TEXT_CHARS, type ExtractedText } from '../../src/pdf/text.js';
import { findOnPages } from '../../src/util/personal-data.js';
import { requireSoffice } from '../helpers/soffice.js';
import { tempDir } from '../helpers/temp.js';
import { textPdf } from '../helpers/text-pdf.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const FONT = readFileSync(path.resolve(import.meta.dirname, '../../templates/fonts/SourceSans3-Regular.ttf'));

const pdfsUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.pdf'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What the checks see of a text: pages (normalised), heading, empty pages, findings. */
function view(t: ExtractedText) {
  return {
    pages: t.pages.map(normal),
    heading: t.heading,
    empty: t.pages.flatMap((p, i) => (p.trim() === '' ? [i + 1] : [])),
    matches: findOnPages(t.pages),
    stopped: t.stopped,
  };
}

/** Both readers on one file; `fast` is undefined when the file does not load at all. */
async function both(bytes: Uint8Array): Promise<{ fast?: FastText; pdfjs?: ExtractedText }> {
  const loaded = await loadGuarded(bytes);
  if (!loaded.ok) return {};
  const fast = extractTextFast(loaded.doc, bytes.length, { maxChars: MAX_TEXT_CHARS });
  const pdfjs = await extractText(bytes.slice(), { maxChars: MAX_TEXT_CHARS }).catch(() => undefined);
  return { fast, pdfjs };
}

async function expectSame(bytes: Uint8Array, label: string): Promise<FastText | undefined> {
  const { fast, pdfjs } = await both(bytes);
  if (fast?.ok) {
    expect(pdfjs, `${label}: pdfjs reads it too`).toBeDefined();
    expect(view(fast.text), label).toEqual(view(pdfjs!));
  }
  return fast;
}

describe('fast text reader: the same text as pdfjs', () => {
  it('on every fixture PDF it reads, and it reads the attachments of the reference meeting itself', { timeout: 240_000 }, async () => {
    const files = pdfsUnder(FIXTURES);
    expect(files.length).toBeGreaterThan(80);
    const read: string[] = [];
    const left: string[] = [];
    for (const file of files) {
      const fast = await expectSame(new Uint8Array(readFileSync(file)), path.relative(FIXTURES, file));
      if (fast?.ok) read.push(file);
      else if (fast) left.push(file);
    }
    // Every attachment of the reference and accessibility meetings (Typst, Word, LibreOffice, pdf-lib) goes the fast way.
    for (const file of files.filter((f) => /(reference|toegankelijk)\/vergaderingen/.test(f))) expect(read, path.relative(FIXTURES, file)).toContain(file);
    // Most of the hostile corpus too: what is left is damaged in ways pdfjs reads differently.
    expect(read.length).toBeGreaterThan(left.length * 3);
  });

  it('on text made by LibreOffice: accents, ligatures, a table, bullets, justified and letter-spaced text, personal data', { timeout: 120_000 }, async () => {
    const soffice = requireSoffice();
    const dir = tempDir();
    const html = path.join(dir, 'stuk.html');
    writeFileSync(
      html,
      `<html><head><meta charset="utf-8"><style>h1{font-family:'DejaVu Sans';font-size:26pt} td{border:1px solid #000}</style></head><body>
<h1>Jaarverslag Regio Achterhoek 2025</h1>
<p>De financiële efficiëntie: ﬁnanciën, „aanhalingstekens” – gedachtestreepje — € 1.234,56 en 12½%. Café, naïef, coördinatie, ĳsbaan.</p>
<p>Bel 06-12345678 of +31 6 2345 6789, mail j.devries@gmail.com en BSN 111222333.</p><p>IBAN NL91 ABNA 0417 1643 00</p>
<ul><li>Punt met <b>vet</b>, <i>cursief</i>, H<sub>2</sub>O en m<sup>2</sup>.</li><li>Tweede punt</li></ul>
<table><tr><td>Gemeente</td><td>Bijdrage</td></tr><tr><td>Doetinchem</td><td>€ 120.000</td></tr></table>
<p style="letter-spacing:3px">Gespatieerde tekst</p>
<p style="text-align:justify">${'De regio werkt samen aan de uitvoering van de regionale energiestrategie binnen de bestaande begroting. '.repeat(4)}</p>
</body></html>`,
    );
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, html], { stdio: 'ignore', env: { ...process.env, HOME: dir } });
    const fast = await expectSame(new Uint8Array(readFileSync(path.join(dir, 'stuk.pdf'))), 'LibreOffice');
    expect(fast?.ok).toBe(true);
    // (LibreOffice's HTML import starts with an empty page: the text is on page 2.)
    if (fast?.ok) expect(findOnPages(fast.text.pages).map((m) => `${m.kind} ${m.text}`)).toEqual([
        'telefoon 06-12345678',
        'telefoon +31 6 2345 6789',
        'email j.devries@gmail.com',
        'bsn 111222333',
        'iban NL91 ABNA 0417 1643 00',
      ]);
  });

  it('on scans, blank pages and headings of several sizes', async () => {
    const pdf = await textPdf({
      pages: [{ lines: [{ text: 'Kleine kop', size: 10 }, { text: 'De grote titel', size: 24 }, { text: 'Nog een grote', size: 23.8 }, 'Gewone tekst.'] }, { scan: true }, { blank: true }, { lines: ['Bel 06-12345678.'] }],
    });
    const fast = await expectSame(pdf, 'textPdf');
    expect(fast?.ok && fast.text.heading).toBe('De grote titel Nog een grote');
  });
});

/** A one-page PDF whose page draws `content` with the resources given (fonts F1 Helvetica, F2 an embedded subset). */
async function rawPdf(content: string, extra: (doc: PDFDocument, resources: PDFDict) => void = () => {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const subset = await doc.embedFont(FONT, { subset: true });
  // The subset's glyphs are only written for text it was asked to encode.
  const encoded = subset.encodeText('Tekst met €, ĳ en één woord: Jaarverslag 2025');
  const page = doc.addPage([595, 842]);
  const fonts = doc.context.obj({ F1: helvetica.ref, F2: subset.ref });
  const resources = doc.context.obj({ Font: fonts }) as PDFDict;
  extra(doc, resources);
  page.node.set(PDFName.of('Resources'), resources);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content.replaceAll('<ENCODED>', encoded.toString()))));
  return doc.save({ useObjectStreams: false });
}

describe('fast text reader: content streams written by hand', () => {
  const cases: [string, string][] = [
    ['Tj, Td and a new line', 'BT /F1 12 Tf 72 700 Td (Eerste regel) Tj 0 -14 Td (Tweede regel) Tj ET'],
    ['TJ with kerning and word gaps', 'BT /F1 12 Tf 72 700 Td [(Ker) 20 (ning) -300 (en) -3000 (gat) 120 (en)] TJ ET'],
    ["T*, TL, ' and \"", "BT /F1 11 Tf 14 TL 72 700 Td (een) Tj T* (twee) Tj (drie) ' 2 1 (vier vijf) \" ET"],
    ['Tc, Tw, Tz and Ts', 'BT /F1 12 Tf 72 700 Td 3 Tc (ruim) Tj 0 Tc 10 Tw (met woorden) Tj 0 Tw 50 Tz (smal) Tj 100 Tz 5 Ts (hoog) Tj ET'],
    ['a text matrix scaled, rotated and mirrored', 'BT /F1 1 Tf 30 0 0 30 72 700 Tm (Groot) Tj 0 12 -12 0 300 400 Tm (Gedraaid) Tj -12 0 0 -12 500 100 Tm (Omgekeerd) Tj ET'],
    ['cm, q and Q around text', 'q 2 0 0 2 0 0 cm BT /F1 10 Tf 36 300 Td (Dubbel) Tj ET Q BT /F1 10 Tf 72 100 Td (Enkel) Tj ET'],
    ['text outside the page', 'BT /F1 12 Tf -500 700 Td (Buiten) Tj 572 0 Td (Binnen) Tj 0 500 Td (Erboven) Tj ET'],
    ['an embedded subset (Identity-H, ToUnicode)', 'BT /F2 14 Tf 72 700 Td <ENCODED> Tj ET'],
    ['escapes, octal and nested parentheses', 'BT /F1 12 Tf 72 700 Td (a\\(b\\) \\(c\\) \\101\\102 (genest) \\\\ eind) Tj ET'],
    ['marked content and an inline image', 'BT /F1 12 Tf 72 700 Td /Span << /MCID 0 >> BDC (gemarkeerd) Tj EMC ET BI /W 2 /H 1 /BPC 8 /CS /G ID \u0000\u00ff EI BT /F1 12 Tf 72 600 Td (na het plaatje) Tj ET'],
    ['the same font again and a size change', 'BT /F1 12 Tf 72 700 Td (klein) Tj /F1 12 Tf (zelfde) Tj /F1 20 Tf (groot) Tj ET'],
  ];
  for (const [name, content] of cases) {
    it(name, async () => {
      const fast = await expectSame(await rawPdf(content), name);
      expect(fast?.ok, name).toBe(true);
    });
  }

  it('follows forms (with their matrix), and leaves a form that draws itself to pdfjs', async () => {
    const withForm = (selfDrawing: boolean) =>
      rawPdf('BT /F1 12 Tf 72 700 Td (Pagina) Tj ET /Fm0 Do', (doc, resources) => {
        const form = doc.context.stream('BT /F1 12 Tf 10 10 Td (In de vorm) Tj ET' + (selfDrawing ? ' /Fm0 Do' : ''), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 300, 300], Matrix: [1, 0, 0, 1, 100, 200] });
        const ref = doc.context.register(form);
        const formResources = doc.context.obj({ Font: resources.get(PDFName.of('Font'))!, XObject: { Fm0: ref } });
        form.dict.set(PDFName.of('Resources'), formResources);
        resources.set(PDFName.of('XObject'), doc.context.obj({ Fm0: ref }));
      });
    const fast = await expectSame(await withForm(false), 'form');
    expect(fast?.ok && fast.text.pages[0]).toContain('In de vorm');
    expect(await expectSame(await withForm(true), 'cycle')).toMatchObject({ ok: false });
  });

  it('leaves fonts it cannot read as pdfjs does to pdfjs: Type 3, no ToUnicode on a composite font, unknown glyph names', async () => {
    const type3 = await rawPdf('BT /F3 12 Tf 72 700 Td (ab) Tj ET', (doc, resources) => {
      const glyph: PDFRef = doc.context.register(doc.context.stream('500 0 d0'));
      const font = doc.context.obj({ Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 500, 500], FontMatrix: [0.001, 0, 0, 0.001, 0, 0], CharProcs: { a: glyph, b: glyph }, Encoding: { Type: 'Encoding', Differences: [97, 'a', 'b'] }, FirstChar: 97, LastChar: 98, Widths: [500, 500] });
      (resources.get(PDFName.of('Font')) as PDFDict).set(PDFName.of('F3'), doc.context.register(font));
    });
    expect(await expectSame(type3, 'Type3')).toMatchObject({ ok: false });
    const oddName = await rawPdf('BT /F4 12 Tf 72 700 Td (a) Tj ET', (doc, resources) => {
      const font = doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [97, 'g123'] } });
      (resources.get(PDFName.of('Font')) as PDFDict).set(PDFName.of('F4'), doc.context.register(font));
    });
    expect(await expectSame(oddName, 'odd name')).toMatchObject({ ok: false });
    const named = await rawPdf('BT /F4 12 Tf 72 700 Td (abc) Tj ET', (doc, resources) => {
      const font = doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Times-Roman', Encoding: { Type: 'Encoding', Differences: [97, 'eacute', 'uni0133', 'Euro'] } });
      (resources.get(PDFName.of('Font')) as PDFDict).set(PDFName.of('F4'), doc.context.register(font));
    });
    const fast = await expectSame(named, 'Differences');
    expect(fast?.ok && normal(fast.text.pages[0])).toBe('éĳ€');
  });

  it('stops at its time budget', async () => {
    const bytes = await rawPdf(`BT /F1 12 Tf 72 700 Td ${'0 0 Td (x) Tj '.repeat(50_000)}ET`);
    const loaded = await loadGuarded(bytes);
    if (!loaded.ok) throw new Error('load');
    expect(extractTextFast(loaded.doc, bytes.length, { maxChars: MAX_TEXT_CHARS, budgetMs: -1 })).toMatchObject({ ok: true, text: { stopped: 'tijd' } });
    expect(extractTextFast(loaded.doc, bytes.length, { maxChars: 1000 })).toMatchObject({ ok: true, text: { stopped: 'tekst' } });
  });
});
