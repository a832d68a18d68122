// Bookmarks. pdf-lib has no outline API and copyPages drops a document's outline, so both reading an
// attachment's own bookmarks and writing the bundle's tree are done here with low-level objects.

import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { destinationResolver } from '../pdf/links.js';
import { stringText } from '../pdf/objects.js';

export interface OutlineNode {
  title: string;
  /** 0-based page index in the document the outline belongs to. */
  pageIndex: number;
  children: OutlineNode[];
  /** Shown expanded when the bundle opens. */
  open?: boolean;
}

const MAX_OUTLINE_ITEMS = 5000;
const MAX_OUTLINE_DEPTH = 16;

/** The document's own bookmarks with their target page indices; broken entries are skipped, cycles cut. */
export function readOutline(doc: PDFDocument, pageRefs: readonly PDFRef[]): OutlineNode[] {
  const pageIndexOf = new Map<PDFRef, number>();
  pageRefs.forEach((ref, i) => pageIndexOf.set(ref, i));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const resolve = destinationResolver(doc);
  // Explicit destinations name the page by reference (or, rarely, by number).
  const pageOf = (dest: PDFObject | undefined): number | undefined => {
    const target = resolve(dest)?.get(0);
    if (target instanceof PDFRef) return pageIndexOf.get(target);
    if (target instanceof PDFNumber) return target.asNumber();
    return undefined;
  };
  const seen = new Set<PDFDict>();
  let budget = MAX_OUTLINE_ITEMS;

  const walk = (first: PDFObject | undefined, depth: number): OutlineNode[] => {
    const out: OutlineNode[] = [];
    let cur = first ? doc.context.lookup(first) : undefined;
    while (cur instanceof PDFDict && !seen.has(cur) && budget-- > 0) {
      seen.add(cur);
      const title = stringText(cur.lookup(PDFName.of('Title')))?.trim();
      let pageIndex = pageOf(cur.get(PDFName.of('Dest')));
      if (pageIndex === undefined) {
        const action = cur.lookupMaybe(PDFName.of('A'), PDFDict);
        if (action && action.get(PDFName.of('S'))?.toString() === '/GoTo') pageIndex = pageOf(action.get(PDFName.of('D')));
      }
      const children = depth < MAX_OUTLINE_DEPTH ? walk(cur.get(PDFName.of('First')), depth + 1) : [];
      if (title && pageIndex !== undefined && pageIndex >= 0 && pageIndex < pageRefs.length) {
        out.push({ title, pageIndex, children });
      } else if (children.length > 0) {
        // Keep the children of an entry without a usable target.
        out.push(...children);
      }
      cur = cur.get(PDFName.of('Next')) ? doc.context.lookup(cur.get(PDFName.of('Next'))) : undefined;
    }
    return out;
  };
  return walk(outlines.get(PDFName.of('First')), 0);
}

/** Write `nodes` as the document's outline and make the viewer open with it shown. */
export function writeOutline(doc: PDFDocument, nodes: readonly OutlineNode[]): void {
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();

  // Returns the number of visible descendants (for /Count).
  const build = (parentRef: PDFRef, list: readonly OutlineNode[]): { first?: PDFRef; last?: PDFRef; visible: number } => {
    const refs = list.map(() => ctx.nextRef());
    let visible = 0;
    list.forEach((node, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.title));
      dict.set(PDFName.of('Parent'), parentRef);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      const page = pages[Math.min(Math.max(node.pageIndex, 0), pages.length - 1)];
      dict.set(PDFName.of('Dest'), ctx.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      const sub = build(refs[i], node.children);
      if (sub.first && sub.last) {
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(node.open ? sub.visible : -sub.visible));
      }
      visible += 1 + (node.open ? sub.visible : 0);
      ctx.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], visible };
  };

  const top = build(rootRef, nodes);
  const root = ctx.obj({ Type: 'Outlines' }) as PDFDict;
  if (top.first && top.last) {
    root.set(PDFName.of('First'), top.first);
    root.set(PDFName.of('Last'), top.last);
    root.set(PDFName.of('Count'), PDFNumber.of(top.visible));
  }
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
