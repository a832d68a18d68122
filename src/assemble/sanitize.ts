// Strip what acts from attachment pages after copyPages, so that nothing in the bundle runs, starts,
// submits or fetches: page actions, JavaScript, Launch, form actions, links to other files, unsafe
// URIs, multimedia and file attachments. Ordinary web and mail links stay, and so do internal links
// whose target page is in the bundle (re-pointed to the copied page). Form widgets stay visible
// (their appearance) without their actions. Document-level active content (OpenAction, document
// JavaScript, embedded files, XFA) never comes along with copyPages; the loader reports it.
//
// Call it once per attachment, right after copying, with the copies of ALL pages of that source
// document in source order: internal link targets were rewritten by the loader
// (src/pdf/links.ts) to page indices into that list.

import { PDFArray, PDFCatalog, PDFDict, PDFNumber, PDFPageLeaf, PDFPageTree, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject, type PDFPage } from '@cantoo/pdf-lib';
import type { PdfProblem } from '../model/pdf-facts.js';
import { actionKinds, additionalActionKinds, ANNOT_KIND, annotationSubtype, type ActiveKind } from '../pdf/active.js';
import { deref, N } from '../pdf/objects.js';
import { pdfProblem } from '../pdf/problems.js';

export { inspectActiveContent } from '../pdf/active.js';


const REMOVED: Record<ActiveKind, string> = {
  javascript: 'JavaScript-acties',
  launch: 'Acties die een programma starten (Launch)',
  formulieractie: 'Formulieracties (versturen, importeren, wissen)',
  extern: 'Links naar andere bestanden',
  multimedia: 'Multimedia (film, geluid, 3D)',
  'onveilige-link': 'Links die geen webadres of e-mailadres zijn',
  bijlage: 'Bestandsbijlagen',
};

/**
 * Indirect objects reachable from the given pages, not crossing into other pages or the page tree.
 * Removing an action or annotation leaves its copied objects behind in the output file (pdf-lib
 * writes every object it holds), so what becomes unreachable is deleted: an embedded file or a
 * script must not travel along as dead bytes either.
 */
function reachableFrom(ctx: PDFContext, pages: PDFPage[]): Set<PDFRef> {
  const seen = new Set<PDFRef>();
  const stack: (PDFObject | undefined)[] = pages.map((p) => p.node);
  while (stack.length > 0) {
    const o = stack.pop();
    if (o instanceof PDFRef) {
      if (seen.has(o)) continue;
      const target = ctx.lookup(o);
      if (target instanceof PDFPageLeaf || target instanceof PDFPageTree || target instanceof PDFCatalog) continue;
      seen.add(o);
      stack.push(target);
    } else if (o instanceof PDFDict) {
      for (const [key, value] of o.entries()) if (!(o instanceof PDFPageLeaf && key === N('Parent'))) stack.push(value);
    } else if (o instanceof PDFArray) stack.push(...o.asArray());
    else if (o instanceof PDFStream) stack.push(o.dict);
  }
  return seen;
}

export function sanitizePages(doc: PDFDocument, pages: PDFPage[]): PdfProblem[] {
  const ctx = doc.context;
  const before = reachableFrom(ctx, pages);
  const counts = new Map<ActiveKind, number>();
  const count = (kinds: ActiveKind[]): void => {
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  const bundlePages = new Set<PDFRef>(doc.getPages().map((p) => p.ref));
  const cleanedFields = new Set<PDFDict>();
  let changed = false;

  /** Is this link's target a page of the bundle? Re-points page-index targets; false when it is not. */
  const fixDestination = (annot: PDFDict): boolean => {
    const action = deref(ctx, annot.get(N('A')));
    const dest = deref(ctx, annot.get(N('Dest')) ?? (action instanceof PDFDict ? action.get(N('D')) : undefined));
    if (!(dest instanceof PDFArray) || dest.size() === 0) return false;
    const first = dest.get(0);
    if (first instanceof PDFNumber) {
      const target = pages[first.asNumber()];
      if (!target) return false;
      annot.set(N('Dest'), ctx.obj([target.ref, ...dest.asArray().slice(1)]));
      annot.delete(N('A'));
      return true;
    }
    return first instanceof PDFRef && bundlePages.has(first);
  };

  // Field dictionaries above a widget carry the field's own actions (keystroke, format, calculate).
  const cleanField = (start: PDFObject | undefined): void => {
    let field = deref(ctx, start);
    for (let depth = 0; field instanceof PDFDict && depth < 32 && !cleanedFields.has(field); depth++) {
      cleanedFields.add(field);
      count(additionalActionKinds(ctx, field.get(N('AA'))));
      if (field.delete(N('AA'))) changed = true;
      const kinds = actionKinds(ctx, field.get(N('A')));
      if (kinds.length) {
        count(kinds);
        field.delete(N('A'));
        changed = true;
      }
      field = deref(ctx, field.get(N('Parent')));
    }
  };

  for (const page of pages) {
    const node = page.node;
    count(additionalActionKinds(ctx, node.get(N('AA'))));
    if (node.delete(N('AA'))) changed = true;
    node.delete(N('B'));
    const annotsValue = node.get(N('Annots'));
    const annots = deref(ctx, annotsValue);
    if (!(annots instanceof PDFArray)) {
      if (annotsValue !== undefined) node.delete(N('Annots'));
      continue;
    }
    const keep: PDFObject[] = [];
    for (const entry of annots.asArray()) {
      const annot = deref(ctx, entry);
      if (!(annot instanceof PDFDict)) continue;
      const subtype = annotationSubtype(ctx, annot) ?? '';
      if (ANNOT_KIND[subtype]) {
        count([ANNOT_KIND[subtype]]);
        continue;
      }
      count(additionalActionKinds(ctx, annot.get(N('AA'))));
      if (annot.delete(N('AA'))) changed = true;
      annot.delete(N('P'));
      const kinds = actionKinds(ctx, annot.get(N('A')));
      if (subtype === 'Link') {
        if (kinds.length) {
          count(kinds);
          continue;
        }
        const action = deref(ctx, annot.get(N('A')));
        const s = action instanceof PDFDict ? deref(ctx, action.get(N('S'))) : undefined;
        // Web and mail links stay; an internal link stays only if its target is in the bundle.
        if (s === N('URI')) {
          keep.push(entry);
          continue;
        }
        if (annot.get(N('Dest')) !== undefined || s === N('GoTo')) {
          if (fixDestination(annot)) keep.push(entry);
          continue;
        }
        // Named actions (next page…) are harmless; anything else that does nothing useful goes.
        if (s === N('Named') || action === undefined) keep.push(entry);
        continue;
      }
      if (kinds.length) {
        count(kinds);
        annot.delete(N('A'));
        changed = true;
      }
      if (subtype === 'Widget') cleanField(annot.get(N('Parent')));
      keep.push(entry);
    }
    if (keep.length !== annots.size()) {
      node.set(N('Annots'), ctx.obj(keep));
      changed = true;
    }
  }
  if (changed) {
    const after = reachableFrom(ctx, pages);
    for (const ref of before) if (!after.has(ref)) ctx.delete(ref);
  }
  return [...counts].map(([kind, n]) => pdfProblem.activeRemoved(`${REMOVED[kind]} (${n})`));
}
