// Runs the Typst renderer on a second thread, so layout overlaps the copying of attachments.

import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './renderer.js';
import type { RenderRequest, RenderResponse } from './pool.js';

const renderer = await createRenderer({ creationDate: workerData?.creationDate ? new Date(workerData.creationDate as number) : undefined });

parentPort!.on('message', (request: RenderRequest) => {
  let response: RenderResponse;
  try {
    const out =
      request.kind === 'agenda'
        ? renderer.renderAgenda(request.input, { countOnly: request.countOnly })
        : request.kind === 'memo'
          ? renderer.renderMemo(request.input, { countOnly: request.countOnly })
          : renderer.renderWithheld(request.input);
    response = { id: request.id, ok: true, out };
    parentPort!.postMessage(response, out.pdf.byteLength > 0 ? [out.pdf.buffer as ArrayBuffer] : []);
  } catch (err) {
    response = { id: request.id, ok: false, message: (err as Error).message };
    parentPort!.postMessage(response);
  }
});
parentPort!.postMessage({ id: 0, ok: true, ready: true });
