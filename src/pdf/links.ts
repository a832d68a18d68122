// Prepare a loaded document's page links for copyPages. pdf-lib copies everything an annotation
// refers to: a link to page 7 drags a detached copy of page 7 (contents, fonts, images) into the
// bundle and still points at that copy, and an annotation's /P does the same for its own page. So
// before copying, internal link targets become page numbers (resolved from named destinations where
// needed) and the optional back-pointers /P and /B go; after copying, sanitizePages
// (src/assemble/sanitize.ts) turns the numbers back into the bundle's pages.

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { deref, N, nameTreeEntries, textOf } from './objects.js';
import type { PageEntry } from './page-tree.js';


/** An explicit destination: an array whose first element is a page (or, after preparing, a page index). */
function explicitDest(ctx: PDFContext, dest: PDFObject | undefined): PDFArray | undefined {
  const d = deref(ctx, dest);
  if (d instanceof PDFArray) return d;
  // A named destination's value may be a dictionary with /D.
  if (d instanceof PDFDict) {
    const inner = deref(ctx, d.get(N('D')));
    return inner instanceof PDFArray ? inner : undefined;
  }
  return undefined;
}

/** Named destinations of the document (old-style /Dests dictionary and the /Names /Dests tree). */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject | undefined> {
  const ctx = doc.context;
  const map = new Map<string, PDFObject | undefined>();
  const old = deref(ctx, doc.catalog.get(N('Dests')));
  if (old instanceof PDFDict) for (const [k, v] of old.entries()) map.set(k.decodeText(), v);
  const names = deref(ctx, doc.catalog.get(N('Names')));
  if (names instanceof PDFDict) for (const [k, v] of nameTreeEntries(ctx, names.get(N('Dests')))) map.set(k, v);
  return map;
}

/**
 * Resolves a destination — explicit array, name, string, or dictionary with /D — to its explicit
 * array. Shared by link preparation and the assembler's reading of an attachment's bookmarks.
 */
export function destinationResolver(doc: PDFDocument): (dest: PDFObject | undefined) => PDFArray | undefined {
  const ctx = doc.context;
  let named: Map<string, PDFObject | undefined> | undefined;
  return (dest) => {
    const d = deref(ctx, dest);
    if (d instanceof PDFString || d instanceof PDFHexString || d instanceof PDFName) {
      named ??= namedDestinations(doc);
      return explicitDest(ctx, named.get(textOf(d) ?? ''));
    }
    return explicitDest(ctx, d);
  };
}

/** Rewrite internal link targets to page indices and drop /P and /B. Returns the links rewritten. */
export function prepareLinksForCopy(doc: PDFDocument, pages: readonly PageEntry[]): number {
  const ctx = doc.context;
  const indexOf = new Map<PDFRef, number>(pages.map((p, i) => [p.ref, i]));
  let rewritten = 0;
  const resolve = destinationResolver(doc);
  for (const { leaf } of pages) {
    leaf.delete(N('B'));
    const annots = deref(ctx, leaf.get(N('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    for (const a of annots.asArray()) {
      const annot = deref(ctx, a);
      if (!(annot instanceof PDFDict)) continue;
      annot.delete(N('P'));
      const action = deref(ctx, annot.get(N('A')));
      const isGoTo = action instanceof PDFDict && deref(ctx, action.get(N('S'))) === N('GoTo') && action.get(N('Next')) === undefined;
      const dest = annot.get(N('Dest')) ?? (isGoTo ? action.get(N('D')) : undefined);
      if (dest === undefined) continue;
      const target = resolve(dest);
      const page = target?.get(0);
      const index = page instanceof PDFRef ? indexOf.get(page) : undefined;
      if (!target || index === undefined) continue;
      // A new array: the old one may be shared with the outline, which keeps page references.
      const fresh = ctx.obj([PDFNumber.of(index), ...target.asArray().slice(1)]);
      annot.set(N('Dest'), fresh);
      if (isGoTo) annot.delete(N('A'));
      rewritten++;
    }
  }
  return rewritten;
}
