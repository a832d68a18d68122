import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { readOutline } from '../../src/assemble/outline.js';

describe('readOutline', () => {
  it('follows explicit, named (catalog /Dests) and GoTo destinations, and cuts a Next loop', async () => {
    const doc = await PDFDocument.create();
    const pages = [doc.addPage(), doc.addPage(), doc.addPage()];
    const ctx = doc.context;
    doc.catalog.set(PDFName.of('Dests'), ctx.obj({ hoofdstuk2: [pages[1].ref, PDFName.of('Fit')] }));
    const root = ctx.nextRef();
    const [a, b, c] = [ctx.nextRef(), ctx.nextRef(), ctx.nextRef()];
    const entry = (title: string, extra: Record<string, unknown>): PDFDict => {
      const d = ctx.obj({}) as PDFDict;
      d.set(PDFName.of('Title'), PDFHexString.fromText(title));
      d.set(PDFName.of('Parent'), root);
      for (const [k, v] of Object.entries(extra)) d.set(PDFName.of(k), v as never);
      return d;
    };
    ctx.assign(a, entry('Inleiding', { Dest: ctx.obj([pages[0].ref, PDFName.of('Fit')]), Next: b }));
    ctx.assign(b, entry('Hoofdstuk 2', { Dest: PDFString.of('hoofdstuk2'), Next: c }));
    ctx.assign(c, entry('Bijlage', { A: ctx.obj({ S: 'GoTo', D: [pages[2].ref, PDFName.of('Fit')] }), Next: a }));
    ctx.assign(root, ctx.obj({ Type: 'Outlines', First: a, Last: c }));
    doc.catalog.set(PDFName.of('Outlines'), root);

    const outline = readOutline(doc, pages.map((p) => p.ref));
    expect(outline.map((n) => [n.title, n.pageIndex])).toEqual([
      ['Inleiding', 0],
      ['Hoofdstuk 2', 1],
      ['Bijlage', 2],
    ]);
  });
});
