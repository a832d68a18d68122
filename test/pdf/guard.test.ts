// The limits that hold before and while pdf-lib parses: time budget, object- and xref-stream guards,
// bounded decoding, a quiet console, one load at a time.

import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { decodeBounded, BOMB_MIN_BYTES } from '../../src/pdf/decode.js';
import { loadGuarded } from '../../src/pdf/guard.js';
import { inspectPdf } from '../../src/pdf/inspect.js';
import { CORPUS } from '../helpers/corpus.js';

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** A file whose objects are all damaged the same way, many times over. */
function damaged(count: number, body: (n: number) => string): Uint8Array {
  let s = '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n';
  for (let i = 3; i < count; i++) s += body(i);
  return latin1(`${s}trailer << /Root 1 0 R >>\n%%EOF\n`);
}

const page = '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >> endobj\n';

function withStream(dict: string, data: Uint8Array, extra = ''): Uint8Array {
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n${page}4 0 obj << ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from(`\nendstream\nendobj\n${extra}trailer << /Root 1 0 R /Size 5 >>\n%%EOF\n`, 'latin1'),
    ]),
  );
}

describe('time budget', () => {
  it.each([
    ['streams without endstream (each rescans to the end)', (n: number) => `${n} 0 obj << /Length 999999 >> stream\nabc\n`],
    ['unterminated strings without endobj', (n: number) => `${n} 0 obj << /A [ (x\n`],
    ['unterminated strings with endobj', (n: number) => `${n} 0 obj << /A (x endobj\n`],
  ])('stops a runaway parse: %s', async (_name, body) => {
    const bytes = damaged(4000, body);
    const t = performance.now();
    const result = await loadGuarded(bytes, { timeBudgetMs: 300 });
    const elapsed = performance.now() - t;
    // Either it finished fast on its own, or it was stopped soon after the budget.
    if (!result.ok) expect(result.failure).toEqual({ kind: 'tijd', budgetMs: 300 });
    expect(elapsed).toBeLessThan(3000);
  });

  it('leaves a sound file of many objects alone', async () => {
    const bytes = damaged(20_000, (n) => `${n} 0 obj << /A ${n} >> endobj\n`);
    const result = await loadGuarded(bytes);
    expect(result.ok).toBe(true);
  });
});

describe('streams decoded while loading', () => {
  it('an object stream with an absurd /N is clamped to what its bytes can hold', async () => {
    const objects = '5 0 6 10 << /A 1 >> << /B 2 >>';
    const bytes = withStream('/Type /ObjStm /N 1000000000 /First 9 /Filter /FlateDecode', deflateSync(Buffer.from(objects)));
    const t = performance.now();
    const result = await loadGuarded(bytes);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(result.ok).toBe(true);
  });

  it('an object stream is decoded once and its objects are there', async () => {
    const objects = '5 0 6 10 << /A 1 >> << /B 2 >>';
    const bytes = withStream('/Type /ObjStm /N 2 /First 9 /Filter /FlateDecode', deflateSync(Buffer.from(objects)));
    const result = await loadGuarded(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const five = result.doc.context.enumerateIndirectObjects().find(([ref]) => ref.objectNumber === 5)?.[1];
    expect(five).toBeInstanceOf(PDFDict);
  });

  it('a cross-reference stream with a huge /Size costs nothing', async () => {
    const bytes = withStream('/Type /XRef /Size 2000000000 /W [1 4 2] /Filter /FlateDecode', deflateSync(Buffer.alloc(10)));
    const t = performance.now();
    const result = await loadGuarded(bytes);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(result.ok).toBe(true);
  });

  it('an object-stream bomb behind a non-Flate filter is stopped too', async () => {
    // ASCIIHex around Flate around 60 MiB of zeros: zlib alone cannot decode it; pdf-lib's decoders are capped.
    const inner = deflateSync(Buffer.alloc(60 * 1024 * 1024), { level: 9 });
    const hex = Buffer.from(inner.toString('hex') + '>', 'latin1');
    const bytes = withStream('/Type /ObjStm /N 1 /First 4 /Filter [/ASCIIHexDecode /FlateDecode]', hex);
    const result = await loadGuarded(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('bom');
  });
});

describe('decodeBounded', () => {
  const ctx = PDFDocument.create().then((d) => d.context);
  const raw = async (filter: string, data: Uint8Array): Promise<PDFRawStream> => {
    const c = await ctx;
    return PDFRawStream.of(c.obj({ Filter: c.obj(filter.split(' ').map((f) => PDFName.of(f))) }) as PDFDict, data);
  };

  it('decodes chains of Flate', async () => {
    const once = deflateSync(Buffer.from('q 1 0 0 1 0 0 cm Q'));
    const s = await raw('FlateDecode FlateDecode', deflateSync(once));
    const d = decodeBounded(s);
    expect(d.ok && Buffer.from(d.bytes).toString()).toBe('q 1 0 0 1 0 0 cm Q');
  });

  it('stops at the limit, at whichever stage it is passed', async () => {
    const big = deflateSync(deflateSync(Buffer.alloc(BOMB_MIN_BYTES + 1024 * 1024)));
    const d = decodeBounded(await raw('FlateDecode FlateDecode', big));
    expect(d).toMatchObject({ ok: false, reason: 'bom' });
  });

  it('gives what a cut-off stream holds, as viewers do', async () => {
    const whole = deflateSync(Buffer.from('BT /F1 12 Tf (Hallo wereld) Tj ET '.repeat(50)));
    const d = decodeBounded(await raw('FlateDecode', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(d.ok).toBe(true);
    if (d.ok) expect(Buffer.from(d.bytes).toString()).toContain('Hallo wereld');
  });

  it('reports garbage as undecodable, not as a crash', async () => {
    const d = decodeBounded(await raw('FlateDecode', latin1('dit is geen zlib')));
    expect(d.ok === false && d.reason).toBe('kapot');
  });
});

describe('console', () => {
  it('pdf-lib load warnings do not reach the terminal', async () => {
    const warn = vi.spyOn(console, 'warn');
    const bytes = latin1(`%PDF-1.7\n0 0 obj << >> endobj\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n${page}trailer << /Root 1 0 R >>\n%%EOF\n`);
    const result = await loadGuarded(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings.join('\n')).toMatch(/0 0 R/);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('the console is itself again after many concurrent inspections, forms flattened among them', async () => {
    const before = { warn: console.warn, error: console.error, log: console.log };
    const files = ['acroform-filled.pdf', 'signature.pdf', 'xfa-static.pdf', 'links-mixed.pdf', 'encrypted-owner-aes256.pdf', 'truncated.pdf'];
    await Promise.all([...files, ...files].map((f) => inspectPdf(path.join(CORPUS, 'pdf', f), f)));
    expect({ warn: console.warn, error: console.error, log: console.log }).toEqual(before);
  });

  it('concurrent loads each get their own answer', async () => {
    const good = withStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateSync(Buffer.from('5 0 << >>')));
    const bomb = withStream('/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]', deflateSync(deflateSync(Buffer.alloc(60 * 1024 * 1024))));
    const results = await Promise.all([good, bomb, good, bomb].map((b) => loadGuarded(b)));
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
  });
});
