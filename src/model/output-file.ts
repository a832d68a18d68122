/** A file a command will write: made in memory by the pipeline, put on disk by src/write only. */
export interface OutputFile {
  /** Absolute path. */
  path: string;
  data: Uint8Array | string;
}
