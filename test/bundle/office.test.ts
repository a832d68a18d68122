// The fixture meeting with a .docx, .xlsx, .pptx, a two-page .tif and a .jpg, built through the
// CLI in-process with the real LibreOffice: each document's text on its pages, stamps upright,
// the index names each source; a second build converts nothing and is byte-identical, so is a
// build with an empty cache; without LibreOffice lint and build fail with the documented error.

import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { PDFDocument } from '@cantoo/pdf-lib';
import { stampProblems } from '../helpers/bundle-checks.js';
import { checkStructure, countElements, findElements } from '../helpers/structure-check.js';
import { readPages, type PageText } from '../helpers/pdf-text.js';
import { requireSoffice } from '../helpers/soffice.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/office');
const MEETING = 'vergaderingen/2025-06-11';
const PDF = `${MEETING}/Bundel Dagelijks Bestuur 2025-06-11.pdf`;

function copyFixture(): string {
  const dir = tempDir('bundel-office-');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, color: false, env };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('a meeting with Office files and images as bijlagen', () => {
  let root: string;
  let first: { code: number; stdout: string; stderr: string };
  let pdf: Uint8Array;
  let pages: PageText[];

  beforeAll(async () => {
    requireSoffice();
    root = copyFixture();
    first = await run(['--root', root, 'build', '2025-06-11']);
    pdf = new Uint8Array(readFileSync(path.join(root, PDF)));
    pages = await readPages(pdf);
  }, 180_000);

  it('builds, converting each file once with progress per file', () => {
    expect(first.code, first.stderr).toBe(0);
    for (const f of ['notitie.docx', 'begroting.xlsx', 'presentatie.pptx']) expect(first.stderr).toMatch(new RegExp(`Omgezet naar PDF: ${MEETING}/bijlagen/${f.replace('.', '\\.')} — LibreOffice \\d`));
    for (const f of ['scan.tif', 'foto.jpg']) expect(first.stderr).toContain(`Omgezet naar PDF: ${MEETING}/bijlagen/${f} — bundel`);
    expect(first.stderr).toContain('5 omgezet naar PDF, 0 uit de cache');
  });

  it("puts each document's text on the expected pages, in its orientation, stamped upright", () => {
    // 1 agenda, 2 memo, 3–4 notitie.docx, 5 begroting.xlsx, 6–7 presentatie.pptx, 8–9 scan.tif, 10 foto.jpg.
    expect(pages).toHaveLength(10);
    const text = (n: number): string => pages[n - 1].text.replace(/\s+/g, ' ');
    expect(text(3)).toContain('Notitie regionale bereikbaarheid');
    expect(text(3)).toMatch(/Spoorlijn Zutphen.*Zutphen.*1200000/);
    expect(text(4)).toContain('Tweede blad van de notitie');
    expect(text(5)).toMatch(/Begroting 2026.*Personeel.*460/);
    expect(text(6)).toContain('Lobbyagenda Achterhoek');
    expect(text(7)).toContain('Tweede dia: gesprekken met het ministerie.');
    const landscape = pages.map((p) => p.width > p.height);
    expect(landscape).toEqual([false, false, false, false, true, true, true, false, true, true]);
    expect(stampProblems(pages, 'Dagelijks Bestuur 11 juni 2025')).toEqual([]);
    // The agenda lists the converted documents with their pages.
    expect(text(1)).toMatch(/Notitie regionale bereikbaarheid.*3/);
  });

  it('records in the index, per document, the source file, its sha256 and what converted it', () => {
    const index = JSON.parse(readFileSync(path.join(root, PDF.replace(/\.pdf$/, '.json')), 'utf8'));
    const docs = index.agendapunten.flatMap((a: { documenten: object[] }) => a.documenten).filter((d: { soort: string }) => d.soort !== 'voorstel');
    const sha = (rel: string): string => createHash('sha256').update(readFileSync(path.join(root, rel))).digest('hex');
    expect(docs.map((d: { bronbestand: string; sha256: string; omgezet: { van: string; door: string } }) => [d.bronbestand, d.sha256 === sha(d.bronbestand), d.omgezet.van, d.omgezet.door.split(' ')[0]])).toEqual([
      [`${MEETING}/bijlagen/notitie.docx`, true, 'docx', 'LibreOffice'],
      [`${MEETING}/bijlagen/begroting.xlsx`, true, 'xlsx', 'LibreOffice'],
      [`${MEETING}/bijlagen/presentatie.pptx`, true, 'pptx', 'LibreOffice'],
      [`${MEETING}/bijlagen/scan.tif`, true, 'tiff', 'bundel'],
      [`${MEETING}/bijlagen/foto.jpg`, true, 'jpeg', 'bundel'],
    ]);
  });

  it('keeps the tags LibreOffice writes: each converted Office file has a tree of its own under its document element', async () => {
    const report = checkStructure(await PDFDocument.load(pdf, { updateMetadata: false }));
    expect(report.problems).toEqual([]);
    // Documents by title: "Bijlage 1: …" under an item with a memo, the title alone under one without.
    const documents = findElements(report.root!, (e) => e.title !== undefined);
    const tree = (title: string): { roles: Set<string>; elements: number } => {
      const e = documents.find((d) => d.title!.includes(title))!;
      return { roles: new Set(findElements(e, () => true).map((x) => x.role)), elements: countElements(e) };
    };
    // The Word file: its paragraphs and its table; the slides: their text. (Calc 7.4 marks its PDF
    // as tagged but writes no structure tree, so the spreadsheet is not asserted on.)
    expect([...tree('Notitie regionale bereikbaarheid').roles]).toEqual(expect.arrayContaining(['P', 'Table', 'TR', 'TD']));
    expect(tree('Presentatie').elements).toBeGreaterThan(3);
    // The scan and the photo have no tags: one element each.
    expect(tree('Brief van de provincie').elements).toBe(1);
    expect(tree('Foto van de locatie').elements).toBe(1);
  });

  it('a second build converts nothing and is byte-identical', async () => {
    const second = await run(['--root', root, 'build', '2025-06-11']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toContain('Omgezet naar PDF:');
    expect(second.stderr.match(/Uit de cache: /g)).toHaveLength(5);
    expect(second.stderr).toContain('0 omgezet naar PDF, 5 uit de cache');
    expect(Buffer.compare(readFileSync(path.join(root, PDF)), pdf)).toBe(0);
  });

  it('a build with an empty cache (a fresh clone) is byte-identical too', async () => {
    const fresh = copyFixture();
    const again = await run(['--root', fresh, 'build', '2025-06-11']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('5 omgezet naar PDF, 0 uit de cache');
    expect(Buffer.compare(readFileSync(path.join(fresh, PDF)), pdf)).toBe(0);
  }, 180_000);

  it('the cache folder keeps itself out of git', () => {
    expect(readFileSync(path.join(root, '.bundel-cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
  });

  it('without LibreOffice, lint and build say what to install and exit 1', async () => {
    const env = { ...process.env, BUNDEL_SOFFICE: path.join(root, 'geen-soffice') };
    const lint = await run(['--root', root, 'lint', '2025-06-11'], env);
    expect(lint.code).toBe(1);
    for (const f of ['notitie.docx', 'begroting.xlsx', 'presentatie.pptx']) expect(lint.stdout).toContain(`Het bestand \`bijlagen/${f}\` is een`);
    expect(lint.stdout.match(/libreoffice-ontbreekt/g)).toHaveLength(3);
    expect(lint.stdout).toContain('`BUNDEL_SOFFICE` wijst naar');

    const withoutPath = { ...process.env, BUNDEL_SOFFICE: undefined, PATH: root };
    const build = await run(['--root', root, 'build', '2025-06-11', '-o', path.join(root, 'zonder.pdf')], withoutPath);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('om het om te zetten naar PDF is LibreOffice nodig, maar `soffice` is niet gevonden');
    expect(build.stderr).toContain('sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui');
    expect(build.stderr).toContain('De bundel is niet gemaakt');
  });
});
