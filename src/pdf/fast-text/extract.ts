// The text of a parsed PDF, page by page, read straight from its content streams: the fast path
// beside pdfjs (text.ts). It gives what pdfjs's getTextContent gives — same items, spaces, line ends
// and first-page heading — for the fonts it can read; for anything else (a font without a usable
// /ToUnicode or encoding, Type 3, vertical or right-to-left text, a damaged stream, an encrypted
// file) it says so, and the caller reads the document with pdfjs. Bounded: streams decode with the
// bomb limits, forms nest at most MAX_FORM_DEPTH deep, time is checked as operators are read.

import { PDFArray, PDFDict, PDFRawStream, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { decodeBounded, DecodeBudget } from '../decode.js';
import { intersection, normalised, readBox, type Box } from '../geometry.js';
import { deref, N } from '../objects.js';
import { walkPageTree } from '../page-tree.js';
import { headingOf, type ExtractedText } from '../text.js';
import { Fallback, textFont, type TextFont } from './fonts.js';
import { ContentLexer, Name, type Operand } from './lexer.js';
import { TextRun, type TextSink } from './run.js';
import { multiply, type Matrix, type TextState } from './state.js';

export type FastText = { ok: true; text: ExtractedText } | { ok: false; reason: string };

export interface FastOptions {
  /** Stop after this many milliseconds. */
  budgetMs?: number;
  maxChars: number;
}

const MAX_FORM_DEPTH = 12;
const MAX_SAVE_DEPTH = 4096;
/** Operators between two looks at the clock. */
const CLOCK_EVERY = 20_000;

class OutOfTime extends Error {}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const num = (v: Operand | undefined): number => (typeof v === 'number' ? v : 0);

function cloneState(s: TextState): TextState {
  return {
    ctm: [...s.ctm] as Matrix,
    tm: [...s.tm] as Matrix,
    tlm: [...s.tlm] as Matrix,
    fontName: s.fontName,
    fontSize: s.fontSize,
    charSpacing: s.charSpacing,
    wordSpacing: s.wordSpacing,
    hScale: s.hScale,
    leading: s.leading,
    rise: s.rise,
  };
}

class DocumentReader {
  private readonly fonts = new Map<PDFObject, TextFont | undefined>();
  private readonly budget: DecodeBudget;
  private readonly started = Date.now();
  private ops = 0;

  constructor(
    private readonly ctx: PDFContext,
    fileSize: number,
    private readonly budgetMs: number | undefined,
  ) {
    this.budget = new DecodeBudget(fileSize);
  }

  decode(stream: PDFObject | undefined): Uint8Array {
    if (!(stream instanceof PDFStream)) throw new Fallback('inhoud is geen stream');
    if (!(stream instanceof PDFRawStream)) return stream.getContents();
    const decoded = decodeBounded(stream, this.budget.limitFor(stream.contents.length));
    if (!decoded.ok || decoded.damaged) throw new Fallback('stream niet te lezen');
    this.budget.spend(decoded.bytes.length);
    return decoded.bytes;
  }

  private font(resources: PDFDict | undefined, name: string): TextFont {
    const fonts = deref(this.ctx, resources?.get(N('Font')));
    const ref = fonts instanceof PDFDict ? fonts.get(N(name)) : undefined;
    if (ref === undefined) throw new Fallback(`lettertype ${name} ontbreekt`);
    if (!this.fonts.has(ref)) this.fonts.set(ref, textFont(this.ctx, ref));
    const font = this.fonts.get(ref);
    if (!font) throw new Fallback(`lettertype ${name} niet te lezen`);
    return font;
  }

  /** Read one content stream (a page's, or a form's) into `sink`, as one pdfjs text run. */
  run(content: Uint8Array, resources: PDFDict | undefined, state: TextState, sink: TextSink, view: Box, forms: PDFObject[]): void {
    const run = new TextRun(sink, view);
    const lexer = new ContentLexer(content);
    const operands: Operand[] = [];
    const stack: TextState[] = [];
    let s = state;
    let font: TextFont | undefined;
    // Fonts of this stream's resources by name: a page switching fonts thousands of times looks each up once.
    const byName = new Map<string, TextFont>();
    const fontOf = (): TextFont => {
      const name = s.fontName;
      if (!name) throw new Fallback('tekst zonder lettertype');
      if (font) return font;
      font = byName.get(name);
      if (!font) byName.set(name, (font = this.font(resources, name)));
      return font;
    };
    const show = (bytes: Operand | undefined): void => {
      if (bytes instanceof Uint8Array) run.show(s, fontOf(), bytes, 0);
    };
    const newLine = (): void => {
      s.tlm[4] += -s.leading * s.tlm[2];
      s.tlm[5] += -s.leading * s.tlm[3];
      s.tm = [...s.tlm] as Matrix;
    };
    for (let op = lexer.next(operands); op !== undefined; op = lexer.next(operands)) {
      if (++this.ops % CLOCK_EVERY === 0 && this.budgetMs !== undefined && Date.now() - this.started > this.budgetMs) throw new OutOfTime();
      switch (op) {
        case 'Tj':
          show(operands[0]);
          break;
        case 'TJ': {
          const items = operands[0];
          if (!Array.isArray(items)) break;
          const f = fontOf();
          let pending: Uint8Array[] = [];
          const flushPending = (extra: number): void => {
            const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending);
            pending = [];
            run.show(s, f, bytes, extra);
          };
          for (const item of items) {
            if (item instanceof Uint8Array) pending.push(item);
            else if (typeof item === 'number' && item !== 0) flushPending((item * -s.fontSize) / 1000);
          }
          if (pending.length > 0) flushPending(0);
          break;
        }
        case "'":
          newLine();
          show(operands[0]);
          break;
        case '"':
          s.wordSpacing = num(operands[0]);
          s.charSpacing = num(operands[1]);
          newLine();
          show(operands[2]);
          break;
        case 'Td':
        case 'TD': {
          const [tx, ty] = [num(operands[0]), num(operands[1])];
          if (op === 'TD') s.leading = -ty;
          s.tlm[4] += s.tlm[0] * tx + s.tlm[2] * ty;
          s.tlm[5] += s.tlm[1] * tx + s.tlm[3] * ty;
          s.tm = [...s.tlm] as Matrix;
          break;
        }
        case 'T*':
          newLine();
          break;
        case 'Tm':
          s.tm = operands.slice(0, 6).map(num) as Matrix;
          s.tlm = [...s.tm] as Matrix;
          run.updateAdvanceScale(s);
          break;
        case 'Tf': {
          const name = operands[0] instanceof Name ? operands[0].name : undefined;
          const size = num(operands[1]);
          if (name !== undefined && name === s.fontName && size === s.fontSize) break;
          run.flush();
          s.fontName = name;
          s.fontSize = size;
          font = undefined;
          break;
        }
        case 'Tc':
          s.charSpacing = num(operands[0]);
          break;
        case 'Tw':
          s.wordSpacing = num(operands[0]);
          break;
        case 'Tz':
          s.hScale = num(operands[0]) / 100;
          break;
        case 'TL':
          s.leading = num(operands[0]);
          break;
        case 'Ts':
          s.rise = num(operands[0]);
          break;
        case 'BT':
          s.tm = [...IDENTITY];
          s.tlm = [...IDENTITY];
          break;
        case 'cm':
          s.ctm = multiply(s.ctm, operands.slice(0, 6).map(num));
          break;
        case 'q':
          if (stack.length < MAX_SAVE_DEPTH) stack.push(cloneState(s));
          break;
        case 'Q': {
          const prev = stack.pop();
          if (!prev) break;
          if (prev.fontName !== s.fontName || prev.fontSize !== s.fontSize) run.flush();
          if (prev.fontName !== s.fontName) font = undefined;
          s = prev;
          break;
        }
        case 'BMC':
        case 'BDC':
        case 'EMC':
          run.flush();
          break;
        case 'gs':
          this.checkGState(resources, operands[0]);
          break;
        case 'Do':
          run.flush();
          if (operands[0] instanceof Name) this.form(resources, operands[0].name, s, sink, view, forms);
          break;
      }
    }
    run.flush();
  }

  private checkGState(resources: PDFDict | undefined, name: Operand | undefined): void {
    const all = deref(this.ctx, resources?.get(N('ExtGState')));
    const gs = all instanceof PDFDict && name instanceof Name ? deref(this.ctx, all.get(N(name.name))) : undefined;
    if (gs instanceof PDFDict && gs.get(N('Font')) !== undefined) throw new Fallback('lettertype in ExtGState');
  }

  private form(resources: PDFDict | undefined, name: string, s: TextState, sink: TextSink, view: Box, forms: PDFObject[]): void {
    const xobjects = deref(this.ctx, resources?.get(N('XObject')));
    const x = xobjects instanceof PDFDict ? deref(this.ctx, xobjects.get(N(name))) : undefined;
    if (!(x instanceof PDFStream) || deref(this.ctx, x.dict.get(N('Subtype'))) !== N('Form')) return;
    if (forms.includes(x) || forms.length >= MAX_FORM_DEPTH) throw new Fallback('vormen te diep of in een kring');
    const state = cloneState(s);
    const matrix = deref(this.ctx, x.dict.get(N('Matrix')));
    if (matrix instanceof PDFArray && matrix.size() === 6) {
      const m = matrix.asArray().map((v) => {
        const n = deref(this.ctx, v);
        return n && 'asNumber' in n ? (n as { asNumber(): number }).asNumber() : NaN;
      });
      if (m.every(Number.isFinite)) state.ctm = multiply(state.ctm, m);
    }
    const own = deref(this.ctx, x.dict.get(N('Resources')));
    const bytes = this.decode(x);
    this.run(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), own instanceof PDFDict ? own : resources, state, sink, view, [...forms, x]);
  }
}

/** pdfjs's `view`: CropBox ∩ MediaBox when that is not empty, else the MediaBox (US Letter when missing). */
function viewOf(ctx: PDFContext, media: PDFObject | undefined, crop: PDFObject | undefined): Box {
  const valid = (b: Box | undefined): Box | undefined => (b && b[2] - b[0] > 0 && b[3] - b[1] > 0 ? b : undefined);
  const m = valid(mapBox(readBox(ctx, media))) ?? [0, 0, 612, 792];
  const c = valid(mapBox(readBox(ctx, crop)));
  if (!c) return m;
  return valid(intersection(c, m)) ?? m;
}
const mapBox = (b: Box | undefined): Box | undefined => (b ? normalised(b) : undefined);

export function extractTextFast(doc: PDFDocument, fileSize: number, options: FastOptions): FastText {
  const ctx = doc.context;
  if (ctx.trailerInfo.Encrypt !== undefined) return { ok: false, reason: 'versleuteld' };
  const tree = walkPageTree(doc);
  if (!tree.ok) return { ok: false, reason: 'paginaboom' };
  const reader = new DocumentReader(ctx, fileSize, options.budgetMs);
  const pages: string[] = [];
  let heading: string | undefined;
  let chars = 0;
  try {
    for (const page of tree.pages) {
      const sink: TextSink = { text: [], sized: page.number === 1 ? [] : undefined };
      const contents = deref(ctx, page.leaf.get(N('Contents')));
      const parts = contents instanceof PDFArray ? contents.asArray().map((c) => reader.decode(deref(ctx, c))) : contents === undefined ? [] : [reader.decode(contents)];
      const joined = parts.length === 1 ? parts[0] : Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
      // A plain view: the lexer then sees one kind of array whatever decoded the stream.
      const content = new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
      const res = deref(ctx, page.inherited.Resources);
      const state: TextState = { ctm: [...IDENTITY], tm: [...IDENTITY], tlm: [...IDENTITY], fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
      reader.run(content, res instanceof PDFDict ? res : undefined, state, sink, viewOf(ctx, page.inherited.MediaBox, page.inherited.CropBox), []);
      const text = sink.text.join('');
      if (sink.sized) heading = headingOf(sink.sized);
      chars += text.length;
      if (chars > options.maxChars) return { ok: true, text: { pages, heading, stopped: 'tekst' } };
      pages.push(text);
    }
  } catch (err) {
    if (err instanceof Fallback) return { ok: false, reason: err.message };
    if (err instanceof OutOfTime) return { ok: true, text: { pages, heading, stopped: 'tijd' } };
    throw err;
  }
  return { ok: true, text: { pages, heading } };
}
