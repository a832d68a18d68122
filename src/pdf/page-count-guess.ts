// A PDF's page count guessed from its bytes without parsing it: the largest `/Count` of a
// `/Type /Pages` dictionary written in the open (not packed into an object stream). Only good for
// starting work early (the build lays out memos while the attachments are still being checked);
// the count that counts comes from the checked page tree.

const PAGES = Buffer.from('/Pages');
const COUNT = Buffer.from('/Count');
const DICT_START = Buffer.from('<<');
const END_OBJ = Buffer.from('endobj');
/** How far a `/Type /Pages` may be from its dictionary's start, and `/Count` from there (a long `/Kids` array comes between). */
const DICT_REACH = 512;
const COUNT_REACH = 1 << 20;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The guess, or undefined when no page tree node is in the open (or its count is not a plain number). */
export function guessPageCount(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: number | undefined;
  for (let at = buf.indexOf(PAGES); at >= 0; at = buf.indexOf(PAGES, at + PAGES.length)) {
    // `/Pages` as a whole name after `/Type` (not the catalog's `/Pages 3 0 R`).
    const after = buf[at + PAGES.length];
    if (after !== undefined && !isSpace(after) && after !== 0x2f && after !== 0x3e) continue;
    let back = at - 1;
    while (back >= 0 && isSpace(buf[back])) back--;
    if (back < 4 || buf.toString('latin1', back - 4, back + 1) !== '/Type') continue;
    const start = buf.lastIndexOf(DICT_START, back);
    if (start < 0 || back - start > DICT_REACH) continue;
    const end = buf.indexOf(END_OBJ, at);
    const limit = Math.min(end < 0 ? buf.length : end, start + COUNT_REACH);
    const countAt = buf.indexOf(COUNT, start);
    if (countAt < 0 || countAt > limit) continue;
    let p = countAt + COUNT.length;
    while (p < limit && isSpace(buf[p])) p++;
    const digitsFrom = p;
    while (p < limit && isDigit(buf[p]) && p - digitsFrom < 9) p++;
    if (p === digitsFrom) continue;
    const n = Number(buf.toString('latin1', digitsFrom, p));
    // `/Count 12 0 R`: an indirect count, not worth following for a guess.
    let q = p;
    while (q < limit && isSpace(buf[q])) q++;
    if (isDigit(buf[q] ?? 0)) continue;
    if (best === undefined || n > best) best = n;
  }
  return best;
}
