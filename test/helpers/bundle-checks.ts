// Structural checks on a built bundle, shared by the build and reference tests.

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import type { PageText } from './pdf-text.js';

export interface OutlineEntry {
  title: string;
  /** 1-based page. */
  page: number;
  children: OutlineEntry[];
}

export function readBundleOutline(doc: PDFDocument): OutlineEntry[] {
  const pageIndex = new Map<PDFRef, number>();
  doc.getPages().forEach((p, i) => pageIndex.set(p.ref, i + 1));
  const walk = (first: unknown): OutlineEntry[] => {
    const out: OutlineEntry[] = [];
    let ref = first;
    while (ref) {
      const d = doc.context.lookup(ref as PDFRef, PDFDict);
      const t = d.lookup(PDFName.of('Title')) as PDFHexString | PDFString;
      const dest = d.lookup(PDFName.of('Dest'), PDFArray);
      out.push({ title: t.decodeText(), page: pageIndex.get(dest.get(0) as PDFRef) ?? -1, children: walk(d.get(PDFName.of('First'))) });
      ref = d.get(PDFName.of('Next'));
    }
    return out;
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  return walk(root.get(PDFName.of('First')));
}

export interface PageLink {
  /** 1-based page the link is on. */
  onPage: number;
  /** 1-based target page. */
  target: number;
  /** Numbers printed inside the link's rectangle. */
  printed: string[];
}

/** Internal links (/Dest) on the given pages, with the page numbers printed inside each link. */
export function internalLinks(doc: PDFDocument, texts: PageText[], pageNumbers: number[]): PageLink[] {
  const refs = doc.getPages().map((p) => p.ref);
  const links: PageLink[] = [];
  for (const n of pageNumbers) {
    const page = doc.getPage(n - 1);
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const height = page.getHeight();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      const dest = annot.lookupMaybe(PDFName.of('Dest'), PDFArray);
      if (!dest) continue;
      const target = refs.indexOf(dest.get(0) as PDFRef) + 1;
      const [x1, y1, x2, y2] = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((v) => Number(v.toString()));
      const printed = texts[n - 1].runs
        .filter((r) => r.x >= x1 - 1 && r.x <= x2 + 1 && height - r.y >= y1 - 3 && height - r.y <= y2 + 3)
        .flatMap((r) => r.str.trim().split(/\s+/))
        .filter((s) => /^\d+$/.test(s));
      links.push({ onPage: n, target, printed });
    }
  }
  return links;
}

/** Every page's stamp "pagina i van n": upright, inside the displayed page, at its bottom. */
export function stampProblems(texts: PageText[], expectPrefix: string): string[] {
  const problems: string[] = [];
  texts.forEach((page, i) => {
    const stamp = page.runs.find((r) => r.str.includes(`pagina ${i + 1} van ${texts.length}`));
    if (!stamp) problems.push(`page ${i + 1}: no stamp`);
    else if (stamp.angle !== 0) problems.push(`page ${i + 1}: stamp at ${stamp.angle}°`);
    // The bottom tenth; on a tiny page (a label, a stamp-sized box) the bottom quarter.
    else if (!(stamp.x > 0 && stamp.x < page.width && stamp.y > page.height * (page.height < 144 ? 0.7 : 0.9) && stamp.y < page.height)) {
      problems.push(`page ${i + 1}: stamp at ${stamp.x},${stamp.y} outside ${page.width}×${page.height}`);
    }
    else if (!stamp.str.includes(expectPrefix)) problems.push(`page ${i + 1}: stamp text ${stamp.str}`);
  });
  return problems;
}
