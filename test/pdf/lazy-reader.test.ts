// The lazy reader (src/pdf/lazy-load.ts) against pdf-lib's full parse as the oracle: every PDF of
// the hostile-input corpus, the fixtures and a sample of the bench meeting read both ways must give
// the same facts (page count, warnings, repairs, tags, PDF/A, problems); meetings built both ways
// (BUNDEL_PDF_READ=pdf-lib forces the full parse) the same bundle, page by page and byte for byte.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { pdfReaders } from '../../src/model/pdf-facts.js';
import { inspectPdf, inspectPdfBytes } from '../../src/pdf/inspect.js';
import { readBundleOutline } from '../helpers/bundle-checks.js';
import { runMain } from '../helpers/cli.js';
import { CORPUS, manifest } from '../helpers/corpus.js';
import { corpusMeeting, generateMeeting, pageTexts } from '../helpers/meetings.js';
import { copyFixture, FIXTURES } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const TIMEOUT = 300_000;

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? pdfsUnder(file) : name.toLowerCase().endsWith('.pdf') ? [file] : [];
  });
}

/** Read `file` both ways (as lint and as a build does); the facts must agree. Returns the lazy run's reader. */
async function sameFacts(file: string, password?: string): Promise<string | undefined> {
  let reader: string | undefined;
  for (const contentBalance of [false, true]) {
    const lazy = await inspectPdf(file, 'x.pdf', { password, contentBalance });
    const full = await inspectPdf(file, 'x.pdf', { password, contentBalance, lazy: false });
    expect([undefined, 'volledig']).toContain(pdfReaders.get(full.facts));
    expect(lazy.facts, file).toEqual(full.facts);
    expect(lazy.doc?.getPageCount()).toBe(full.doc?.getPageCount());
    expect(lazy.balances).toEqual(full.balances);
    reader = pdfReaders.get(lazy.facts);
  }
  return reader;
}

interface Built {
  file: string;
  bytes: Buffer;
  debug: string[];
}

async function build(root: string, date: string, name: string, env: NodeJS.ProcessEnv = {}): Promise<Built> {
  const file = path.join(root, 'uit', name);
  const r = await runMain(['--root', root, '--debug', 'build', date, '-o', file], env);
  expect(r.code, r.stderr).toBe(0);
  return { file, bytes: readFileSync(file), debug: r.stderr.split('\n').filter((l) => l.includes(': gelezen: ')) };
}

/** Built lazily and with the full parse: the same pages, text per page, outline, and bytes. */
async function sameBuild(root: string, date: string): Promise<Built> {
  const lazy = await build(root, date, 'lui.pdf');
  const full = await build(root, date, 'volledig.pdf', { BUNDEL_PDF_READ: 'pdf-lib' });
  expect(full.debug.every((l) => l.endsWith('gelezen: volledig (pdf-lib)'))).toBe(true);
  const [a, b] = await Promise.all([PDFDocument.load(lazy.bytes), PDFDocument.load(full.bytes)]);
  expect(a.getPageCount()).toBe(b.getPageCount());
  const ta = pageTexts(lazy.file);
  const tb = pageTexts(full.file);
  expect(ta.length).toBe(a.getPageCount());
  ta.forEach((t, i) => expect(t, `page ${i + 1}`).toBe(tb[i]));
  expect(readBundleOutline(a)).toEqual(readBundleOutline(b));
  expect(Buffer.compare(lazy.bytes, full.bytes)).toBe(0);
  return lazy;
}

/** A two-page file with object streams (pdf-lib writes a cross-reference stream then), plus an incremental update. */
async function updatedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const i of [1, 2]) doc.addPage([595, 842]).drawText(`Oude tekst ${i}`, { x: 50, y: 700, font, size: 14 });
  const base = await doc.save({ useObjectStreams: true });
  // Update: a new content stream for page 2, and page 2 rewritten to use it (classic table, /Prev).
  const again = await PDFDocument.load(base);
  const page = again.getPage(1);
  const pageRef = page.ref;
  const size = again.context.largestObjectNumber + 1;
  const resources = page.node.Resources()!;
  const fontName = resources.lookup(PDFName.of('Font'), PDFDict).keys()[0]!.toString();
  const text = `BT ${fontName} 14 Tf 50 700 Td (Nieuwe tekst 2) Tj ET`;
  const startxref = Number(/startxref\s+(\d+)/.exec(Buffer.from(base).toString('latin1').slice(-64))![1]);
  let body = `\n${size} 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj\n`;
  const pageAt = base.length + body.length;
  body += `${pageRef.objectNumber} 0 obj\n<< /Type /Page /Parent ${page.node.get(PDFName.of('Parent'))} /MediaBox [0 0 595 842] /Contents ${size} 0 R /Resources ${resources} >>\nendobj\n`;
  const xrefAt = base.length + body.length;
  const row = (n: number): string => `${String(n).padStart(10, '0')} 00000 n \n`;
  body += `xref\n${pageRef.objectNumber} 1\n${row(pageAt)}${size} 1\n${row(base.length + 1)}trailer\n<< /Size ${size + 1} /Root ${again.context.trailerInfo.Root} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(base), Buffer.from(body, 'latin1')]);
}

describe('the lazy PDF reader', () => {
  it('reads every PDF of the corpus and the fixtures as the full parse does; damaged files take the full parse', async () => {
    const readers = new Map<string, string | undefined>();
    for (const e of manifest.filter((m) => m.file.startsWith('pdf/'))) readers.set(e.file, await sameFacts(path.join(CORPUS, e.file), e.password));
    for (const file of ['reference', 'lint', 'toegankelijk'].flatMap((d) => pdfsUnder(path.join(FIXTURES, d)))) readers.set(file, await sameFacts(file));
    const lazy = [...readers].filter(([, r]) => r === 'lui').map(([f]) => f);
    // The fixtures' sound files are read lazily; what the corpus damaged on purpose is not.
    expect(lazy.filter((f) => f.includes(`${path.sep}reference${path.sep}`)).length).toBeGreaterThanOrEqual(8);
    for (const name of ['pdf/bomb-objstm.pdf', 'pdf/trailer-size-not-number.pdf']) expect(readers.get(name)).not.toBe('lui');
    expect([...readers.values()].filter((r) => r === 'volledig').length).toBeGreaterThan(5);
  }, TIMEOUT);

  it('follows an incremental update (/Prev) over a cross-reference stream with object streams', async () => {
    const bytes = await updatedPdf();
    const lazy = await inspectPdfBytes(bytes, 'update.pdf');
    const full = await inspectPdfBytes(bytes, 'update.pdf', { lazy: false });
    expect(pdfReaders.get(lazy.facts)).toBe('lui');
    expect(lazy.facts).toEqual(full.facts);
    const stream = lazy.doc!.getPage(1).node.Contents();
    expect(Buffer.from((stream as unknown as { contents: Uint8Array }).contents).toString('latin1')).toContain('Nieuwe tekst 2');
    // Cut the new table's offset by one: no longer sound, so the full parse (and its repair note).
    const broken = Buffer.from(bytes).toString('latin1').replace(/(xref\n\d+ 1\n)(\d{10})/, (_m, head: string, off: string) => `${head}${String(Number(off) + 1).padStart(10, '0')}`);
    const damaged = await inspectPdfBytes(Buffer.from(broken, 'latin1'), 'kapot.pdf');
    expect(pdfReaders.get(damaged.facts)).toBe('volledig');
  });

  it('keeps pdf-lib quiet while it parses lazily, as the full parse does', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).node.set(PDFName.of('Groot'), PDFNumber.of(1e20));
    const bytes = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(bytes).toString('latin1')).toContain('100000000000000000000');
    const warn = vi.spyOn(console, 'warn');
    try {
      const lazy = await inspectPdfBytes(bytes, 'groot.pdf');
      expect(pdfReaders.get(lazy.facts)).toBe('lui');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('builds the reference meeting and the corpus the same on both paths, and says which reader each file took', async () => {
    const reference = await sameBuild(copyFixture('reference'), DATE);
    expect(reference.debug.filter((l) => l.endsWith('gelezen: lui (xref)')).length).toBeGreaterThanOrEqual(8);
    const root = corpusMeeting(DATE);
    const corpus = await sameBuild(root, DATE);
    expect(corpus.debug.some((l) => l.endsWith('gelezen: lui (xref)'))).toBe(true);
    expect(corpus.debug.some((l) => l.endsWith('gelezen: volledig (pdf-lib)'))).toBe(true);
    // Lint says it too (fresh facts; the facts cache is not involved in a build).
    const lint = await runMain(['--root', root, '--debug', 'lint', DATE]);
    expect(lint.stderr.split('\n').filter((l) => l.includes(': gelezen: ')).length).toBe(corpus.debug.length);
  }, TIMEOUT);

  it('reads and builds a sample of the bench meeting the same on both paths', async () => {
    const sample = await generateMeeting({ pages: 160, attachments: 8, items: 6, cacheDir: tempDir(), threads: 1 });
    const files = pdfsUnder(sample.meetingDir);
    for (const file of files) expect(await sameFacts(file), file).toBe('lui');
    const built = await sameBuild(sample.root, path.basename(sample.meetingDir));
    expect(built.debug.length).toBe(files.length);
  }, TIMEOUT);
});
