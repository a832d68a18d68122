// A background thread (the text thread) that gives way to the main thread. On a machine with few cores
// the main thread's loading and checking is the critical path of a lint; a worker at the same priority
// takes turns with it, and so do V8's shared helper threads when they compile the worker's code. So:
// - the worker lowers its own priority (Linux: a thread has its own nice value, set by its thread id);
// - the worker's isolate is made without V8's concurrent optimising compiler, so the code it optimises
//   is compiled on the worker's own (lower-priority) thread, not on the helper threads the main thread's
//   compiles and garbage collection use. V8 reads that setting when it creates an isolate: it is switched
//   off just while the worker's isolate is made and on again when the worker is running.
// Both only change where and when the work runs, never what it gives; where they cannot be done
// (another system, a Node without the setting) nothing changes.

import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The nice value of a background thread. Not the lowest (19): under a heavy load a thread that low is
 * starved for seconds, and the text of a file has a time budget (text-reader.ts); at 10 it still gets
 * about a tenth of what a normal thread gets when they compete, and all of a core nobody else wants.
 */
export const BACKGROUND_NICE = 10;

/** This thread's id (Linux, from /proc/thread-self); undefined elsewhere. */
export function threadId(): number | undefined {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lower the calling thread's priority to `nice` (higher is lower; a process may always lower its own,
 * never raise it back). A thread already that low or lower is left as it is. Whether it was done; never throws.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): boolean {
  const id = process.platform === 'linux' ? threadId() : undefined;
  if (id === undefined) return false;
  try {
    if (getPriority(id) < nice) setPriority(id, nice);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the setting could be given (false only if Node refuses to change V8's settings at all). A flag
 * V8 does not know is not an exception: V8 prints "unrecognized flag" on stderr; the smoke tests, which
 * want a lint's stderr empty, catch that on a Node whose V8 has renamed it.
 */
function setV8Flag(flag: string): boolean {
  try {
    setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

/** The latest the setting is switched on again, whatever happens to the worker. */
const RESTORE_AFTER_MS = 5_000;

/** A worker whose isolate optimises its code on its own thread (see above). */
export function startBackgroundWorker(file: string | URL, options: WorkerOptions): Worker {
  const switched = setV8Flag('--no-concurrent-recompilation');
  try {
    const worker = new Worker(file, options);
    // The isolate exists once the worker runs (or failed to start): from then on, new isolates and the
    // main thread's compiles are as before.
    if (switched) {
      let restored = false;
      const restore = (): void => {
        if (restored) return;
        restored = true;
        clearTimeout(fallback);
        setV8Flag('--concurrent-recompilation');
      };
      worker.once('online', restore);
      worker.once('error', restore);
      worker.once('exit', restore);
      // Also when the caller removed those listeners before the worker ran (it was closed at once).
      const fallback = setTimeout(restore, RESTORE_AFTER_MS);
      fallback.unref();
    }
    return worker;
  } catch (err) {
    if (switched) setV8Flag('--concurrent-recompilation');
    throw err;
  }
}
