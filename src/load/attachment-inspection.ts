// How the loader reads one attachment: an Office file or image through the converter's checks, a PDF
// by inspecting it. Lint's way with a PDF: hash the file, and take its facts from the facts cache
// when a clean answer for these bytes is there; else inspect it and keep the answer. The text step
// gets the file's title and scans from the entry too, so an unchanged file is never parsed; only when
// it asks about other pages than last time is the file parsed after all (and the entry brought up to date).

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Converter, SourceFormat } from '../convert/index.js';
import type { PdfFacts } from '../model/pdf-facts.js';
import type { InspectedPdf, InspectOptions } from '../pdf/inspect.js';
import type { TextSource } from './attachment-text.js';
import { cacheableFacts, readCachedFacts, writeCachedFacts, type FactsEntry } from './facts-cache.js';

/** pdf-lib and everything that parses, on first need. */
const reading = (): Promise<typeof import('./pdf-reading.js')> => import('./pdf-reading.js');

/** Files larger than this are not hashed for a look-up (the inspector has its own, larger limit). */
const MAX_CACHED_BYTES = 256 * 1024 * 1024;

export interface Inspection {
  inspected: InspectedPdf;
  /** What the text step reads (absent when the file could not be read as a PDF). */
  text?: TextSource;
  /** Writes what is new since the cache was read (after the text step); never fails. */
  save(): Promise<void>;
}

/** An inspection made without the cache. */
async function plainInspection(inspected: InspectedPdf): Promise<Inspection> {
  const { textSource } = await reading();
  return { inspected, text: inspected.doc && inspected.bytes ? textSource(inspected.doc, inspected.bytes, inspected.content) : undefined, save: async () => {} };
}

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

/** A text source that notes the scans it answered into the entry to be written. */
function noting(source: TextSource, entry: FactsEntry | undefined, onChange: () => void): TextSource {
  return {
    ...source,
    scans: async (pages) => {
      if (entry?.scans && sameList(entry.scans.pages, pages)) return entry.scans.result;
      const result = await source.scans(pages);
      if (entry) {
        entry.scans = { pages: [...pages], result };
        onChange();
      }
      return result;
    },
  };
}

export async function inspectWithCache(absPath: string, relPath: string, cacheDir: string, options: InspectOptions, onHashed?: (sha256: string) => void): Promise<Inspection> {
  let bytes: Uint8Array;
  try {
    const st = await stat(absPath);
    // The inspector has the words for what is not an ordinary, readable file of a sane size.
    if (!st.isFile() || st.size === 0 || st.size > MAX_CACHED_BYTES) throw new Error('not ordinary');
    const buf = await readFile(absPath);
    bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch {
    return plainInspection(await (await reading()).inspectPdf(absPath, relPath, options));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  onHashed?.(sha256);
  let changed = false;
  const entry = await readCachedFacts(cacheDir, sha256);
  if (entry) {
    const facts: PdfFacts = { path: absPath, relPath, exists: true, size: bytes.length, sha256, ...entry.facts };
    // Parsed only when the text step asks for the document (its text is not cached) or for scans.
    let parsed: Promise<TextSource | undefined> | undefined;
    const parse = (): Promise<TextSource | undefined> =>
      (parsed ??= reading().then(async (r) => {
        const inspected = await r.inspectPdfBytes(bytes, relPath, { ...options, sha256 });
        return inspected.doc ? r.textSource(inspected.doc, bytes, inspected.content) : undefined;
      }));
    let delegate: TextSource | undefined;
    const fromEntry: TextSource = {
      bytes,
      doc: async () => (delegate = await parse())?.doc(),
      content: () => delegate?.content?.(),
      title: entry.title,
      scans: async (pages) => (await parse())?.scans(pages) ?? [],
    };
    return {
      inspected: { facts, bytes },
      text: noting(fromEntry, entry, () => (changed = true)),
      save: async () => (changed ? writeCachedFacts(cacheDir, sha256, entry) : undefined),
    };
  }
  const { inspectPdfBytes, textSource } = await reading();
  const inspected = await inspectPdfBytes(bytes, relPath, { ...options, sha256 });
  inspected.facts.path = absPath;
  const keep = cacheableFacts(inspected.facts);
  const source = inspected.doc ? textSource(inspected.doc, bytes, inspected.content) : undefined;
  const fresh: FactsEntry | undefined = keep && { facts: keep, title: source?.title };
  return {
    inspected,
    text: source ? noting(source, fresh, () => {}) : undefined,
    save: async () => (fresh ? writeCachedFacts(cacheDir, sha256, fresh) : undefined),
  };
}

export interface AttachmentOptions {
  /** The file's convertible format (`docx`, `jpeg` …); absent for a PDF. */
  format?: SourceFormat;
  env: NodeJS.ProcessEnv;
  converter?: Converter;
  password?: string;
  /** Keep the parsed document with its `q`/`Q` counts for the assembler (a build). */
  keepDocuments?: boolean;
  /** The facts cache (lint); used only without a password and without documents to keep. */
  factsCacheDir?: string;
  /** Keep the decoded page content for the text reader (the text of the file may be wanted). */
  keepContent?: boolean;
  /** Told the file's sha256 as soon as it is known (with the facts cache), before any parsing. */
  onHashed?: (sha256: string) => void;
}

/** Is the lazy PDF reader allowed (`BUNDEL_PDF_READ=pdf-lib` forces pdf-lib's full parse; tests compare both)? */
export function lazyReadAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.BUNDEL_PDF_READ !== 'pdf-lib';
}

export async function inspectAttachment(absPath: string, relPath: string, o: AttachmentOptions): Promise<Inspection> {
  const lazy = lazyReadAllowed(o.env);
  if (o.factsCacheDir && !o.format && o.password === undefined && !o.keepDocuments) return inspectWithCache(absPath, relPath, o.factsCacheDir, { lazy, keepContent: o.keepContent }, o.onHashed);
  const { inspectPdf, inspectSource } = await reading();
  if (o.format) return plainInspection(await inspectSource(absPath, relPath, o.format, { env: o.env, converter: o.converter, password: o.password }));
  return plainInspection(await inspectPdf(absPath, relPath, { password: o.password, contentBalance: o.keepDocuments, lazy, keepContent: o.keepContent }));
}
