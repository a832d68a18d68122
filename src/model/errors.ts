// Errors that stop a run: a stable code, a Dutch message and a hint. Anything else is an internal error.

export class BundelError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly file?: string;
  /** Exit code the CLI uses: 1 for problems with the input, 2 for usage errors. */
  readonly exitCode: 1 | 2;

  constructor(code: string, message: string, options: { hint?: string; file?: string; exitCode?: 1 | 2; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BundelError';
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    this.exitCode = options.exitCode ?? 1;
  }
}
