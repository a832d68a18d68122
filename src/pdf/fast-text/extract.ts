// The text reader's part that needs the parsed document: from pdf-lib's objects, what job.ts reads —
// each page's decoded content (from the loader's scan when it kept it, else decoded here with the
// bomb limits and a per-document budget), its visible box, and the fonts, forms and graphics states
// its resources name, as plain data. An encrypted file or a page tree it cannot walk is for pdfjs.

import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { ContentPack, type Kept } from '../content-pack.js';
import { decodeBounded, DecodeBudget } from '../decode.js';
import { intersection, normalised, readBox, type Box } from '../geometry.js';
import { deref, N } from '../objects.js';
import { pageAttribute, walkPageTree } from '../page-tree.js';
import { fontData } from './fonts.js';
import { readTextJob, type FastOptions, type FastText, type JobForm, type JobResources, type TextJob } from './job.js';

export type { FastOptions, FastText } from './job.js';

const FONT = N('Font');
const EXT_G_STATE = N('ExtGState');
const X_OBJECT = N('XObject');
const CONTENTS = N('Contents');

/** pdfjs's `view`: CropBox ∩ MediaBox when that is not empty, else the MediaBox (US Letter when missing). */
function viewOf(ctx: PDFContext, media: PDFObject | undefined, crop: PDFObject | undefined): Box {
  const valid = (b: Box | undefined): Box | undefined => (b && b[2] - b[0] > 0 && b[3] - b[1] > 0 ? b : undefined);
  const m = valid(mapBox(readBox(ctx, media))) ?? [0, 0, 612, 792];
  const c = valid(mapBox(readBox(ctx, crop)));
  if (!c) return m;
  return valid(intersection(c, m)) ?? m;
}
const mapBox = (b: Box | undefined): Box | undefined => (b ? normalised(b) : undefined);

/** A name's text (what `decodeText` gives): pdf-lib writes every byte but the plain ones as `#xx`, so without a `#` it is the name as written. */
const nameText = (name: PDFName): string => {
  const written = name.asString();
  return written.includes('#') ? name.decodeText() : written.slice(1);
};

class JobBuilder {
  private readonly budget: DecodeBudget;
  private readonly pack: ContentPack;
  private readonly resourceIndex = new Map<PDFObject, number>();
  private readonly fontIndex = new Map<PDFObject, number>();
  private readonly formIndex = new Map<PDFObject, number>();
  /** Resources and page boxes already in the job, by what they hold: equal ones are one object. */
  private readonly sameResources = new Map<string, JobResources>();
  private readonly views = new Map<string, Box>();
  /** Copies of bytes in buffers the pack cannot hand over (a view of the file), made once each. */
  private readonly copies = new Map<Uint8Array, Uint8Array>();
  readonly job: Omit<TextJob, 'buffers'> = { pages: [], resources: [], fonts: [], forms: [] };

  constructor(
    private readonly ctx: PDFContext,
    fileSize: number,
    kept: ContentPack | undefined,
  ) {
    this.budget = new DecodeBudget(fileSize);
    this.pack = kept ?? new ContentPack();
  }

  /** A stream's decoded bytes (decoded here when the scan did not keep them); null: not a stream, or undecodable. */
  private stream(stream: PDFObject | undefined): Kept {
    if (!(stream instanceof PDFStream)) return null;
    if (!this.pack.has(stream)) this.pack.add(stream, this.decode(stream) ?? null, stream instanceof PDFRawStream ? stream.contents : undefined);
    return this.handed(this.pack.get(stream)!);
  }

  /** Bytes as the job holds them: in a buffer the pack can hand over, else copied once into one. */
  private handed(bytes: Kept): Kept {
    if (!bytes || this.pack.owns(bytes)) return bytes;
    let copy = this.copies.get(bytes);
    if (!copy) {
      copy = Uint8Array.prototype.slice.call(bytes);
      this.pack.adopt(copy);
      this.copies.set(bytes, copy);
    }
    return copy;
  }

  private decode(stream: PDFStream): Uint8Array | undefined {
    if (!(stream instanceof PDFRawStream)) return stream.getContents();
    const decoded = decodeBounded(stream, this.budget.limitFor(stream.contents.length));
    if (!decoded.ok || decoded.damaged) return undefined;
    this.budget.spend(decoded.bytes.length);
    return decoded.bytes;
  }

  /** Streams joined by a line end, as one. */
  private joined(parts: Kept[]): Kept {
    if (parts.some((p) => p === null)) return null;
    if (parts.length === 1) return parts[0];
    const all = new Uint8Array(parts.reduce((n, p) => n + p!.length + 1, 0) - (parts.length > 0 ? 1 : 0));
    let at = 0;
    for (const [i, p] of parts.entries()) {
      if (i > 0) all[at++] = 10;
      all.set(p!, at);
      at += p!.length;
    }
    this.pack.adopt(all);
    return all;
  }

  page(contents: PDFObject | undefined, resources: PDFObject | undefined, view: Box): void {
    const c = deref(this.ctx, contents);
    const parts = c instanceof PDFArray ? c.asArray().map((p) => this.stream(deref(this.ctx, p))) : c === undefined ? [] : [this.stream(c)];
    const key = view.join(' ');
    let shared = this.views.get(key);
    if (!shared) this.views.set(key, (shared = view));
    this.job.pages.push({ content: this.joined(parts), resources: this.resources(resources), view: shared });
  }

  private sub(res: PDFDict, key: PDFName): [PDFName, PDFObject][] {
    const d = deref(this.ctx, res.get(key));
    return d instanceof PDFDict ? d.entries() : [];
  }

  private resources(value: PDFObject | undefined): number {
    const res = deref(this.ctx, value);
    if (!(res instanceof PDFDict)) return -1;
    const known = this.resourceIndex.get(res);
    if (known !== undefined) return known;
    const entry: JobResources = { fonts: new Map(), gsFont: [], forms: new Map() };
    const index = this.job.resources.push(entry) - 1;
    this.resourceIndex.set(res, index);
    // What the entry holds, written so that different entries never give the same key: each name
    // with its length before it, each index with a comma after it, `|` between the three lists.
    let key = '';
    for (const [name, ref] of this.sub(res, FONT)) {
      let font = this.fontIndex.get(ref);
      if (font === undefined) this.fontIndex.set(ref, (font = this.job.fonts.push(fontData(this.ctx, ref) ?? null) - 1));
      const text = nameText(name);
      entry.fonts.set(text, font);
      key += `${text.length}:${text}${font},`;
    }
    key += '|';
    for (const [name, ref] of this.sub(res, EXT_G_STATE)) {
      const gs = deref(this.ctx, ref);
      if (gs instanceof PDFDict && gs.get(FONT) !== undefined) {
        const text = nameText(name);
        entry.gsFont.push(text);
        key += `${text.length}:${text}`;
      }
    }
    key += '|';
    for (const [name, ref] of this.sub(res, X_OBJECT)) {
      const form = this.form(deref(this.ctx, ref));
      if (form !== undefined) {
        const text = nameText(name);
        entry.forms.set(text, form);
        key += `${text.length}:${text}${form},`;
      }
    }
    // Pages with resources of their own that name the same things (nearly every page of a file) share
    // one entry: the job goes to the text thread with each distinct one once.
    const same = this.sameResources.get(key);
    if (same) this.job.resources[index] = same;
    else this.sameResources.set(key, entry);
    return index;
  }

  private form(x: PDFObject | undefined): number | undefined {
    if (!(x instanceof PDFStream) || deref(this.ctx, x.dict.get(N('Subtype'))) !== N('Form')) return undefined;
    const known = this.formIndex.get(x);
    if (known !== undefined) return known;
    const form: JobForm = { content: null, resources: -1 };
    const index = this.job.forms.push(form) - 1;
    this.formIndex.set(x, index);
    const matrix = deref(this.ctx, x.dict.get(N('Matrix')));
    if (matrix instanceof PDFArray && matrix.size() === 6) {
      const m = matrix.asArray().map((v) => {
        const n = deref(this.ctx, v);
        return n && 'asNumber' in n ? (n as { asNumber(): number }).asNumber() : NaN;
      });
      if (m.every(Number.isFinite)) form.matrix = m;
    }
    form.content = this.stream(x);
    form.resources = this.resources(x.dict.get(N('Resources')));
    return index;
  }

  finish(): TextJob {
    for (const font of this.job.fonts) if (font && font.toUnicode !== 'none') font.toUnicode = this.handed(font.toUnicode)!;
    return { ...this.job, buffers: this.pack.buffers() };
  }
}

/** What job.ts reads of this document, or why it is for pdfjs. `kept`: the loader's decoded page content. */
export function prepareTextJob(doc: PDFDocument, fileSize: number, kept?: ContentPack): { ok: true; job: TextJob } | { ok: false; reason: string } {
  const ctx = doc.context;
  if (ctx.trailerInfo.Encrypt !== undefined) return { ok: false, reason: 'versleuteld' };
  // The loader's walk of the page tree when it kept one (the same pages, and the same attributes,
  // as walking it again), else a walk here.
  let pages = kept?.pages;
  if (!pages) {
    const tree = walkPageTree(doc);
    if (!tree.ok) return { ok: false, reason: 'paginaboom' };
    pages = tree.pages;
  }
  const builder = new JobBuilder(ctx, fileSize, kept);
  for (const page of pages) {
    builder.page(page.leaf.get(CONTENTS), pageAttribute(page, 'Resources'), viewOf(ctx, pageAttribute(page, 'MediaBox'), pageAttribute(page, 'CropBox')));
  }
  return { ok: true, job: builder.finish() };
}

/** The text of a parsed PDF, page by page, in this thread (tests; the loader reads jobs on the text thread). */
export function extractTextFast(doc: PDFDocument, fileSize: number, options: FastOptions, kept?: ContentPack): FastText {
  const prepared = prepareTextJob(doc, fileSize, kept);
  return prepared.ok ? readTextJob(prepared.job, options) : prepared;
}
