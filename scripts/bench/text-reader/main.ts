// The text reader alone (issue 15), bundled and started by ../text-reader.mjs: the bench meeting's
// text jobs are prepared here, then read in a fresh worker (its first pass with cold code, as in a
// lint), passes 1..N; CPU per thread from /proc/thread-self/schedstat (Linux).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PDFDocument } from '@cantoo/pdf-lib';
import { prepareTextJob } from '../../../src/pdf/fast-text/extract.js';

const cpu = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
{
  const dir = process.argv[2] ?? '/tmp/bundel-bench/meeting-2000p-3144e8718104/vergaderingen/2025-06-18/bijlagen';
  const passes = Number(process.argv[3] ?? 3);
  const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
  const jobs = [];
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false });
    const p = prepareTextJob(doc, bytes.length);
    if (p.ok) jobs.push(p.job);
  }
  const before = process.cpuUsage();
  const mainBefore = cpu();
  const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { jobs, passes } });
  let workerMs = 0;
  w.on('message', (m) => (typeof m === 'number' ? (workerMs = m) : console.log(m)));
  await new Promise((r) => w.on('exit', r));
  const u = process.cpuUsage(before);
  const all = (u.user + u.system) / 1000;
  const main = cpu() - mainBefore;
  console.log(`process CPU since worker start ${all.toFixed(0)} ms: worker ${workerMs.toFixed(0)}, main ${main.toFixed(0)}, rest (V8 platform: compiles, GC) ${(all - workerMs - main).toFixed(0)}`);
}
