// The renderer behind a promise: on a worker thread when the bundled worker is there (the CLI), in
// this thread otherwise (tests running the TypeScript sources). Same output either way. It is
// returned at once and starts loading in the background; calls made before it is ready wait.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderCallOptions } from './renderer.js';
import type { AgendaInput, MemoInput, RenderedPdf, WithheldInput } from './types.js';

export type RenderRequest =
  | { id: number; kind: 'agenda'; input: AgendaInput; countOnly?: boolean }
  | { id: number; kind: 'memo'; input: MemoInput; countOnly?: boolean }
  | { id: number; kind: 'withheld'; input: WithheldInput }
  | { id: number; kind: 'date'; date?: number };

export type RenderResponse = { id: number; ok: true; out: RenderedPdf } | { id: number; ok: false; message: string };

export interface AsyncRenderer {
  renderAgenda(input: AgendaInput, options?: RenderCallOptions): Promise<RenderedPdf>;
  renderMemo(input: MemoInput, options?: RenderCallOptions): Promise<RenderedPdf>;
  renderWithheld(input: WithheldInput): Promise<RenderedPdf>;
  /** The date for the PDFs made from now on. */
  setCreationDate(date: Date | undefined): void;
  /** Stop the thread (also when it is still starting). */
  close(): Promise<void>;
}

function inProcess(creationDate: Date | undefined, pdfStandard: 'a-2b' | undefined): AsyncRenderer {
  // Imported here: with the worker, this thread never loads the Typst addon.
  const renderer = import('./renderer.js').then(({ createRenderer }) => createRenderer({ creationDate, pdfStandard }));
  renderer.catch(() => {});
  return {
    renderAgenda: async (input, o) => (await renderer).renderAgenda(input, o),
    renderMemo: async (input, o) => (await renderer).renderMemo(input, o),
    renderWithheld: async (input) => (await renderer).renderWithheld(input),
    setCreationDate: (date) => void renderer.then((r) => r.setCreationDate(date)),
    close: async () => {},
  };
}

export function createAsyncRenderer(options: { creationDate?: Date; thread?: boolean; pdfStandard?: 'a-2b' } = {}): AsyncRenderer {
  // Beside this module when compiled file by file; one folder up from a bundled chunk.
  const workerFile = ['./render-worker.js', '../render-worker.js'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((f) => existsSync(f));
  if (options.thread === false || process.env.BUNDEL_THREADS === '0' || !workerFile) return inProcess(options.creationDate, options.pdfStandard);

  // Messages posted before the worker listens are queued, in order.
  const worker = new Worker(workerFile, { workerData: { creationDate: options.creationDate?.getTime(), pdfStandard: options.pdfStandard } });
  const waiting = new Map<number, { resolve: (out: RenderedPdf) => void; reject: (err: Error) => void }>();
  let failure: Error | undefined;
  const failAll = (err: Error): void => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (m: RenderResponse) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve({ ...m.out, pdf: new Uint8Array(m.out.pdf) });
    else w.reject(new Error(m.message));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`de opmaak-thread stopte onverwacht (code ${code})`)));
  let nextId = 1;
  const call = (request: Omit<RenderRequest, 'id'>): Promise<RenderedPdf> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  return {
    renderAgenda: (input, o) => call({ kind: 'agenda', input, countOnly: o?.countOnly } as Omit<RenderRequest, 'id'>),
    renderMemo: (input, o) => call({ kind: 'memo', input, countOnly: o?.countOnly } as Omit<RenderRequest, 'id'>),
    renderWithheld: (input) => call({ kind: 'withheld', input } as Omit<RenderRequest, 'id'>),
    // Messages are handled in order, so every render asked for after this uses the date.
    setCreationDate: (date) => worker.postMessage({ id: 0, kind: 'date', date: date?.getTime() }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
