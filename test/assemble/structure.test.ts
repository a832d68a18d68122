// Structure trees through the merge (src/assemble/structure.ts): real tagged PDFs made with pdf-lib,
// merged, saved, read back and walked by our own checker.

import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFPage } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { appendPages } from '../../src/assemble/pages.js';
import { BundleStructure, type DocumentStructure } from '../../src/assemble/structure.js';
import { portrait } from '../helpers/make-pdf.js';
import { makeTaggedPdf, type TaggedSpec } from '../helpers/make-tagged-pdf.js';
import { checkStructure, countElements, findElements } from '../helpers/structure-check.js';

const N = (n: string): PDFName => PDFName.of(n);

const SPEC: TaggedSpec = {
  title: 'Notitie',
  pages: [['Kop van de notitie', 'Eerste alinea', 'Tweede alinea'], ['Kop van blad 2', 'Nog een alinea']],
  firstType: 'Kop',
  roleMap: { Kop: 'H1' },
  className: 'Standaard',
  headerIds: true,
  link: true,
  xobject: true,
};

interface Source {
  bytes: Uint8Array;
  title: string;
  markable?: boolean;
  /** Drop this page's annotations after copying, as sanitizing does with active content. */
  dropAnnotations?: boolean;
}

/** Merge the sources into one tagged document, each under its own element; returns it saved and loaded again. */
async function merge(sources: Source[]): Promise<{ bytes: Uint8Array; doc: PDFDocument }> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const structure = new BundleStructure(out);
  const nodes: { title: string; document: DocumentStructure }[] = [];
  const all: PDFPage[] = [];
  for (const s of sources) {
    const source = await PDFDocument.load(s.bytes, { updateMetadata: false });
    const { pages, structure: tree } = await structure.copyDocument(source, { markable: () => s.markable ?? true });
    if (s.dropAnnotations) for (const p of pages) p.node.set(N('Annots'), out.context.obj([]));
    all.push(...pages);
    nodes.push({ title: s.title, document: tree });
  }
  appendPages(out, all);
  out.setTitle('Bundel', { showInWindowTitleBar: true });
  out.setLanguage('nl-NL');
  structure.finish(nodes, { title: 'Bundel', lang: 'nl-NL' });
  const bytes = await out.save({ useObjectStreams: false });
  return { bytes, doc: await PDFDocument.load(bytes, { updateMetadata: false }) };
}

const rootOf = (doc: PDFDocument): PDFDict => doc.catalog.lookup(N('StructTreeRoot'), PDFDict);

describe('merging structure trees', () => {
  it('keeps two clashing trees whole: every MCID reachable, role and class names and ids made unique', async () => {
    const a = await makeTaggedPdf(SPEC);
    const b = await makeTaggedPdf({ ...SPEC, title: 'Beslisnota', roleMap: { Kop: 'H2' }, lang: 'en-GB' });
    const { doc } = await merge([
      { bytes: a, title: 'Bijlage 1: Notitie' },
      { bytes: b, title: 'Bijlage 2: Beslisnota' },
    ]);
    const report = checkStructure(doc);
    expect(report.problems).toEqual([]);
    // Every marked-content sequence of both sources: 5 paragraphs and one XObject each.
    expect(report.markedContent).toBe(12);

    const parts = report.root!.children;
    expect(parts.map((p) => p.title)).toEqual(['Bijlage 1: Notitie', 'Bijlage 2: Beslisnota']);
    for (const [i, bytes] of [a, b].entries()) {
      const source = checkStructure(await PDFDocument.load(bytes, { updateMetadata: false }));
      expect(source.problems.filter((p) => !p.startsWith('catalog'))).toEqual([]);
      // The source's Document element becomes the part's element: the same number of elements.
      expect(countElements(parts[i])).toBe(source.elements);
    }

    const root = rootOf(doc);
    const roleMap = root.lookup(N('RoleMap'), PDFDict);
    expect(roleMap.lookup(N('Kop'))).toBe(N('H1'));
    expect(roleMap.lookup(N('Kop_2'))).toBe(N('H2'));
    expect(findElements(parts[1], (e) => e.type === 'Kop_2').map((e) => e.role)).toEqual(['H2']);
    expect(findElements(parts[1], (e) => e.type === 'Kop')).toEqual([]);

    const classMap = root.lookup(N('ClassMap'), PDFDict);
    expect(classMap.keys().map((k) => k.decodeText()).sort()).toEqual(['Standaard', 'Standaard_2']);

    // IDTree: both header cells, under different ids; the second document's TD names its own TH.
    const ids = root.lookup(N('IDTree'), PDFDict).lookup(N('Names'), PDFArray);
    const idNames = ids.asArray().filter((_, i) => i % 2 === 0).map((s) => (s as PDFString).decodeText());
    expect(idNames).toEqual(['kop-1', 'kop-1_2']);
    const th2 = doc.context.lookup(ids.get(3), PDFDict);
    expect(th2.lookup(N('S'))).toBe(N('TH'));
    const td2 = doc.context.lookup(th2.lookup(N('P'), PDFDict).lookup(N('K'), PDFArray).get(1), PDFDict);
    expect((td2.lookup(N('A'), PDFDict).lookup(N('Headers'), PDFArray).lookup(0) as PDFString).decodeText()).toBe('kop-1_2');

    // A language other than the bundle's stays on its document's element.
    const partDicts = doc.context.lookup(root.lookup(N('K'), PDFArray).get(0), PDFDict).lookup(N('K'), PDFArray);
    expect(partDicts.lookup(1, PDFDict).lookup(N('Lang'), PDFString).decodeText()).toBe('en-GB');
    expect(partDicts.lookup(0, PDFDict).lookup(N('Lang'), PDFString).decodeText()).toBe('nl-NL');
  });

  it('drops object references to annotations that did not stay on the page', async () => {
    const { doc } = await merge([{ bytes: await makeTaggedPdf(SPEC), title: 'Notitie', dropAnnotations: true }]);
    const report = checkStructure(doc);
    expect(report.problems).toEqual([]);
    expect(findElements(report.root!, (e) => e.annotations.length > 0)).toEqual([]);
  });

  it('gives an untagged document one element whose content is its pages', async () => {
    const { doc } = await merge([
      { bytes: await makeTaggedPdf(SPEC), title: 'Getagd' },
      { bytes: await portrait('Scan', 3), title: 'Scan' },
    ]);
    const report = checkStructure(doc);
    expect(report.problems).toEqual([]);
    const scan = report.root!.children[1];
    expect(scan).toMatchObject({ type: 'Div', title: 'Scan', children: [] });
    expect(scan.content).toEqual(['page 3:0', 'page 4:0', 'page 5:0']);
  });

  it('leaves pages it may not mark as they are, and says so by their text being untagged', async () => {
    const { doc } = await merge([{ bytes: await portrait('Scan', 2), title: 'Scan', markable: false }]);
    const report = checkStructure(doc);
    expect(report.root!.children[0]).toMatchObject({ type: 'Div', title: 'Scan', content: [] });
    expect(report.problems).toEqual(['page 1: 1 text operators outside marked content and artifacts', 'page 2: 1 text operators outside marked content and artifacts']);
  });

  it('is deterministic', async () => {
    const a = await makeTaggedPdf(SPEC);
    const sources = [{ bytes: a, title: 'A' }, { bytes: a, title: 'B' }, { bytes: await portrait('Scan', 1), title: 'C' }];
    const [one, two] = await Promise.all([merge(sources), merge(sources)]);
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true);
    // The same file twice: every key and id once.
    expect(checkStructure(one.doc).problems).toEqual([]);
  });
});
