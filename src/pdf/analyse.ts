// One pass over a PDF's bytes: the guarded parse (time budget, object-stream bomb guard); then,
// before anything may call getPages(), the page-tree check and repair; then the page contents
// (bombs, missing objects, images, fonts), active content, forms, and links prepared for copying.
// inspect.ts runs it on the file, and once more on a rebuilt copy when the file is damaged.

import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFPageLeaf, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import type { Encryption, PdfaBlocker, PdfProblem } from '../model/pdf-facts.js';
import { formFacts, inspectActiveContent } from './active.js';
import { ContentPack } from './content-pack.js';
import { scanPages, type ContentScan } from './content.js';
import type { SaveBalance } from './content-balance.js';
import { DecodeBudget } from './decode.js';
import { defaultTimeBudgetMs, loadGuarded, quietlySync, type GuardFailure } from './guard.js';
import { loadLazy, loadReachable } from './lazy-load.js';
import type { LazyObjects } from './lazy-objects.js';
import { prepareLinksForCopy } from './links.js';
import { validatePageTree, type PageEntry } from './page-tree.js';
import { pdfProblem } from './problems.js';

export interface AnalyseOptions {
  password?: string;
  timeBudgetMs?: number;
  contentBalance?: boolean;
  /** A page content stream that is missing leaves the page blank (a rebuilt, complete file). */
  blankMissing?: boolean;
  /** Try the lazy reader first (lazy-load.ts): only for a file whose cross-reference data is sound. */
  lazy?: boolean;
  /** Keep the decoded page content streams (for the text reader). */
  keepContent?: boolean;
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
      /** How the file was read: lazily from its cross-reference data, or parsed whole by pdf-lib. */
      reader: 'lui' | 'volledig';
      /** With `keepContent`: each page content stream's decoded bytes. */
      content?: ContentPack;
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
 * Read lazily, the objects loaded so far are checked now and every later one as it is loaded.
 */
function detachStrayPages(doc: PDFDocument, pages: PageEntry[], lazy: LazyObjects | undefined): void {
  const real = new Set<unknown>(pages.map((p) => p.leaf));
  const detach = (object: PDFObject): void => {
    if (object instanceof PDFPageLeaf && !real.has(object)) object.delete(PDFName.of('Parent'));
  };
  for (const [, object] of lazy ? lazy.loaded() : doc.context.enumerateIndirectObjects()) detach(object);
  if (lazy) lazy.onLoad = (_ref, object) => detach(object);
}

interface Loaded {
  doc: PDFDocument;
  encryption: Encryption;
  budget: DecodeBudget;
}

/**
 * Analyse `bytes`: lazily read when asked and the file allows it, and kept only when nothing in the
 * file surprised the lazy reader (for a build: nor in any object the document reaches); else (and
 * for every file that is not read as it is) parsed whole by pdf-lib within the guard's limits.
 */
export async function analyse(bytes: Uint8Array, options: AnalyseOptions): Promise<Analysis> {
  if (options.lazy) {
    const lazy = loadLazy(bytes, options.timeBudgetMs ?? defaultTimeBudgetMs(bytes.length));
    if (lazy) {
      const result = await analyseLoaded({ doc: lazy.doc, encryption: 'none', budget: lazy.budget }, options, lazy.objects);
      // A build copies everything the pages reach: load it all now, while a surprise can still fall
      // back; what the checks did not parse is only scanned as bytes (the raw copy writes it from
      // the file), except in a tagged file, which pdf-lib copies. Lint needs only what the checks
      // read; a later look-up it misses reads as missing.
      const sound = result.ok && !lazy.objects.surprised && lazy.objects.openAllStreams(bytes) && (!options.contentBalance || loadReachable(lazy, !result.tagged));
      lazy.objects.deadline = Infinity;
      if (sound) return result;
    }
  }
  const loaded = await loadGuarded(bytes, { password: options.password, timeBudgetMs: options.timeBudgetMs });
  if (!loaded.ok) return { ok: false, problem: problemFor(loaded.failure), failure: loaded.failure };
  return analyseLoaded(loaded, options, undefined);
}

async function analyseLoaded(loaded: Loaded, options: AnalyseOptions, lazy: LazyObjects | undefined): Promise<Analysis> {
  const fail = (problem: PdfProblem): Analysis => ({ ok: false, problem });
  const { doc } = loaded;
  const warnings: PdfProblem[] = [];

  const tree = validatePageTree(doc);
  if (!tree.ok) return fail(tree.problem);
  const { pages } = tree;
  warnings.push(...tree.warnings);
  detachStrayPages(doc, pages, lazy);
  const repairs = [...tree.repairs];

  const form = formFacts(doc);
  const kept = options.keepContent ? new ContentPack() : undefined;
  if (kept) kept.pages = pages;
  const content = scanPages(doc.context, pages, loaded.budget, {
    wantText: new Set(form?.hasXfa ? [1] : []),
    wantBalance: options.contentBalance,
    blankMissing: options.blankMissing,
    keepContent: kept,
  });
  if (content.error) return fail(content.error);
  repairs.push(...(content.blanked ?? []));
  const invalid = (lazy ? lazy.loaded() : doc.context.enumerateIndirectObjects()).filter(([, o]) => o instanceof PDFInvalidObject).length;
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
  return { ok: true, doc, encryption: loaded.encryption, pageCount: count, warnings, repairs, balances: content.balances, tagged: isTagged(doc), pdfa: pdfaBlockers(content, active.javascript ?? 0, loaded.encryption), reader: lazy ? 'lui' : 'volledig', content: kept };
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
