// Reads attachment text, bounded: on its own thread (the bundled CLI) with a limited heap, so it runs
// beside the loader's parsing of the next files, and ended when a file takes longer than its budget;
// in this thread when the worker file is not there (tests of the TypeScript sources), with the budget
// checked as the text is read. Files are sent as soon as they are asked for and answered in order.
// Streams that pdfjs inflates (content, fonts) were already checked against decompression bombs by
// the loader's inspection, so external memory stays bounded too.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startSelfOptimisingWorker } from '../util/self-optimising-worker.js';
import { handleTextRequest, type TextRequest, type TextResult } from './text-work.js';

export type { TextRequest, TextResult } from './text-work.js';

export interface TextReader {
  read(request: TextRequest): Promise<TextResult>;
  /** Start the thread now (a file will be read soon): it loads its code while this thread parses. */
  warm(): void;
  close(): Promise<void>;
}

/**
 * Time for one file: 30 s and 5 s per MiB. Generous (a page takes milliseconds): it is there to stop a
 * file that never ends, not to race a busy machine. A new thread gets 20 s more to start (pdfjs).
 */
export function textBudgetMs(size: number): number {
  return 30_000 + 5_000 * Math.ceil(size / (1024 * 1024));
}
const THREAD_START_MS = 20_000;

/** How long the thread may go on writing the cache after the last answer. */
const FLUSH_MS = 10_000;

/** Heap of the text thread. */
const HEAP_MB = 1024;

function inThread(): TextReader {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read(request) {
      // pdfjs may hold on to what it is given; the loader's copy stays untouched.
      const own: TextRequest = request.kind === 'pdfjs' ? { ...request, bytes: request.bytes.slice() } : request;
      const result = queue.then(() => handleTextRequest(own));
      queue = result.catch(() => {});
      return result;
    },
    warm: () => {},
    close: async () => {
      await queue;
    },
  };
}

interface Pending {
  id: number;
  request: TextRequest;
  resolve: (result: TextResult) => void;
}

export function createTextReader(options: { thread?: boolean } = {}): TextReader {
  // Beside this module in the bundle's entry, one folder up from a bundled chunk.
  const workerFile = ['./text-worker.js', '../text-worker.js'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((f) => existsSync(f));
  if (options.thread === false || process.env.BUNDEL_THREADS === '0' || !workerFile) return inThread();

  let worker: Worker | undefined;
  /** The thread has answered once (it has started). */
  let started = false;
  let nextId = 1;
  /** Sent and not answered, oldest first: the thread answers in this order. */
  const pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let idle: (() => void) | undefined;

  // A job's data is handed over, not copied: the thread is its only reader.
  const post = (p: Pending): void => worker!.postMessage({ id: p.id, request: p.request }, p.request.kind === 'fast' ? p.request.job.buffers : []);

  /** The clock runs for the oldest file only: the ones behind it wait their turn. */
  const arm = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const head = pending[0];
    if (head) timer = setTimeout(() => fail({ ok: false, reason: 'tijd' }), head.request.budgetMs + (started ? 0 : THREAD_START_MS));
    else idle?.();
  };

  const answer = (result: TextResult): void => {
    pending.shift()?.resolve(result);
    arm();
  };

  /**
   * The oldest file ended the thread (too long, out of memory, a crash): it gets `result`. The jobs
   * behind it, whose data went with the thread, are read by pdfjs instead; files for pdfjs go to a new thread.
   */
  const fail = (result: TextResult): void => {
    const w = worker;
    worker = undefined;
    if (w) {
      w.removeAllListeners();
      void w.terminate();
    }
    pending.shift()?.resolve(result);
    for (const p of pending.filter((q) => q.request.kind === 'fast')) p.resolve({ ok: false, reason: 'pdfjs', detail: 'de tekst-thread stopte' });
    pending.splice(0, pending.length, ...pending.filter((q) => q.request.kind === 'pdfjs'));
    if (pending.length > 0) {
      start();
      pending.forEach(post);
    }
    arm();
  };

  const start = (): void => {
    started = false;
    // Its code is optimised on its own thread, not on the helper threads this one's compiles use (self-optimising-worker.ts).
    const w = startSelfOptimisingWorker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker = w;
    w.on('message', (m: { id: number; result: TextResult }) => {
      if (worker !== w || pending[0]?.id !== m.id) return;
      started = true;
      answer(m.result);
    });
    w.on('error', (err: Error & { code?: string }) => {
      if (worker === w) fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'geheugen' } : { ok: false, reason: 'onleesbaar', detail: err.message.split('\n')[0] });
    });
    w.on('exit', () => {
      if (worker === w) fail({ ok: false, reason: 'onleesbaar', detail: 'de tekst-thread stopte onverwacht' });
    });
  };

  return {
    read(request) {
      return new Promise<TextResult>((resolve) => {
        const p: Pending = { id: nextId++, request, resolve };
        pending.push(p);
        if (!worker) start();
        post(p);
        if (pending.length === 1) arm();
      });
    },
    warm() {
      if (!worker) start();
    },
    async close() {
      if (pending.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      idle = undefined;
      clearTimeout(timer);
      const w = worker;
      worker = undefined;
      if (w && nextId === 1) {
        // Started early (coldStart) and never sent a file: nothing to wait for, not even its start.
        w.removeAllListeners();
        await w.terminate();
      } else if (w) {
        // The thread writes the cache after answering: those writes end before it does (or it stops anyway after a while).
        await new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(stop);
            resolve();
          };
          const stop = setTimeout(done, FLUSH_MS);
          // Added beside the listeners of start(), which ignore a thread that is no longer `worker`
          // (removing every listener would stop the thread's messages from arriving at all).
          w.on('message', (m: { flushed?: boolean }) => m.flushed && done());
          w.on('error', done);
          w.on('exit', done);
          w.postMessage({ flush: true });
        });
        w.removeAllListeners();
        await w.terminate();
      }
    },
  };
}
