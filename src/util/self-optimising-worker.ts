// A worker thread whose V8 isolate optimises its code on its own thread (the text thread). On a
// machine with few cores V8's shared helper threads serve the main thread's compiles and garbage
// collection; the worker's isolate is made without V8's concurrent optimising compiler, so the code
// it optimises is compiled on the worker's own thread instead of taking turns with those. V8 reads
// that setting when it creates an isolate: it is switched off just while the worker's isolate is made
// and on again when the worker is running. This changes where the work runs, never what it gives;
// where it cannot be done (a Node without the setting) nothing changes.
//
// The worker keeps the main thread's priority. It used to lower its own (nice 10, as background work),
// but the lint waits for its texts: on a quiet two-core machine a cold lint of the bench meeting was
// 20-48 ms slower with it, and with two CPU-bound processes beside it 6.0 s instead of 1.6 s, the text
// thread starved (and a file's text has a time budget). See docs/performance.md, "Night, later".

import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

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
export function startSelfOptimisingWorker(file: string | URL, options: WorkerOptions): Worker {
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
