// The accessible bundle (issue 17), built through the CLI from fixtures/toegankelijk: a memo and
// agenda tagged by Typst, an attachment tagged by LibreOffice (as from Word), one tagged by Typst,
// one in English, one without tags, one shared by two items, one confidential. Checked by our own
// structure checker (test/helpers/structure-check.ts), qpdf and poppler.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundleOutline } from '../helpers/bundle-checks.js';
import { runMain } from '../helpers/cli.js';
import { writeRepo } from '../helpers/repo.js';
import { checkMetadata, checkStructure, countElements, findElements, type StructElement, type StructureReport } from '../helpers/structure-check.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/toegankelijk');
const MEETING = path.join(ROOT, 'vergaderingen/2025-06-11');

async function build(...flags: string[]): Promise<{ bytes: Uint8Array; doc: PDFDocument; report: StructureReport; stderr: string }> {
  const out = path.join(tempDir(), 'bundel.pdf');
  const r = await runMain(['--root', ROOT, 'build', '2025-06-11', '-o', out, ...flags]);
  expect(r.code, r.stderr).toBe(0);
  const bytes = new Uint8Array(readFileSync(out));
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { bytes, doc, report: checkStructure(doc), stderr: r.stderr };
}

/** Elements of a source file's own tree, read the same way. */
async function sourceElements(file: string): Promise<number> {
  return checkStructure(await PDFDocument.load(readFileSync(path.join(MEETING, 'bijlagen', file)), { updateMetadata: false })).elements;
}

const titles = (e: StructElement): (string | undefined)[] => e.children.map((c) => c.title);
const roles = (e: StructElement): Set<string> => new Set(findElements(e, () => true).map((x) => x.role));

describe('the tagged bundle', () => {
  let bundle: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    bundle = await build();
  });

  it('passes the structure checker: every MCID of every page reachable through the ParentTree, no key twice, no untagged text', () => {
    expect(bundle.report.problems).toEqual([]);
    expect(bundle.report.pagesWithoutContent).toEqual([]);
    expect(bundle.report.markedContent).toBeGreaterThan(100);
  });

  it('holds, in bundle order, the agenda and per item its documents', () => {
    const root = bundle.report.root!;
    expect(root).toMatchObject({ type: 'Document', title: 'Bundel Algemeen Bestuur 11 juni 2025' });
    expect(titles(root)).toEqual(['Agenda', 'Agendapunt 2: Regionale samenwerking', 'Agendapunt 3: Projecten 2025', 'Agendapunt 4: Verslag van de vergadering van 9 april 2025']);
    expect(titles(root.children[1])).toEqual(['Voorstel', 'Bijlage 1: Notitie regionale samenwerking', 'Bijlage 2: Beslisnota regionale samenwerking', 'Bijlage 3: Summary of the regional agreement']);
    // The notitie is printed at item 2; item 3 only points to it.
    expect(titles(root.children[2])).toEqual(['Voorstel', 'Bijlage 1: Overzicht projecten', 'Bijlage 3: Vertrouwelijk advies']);
    expect(titles(root.children[3])).toEqual(['Verslag algemeen bestuur 9 april 2025']);
  });

  it('shows the agenda and the memos as headings, lists, tables and links', () => {
    const [agenda, item2] = [bundle.report.root!.children[0], bundle.report.root!.children[1]];
    expect([...roles(agenda)]).toEqual(expect.arrayContaining(['H1', 'H2', 'L', 'LI', 'Link']));
    expect(findElements(agenda, (e) => e.role === 'H2').map((e) => e.title)).toEqual(['Opening en mededelingen(mondeling)', 'Regionale samenwerking', 'Projecten 2025', 'Verslag van de vergadering van 9 april 2025']);
    expect([...roles(item2.children[0])]).toEqual(expect.arrayContaining(['H1', 'H3', 'L', 'LI', 'Table', 'TH', 'TD', 'Link']));
  });

  it('keeps each tagged attachment\'s tree whole under its document element', async () => {
    const item2 = bundle.report.root!.children[1];
    expect(countElements(item2.children[1])).toBe(await sourceElements('notitie-word.pdf'));
    expect(countElements(item2.children[2])).toBe(await sourceElements('beslisnota-typst.pdf'));
    expect(countElements(item2.children[3])).toBe(await sourceElements('english-summary.pdf'));
    expect(countElements(bundle.report.root!.children[3].children[0])).toBe(await sourceElements('verslag.pdf'));
    // LibreOffice's table and its web link, a Link element holding the annotation.
    expect([...roles(item2.children[1])]).toEqual(expect.arrayContaining(['H1', 'H2', 'L', 'Table', 'TH', 'TD', 'Link']));
    expect(findElements(item2.children[1], (e) => e.role === 'Link' && e.annotations.length === 1)).toHaveLength(1);
  });

  it('gives the attachment without tags one element, with its pages as content, and warns about it', () => {
    const scan = bundle.report.root!.children[2].children[1];
    expect(scan).toMatchObject({ type: 'Div', children: [] });
    expect(scan.content).toHaveLength(3);
    expect(bundle.stderr).toMatch(/bijlagen\/overzicht-zonder-tags\.pdf`, 3 pagina's\) is niet toegankelijk.*bijlage-niet-toegankelijk/);
  });

  it('makes every page link of the agenda and memos a Link element with an OBJR', () => {
    const links = findElements(bundle.report.root!, (e) => e.role === 'Link');
    expect(links.length).toBeGreaterThanOrEqual(12);
    for (const link of links) expect(link.annotations).toHaveLength(1);
  });

  it('marks the page stamp as an artifact on every page', () => {
    for (const page of bundle.doc.getPages()) {
      const contents = page.node.Contents()!;
      const last = bundle.doc.context.lookup((contents as unknown as { get(i: number): never }).get((contents as unknown as { size(): number }).size() - 1));
      const text = Buffer.from((last as unknown as { getContents(): Uint8Array }).getContents()).toString('latin1');
      expect(text).toMatch(/^\/Artifact <<\s*\/Type \/Pagination \/Subtype \/Footer\s*>> BDC[\s\S]*EMC\s*$/);
    }
  });

  it('says its title, language and dates in the catalog and in XMP', () => {
    expect(checkMetadata(bundle.doc, bundle.bytes)).toEqual([]);
    expect(checkMetadata(bundle.doc, bundle.bytes, { pdfa: true })).toContain('xmp: pdfaid:part is not 2');
  });

  it('is a sound file to qpdf and Tagged to poppler', () => {
    const file = path.join(tempDir(), 'b.pdf');
    execFileSync('sh', ['-c', 'cat > "$0"', file], { input: bundle.bytes });
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toMatch(/^Tagged:\s+yes$/m);
  });

  it('keeps the outline as it was', () => {
    expect(readBundleOutline(bundle.doc).map((o) => o.title)).toEqual(['Agenda', '2 Regionale samenwerking', '3 Projecten 2025', '4 Verslag van de vergadering van 9 april 2025']);
  });

  it('is byte-identical when built twice', async () => {
    const again = await build();
    expect(Buffer.from(again.bytes).equals(Buffer.from(bundle.bytes))).toBe(true);
  });
});

describe('the tagged bundle, other ways', () => {
  it('--openbaar: the withheld page is tagged and the confidential document is gone', async () => {
    const { report } = await build('--openbaar');
    expect(report.problems).toEqual([]);
    expect(titles(report.root!.children[2])).toEqual(['Voorstel', 'Bijlage 1: Overzicht projecten', 'Bijlage 3: Vertrouwelijk stuk (vertrouwelijk, niet opgenomen)']);
    // The structure tree names a withheld document no more than the bookmarks do.
    expect(findElements(report.root!, (e) => /advies/i.test(e.title ?? ''))).toEqual([]);
    const withheld = report.root!.children[2].children[2];
    expect(withheld.type).toBe('Part');
    expect(countElements(withheld)).toBeGreaterThan(3);
  });

  it('--niet-ontdubbelen: the shared notitie twice, with its ids and keys made unique', async () => {
    const { report, doc } = await build('--niet-ontdubbelen');
    expect(report.problems).toEqual([]);
    const notitie = await sourceElements('notitie-word.pdf');
    expect(countElements(report.root!.children[2].children[2])).toBe(notitie);
    expect(report.root!.children[2].children[2].title).toBe('Bijlage 2: Notitie regionale samenwerking');
    expect(doc.getPageCount()).toBe(15);
  });

  it('--pdfa: PDF/A-2b identification, output intent, annotations that print; still tagged', async () => {
    const { bytes, doc, report } = await build('--pdfa');
    expect(report.problems).toEqual([]);
    expect(checkMetadata(doc, bytes, { pdfa: true })).toEqual([]);
  });
});

describe('--pdfa and attachments that prevent it', () => {
  async function repoWithHelvetica(): Promise<string> {
    const plain = await PDFDocument.create({ updateMetadata: false });
    const font = await plain.embedFont(StandardFonts.Helvetica);
    plain.addPage().drawText('Een brief in Helvetica', { font, x: 72, y: 700 });
    return writeRepo({
      'bundel.yaml': 'organisatie: Regio Voorbeeld\n',
      'vergaderingen/2025-06-11/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-06-11\n',
      'vergaderingen/2025-06-11/02-brief.md': '---\nvergadering: 2025-06-11\nagendapunt: 2\nonderwerp: Brief\nsoort: stukken\nbijlagen:\n  - titel: Brief\n    bestand: brief.pdf\n---\n',
      'vergaderingen/2025-06-11/brief.pdf': await plain.save(),
    });
  }

  it('lint --pdfa names the file and page; without --pdfa it is no error', async () => {
    const root = await repoWithHelvetica();
    const strict = await runMain(['--root', root, 'lint', '--pdfa']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/Bijlage 1 \(`brief\.pdf`\) blad 1 gebruikt lettertype `Helvetica` die niet in de PDF is ingesloten.*bijlage-pdfa/);
    const plain = await runMain(['--root', root, 'lint']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('bijlage-pdfa');
  });

  it('build --pdfa stops before writing anything', async () => {
    const root = await repoWithHelvetica();
    const out = path.join(tempDir(), 'bundel.pdf');
    const r = await runMain(['--root', root, 'build', '2025-06-11', '--pdfa', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bijlage-pdfa');
    expect(() => readFileSync(out)).toThrow();
  });
});
