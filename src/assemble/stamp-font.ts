// The page stamp's font: SourceSans3-Regular, embedded (the bundle may be PDF/A-2b). Written as PDF
// objects from a precomputed subset and table (templates/fonts/stamp/, made by
// scripts/make-stamp-font.mjs), in the structure pdf-lib's subset embedder writes (Type0,
// Identity-H, CIDFontType2 with FontFile2, /W and ToUnicode), so a build needs no fontkit: loading
// it, laying out the first text and subsetting at save cost ~30 ms of a cold build. The font program
// keeps the outlines of the glyphs drawn only (glyph-trim.ts). A stamp with a character outside the
// table (the stamp template is the user's) takes pdf-lib and fontkit, as before.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFName, PDFString, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import { FONTS_DIR } from '../util/paths.js';
import { keepGlyphs } from './glyph-trim.js';

export interface StampFont {
  ref: PDFRef;
  /** The name the font's resource key starts with. */
  name: string;
  /** Glyph ids (hex) and advance width at size 1 of one character. */
  glyph(ch: string): { hex: string; width: number };
}

interface Table {
  postscriptName: string;
  flags: number;
  bbox: number[];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  /** [code point, subset glyph ids, advance width at size 1000]. */
  glyphs: [number, number[], number][];
}

const FONT = path.join(FONTS_DIR, 'SourceSans3-Regular.ttf');
const SUBSET = path.join(FONTS_DIR, 'stamp', 'stamp-subset');
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The stamp font for these texts: the precomputed subset when it has every character, else fontkit's. */
export async function stampFont(doc: PDFDocument, texts: Iterable<string>): Promise<StampFont> {
  const table = JSON.parse(await readFile(`${SUBSET}.json`, 'utf8')) as Table;
  const byChar = new Map(table.glyphs.map(([code, ids, width]) => [String.fromCodePoint(code), { ids, width }]));
  const used = new Set<string>();
  for (const text of texts) for (const ch of text) used.add(ch);
  if ([...used].every((ch) => byChar.has(ch))) return precomputed(doc, table, await readFile(`${SUBSET}.ttf`), [...used].sort(), byChar);
  return fontkitFont(doc);
}

function precomputed(doc: PDFDocument, table: Table, program: Uint8Array, used: string[], byChar: Map<string, { ids: number[]; width: number }>): StampFont {
  const ctx = doc.context;
  // Glyphs drawn, each with the (first) character it stands for, in glyph order.
  const widths = new Map<number, number>();
  const glyphChar = new Map<number, string>();
  for (const ch of used) {
    const { ids, width } = byChar.get(ch)!;
    for (const id of ids) if (!glyphChar.has(id)) glyphChar.set(id, ch);
    if (ids.length === 1) widths.set(ids[0]!, width);
  }
  const ids = [...glyphChar.keys()].sort((a, b) => a - b);
  // /W as runs of consecutive glyph ids: [first [w w w] first [w] …].
  const w: (number | number[])[] = [];
  ids.forEach((id, i) => {
    if (i === 0 || id !== ids[i - 1]! + 1) w.push(id, []);
    (w.at(-1) as number[]).push(widths.get(id) ?? 0);
  });
  const utf16 = (ch: string): string => Array.from({ length: ch.length }, (_, i) => hex4(ch.charCodeAt(i))).join('');
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <<\n  /Registry (Adobe)\n  /Ordering (UCS)\n  /Supplement 0\n>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000><ffff>\nendcodespacerange',
    `${ids.length} beginbfchar`,
    ...ids.map((id) => `<${hex4(id)}> <${utf16(glyphChar.get(id)!)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  // A subset, so a six-letter tag (PDF 9.6.4); fixed, so the same in every bundle.
  const baseFont = PDFName.of(`BUNDEL+${table.postscriptName}`);
  const descriptor = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: table.flags,
      FontBBox: table.bbox,
      ItalicAngle: table.italicAngle,
      Ascent: table.ascent,
      Descent: table.descent,
      CapHeight: table.capHeight,
      XHeight: table.xHeight,
      StemV: 0,
      FontFile2: ctx.register(ctx.flateStream(keepGlyphs(program, ids))),
    }),
  );
  const cidFont = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: w,
    }),
  );
  const ref = ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: ctx.register(ctx.flateStream(cmap)) }),
  );
  return {
    ref,
    name: table.postscriptName,
    glyph(ch) {
      const { ids: glyphIds, width } = byChar.get(ch)!;
      return { hex: glyphIds.map(hex4).join(''), width: width / 1000 };
    },
  };
}

/** Today's path for any other character: fontkit lays the text out and pdf-lib subsets at save. */
async function fontkitFont(doc: PDFDocument): Promise<StampFont> {
  const { default: fontkit } = await import('@cantoo/fontkit');
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(FONT), { subset: true });
  return {
    ref: font.ref,
    name: font.name,
    glyph: (ch) => ({ hex: font.encodeText(ch).asString(), width: font.widthOfTextAtSize(ch, 1) }),
  };
}
