// The text reader's inner loop in WebAssembly (wasm/reader.c): a page's content stream read into its
// text ~1.5× faster than in JavaScript, without the JavaScript reader's warm-up on a fresh thread and
// without V8 compiling that reader on every run (docs/performance.md, "Night, last").
// It reads the common page and gives up (null) on anything else; job.ts then reads that page with the
// JavaScript reader, which stays the reference: both give the same text, to the code unit
// (test/pdf/wasm-reader.test.ts). This side hands it a job's fonts and resources, answers its glyph
// look-ups from the job's TextFonts, and normalises the items pdfjs normalises.

import type { TextFont } from './glyphs.js';
import type { JobResources } from './job-types.js';
import { MAX_ENTRIES, parseToUnicode } from './cmap.js';
import { OPERATORS } from './tokens.js';
import { normalize, type SizedItem } from './units.js';
import { READER_WASM } from './wasm/reader-wasm.js';

interface Exports {
  memory: WebAssembly.Memory;
  init(): void;
  add_operator(key: number, code: number): void;
  alloc(size: number): number;
  begin_job(): void;
  read_page(content: number, size: number, resources: number, x0: number, y0: number, x1: number, y1: number, first: number): number;
  units_at(): number;
  units_length(): number;
  sized_at(): number;
  sized_length(): number;
  read_cmap(data: number, size: number): number;
  cmap_at(): number;
  cmap_length(): number;
  cmap_units_at(): number;
}

const OK = 0;
/** Memory an instance may keep between jobs (it grows for a large page or CMap; the bench meeting's 60 jobs need 1 MiB). */
const KEEP_BYTES = 64 * 1024 * 1024;
const OUT_OF_TIME = 2;
/** Glyph.info (reader.c): 1 | kind << 1 | normalize << 3 | length << 4; −1: no text. */
const NO_TEXT = -1;

/** What the module asks of the job being read. */
interface Current {
  fonts: readonly (TextFont | undefined)[];
  outOfTime(): boolean;
}

let module: { exports: Exports; current?: Current } | null | undefined;
/** Pages this thread's module has read to the end (tests: that it reads them, not the JavaScript reader). */
let pagesRead = 0;
export const wasmPagesRead = (): number => pagesRead;
/** The current instance's memory in bytes (0: none yet), for tests. */
export const wasmMemoryBytes = (): number => (module ? module.exports.memory.buffer.byteLength : 0);

/** The module, instantiated once per thread; null where WebAssembly is not available. */
function instance(): { exports: Exports; current?: Current } | null {
  if (module !== undefined) return module;
  try {
    const state: { exports: Exports; current?: Current } = { exports: undefined as unknown as Exports };
    const env = {
      hypot: Math.hypot,
      tick: (): number => (state.current?.outOfTime() ? 1 : 0),
      glyph: (font: number, code: number, entry: number): void => glyph(state, font, code, entry),
      normalize: (at: number, length: number): number => normalized(state.exports.memory, at, length),
    };
    const bytes = Buffer.from(READER_WASM, 'base64');
    state.exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env }).exports as unknown as Exports;
    state.exports.init();
    for (const [key, code] of OPERATORS) state.exports.add_operator(key, code);
    // Its buffers exist from the start (a CMap may be read before the first job's pages).
    state.exports.begin_job();
    module = state;
  } catch {
    module = null;
  }
  return module;
}

function glyph(state: { exports: Exports; current?: Current }, font: number, code: number, entry: number): void {
  const g = state.current?.fonts[font]?.glyph(code);
  const { exports } = state;
  if (!g) {
    new Int32Array(exports.memory.buffer, entry + 8, 1)[0] = NO_TEXT;
    return;
  }
  let text = g.unit;
  if (g.unit < 0) {
    text = exports.alloc(2 * g.text.length);
    const units = new Uint16Array(exports.memory.buffer, text, g.text.length);
    for (let i = 0; i < g.text.length; i++) units[i] = g.text.charCodeAt(i);
  }
  const memory = exports.memory.buffer;
  new Float64Array(memory, entry, 1)[0] = g.width;
  const ints = new Int32Array(memory, entry + 8, 2);
  ints[0] = 1 | (g.kind << 1) | (g.normalize ? 8 : 0) | (g.text.length << 4);
  ints[1] = text;
}

/** The item at [at, at + length) normalised in place (reader.c left room for 3× as many units). */
function normalized(memory: WebAssembly.Memory, at: number, length: number): number {
  const str = normalize(Buffer.from(memory.buffer, at, 2 * length).toString('utf16le'));
  if (str.length > 3 * length) throw new Error('normalisatie langer dan verwacht');
  const units = new Uint16Array(memory.buffer, at, str.length);
  for (let i = 0; i < str.length; i++) units[i] = str.charCodeAt(i);
  return str.length;
}

/** A job as the module reads it: its resources written into its memory once each, its fonts' glyph tables made on first use. */
export class WasmJob {
  private readonly resources = new Map<JobResources, number>();
  private readonly tables = new Map<number, number>();
  private content = 0;
  private broken = false;
  private capacity = 0;

  private constructor(
    private readonly exports: Exports,
    private readonly fonts: readonly (TextFont | undefined)[],
  ) {}

  /** A job for these fonts (the job's, in order); undefined without WebAssembly. */
  static start(fonts: readonly (TextFont | undefined)[], outOfTime: () => boolean): WasmJob | undefined {
    const m = instance();
    if (!m) return undefined;
    m.current = { fonts, outOfTime };
    m.exports.begin_job();
    return new WasmJob(m.exports, fonts);
  }

  /**
   * The job is read. Memory a large page made the module grow is never given back (WebAssembly memory
   * only grows): past KEEP_BYTES the instance goes, and the next job makes a small one.
   */
  end(): void {
    if (module?.exports === this.exports && this.exports.memory.buffer.byteLength > KEEP_BYTES) module = undefined;
  }

  /** The page's text; 'tijd' when the job's time ran out; null: one for the JavaScript reader. `sized`: its non-blank items with their size, to be filled (the first page). */
  page(content: Uint8Array, resources: JobResources | undefined, view: readonly number[], sized?: SizedItem[]): string | 'tijd' | null {
    if (this.broken) return null;
    let status: number;
    try {
      const res = resources ? this.written(resources) : 0;
      if (res < 0) return null;
      if (content.length > this.capacity) {
        this.capacity = Math.max(content.length, 2 * this.capacity);
        this.content = this.exports.alloc(this.capacity);
      }
      new Uint8Array(this.exports.memory.buffer, this.content, content.length).set(content);
      status = this.exports.read_page(this.content, content.length, res, view[0], view[1], view[2], view[3], sized ? 1 : 0);
    } catch {
      // A trap (its memory at its limit) leaves the module's stack where it was: a new instance for
      // the next job, and the rest of this one for the JavaScript reader.
      module = undefined;
      this.broken = true;
      return null;
    }
    if (status === OUT_OF_TIME) return 'tijd';
    if (status !== OK) return null;
    pagesRead++;
    const units = this.exports.units_at();
    const memory = this.exports.memory.buffer;
    if (sized) {
      // reader.c's Sized: the size (a double), then the item's first and last unit.
      const at = this.exports.sized_at();
      const sizes = new Float64Array(memory, at, 2 * this.exports.sized_length());
      const ends = new Uint32Array(memory, at, 4 * this.exports.sized_length());
      for (let k = 0; k < sizes.length; k += 2) {
        const str = Buffer.from(memory, units + 2 * ends[2 * k + 2], 2 * (ends[2 * k + 3] - ends[2 * k + 2])).toString('utf16le');
        if (str.trim() !== '') sized.push({ str, size: sizes[k] });
      }
    }
    return Buffer.from(memory, units, 2 * this.exports.units_length()).toString('utf16le');
  }

  /** Where the resources are in the module's memory (reader.c's Resources); −1: names it cannot compare (not latin1). */
  private written(resources: JobResources): number {
    let at = this.resources.get(resources);
    if (at !== undefined) return at;
    const fonts = [...resources.fonts];
    const forms = [...resources.forms.keys()];
    const names = [...fonts.map(([name]) => name), ...resources.gsFont, ...forms];
    if (names.some((name) => /[^\0-\xff]/.test(name))) at = -1;
    else {
      // One block: the Resources (6 words), the fonts (6 words each), the name pairs of graphics states
      // and forms (2 words each), then the names' bytes.
      const words = 6 + 6 * fonts.length + 2 * (resources.gsFont.length + forms.length);
      const bytes = names.reduce((n, name) => n + name.length, 0);
      const tables = fonts.map(([, index]) => (this.fonts[index] ? this.table(index, this.fonts[index]) : 0));
      const block = this.exports.alloc(4 * words + bytes);
      at = block;
      const memory = this.exports.memory.buffer;
      const w = new Int32Array(memory, block, words);
      const texts = Buffer.from(memory, block + 4 * words, bytes);
      let used = 0;
      const name = (s: string): number => {
        used += texts.write(s, used, 'latin1');
        return block + 4 * words + used - s.length;
      };
      const fontList = block + 24;
      const gsList = fontList + 24 * fonts.length;
      const formList = gsList + 8 * resources.gsFont.length;
      w.set([fonts.length, fontList, resources.gsFont.length, gsList, forms.length, formList]);
      fonts.forEach(([n, index], k) => {
        const font = this.fonts[index];
        w.set([name(n), n.length, tables[k], font?.bytes ?? 1, font?.size ?? 0, index], 6 + 6 * k);
      });
      let k = (gsList - block) >> 2;
      for (const n of [...resources.gsFont, ...forms]) {
        w[k++] = name(n);
        w[k++] = n.length;
      }
    }
    this.resources.set(resources, at);
    return at;
  }

  private table(index: number, font: TextFont): number {
    let at = this.tables.get(index);
    if (at === undefined) this.tables.set(index, (at = this.exports.alloc(16 * font.size)));
    return at;
  }
}

/** A /ToUnicode CMap read by the module where it can, else by cmap.ts (the same reading). */
export function toUnicodeByWasm(bytes: Uint8Array): Map<number, string> | undefined {
  const read = cmapByWasm(bytes);
  return read === null ? parseToUnicode(bytes) : read;
}

/**
 * A /ToUnicode CMap read by the module as cmap.ts reads it: the map, or undefined when it cannot be
 * read as a whole; null: for cmap.ts (no module, or more entries than the module keeps).
 */
export function cmapByWasm(bytes: Uint8Array): Map<number, string> | undefined | null {
  const m = instance();
  if (!m) return null;
  let status: number;
  try {
    const at = m.exports.alloc(bytes.length);
    new Uint8Array(m.exports.memory.buffer, at, bytes.length).set(bytes);
    status = m.exports.read_cmap(at, bytes.length);
  } catch {
    module = undefined;
    return null;
  }
  if (status < 0) return null;
  if (status === 0) return undefined;
  const memory = m.exports.memory.buffer;
  const units = m.exports.cmap_units_at();
  const unit = new Uint16Array(memory, units, Math.floor((memory.byteLength - units) / 2));
  const entries = new Uint32Array(memory, m.exports.cmap_at(), 3 * m.exports.cmap_length());
  const map = new Map<number, string>();
  for (let k = 0; k < entries.length; k += 3) {
    const first = entries[k + 1];
    const count = entries[k + 2];
    map.set(entries[k], count === 1 ? String.fromCharCode(unit[first]) : Buffer.from(memory, units + 2 * first, 2 * count).toString('utf16le'));
  }
  return map.size > MAX_ENTRIES ? undefined : map;
}
