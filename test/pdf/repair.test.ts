// Reading damaged files as viewers do: the lenient object reader, the structure rebuild, the
// cross-reference check, and the decoders that say when a stream is damaged.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { decodeBounded, lzwBounded } from '../../src/pdf/decode.js';
import { inspectPdfBytes } from '../../src/pdf/inspect.js';
import { Lexer, readValue, write } from '../../src/pdf/lenient.js';
import { rebuildPdf } from '../../src/pdf/rebuild.js';
import { xrefIsSound } from '../../src/pdf/xref-check.js';
import { CORPUS } from '../helpers/corpus.js';

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const lenient = (text: string): string | undefined => {
  const v = readValue(new Lexer(text));
  return v && write(v);
};

describe('lenient object syntax', () => {
  it.each([
    ['<< /A 1 /B [1 2 3] /C (x) /D <41> /E 1 0 R >>', '<< /A 1 /B [1 2 3] /C (x) /D <41> /E 1 0 R >>'],
    ['<< /Size 7 /Something { >>', '<< /Size 7 >>'],
    ['<< /Size 7 /Something } >>', '<< /Size 7 >>'],
    ['<< /Size 7 /Something ] >>', '<< /Size 7 >>'],
    ['<< /Size 7 /Something ) >>', '<< /Size 7 >>'],
    ['<< /K 1 /K 2 /Something >>', '<< /K 2 >>'],
    ['<< /Root 1 0 R Array1 2 0 R /ID [<3141> <3141>] >>', '<< /Root 1 0 R /ID [<3141> <3141>] >>'],
    ['<< /X 1 0 R 0 R /Pages 2 0 R >>', '<< /X 1 0 R /Pages 2 0 R >>'],
    ['<< /H <4q1> >>', '<< /H <41> >>'],
    ['<< /S (a (nested) \\) string) >>', '<< /S (a (nested) \\) string) >>'],
    ['<< /N [ [ [ /1 !2 /3 ] ] ] >>', '<< /N [[[/1 /3]]] >>'],
    ['<< /Unclosed [1 2', '<< /Unclosed [1 2] >>'],
    ['<< /A 1 >> stream\nbinary', '<< /A 1 >>'],
  ])('%s', (input, expected) => expect(lenient(input)).toBe(expected));

  it('drops what nests deeper than 100 levels instead of recursing', () => {
    expect(lenient(`<< /X ${'['.repeat(10000)}${']'.repeat(10000)} >>`)).toBeUndefined();
    expect(lenient(`<< /X ${'['.repeat(50)}${']'.repeat(50)} >>`)).toBe(`<< /X ${'['.repeat(50)}${']'.repeat(50)} >>`);
  });
});

/** A one-page file: objects as text; `tail` writes what follows them. */
function handPdf(objects: string[], tail: (xrefAt: number, offsets: number[]) => string, prefix = ''): Uint8Array {
  let text = `${prefix}%PDF-1.7\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  return latin1(text + tail(text.length, offsets));
}
const OBJECTS = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
const table = (offsets: number[], shift = 0): string => `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o + shift).padStart(10, '0')} 00000 n \n`).join('')}`;

describe('xrefIsSound', () => {
  it('accepts a correct table, also with junk before the header (offsets from either start)', () => {
    expect(xrefIsSound(handPdf(OBJECTS, (at, o) => `${table(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`))).toBe(true);
    const junk = 'Content-Type: application/pdf\r\n\r\n';
    expect(xrefIsSound(handPdf(OBJECTS, (at, o) => `${table(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, junk))).toBe(true);
    expect(xrefIsSound(handPdf(OBJECTS, (at, o) => `${table(o, -junk.length)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at - junk.length}\n%%EOF\n`, junk))).toBe(true);
  });

  it.each([
    ['an entry that misses its object', (at: number, o: number[]) => `${table(o.map((x, i) => (i === 1 ? x + 3 : x)))}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`],
    ['startxref that leads nowhere', (at: number, o: number[]) => `${table(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at + 1000}\n%%EOF\n`],
    ['startxref that is no number', (_: number, o: number[]) => `${table(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\noops\n%%EOF\n`],
    ['a /Prev that is no number', (at: number, o: number[]) => `${table(o)}trailer\n<< /Size 4 /Root 1 0 R /Prev (x) >>\nstartxref\n${at}\n%%EOF\n`],
    ['no table at all', () => 'trailer\n<< /Size 4 /Root 1 0 R >>\n%%EOF\n'],
    ['startxref far from the end', (at: number, o: number[]) => `${table(o)}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n${'%'.repeat(2000)}\n`],
  ])('refuses %s', (_name, tail) => expect(xrefIsSound(handPdf(OBJECTS, tail))).toBe(false));

  it('follows a cross-reference stream without decoding it', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    expect(xrefIsSound(await doc.save({ useObjectStreams: true }))).toBe(true);
  });
});

describe('rebuildPdf', () => {
  it('gives a file pdf-lib reads with the same pages, from one whose trailer it cannot read', async () => {
    const broken = handPdf(OBJECTS, (at, o) => `${table(o)}trailer\n<< /Size (h) /Root 1 0 R /Something { >>\nstartxref\n${at}\n%%EOF\n`);
    await expect(PDFDocument.load(broken, { updateMetadata: false })).rejects.toThrow();
    const rebuilt = rebuildPdf(broken)!;
    expect(rebuilt.rootFound).toBe(false);
    expect(xrefIsSound(rebuilt.bytes)).toBe(true);
    expect((await PDFDocument.load(rebuilt.bytes, { updateMetadata: false })).getPageCount()).toBe(1);
  });

  it('writes one xref row per object, not one per number up to the largest (a damaged file naming object 8000000)', async () => {
    const far = `${OBJECTS.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join('')}8000000 0 obj\n(weit weg)\nendobj\n`;
    const rebuilt = rebuildPdf(latin1(`%PDF-1.7\n${far}trailer\n<< /Root 1 0 R >>\n%%EOF\n`))!;
    const tail = Buffer.from(rebuilt.bytes).toString('latin1');
    // Object 0, the run 1..n, and object 8000000 alone: a few hundred bytes, not 200 MB of rows.
    expect(tail.match(/^\d{10} \d{5} [nf] $/gm)).toHaveLength(OBJECTS.length + 2);
    expect(tail).toContain(`xref\n0 1\n0000000000 65535 f \n1 ${OBJECTS.length}\n`);
    expect(tail).toMatch(/\n8000000 1\n\d{10} 00000 n \ntrailer\n<<[^>]*\/Size 8000001/);
    expect(xrefIsSound(rebuilt.bytes)).toBe(true);
    expect((await PDFDocument.load(rebuilt.bytes, { updateMetadata: false })).getPageCount()).toBe(1);
  });

  it('finds the catalog by its type when no trailer names it; keeps the last copy of an object', async () => {
    const objects = [...OBJECTS, '<< /Length 5 >>\nstream\nfirst\nendstream'];
    let bytes = Buffer.from(handPdf(objects, () => '4 0 obj\n<< /Length 6 >>\nstream\nsecond\nendstream\nendobj\n'));
    const rebuilt = rebuildPdf(bytes)!;
    expect(rebuilt.rootFound).toBe(true);
    const doc = await PDFDocument.load(rebuilt.bytes, { updateMetadata: false });
    const four = doc.context.enumerateIndirectObjects().find(([r]) => r.objectNumber === 4)![1] as PDFRawStream;
    expect(Buffer.from(four.contents).toString()).toBe('second');
    bytes = Buffer.from('no objects here');
    expect(rebuildPdf(bytes)).toBeUndefined();
  });

  it('honours a stream /Length that fits, so `N G obj` inside the data is not an object', () => {
    const data = 'junk\n9 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
    const bytes = handPdf([...OBJECTS, `<< /Length ${data.length} >>\nstream\n${data}\nendstream`], (at, o) => `${table(o)}trailer\n<< /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
    const text = Buffer.from(rebuildPdf(bytes)!.bytes).toString('latin1');
    expect(text).toContain(`/Length ${data.length}`);
    expect(text).toContain('/Size 5 ');
  });
});

describe('decoders that notice damage', () => {
  const ctx = PDFDocument.create().then((d) => d.context);
  const raw = async (dict: Record<string, unknown>, data: Uint8Array): Promise<PDFRawStream> => PDFRawStream.of((await ctx).obj(dict as never) as unknown as PDFDict, data);

  it('LZW: our decoder gives what pdf-lib gives for a valid stream with 9- to 12-bit codes and a clear code', () => {
    const pdf = readFileSync(path.join(CORPUS, 'pdf/stream-lzw.pdf'));
    const start = pdf.indexOf('stream\n', pdf.indexOf('/LZWDecode')) + 7;
    const length = Number(/\/Length (\d+)/.exec(pdf.toString('latin1', pdf.indexOf('4 0 obj'), start))![1]);
    const data = pdf.subarray(start, start + length);
    const mine = lzwBounded(data, 10 << 20);
    expect(mine.damaged).toBeUndefined();
    expect(Buffer.from(mine.bytes).toString('latin1')).toContain('Regel 399 van een lange LZW-stroom');
    return ctx.then((c) => {
      const theirs = decodePDFRawStream(PDFRawStream.of(c.obj({ Filter: PDFName.of('LZWDecode') }) as PDFDict, data)).decode();
      expect(Buffer.compare(Buffer.from(mine.bytes), Buffer.from(theirs))).toBe(0);
    });
  });

  it('LZW: an impossible code ends the data and is named; the limit holds', () => {
    // 9-bit codes: clear, "A", then 300 (the table only reaches 258).
    const bits = [256, 65, 300].map((c) => c.toString(2).padStart(9, '0')).join('').padEnd(32, '0');
    const bytes = Uint8Array.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
    expect(lzwBounded(bytes, 100)).toMatchObject({ damaged: 'LZW: ongeldige code 300' });
    expect(Buffer.from(lzwBounded(bytes, 100).bytes).toString()).toBe('A');
    expect(() => lzwBounded(bytes, 0)).toThrow();
  });

  it('Flate cut short is damage; only a missing checksum is not', async () => {
    const whole = deflateSync(Buffer.from('BT /F1 12 Tf (Hallo wereld) Tj ET '.repeat(50)));
    const cut = decodeBounded(await raw({ Filter: PDFName.of('FlateDecode') }, whole.subarray(0, Math.floor(whole.length / 2))));
    expect(cut).toMatchObject({ ok: true, damaged: expect.stringContaining('halverwege') });
    const noChecksum = decodeBounded(await raw({ Filter: PDFName.of('FlateDecode') }, whole.subarray(0, whole.length - 4)));
    expect(noChecksum.ok && noChecksum.damaged).toBe(undefined);
  });

  it('predictor parameters no reader can apply are damage', async () => {
    const c = await ctx;
    const parms = c.obj({ Predictor: 2, Colors: 536870913, Columns: 1, BitsPerComponent: 8 });
    const d = decodeBounded(await raw({ Filter: PDFName.of('FlateDecode'), DecodeParms: parms }, deflateSync(Buffer.from('0 0 m'))));
    expect(d).toMatchObject({ ok: true, damaged: expect.stringContaining('DecodeParms') });
  });
});

describe('images', () => {
  it('names the page of a damaged content stream', async () => {
    const { facts } = await inspectPdfBytes(readFileSync(path.join(CORPUS, 'pdf/stream-unknown-filter.pdf')), 'x.pdf');
    expect(facts.warnings.map((w) => w.message).join('\n')).toContain('de inhoud van blad `2`');
    const img = await inspectPdfBytes(readFileSync(path.join(CORPUS, 'pdf/image-declared-huge.pdf')), 'x.pdf');
    expect(img.facts.problem?.message).toMatch(/^Blad `1` bevat een afbeelding van `100000 × 100000` pixels .* de grens is 512 MiB\.$/);
  });
});
