// Attachments whose content leaves the graphics state unbalanced (`q` without `Q`, often with a `cm`)
// would make a stamp drawn after them land scaled, shifted or clipped. Count the unclosed saves and
// close them before stamping, so the stamp starts from the page's initial state.

import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFStream, type PDFPage } from '@cantoo/pdf-lib';

const WS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export interface SaveBalance {
  /** `Q`s that pop below the stream's starting state (they would pop a wrapper's `q`). */
  underflow: number;
  /** `q`s still open at the end. */
  unclosed: number;
}

/** Net `q` depth at the end of a content stream (never below zero), skipping strings, comments and inline images. */
export function unclosedSaves(bytes: Uint8Array): number {
  return saveBalance(bytes).unclosed;
}

/** How a content stream's saves and restores fail to pair up, skipping strings, comments and inline images. */
export function saveBalance(bytes: Uint8Array): SaveBalance {
  let depth = 0;
  let lowest = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i];
    if (WS[c]) {
      i++;
    } else if (c === 0x25) {
      // % comment
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      // ( literal string ), nested parentheses, backslash escapes
      let level = 1;
      i++;
      while (i < n && level > 0) {
        const s = bytes[i];
        if (s === 0x5c) i += 2;
        else {
          if (s === 0x28) level++;
          else if (s === 0x29) level--;
          i++;
        }
      }
    } else if (c === 0x3c && bytes[i + 1] !== 0x3c) {
      // <hex string>
      while (i < n && bytes[i] !== 0x3e) i++;
      i++;
    } else if (DELIM[c]) {
      i++;
      if (c === 0x2f) while (i < n && !WS[bytes[i]] && !DELIM[bytes[i]]) i++; // /Name
    } else {
      const start = i;
      while (i < n && !WS[bytes[i]] && !DELIM[bytes[i]]) i++;
      const len = i - start;
      if (len === 1) {
        if (c === 0x71) depth++; // q
        else if (c === 0x51) lowest = Math.min(lowest, --depth); // Q
      } else if (len === 2 && c === 0x42 && bytes[start + 1] === 0x49) {
        // BI … ID <binary> EI: skip to an EI surrounded by whitespace
        while (i < n && !(bytes[i] === 0x49 && bytes[i + 1] === 0x44 && WS[bytes[i + 2]])) i++;
        i += 3;
        while (i < n && !(WS[bytes[i - 1]] && bytes[i] === 0x45 && bytes[i + 1] === 0x49 && (i + 2 >= n || WS[bytes[i + 2]]))) i++;
        i += 2;
      }
    }
  }
  return { underflow: Math.abs(lowest), unclosed: depth - lowest };
}

/** Content streams are checked for bombs by the loader; this cap only guards against surprises. */
const MAX_CONTENT_BYTES = 64 * 1024 * 1024;

function streamBytes(stream: PDFStream): Uint8Array | undefined {
  try {
    if (!(stream instanceof PDFRawStream)) return stream.getContents();
    const filter = stream.dict.lookup(PDFName.of('Filter'));
    const only = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
    if (only === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
      // Node's zlib is many times faster than pdf-lib's JavaScript inflater.
      try {
        return inflateSync(stream.getContents(), { maxOutputLength: MAX_CONTENT_BYTES });
      } catch {
        // Damaged stream: let pdf-lib's tolerant decoder make what it can of it.
      }
    }
    return decodePDFRawStream(stream).decode();
  } catch {
    return undefined;
  }
}

/**
 * Make the page's content balanced: `q`s in front for restores that would pop below the start,
 * `Q`s at the end for saves left open. Returns how many operators were added.
 */
export function balanceGraphicsState(page: PDFPage): number {
  const ctx = page.node.context;
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents ? ctx.lookup(contents) : undefined;
  const streams: PDFStream[] = [];
  if (resolved instanceof PDFStream) streams.push(resolved);
  else if (resolved instanceof PDFArray) {
    for (let i = 0; i < resolved.size(); i++) {
      const s = resolved.lookup(i);
      if (s instanceof PDFStream) streams.push(s);
    }
  }
  if (streams.length === 0) return 0;
  // Streams of one page are one content sequence; concatenating is enough for counting.
  const parts = streams.map(streamBytes);
  if (parts.some((p) => p === undefined)) return 0;
  const total = parts.reduce((len, p) => len + p!.length + 1, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    all.set(p!, offset);
    all[offset + p!.length] = 0x0a;
    offset += p!.length + 1;
  }
  const { underflow, unclosed } = saveBalance(all);
  if (underflow === 0 && unclosed === 0) return 0;
  const list = resolved instanceof PDFArray ? resolved : (ctx.obj([contents!]) as PDFArray);
  if (underflow > 0) list.insert(0, ctx.register(ctx.flateStream('q\n'.repeat(underflow))));
  if (unclosed > 0) list.push(ctx.register(ctx.flateStream('\nQ'.repeat(unclosed) + '\n')));
  if (!(resolved instanceof PDFArray)) page.node.set(PDFName.of('Contents'), list);
  return underflow + unclosed;
}
