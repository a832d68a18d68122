// The layout thread's glyph check reads the font's cmap itself; fontkit is the oracle.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import { describe, expect, it } from 'vitest';
import { glyphCoverage } from '../../src/render/glyph-coverage.js';
import { FONTS_DIR } from '../../src/util/paths.js';

const FONTS = readdirSync(FONTS_DIR).filter((f) => /\.(ttf|otf)$/i.test(f));

describe('glyph coverage from the cmap', () => {
  it('has fonts to check', () => {
    expect(FONTS.length).toBeGreaterThan(0);
  });

  it.each(FONTS)('agrees with fontkit on every code point of the BMP and plane 1: %s', (name) => {
    const bytes = readFileSync(path.join(FONTS_DIR, name));
    const ours = glyphCoverage(bytes);
    const oracle = fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in oracle)) throw new Error(`${name} is a collection`);
    const disagree: number[] = [];
    let covered = 0;
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const expected = oracle.hasGlyphForCodePoint(cp);
      if (expected) covered++;
      if (ours.hasGlyphForCodePoint(cp) !== expected) disagree.push(cp);
    }
    expect(covered).toBeGreaterThan(500);
    expect(disagree.slice(0, 10)).toEqual([]);
    // Latin with diacritics is in, a CJK ideograph and an emoji are not.
    expect(['é', 'Ł', '€'].every((c) => ours.hasGlyphForCodePoint(c.codePointAt(0)!))).toBe(true);
    expect(ours.hasGlyphForCodePoint(0x4e2d)).toBe(false);
    expect(ours.hasGlyphForCodePoint(0x1f600)).toBe(false);
  });

  it('refuses a file without a cmap table', () => {
    expect(() => glyphCoverage(new Uint8Array(12))).toThrow(/cmap/);
  });
});
