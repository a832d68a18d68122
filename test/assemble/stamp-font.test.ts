// The stamp font: the precomputed subset (templates/fonts/stamp/, scripts/make-stamp-font.mjs) is what
// the generator makes, draws every character of its table with fontkit's widths, reads back as the
// same text, and a stamp with any other character takes the fontkit path.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, decodePDFRawStream, type PDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { makeStampFont } from '../../scripts/make-stamp-font.mjs';
import { Stamper } from '../../src/assemble/stamp.js';
import { stampFont } from '../../src/assemble/stamp-font.js';
import { keepGlyphs } from '../../src/assemble/glyph-trim.js';
import fontkit, { type Font } from '@cantoo/fontkit';
import { readPages } from '../helpers/pdf-text.js';

const STAMP_DIR = path.resolve(import.meta.dirname, '../../templates/fonts/stamp');
const table = JSON.parse(readFileSync(path.join(STAMP_DIR, 'stamp-subset.json'), 'utf8')) as { glyphs: [number, number[], number][] };
const everyCharacter = table.glyphs.map(([code]) => String.fromCodePoint(code)).join('');

async function stamped(texts: string[]): Promise<{ pdf: Uint8Array; baseFont: string }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const _ of texts) doc.addPage([595, 842]);
  const font = await stampFont(doc, texts);
  const stamper = new Stamper(doc, font);
  doc.getPages().forEach((page, i) => stamper.stamp(page, texts[i]!));
  const pdf = await doc.save({ useObjectStreams: false });
  // pdf-lib's fonts are written at save.
  const dict = doc.context.lookup(font.ref, PDFDict);
  return { pdf, baseFont: dict.get(PDFName.of('BaseFont'))!.toString() };
}

describe('stamp font', () => {
  it('is what scripts/make-stamp-font.mjs makes from SourceSans3-Regular.ttf', () => {
    const { bytes, json } = makeStampFont() as { bytes: Buffer; json: string };
    expect(bytes.equals(readFileSync(path.join(STAMP_DIR, 'stamp-subset.ttf')))).toBe(true);
    expect(json).toBe(readFileSync(path.join(STAMP_DIR, 'stamp-subset.json'), 'utf8'));
  });

  it('takes the precomputed subset for stamp text it covers, with the widths fontkit gives', async () => {
    const doc = await PDFDocument.create();
    const fontkitDoc = await PDFDocument.create();
    const precomputed = await stampFont(doc, ['Algemeen Bestuur 5 maart 2025 · pagina 1 van 62']);
    const viaFontkit = await stampFont(fontkitDoc, ['Ω']);
    for (const ch of everyCharacter) expect(precomputed.glyph(ch).width, ch).toBeCloseTo(viaFontkit.glyph(ch).width, 9);
  });

  it('reads back as the same text, and builds byte-identical twice', async () => {
    // Without the soft hyphen and the micro sign, which pdf.js reads as - and μ.
    const sample = [...everyCharacter.slice(0, 200)].filter((ch) => ch !== '\u00ad' && ch !== '\u00b5').join('');
    const texts = ['Algemeen Bestuur 5 maart 2025 · pagina 1 van 2', `€ ‘’ “” – — … Łódź Ærø ß ${sample}`];
    const first = await stamped(texts);
    expect(first.baseFont).toBe('/BUNDEL+SourceSans3-Regular');
    expect((await readPages(first.pdf)).map((p) => p.text.trim())).toEqual(texts.map((t) => t.replace(/\s+/g, ' ').trim()));
    expect(Buffer.from((await stamped(texts)).pdf).equals(Buffer.from(first.pdf))).toBe(true);
    // The whole font program is embedded, and /W and ToUnicode name only the glyphs drawn.
    const doc = await PDFDocument.load(first.pdf);
    const type0 = [...doc.context.enumerateIndirectObjects()].map(([, o]) => o).find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype'))?.toString() === '/Type0')!;
    const cmap = doc.context.lookup(type0.get(PDFName.of('ToUnicode')) as PDFRef, PDFStream) as PDFRawStream;
    const mapped = Number(/(\d+) beginbfchar/.exec(new TextDecoder().decode(decodePDFRawStream(cmap).decode()))![1]);
    const ids = new Map(table.glyphs.map(([code, glyphIds]) => [String.fromCodePoint(code), glyphIds]));
    // One entry per glyph: characters that share a glyph (space and no-break space) share one.
    expect(mapped).toBe(new Set([...texts.join('')].flatMap((ch) => ids.get(ch)!)).size);
    expect(mapped).toBeGreaterThan(150);
  });

  it('falls back to fontkit for a character outside the table, and loses nothing', async () => {
    const texts = ['Ωmega 5 maart 2025 · pagina 1 van 1'];
    const { pdf, baseFont } = await stamped(texts);
    expect(baseFont).not.toContain('BUNDEL+');
    expect(baseFont).toContain('SourceSans3-Regular');
    expect((await readPages(pdf))[0]!.text.trim()).toBe(texts[0]);
  });

  it('embeds the outlines of the glyphs drawn only (composite glyphs with their components), ids unchanged', () => {
    const program = readFileSync(path.join(STAMP_DIR, 'stamp-subset.ttf'));
    const ids = new Map(table.glyphs.map(([code, glyphIds]) => [String.fromCodePoint(code), glyphIds[0]!]));
    const drawn = [...'ïéÅi"·ß€'].map((ch) => ids.get(ch)!);
    const trimmed = keepGlyphs(program, drawn);
    expect(trimmed.length).toBeLessThan(program.length / 4);
    const before = fontkit.create(Buffer.from(program)) as Font;
    const after = fontkit.create(Buffer.from(trimmed)) as Font;
    expect(after.numGlyphs).toBe(before.numGlyphs);
    for (const id of drawn) {
      expect(after.getGlyph(id)!.path.toSVG(), `glyph ${id}`).toBe(before.getGlyph(id)!.path.toSVG());
      expect(after.getGlyph(id)!.path.toSVG().length).toBeGreaterThan(10);
      expect(after.getGlyph(id)!.advanceWidth).toBe(before.getGlyph(id)!.advanceWidth);
    }
    expect(after.getGlyph(ids.get('Z')!)!.path.toSVG()).toBe('');
    expect(before.getGlyph(ids.get('Z')!)!.path.toSVG()).not.toBe('');
  });
});
