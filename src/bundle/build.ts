// bundel build: the order of steps. load (the memos laid out early on their own thread meanwhile,
// src/bundle/early-layout.ts) -> validate -> plan -> render (what the early layout made is reused)
// while the attachments are copied -> assemble -> the output files, in memory. The write step
// (src/write) is the only one that touches the disk.

import { pdfReaders } from '../model/pdf-facts.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors } from '../model/diagnostic.js';
import type { BundelConfig, Meeting, Vergadering } from '../model/meeting.js';
import { wholeData, type OutputFile } from '../model/output-file.js';
import { Converter, DEFAULT_CACHE_DIR, type ConversionEvent } from '../convert/index.js';
import { loadMeeting } from '../load/meeting.js';
import { validate } from '../validate/index.js';
import { compareWithSent, hasNews, type Comparison } from '../validate/sent-changes.js';
import { versionPrefix, type SentVersion } from '../model/sent.js';
import { createAsyncRenderer, type AsyncRenderer } from '../render/pool.js';
import type { RenderedPdf } from '../render/types.js';
import { copyAttachments, copyRendered } from '../assemble/copy.js';
import { rawCopyAllowed } from '../assemble/raw-decide.js';
import { resolvePageLinks } from '../assemble/links.js';
import { setMetadata } from '../assemble/metadata.js';
import { writeOutline, type OutlineNode } from '../assemble/outline.js';
import { appendPages } from '../assemble/pages.js';
import { printAnnotations } from '../assemble/pdfa.js';
import { Stamper } from '../assemble/stamp.js';
import { stampFont } from '../assemble/stamp-font.js';
import { BundleStructure, type DocumentStructure } from '../assemble/structure.js';
import { bundleOutline } from './bookmarks.js';
import { itemEntries, type ItemEntry } from './entries.js';
import { makeIndex, type BundleIndex } from './index-data.js';
import { lateMarks, type LateMarks } from './late-marks.js';
import { defaultInputs, missingGlyphDiagnostics, renderLayout } from './layout.js';
import { remembering, startEarlyLayout, type EarlyLayout } from './early-layout.js';
import { bundleNames, conceptFileName } from './names.js';
import { isIsoDate } from '../model/schema.js';
import { meetingSources } from '../load/sources.js';
import { makeOutputs } from './outputs/index.js';
import { confidentialPages, confidentialPart, makePlan, type Part, type Plan } from './plan.js';
import { nothingSent, printedEntries, supplementFileName, supplementIndex, supplementInputs, supplementPlan } from './supplement.js';
import { structureOutline } from './tags.js';

export interface BuildOptions {
  public?: boolean;
  dedupe?: boolean;
  password?: string;
  /** Only what is new or changed since the last sent version (`verzonden/<n>.json`): a supplement. */
  nagezonden?: boolean;
  /** Where the PDF goes (absolute); default the configured folder (`uitvoer:`, else the meeting folder) and file name. */
  output?: string;
  /** A PDF/A-2b bundle (archive): output intent, identification; the Typst parts made as PDF/A-2b too. */
  pdfa?: boolean;
  /** Seconds since the epoch, as SOURCE_DATE_EPOCH; default the meeting date. */
  sourceDateEpoch?: number;
  /** Where LibreOffice is found (`PATH`, `BUNDEL_SOFFICE`, `BUNDEL_SOFFICE_TIMEOUT`); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where attachment text is cached (public builds read it for the privacy checks). */
  cacheDir?: string;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Build despite errors: a missing or unreadable bijlage becomes a "volgt" placeholder page, CONCEPT
   * is on every page and in the file name. The errors are still returned.
   */
  concept?: boolean;
  /** Only the agenda pages (for an early convocation); like a concept, errors do not stop it. */
  agendaOnly?: boolean;
}

export type ProgressEvent =
  | ({ step: 'convert' } & ConversionEvent)
  /** `listed`: bijlagen with a `bestand`; `attachments`: those that could be read. */
  | { step: 'load'; items: number; listed: number; attachments: number; converted: number; fromCache: number }
  | { step: 'validate'; errors: number; warnings: number }
  /** What was laid out besides the agenda: house-form voorstellen, free memos, and all their pages (agenda included). */
  | { step: 'render'; voorstellen: number; memos: number; pages: number }
  | { step: 'assemble'; pages: number }
  /** Per attachment: copied raw, or with pdf-lib and why (shown at --debug). */
  | { step: 'copy'; file: string; raw: boolean; reason?: string; reader?: 'lui' | 'volledig' }
  | { step: 'done'; pages: number };

export interface BuiltBundle {
  /** Absolute path of the bundle PDF (the first of `files`). */
  pdfPath: string;
  /** The bundle's bytes in one buffer, joined when first read (the write step does not need it). */
  readonly pdf: Uint8Array;
  title: string;
  pageCount: number;
  index: BundleIndex;
  /** The version this file goes out as: 1 for a bundle, N for the supplement after version N-1. */
  versie: number;
  /** Every item's documents with their pages in this file (absent: not printed in it). */
  entries: ItemEntry[];
  /** For a supplement: what changed since the last sent version. */
  comparison?: Comparison;
}

export type BuildResult =
  /** No file: errors, or (`ongewijzigd`, with `nagezonden`) nothing new or changed since that sent version. */
  | { ok: false; diagnostics: Diagnostic[]; ongewijzigd?: SentVersion }
  | { ok: true; diagnostics: Diagnostic[]; bundle: BuiltBundle; meeting: Meeting; /** Every file to write: the PDF first. */ files: OutputFile[] };

function buildDate(vergadering: Vergadering, epoch?: number): Date {
  if (epoch !== undefined && Number.isFinite(epoch)) return new Date(epoch * 1000);
  const d = new Date(`${vergadering.datum}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

/** What the bundle is made of (sources, layouts, options), as one hash: the file's /ID. */
function inputIdentity(plan: Plan, rendered: ReadonlyMap<Part, RenderedPdf>, settings: object): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  for (const part of plan.parts) hash.update(part.kind === 'bijlage' ? part.sha256 : createHash('sha256').update(rendered.get(part)!.pdf).digest('hex'));
  return hash.digest('hex');
}

export async function buildMeeting(config: BundelConfig, dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  // The layout engine starts on its own thread while the files are read; what the early layout made
  // is remembered for the build's own.
  const renderer = remembering(createAsyncRenderer({ pdfStandard: options.pdfa ? 'a-2b' : undefined }));
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
  const env = options.env ?? process.env;
  const conversions = { converted: 0, fromCache: 0 };
  const converter = new Converter({
    env,
    cacheDir: path.resolve(config.root, config.cachemap ?? DEFAULT_CACHE_DIR),
    onConversion: (e) => {
      conversions[e.cached ? 'fromCache' : 'converted']++;
      progress({ step: 'convert', ...e });
    },
  });
  let early: EarlyLayout | undefined;
  const planOptions = { public: openbaar, dedupe: options.dedupe ?? true, concept: options.concept, agendaOnly: options.agendaOnly };
  const { meeting, documents, balances } = await loadMeeting(config, dir, {
    // A supplement lays out its own cover and page numbers: nothing to start early.
    onItems: options.nagezonden
      ? undefined
      : (vergadering, items, facts) => {
          renderer.setCreationDate(buildDate(vergadering, options.sourceDateEpoch));
          early = startEarlyLayout(config, vergadering, items, facts, renderer, { ...planOptions, openbaar });
        },
    keepDocuments: true,
    password: options.password,
    env,
    converter,
    // Only the public bundle needs the attachments' text (privacy, scans, titles).
    text: openbaar ? { cacheDir: options.cacheDir } : undefined,
  });
  const listed = meeting.items.reduce((n, item) => n + item.bijlagen.filter((b) => b.bestand !== undefined).length, 0);
  progress({ step: 'load', items: meeting.items.length, listed, attachments: documents.size, ...conversions });

  const diagnostics = validate(meeting, { pdfa: options.pdfa, members: !openbaar });
  progress({ step: 'validate', errors: diagnostics.filter((d: Diagnostic) => d.severity === 'error').length, warnings: diagnostics.filter((d: Diagnostic) => d.severity === 'warning').length });
  const despiteErrors = (options.concept || options.agendaOnly) && isIsoDate(meeting.vergadering.datum);
  if (hasErrors(diagnostics) && !despiteErrors) return { ok: false, diagnostics };
  // A concept leaves out what could not be read at all (the errors say so).
  if (despiteErrors) meeting.items = meeting.items.filter((item) => item.parsed);

  const comparison = options.nagezonden ? compareWithSent(meeting, openbaar ? 'openbaar' : 'leden') : undefined;
  if (options.nagezonden && !comparison) return { ok: false, diagnostics: [...diagnostics, nothingSent(meeting)] };
  if (comparison && !hasNews(comparison)) return { ok: false, diagnostics, ongewijzigd: comparison.versie };
  const supplement = comparison && { versie: comparison.versie.versie + 1, comparison };

  const date = buildDate(meeting.vergadering, options.sourceDateEpoch);
  const names = bundleNames(meeting, openbaar, { concept: options.concept, agendaOnly: options.agendaOnly });
  const chosen = options.output ? path.resolve(options.output) : undefined;
  const pdfPath = chosen ? path.join(path.dirname(chosen), conceptFileName(path.basename(chosen), options.concept ?? false)) : path.join(names.folder, supplement ? supplementFileName(names.fileName, supplement.versie) : names.fileName);
  const title = supplement ? `Nagezonden stukken ${meeting.vergadering.orgaan} ${names.datum} · versie ${supplement.versie}` : names.title;

  // Render (on a second thread when available) while this thread copies the attachments: layout
  // and copying do not depend on each other, only the final page order does.
  const fullPlan = makePlan(meeting, planOptions);
  const plan = supplement ? supplementPlan(fullPlan, supplement.comparison) : fullPlan;
  const late = (entries: readonly ItemEntry[]): LateMarks => (supplement ? new Map() : lateMarks(meeting, entries));
  const inputs = supplement ? supplementInputs(meeting, supplement, openbaar) : { ...defaultInputs(meeting, plan, openbaar, late), lookAhead: true };
  renderer.setCreationDate(date);
  // From here the real plan decides; the early layout's answers stay to be reused.
  early?.stop();
  const layout = renderLayout(meeting, plan, renderer, inputs).finally(() => renderer.close());
  // Keep a rejected layout from counting as unhandled while the copying below runs.
  layout.catch(() => {});

  const out = await PDFDocument.create({ updateMetadata: false });
  const attachmentParts = plan.parts.filter((p): p is Extract<Part, { kind: 'bijlage' }> => p.kind === 'bijlage');
  const structure = new BundleStructure(out);
  const { copies, diagnostics: removed } = await copyAttachments(
    out,
    structure,
    attachmentParts.map((part) => ({
      path: part.path,
      relPath: part.bijlage.facts?.relPath ?? part.path,
      warned: part.bijlage.facts?.warnings.some((w) => w.code === 'pdf-actieve-inhoud') ?? false,
    })),
    documents,
    balances,
    { raw: rawCopyAllowed(env) },
  );
  const partPages = new Map<Part, PDFPage[]>();
  const ownOutlines = new Map<Part, OutlineNode[]>();
  const tags = new Map<Part, DocumentStructure>();
  attachmentParts.forEach((part, i) => {
    const copyPath = copies[i].path;
    progress({ step: 'copy', file: part.bijlage.facts?.relPath ?? part.path, raw: copyPath.raw, reason: copyPath.raw ? undefined : copyPath.reason, reader: part.bijlage.facts && pdfReaders.get(part.bijlage.facts) });
    partPages.set(part, copies[i].pages);
    ownOutlines.set(part, copies[i].outline);
    tags.set(part, copies[i].structure);
  });

  const { rendered, pages } = await layout;
  const memoParts = [...rendered.keys()].filter((p): p is Extract<Part, { kind: 'memo' }> => p.kind === 'memo');
  progress({
    step: 'render',
    voorstellen: memoParts.filter((p) => p.item.soort !== 'memo').length,
    memos: memoParts.filter((p) => p.item.soort === 'memo').length,
    pages: [...rendered.values()].reduce((n, r) => n + r.pageCount, 0),
  });
  diagnostics.push(...missingGlyphDiagnostics(meeting, rendered));
  const renderedPages: PDFPage[] = [];
  for (const part of plan.parts) {
    if (part.kind === 'bijlage') continue;
    const { pages: copied, structure: tree } = await copyRendered(structure, rendered.get(part)!.pdf);
    partPages.set(part, copied);
    tags.set(part, tree);
    renderedPages.push(...copied);
  }
  appendPages(out, plan.parts.flatMap((part) => partPages.get(part)!));
  const total = out.getPageCount();
  const expected = [...pages.values()].reduce((n, p) => Math.max(n, p.last), 0);
  if (total !== expected) throw new Error(`paginatelling klopt niet: ${total} in de bundel, ${expected} gepland`);
  progress({ step: 'assemble', pages: total });

  const prefix = versionPrefix(supplement?.versie ?? 1);
  // The members' bundle says "Vertrouwelijk" beside the number on every page of a confidential document.
  const secret = openbaar ? new Set<number>() : confidentialPages(plan, pages);
  const stamps = out.getPages().map((_, i) => names.stamp(`${prefix}${i + 1}`, `${prefix}${total}`, { nagezonden: supplement?.versie, vertrouwelijk: secret.has(i + 1) }));
  const stamper = new Stamper(out, await stampFont(out, stamps));
  out.getPages().forEach((page, i) => stamper.stamp(page, stamps[i]!));
  resolvePageLinks(out, renderedPages);
  const entries = itemEntries(meeting, plan, pages);
  writeOutline(out, bundleOutline(entries, plan, pages, ownOutlines, supplement ? 'Nagezonden stukken' : 'Agenda'));
  structure.finish(structureOutline(entries, plan, tags, supplement ? 'Nagezonden stukken' : 'Agenda'), { title, lang: 'nl-NL' });
  if (options.pdfa) printAnnotations(out);
  // A supplement with only public documents is not confidential, even if the meeting is.
  const confidential = (supplement ? plan.parts.some(confidentialPart) : plan.hasConfidential) && !openbaar;
  setMetadata(out, {
    ...names.metadata(confidential),
    title,
    date,
    confidential,
    identity: inputIdentity(plan, rendered, { title, date, openbaar, dedupe: options.dedupe ?? true, pdfa: options.pdfa ?? false }),
    pdfa: options.pdfa,
  });

  diagnostics.push(...removed);
  const lastSent = meeting.verzonden.at(-1);
  const index = makeIndex(
    meeting,
    supplement ? printedEntries(entries) : entries,
    {
      titel: title,
      bestand: path.basename(pdfPath),
      paginas: total,
      openbaar,
      datum: date.toISOString(),
      bevatVertrouwelijk: confidential,
      verzonden: lastSent && { versie: lastSent.versie, datum: lastSent.verzonden },
    },
    late(entries),
  );
  if (supplement) index.nagezonden = supplementIndex(meeting, entries, supplement);
  // Not in a public index: the names of confidential files stay out of it.
  if (!openbaar) index.bronnen = await meetingSources(meeting);
  const files = await makeOutputs({ pdfPath, doc: out, index, config });
  progress({ step: 'done', pages: total });
  let pdf: Uint8Array | undefined;
  return {
    ok: true,
    diagnostics,
    meeting,
    files,
    bundle: { pdfPath, get pdf() { return (pdf ??= wholeData(files[0].data) as Uint8Array); }, title, pageCount: total, index, versie: supplement?.versie ?? 1, entries, comparison },
  };
}
