// Reads attachment text one file at a time, bounded: on its own thread (the bundled CLI) with a
// limited heap, ended when a file takes longer than its budget; in this thread when the worker file
// is not there (tests of the TypeScript sources), with the budget checked between pages.
// Streams that pdfjs inflates (content, fonts) were already checked against decompression bombs by
// the loader's inspection, so external memory stays bounded too.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractText, MAX_TEXT_CHARS, type ExtractedText } from './text.js';

export interface TextRequest {
  id: number;
  bytes: Uint8Array;
  password?: string;
  maxChars?: number;
}

export type TextResponse = { id: number; ok: true; text: ExtractedText } | { id: number; ok: false; message: string };

export type TextOutcome = { ok: true; text: ExtractedText } | { ok: false; reason: 'tijd' | 'geheugen' | 'onleesbaar'; detail?: string };

export interface TextReader {
  read(bytes: Uint8Array, options: { password?: string; budgetMs: number }): Promise<TextOutcome>;
  close(): Promise<void>;
}

/**
 * Time for one file: 30 s and 5 s per MiB. Generous (a page takes milliseconds): it is there to stop a
 * file that never ends, not to race a busy machine. A new thread gets 20 s more to start pdfjs.
 */
export function textBudgetMs(size: number): number {
  return 30_000 + 5_000 * Math.ceil(size / (1024 * 1024));
}
const THREAD_START_MS = 20_000;

/** Heap of the text thread. */
const HEAP_MB = 1024;

function inThread(): TextReader {
  return {
    async read(bytes, options) {
      try {
        // pdfjs may hold on to what it is given; the loader's copy stays untouched.
        const text = await extractText(bytes.slice(), { password: options.password, budgetMs: options.budgetMs, maxChars: MAX_TEXT_CHARS });
        return text.stopped === 'tijd' ? { ok: false, reason: 'tijd' } : { ok: true, text };
      } catch (err) {
        return { ok: false, reason: 'onleesbaar', detail: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
      }
    },
    close: async () => {},
  };
}

export function createTextReader(options: { thread?: boolean } = {}): TextReader {
  // Beside this module in the bundle's entry, one folder up from a bundled chunk.
  const workerFile = ['./text-worker.js', '../text-worker.js'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((f) => existsSync(f));
  if (options.thread === false || !workerFile) return inThread();

  let worker: Worker | undefined;
  let nextId = 1;
  // One file at a time, so each file's budget measures its own work.
  let queue: Promise<unknown> = Promise.resolve();

  const readOne = (bytes: Uint8Array, password: string | undefined, budgetMs: number): Promise<TextOutcome> =>
    new Promise((resolve) => {
      const fresh = worker === undefined;
      const w = (worker ??= new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } }));
      const id = nextId++;
      const done = (outcome: TextOutcome, stop: boolean): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (stop) {
          if (worker === w) worker = undefined;
          void w.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (m: TextResponse): void => {
        if (m.id !== id) return;
        done(m.ok ? { ok: true, text: m.text } : { ok: false, reason: 'onleesbaar', detail: m.message }, false);
      };
      const onError = (err: Error & { code?: string }): void =>
        done(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'geheugen' } : { ok: false, reason: 'onleesbaar', detail: err.message.split('\n')[0] }, true);
      const onExit = (): void => done({ ok: false, reason: 'onleesbaar', detail: 'de tekst-thread stopte onverwacht' }, true);
      const timer = setTimeout(() => done({ ok: false, reason: 'tijd' }, true), budgetMs + (fresh ? THREAD_START_MS : 0));
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, bytes, password, maxChars: MAX_TEXT_CHARS } satisfies TextRequest);
    });

  return {
    read(bytes, o) {
      const result = queue.then(() => readOne(bytes, o.password, o.budgetMs));
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      await queue;
      const w = worker;
      worker = undefined;
      if (w) {
        w.removeAllListeners();
        await w.terminate();
      }
    },
  };
}
