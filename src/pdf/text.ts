// The text of an attachment, page by page, as a viewer's text layer has it (pdfjs-dist), and the
// largest text on its first page (what a reader takes for the title). Runs on the text thread
// (load/text-worker.ts) or, for tests of the TypeScript sources, in this thread; the time budget is
// checked between pages here and enforced by terminating the thread there.

import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export interface ExtractedText {
  /** Per page (index = page − 1): the text, lines separated by `\n`. */
  pages: string[];
  /** The largest text on the first page, spaces collapsed; absent when the page has no text. */
  heading?: string;
  /** Set when reading stopped early: the pages after it are missing. */
  stopped?: 'tijd' | 'tekst';
}

export interface ExtractOptions {
  password?: string;
  /** Stop after this many milliseconds (checked between pages). */
  budgetMs?: number;
  /** Stop when the text grows beyond this many characters. */
  maxChars?: number;
}

/** 32 million characters: far beyond any meeting document, small enough to keep in memory. */
export const MAX_TEXT_CHARS = 32 * 1024 * 1024;
const HEADING_MAX = 300;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

async function loadPdfJs(): Promise<PdfJs> {
  // pdfjs warns through console.log when it cannot polyfill canvas classes it only needs for
  // rendering; nothing of that may reach a user's terminal or a JSON report.
  const saved = { log: console.log, warn: console.warn };
  console.log = () => {};
  console.warn = () => {};
  try {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    // The "fake worker" runs pdfjs's parser in this thread; handing it the module avoids a dynamic
    // import by file path, which a bundled build cannot resolve.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  } finally {
    Object.assign(console, saved);
  }
}

/** The largest text of a page: its items within half a point of the largest size, spaces collapsed. */
export function headingOf(sized: readonly { str: string; size: number }[]): string | undefined {
  const largest = sized.reduce((m, s) => Math.max(m, s.size), 0);
  if (largest <= 0) return undefined;
  const words = sized.filter((s) => s.size >= largest - 0.5).map((s) => s.str).join(' ');
  return words.replace(/\s+/g, ' ').trim().slice(0, HEADING_MAX) || undefined;
}

const isTextItem = (item: unknown): item is TextItem => typeof item === 'object' && item !== null && 'str' in item;
const fontSize = (t: number[]): number => Math.hypot(t[2], t[3]);

export async function extractText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedText> {
  pdfjs ??= loadPdfJs();
  const lib = await pdfjs;
  const started = Date.now();
  const maxChars = options.maxChars ?? MAX_TEXT_CHARS;
  const task = lib.getDocument({
    data: bytes,
    password: options.password,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    let heading: string | undefined;
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return { pages, heading, stopped: 'tijd' };
      const page = await doc.getPage(n);
      let text = '';
      const sized: { str: string; size: number }[] = [];
      try {
        const content = await page.getTextContent();
        for (const item of content.items) {
          if (!isTextItem(item)) continue;
          text += item.str + (item.hasEOL ? '\n' : '');
          if (n === 1 && item.str.trim() !== '') {
            sized.push({ str: item.str, size: fontSize(item.transform as number[]) });
          }
        }
      } catch {
        // A page whose content pdfjs cannot read has no text layer for us: it counts as empty.
      } finally {
        page.cleanup();
      }
      if (n === 1) heading = headingOf(sized);
      chars += text.length;
      if (chars > maxChars) return { pages, heading, stopped: 'tekst' };
      pages.push(text);
    }
    return { pages, heading };
  } finally {
    await doc.destroy();
  }
}
