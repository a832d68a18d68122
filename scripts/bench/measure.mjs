// Runs one command as a whole process and measures it: wall time from spawn to exit and, for node
// processes, peak RSS through the rss-preload module (no /usr/bin/time needed).

import { spawn, spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = pathToFileURL(path.join(HERE, 'rss-preload.mjs')).href;
const KEEP = 64 * 1024; // keep the last 64 KiB of each output stream for error reports

function run(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const out = [];
    const err = [];
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (list) => (chunk) => {
      list.push(chunk);
      while (list.length > 1 && list.reduce((a, c) => a + c.length, 0) > KEEP) list.shift();
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ wallMs: performance.now() - started, code, signal, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

/** Run `node <args>` with the RSS preload; returns wall time, exit code, output and memory figures. */
export async function measureNode(args, { cwd, env = process.env } = {}) {
  const rssFile = path.join(os.tmpdir(), `bundel-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
  const nodeOptions = [env.NODE_OPTIONS, `--import=${PRELOAD}`].filter(Boolean).join(' ');
  const result = await run(process.execPath, args, { cwd, env: { ...env, NODE_OPTIONS: nodeOptions, BUNDEL_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' } });
  let processes = [];
  try {
    processes = (await readFile(rssFile, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    // no line: the process died before its exit handlers ran (killed, or out of memory)
  }
  await rm(rssFile, { force: true });
  // The process we started runs the first non-option argument as its script.
  const script = args.find((a) => !a.startsWith('-'));
  const main = processes.find((p) => script && path.resolve(p.argv[0] ?? '') === path.resolve(cwd ?? '.', script)) ?? processes[processes.length - 1];
  return {
    ...result,
    rssMiB: main ? main.maxRssKiB / 1024 : undefined,
    cpuMs: main?.cpuMs,
    mainThreadCpuMs: main?.mainThreadCpuMs,
    heapMiB: main?.heapUsedMiB,
    arrayBuffersMiB: main?.arrayBuffersMiB,
    // Node processes the CLI itself started (worker processes), each with its own peak.
    children: processes.filter((p) => p !== main).map((p) => ({ argv: p.argv, rssMiB: p.maxRssKiB / 1024 })),
  };
}

/** Run any command; wall time only (peak RSS of a non-node child is not visible to node). */
export async function measureCommand(command, args, { cwd, env = process.env } = {}) {
  return run(command, args, { cwd, env });
}

/**
 * Peak RSS of a non-node command, when python3 is there to read getrusage(RUSAGE_CHILDREN).
 * Optional: returns undefined without python3.
 */
export function peakRssOf(command, args, { cwd } = {}) {
  const script = 'import resource,subprocess,sys\nr=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\nprint(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)';
  const res = spawnSync('python3', ['-c', script, command, ...args], { cwd, encoding: 'utf8' });
  if (res.error || res.status !== 0) return undefined;
  const [code, kib] = res.stdout.trim().split(' ').map(Number);
  return code === 0 ? kib / 1024 : undefined;
}

/** Whether `command` runs here (e.g. qpdf), without a shell. */
export function hasCommand(command) {
  const res = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return !res.error && res.status === 0;
}

export function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}
