// What reading attachment text costs a lint of the bench meeting (issue 15): whole `bundel lint`
// processes, alternating the cache states in the same minutes, wall time, CPU (user + system, all
// threads, and of the main thread alone) and peak RSS, medians. "without text" is the same lint with BUNDEL_BENCH_NO_TEXT=1 (the
// loader reads no attachment text); both it and "all cold" start without any cache.
//   node scripts/bench/text-cost.mjs [rounds=5] [other checkout]   (after `npm run build`; writes nothing
// but the cache). With another checkout (built too), its lint runs in the same rounds, for before/after.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureNode, stats } from './measure.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const rounds = Number(process.argv[2] ?? 5);
const checkouts = [['', REPO], ...(process.argv[3] ? [['other: ', path.resolve(process.argv[3])]] : [])];
const root = process.env.BENCH_ROOT ?? '/tmp/bundel-bench/meeting-2000p-3144e8718104';
const meeting = path.join(root, 'vergaderingen/2025-06-18');
// A cache folder of this run's own (BUNDEL_CACHE): others may lint the shared bench meeting meanwhile.
const cache = await mkdtemp(path.join(os.tmpdir(), 'bundel-text-cost-'));

const cases = [
  { name: 'without text (facts cold)', env: { BUNDEL_BENCH_NO_TEXT: '1' }, before: () => rm(cache, { recursive: true, force: true }) },
  { name: 'all cold', env: {}, before: () => rm(cache, { recursive: true, force: true }) },
  { name: 'facts cold, text warm', env: {}, before: () => rm(path.join(cache, 'feiten'), { recursive: true, force: true }) },
  { name: 'all warm', env: {}, before: async () => {} },
];
const results = new Map();
const loads = [];
for (let r = 0; r < rounds; r++) {
  // Each checkout runs the four cases in turn: its facts cache is not another version's.
  for (const [label, dir] of checkouts) {
    for (const c of cases) {
      await c.before();
      loads.push(os.loadavg()[0]);
      const m = await measureNode([path.join(dir, 'bin/bundel.js'), '--root', root, 'lint', '--formaat', 'json', meeting], { cwd: dir, env: { ...process.env, BUNDEL_CACHE: cache, ...c.env } });
      if (m.code !== 0 && m.code !== 1) throw new Error(`${c.name}: exit ${m.code}\n${m.stderr}`);
      results.set(label + c.name, [...(results.get(label + c.name) ?? []), m]);
    }
  }
}
const med = (list, key) => stats(list.map((m) => m[key]))?.median;
const base = med(results.get(cases[0].name), 'wallMs');
const baseCpu = med(results.get(cases[0].name), 'cpuMs');
const baseMain = med(results.get(cases[0].name), 'mainThreadCpuMs');
console.log(`${rounds} rounds, load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
console.log(`${'case'.padEnd(36)} wall     CPU    main thread  RSS     vs without text: wall  CPU  main thread`);
const pct = (v, b) => `${v >= b ? '+' : ''}${Math.round(((v - b) / b) * 100)} %`;
for (const [name, list] of results) {
  const [wall, cpu, mainCpu] = ['wallMs', 'cpuMs', 'mainThreadCpuMs'].map((k) => med(list, k));
  const cells = [`${(wall / 1000).toFixed(2)} s`, `${(cpu / 1000).toFixed(2)} s`, `${(mainCpu / 1000).toFixed(2)} s`, `${Math.round(med(list, 'rssMiB'))} MB`];
  console.log(`${name.padEnd(36)} ${cells.map((c) => c.padStart(7)).join('  ')}   ${[pct(wall, base), pct(cpu, baseCpu), pct(mainCpu, baseMain)].map((c) => c.padStart(7)).join(' ')}   (wall ${list.map((m) => (m.wallMs / 1000).toFixed(2)).join(' ')})`);
}
await rm(cache, { recursive: true, force: true });
