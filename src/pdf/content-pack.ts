// Decoded content streams kept for the text reader, each known by its stream: the loader's scan
// decodes every page's content anyway. Nothing is copied: a stream's bytes are kept as decoded, and
// the buffers that decoding made (a buffer of their own, not a view of the file) are handed to the
// text thread as they are (transferred with the job, job.ts); anything else is copied once, there.
// With them, the page list of the loader's walk of the page tree.

import type { PDFObject } from '@cantoo/pdf-lib';
import type { PageEntry } from './page-tree.js';

/** A stream's decoded bytes; null: it could not be decoded. */
export type Kept = Uint8Array | null;

export class ContentPack {
  private readonly kept = new Map<PDFObject, Kept>();
  /** Buffers made by decoding, which nothing but the kept bytes uses. */
  private readonly own = new Set<ArrayBufferLike>();
  /** The pages as the loader's check of the page tree found them (page-tree.ts), so the text reader need not walk it again. */
  pages?: readonly PageEntry[];

  has(stream: PDFObject): boolean {
    return this.kept.has(stream);
  }

  /** The stream's decoded bytes; undefined when they were not kept. */
  get(stream: PDFObject): Kept | undefined {
    return this.kept.get(stream);
  }

  /**
   * Keep a stream's decoded bytes (null: it could not be decoded). `encoded`: the stream's own bytes;
   * decoded bytes in another buffer were made by the decoder and are this pack's to hand over.
   */
  add(stream: PDFObject, bytes: Kept, encoded?: Uint8Array): void {
    this.kept.set(stream, bytes);
    // Never a buffer of Node's small-Buffer pool, which holds other Buffers too (decoders do not
    // return those, but handing one over would empty every Buffer in it).
    if (bytes && encoded && bytes.buffer !== encoded.buffer && bytes.buffer.byteLength > Buffer.poolSize) this.adopt(bytes);
  }

  /** Bytes in a buffer of their own, made for this pack (a copy, or streams joined). */
  adopt(bytes: Uint8Array): void {
    if (!(bytes.buffer instanceof SharedArrayBuffer)) this.own.add(bytes.buffer);
  }

  /** Is `bytes` in a buffer of this pack's own (one that can be handed over)? */
  owns(bytes: Uint8Array): boolean {
    return this.own.has(bytes.buffer);
  }

  /** The pack's own buffers, to hand over (transfer) with the job. */
  buffers(): ArrayBuffer[] {
    return [...this.own] as ArrayBuffer[];
  }
}
