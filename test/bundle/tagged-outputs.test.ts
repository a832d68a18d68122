// Every kind of output is tagged as well as the bundle itself (issue 17): the agenda alone, a concept
// with "volgt" pages for missing attachments, nagezonden stukken behind their cover page, and the
// public bundle with its withheld pages and the PDF/A bundle (also in tagged.test.ts). Built through
// the CLI from a copy of fixtures/toegankelijk and checked by our own structure checker.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { copyFixture } from '../helpers/repo.js';
import { checkMetadata, checkStructure, countElements, findElements, type StructureReport } from '../helpers/structure-check.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-06-11';

async function build(root: string, ...flags: string[]): Promise<{ doc: PDFDocument; bytes: Uint8Array; report: StructureReport; stdout: string }> {
  const dir = tempDir();
  const r = await runMain(['--root', root, 'build', DATE, '-o', path.join(dir, 'uit.pdf'), ...flags]);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.code, r.stderr).toBe(0);
  // A concept is written as "CONCEPT uit.pdf".
  const bytes = new Uint8Array(readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('uit.pdf'))!)));
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { doc, bytes, report: checkStructure(doc), stdout: r.stdout };
}

const titles = (report: StructureReport): (string | undefined)[] => report.root!.children.map((c) => c.title);

describe('the structure checker on every kind of output', () => {
  it('--alleen-agenda: the agenda alone, tagged, with its headings and no dangling links', async () => {
    const { doc, bytes, report } = await build(copyFixture('toegankelijk'), '--alleen-agenda');
    expect(report.problems).toEqual([]);
    expect(report.pagesWithoutContent).toEqual([]);
    expect(titles(report)).toEqual(['Agenda']);
    expect(findElements(report.root!, (e) => e.role === 'H2').length).toBeGreaterThanOrEqual(4);
    expect(checkMetadata(doc, bytes)).toEqual([]);
  });

  it('--concept: the "Bijlage 2 volgt" page is tagged and sits where the attachment would', async () => {
    const root = copyFixture('toegankelijk');
    rmSync(path.join(root, 'vergaderingen', DATE, 'bijlagen', 'beslisnota-typst.pdf'));
    const { doc, bytes, report } = await build(root, '--concept');
    expect(report.problems).toEqual([]);
    expect(report.pagesWithoutContent).toEqual([]);
    const item2 = report.root!.children.find((c) => c.title?.startsWith('Agendapunt 2'))!;
    expect(item2.children.map((c) => c.title)).toEqual(['Voorstel', 'Bijlage 1: Notitie regionale samenwerking', 'Bijlage 2: Beslisnota regionale samenwerking (volgt)', 'Bijlage 3: Summary of the regional agreement']);
    // The placeholder page: a tagged page of its own, with a heading, not an empty element.
    const placeholder = item2.children[2];
    expect(countElements(placeholder)).toBeGreaterThan(1);
    expect(findElements(placeholder, (e) => /^H\d$/.test(e.role)).length).toBeGreaterThanOrEqual(1);
    expect(checkMetadata(doc, bytes)).toEqual([]);
  });

  it('--nagezonden: the cover page and the late documents, each under its item', async () => {
    const root = copyFixture('toegankelijk');
    const meeting = path.join(root, 'vergaderingen', DATE);
    const recorded = await runMain(['--root', root, 'verzonden', DATE, '--op', '2025-05-28']);
    expect(recorded.code, recorded.stderr).toBe(0);
    // Corrected after sending: a tagged attachment and one without tags (a changed file is a late one).
    for (const file of ['beslisnota-typst.pdf', 'overzicht-zonder-tags.pdf']) {
      const at = path.join(meeting, 'bijlagen', file);
      writeFileSync(at, Buffer.concat([readFileSync(at), Buffer.from('\n% gecorrigeerd\n')]));
    }
    const { doc, bytes, report, stdout } = await build(root, '--nagezonden');
    expect(stdout).toContain('Nagezonden stukken gemaakt');
    expect(report.problems).toEqual([]);
    expect(report.pagesWithoutContent).toEqual([]);
    expect(report.root!.children[0].title).toBe('Nagezonden stukken');
    expect(countElements(report.root!.children[0])).toBeGreaterThan(3);
    expect(titles(report)).toEqual(['Nagezonden stukken', 'Agendapunt 2: Regionale samenwerking', 'Agendapunt 3: Projecten 2025']);
    const late = report.root!.children.slice(1).map((item) => item.children[0]);
    expect(late.map((e) => e.title)).toEqual(['Bijlage 2: Beslisnota regionale samenwerking', 'Bijlage 1: Overzicht projecten']);
    expect(countElements(late[0])).toBeGreaterThan(10);
    expect(late[1]).toMatchObject({ type: 'Div', children: [] });
    expect(checkMetadata(doc, bytes)).toEqual([]);
  });

  it('--openbaar --pdfa together: withheld pages tagged, PDF/A identification, checker clean', async () => {
    const { doc, bytes, report } = await build(copyFixture('toegankelijk'), '--openbaar', '--pdfa');
    expect(report.problems).toEqual([]);
    expect(report.pagesWithoutContent).toEqual([]);
    expect(findElements(report.root!, (e) => /niet opgenomen/.test(e.title ?? ''))).toHaveLength(1);
    expect(checkMetadata(doc, bytes, { pdfa: true })).toEqual([]);
  });
});
