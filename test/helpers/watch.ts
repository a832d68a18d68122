// `bundel build --bewaken` run in-process for a test: its output collected, its builds counted, and
// a bounded wait for what it should do next. Stop it with `stop()` (in a finally).

import { main } from '../../src/cli/main.js';

export interface Watching {
  stdout(): string;
  stderr(): string;
  /** How many bundles were made so far ("Bundel gemaakt" lines). */
  made(): number;
  /** Abort the watch and return its exit code. */
  stop(): Promise<number>;
}

export function startWatch(args: string[]): Watching {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const done = main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    color: false,
    env: process.env,
    signal: controller.signal,
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    made: () => stdout.split('\n').filter((l) => l.includes('Bundel gemaakt')).length,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

/** Poll `condition` every 100 ms; fail after `ms`. */
export async function until(what: string, condition: () => boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
