// Worker thread of the bench generator: makes scan images and attachment PDFs, one task per message,
// and writes them straight to disk so only small messages cross threads.

import { readFile, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { makeAttachment, scanImage } from './pdfs.mjs';
import { createRandom } from './prng.mjs';

const { fontPath, boldPath } = workerData;
const fontBytes = await readFile(fontPath);
const boldBytes = await readFile(boldPath);
let scans;

async function loadScans(pool) {
  if (!scans) {
    scans = {
      portrait: await Promise.all(pool.portrait.map((file) => readFile(file))),
      landscape: await Promise.all(pool.landscape.map((file) => readFile(file))),
    };
  }
  return scans;
}

parentPort.on('message', async (task) => {
  try {
    if (task.type === 'scan') {
      const jpeg = scanImage(createRandom(task.seed), task.width, task.height, task.options);
      await writeFile(task.file, jpeg);
      parentPort.postMessage({ id: task.id, bytes: jpeg.length });
    } else {
      const bytes = await makeAttachment(task.spec, { fontBytes, boldBytes, scans: await loadScans(task.scanPool), rnd: createRandom(task.seed) });
      await writeFile(task.file, bytes);
      parentPort.postMessage({ id: task.id, bytes: bytes.length });
    }
  } catch (err) {
    parentPort.postMessage({ id: task.id, error: err instanceof Error ? err.stack : String(err) });
  }
});
