// The text thread: reads attachment text (text-work.ts), one file per message, in the order sent. The
// main thread bounds it: a file that takes too long ends the thread, and its heap is limited
// (text-reader.ts).

import { parentPort } from 'node:worker_threads';
import { primeTextReader } from '../pdf/fast-text/job.js';
import { handleTextRequest, type TextRequest } from './text-work.js';

// Ready for the first file before it comes (the loader started this thread early).
primeTextReader();

// Whatever pdfjs prints belongs to no one's terminal.
console.log = () => {};
console.warn = () => {};
console.error = () => {};

// Handled one after another, so each file's time is its own. A file's answer goes back before its
// cache entry is written; the entries are written when no file is waiting (this thread is usually
// behind the loader, so that is mostly after the last file, while the main thread runs its checks),
// and at `flush` at the latest: writing one costs ~0.3 ms, which the next file should not wait for.
let queue: Promise<unknown> = Promise.resolve();
let received = 0;
let handled = 0;
const writes: (() => void)[] = [];
const writeAll = (): void => {
  for (let write = writes.shift(); write; write = writes.shift()) write();
};
parentPort?.on('message', (message: { id: number; request: TextRequest } | { flush: true }) => {
  if ('flush' in message) {
    queue = queue.then(() => {
      writeAll();
      parentPort?.postMessage({ flushed: true });
    });
    return;
  }
  received++;
  queue = queue.then(async () => {
    const result = await handleTextRequest(message.request, writes).catch((err: unknown) => ({ ok: false as const, reason: 'onleesbaar' as const, detail: String(err) }));
    parentPort?.postMessage({ id: message.id, result });
    handled++;
    // After the messages that have come in meanwhile are taken in: none waiting, so write now.
    setImmediate(() => received === handled && writeAll());
  });
});
