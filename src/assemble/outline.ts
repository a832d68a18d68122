// Bookmarks. pdf-lib has no outline API and copyPages drops a document's outline, so both reading an
// attachment's own bookmarks and writing the bundle's tree are done here with low-level objects.

import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';

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

function textOf(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return undefined;
}

/** Named destinations: the catalog's /Dests dictionary and the /Names /Dests name tree. */
function lookupNamedDest(doc: PDFDocument, name: string): PDFObject | undefined {
  const ctx = doc.context;
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const direct = dests?.get(PDFName.of(name));
  if (direct) return ctx.lookup(direct);
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!root) return undefined;
  const seen = new Set<PDFDict>();
  const stack: PDFDict[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node) || seen.size > 10_000) continue;
    seen.add(node);
    const arr = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (arr) {
      for (let i = 0; i + 1 < arr.size(); i += 2) {
        if (textOf(arr.lookup(i)) === name) return ctx.lookup(arr.get(i + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) stack.push(kid);
    }
  }
  return undefined;
}

function destPageIndex(doc: PDFDocument, dest: PDFObject | undefined, pageIndexOf: Map<PDFRef, number>, depth = 0): number | undefined {
  if (!dest || depth > 3) return undefined;
  const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (resolved instanceof PDFArray && resolved.size() > 0) {
    const target = resolved.get(0);
    if (target instanceof PDFRef) return pageIndexOf.get(target);
    if (target instanceof PDFNumber) return target.asNumber();
    return undefined;
  }
  if (resolved instanceof PDFName) return destPageIndex(doc, lookupNamedDest(doc, resolved.decodeText()), pageIndexOf, depth + 1);
  const name = textOf(resolved);
  if (name !== undefined) return destPageIndex(doc, lookupNamedDest(doc, name), pageIndexOf, depth + 1);
  if (resolved instanceof PDFDict) return destPageIndex(doc, resolved.get(PDFName.of('D')), pageIndexOf, depth + 1);
  return undefined;
}

/** The document's own bookmarks with their target page indices; broken entries are skipped, cycles cut. */
export function readOutline(doc: PDFDocument, pageRefs: readonly PDFRef[]): OutlineNode[] {
  const pageIndexOf = new Map<PDFRef, number>();
  pageRefs.forEach((ref, i) => pageIndexOf.set(ref, i));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const seen = new Set<PDFDict>();
  let budget = MAX_OUTLINE_ITEMS;

  const walk = (first: PDFObject | undefined, depth: number): OutlineNode[] => {
    const out: OutlineNode[] = [];
    let cur = first ? doc.context.lookup(first) : undefined;
    while (cur instanceof PDFDict && !seen.has(cur) && budget-- > 0) {
      seen.add(cur);
      const title = textOf(cur.lookup(PDFName.of('Title')))?.trim();
      let pageIndex = destPageIndex(doc, cur.get(PDFName.of('Dest')), pageIndexOf);
      if (pageIndex === undefined) {
        const action = cur.lookupMaybe(PDFName.of('A'), PDFDict);
        if (action && action.get(PDFName.of('S'))?.toString() === '/GoTo') pageIndex = destPageIndex(doc, action.get(PDFName.of('D')), pageIndexOf);
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
