// The corpus manifest (fixtures/corpus/manifest.json, written by scripts/make-bad-corpus.mjs).

import { readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/corpus');

export interface CorpusEntry {
  file: string;
  what: string;
  expect: 'ok' | 'warning' | 'error';
  /** PdfProblem code, or for item files the diagnostic rule. */
  code?: string;
  password?: string;
  /** Text that must be extractable from the copied pages. */
  text?: string;
  pages?: number;
  /** False where pdf.js cannot open the original at all (qpdf can): no independent page count. */
  pdfjsOpens?: false;
}

export const manifest: CorpusEntry[] = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8'));
