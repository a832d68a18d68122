// One pass over a PDF's bytes: the guarded parse (time budget, object-stream bomb guard); then,
// before anything may call getPages(), the page-tree check and repair; then the page contents
// (bombs, missing objects, images, fonts), active content, forms, and links prepared for copying.
// inspect.ts runs it on the file, and once more on a rebuilt copy when the file is damaged.

import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFPageLeaf, type PDFDocument } from '@cantoo/pdf-lib';
import type { Encryption, PdfaBlocker, PdfProblem } from '../model/pdf-facts.js';
import { formFacts, inspectActiveContent } from './active.js';
import { scanPages, type ContentScan } from './content.js';
import type { SaveBalance } from './content-balance.js';
import { loadGuarded, quietlySync, type GuardFailure } from './guard.js';
import { prepareLinksForCopy } from './links.js';
import { validatePageTree, type PageEntry } from './page-tree.js';
import { pdfProblem } from './problems.js';

export interface AnalyseOptions {
  password?: string;
  timeBudgetMs?: number;
  contentBalance?: boolean;
  /** A page content stream that is missing leaves the page blank (a rebuilt, complete file). */
  blankMissing?: boolean;
}

export type Analysis =
  | {
      ok: true;
      doc: PDFDocument;
      encryption: Encryption;
      pageCount: number;
      warnings: PdfProblem[];
      /** Repairs made on the way (Dutch clauses for the `pdf-hersteld` warning). */
      repairs: string[];
      balances?: (SaveBalance | undefined)[];
      /** A structure tree the bundle can carry over. */
      tagged: boolean;
      /** What keeps the file out of a PDF/A-2b bundle. */
      pdfa: PdfaBlocker[];
    }
  | { ok: false; problem: PdfProblem; failure?: GuardFailure };

function problemFor(failure: GuardFailure): PdfProblem {
  switch (failure.kind) {
    case 'wachtwoord':
      return pdfProblem.password(failure.wrongPassword);
    case 'versleuteld':
      return pdfProblem.encrypted(failure.detail);
    case 'bom':
      return pdfProblem.bomb(failure.encoded, failure.limit, failure.total);
    case 'tijd':
      return pdfProblem.timeout(failure.budgetMs);
    case 'onleesbaar':
      return pdfProblem.unreadable(failure.detail);
  }
}

/**
 * A page dictionary outside the page tree (a damaged file may use one as resources or the like) is
 * copied as a page by pdf-lib, which then climbs its /Parent chain without cycle detection: cut it.
 */
function detachStrayPages(doc: PDFDocument, pages: PageEntry[]): void {
  const real = new Set<unknown>(pages.map((p) => p.leaf));
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFPageLeaf && !real.has(object)) object.delete(PDFName.of('Parent'));
  }
}

export async function analyse(bytes: Uint8Array, options: AnalyseOptions): Promise<Analysis> {
  const fail = (problem: PdfProblem): Analysis => ({ ok: false, problem });
  const loaded = await loadGuarded(bytes, { password: options.password, timeBudgetMs: options.timeBudgetMs });
  if (!loaded.ok) return { ok: false, problem: problemFor(loaded.failure), failure: loaded.failure };
  const { doc } = loaded;
  const warnings: PdfProblem[] = [];

  const tree = validatePageTree(doc);
  if (!tree.ok) return fail(tree.problem);
  const { pages } = tree;
  warnings.push(...tree.warnings);
  detachStrayPages(doc, pages);
  const repairs = [...tree.repairs];

  const form = formFacts(doc);
  const content = scanPages(doc.context, pages, loaded.budget, {
    wantText: new Set(form?.hasXfa ? [1] : []),
    wantBalance: options.contentBalance,
    blankMissing: options.blankMissing,
  });
  if (content.error) return fail(content.error);
  repairs.push(...(content.blanked ?? []));
  const invalid = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFInvalidObject).length;
  if (invalid > 0) warnings.push(pdfProblem.damaged(`${invalid === 1 ? 'één object was' : `${invalid} objecten waren`} onleesbaar en ${invalid === 1 ? 'is' : 'zijn'} overgeslagen`));
  warnings.push(...content.warnings);

  const active = inspectActiveContent(doc, pages, form, content.pageText.get(1));
  if (active.error) return fail(active.error);
  warnings.push(...active.warnings);

  // Filled-in values become page content (from the fields' own appearances), so they survive
  // copyPages, which leaves the form behind. A form pdf-lib cannot flatten keeps its widgets.
  if (form && form.walkable && (form.fields > 0 || form.signatures.length > 0)) {
    const noise: string[] = [];
    quietlySync(noise, () => {
      try {
        doc.getForm().flatten({ updateFieldAppearances: false });
      } catch {
        // Widgets stay; sanitizePages strips their actions.
      }
    });
  }

  // pdf-lib's own page list must now agree with the checked tree.
  const count = doc.getPageCount();
  if (count !== pages.length) return fail(pdfProblem.pageTree(`pdf-lib telt ${count} bladen, de paginaboom ${pages.length}`));
  prepareLinksForCopy(doc, pages);
  return { ok: true, doc, encryption: loaded.encryption, pageCount: count, warnings, repairs, balances: content.balances, tagged: isTagged(doc), pdfa: pdfaBlockers(content, active.javascript ?? 0, loaded.encryption) };
}

/** What keeps this file out of a PDF/A-2b bundle: fonts not embedded, CMYK blending, JavaScript, encryption. */
function pdfaBlockers(content: ContentScan, javascript: number, encryption: Encryption): PdfaBlocker[] {
  const out: PdfaBlocker[] = [];
  const byPage = new Map<number, string[]>();
  for (const [name, page] of content.unembeddedFonts ?? []) byPage.set(page, [...(byPage.get(page) ?? []), name]);
  for (const [page, names] of [...byPage].sort((a, b) => a[0] - b[0])) out.push({ kind: 'lettertype', page, detail: names.sort().join(', ') });
  if (content.cmykGroupPage !== undefined) out.push({ kind: 'transparantie', page: content.cmykGroupPage });
  if (javascript > 0) out.push({ kind: 'javascript', detail: String(javascript) });
  if (encryption === 'owner' || encryption === 'user') out.push({ kind: 'versleuteld' });
  return out;
}

/** A structure tree with at least one element: what the assembler can carry into the bundle. */
function isTagged(doc: PDFDocument): boolean {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const k = root?.get(PDFName.of('K'));
  const kids = k === undefined ? undefined : doc.context.lookup(k);
  return kids instanceof PDFDict || (kids instanceof PDFArray && kids.size() > 0);
}
