// What in a PDF acts rather than shows: actions (JavaScript, Launch, form submission, links to other
// files), multimedia, embedded files, forms, signatures and XFA. The loader reports them at lint time
// (inspectActiveContent); the assembler removes what copyPages would carry into the bundle
// (src/assemble/sanitize.ts), with the same classification from here.

import { PDFArray, PDFBool, PDFDict, PDFName, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import type { PdfProblem } from '../model/pdf-facts.js';
import type { PageEntry } from './page-tree.js';
import { deref, N, nameTreeEntries, textOf } from './objects.js';
import { pdfProblem } from './problems.js';


/** Kinds of active content, each removed from the bundle and reported once with a count. */
export type ActiveKind = 'javascript' | 'launch' | 'formulieractie' | 'extern' | 'multimedia' | 'onveilige-link' | 'bijlage';

const LABEL: Record<ActiveKind, [string, string]> = {
  javascript: ['JavaScript', 'JavaScript'],
  launch: ['een actie die een programma start (Launch)', 'acties die een programma starten (Launch)'],
  formulieractie: ['een formulieractie (versturen, importeren of wissen)', 'formulieracties (versturen, importeren of wissen)'],
  extern: ['een link naar een ander bestand', 'links naar andere bestanden'],
  multimedia: ['multimedia (film, geluid of 3D)', 'multimedia (film, geluid of 3D)'],
  'onveilige-link': ['een link die geen webadres of e-mailadres is', 'links die geen webadres of e-mailadres zijn'],
  bijlage: ['een bestandsbijlage-annotatie', 'bestandsbijlage-annotaties'],
};

/** "JavaScript (2×) en een link naar een ander bestand" */
export function describeKinds(counts: ReadonlyMap<ActiveKind, number>): string {
  const parts = [...counts].map(([kind, n]) => (kind === 'javascript' ? `JavaScript (${n}×)` : n === 1 ? LABEL[kind][0] : `${n} ${LABEL[kind][1]}`));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

const ACTION_KIND: Record<string, ActiveKind> = {
  JavaScript: 'javascript',
  Launch: 'launch',
  SubmitForm: 'formulieractie',
  ImportData: 'formulieractie',
  ResetForm: 'formulieractie',
  GoToR: 'extern',
  GoToE: 'extern',
  Rendition: 'multimedia',
  Movie: 'multimedia',
  Sound: 'multimedia',
  RichMediaExecute: 'multimedia',
  GoTo3DView: 'multimedia',
};

/** Annotation subtypes that are active content by nature: removed whole, whatever their actions. */
export const ANNOT_KIND: Record<string, ActiveKind> = {
  Movie: 'multimedia',
  Sound: 'multimedia',
  Screen: 'multimedia',
  RichMedia: 'multimedia',
  '3D': 'multimedia',
  FileAttachment: 'bijlage',
};

/** Web and mail links are kept; `file:`, `javascript:`, `data:` and everything else are not. */
export function isAllowedUri(uri: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(uri.trim());
}

/** The active kinds in an action and the actions chained after it with /Next (bounded, loop-safe). */
export function actionKinds(ctx: PDFContext, action: PDFObject | undefined): ActiveKind[] {
  const kinds: ActiveKind[] = [];
  const seen = new Set<PDFObject>();
  const queue: (PDFObject | undefined)[] = [action];
  while (queue.length > 0 && seen.size < 1000) {
    const a = deref(ctx, queue.shift());
    if (!(a instanceof PDFDict) || seen.has(a)) continue;
    seen.add(a);
    const s = deref(ctx, a.get(N('S')));
    const type = s instanceof PDFName ? s.decodeText() : undefined;
    if (type && ACTION_KIND[type]) kinds.push(ACTION_KIND[type]);
    if (type === 'URI') {
      const uri = textOf(deref(ctx, a.get(N('URI'))));
      if (uri === undefined || !isAllowedUri(uri)) kinds.push('onveilige-link');
    }
    const next = deref(ctx, a.get(N('Next')));
    if (next instanceof PDFArray) queue.push(...next.asArray());
    else if (next) queue.push(next);
  }
  return kinds;
}

/** Kinds in an additional-actions dictionary (/AA): every trigger's action. */
export function additionalActionKinds(ctx: PDFContext, aa: PDFObject | undefined): ActiveKind[] {
  const dict = deref(ctx, aa);
  if (!(dict instanceof PDFDict)) return [];
  return dict.entries().flatMap(([, action]) => actionKinds(ctx, action));
}

export function annotationSubtype(ctx: PDFContext, annot: PDFDict): string | undefined {
  const s = deref(ctx, annot.get(N('Subtype')));
  return s instanceof PDFName ? s.decodeText() : undefined;
}

/** The kinds an annotation carries: its subtype, its action, its additional actions. */
export function annotationKinds(ctx: PDFContext, annot: PDFDict): ActiveKind[] {
  const subtype = annotationSubtype(ctx, annot);
  const kinds: ActiveKind[] = [];
  if (subtype && ANNOT_KIND[subtype]) kinds.push(ANNOT_KIND[subtype]);
  kinds.push(...actionKinds(ctx, annot.get(N('A'))));
  kinds.push(...additionalActionKinds(ctx, annot.get(N('AA'))));
  return kinds;
}

function fileSpecName(ctx: PDFContext, spec: PDFObject | undefined, fallback: string): string {
  const fs = deref(ctx, spec);
  if (fs instanceof PDFDict) return textOf(deref(ctx, fs.get(N('UF')))) ?? textOf(deref(ctx, fs.get(N('F')))) ?? fallback;
  return textOf(fs) ?? fallback;
}

export interface FormFacts {
  /** Terminal fields that are not signatures. */
  fields: number;
  /** Of those, fields with a value but no appearance: their value would not show. */
  withoutAppearance: number;
  signatures: string[];
  javascript: number;
  hasXfa: boolean;
  needsRendering: boolean;
  /** The field tree can be walked safely (no loops, bounded depth), so pdf-lib may flatten it. */
  walkable: boolean;
}

/** Walk /AcroForm /Fields iteratively. */
export function formFacts(doc: PDFDocument): FormFacts | undefined {
  const ctx = doc.context;
  const facts: FormFacts = { fields: 0, withoutAppearance: 0, signatures: [], javascript: 0, hasXfa: false, needsRendering: false, walkable: true };
  const needs = deref(ctx, doc.catalog.get(N('NeedsRendering')));
  facts.needsRendering = needs instanceof PDFBool && needs.asBoolean();
  const form = deref(ctx, doc.catalog.get(N('AcroForm')));
  if (!(form instanceof PDFDict)) return facts.needsRendering ? facts : undefined;
  facts.hasXfa = form.get(N('XFA')) !== undefined;
  const roots = deref(ctx, form.get(N('Fields')));
  const seen = new Set<PDFObject>();
  const stack: { node: PDFObject | undefined; depth: number; ft?: string }[] = roots instanceof PDFArray ? roots.asArray().map((node) => ({ node, depth: 0 })) : [];
  while (stack.length > 0) {
    const { node, depth, ft: inheritedFt } = stack.pop()!;
    const field = deref(ctx, node);
    if (!(field instanceof PDFDict)) continue;
    if (seen.has(field) || depth > 32 || seen.size > 20_000) {
      facts.walkable = false;
      continue;
    }
    seen.add(field);
    const ftName = deref(ctx, field.get(N('FT')));
    const ft = ftName instanceof PDFName ? ftName.decodeText() : inheritedFt;
    // Actions of widgets are counted with the page's annotations; these are the field's own.
    if (annotationSubtype(ctx, field) !== 'Widget') {
      facts.javascript += [...actionKinds(ctx, field.get(N('A'))), ...additionalActionKinds(ctx, field.get(N('AA')))].filter((k) => k === 'javascript').length;
    }
    const kids = deref(ctx, field.get(N('Kids')));
    const fieldKids = kids instanceof PDFArray ? kids.asArray().filter((k) => {
      const d = deref(ctx, k);
      return d instanceof PDFDict && d.get(N('T')) !== undefined;
    }) : [];
    if (fieldKids.length > 0) {
      for (const k of fieldKids) stack.push({ node: k, depth: depth + 1, ft });
      continue;
    }
    if (ft === 'Sig') {
      const v = deref(ctx, field.get(N('V')));
      if (v instanceof PDFDict) facts.signatures.push(textOf(deref(ctx, v.get(N('Name')))) ?? textOf(deref(ctx, field.get(N('T')))) ?? 'handtekening');
      continue;
    }
    facts.fields++;
    const widgets = kids instanceof PDFArray ? kids.asArray().map((k) => deref(ctx, k)) : [field];
    const hasValue = field.get(N('V')) !== undefined;
    const hasAppearance = widgets.some((w) => {
      const ap = w instanceof PDFDict ? deref(ctx, w.get(N('AP'))) : undefined;
      const n = ap instanceof PDFDict ? deref(ctx, ap.get(N('N'))) : undefined;
      return n instanceof PDFStream || n instanceof PDFDict;
    });
    if (hasValue && !hasAppearance) facts.withoutAppearance++;
  }
  return facts;
}

const PLACEHOLDER = /Please wait|To view the full contents of this document|upgrade to the latest version of Adobe Reader|Adobe Reader 8 or higher/i;

export interface ActiveReport {
  warnings: PdfProblem[];
  error?: PdfProblem;
  /** JavaScript actions found (document, pages, fields, links). */
  javascript?: number;
}

/**
 * Report the active content of a loaded document: document-level things copyPages drops anyway
 * (OpenAction, document JavaScript, embedded files, XFA, signatures) and page-level things the
 * assembler removes (page /AA, annotation actions, multimedia). `firstPageContent` is the decoded
 * content of page 1, to recognise the "Please wait..." placeholder of dynamic XFA forms.
 */
export function inspectActiveContent(doc: PDFDocument, pages: readonly PageEntry[], form: FormFacts | undefined, firstPageContent?: Uint8Array): ActiveReport {
  const ctx = doc.context;
  const counts = new Map<ActiveKind, number>();
  const add = (kinds: ActiveKind[]): void => {
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  const catalog = doc.catalog;
  add(actionKinds(ctx, catalog.get(N('OpenAction'))));
  add(additionalActionKinds(ctx, catalog.get(N('AA'))));
  const names = deref(ctx, catalog.get(N('Names')));
  const embedded: string[] = [];
  if (names instanceof PDFDict) {
    add(nameTreeEntries(ctx, names.get(N('JavaScript'))).map(() => 'javascript' as const));
    for (const [name, spec] of nameTreeEntries(ctx, names.get(N('EmbeddedFiles')))) embedded.push(fileSpecName(ctx, spec, name));
  }
  if (form) counts.set('javascript', (counts.get('javascript') ?? 0) + form.javascript);
  for (const { leaf } of pages) {
    add(additionalActionKinds(ctx, leaf.get(N('AA'))));
    const annots = deref(ctx, leaf.get(N('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    for (const a of annots.asArray()) {
      const annot = deref(ctx, a);
      if (!(annot instanceof PDFDict)) continue;
      add(annotationKinds(ctx, annot));
      if (annotationSubtype(ctx, annot) === 'FileAttachment') embedded.push(fileSpecName(ctx, annot.get(N('FS')), 'bijlage'));
    }
  }
  counts.delete('bijlage');
  if ((counts.get('javascript') ?? 0) === 0) counts.delete('javascript');

  const warnings: PdfProblem[] = [];
  if (form?.needsRendering || (form?.hasXfa && firstPageContent && PLACEHOLDER.test(Buffer.from(firstPageContent).toString('latin1')))) {
    return { warnings, error: pdfProblem.dynamicXfa() };
  }
  if (counts.size > 0) warnings.push(pdfProblem.activeContent(describeKinds(counts)));
  if (embedded.length > 0) warnings.push(pdfProblem.embeddedFiles([...new Set(embedded)]));
  if (form?.hasXfa) warnings.push(pdfProblem.staticXfa());
  if (form && form.fields > 0) warnings.push(pdfProblem.form(form.fields, form.withoutAppearance));
  if (form && form.signatures.length > 0) warnings.push(pdfProblem.signed(form.signatures));
  return { warnings, javascript: counts.get('javascript') ?? 0 };
}
