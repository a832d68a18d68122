// The text thread as background work (src/util/background-thread.ts): it lowers its own priority and
// no other thread's, and its isolate optimises code on its own thread while the main thread's compiles
// stay concurrent. The second is V8's behaviour, so it is checked on a real process with --trace-opt.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, lowerThreadPriority, threadId } from '../../src/util/background-thread.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const linux = process.platform === 'linux';

/** The nice value of one thread of this process (field 19 of its stat line). */
const niceOf = (tid: number): number => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);

async function bundled(dir: string): Promise<string> {
  const file = path.join(dir, 'background-thread.mjs');
  await build({ entryPoints: [path.join(ROOT, 'src/util/background-thread.ts')], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'silent' });
  return file;
}

describe('background thread', () => {
  it.runIf(linux)('lowers the priority of the calling thread only, and never raises it', async () => {
    const dir = tempDir();
    const module = await bundled(dir);
    const before = niceOf(process.pid);
    // A worker lowers itself, reports its thread id, then asks for a higher priority (not taken).
    const worker = new Worker(
      `import { lowerThreadPriority, threadId } from ${JSON.stringify(module)};
       import { parentPort } from 'node:worker_threads';
       const done = lowerThreadPriority();
       parentPort.postMessage({ done, id: threadId(), again: lowerThreadPriority(${BACKGROUND_NICE - 5}) });
       parentPort.once('message', () => process.exit(0));`,
      { eval: true, type: 'module' } as never,
    );
    const report = await new Promise<{ done: boolean; id: number; again: boolean }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(report.done).toBe(true);
    expect(report.again).toBe(true);
    expect(report.id).not.toBe(process.pid);
    expect(niceOf(report.id)).toBe(Math.max(before, BACKGROUND_NICE));
    expect(niceOf(process.pid)).toBe(before);
    worker.postMessage('stop');
    await new Promise((resolve) => worker.once('exit', resolve));
    expect(threadId()).toBe(process.pid);
  });

  it('says no, without throwing, where a thread has no nice value of its own', () => {
    if (!linux) expect(lowerThreadPriority()).toBe(false);
    else expect(typeof lowerThreadPriority).toBe('function');
  });

  it.runIf(linux)("optimises the worker's code on the worker's thread, and the main thread's concurrently as before", async () => {
    const dir = tempDir();
    const module = await bundled(dir);
    // Both threads make a function hot after the worker is running; V8 traces how it compiles each.
    const script = path.join(dir, 'run.mjs');
    writeFileSync(
      script,
      `import { startBackgroundWorker } from ${JSON.stringify(module)};
       const worker = startBackgroundWorker(\`
         const { parentPort } = require('node:worker_threads');
         function hotInWorker(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }
         let t = 0; for (let k = 0; k < 3000; k++) t += hotInWorker(2000);
         parentPort.postMessage(t);\`, { eval: true });
       await new Promise((resolve) => worker.once('online', resolve));
       function hotInMain(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 13) % 1000003; return s; }
       let t = 0; for (let k = 0; k < 3000; k++) t += hotInMain(2000);
       await new Promise((resolve) => worker.once('message', resolve));
       console.log('done', t);`,
    );
    const out = execFileSync(process.execPath, ['--trace-opt', script], { encoding: 'utf8', timeout: 60_000 });
    const modes = (name: string): string[] => [...out.matchAll(new RegExp(`compiling method [^\\n]*<JSFunction ${name} [^\\n]*mode: ConcurrencyMode::(\\w+)`, 'g'))].map((m) => m[1]);
    expect(out).toContain('done');
    expect(modes('hotInWorker').length).toBeGreaterThan(0);
    expect(new Set(modes('hotInWorker'))).toEqual(new Set(['kSynchronous']));
    expect(modes('hotInMain').length).toBeGreaterThan(0);
    expect(modes('hotInMain')).toContain('kConcurrent');
  });
});
