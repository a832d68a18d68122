// bundel build: load -> validate -> render -> assemble. Returns the bundle in memory; the write step
// (src/write) is the only one that touches the disk.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import { ParseSpeeds, PDFDocument, PDFName, PDFString, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors } from '../model/diagnostic.js';
import type { Agendapunt, Meeting } from '../model/meeting.js';
import type { PdfProblem } from '../model/pdf-facts.js';
import { loadMeeting } from '../load/meeting.js';
import { validate } from '../validate/index.js';
// Not render/index.js: that would load the Typst addon in this thread too.
import { dutchDate } from '../render/dutch-date.js';
import { markdownToBlocks } from '../render/markdown.js';
import { createAsyncRenderer, type AsyncRenderer } from '../render/pool.js';
import type { AgendaDocument, AgendaInput, MemoInput, RenderedPdf } from '../render/types.js';
import { resolvePageLinks } from '../assemble/links.js';
import { readOutline, writeOutline, type OutlineNode } from '../assemble/outline.js';
import { sanitizePages } from '../assemble/sanitize.js';
import { Stamper } from '../assemble/stamp.js';
import { appendPages } from '../assemble/pages.js';
import { balanceGraphicsState } from '../assemble/graphics-state.js';
import { documentLabel, makeIndex, type BundleIndex } from './index-data.js';
import { makePlan, paginate, type Part, type Plan } from './plan.js';
import { compileText, DEFAULT_FILE_NAME, DEFAULT_STAMP, DEFAULT_TITLE, safeFileName, type TemplateData } from './text-templates.js';
import type { BundelConfig } from '../model/meeting.js';
import { FONTS_DIR } from '../util/paths.js';
import { renderIndexHtml } from './index-html.js';

export interface BuildOptions {
  public?: boolean;
  dedupe?: boolean;
  password?: string;
  /** Seconds since the epoch, as SOURCE_DATE_EPOCH; default the meeting date. */
  sourceDateEpoch?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { step: 'load'; items: number; attachments: number }
  | { step: 'validate'; errors: number; warnings: number }
  | { step: 'render'; documents: number }
  | { step: 'assemble'; pages: number }
  | { step: 'done'; pages: number };

export interface BuiltBundle {
  pdf: Uint8Array;
  /** Default file name, without folder, with `.pdf`. */
  fileName: string;
  title: string;
  pageCount: number;
  index: BundleIndex;
  html: (pdfHref: string) => string;
}

export type BuildResult = { ok: false; diagnostics: Diagnostic[] } | { ok: true; diagnostics: Diagnostic[]; bundle: BuiltBundle; meeting: Meeting };

const STAMP_FONT = path.join(FONTS_DIR, 'SourceSans3-Regular.ttf');
/** Re-layout rounds when page numbers change the agenda's or a memo's length. */
const MAX_LAYOUT_ROUNDS = 4;

function buildDate(meeting: Meeting, epoch?: number): Date {
  if (epoch !== undefined && Number.isFinite(epoch)) return new Date(epoch * 1000);
  const d = new Date(`${meeting.vergadering.datum}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

function templateData(meeting: Meeting, openbaar: boolean): TemplateData {
  return {
    organisatie: meeting.config.organisatie,
    orgaan: meeting.vergadering.orgaan,
    datum: dutchDate(meeting.vergadering.datum),
    iso: meeting.vergadering.datum,
    openbaar,
  };
}

function memoInput(meeting: Meeting, item: Agendapunt, plan: Plan, pages: Map<Part, { first: number; last: number }> | undefined): MemoInput {
  const meegezonden: MemoInput['meegezonden'] = [];
  const terInzage: MemoInput['terInzage'] = [];
  for (const b of item.bijlagen) {
    const placement = plan.placements.get(b);
    if (!placement) continue;
    if (placement.status === 'ter-inzage') terInzage.push({ nummer: b.nummer, titel: b.titel, plaats: b.terInzage ?? '' });
    else if (placement.status === 'weggelaten') meegezonden.push({ nummer: b.nummer, titel: b.titel, weggelaten: true, pagina: pages?.get(placement.part)?.first });
    else if (placement.status !== 'ontbreekt') meegezonden.push({ nummer: b.nummer, titel: b.titel, pagina: pages?.get(placement.part)?.first });
  }
  return {
    organisatie: meeting.config.organisatie,
    logo: meeting.config.logo,
    orgaan: meeting.vergadering.orgaan,
    datum: dutchDate(meeting.vergadering.datum),
    agendapunt: item.nummer,
    onderwerp: item.onderwerp,
    portefeuillehouder: item.portefeuillehouder,
    beslispunten: item.beslispunten,
    toelichting: markdownToBlocks(item.body),
    procedure: item.procedure,
    vervolgactie: item.vervolgactie,
    communicatie: item.communicatie,
    mededelingBeslissingAan: item.mededelingBeslissingAan,
    meegezonden,
    terInzage,
    consequenties: item.consequenties,
    contact: item.contact,
    vertrouwelijk: item.vertrouwelijk,
  };
}

function agendaInput(meeting: Meeting, plan: Plan, pages: Map<Part, { first: number; last: number }> | undefined, openbaar: boolean): AgendaInput {
  const v = meeting.vergadering;
  const items = meeting.items.map((item) => {
    const withheld = plan.withheldItems.has(item);
    const documenten: AgendaDocument[] = [];
    const own = plan.itemPart.get(item);
    if (own?.kind === 'memo') documenten.push({ label: 'Voorstel', titel: item.onderwerp, pagina: pages?.get(own)?.first, status: 'opgenomen' });
    if (!withheld) {
      for (const b of item.bijlagen) {
        const placement = plan.placements.get(b);
        if (!placement || placement.status === 'ontbreekt') continue;
        const label = documentLabel(item, b);
        if (placement.status === 'ter-inzage') documenten.push({ label, titel: b.titel, status: 'ter-inzage', plaats: b.terInzage });
        else documenten.push({ label, titel: b.titel, pagina: pages?.get(placement.part)?.first, status: placement.status === 'weggelaten' ? 'weggelaten' : 'opgenomen' });
      }
    } else if (own) {
      documenten.push({ label: 'Agendapunt', titel: item.onderwerp, pagina: pages?.get(own)?.first, status: 'weggelaten' });
    }
    return {
      nummer: item.nummer,
      onderwerp: item.onderwerp,
      soort: item.soort,
      beslispunten: withheld ? [] : item.beslispunten,
      tekst: withheld || item.soort === 'voorstel' ? [] : markdownToBlocks(item.body),
      vertrouwelijk: item.vertrouwelijk,
      weggelaten: withheld,
      documenten,
    };
  });
  return {
    organisatie: meeting.config.organisatie,
    logo: meeting.config.logo,
    orgaan: v.orgaan,
    datum: dutchDate(v.datum),
    tijd: v.tijd,
    locatie: v.locatie,
    voorzitter: v.voorzitter,
    opmerking: openbaar
      ? 'Openbare versie: vertrouwelijke stukken zijn niet opgenomen.'
      : plan.hasConfidential
        ? 'Deze bundel bevat vertrouwelijke stukken en is niet bestemd voor publicatie.'
        : undefined,
    items,
  };
}

function outlineFor(meeting: Meeting, plan: Plan, pages: Map<Part, { first: number; last: number }>, ownOutlines: Map<Part, OutlineNode[]>): OutlineNode[] {
  const agenda = pages.get(plan.parts[0])!;
  const nodes: OutlineNode[] = [{ title: 'Agenda', pageIndex: agenda.first - 1, children: [] }];
  const shift = (list: OutlineNode[], by: number): OutlineNode[] => list.map((n) => ({ title: n.title, pageIndex: n.pageIndex + by, children: shift(n.children, by) }));
  for (const item of meeting.items) {
    const children: OutlineNode[] = [];
    const own = plan.itemPart.get(item);
    if (own) {
      const p = pages.get(own)!;
      children.push({ title: own.kind === 'withheld' ? 'Vertrouwelijk, niet opgenomen' : 'Voorstel', pageIndex: p.first - 1, children: [] });
    }
    if (!plan.withheldItems.has(item)) {
      for (const b of item.bijlagen) {
        const placement = plan.placements.get(b);
        if (!placement || placement.status === 'ter-inzage' || placement.status === 'ontbreekt') continue;
        const p = pages.get(placement.part)!;
        const label = documentLabel(item, b);
        let title = label ? `${label}: ${b.titel}` : b.titel;
        if (placement.status === 'eerder-opgenomen') title += ` (zie agendapunt ${placement.firstItem.nummer})`;
        if (placement.status === 'weggelaten') title += ' (vertrouwelijk, niet opgenomen)';
        const own = placement.status === 'opgenomen' ? shift(ownOutlines.get(placement.part) ?? [], p.first - 1) : [];
        children.push({ title, pageIndex: p.first - 1, children: own });
      }
    }
    if (children.length === 0) continue;
    nodes.push({ title: `${item.nummer} ${item.onderwerp}`, pageIndex: children[0].pageIndex, children, open: true });
  }
  return nodes;
}

/** Lay out agenda and memos: once to count pages, then with page numbers until the counts settle. */
async function renderLayout(
  meeting: Meeting,
  plan: Plan,
  renderer: AsyncRenderer,
  openbaar: boolean,
): Promise<{ rendered: Map<Part, RenderedPdf>; pages: Map<Part, { first: number; last: number }> }> {
  const rendered = new Map<Part, RenderedPdf>();
  const renderAll = async (pages: Map<Part, { first: number; last: number }> | undefined): Promise<boolean> => {
    // Without page numbers this pass only counts pages: no PDF is made.
    const countOnly = pages === undefined;
    const jobs = plan.parts.map((part): Promise<RenderedPdf> | undefined => {
      if (part.kind === 'agenda') return renderer.renderAgenda(agendaInput(meeting, plan, pages, openbaar), { countOnly });
      if (part.kind === 'memo') return renderer.renderMemo(memoInput(meeting, part.item, plan, pages), { countOnly });
      if (part.kind === 'withheld' && !rendered.has(part)) {
        return renderer.renderWithheld({
          orgaan: meeting.vergadering.orgaan,
          datum: dutchDate(meeting.vergadering.datum),
          agendapunt: part.item.nummer,
          label: part.bijlage ? (documentLabel(part.item, part.bijlage) ?? 'Stuk') : 'Agendapunt',
          titel: part.bijlage ? part.bijlage.titel : part.item.onderwerp,
        });
      }
      return undefined;
    });
    let changed = false;
    for (const [i, job] of jobs.entries()) {
      if (!job) continue;
      const out = await job;
      const part = plan.parts[i];
      if (rendered.get(part)?.pageCount !== out.pageCount) changed = true;
      rendered.set(part, out);
    }
    return changed;
  };
  const countOf = (part: Part): number => (part.kind === 'bijlage' ? part.pageCount : rendered.get(part)!.pageCount);
  await renderAll(undefined);
  let pages = paginate(plan.parts, countOf);
  for (let round = 0; round < MAX_LAYOUT_ROUNDS; round++) {
    const changed = await renderAll(pages);
    if (!changed) break;
    pages = paginate(plan.parts, countOf);
  }
  return { rendered, pages };
}

export async function buildMeeting(config: BundelConfig, dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  // The layout engine starts on its own thread while the files are read.
  const renderer = createAsyncRenderer();
  try {
    return await buildWith(renderer, config, dir, options);
  } finally {
    // Also when reading or checking fails: a running thread would keep the process alive.
    await renderer.close();
  }
}

async function buildWith(renderer: AsyncRenderer, config: BundelConfig, dir: string, options: BuildOptions): Promise<BuildResult> {
  const progress = options.onProgress ?? (() => {});
  const openbaar = options.public ?? false;
  const { meeting, documents, balances } = await loadMeeting(config, dir, { keepDocuments: true, password: options.password });
  progress({ step: 'load', items: meeting.items.length, attachments: documents.size });

  const diagnostics = validate(meeting);
  progress({ step: 'validate', errors: diagnostics.filter((d: Diagnostic) => d.severity === 'error').length, warnings: diagnostics.filter((d: Diagnostic) => d.severity === 'warning').length });
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const date = buildDate(meeting, options.sourceDateEpoch);
  const data = templateData(meeting, openbaar);
  const stampTemplate = compileText<TemplateData & { pagina: number; totaal: number }>(config.stempel ?? DEFAULT_STAMP, 'de paginanummering (`stempel`)', config.file);
  const title = compileText<TemplateData>(config.titel ?? DEFAULT_TITLE, 'de titel (`titel`)', config.file)(data);
  const fileName = `${safeFileName(compileText<TemplateData>(config.bestandsnaam ?? DEFAULT_FILE_NAME, 'de bestandsnaam (`bestandsnaam`)', config.file)(data))}.pdf`;

  // Render (on a second thread when available) while this thread copies the attachments: layout
  // and copying do not depend on each other, only the final page order does.
  const plan = makePlan(meeting, { public: openbaar, dedupe: options.dedupe ?? true });
  renderer.setCreationDate(date);
  const layout = renderLayout(meeting, plan, renderer, openbaar).finally(() => renderer.close());
  // Keep a rejected layout from counting as unhandled while the copying below runs.
  layout.catch(() => {});

  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  const font: PDFFont = await out.embedFont(await readFile(STAMP_FONT), { subset: true });
  const ownOutlines = new Map<Part, OutlineNode[]>();
  const removed = new Map<string, PdfProblem & { files: Set<string> }>();
  const usesLeft: Record<string, number> = {};
  for (const part of plan.parts) if (part.kind === 'bijlage') usesLeft[part.path] = (usesLeft[part.path] ?? 0) + 1;
  const partPages = new Map<Part, PDFPage[]>();
  for (const part of plan.parts) {
    if (part.kind !== 'bijlage') continue;
    const source = documents.get(part.path);
    if (!source) throw new Error(`bijlage ${part.path} is niet geladen`);
    const sourceRefs = source.getPages().map((p) => p.ref);
    ownOutlines.set(part, readOutline(source, sourceRefs));
    const copied = await out.copyPages(source, sourceRefs.map((_, i) => i));
    partPages.set(part, copied);
    // The loader counted each page's q/Q while checking its content; no second decode here.
    const counted = balances.get(part.path);
    copied.forEach((page, i) => balanceGraphicsState(page, counted?.[i]));
    // Let the source go once its last use is copied: memory stays near one copy of the input.
    if (--usesLeft[part.path] === 0) documents.delete(part.path);
    for (const problem of sanitizePages(out, copied)) {
      const key = problem.code + problem.message;
      // Lint already warned about this file's active content (pdf-actieve-inhoud); say it once.
      if (part.bijlage.facts?.warnings.some((w) => w.code === 'pdf-actieve-inhoud')) continue;
      const entry = removed.get(key) ?? { ...problem, files: new Set<string>() };
      entry.files.add(part.bijlage.facts?.relPath ?? part.path);
      removed.set(key, entry);
    }
    // Let the render thread's answers in between attachments.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const { rendered, pages } = await layout;
  progress({ step: 'render', documents: rendered.size });
  for (const [part, r] of rendered) {
    if (!r.missingGlyphs?.length) continue;
    diagnostics.push({
      file: part.kind === 'memo' || part.kind === 'withheld' ? part.item.file : meeting.vergadering.file,
      rule: 'tekens-ontbreken',
      severity: 'warning',
      message: `Deze tekens staan niet in het lettertype en worden als leeg vakje gedrukt: ${r.missingGlyphs.map((c) => `\`${c}\``).join(' ')}.`,
      hint: 'Vervang ze door gewone tekens (bijvoorbeeld een streepje of een opsommingsteken in Markdown).',
    });
  }
  const renderedPages: PDFPage[] = [];
  for (const part of plan.parts) {
    if (part.kind === 'bijlage') continue;
    const src = await PDFDocument.load(rendered.get(part)!.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const copied = await out.copyPages(src, src.getPageIndices());
    partPages.set(part, copied);
    renderedPages.push(...copied);
  }
  appendPages(out, plan.parts.flatMap((part) => partPages.get(part)!));
  const total = out.getPageCount();
  const expected = [...pages.values()].reduce((n, p) => Math.max(n, p.last), 0);
  if (total !== expected) throw new Error(`paginatelling klopt niet: ${total} in de bundel, ${expected} gepland`);
  progress({ step: 'assemble', pages: total });

  const stamper = new Stamper(out, font);
  out.getPages().forEach((page, i) => stamper.stamp(page, stampTemplate({ ...data, pagina: i + 1, totaal: total })));
  resolvePageLinks(out, renderedPages);
  writeOutline(out, outlineFor(meeting, plan, pages, ownOutlines));

  // Metadata: title shown in the viewer's title bar, Dutch, fixed dates.
  out.setTitle(title, { showInWindowTitleBar: true });
  out.setLanguage('nl-NL');
  out.setAuthor(meeting.config.organisatie ?? meeting.vergadering.orgaan);
  out.setSubject(
    openbaar ? `Openbare versie — ${meeting.vergadering.orgaan} ${data.datum}` : plan.hasConfidential ? 'VERTROUWELIJK — bevat vertrouwelijke stukken, niet voor publicatie' : `${meeting.vergadering.orgaan} ${data.datum}`,
  );
  out.setKeywords(['bundel', meeting.vergadering.orgaan, meeting.vergadering.datum, ...(plan.hasConfidential && !openbaar ? ['vertrouwelijk'] : [])]);
  out.setCreator('bundel');
  out.setProducer('bundel (pdf-lib, Typst)');
  out.setCreationDate(date);
  out.setModificationDate(date);
  if (plan.hasConfidential && !openbaar) out.catalog.set(PDFName.of('bundel:vertrouwelijk'), PDFString.of('niet voor publicatie'));

  // objectsPerTick: pdf-lib otherwise yields with setTimeout every 50 objects (about 0.4 s per 2000 pages).
  const pdf = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  progress({ step: 'done', pages: total });

  for (const r of removed.values()) {
    diagnostics.push({
      file: [...r.files].sort()[0],
      rule: 'bijlage-actieve-inhoud',
      severity: 'warning',
      message: r.files.size > 1 ? `${r.message} (ook in ${r.files.size - 1} andere bestanden)` : r.message,
      hint: r.hint,
    });
  }
  const index = makeIndex(meeting, plan, pages, { titel: title, bestand: fileName, paginas: total, openbaar, datum: date.toISOString() });
  return {
    ok: true,
    diagnostics,
    meeting,
    bundle: { pdf, fileName, title, pageCount: total, index, html: (pdfHref: string) => renderIndexHtml(index, pdfHref) },
  };
}
