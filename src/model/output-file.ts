/** A file a command will write: made in memory by the pipeline, put on disk by src/write only. */
export interface OutputFile {
  /** Absolute path. */
  path: string;
  data: Uint8Array | string | ByteChunks;
}

/**
 * Bytes kept as the pieces they were made in (the bundle PDF: object by object, stream data still
 * views of the source files), written in order by src/write and joined only when asked for, so the
 * whole file never has to be in memory twice.
 */
export class ByteChunks {
  readonly length: number;

  constructor(readonly chunks: readonly Uint8Array[]) {
    let n = 0;
    for (const c of chunks) n += c.length;
    this.length = n;
  }

  /** All bytes in one new buffer. */
  join(): Uint8Array {
    return Buffer.concat(this.chunks, this.length);
  }
}

/** The bytes (or text) of `data` in one piece. */
export const wholeData = (data: OutputFile['data']): Uint8Array | string => (data instanceof ByteChunks ? data.join() : data);
