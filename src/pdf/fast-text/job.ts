// A document's text, read from what prepare.ts took out of the parsed file: its pages' decoded content
// streams, their resources (fonts, forms, graphics states) and page boxes, all plain data, so the
// reading can run on another thread than the parsing. It gives what pdfjs's getTextContent gives —
// same items, spaces, line ends and first-page heading — for the fonts it can read; for anything else
// it says so, and the caller reads the document with pdfjs. A page is read by the same reader in
// WebAssembly (wasm.ts) where it can; this one reads the rest, and is what that one is checked against.
// Bounded: forms nest at most MAX_FORM_DEPTH deep, time is checked as operators are read, text stops
// at `maxChars`.

import type { Kept } from '../content-pack.js';
import { parseToUnicode } from './cmap.js';
import { headingOf } from '../text.js';
import { Fallback, textFontOf, type TextFont } from './glyphs.js';
import type { FastOptions, FastText, JobPage, JobResources, TextJob } from './job-types.js';
import { ContentLexer, Kind, Op, type Operands } from './lexer.js';
import { TextRun } from './run.js';
import { cloneState, multiply, newLine, readMatrix, type TextState } from './state.js';
import { primingJob } from './prime.js';
import { PageText, type SizedItem } from './units.js';
import { toUnicodeByWasm, WasmJob } from './wasm.js';

export type { FastOptions, FastText, JobForm, JobPage, JobResources, TextJob } from './job-types.js';

const MAX_FORM_DEPTH = 12;
const MAX_SAVE_DEPTH = 4096;
/** Operators between two looks at the clock. */
const CLOCK_EVERY = 20_000;

class OutOfTime extends Error {}

const IDENTITY = new Float64Array([1, 0, 0, 1, 0, 0]);
/** Operand `i` as a number: 0 when missing or not a number. */
const num = (o: Operands, i: number): number => (i < o.length && o.kinds[i] === Kind.Number ? o.nums[i] : 0);
/** A name as pdf-lib keys it (its `#xx` escapes with upper-case digits decoded). */
const key = (name: string): string => (name.includes('#') ? name.replace(/#([\dABCDEF]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : name);

class JobReader {
  /** The job's fonts as the reader uses them; undefined: one whose text only pdfjs reads. */
  private readonly textFonts: (TextFont | undefined)[];
  private readonly started = Date.now();
  private ops = 0;
  private readonly runs: TextRun[] = [];
  private readonly lexers: ContentLexer[] = [];

  constructor(
    private readonly job: TextJob,
    private readonly budgetMs: number | undefined,
    wasm: boolean,
  ) {
    // Pushed one by one onto `[]`: every job's list then has the same kind of elements (V8 keys its
    // optimised code on that; `map` gave lists of another kind). CMaps read by WebAssembly where it can.
    const fonts: (TextFont | undefined)[] = [];
    const parse = wasm ? toUnicodeByWasm : parseToUnicode;
    for (const data of job.fonts) fonts.push(data ? textFontOf(data, parse) : undefined);
    this.textFonts = fonts;
  }

  /** The WebAssembly reader for this job's pages, with its fonts and clock. */
  wasmJob(): WasmJob | undefined {
    return WasmJob.start(this.textFonts, () => this.budgetMs !== undefined && Date.now() - this.started > this.budgetMs);
  }

  /** One page read here; `sized` gets its items' sizes when given. */
  page(entry: JobPage, resources: JobResources | undefined, page: PageText, sized?: SizedItem[]): string {
    page.collectSized(sized !== undefined);
    const state: TextState = { ctm: IDENTITY.slice(), tm: IDENTITY.slice(), tlm: IDENTITY.slice(), fontName: undefined, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
    this.run(this.bytes(entry.content), resources, state, page, entry.view, []);
    if (sized && page.sized) for (const item of page.sized) sized.push(item);
    return page.take();
  }

  bytes(content: Kept): Uint8Array {
    if (!content) throw new Fallback('stream niet te lezen');
    return content;
  }

  /**
   * The font a name of these resources stands for. Each font of the job is made into a TextFont once,
   * when the reader is made (see the constructor), so this is a look-up: a font first used in the middle of
   * a file does not run code the optimised reader has not seen (V8 threw that code away, every file).
   */
  private font(resources: JobResources | undefined, name: string): TextFont {
    const index = resources?.fonts.get(key(name));
    if (index === undefined) throw new Fallback(`lettertype ${name} ontbreekt`);
    const font = this.textFonts[index];
    if (!font) throw new Fallback(`lettertype ${name} niet te lezen`);
    return font;
  }

  /** The font of the state `s` (its name looked up once per stream in `byName`). */
  private fontOf(s: TextState, resources: JobResources | undefined, byName: Map<string, TextFont>): TextFont {
    const name = s.fontName;
    if (!name) throw new Fallback('tekst zonder lettertype');
    let font = byName.get(name);
    if (!font) byName.set(name, (font = this.font(resources, name)));
    return font;
  }

  /** Read one content stream (a page's, or a form's) into `page`, as one pdfjs text run. */
  run(content: Uint8Array, resources: JobResources | undefined, state: TextState, page: PageText, view: readonly number[], forms: number[]): void {
    // One lexer and text run per form depth, reused from page to page.
    const depth = forms.length;
    const run = (this.runs[depth] ??= new TextRun()).reset(page, view);
    const lexer = (this.lexers[depth] ??= new ContentLexer(content)).reset(content);
    const o = lexer.operands;
    const stack: TextState[] = [];
    let s = state;
    let font: TextFont | undefined;
    // Fonts of this stream's resources by name: a page switching fonts thousands of times looks each up
    // once. `font` is the current one (undefined after Tf or Q changed it). No closures here: ones made per
    // stream were new functions to V8 each time, and its optimised code for this loop was thrown away.
    const byName = new Map<string, TextFont>();
    for (let op = lexer.next(); op !== Op.End; op = lexer.next()) {
      if (++this.ops % CLOCK_EVERY === 1 && this.budgetMs !== undefined && Date.now() - this.started > this.budgetMs) throw new OutOfTime();
      switch (op) {
        case Op.Tj:
          if (o.isString(0)) run.show(s, (font ??= this.fontOf(s, resources, byName)), lexer.arena, o.from[0], o.to[0], 0);
          break;
        case Op.TJ: {
          if (!(o.length > 0 && o.kinds[0] === Kind.Array)) break;
          // The strings between two adjustments are shown as one.
          const f = (font ??= this.fontOf(s, resources, byName));
          const it = lexer.items;
          const end = o.to[0];
          let from = o.from[0];
          for (let k = from; k < end; k++) {
            if (it.kinds[k] !== Kind.Number || it.nums[k] === 0) continue;
            const spacing = (it.nums[k] * -s.fontSize) / 1000;
            if (lexer.join(from, k)) run.show(s, f, lexer.joinedBytes, lexer.joinedFrom, lexer.joinedTo, spacing);
            else run.show(s, f, lexer.arena, 0, 0, spacing);
            from = k + 1;
          }
          if (lexer.join(from, end)) run.show(s, f, lexer.joinedBytes, lexer.joinedFrom, lexer.joinedTo, 0);
          break;
        }
        case Op.Quote:
          newLine(s);
          if (o.isString(0)) run.show(s, (font ??= this.fontOf(s, resources, byName)), lexer.arena, o.from[0], o.to[0], 0);
          break;
        case Op.DoubleQuote:
          s.wordSpacing = num(o, 0);
          s.charSpacing = num(o, 1);
          newLine(s);
          if (o.isString(2)) run.show(s, (font ??= this.fontOf(s, resources, byName)), lexer.arena, o.from[2], o.to[2], 0);
          break;
        case Op.Td:
        case Op.TD: {
          const tx = num(o, 0);
          const ty = num(o, 1);
          if (op === Op.TD) s.leading = -ty;
          s.tlm[4] += s.tlm[0] * tx + s.tlm[2] * ty;
          s.tlm[5] += s.tlm[1] * tx + s.tlm[3] * ty;
          s.tm.set(s.tlm);
          break;
        }
        case Op.TStar:
          newLine(s);
          break;
        case Op.Tm:
          // In place: a saved state (q) has copies of its own.
          readMatrix(s.tm, o);
          s.tlm.set(s.tm);
          run.updateAdvanceScale(s);
          break;
        case Op.Tf: {
          const name = o.name(0)?.name;
          const size = num(o, 1);
          if (name !== undefined && name === s.fontName && size === s.fontSize) break;
          run.flush();
          s.fontName = name;
          s.fontSize = size;
          font = undefined;
          break;
        }
        case Op.Tc:
          s.charSpacing = num(o, 0);
          break;
        case Op.Tw:
          s.wordSpacing = num(o, 0);
          break;
        case Op.Tz:
          s.hScale = num(o, 0) / 100;
          break;
        case Op.TL:
          s.leading = num(o, 0);
          break;
        case Op.Ts:
          s.rise = num(o, 0);
          break;
        case Op.BT:
          s.tm.set(IDENTITY);
          s.tlm.set(IDENTITY);
          break;
        case Op.Cm:
          s.ctm = multiply(s.ctm, readMatrix(new Float64Array(6), o));
          break;
        case Op.Save:
          if (stack.length < MAX_SAVE_DEPTH) stack.push(cloneState(s));
          break;
        case Op.Restore: {
          const prev = stack.pop();
          if (!prev) break;
          if (prev.fontName !== s.fontName || prev.fontSize !== s.fontSize) run.flush();
          if (prev.fontName !== s.fontName) font = undefined;
          s = prev;
          break;
        }
        case Op.BMC:
        case Op.BDC:
        case Op.EMC:
          run.flush();
          break;
        case Op.Gs: {
          const name = o.name(0);
          if (name && resources?.gsFont.includes(key(name.name))) throw new Fallback('lettertype in ExtGState');
          break;
        }
        case Op.Do: {
          run.flush();
          const name = o.name(0);
          if (name) this.form(resources, name.name, s, page, view, forms);
          break;
        }
      }
    }
    run.flush();
  }

  private form(resources: JobResources | undefined, name: string, s: TextState, page: PageText, view: readonly number[], forms: number[]): void {
    const index = resources?.forms.get(key(name));
    if (index === undefined) return;
    if (forms.includes(index) || forms.length >= MAX_FORM_DEPTH) throw new Fallback('vormen te diep of in een kring');
    const form = this.job.forms[index];
    const state = cloneState(s);
    if (form.matrix) state.ctm = multiply(state.ctm, form.matrix);
    const bytes = this.bytes(form.content);
    this.run(bytes, form.resources >= 0 ? this.job.resources[form.resources] : resources, state, page, view, [...forms, index]);
  }
}

let primed = false;

/**
 * Once per thread, before the first real job: every branch taken before V8 optimises (prime.ts). The
 * text thread does it as it starts, while it waits for its first file; else the first job does it.
 */
export function primeTextReader(): void {
  if (!primed && (primed = true)) readTextJob(primingJob(), { budgetMs: 60_000, maxChars: 1_000_000 });
}

/** The text of the job's pages, or why only pdfjs can read them. */
export function readTextJob(job: TextJob, options: FastOptions): FastText {
  primeTextReader();
  const reader = new JobReader(job, options.budgetMs, options.wasm !== false);
  const wasm = options.wasm === false ? undefined : reader.wasmJob();
  const page = new PageText();
  const pages: string[] = [];
  let heading: string | undefined;
  let chars = 0;
  try {
    for (const [i, entry] of job.pages.entries()) {
      const resources = entry.resources >= 0 ? job.resources[entry.resources] : undefined;
      // By WebAssembly where it can, else here; on the first page with its items' sizes, for its heading.
      const sized: SizedItem[] | undefined = i === 0 ? [] : undefined;
      const read = wasm && entry.content ? wasm.page(entry.content, resources, entry.view, sized) : null;
      if (read === 'tijd') throw new OutOfTime();
      const text = read ?? reader.page(entry, resources, page, sized);
      if (sized) heading = headingOf(sized);
      chars += text.length;
      if (chars > options.maxChars) return { ok: true, text: { pages, heading, stopped: 'tekst' } };
      pages.push(text);
    }
  } catch (err) {
    if (err instanceof Fallback) return { ok: false, reason: err.message };
    if (err instanceof OutOfTime) return { ok: true, text: { pages, heading, stopped: 'tijd' } };
    throw err;
  } finally {
    wasm?.end();
  }
  return { ok: true, text: { pages, heading } };
}
