// Preloaded into each measured node process (NODE_OPTIONS=--import=…): on exit, appends one JSON line
// with the process's peak RSS (KiB, from getrusage), its CPU time, and sampled peaks of the V8 heap and of
// ArrayBuffers, to the file named by BUNDEL_BENCH_RSS_FILE. Child node processes inherit it too.
// No /usr/bin/time needed, so the bench runs on any machine with Node.

import { appendFileSync, readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BUNDEL_BENCH_RSS_FILE;
if (file && isMainThread) {
  const peak = { heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed;
    if (m.external > peak.external) peak.external = m.external;
    if (m.arrayBuffers > peak.arrayBuffers) peak.arrayBuffers = m.arrayBuffers;
  };
  // Sampling only runs when the event loop is free, so these are lower bounds; maxRSS is exact.
  setInterval(sample, 25).unref();
  process.on('exit', () => {
    sample();
    const usage = process.resourceUsage();
    // The main thread's own CPU time (Linux: /proc, in clock ticks of 10 ms), apart from worker threads.
    let mainThreadCpuMs;
    try {
      const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      mainThreadCpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      mainThreadCpuMs = undefined;
    }
    const line = {
      pid: process.pid,
      argv: process.argv.slice(1, 4),
      maxRssKiB: usage.maxRSS,
      // CPU time (all threads) tells, on a busy shared machine, what wall time cannot.
      cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      mainThreadCpuMs,
      heapUsedMiB: Math.round(peak.heapUsed / 1048576),
      externalMiB: Math.round(peak.external / 1048576),
      arrayBuffersMiB: Math.round(peak.arrayBuffers / 1048576),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
