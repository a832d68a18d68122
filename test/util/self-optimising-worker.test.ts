// The text thread's worker (src/util/self-optimising-worker.ts): its isolate optimises code on its own
// thread while the main thread's compiles stay concurrent, and it keeps the main thread's priority.
// The first is V8's behaviour, so it is checked on a real process with --trace-opt.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const linux = process.platform === 'linux';

async function bundled(dir: string): Promise<string> {
  const file = path.join(dir, 'self-optimising-worker.mjs');
  await build({ entryPoints: [path.join(ROOT, 'src/util/self-optimising-worker.ts')], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'silent' });
  return file;
}

describe('self-optimising worker', () => {
  it.runIf(linux)("optimises the worker's code on the worker's thread, the main thread's concurrently as before, and keeps the main thread's priority", async () => {
    const dir = tempDir();
    const module = await bundled(dir);
    // Both threads make a function hot after the worker is running; V8 traces how it compiles each.
    const script = path.join(dir, 'run.mjs');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
       import { startSelfOptimisingWorker } from ${JSON.stringify(module)};
       const worker = startSelfOptimisingWorker(\`
         const { parentPort } = require('node:worker_threads');
         function hotInWorker(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }
         let t = 0; for (let k = 0; k < 3000; k++) t += hotInWorker(2000);
         const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
         // Stays until its nice value has been read (a thread that has ended has no entry in /proc).
         parentPort.once('message', () => process.exit(0));
         parentPort.postMessage(tid);\`, { eval: true });
       await new Promise((resolve) => worker.once('online', resolve));
       function hotInMain(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 13) % 1000003; return s; }
       let t = 0; for (let k = 0; k < 3000; k++) t += hotInMain(2000);
       const tid = await new Promise((resolve) => worker.once('message', resolve));
       const nice = (id) => Number(readFileSync(\`/proc/self/task/\${id}/stat\`, 'utf8').split(') ')[1].split(' ')[16]);
       console.log('done', t, 'nice', nice(tid), nice(process.pid));
       worker.postMessage('stop');`,
    );
    const out = execFileSync(process.execPath, ['--trace-opt', script], { encoding: 'utf8', timeout: 60_000 });
    const modes = (name: string): string[] => [...out.matchAll(new RegExp(`compiling method [^\\n]*<JSFunction ${name} [^\\n]*mode: ConcurrencyMode::(\\w+)`, 'g'))].map((m) => m[1]);
    expect(out).toContain('done');
    const [, worker, main] = /nice (-?\d+) (-?\d+)/.exec(out)!;
    expect(worker).toBe(main);
    expect(modes('hotInWorker').length).toBeGreaterThan(0);
    expect(new Set(modes('hotInWorker'))).toEqual(new Set(['kSynchronous']));
    expect(modes('hotInMain').length).toBeGreaterThan(0);
    expect(modes('hotInMain')).toContain('kConcurrent');
  });
});
