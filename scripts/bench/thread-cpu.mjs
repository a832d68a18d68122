// CPU per thread of a bundel process, printed on stderr as it exits (Linux): a preload for measuring
// where a command's time goes, e.g.
//   node --import ./scripts/bench/thread-cpu.mjs bin/bundel.js --root <repo> lint <meeting>
// prints `THREADS main(1):584/116 node(10):249/355`: per kind of thread (the main thread, Node's and
// V8's helper threads, by their name), how many, and their CPU time / time spent waiting for a core,
// in ms, from /proc/self/task/*/schedstat. A worker that has ended by then (the text thread) is not
// listed: what it used is the process's CPU minus these.

import { readdirSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const rows = new Map();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
        const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
        const row = rows.get(name) ?? [0, 0, 0];
        rows.set(name, [row[0] + run / 1e6, row[1] + wait / 1e6, row[2] + 1]);
      } catch {
        // The thread ended while it was being read.
      }
    }
    process.stderr.write(`THREADS ${[...rows].map(([name, [run, wait, n]]) => `${name}(${n}):${run.toFixed(0)}/${wait.toFixed(0)}`).join(' ')}\n`);
  });
}
