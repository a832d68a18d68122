// The worker of main.ts: reads the jobs `passes` times and reports, per pass, its CPU (the detectors'
// share apart), the pages and characters read, and for pass 1 a hash of the text and headings.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { TextJob } from '../../../src/pdf/fast-text/job.js';
import { readTextJob } from '../../../src/pdf/fast-text/job.js';
import { findOnPages } from '../../../src/util/personal-data.js';

/** This thread's CPU time in ms. */
const cpu = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const { jobs, passes } = workerData as { jobs: TextJob[]; passes: number };
const start = cpu();
for (let p = 0; p < passes; p++) {
  const from = cpu();
  let pages = 0;
  let chars = 0;
  let detectors = 0;
  const hash = createHash('sha1');
  for (const job of jobs) {
    const read = readTextJob(job, { maxChars: 32 * 1024 * 1024 });
    if (!read.ok) throw new Error(read.reason);
    pages += read.text.pages.length;
    for (const text of read.text.pages) {
      chars += text.length;
      if (p === 0) hash.update(text).update('\f');
    }
    if (p === 0) hash.update(String(read.text.heading));
    const d = cpu();
    findOnPages(read.text.pages);
    detectors += cpu() - d;
  }
  const digest = p === 0 ? ` text ${hash.digest('hex').slice(0, 12)}` : '';
  parentPort!.postMessage(`pass ${p + 1}: ${(cpu() - from).toFixed(0)} ms CPU (detectors ${detectors.toFixed(0)}), ${pages} pages, ${chars} characters${digest}`);
}
parentPort!.postMessage(`worker start-up before pass 1: ${start.toFixed(0)} ms CPU`);
parentPort!.postMessage(cpu());
