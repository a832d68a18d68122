// Does the file's cross-reference table fit its objects? pdf-lib never reads the table (it finds
// objects by reading the file in order), so a broken table costs nothing there, but other readers
// do use it: qpdf calls such a file damaged and rebuilds the table. So do we, and say so. Only the
// slices the table points at are read, never the whole file as text.

const MAX_SECTIONS = 64;
const MAX_ENTRIES = 5_000_000;

/** Readers look for `startxref` in the file's last 1024 bytes (qpdf, Acrobat). */
const TAIL = 1024;

/** The number after the last `startxref` near the end, if any. */
function startXref(buf: Buffer): number | undefined {
  const at = buf.lastIndexOf('startxref');
  if (at < 0 || at < buf.length - TAIL) return undefined;
  const m = /^startxref[\0\t\n\f\r ]+(\d{1,12})/.exec(buf.toString('latin1', at, at + 40));
  return m ? Number(m[1]) : undefined;
}

const slice = (buf: Buffer, at: number, length: number): string => buf.toString('latin1', at, Math.min(buf.length, at + length));

/** Is there `num gen obj` at `offset` (after whitespace)? */
function objectAt(buf: Buffer, offset: number, num: number, gen: number): boolean {
  if (offset <= 0 || offset >= buf.length) return false;
  const m = /^[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj/.exec(slice(buf, offset, 48));
  return m !== null && Number(m[1]) === num && Number(m[2]) === gen;
}

/** The text of the first dictionary in `text`, up to its matching `>>`. */
function dictText(text: string): string {
  let depth = 0;
  for (let i = text.indexOf('<<'); i >= 0 && i < text.length - 1; i++) {
    if (text[i] === '<' && text[i + 1] === '<') depth++, i++;
    else if (text[i] === '>' && text[i + 1] === '>') {
      if (--depth === 0) return text.slice(0, i + 2);
      i++;
    }
  }
  return text;
}

/** Check one classic table at `offset`; returns the trailer's /Prev and /XRefStm, or false. */
function checkTable(buf: Buffer, offset: number, shift: number, budget: { entries: number }): { prev?: number; stm?: number } | false {
  let at = offset + /^[\0\t\n\f\r ]*/.exec(slice(buf, offset, 64))![0].length + 4;
  for (;;) {
    const head = /^[\0\t\n\f\r ]*(\d+)[ \t]+(\d+)[ \t]*\r?\n?/.exec(slice(buf, at, 64));
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    at += head[0].length;
    if ((budget.entries -= count) < 0) return false;
    for (let i = 0; i < count; i++) {
      const row = /^[\0\t\n\f\r ]*(\d{1,10})[ ]+(\d{1,5})[ ]+([nf])/.exec(slice(buf, at, 40));
      if (!row) return false;
      at += row[0].length;
      if (row[3] === 'n' && Number(row[1]) > 0 && !objectAt(buf, Number(row[1]) + shift, first + i, Number(row[2]))) return false;
    }
  }
  const trailer = /^[\0\t\n\f\r ]*trailer[\0\t\n\f\r ]*<</.exec(slice(buf, at, 64));
  if (!trailer) return false;
  const dict = dictText(slice(buf, at, 4096));
  const prev = /\/Prev[\0\t\n\f\r ]+(\d+)/.exec(dict);
  const stm = /\/XRefStm[\0\t\n\f\r ]+(\d+)/.exec(dict);
  // A /Prev that is not a number breaks the chain of updates.
  if (!prev && /\/Prev\b/.test(dict)) return false;
  return { prev: prev ? Number(prev[1]) : undefined, stm: stm ? Number(stm[1]) : undefined };
}

/** A cross-reference stream at `offset`: an object with `/Type /XRef`; returns its /Prev, or false. */
function checkStream(buf: Buffer, offset: number): { prev?: number } | false {
  const m = /^[\0\t\n\f\r ]*\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj/.exec(slice(buf, offset, 48));
  if (!m) return false;
  const head = slice(buf, offset, 4096);
  const dict = dictText(head);
  if (!/\/Type[\0\t\n\f\r ]*\/XRef\b/.test(dict)) return false;
  const prev = /\/Prev[\0\t\n\f\r ]+(\d+)/.exec(dict);
  return { prev: prev ? Number(prev[1]) : undefined };
}

/**
 * True when `startxref` leads to cross-reference sections (tables or streams, following /Prev and
 * /XRefStm) and every in-use entry of the tables points at its object. Offsets may count from the
 * file's first byte or from `%PDF-` (junk before the header).
 */
export function xrefIsSound(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = startXref(buf);
  if (start === undefined) return false;
  const header = buf.indexOf('%PDF-');
  const shifts = header > 0 ? [0, header] : [0];
  return shifts.some((shift) => {
    const budget = { entries: MAX_ENTRIES };
    const pending = [start];
    const seen = new Set<number>();
    while (pending.length > 0) {
      const raw = pending.pop()!;
      if (seen.has(raw)) continue;
      if (seen.size >= MAX_SECTIONS) return false;
      seen.add(raw);
      const offset = raw + shift;
      if (offset <= 0 || offset >= buf.length) return false;
      const isTable = /^[\0\t\n\f\r ]*xref/.test(slice(buf, offset, 40));
      const result: { prev?: number; stm?: number } | false = isTable ? checkTable(buf, offset, shift, budget) : checkStream(buf, offset);
      if (!result) return false;
      if (result.prev !== undefined) pending.push(result.prev);
      if (result.stm !== undefined) pending.push(result.stm);
    }
    return true;
  });
}
