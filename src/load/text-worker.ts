// The text thread: reads attachment text (text-work.ts), one file per message, in the order sent. The
// main thread bounds it: a file that takes too long ends the thread, and its heap is limited
// (text-reader.ts).

import { parentPort } from 'node:worker_threads';
import { lowerThreadPriority } from '../util/background-thread.js';
import { handleTextRequest, type TextRequest } from './text-work.js';

// Reading text is background work: the main thread's loading and checking come first (background-thread.ts).
lowerThreadPriority();

// Whatever pdfjs prints belongs to no one's terminal.
console.log = () => {};
console.warn = () => {};
console.error = () => {};

// Handled one after another, so each file's time is its own. A file's answer goes back before its
// cache entry is written (at once, before the next file: text-cache.ts), so `flush` finds nothing to
// wait for but the files sent before it.
let queue: Promise<unknown> = Promise.resolve();
parentPort?.on('message', (message: { id: number; request: TextRequest } | { flush: true }) => {
  if ('flush' in message) {
    queue = queue.then(() => parentPort?.postMessage({ flushed: true }));
    return;
  }
  queue = queue.then(async () => {
    const later: (() => void)[] = [];
    const result = await handleTextRequest(message.request, later).catch((err: unknown) => ({ ok: false as const, reason: 'onleesbaar' as const, detail: String(err) }));
    parentPort?.postMessage({ id: message.id, result });
    for (const write of later) write();
  });
});
