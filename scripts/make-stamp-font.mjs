// Makes the precomputed stamp font (issue 18): from templates/fonts/SourceSans3-Regular.ttf a
// TrueType subset holding the glyphs of the characters page stamps use (Latin-1, WinAnsi's extras
// such as € ‘ ’ “ ” – — • …, Latin Extended-A), and a table of code point → glyph ids and advance
// widths, so a build writes the stamp font without loading fontkit (src/assemble/stamp-font.ts).
// A stamp with any other character falls back to fontkit. Run by hand after changing the font or
// the character list; the output is committed, and test/assemble/stamp-font.test.ts checks that
// running this again gives the committed bytes.
//   node scripts/make-stamp-font.mjs            write templates/fonts/stamp/
//   node scripts/make-stamp-font.mjs --check    exit 1 when the committed files differ

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@cantoo/fontkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(root, 'templates/fonts/SourceSans3-Regular.ttf');
const OUT = path.join(root, 'templates/fonts/stamp');

/** The characters: printable ASCII and Latin-1, WinAnsi's 0x80–0x9F extras, Latin Extended-A, and a few more. */
export function stampCharacters() {
  const codes = [];
  for (let c = 0x20; c <= 0x7e; c++) codes.push(c);
  for (let c = 0xa0; c <= 0x17f; c++) codes.push(c);
  const extra = '€‚ƒ„…†‡ˆ‰‹Œ‘’“”•–—˜™›Ÿ‐‑‒―′″№';
  for (const ch of extra) codes.push(ch.codePointAt(0));
  return [...new Set(codes)].sort((a, b) => a - b);
}

/** The subset font's bytes and its table, as JSON text. */
export function makeStampFont(source = readFileSync(SOURCE)) {
  const font = fontkit.create(source);
  const subset = font.createSubset();
  const scale = 1000 / font.unitsPerEm;
  const glyphs = [];
  for (const code of stampCharacters()) {
    const ch = String.fromCodePoint(code);
    // As pdf-lib's encodeText and widthOfTextAtSize see one character: laid out, with the default features.
    const laid = font.layout(ch).glyphs;
    if (laid.length === 0 || laid.some((g) => g.id === 0)) continue;
    const ids = laid.map((g) => subset.includeGlyph(g));
    const width = laid.reduce((w, g) => w + g.advanceWidth * scale, 0);
    glyphs.push([code, ids, width]);
  }
  const bytes = Buffer.from(subset.encode());
  const { minX, minY, maxX, maxY } = font.bbox;
  const table = {
    source: 'SourceSans3-Regular.ttf',
    postscriptName: font.postscriptName,
    // As pdf-lib's font descriptor (src: CustomFontEmbedder): bbox and metrics in 1000 units.
    flags: fontFlags(font),
    bbox: [minX * scale, minY * scale, maxX * scale, maxY * scale],
    italicAngle: font.italicAngle,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    capHeight: (font.capHeight || font.ascent) * scale,
    xHeight: (font.xHeight || 0) * scale,
    /** [code point, subset glyph ids, advance width at size 1000]. */
    glyphs,
  };
  return { bytes, json: `${JSON.stringify(table)}\n` };
}

/** The PDF font flags pdf-lib derives (FontFlags.deriveFontFlags): nonsymbolic, serif/fixed/italic from the font. */
function fontFlags(font) {
  const familyClass = font['OS/2'] ? font['OS/2'].sFamilyClass : 0;
  const flags = {
    fixedPitch: font.post.isFixedPitch,
    serif: 1 <= familyClass && familyClass <= 7,
    symbolic: true,
    script: familyClass === 10,
    italic: font.head.macStyle.italic,
  };
  let bits = 0;
  if (flags.fixedPitch) bits |= 1 << 0;
  if (flags.serif) bits |= 1 << 1;
  if (flags.symbolic) bits |= 1 << 2;
  if (flags.script) bits |= 1 << 3;
  if (flags.italic) bits |= 1 << 6;
  return bits;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, json } = makeStampFont();
  const files = [
    [path.join(OUT, 'stamp-subset.ttf'), bytes],
    [path.join(OUT, 'stamp-subset.json'), Buffer.from(json)],
  ];
  if (process.argv.includes('--check')) {
    const stale = files.filter(([file, data]) => {
      try {
        return !readFileSync(file).equals(data);
      } catch {
        return true;
      }
    });
    for (const [file] of stale) console.error(`verouderd: ${path.relative(root, file)} (node scripts/make-stamp-font.mjs)`);
    process.exit(stale.length ? 1 : 0);
  }
  for (const [file, data] of files) writeFileSync(file, data);
  console.log(`${bytes.length} bytes font, ${JSON.parse(json).glyphs.length} characters`);
}
