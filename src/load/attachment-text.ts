// The text of one attachment for the public bundle's checks: what the personal-data detectors find
// on its pages, its heading and its empty pages, from the cache when the file is known by its sha256,
// else read (bounded, on the text thread) and cached. Which empty pages are scans, and the document's
// own title, come from the parsed document, which the loader has anyway. The text itself is kept only
// when the body's own patterns need it.

import type { PDFDocument } from '@cantoo/pdf-lib';
import type { BundelConfig } from '../model/meeting.js';
import type { AttachmentText, PdfFacts, TextProblem } from '../model/pdf-facts.js';
import type { ContentPack } from '../pdf/content-pack.js';
import { MAX_TEXT_CHARS } from '../pdf/text.js';
import { pruneTextCache } from './text-cache-prune.js';
import { cachedFiles, markCachedUsed, readCachedPages, readCachedSummary, textFolder, type TextSummary } from './text-cache.js';
import { createTextReader, textBudgetMs, type TextReader, type TextResult } from './text-reader.js';

/** Titles that word processors and printers fill in by themselves: they say nothing about the document. */
const PLACEHOLDER_TITLE = /^(?:microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|pptx?|xlsx?|odt|pdf|rtf|txt)|untitled|naamloos|document\d*|titel|title|presentatie\d*|powerpoint[- ]presentatie|dia \d+)$/i;

export function documentTitle(doc: PDFDocument): string | undefined {
  let title: string | undefined;
  try {
    title = doc.getTitle()?.replace(/\s+/g, ' ').trim();
  } catch {
    return undefined;
  }
  return title && !PLACEHOLDER_TITLE.test(title) ? title : undefined;
}

/** What the text step needs of a file: its bytes, and its title and scans from the parsed document (or the facts cache). */
export interface TextSource {
  bytes: Uint8Array;
  /** The parsed document, for the fast text reader (parsed on this call when the facts came from the cache). */
  doc(): Promise<PDFDocument | undefined>;
  /** The page content streams the loader decoded while parsing it, when it kept them. */
  content?(): ContentPack | undefined;
  title: string | undefined;
  /** Of these 1-based pages, those that show an image. */
  scans(pages: readonly number[]): Promise<number[]>;
}

export interface TextContext {
  /** Where texts are cached; undefined: no cache. */
  cacheDir?: string;
  password?: string;
  /** Keep the text of the pages (for the body's own patterns); otherwise only what the detectors found. */
  keepPages?: boolean;
  /** Made on first need: a warm cache, or files read without it, never start pdfjs. */
  reader: () => TextReader;
  /** Read every file with pdfjs (tests compare both readers). */
  pdfjsOnly?: boolean;
  /** The files the cache holds, looked up once (`folder`: whether its text folder was there). */
  listed?: () => Promise<{ files: Set<string>; folder: boolean }>;
}

/**
 * Read the PDF's text, find what the detectors find, and cache both, on the text thread: from the parsed
 * document's content streams where every font is one bundel reads as pdfjs does (nearly every file,
 * at a fraction of the cost; the job is prepared here, where the document is), else by pdfjs. The
 * fast reader's preparation (and pdf-lib with it) is loaded on first need, like the rest of the parsing code.
 */
async function extract(sha: string | undefined, source: TextSource, context: TextContext): Promise<{ summary?: TextSummary; pages?: string[]; problem?: TextProblem; detail?: string }> {
  const common = {
    budgetMs: textBudgetMs(source.bytes.length),
    maxChars: MAX_TEXT_CHARS,
    cache: context.cacheDir && sha ? { dir: context.cacheDir, sha256: sha } : undefined,
    keepPages: context.keepPages === true,
  };
  let result: TextResult | undefined;
  const doc = context.pdfjsOnly ? undefined : await source.doc();
  if (doc) {
    const { prepareTextJob } = await import('../pdf/fast-text/extract.js');
    const prepared = prepareTextJob(doc, source.bytes.length, source.content?.());
    if (prepared.ok) result = await context.reader().read({ kind: 'fast', job: prepared.job, ...common });
  }
  if (!result || (!result.ok && result.reason === 'pdfjs')) result = await context.reader().read({ kind: 'pdfjs', bytes: source.bytes, password: context.password, ...common });
  if (!result.ok) return { problem: result.reason === 'pdfjs' ? 'onleesbaar' : result.reason, detail: result.detail };
  return { summary: result.summary, pages: result.pages };
}

export async function readAttachmentText(facts: PdfFacts, source: TextSource, context: TextContext): Promise<AttachmentText> {
  const sha = facts.sha256;
  let summary = context.cacheDir && sha ? await readCachedSummary(context.cacheDir, sha, (await context.listed?.())?.files) : undefined;
  let pages = summary && context.keepPages && context.cacheDir && sha ? await readCachedPages(context.cacheDir, sha) : undefined;
  let problem: TextProblem | undefined;
  let detail: string | undefined;
  if (!summary || (context.keepPages && !pages)) ({ summary, pages, problem, detail } = await extract(sha, source, context));
  else if (context.cacheDir && sha) await markCachedUsed(context.cacheDir, sha, pages !== undefined);
  if (summary?.truncated) problem = 'tekst';
  return {
    pageCount: summary?.pageCount ?? 0,
    matches: summary?.matches ?? [],
    pages: context.keepPages ? pages : undefined,
    title: source.title,
    heading: summary?.heading,
    scans: await source.scans(summary?.empty ?? []),
    problem,
    detail,
  };
}

/**
 * The texts of one meeting's attachments: a file is read once, and only when an attachment that goes
 * into the public bundle uses it; the parsed documents offered for it are let go as soon as possible.
 */
export class AttachmentTexts {
  private readonly sources = new Map<string, TextSource>();
  private readonly reading = new Map<string, Promise<void>>();
  private reader: TextReader | undefined;
  private readonly context: TextContext;

  constructor(config: BundelConfig, options: Pick<TextContext, 'cacheDir' | 'password' | 'pdfjsOnly'>) {
    // The body's own patterns (bundel.yaml) are looked for in the text itself: keep it then.
    const keepPages = (config.privacy?.patronen.length ?? 0) > 0;
    let listed: ReturnType<typeof cachedFiles> | undefined;
    const cacheDir = options.cacheDir;
    this.context = {
      ...options,
      keepPages,
      reader: () => (this.reader ??= createTextReader()),
      listed: cacheDir ? () => (listed ??= cachedFiles(cacheDir)) : undefined,
    };
  }

  /**
   * The agenda items are read and an attachment goes into the public bundle: with an empty text cache
   * (a fresh clone, CI, or no cache at all) its text will be read, so the text thread starts now and
   * loads its code while this thread reads and parses the first files, instead of after the first one
   * is parsed (the first job then waited ~60 ms for it). Otherwise `hashed` starts it when a file is
   * not in the cache.
   */
  coldStart(): void {
    const listed = this.context.listed;
    if (!listed) this.context.reader().warm();
    else void listed().then((cached) => cached.files.size === 0 && this.context.reader().warm());
  }

  /** A parsed file whose text may be wanted. */
  offer(absPath: string, source: TextSource): void {
    this.sources.set(absPath, source);
  }

  /**
   * The loader hashed a file a public attachment uses, before parsing it: when the text cache does not
   * have it, its text will be read, so the text thread starts now and loads its code while this
   * thread parses (a warm cache starts no thread).
   */
  hashed(sha256: string): void {
    void this.context.listed?.().then((cached) => {
      if (!cached.files.has(sha256)) this.context.reader().warm();
    });
  }

  /** A public attachment uses this file: read its text (once) into its facts. */
  want(absPath: string, facts: PdfFacts): void {
    const source = this.sources.get(absPath);
    if (!source || this.reading.has(absPath)) return;
    this.reading.set(
      absPath,
      readAttachmentText(facts, source, this.context).then((text) => {
        facts.text = text;
        this.sources.delete(absPath);
      }),
    );
  }

  /** Wait for every text (in its facts); the text thread may still be writing the cache. */
  async read(): Promise<void> {
    await Promise.all(this.reading.values());
  }

  /** Wait for every text, stop the text thread (its cache writes done) and prune the cache. */
  async finish(): Promise<void> {
    try {
      await this.read();
    } finally {
      this.sources.clear();
      await this.reader?.close();
    }
    if (this.context.cacheDir && this.reading.size > 0) {
      // A text folder this run made holds nothing old (cachedFiles looked before anything was written).
      const fresh = (await this.context.listed?.())?.folder === false;
      await pruneTextCache(textFolder(this.context.cacheDir), Date.now(), { fresh });
    }
  }
}
