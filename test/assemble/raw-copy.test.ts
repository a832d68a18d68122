// The raw copy (src/assemble/raw-copy.ts) against pdf-lib's copier as the oracle: the same meetings
// built both ways (BUNDEL_PDF_COPY=pdf-lib forces the second) must give the same pages, text per
// page (pdftotext), stamps, outline and structure tree, and a file qpdf calls clean. Run on the
// hostile-input corpus, the reference meeting and a small sample of the bench meeting.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { readBundleOutline, stampProblems } from '../helpers/bundle-checks.js';
import { runMain } from '../helpers/cli.js';
import { corpusMeeting, generateMeeting, pageTexts } from '../helpers/meetings.js';
import { readPages } from '../helpers/pdf-text.js';
import { copyFixture } from '../helpers/repo.js';
import { checkStructure } from '../helpers/structure-check.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
/** Several whole builds each: minutes on a loaded two-core machine. */
const TIMEOUT = 300_000;

interface Built {
  file: string;
  bytes: Buffer;
  /** Per attachment (as the --debug lines name it): raw, or pdf-lib and why. */
  paths: string[];
}

async function build(root: string, date: string, name: string, env: NodeJS.ProcessEnv = {}): Promise<Built> {
  const file = path.join(root, 'uit', name);
  const r = await runMain(['--root', root, '--debug', 'build', date, '-o', file], env);
  expect(r.code, r.stderr).toBe(0);
  return { file, bytes: readFileSync(file), paths: r.stderr.split('\n').filter((l) => l.startsWith('debug: ') && !l.includes(': gelezen: ')) };
}

/** What `qpdf --check` finds, object numbers left out (the two paths number objects differently). */
function qpdfProblems(file: string): string[] {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => /^\s*(error|warning)\b|^qpdf: /i.test(l))
    .map((l) => l.replace(/object \d+ \d+/g, 'object n'));
}

/** Both builds agree on everything a reader sees. */
async function sameBundle(raw: Built, lib: Built): Promise<void> {
  expect(lib.paths.every((l) => l.includes('pdf-lib ('))).toBe(true);
  // The corpus has damaged streams on purpose: they stay damaged the same way on both paths.
  expect(qpdfProblems(raw.file)).toEqual(qpdfProblems(lib.file));
  const [rawDoc, libDoc] = await Promise.all([PDFDocument.load(raw.bytes), PDFDocument.load(lib.bytes)]);
  expect(rawDoc.getPageCount()).toBe(libDoc.getPageCount());
  const rawText = pageTexts(raw.file);
  const libText = pageTexts(lib.file);
  expect(rawText.length).toBe(rawDoc.getPageCount());
  rawText.forEach((t, i) => expect(t, `page ${i + 1}`).toBe(libText[i]));
  expect(stampProblems(await readPages(raw.bytes), 'pagina')).toEqual([]);
  expect(readBundleOutline(rawDoc)).toEqual(readBundleOutline(libDoc));
  // The checker cannot read the corpus's damaged streams at all: then both must fail alike.
  const tree = (doc: PDFDocument): object => {
    try {
      const { problems, elements, markedContent, pagesWithoutContent } = checkStructure(doc);
      // Object numbers differ between the paths; what is said about them must not.
      return { problems: problems.map((m) => m.replace(/\d+ \d+ R/g, 'n 0 R')), elements, markedContent, pagesWithoutContent };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  expect(tree(rawDoc)).toEqual(tree(libDoc));
}

/** A three-page file whose first page links to page 3 (explicit), page 2 (named) and the web. */
async function linkedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [1, 2, 3].map((i) => {
    const page = doc.addPage([595, 842]);
    page.drawText(`Linkpagina ${i}`, { x: 50, y: 700, font, size: 14 });
    return page;
  });
  const ctx = doc.context;
  const link = (y: number, extra: Record<string, unknown>): PDFRef => ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, y, 200, y + 20], Border: [0, 0, 0], ...extra } as never));
  const annots = [
    link(600, { Dest: [pages[2]!.ref, 'XYZ', null, null, null] }),
    link(560, { A: { S: 'GoTo', D: PDFString.of('tweede') } }),
    link(520, { A: { S: 'URI', URI: PDFString.of('https://example.org/') } }),
  ];
  pages[0]!.node.set(PDFName.of('Annots'), ctx.obj(annots));
  doc.catalog.set(PDFName.of('Dests'), ctx.obj({ tweede: [pages[1]!.ref, 'Fit'] } as never));
  return doc.save({ useObjectStreams: false });
}

/** Every link of the bundle: its page, and its target page or web address. */
function bundleLinks(doc: PDFDocument): string[] {
  const index = new Map(doc.getPages().map((p, i) => [p.ref, i + 1]));
  return doc.getPages().flatMap((page, i) =>
    (page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).flatMap((a) => {
      const annot = doc.context.lookup(a);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return [];
      const dest = annot.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString);
      return [`${i + 1} -> ${dest ? index.get(dest.get(0) as PDFRef) : uri?.decodeText()}`];
    }),
  );
}

describe('the raw copy of attachments', () => {
  it('keeps internal links (explicit and named) and web links, pointing at the bundle pages', async () => {
    const root = tempDir();
    const meeting = path.join(root, 'vergaderingen', DATE);
    mkdirSync(path.join(meeting, 'bijlagen'), { recursive: true });
    writeFileSync(path.join(root, 'bundel.yaml'), 'organisatie: Links\n');
    writeFileSync(path.join(meeting, 'vergadering.yaml'), `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`);
    writeFileSync(path.join(meeting, 'bijlagen', 'links.pdf'), await linkedPdf());
    writeFileSync(path.join(meeting, '01-links.md'), `---\nvergadering: ${DATE}\nagendapunt: 1\nonderwerp: Links\nsoort: stukken\nbijlagen:\n  - titel: Links\n    bestand: bijlagen/links.pdf\n---\n`);
    const raw = await build(root, DATE, 'raw.pdf');
    const lib = await build(root, DATE, 'lib.pdf', { BUNDEL_PDF_COPY: 'pdf-lib' });
    expect(raw.paths).toEqual([expect.stringMatching(/links\.pdf: ruwe kopie$/)]);
    await sameBundle(raw, lib);
    const rawLinks = bundleLinks(await PDFDocument.load(raw.bytes));
    expect(rawLinks).toEqual(bundleLinks(await PDFDocument.load(lib.bytes)));
    // The attachment's first page links to its third and second page and to the web.
    const first = pageTexts(raw.file).findIndex((t) => t.includes('Linkpagina 1')) + 1;
    expect(rawLinks.filter((l) => l.startsWith(`${first} `))).toEqual([`${first} -> ${first + 2}`, `${first} -> ${first + 1}`, `${first} -> https://example.org/`]);
  }, TIMEOUT);

  it('builds the reference meeting as pdf-lib does, every attachment without tags raw, byte-identical twice', async () => {
    const root = copyFixture('reference');
    const raw = await build(root, DATE, 'raw.pdf');
    const lib = await build(root, DATE, 'lib.pdf', { BUNDEL_PDF_COPY: 'pdf-lib' });
    expect(raw.paths.length).toBeGreaterThan(5);
    // The Word-made attachments are tagged (issue 17): their structure tree goes through pdf-lib
    // (structure-copy.ts); the slide deck and the invitation, without tags, are copied raw.
    expect(raw.paths.filter((l) => !l.endsWith(': ruwe kopie') && !l.endsWith(': pdf-lib (tagged (structure tree))'))).toEqual([]);
    expect(raw.paths.filter((l) => l.endsWith(': ruwe kopie')).length).toBeGreaterThanOrEqual(2);
    expect(qpdfProblems(raw.file)).toEqual([]);
    await sameBundle(raw, lib);
    expect(checkStructure(await PDFDocument.load(raw.bytes)).problems).toEqual([]);
    expect(Buffer.compare((await build(root, DATE, 'again.pdf')).bytes, raw.bytes)).toBe(0);
    expect(raw.bytes.length).toBeLessThan(lib.bytes.length * 1.05);
  }, TIMEOUT);

  it('builds the hostile-input corpus as pdf-lib does; what needs sanitizing goes through pdf-lib', async () => {
    const root = corpusMeeting(DATE);
    const raw = await build(root, DATE, 'raw.pdf');
    const lib = await build(root, DATE, 'lib.pdf', { BUNDEL_PDF_COPY: 'pdf-lib' });
    // Both kinds occur: plain files raw, active content and the like through pdf-lib.
    expect(raw.paths.some((l) => l.endsWith(': ruwe kopie'))).toBe(true);
    expect(raw.paths.some((l) => l.includes('pdf-lib ('))).toBe(true);
    await sameBundle(raw, lib);
    for (const word of ['/JavaScript', '/Launch', '/SubmitForm', '/EmbeddedFile', 'cmd.exe']) expect(raw.bytes.includes(word), word).toBe(false);
  }, TIMEOUT);

  it('builds a sample of the bench meeting as pdf-lib does', async () => {
    const sample = await generateMeeting({ pages: 160, attachments: 8, items: 6, cacheDir: tempDir(), threads: 1 });
    const date = path.basename(sample.meetingDir);
    const raw = await build(sample.root, date, 'raw.pdf');
    const lib = await build(sample.root, date, 'lib.pdf', { BUNDEL_PDF_COPY: 'pdf-lib' });
    expect(raw.paths.some((l) => l.endsWith(': ruwe kopie'))).toBe(true);
    await sameBundle(raw, lib);
  }, TIMEOUT);
});
