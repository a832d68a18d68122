// Attachments whose content leaves the graphics state unbalanced (`q` without `Q`, often with a `cm`)
// would make a stamp drawn after them land scaled, shifted or clipped. Count the unclosed saves and
// close them before stamping, so the stamp starts from the page's initial state.

import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFStream, type PDFPage } from '@cantoo/pdf-lib';
import { joinContent, saveBalance, type SaveBalance } from '../pdf/content-balance.js';

export { saveBalance, unclosedSaves, type SaveBalance } from '../pdf/content-balance.js';

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

/** Streams of one page are one content sequence; concatenating is enough for counting. */
function countStreams(streams: PDFStream[]): SaveBalance | undefined {
  const parts = streams.map(streamBytes);
  if (parts.some((p) => p === undefined)) return undefined;
  return saveBalance(joinContent(parts as Uint8Array[]));
}

/**
 * Make the page's content balanced: `q`s in front for restores that would pop below the start,
 * `Q`s at the end for saves left open. `known`: the counts the loader already made for this page.
 * Returns how many operators were added.
 */
export function balanceGraphicsState(page: PDFPage, known?: SaveBalance): number {
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
  // A raw-copied page's streams are not objects of the output document: only `known` counts.
  if (streams.length === 0 && !(known && resolved instanceof PDFArray)) return 0;
  const balance = known ?? countStreams(streams);
  if (!balance) return 0;
  const { underflow, unclosed } = balance;
  if (underflow === 0 && unclosed === 0) return 0;
  const list = resolved instanceof PDFArray ? resolved : (ctx.obj([contents!]) as PDFArray);
  if (underflow > 0) list.insert(0, ctx.register(ctx.flateStream('q\n'.repeat(underflow))));
  if (unclosed > 0) list.push(ctx.register(ctx.flateStream('\nQ'.repeat(unclosed) + '\n')));
  if (!(resolved instanceof PDFArray)) page.node.set(PDFName.of('Contents'), list);
  return underflow + unclosed;
}
