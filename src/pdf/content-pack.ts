// Decoded content streams kept for the text reader, one after another in one growing buffer, each
// known by its stream: the loader's scan decodes every page's content anyway, and the text thread is
// handed the whole buffer at once (transferred, not copied, and not one object per stream to collect).

import type { PDFObject } from '@cantoo/pdf-lib';

/** Where a stream's bytes are in the pack (start, end); null: it could not be decoded. */
export type Span = readonly [number, number] | null;

export class ContentPack {
  private buffer = new Uint8Array(256 * 1024);
  private length = 0;
  private readonly spans = new Map<PDFObject, Span>();

  has(stream: PDFObject): boolean {
    return this.spans.has(stream);
  }

  /** Where the stream's decoded bytes are; undefined when they were not kept. */
  span(stream: PDFObject): Span | undefined {
    return this.spans.get(stream);
  }

  /** Keep a stream's decoded bytes (null: it could not be decoded). */
  add(stream: PDFObject, bytes: Uint8Array | null): void {
    this.spans.set(stream, bytes ? this.append(bytes) : null);
  }

  /** Bytes at the end of the pack. */
  append(bytes: Uint8Array): readonly [number, number] {
    const start = this.length;
    if (start + bytes.length > this.buffer.length) {
      // Four times as large: fewer copies (memory not written to costs nothing).
      const bigger = new Uint8Array(Math.max(this.buffer.length * 4, start + bytes.length));
      bigger.set(this.buffer.subarray(0, start));
      this.buffer = bigger;
    }
    this.buffer.set(bytes, start);
    this.length += bytes.length;
    return [start, this.length];
  }

  /** The bytes of a span. */
  bytes(span: readonly [number, number]): Uint8Array {
    return this.buffer.subarray(span[0], span[1]);
  }

  /** Everything kept (a view of the buffer, which may be longer). */
  all(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
