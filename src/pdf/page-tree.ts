// Check and repair a loaded document's page tree before anything calls getPages(): pdf-lib walks the
// tree recursively, without cycle detection (a loop overflows the stack) and follows /Parent to
// inherit attributes (a /Parent cycle hangs). The walk here is iterative, sees every node once, and
// leaves a tree pdf-lib can walk safely: /Parent set to the real parent, missing /Type added,
// direct page dictionaries made indirect, deep trees flattened. Then the page boxes are checked.

import {
  PDFArray,
  PDFCatalog,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFPageLeaf,
  PDFPageTree,
  PDFRef,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from '@cantoo/pdf-lib';
import type { PdfProblem } from '../model/pdf-facts.js';
import { A4_BOX, intersection, normalised, readBox, type Box } from './geometry.js';
import { N } from './objects.js';
import { pdfProblem } from './problems.js';

/** Deeper trees are flattened (every page straight under the root): pdf-lib recurses per level. */
export const MAX_TREE_DEPTH = 32;
/** Acrobat's limit on a page side, in user units. */
export const MAX_PAGE_UNITS = 14_400;
/** A side shorter than this (in points) gets a warning: a page number hardly fits. */
export const MIN_PAGE_POINTS = 36;

const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
type Inheritable = (typeof INHERITABLE)[number];
export type Inherited = Partial<Record<Inheritable, PDFObject>>;

export interface PageEntry {
  /** 1-based page number. */
  number: number;
  ref: PDFRef;
  leaf: PDFPageLeaf;
  /** What the nodes above the page give it (set by the walk). */
  above?: Inherited;
}

/**
 * A page's inheritable attribute as a walk of the tree finds it now: the leaf's own, else what the
 * nodes above it give. Read from the leaf each time, so what was done to the leaf after the walk
 * (boxes repaired, pdf-lib normalising a page) counts, as it does for a fresh walk.
 */
export const pageAttribute = (page: { leaf: PDFDict; above?: Inherited }, key: Inheritable): PDFObject | undefined => page.leaf.get(N(key)) ?? page.above?.[key];

/** `repairs`: what was repaired that the user should check (a page copied). */
export type PageTreeResult = { ok: true; pages: PageEntry[]; warnings: PdfProblem[]; repairs: string[] } | { ok: false; problem: PdfProblem };


function asLeaf(ctx: PDFContext, ref: PDFRef, dict: PDFDict): PDFPageLeaf {
  if (dict instanceof PDFPageLeaf) return dict;
  const leaf = PDFPageLeaf.fromMapWithContext(new Map(dict.entries()), ctx);
  leaf.set(N('Type'), N('Page'));
  ctx.assign(ref, leaf);
  return leaf;
}

function asTree(ctx: PDFContext, ref: PDFRef, dict: PDFDict): PDFPageTree {
  if (dict instanceof PDFPageTree) return dict;
  const tree = PDFPageTree.fromMapWithContext(new Map(dict.entries()), ctx);
  tree.set(N('Type'), N('Pages'));
  ctx.assign(ref, tree);
  return tree;
}

const typeOf = (dict: PDFDict): string | undefined => {
  const t = dict.get(N('Type'));
  return t instanceof PDFName ? t.decodeText() : undefined;
};

interface Frame {
  node: PDFPageTree;
  ref: PDFRef;
  depth: number;
  inherited: Inherited;
}

function own(node: PDFDict, inherited: Inherited): Inherited {
  const out: Inherited = { ...inherited };
  for (const key of INHERITABLE) {
    const v = node.get(N(key));
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Walk the tree from the catalog; repair what can be repaired without losing anything. */
export function walkPageTree(doc: PDFDocument): { ok: true; pages: (PageEntry & { inherited: Inherited })[]; root: PDFPageTree; rootRef: PDFRef; maxDepth: number; repairs: string[] } | { ok: false; problem: PdfProblem } {
  const ctx = doc.context;
  const found = ctx.lookup(ctx.trailerInfo.Root);
  if (!(found instanceof PDFDict)) return { ok: false, problem: pdfProblem.unreadablePart('er is geen catalogus (`/Root`); het bestand is afgebroken of beschadigd') };
  let catalog: PDFDict = found;
  if (!(found instanceof PDFCatalog) && ctx.trailerInfo.Root instanceof PDFRef) {
    // A catalog without `/Type /Catalog`: viewers accept it; pdf-lib needs its own class for it.
    const repaired = PDFCatalog.fromMapWithContext(new Map(found.entries()), ctx);
    repaired.set(N('Type'), N('Catalog'));
    ctx.assign(ctx.trailerInfo.Root, repaired);
    Object.assign(doc, { catalog: repaired });
    catalog = repaired;
  }
  const pagesValue = catalog.get(N('Pages'));
  if (pagesValue === undefined) return { ok: false, problem: pdfProblem.pageTree('de catalogus verwijst niet naar bladzijden (`/Pages` ontbreekt)') };
  let rootRef: PDFRef;
  if (pagesValue instanceof PDFRef) rootRef = pagesValue;
  else if (pagesValue instanceof PDFDict) {
    rootRef = ctx.register(pagesValue);
    catalog.set(N('Pages'), rootRef);
  } else return { ok: false, problem: pdfProblem.pageTree('`/Pages` is geen woordenboek') };
  const rootObj = ctx.lookup(rootRef);
  if (!(rootObj instanceof PDFDict) || rootObj instanceof PDFPageLeaf) {
    return { ok: false, problem: rootObj === undefined || rootObj instanceof PDFInvalidObject ? pdfProblem.incomplete('de paginaboom ontbreekt', `/Pages ${rootRef}`) : pdfProblem.pageTree('`/Pages` wijst niet naar een paginaboom') };
  }
  const root = asTree(ctx, rootRef, rootObj);
  if (root.get(N('Parent')) !== undefined) root.delete(N('Parent'));

  const seen = new Set<PDFRef>([rootRef]);
  const pages: (PageEntry & { inherited: Inherited })[] = [];
  const repairs: string[] = [];
  const stack: { frame: Frame; index: number }[] = [{ frame: { node: root, ref: rootRef, depth: 0, inherited: own(root, {}) }, index: 0 }];
  let maxDepth = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const { node, ref, depth, inherited } = top.frame;
    const kids = node.get(N('Kids'));
    const kidsArray = kids instanceof PDFRef ? ctx.lookup(kids) : kids;
    if (!(kidsArray instanceof PDFArray)) {
      return { ok: false, problem: pdfProblem.pageTree('een knoop van de paginaboom heeft geen lijst van bladen (`/Kids`)', `/Kids van ${ref}`) };
    }
    if (kids instanceof PDFRef) node.set(N('Kids'), kidsArray);
    if (top.index >= kidsArray.size()) {
      stack.pop();
      continue;
    }
    const i = top.index++;
    const raw = kidsArray.get(i);
    let kidRef: PDFRef;
    if (raw instanceof PDFRef) kidRef = raw;
    else if (raw instanceof PDFDict) {
      kidRef = ctx.register(raw);
      kidsArray.set(i, kidRef);
    } else if (raw === PDFNull) {
      continue;
    } else {
      return { ok: false, problem: pdfProblem.pageTree(`de lijst van bladen (\`/Kids\`) bevat \`${String(raw)}\` in plaats van een blad`, `/Kids van ${ref}`) };
    }
    if (seen.has(kidRef)) {
      // A page listed twice is shown twice by viewers (qpdf copies it); a node listed twice is a loop.
      const again = ctx.lookup(kidRef);
      if (!(again instanceof PDFPageLeaf)) return { ok: false, problem: pdfProblem.pageTree(`na blad ${pages.length} verwijst de paginaboom terug naar een eerdere knoop (een lus)`, `${kidRef}`) };
      repairs.push(`blad \`${pages.length + 1}\` stond nog eens in de paginaboom en is als kopie opgenomen`);
      kidRef = ctx.register(again.clone());
      kidsArray.set(i, kidRef);
    }
    seen.add(kidRef);
    const kid = ctx.lookup(kidRef);
    if (kid === undefined) return { ok: false, problem: pdfProblem.incomplete(`blad ${pages.length + 1} staat niet in het bestand`, `${kidRef}`) };
    if (kid instanceof PDFInvalidObject) return { ok: false, problem: pdfProblem.unreadablePart(`blad ${pages.length + 1} is beschadigd`, `${kidRef}`) };
    if (!(kid instanceof PDFDict)) return { ok: false, problem: pdfProblem.pageTree(`blad ${pages.length + 1} is geen blad en geen paginaboom`, `${kidRef}`) };
    const type = typeOf(kid);
    const isTree = kid instanceof PDFPageTree || type === 'Pages' || (type === undefined && kid.get(N('Kids')) !== undefined);
    const isLeaf = !isTree && (kid instanceof PDFPageLeaf || type === 'Page' || type === undefined);
    if (!isTree && !isLeaf) return { ok: false, problem: pdfProblem.pageTree(`blad ${pages.length + 1} is een \`/${type}\` in plaats van een blad`, `${kidRef}`) };
    // /Parent is only a back-pointer: point it at the real parent, so inheriting can never loop.
    const parent = kid.get(N('Parent'));
    if (!(parent instanceof PDFRef) || parent !== ref) kid.set(N('Parent'), ref);
    if (isTree) {
      const tree = asTree(ctx, kidRef, kid);
      maxDepth = Math.max(maxDepth, depth + 1);
      stack.push({ frame: { node: tree, ref: kidRef, depth: depth + 1, inherited: own(tree, inherited) }, index: 0 });
    } else {
      const leaf = asLeaf(ctx, kidRef, kid);
      pages.push({ number: pages.length + 1, ref: kidRef, leaf, inherited: own(leaf, inherited), above: inherited });
    }
  }
  return { ok: true, pages, root, rootRef, maxDepth, repairs };
}

/** Put every page straight under the root, each with its inherited attributes made its own. */
function flatten(ctx: PDFContext, root: PDFPageTree, rootRef: PDFRef, pages: (PageEntry & { inherited: Inherited })[]): void {
  const kids = PDFArray.withContext(ctx);
  for (const p of pages) {
    for (const key of INHERITABLE) {
      const v = p.inherited[key];
      if (v !== undefined && p.leaf.get(N(key)) === undefined) p.leaf.set(N(key), v);
    }
    p.leaf.set(N('Parent'), rootRef);
    kids.push(p.ref);
  }
  root.set(N('Kids'), kids);
  root.set(N('Count'), PDFNumber.of(pages.length));
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100).replace('.', ',');
const sizeText = (w: number, h: number): string => `\`${fmt(w)} × ${fmt(h)}\``;

/**
 * Check every page's boxes: a missing MediaBox becomes the CropBox or A4, inverted boxes are
 * normalised, degenerate pages are an error, tiny and huge pages and /UserUnit a warning.
 */
function checkBoxes(ctx: PDFContext, pages: (PageEntry & { inherited: Inherited })[]): { warnings: PdfProblem[]; error?: PdfProblem } {
  const missing: number[] = [];
  const degenerate: number[] = [];
  let degenerateBox = '';
  const small: number[] = [];
  let smallSize = '';
  const huge: number[] = [];
  let hugeSize = '';
  const units = new Map<number, number[]>();
  for (const p of pages) {
    const { leaf } = p;
    let unit = 1;
    const uu = leaf.get(N('UserUnit'));
    if (uu !== undefined) {
      const v = uu instanceof PDFNumber ? uu.asNumber() : NaN;
      // An unusable UserUnit is ignored by viewers: drop it, nothing is lost.
      if (!(v > 0 && Number.isFinite(v))) leaf.delete(N('UserUnit'));
      else if (v !== 1) {
        unit = v;
        units.set(v, [...(units.get(v) ?? []), p.number]);
      }
    }
    let media = readBox(ctx, p.inherited.MediaBox);
    const crop = readBox(ctx, p.inherited.CropBox);
    if (!media) {
      if (crop) media = crop;
      else {
        media = A4_BOX;
        missing.push(p.number);
      }
      leaf.set(N('MediaBox'), ctx.obj(normalised(media)));
    }
    // Boxes may name any two opposite corners; write them lower-left first, as most tools expect.
    for (const name of ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox'] as const) {
      const box = readBox(ctx, name === 'MediaBox' || name === 'CropBox' ? p.inherited[name] : leaf.get(N(name)));
      if (!box) continue;
      const n = normalised(box);
      if (n.some((v, i) => v !== box[i])) leaf.set(N(name), ctx.obj(n));
    }
    const m = normalised(media);
    const c = crop ? normalised(crop) : m;
    const visible: Box = intersection(m, c);
    const box = visible[2] > visible[0] && visible[3] > visible[1] ? visible : m;
    const w = box[2] - box[0];
    const h = box[3] - box[1];
    if (w * unit < 1 || h * unit < 1) {
      degenerate.push(p.number);
      degenerateBox ||= `[${m.map(fmt).join(' ')}]`;
    } else if (w * unit < MIN_PAGE_POINTS || h * unit < MIN_PAGE_POINTS) {
      small.push(p.number);
      smallSize ||= sizeText(w * unit, h * unit);
    } else if (w > MAX_PAGE_UNITS || h > MAX_PAGE_UNITS) {
      huge.push(p.number);
      hugeSize ||= sizeText(w, h);
    }
    // A /Rotate that is not a multiple of 90 is invalid; viewers round it. So do we, explicitly.
    const rot = p.inherited.Rotate;
    const r = rot instanceof PDFRef ? ctx.lookup(rot) : rot;
    if (rot !== undefined) {
      const v = r instanceof PDFNumber ? r.asNumber() : NaN;
      if (!Number.isFinite(v)) leaf.set(N('Rotate'), PDFNumber.of(0));
      else if (v % 90 !== 0) leaf.set(N('Rotate'), PDFNumber.of((((Math.round(v / 90) * 90) % 360) + 360) % 360));
    }
  }
  const warnings: PdfProblem[] = [];
  if (missing.length) warnings.push(pdfProblem.mediaBoxMissing(missing));
  if (small.length) warnings.push(pdfProblem.pageSmall(small, smallSize));
  if (huge.length) warnings.push(pdfProblem.pageHuge(huge, hugeSize));
  for (const [unit, list] of units) warnings.push(pdfProblem.userUnit(list, unit));
  return { warnings, error: degenerate.length ? pdfProblem.pageSize(degenerate, degenerateBox) : undefined };
}

/** Validate and repair the page tree and the page boxes. After `ok`, getPages() is safe. */
export function validatePageTree(doc: PDFDocument): PageTreeResult {
  const walked = walkPageTree(doc);
  if (!walked.ok) return walked;
  const { pages, root, rootRef, maxDepth, repairs } = walked;
  if (pages.length === 0) return { ok: false, problem: pdfProblem.noPages() };
  if (maxDepth > MAX_TREE_DEPTH) flatten(doc.context, root, rootRef, pages);
  root.set(N('Count'), PDFNumber.of(pages.length));
  const boxes = checkBoxes(doc.context, pages);
  if (boxes.error) return { ok: false, problem: boxes.error };
  return { ok: true, pages: pages.map(({ number, ref, leaf, above }) => ({ number, ref, leaf, above })), warnings: boxes.warnings, repairs };
}
