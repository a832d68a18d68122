// Which code points a TrueType/OpenType font has a glyph for, read straight from its `cmap` table
// (formats 4 and 12). The layout thread needs only this, and loading fontkit for it cost the
// thread half a second before its first layout.

export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

interface Range {
  start: number;
  end: number;
  /** Format 12: glyph of `start`; format 4: delta and the offset of the glyph index array. */
  glyph: (codePoint: number) => number;
}

/** Reads the font's Unicode cmap subtable; throws when the file has none we can read. */
export function glyphCoverage(font: Uint8Array): GlyphCoverage {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(font[record]!, font[record + 1]!, font[record + 2]!, font[record + 3]!) === 'cmap') cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error('het lettertype heeft geen cmap-tabel');
  // Prefer the full-Unicode subtable (3,10 or 0,4: format 12) over the BMP one (3,1 or 0,3: format 4).
  let best = -1;
  let bestRank = 0;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const offset = cmap + view.getUint32(cmap + 8 + 8 * i);
    const format = view.getUint16(offset);
    const rank = format === 12 && (platform === 3 ? encoding === 10 : platform === 0) ? 2 : format === 4 && (platform === 3 ? encoding === 1 : platform === 0) ? 1 : 0;
    if (rank > bestRank) [best, bestRank] = [offset, rank];
  }
  if (best < 0) throw new Error('het lettertype heeft geen Unicode-cmap van formaat 4 of 12');
  const ranges = bestRank === 2 ? format12(view, best) : format4(view, best);
  return {
    hasGlyphForCodePoint(codePoint: number): boolean {
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = ranges[mid]!;
        if (codePoint < r.start) hi = mid - 1;
        else if (codePoint > r.end) lo = mid + 1;
        else return r.glyph(codePoint) !== 0;
      }
      return false;
    },
  };
}

function format12(view: DataView, offset: number): Range[] {
  const groups = view.getUint32(offset + 12);
  const ranges: Range[] = [];
  for (let i = 0; i < groups; i++) {
    const g = offset + 16 + 12 * i;
    const start = view.getUint32(g);
    const startGlyph = view.getUint32(g + 8);
    ranges.push({ start, end: view.getUint32(g + 4), glyph: (cp) => startGlyph + cp - start });
  }
  return ranges;
}

function format4(view: DataView, offset: number): Range[] {
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const ranges: Range[] = [];
  for (let i = 0; i < segments; i++) {
    const start = view.getUint16(starts + 2 * i);
    const end = view.getUint16(ends + 2 * i);
    const delta = view.getInt16(deltas + 2 * i);
    const rangeOffsetAt = rangeOffsets + 2 * i;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    const glyph =
      rangeOffset === 0
        ? (cp: number) => (cp + delta) & 0xffff
        : (cp: number) => {
            const g = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (cp - start));
            return g === 0 ? 0 : (g + delta) & 0xffff;
          };
    if (start <= end && !(start === 0xffff && end === 0xffff)) ranges.push({ start, end, glyph });
  }
  return ranges;
}
