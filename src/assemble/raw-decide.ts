// Which attachments may take the raw copy (raw-copy.ts) instead of pdf-lib's copier: those where
// the copier and sanitizePages would change nothing but object numbers and internal link targets.
// Everything that sanitizing removes (page actions, active annotations, links to no page of the
// file, form fields), tagged documents (their structure tree goes through structure-copy.ts),
// encrypted files and pages whose q/Q count the loader could not make stay on the pdf-lib path.
// The decision mirrors sanitize.ts rule by rule.

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { actionKinds, additionalActionKinds, ANNOT_KIND, annotationSubtype } from '../pdf/active.js';
import type { SaveBalance } from '../pdf/content-balance.js';
import { deref, N } from '../pdf/objects.js';

export type CopyPath = { raw: true } | { raw: false; reason: string };

/** `BUNDEL_PDF_COPY=pdf-lib` forces the pdf-lib path for every attachment (tests compare both). */
export function rawCopyAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.BUNDEL_PDF_COPY !== 'pdf-lib';
}

/** Why this annotation needs sanitizing, or undefined when it is copied as it is. */
function annotationReason(source: PDFDocument, entry: PDFObject | undefined, pageCount: number): string | undefined {
  const ctx = source.context;
  if (!(entry instanceof PDFRef)) return 'a direct annotation';
  const annot = deref(ctx, entry);
  if (!(annot instanceof PDFDict)) return 'an annotation is not a dictionary';
  const subtype = annotationSubtype(ctx, annot) ?? '';
  if (ANNOT_KIND[subtype]) return `active annotation (${subtype})`;
  if (additionalActionKinds(ctx, annot.get(N('AA'))).length > 0 || annot.has(N('AA'))) return 'annotation actions (AA)';
  if (actionKinds(ctx, annot.get(N('A'))).length > 0) return 'active annotation action';
  if (subtype === 'Widget') return 'form field';
  if (subtype !== 'Link') return undefined;
  const action = deref(ctx, annot.get(N('A')));
  const s = action instanceof PDFDict ? deref(ctx, action.get(N('S'))) : undefined;
  if (s === N('URI')) return undefined;
  if (annot.get(N('Dest')) !== undefined || s === N('GoTo')) return pageIndexDest(annot.get(N('Dest')), pageCount) === undefined ? 'internal link to no page of its own file' : undefined;
  if (s === N('Named') || action === undefined) return undefined;
  return 'link with another action';
}

/**
 * The page index of a link the loader prepared (src/pdf/links.ts turns a target page into its
 * index in a direct /Dest array), when it is a page of the same file.
 */
export function pageIndexDest(dest: PDFObject | undefined, pageCount: number): number | undefined {
  const first = dest instanceof PDFArray && dest.size() > 0 ? dest.get(0) : undefined;
  const index = first instanceof PDFNumber ? first.asNumber() : -1;
  return Number.isInteger(index) && index >= 0 && index < pageCount ? index : undefined;
}

/** Raw copy, or why not. `balances`: the loader's q/Q count per page. */
export function decideCopyPath(source: PDFDocument, balances: readonly (SaveBalance | undefined)[] | undefined): CopyPath {
  const no = (reason: string): CopyPath => ({ raw: false, reason });
  const ctx = source.context;
  if (ctx.trailerInfo.Encrypt !== undefined) return no('encrypted');
  if (source.catalog.has(N('StructTreeRoot'))) return no('tagged (structure tree)');
  const pages = source.getPages();
  if (pages.length === 0) return no('no pages');
  for (let i = 0; i < pages.length; i++) {
    const node = pages[i]!.node;
    if (balances?.[i] === undefined) return no(`page ${i + 1}: q/Q count unknown`);
    if (node.has(N('AA'))) return no(`page ${i + 1}: page actions (AA)`);
    const annotsValue = node.get(N('Annots'));
    if (annotsValue === undefined) continue;
    const annots = deref(ctx, annotsValue);
    if (!(annots instanceof PDFArray)) return no(`page ${i + 1}: Annots is not an array`);
    for (const entry of annots.asArray()) {
      const reason = annotationReason(source, entry, pages.length);
      if (reason) return no(`page ${i + 1}: ${reason}`);
    }
  }
  return { raw: true };
}

export const RESOURCE_DICTS: readonly PDFName[] = ['Font', 'XObject', 'ExtGState'].map((n) => PDFName.of(n));
