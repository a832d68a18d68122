// How the loader reads one attachment: an Office file or image through the converter's checks, a PDF
// by inspecting it. Lint's way with a PDF: hash the file, and take its facts from the facts cache
// when a clean answer for these bytes is there; else inspect it and keep the answer. The text step
// gets the file's title and scans from the entry too, so an unchanged file is never parsed; only when
// it asks about other pages than last time is the file parsed after all (and the entry brought up to date).

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Converter, SourceFormat } from '../convert/index.js';
import type { PdfFacts } from '../model/pdf-facts.js';
import { inspectPdf, inspectPdfBytes, MAX_PDF_BYTES, type InspectedPdf, type InspectOptions } from '../pdf/inspect.js';
import { pagesShowingImages } from '../pdf/scans.js';
import { documentTitle, textSource, type TextSource } from './attachment-text.js';
import { inspectSource } from './source-file.js';
import { cacheableFacts, readCachedFacts, writeCachedFacts, type FactsEntry } from './facts-cache.js';

export interface Inspection {
  inspected: InspectedPdf;
  /** What the text step reads (absent when the file could not be read as a PDF). */
  text?: TextSource;
  /** Writes what is new since the cache was read (after the text step); never fails. */
  save(): Promise<void>;
}

/** An inspection made without the cache. */
export function plainInspection(inspected: InspectedPdf): Inspection {
  return { inspected, text: inspected.doc && inspected.bytes ? textSource(inspected.doc, inspected.bytes) : undefined, save: async () => {} };
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

export async function inspectWithCache(absPath: string, relPath: string, cacheDir: string, options: InspectOptions): Promise<Inspection> {
  let bytes: Uint8Array;
  try {
    const st = await stat(absPath);
    // The inspector has the words for what is not an ordinary, readable file of a sane size.
    if (!st.isFile() || st.size === 0 || st.size > MAX_PDF_BYTES) throw new Error('not ordinary');
    const buf = await readFile(absPath);
    bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch {
    return plainInspection(await inspectPdf(absPath, relPath, options));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let changed = false;
  const entry = await readCachedFacts(cacheDir, sha256);
  if (entry) {
    const facts: PdfFacts = { path: absPath, relPath, exists: true, size: bytes.length, sha256, ...entry.facts };
    let parsed: Promise<PDFDocument | undefined> | undefined;
    const parse = (): Promise<PDFDocument | undefined> => (parsed ??= inspectPdfBytes(bytes, relPath, options).then((r) => r.doc));
    const fromEntry: TextSource = { bytes, title: entry.title, scans: async (pages) => {
        const doc = await parse();
        return doc ? pagesShowingImages(doc, pages) : [];
      },
    };
    return {
      inspected: { facts, bytes },
      text: noting(fromEntry, entry, () => (changed = true)),
      save: async () => (changed ? writeCachedFacts(cacheDir, sha256, entry) : undefined),
    };
  }
  const inspected = await inspectPdfBytes(bytes, relPath, options);
  inspected.facts.path = absPath;
  const keep = cacheableFacts(inspected.facts);
  const fresh: FactsEntry | undefined = keep && { facts: keep, title: inspected.doc ? documentTitle(inspected.doc) : undefined };
  return {
    inspected,
    text: inspected.doc ? noting(textSource(inspected.doc, bytes), fresh, () => {}) : undefined,
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
}

export async function inspectAttachment(absPath: string, relPath: string, o: AttachmentOptions): Promise<Inspection> {
  if (o.format) return plainInspection(await inspectSource(absPath, relPath, o.format, { env: o.env, converter: o.converter, password: o.password }));
  if (o.factsCacheDir && o.password === undefined && !o.keepDocuments) return inspectWithCache(absPath, relPath, o.factsCacheDir, {});
  return plainInspection(await inspectPdf(absPath, relPath, { password: o.password, contentBalance: o.keepDocuments }));
}
