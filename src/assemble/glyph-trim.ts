// A TrueType font with only some glyphs left: every other glyph made empty (its outline dropped),
// glyph ids unchanged, so a CIDFontType2 with CIDToGIDMap /Identity draws the kept ones as before.
// Used for the precomputed stamp font (stamp-font.ts): the bundle carries the outlines of the
// characters its stamps draw, not of all 346 the table covers.

/** `font` (glyf/loca TrueType) with the outlines of `keep` (and .notdef, and their components) only. */
export function keepGlyphs(font: Uint8Array, keep: Iterable<number>): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables: { tag: string; data: Uint8Array }[] = [];
  const at = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const data = font.subarray(offset, offset + view.getUint32(record + 12));
    tables.push({ tag, data });
    at.set(tag, data);
  }
  const head = at.get('head');
  const maxp = at.get('maxp');
  const loca = at.get('loca');
  const glyf = at.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font;
  const dv = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const long = dv(head).getInt16(50) === 1;
  const count = dv(maxp).getUint16(4);
  const locaView = dv(loca);
  const offsetOf = (gid: number): number => (long ? locaView.getUint32(4 * gid) : 2 * locaView.getUint16(2 * gid));
  const glyph = (gid: number): Uint8Array => glyf.subarray(offsetOf(gid), offsetOf(gid + 1));

  // Kept glyphs, with the components of composite ones.
  const kept = new Set<number>();
  const todo = [0, ...keep];
  while (todo.length) {
    const gid = todo.pop()!;
    if (gid < 0 || gid >= count || kept.has(gid)) continue;
    kept.add(gid);
    const g = glyph(gid);
    if (g.length < 10 || dv(g).getInt16(0) >= 0) continue;
    const gv = dv(g);
    for (let p = 10; p + 4 <= g.length; ) {
      const flags = gv.getUint16(p);
      todo.push(gv.getUint16(p + 2));
      p += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  }

  // glyf and loca again: kept outlines padded to 4 bytes, the rest empty; loca in the same format.
  const parts: Uint8Array[] = [];
  const newLoca = new Uint8Array(loca.length);
  const newLocaView = dv(newLoca);
  let size = 0;
  for (let gid = 0; gid <= count; gid++) {
    if (long) newLocaView.setUint32(4 * gid, size);
    else newLocaView.setUint16(2 * gid, size / 2);
    if (gid === count || !kept.has(gid)) continue;
    const g = glyph(gid);
    parts.push(g);
    size += g.length;
    const pad = (4 - (g.length % 4)) % 4;
    if (pad) parts.push(new Uint8Array(pad));
    size += pad;
  }
  const newGlyf = new Uint8Array(size);
  let p = 0;
  for (const part of parts) {
    newGlyf.set(part, p);
    p += part.length;
  }
  const newHead = head.slice();
  dv(newHead).setUint32(8, 0); // checkSumAdjustment, set below
  const replaced = new Map([['glyf', newGlyf], ['loca', newLoca], ['head', newHead]]);
  return assemble(tables.map(({ tag, data }) => ({ tag, data: replaced.get(tag) ?? data })), font.subarray(0, 12));
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  return sum;
}

/** The font file: the offset table as before, the table records in order, each table 4-aligned. */
function assemble(tables: { tag: string; data: Uint8Array }[], offsetTable: Uint8Array): Uint8Array {
  let size = 12 + 16 * tables.length;
  const offsets = tables.map(({ data }) => {
    const offset = size;
    size += Math.ceil(data.length / 4) * 4;
    return offset;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(offsetTable);
  tables.forEach(({ tag, data }, i) => {
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(data));
    view.setUint32(record + 8, offsets[i]!);
    view.setUint32(record + 12, data.length);
    out.set(data, offsets[i]!);
  });
  const head = tables.findIndex((t) => t.tag === 'head');
  if (head >= 0) view.setUint32(offsets[head]! + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
