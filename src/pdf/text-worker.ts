// The text thread: reads attachment text with pdfjs, one file per message. The main thread bounds
// it: a file that takes too long ends the thread, and its heap is limited (text-reader.ts).

import { parentPort } from 'node:worker_threads';
import { extractText } from './text.js';
import type { TextRequest, TextResponse } from './text-reader.js';

// Whatever pdfjs prints belongs to no one's terminal.
console.log = () => {};
console.warn = () => {};
console.error = () => {};

parentPort?.on('message', async (request: TextRequest) => {
  let response: TextResponse;
  try {
    response = { id: request.id, ok: true, text: await extractText(request.bytes, { password: request.password, maxChars: request.maxChars }) };
  } catch (err) {
    response = { id: request.id, ok: false, message: ((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '').trim() };
  }
  parentPort?.postMessage(response);
});
