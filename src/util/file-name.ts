// File names on every system: at most 255 bytes per name (ext4, APFS, NTFS count UTF-8 bytes or
// UTF-16 units; bytes are the stricter). Names are shortened by whole characters as the reader sees
// them (grapheme clusters), so a cut never splits a surrogate pair, an accent from its letter or an
// emoji sequence.

/** The limit of one file or folder name, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

const segmenter = new Intl.Segmenter('nl', { granularity: 'grapheme' });

export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Lone surrogates (half an emoji, from a cut elsewhere) replaced by U+FFFD, as String#toWellFormed does. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `text` cut to at most `maxBytes` UTF-8 bytes, at a grapheme boundary. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const whole = wellFormed(text);
  if (utf8Length(whole) <= maxBytes) return whole;
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(whole)) {
    const size = utf8Length(segment);
    if (bytes + size > maxBytes) break;
    out += segment;
    bytes += size;
  }
  return out;
}
