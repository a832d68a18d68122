// The text job: what prepare.ts (extract.ts) takes out of a parsed PDF for the text reader (job.ts,
// wasm.ts), as plain data that can be handed to another thread, and what reading it gives.

import type { Kept } from '../content-pack.js';
import type { ExtractedText } from '../text.js';
import type { FontData } from './glyphs.js';

/** The names a content stream may use, each to an index in the job's lists. */
export interface JobResources {
  /** Font name → index in `fonts`. */
  fonts: Map<string, number>;
  /** Graphics states that set a font (not read here). */
  gsFont: string[];
  /** Form XObject name → index in `forms`; other XObjects are not listed. */
  forms: Map<string, number>;
}

export interface JobForm {
  /** Decoded content; null: it could not be decoded. */
  content: Kept;
  matrix?: number[];
  /** Index in `resources`; −1: the resources of the stream that draws it. */
  resources: number;
}

export interface JobPage {
  /** Decoded content (its streams joined); null: it could not be decoded. */
  content: Kept;
  /** Index in `resources`; −1: none. */
  resources: number;
  /** CropBox ∩ MediaBox, normalised. */
  view: number[];
}

export interface TextJob {
  /** The buffers the pages', forms' and fonts' bytes are in, to hand over with the job (transferred, not copied). */
  buffers: ArrayBuffer[];
  pages: JobPage[];
  resources: JobResources[];
  /** null: a font only pdfjs reads. */
  fonts: (FontData | null)[];
  forms: JobForm[];
}

export type FastText = { ok: true; text: ExtractedText } | { ok: false; reason: string };

export interface FastOptions {
  /** Stop after this many milliseconds. */
  budgetMs?: number;
  maxChars: number;
  /** false: every page by the JavaScript reader (tests compare both). */
  wasm?: boolean;
}
