// Copy an attachment's pages into the bundle without pdf-lib's copier and writer. Only the page
// dictionaries (with their inherited attributes pushed down and their resource dictionaries made
// direct, so stamping and tagging can add to them) and their annotations become objects of the
// output document; everything else they reach (content streams, fonts, images, forms) is written
// at once to bytes with renumbered references, stream data untouched, and handed to the writer
// (raw-write.ts). No second object graph is built, and the source document can go right away.
//
// Only for attachments that decideCopyPath (raw-decide.ts) lets through: nothing in them needs
// sanitizing, so the result means the same as the pdf-lib path's.

import {
  PDFArray,
  PDFBool,
  PDFCatalog,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFPage,
  PDFPageLeaf,
  PDFPageTree,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { lazyObjectsOf, type LazyObjects } from '../pdf/lazy-objects.js';
import { N } from '../pdf/objects.js';
import { pageIndexDest, RESOURCE_DICTS } from './raw-decide.js';
import { addRawObjects, objectFromScan, type RawObject } from './raw-write.js';

const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'].map((n) => PDFName.of(n));
const PARENT = PDFName.of('Parent');
const DIRECT = ['MediaBox', 'CropBox', 'Rotate', 'UserUnit'].map((n) => PDFName.of(n));
const LENGTH = PDFName.of('Length');
/** Deeper direct nesting than this is refused (the copy falls back to pdf-lib). */
const MAX_DEPTH = 256;

/** An object the raw copy cannot write (too deep, or of a kind it does not know). */
class Unsupported extends Error {}

const LEAVES = [PDFName, PDFNumber, PDFString, PDFHexString, PDFBool];

/** Is `target` something a copied object may point at (not another document part, not missing)? */
const copyable = (target: PDFObject | undefined): boolean => target !== undefined && !(target instanceof PDFPageTree) && !(target instanceof PDFCatalog) && !(target instanceof PDFPageLeaf);

/** Every value in `obj` one level down (dictionary values, array items, a stream's dictionary). */
function children(obj: PDFObject): PDFObject[] {
  // A stream's /Length is written anew; an indirect length need not come along.
  if (obj instanceof PDFStream) return [...obj.dict.entries()].filter(([k]) => k !== LENGTH).map(([, v]) => v);
  if (obj instanceof PDFDict) return [...obj.entries()].map(([, v]) => v);
  if (obj instanceof PDFArray) return obj.asArray();
  if (obj === PDFNull || LEAVES.some((kind) => obj instanceof kind)) return [];
  throw new Unsupported();
}

/**
 * The plan: which source objects are copied, in a fixed order. The page shells' values are
 * walked first (they are what the pages point at), then everything reachable from them.
 */
class Closure {
  readonly order: PDFRef[] = [];
  private readonly seen = new Set<PDFRef>();

  constructor(
    private readonly src: PDFContext,
    private readonly pages: ReadonlyMap<PDFRef, PDFRef>,
    /** A lazily read source: objects copied as bytes are walked through their scans' references. */
    private readonly lazy: LazyObjects | undefined,
    /** Written from pdf-lib's objects in any case (the page annotations). */
    private readonly parsed: ReadonlySet<PDFRef>,
  ) {}

  walk(start: readonly PDFObject[]): void {
    const stack: { obj: PDFObject; depth: number }[] = start.map((obj) => ({ obj, depth: 0 })).reverse();
    while (stack.length > 0) {
      const { obj, depth } = stack.pop()!;
      if (depth > MAX_DEPTH) throw new Unsupported();
      if (obj instanceof PDFRef) {
        if (this.seen.has(obj) || this.pages.has(obj)) continue;
        this.seen.add(obj);
        const scan = this.parsed.has(obj) ? undefined : this.lazy?.bytesOf(obj);
        if (scan) {
          this.order.push(obj);
          const refs = scan.refs;
          for (let i = refs.length - 2; i >= 0; i -= 2) stack.push({ obj: PDFRef.of(refs[i]!, refs[i + 1]!), depth: 0 });
          continue;
        }
        const target = this.src.lookup(obj);
        if (!copyable(target)) continue;
        this.order.push(obj);
        stack.push({ obj: target!, depth: 0 });
        continue;
      }
      const kids = children(obj);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ obj: kids[i]!, depth: depth + 1 });
    }
  }
}

/** Copies values from a source context into `out`, references renumbered. */
class Renumber {
  constructor(
    private readonly src: PDFContext,
    private readonly out: PDFContext,
    private readonly map: ReadonlyMap<PDFRef, PDFRef>,
  ) {}

  /** The output reference for a source reference; null for what is not copied (as viewers read a missing object). */
  ref(r: PDFRef): PDFRef | typeof PDFNull {
    return this.map.get(r) ?? PDFNull;
  }

  /** A direct copy of `v` for the output context. */
  convert(v: PDFObject): PDFObject {
    if (v instanceof PDFRef) return this.ref(v);
    if (v instanceof PDFDict) {
      const dict = this.out.obj({}) as PDFDict;
      for (const [k, value] of v.entries()) dict.set(k, this.convert(value));
      return dict;
    }
    if (v instanceof PDFArray) return this.out.obj(v.asArray().map((x) => this.convert(x)));
    return v;
  }

  /** A dictionary given directly or by reference, copied as a direct dictionary. */
  direct(v: PDFObject | undefined): PDFDict | undefined {
    const d = v instanceof PDFRef ? this.src.lookup(v) : v;
    return d instanceof PDFDict && !(d instanceof PDFPageLeaf) ? (this.convert(d) as PDFDict) : undefined;
  }

  /** `n 0 obj … endobj` for one copied object, stream data as it is in the source. */
  serialize(num: number, obj: PDFObject): RawObject {
    const parts: string[] = [];
    if (obj instanceof PDFStream) {
      const data = obj.getContents();
      this.write(obj.dict, parts, 0, data.length);
      return { num, head: `${num} 0 obj\n${parts.join('')}\nstream\n`, data, tail: '\nendstream\nendobj\n\n' };
    }
    this.write(obj, parts, 0);
    return { num, head: `${num} 0 obj\n${parts.join('')}\nendobj\n\n` };
  }

  private write(v: PDFObject, out: string[], depth: number, length?: number): void {
    if (depth > MAX_DEPTH) throw new Unsupported();
    if (v instanceof PDFRef) {
      const to = this.ref(v);
      out.push(to instanceof PDFRef ? `${to.objectNumber} ${to.generationNumber} R` : 'null');
    } else if (v instanceof PDFDict) {
      out.push('<<');
      for (const [k, value] of v.entries()) {
        if (length !== undefined && k === LENGTH) continue;
        out.push(k.toString(), ' ');
        this.write(value, out, depth + 1);
        out.push('\n');
      }
      if (length !== undefined) out.push(`/Length ${length}\n`);
      out.push('>>');
    } else if (v instanceof PDFArray) {
      out.push('[');
      for (const item of v.asArray()) {
        this.write(item, out, depth + 1);
        out.push(' ');
      }
      out.push(']');
    } else out.push(v.toString());
  }
}

/**
 * Copy every page of `source` into `out` the raw way (pages not yet added to the page tree).
 * Returns undefined, with `out` untouched, when an object cannot be copied this way.
 */
export function copyPagesRaw(out: PDFDocument, source: PDFDocument): PDFPage[] | undefined {
  const src = source.context;
  const ctx = out.context;
  const sourcePages = source.getPages();
  // The shells' values: the page dictionary without /Parent and /B, inherited attributes pushed
  // down, resources and annotations opened one level.
  const shells = sourcePages.map((p) => {
    const entries = new Map<PDFName, PDFObject>();
    for (const [k, v] of p.node.entries()) if (k !== PARENT && k !== N('B')) entries.set(k, v);
    for (const key of INHERITED) {
      if (entries.has(key)) continue;
      const inherited = p.node.getInheritableAttribute(key);
      if (inherited !== undefined) entries.set(key, inherited);
    }
    // What the stamp and the tagging read or extend must be direct in the shell.
    for (const key of DIRECT) {
      const v = entries.get(key);
      if (v instanceof PDFRef) entries.set(key, src.lookup(v) ?? PDFNull);
    }
    const contents = entries.get(N('Contents'));
    if (contents !== undefined) {
      const resolved = contents instanceof PDFRef ? src.lookup(contents) : contents;
      entries.set(N('Contents'), resolved instanceof PDFArray ? resolved : src.obj([contents]));
    }
    const resources = entries.get(N('Resources'));
    const res = resources instanceof PDFRef ? src.lookup(resources) : resources;
    const annots = entries.get(N('Annots'));
    const list = annots instanceof PDFRef ? src.lookup(annots) : annots;
    return { entries, res: res instanceof PDFDict ? res : undefined, annots: list instanceof PDFArray ? list.asArray().filter((a): a is PDFRef => a instanceof PDFRef) : [] };
  });
  const pageRefs = new Map<PDFRef, PDFRef>();
  const lazy = lazyObjectsOf(src);
  const annotRefs = new Set(shells.flatMap((s) => s.annots));
  const closure = new Closure(src, new Map(sourcePages.map((p) => [p.ref, p.ref])), lazy, annotRefs);
  try {
    const start: PDFObject[] = [];
    for (const s of shells) {
      for (const [k, v] of s.entries) if (k !== N('Resources') && k !== N('Annots')) start.push(v);
      if (s.res) {
        for (const [k, v] of s.res.entries()) {
          const sub = RESOURCE_DICTS.includes(k) && v instanceof PDFRef ? src.lookup(v) : v;
          start.push(...(sub instanceof PDFDict && sub !== v ? children(sub) : [v]));
        }
      }
      start.push(...s.annots);
    }
    closure.walk(start);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }

  // Numbers: the pages first, then the copied objects in walk order (deterministic).
  for (const p of sourcePages) pageRefs.set(p.ref, ctx.nextRef());
  const map = new Map(pageRefs);
  for (const r of closure.order) map.set(r, ctx.nextRef());
  const renumber = new Renumber(src, ctx, map);
  const raw: RawObject[] = [];
  const target = (ref: PDFRef): PDFRef | undefined => map.get(ref);
  for (const r of closure.order) {
    const to = map.get(r)!;
    const scan = annotRefs.has(r) ? undefined : lazy?.bytesOf(r);
    if (scan) {
      raw.push(objectFromScan(to.objectNumber, scan, lazy!.bytes, target));
      continue;
    }
    const obj = src.lookup(r)!;
    // Annotations are objects of the output document: PDF/A sets their flags (pdfa.ts).
    if (annotRefs.has(r) && obj instanceof PDFDict) {
      const annot = renumber.convert(obj) as PDFDict;
      // An internal link: the loader made its target a page index (src/pdf/links.ts); now the page.
      const dest = annot.get(N('Dest'));
      const index = pageIndexDest(dest, sourcePages.length);
      if (index !== undefined) annot.set(N('Dest'), ctx.obj([pageRefs.get(sourcePages[index]!.ref)!, ...(dest as PDFArray).asArray().slice(1)]));
      ctx.assign(to, annot);
    }
    else raw.push(renumber.serialize(to.objectNumber, obj));
  }
  addRawObjects(out, raw);

  return sourcePages.map((p, i) => {
    const shell = shells[i]!;
    const leaf = PDFPageLeaf.fromMapWithContext(new Map(), ctx);
    for (const [k, v] of shell.entries) {
      if (k === N('Resources')) {
        const res = ctx.obj({}) as PDFDict;
        for (const [rk, rv] of shell.res?.entries() ?? []) res.set(rk, (RESOURCE_DICTS.includes(rk) && renumber.direct(rv)) || renumber.convert(rv));
        leaf.set(k, res);
      } else if (k === N('Annots')) leaf.set(k, ctx.obj(shell.annots.map((a) => renumber.ref(a))));
      else leaf.set(k, renumber.convert(v));
    }
    const ref = pageRefs.get(p.ref)!;
    ctx.assign(ref, leaf);
    return PDFPage.of(leaf, ref, out);
  });
}
