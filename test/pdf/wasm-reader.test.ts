// The text reader in WebAssembly (src/pdf/fast-text/wasm/reader.c) against the JavaScript reader it
// stands in for, which fast-text.test.ts checks against pdfjs: the same text to the code unit, page
// by page, and the same heading — on every fixture PDF, on thousands of content streams made at
// random, and where it gives a page back (a form, an escaped name, a font it cannot use, the clock).
// And the module embedded in reader-wasm.ts is reader.c as it stands (compiled again where clang is).

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTextFast, prepareTextJob } from '../../src/pdf/fast-text/extract.js';
import { readTextJob, type TextJob } from '../../src/pdf/fast-text/job.js';
import { primingJob } from '../../src/pdf/fast-text/prime.js';
import { cmapByWasm, wasmMemoryBytes, wasmPagesRead } from '../../src/pdf/fast-text/wasm.js';
import { parseToUnicode } from '../../src/pdf/fast-text/cmap.js';
import { loadGuarded } from '../../src/pdf/guard.js';
import { MAX_TEXT_CHARS } from '../../src/pdf/text.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(REPO, 'fixtures');
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** The compiler the embedded module was made with (installed by .ci/run): another version may give other bytes. */
const hasClang = spawnSync('clang-14', ['--version']).status === 0 && spawnSync('which', ['wasm-ld-14']).status === 0;

/** Both readers on a job: the JavaScript reader alone, and WebAssembly where it can. */
function both(job: () => TextJob, budgetMs?: number) {
  const js = readTextJob(job(), { maxChars: MAX_TEXT_CHARS, wasm: false, budgetMs });
  const before = wasmPagesRead();
  const wasm = readTextJob(job(), { maxChars: MAX_TEXT_CHARS, budgetMs });
  return { js, wasm, pagesByWasm: wasmPagesRead() - before };
}

/** A job of the priming job's two fonts (F1 simple, F2 Identity-H) with these page contents. */
function jobOf(pages: string[], resources: Partial<TextJob['resources'][number]> = {}): () => TextJob {
  return () => {
    const prime = primingJob();
    return {
      ...prime,
      pages: pages.map((content, i) => ({ content: latin1(content), resources: 0, view: i % 2 ? [0, 0, 595, 842] : [10, 20, 600, 800] })),
      resources: [{ fonts: new Map([['F1', 0], ['F2', 1]]), gsFont: [], forms: new Map(), ...resources }],
      forms: prime.forms,
    };
  };
}

/** A seeded generator (mulberry32): the same streams on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A content stream of operators the reader follows, in random order and with random operands. */
function randomStream(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const num = (): string => pick(['0', '1', '-1', '12', '-14.5', '.5', '-.25', '+3', '1.', '700', '0.001', '-0', '72.125', String(Math.round(r() * 2000 - 1000) / 8)]);
  // F1's codes with text (ASCII, an accent, a combining mark, a ligature, odd spaces, a soft hyphen), now and then one without.
  const simple = (): string => {
    let s = '';
    for (let n = 1 + Math.floor(r() * 12); n > 0; n--) {
      const c = pick([65, 66, 97, 98, 32, 32, 46, 1, 2, 3, 4, 0xad, 0xe9, 0xb5, 40, 41, 92, ...(r() < 0.0005 ? [200] : [])]);
      s += c === 40 || c === 41 || c === 92 ? `\\${String.fromCharCode(c)}` : c < 32 || c > 126 ? `\\${c.toString(8).padStart(3, '0')}` : String.fromCharCode(c);
    }
    return r() < 0.2 ? `<${[...latin1(s.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))).replace(/\\(.)/g, '$1'))].map((b) => b.toString(16).padStart(2, '0')).join(' ')}>` : `(${s})`;
  };
  const composite = (): string => `<${Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(['0041', '0062', '0020', '0101', '007a', ...(r() < 0.001 ? ['0300'] : [])])).join('')}>`;
  const str = (font: number): string => (font === 2 ? composite() : simple());
  // The font as the reader will see it (q saves it, Q restores it), so that strings are mostly in its codes.
  let font = pick([1, 2]);
  let size = 11;
  const saved: number[] = [];
  const ops: string[] = [`BT /F${font} 11 Tf`];
  for (let n = 20 + Math.floor(r() * 60); n > 0; n--) {
    const op = pick(['Tj', 'Tj', 'Tj', 'TJ', 'TJ', 'Td', 'Td', 'TD', 'T*', 'Tm', 'Tf', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'q', 'Q', 'cm', "'", '"', 'BDC', 'EMC', 'BT', 'misc', 'near', 'near', 'near']);
    if (op === 'Tf') {
      font = r() < 0.995 ? pick([1, 2]) : 3;
      size = pick([9, 10.5, 12, 24, 0, -8, 1]);
      ops.push(`/F${font} ${size} Tf`);
    } else if (op === 'Tj') ops.push(`${str(font)} Tj`);
    // Adjustments on both sides of where a gap becomes a space, or a step back a new item (thousandths of the size).
    else if (op === 'TJ') ops.push(`[${Array.from({ length: 1 + Math.floor(r() * 6) }, () => (r() < 0.5 ? str(font) : r() < 0.5 ? num() : pick(['-102', '-101', '-103', '-30', '-29', '-31', '-600', '-599', '-601', '200', '199', '201', '-102.5', '199.5']))).join(' ')}${r() < 0.1 ? ' [(nested)]' : ''}] TJ`);
    else if (op === 'Td' || op === 'TD') ops.push(`${num()} ${num()} ${op}`);
    // A move of a fraction of the font size, across the thresholds of space, new item and new line.
    else if (op === 'near') ops.push(`${((r() * 8 - 4) * size).toFixed(3)} ${(r() < 0.5 ? 0 : (r() * 2.4 - 1.2) * size).toFixed(3)} Td ${str(font)} Tj`);
    else if (op === 'Tm' || op === 'cm') ops.push(`${pick(['1 0 0 1', '0 1 -1 0', '-1 0 0 -1', '0.8 0.6 -0.6 0.8', '2 0 0 2', '1 0 0.3 1'])} ${num()} ${num()} ${op}`);
    else if (op === "'") ops.push(`${str(font)} '`);
    else if (op === '"') ops.push(`${num()} ${num()} ${str(font)} "`);
    else if (op === 'BDC') ops.push(pick(['/P <</MCID 3>> BDC', '/Span <</ActualText (x)>> BDC', '/Artifact BMC']));
    else if (op === 'misc') ops.push(pick(['% note\n', '1 0 0 RG', '0 0 10 10 re f', 'BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI', ']', '{', 'true', 'ET', '/GS0 gs', '/Im1 Do']));
    else if (op === 'q') {
      saved.push(font);
      ops.push(op);
    } else if (op === 'Q') {
      font = saved.pop() ?? font;
      ops.push(op);
    } else if (op === 'EMC' || op === 'T*' || op === 'BT') ops.push(op);
    else ops.push(`${num()} ${op}`);
  }
  return ops.join(pick([' ', '\n', '  ']));
}

describe('the text reader in WebAssembly', () => {
  it('reads every fixture PDF as the JavaScript reader does, to the code unit, headings included', { timeout: 120_000 }, async () => {
    let pages = 0;
    const before = wasmPagesRead();
    const files = readdirSync(FIXTURES, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.pdf'));
    for (const file of files.map((e) => path.join(e.parentPath, e.name)).sort()) {
      const bytes = readFileSync(file);
      const loaded = await loadGuarded(bytes);
      if (!loaded.ok) continue;
      const js = extractTextFast(loaded.doc, bytes.length, { maxChars: MAX_TEXT_CHARS, wasm: false });
      const wasm = extractTextFast(loaded.doc, bytes.length, { maxChars: MAX_TEXT_CHARS });
      expect(wasm, path.relative(REPO, file)).toEqual(js);
      if (js.ok) pages += js.text.pages.length;
    }
    // Most pages were read by WebAssembly (not every one given back to the JavaScript reader).
    expect(pages).toBeGreaterThan(100);
    expect(wasmPagesRead() - before).toBeGreaterThan(pages / 2);
  });

  it('reads 1500 random content streams as the JavaScript reader does: moves, matrices, spacing, saved states, odd operands', () => {
    const r = random(20261130);
    let pages = 0;
    let byWasm = 0;
    let fellBack = 0;
    for (let job = 0; job < 500; job++) {
      const streams = [randomStream(r), randomStream(r), randomStream(r)];
      const { js, wasm, pagesByWasm } = both(jobOf(streams));
      expect(wasm, streams.join('\n----\n')).toEqual(js);
      pages += 3;
      byWasm += pagesByWasm;
      if (!js.ok) fellBack++;
    }
    // Some streams use a code or a font only pdfjs reads (both say so, with the same reason); most are read.
    expect(fellBack).toBeGreaterThan(0);
    expect(fellBack).toBeLessThan(150);
    expect(byWasm).toBeGreaterThan(pages / 2);
  });

  it('gives back to the JavaScript reader a page that draws a form, names a font with an escape, or sets a font in a graphics state', () => {
    const form = jobOf(['BT /F1 12 Tf 72 700 Td (first) Tj ET', 'BT /F1 12 Tf 72 700 Td (before) Tj ET /Fm1 Do BT /F1 12 Tf 72 600 Td (after) Tj ET'], { forms: new Map([['Fm1', 0]]) });
    const read = both(form);
    expect(read.wasm).toEqual(read.js);
    expect(read.pagesByWasm).toBe(1);
    expect(read.js.ok && read.js.text.pages[1]).toContain('in a form');

    const escaped = both(jobOf(['BT /F#31 12 Tf 72 700 Td (named) Tj ET']));
    expect(escaped.wasm).toEqual(escaped.js);
    expect(escaped.pagesByWasm).toBe(0);
    expect(escaped.js.ok && escaped.js.text.pages[0]).toBe('named');

    const gs = both(jobOf(['BT /F1 12 Tf /GS1 gs (x) Tj ET'], { gsFont: ['GS1'] }));
    expect(gs.wasm).toEqual(gs.js);
    expect(gs.js).toEqual({ ok: false, reason: 'lettertype in ExtGState' });

    const missing = both(jobOf(['BT /F9 12 Tf (x) Tj ET']));
    expect(missing.wasm).toEqual(missing.js);
    expect(missing.js).toEqual({ ok: false, reason: 'lettertype F9 ontbreekt' });
  });

  it('reads every /ToUnicode CMap of the fixture PDFs, and made-up ones, as cmap.ts does', async () => {
    const cmaps: Uint8Array[] = [];
    const files = readdirSync(FIXTURES, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.pdf'));
    for (const file of files.map((e) => path.join(e.parentPath, e.name))) {
      const bytes = readFileSync(file);
      const loaded = await loadGuarded(bytes);
      const prepared = loaded.ok ? prepareTextJob(loaded.doc, bytes.length) : undefined;
      if (prepared?.ok) for (const font of prepared.job.fonts) if (font && font.toUnicode !== 'none') cmaps.push(font.toUnicode);
    }
    expect(cmaps.length).toBeGreaterThan(20);
    const section = (body: string): Uint8Array => latin1(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FFFF> endcodespacerange ${body} endcmap end end`);
    const madeUp = [
      // One- to four-byte codes, an empty and an odd-length destination, a surrogate pair, a lone surrogate.
      '4 beginbfchar <41> <0041> <0042> <> <01020304> <263A> <0043> <D83DDE00> endbfchar 2 beginbfchar <44> <D800> <45> <414243> endbfchar',
      // A range counting up across 0xFF (the byte before carries), one whose destination is an array, one backwards.
      '3 beginbfrange <0010> <0020> <00FE> <0030> <0033> [<0061> <0062> [<0063>] 5 <0064> <0065>] <0050> <0040> <0041> endbfrange',
      // The widest range and the last codes.
      '2 beginbfrange <FFFFFFF0> <FFFFFFFF> <0041> <FFFFFFFE> <FFFFFFFF> [<0042> <0043> <0044>] endbfrange',
      // A later entry for the same code wins; words, comments and odd tokens between the sections.
      '1 beginbfchar <41> <0061> endbfchar % note\n true null 1 2 3 {x} 1 beginbfchar <41> <0062> endbfchar /Name def',
      // Not read: usecmap, a range too wide.
      '/Other usecmap 1 beginbfchar <41> <0041> endbfchar',
      '1 beginbfrange <0000> <FFFF> <0041> endbfrange',
    ].map(section);
    for (const [i, cmap] of [...cmaps, ...madeUp].entries()) expect(cmapByWasm(cmap), `CMap ${i}`).toEqual(parseToUnicode(cmap));
    expect(cmapByWasm(madeUp[0])?.size).toBe(6);
    expect(cmapByWasm(madeUp[4])).toBeUndefined();
  });

  it('gives back the memory a large page made it take, once that job is read', () => {
    const small = jobOf(['BT /F1 12 Tf 72 700 Td (small) Tj ET']);
    expect(readTextJob(small(), { maxChars: MAX_TEXT_CHARS })).toEqual({ ok: true, text: { pages: ['small'], heading: 'small' } });
    const before = wasmMemoryBytes();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(64 * 1024 * 1024);
    // 68 MB of comment before the text: the page is copied into the module's memory whole.
    const content = new Uint8Array(68_000_000).fill(120);
    content.set(latin1('% '), 0);
    content.set(latin1('\nBT /F1 12 Tf 72 700 Td (large) Tj ET'), content.length - 40);
    const large = readTextJob({ ...small(), pages: [{ content, resources: 0, view: [0, 0, 612, 792] }] }, { maxChars: MAX_TEXT_CHARS });
    expect(large).toEqual({ ok: true, text: { pages: ['large'], heading: 'large' } });
    // The grown instance is gone; the next job makes a small one.
    expect(wasmMemoryBytes()).toBe(0);
    expect(readTextJob(small(), { maxChars: MAX_TEXT_CHARS })).toEqual({ ok: true, text: { pages: ['small'], heading: 'small' } });
    expect(wasmMemoryBytes()).toBeLessThan(64 * 1024 * 1024);
  });

  it('stops at the job’s time budget where the JavaScript reader stops', () => {
    const read = both(jobOf(['BT /F1 12 Tf (late) Tj ET', 'BT /F1 12 Tf (later) Tj ET']), -1);
    expect(read.js).toEqual({ ok: true, text: { pages: [], heading: undefined, stopped: 'tijd' } });
    expect(read.wasm).toEqual(read.js);
  });

  it.skipIf(!hasClang)('is embedded as reader.c compiles now (scripts/build-wasm.mjs)', { timeout: 60_000 }, () => {
    const check = spawnSync(process.execPath, [path.join(REPO, 'scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('reader-wasm.ts is bijgewerkt');
    expect(check.status).toBe(0);
  });
});
