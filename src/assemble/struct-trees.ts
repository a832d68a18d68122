// Number trees (ParentTree) and name trees (IDTree) of the structure tree: read a source's, write the
// bundle's (balanced in leaves of at most LEAF_SIZE entries, with /Limits); and the ParentTree keys
// that pages, annotations and form XObjects carry.

import { PDFArray, PDFDict, PDFNumber, PDFRef, PDFStream, type PDFContext, type PDFObject, type PDFPage } from '@cantoo/pdf-lib';
import { deref, N, treePairs } from '../pdf/objects.js';


const LEAF_SIZE = 256;

/** Entries of a number tree, in tree order; loops and absurd sizes are cut short. */
export function numberTreeEntries(ctx: PDFContext, root: PDFObject | undefined, max = 1_000_000): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  treePairs(ctx, root, 'Nums', (key, value) => {
    if (key instanceof PDFNumber && Number.isInteger(key.asNumber()) && value !== undefined) out.set(key.asNumber(), value);
    return out.size < max;
  });
  return out;
}

/**
 * A number or name tree over `entries` (already sorted by key, as the PDF requires): one flat
 * dictionary when small, else a root with /Kids of leaves that carry /Limits.
 */
function writeTree<K>(ctx: PDFContext, entries: readonly [K, PDFObject][], kind: 'Nums' | 'Names', key: (k: K) => PDFObject): PDFDict {
  const leaf = (slice: readonly [K, PDFObject][]): PDFDict => ctx.obj({ [kind]: ctx.obj(slice.flatMap(([k, v]) => [key(k), v])) }) as PDFDict;
  if (entries.length <= LEAF_SIZE) return leaf(entries);
  const kids: PDFRef[] = [];
  for (let i = 0; i < entries.length; i += LEAF_SIZE) {
    const slice = entries.slice(i, i + LEAF_SIZE);
    const node = leaf(slice);
    node.set(N('Limits'), ctx.obj([key(slice[0][0]), key(slice[slice.length - 1][0])]));
    kids.push(ctx.register(node));
  }
  return ctx.obj({ Kids: kids }) as PDFDict;
}

export function writeNumberTree(ctx: PDFContext, entries: Map<number, PDFObject>): PDFDict {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  return writeTree(ctx, sorted, 'Nums', (k) => PDFNumber.of(k));
}

/** Name tree keys sort by their bytes; ids here are strings of PDFDocEncoding or hex bytes. */
export function writeNameTree(ctx: PDFContext, entries: Map<string, { key: PDFObject; value: PDFObject }>): PDFDict {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return writeTree(
    ctx,
    sorted.map(([, e]) => [e.key, e.value] as [PDFObject, PDFObject]),
    'Names',
    (k) => k,
  );
}

/** Set every copied page's, annotation's and form XObject's key to its bundle key (or drop a stale one). */
export function renumberStructParents(ctx: PDFContext, pages: readonly PDFPage[], keyMap: Map<number, number>): void {
  const seen = new Set<PDFObject>();
  const renumber = (d: PDFDict, key: 'StructParents' | 'StructParent'): void => {
    const v = deref(ctx, d.get(N(key)));
    if (v === undefined) return;
    const to = v instanceof PDFNumber ? keyMap.get(v.asNumber()) : undefined;
    if (to === undefined) d.delete(N(key));
    else d.set(N(key), PDFNumber.of(to));
  };
  const resources = (res: PDFObject | undefined, depth: number): void => {
    const r = deref(ctx, res);
    if (!(r instanceof PDFDict) || seen.has(r) || depth > 16) return;
    seen.add(r);
    const xobjects = deref(ctx, r.get(N('XObject')));
    if (!(xobjects instanceof PDFDict)) return;
    for (const [, x] of xobjects.entries()) {
      const s = deref(ctx, x);
      if (!(s instanceof PDFStream) || seen.has(s)) continue;
      seen.add(s);
      renumber(s.dict, 'StructParents');
      resources(s.dict.get(N('Resources')), depth + 1);
    }
  };
  for (const p of pages) {
    renumber(p.node, 'StructParents');
    const annots = deref(ctx, p.node.get(N('Annots')));
    if (annots instanceof PDFArray) {
      for (const a of annots.asArray()) {
        const d = deref(ctx, a);
        if (d instanceof PDFDict && !seen.has(d)) {
          seen.add(d);
          renumber(d, 'StructParent');
        }
      }
    }
    resources(p.node.get(N('Resources')), 0);
  }
}
