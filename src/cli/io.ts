// What the CLI reads and writes besides files: injected, so tests run `main(argv, io)` in-process.

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
  /** Ends long-running commands (`build --bewaken`); without it they stop on Ctrl-C (SIGINT). */
  signal?: AbortSignal;
  /** The current directory; default `process.cwd()`. Paths in output are relative to it. */
  cwd?: string;
}

export function defaultIo(): Io {
  const env = process.env;
  const isTTY = Boolean(process.stderr.isTTY);
  const color = !('NO_COLOR' in env) && (env.FORCE_COLOR !== undefined ? env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY));
  return { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), isTTY, color, env };
}
