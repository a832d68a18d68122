#!/usr/bin/env node
// Profiles one bundel run of the bench meeting with `node --cpu-prof` and prints where the time
// goes: self time per function and per area (a src/ folder, a package, node internals, GC).
//
//   node scripts/bench/profile.mjs [build|lint|reference] [--pages 2000] [--top 25] [--keep]
//   node scripts/bench/profile.mjs --summarise file.cpuprofile   (an existing profile)

import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, generateMeeting } from './generate.mjs';
import { measureNode } from './measure.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sourceMaps = new Map();

/** The source map of a bundled file in dist/ (written by scripts/bundle.mjs), or null. */
function sourceMapOf(file) {
  if (!sourceMaps.has(file)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file);
}

/**
 * Where a call frame's code comes from: for the bundle in dist/, the original file and line
 * through its source map (`src/assemble/stamp.ts`, 0-based line); else the URL as it is.
 */
export function originOf(callFrame) {
  const url = callFrame.url;
  if (!url) return { file: '', line: callFrame.lineNumber };
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const rel = path.relative(REPO, file).split(path.sep).join('/');
  if (rel.startsWith('dist/') && callFrame.lineNumber >= 0) {
    const entry = sourceMapOf(file)?.findEntry(callFrame.lineNumber, callFrame.columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
      // A CommonJS twin (`.cjs`, run with the code cache) maps to its ES module, which maps to src/.
      if (file.endsWith('.cjs') && source.endsWith('.js')) {
        return originOf({ url: source, lineNumber: entry.originalLine, columnNumber: entry.originalColumn });
      }
      return { file: source, line: entry.originalLine };
    }
  }
  return { file, line: callFrame.lineNumber };
}

/** Where a file belongs: `src/assemble`, `@cantoo/pdf-lib`, `node:internal`, … */
export function areaOf(file) {
  if (!file) return '(native/V8)';
  if (file.startsWith('node:')) return 'node internals';
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + 14).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const rel = path.relative(REPO, file).split(path.sep).join('/');
  if (rel.startsWith('dist/')) return 'dist (no source map)';
  if (!rel.startsWith('..')) return rel.split('/').slice(0, 2).join('/');
  return file;
}

function shortName(file) {
  if (!file) return '';
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) return file.slice(nm + 14);
  const rel = path.relative(REPO, file).split(path.sep).join('/');
  return rel.startsWith('..') ? file : rel;
}

/** Self time per function and per area from a .cpuprofile (V8 CPU profile JSON). */
export function summarise(profile, top = 25) {
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  const byArea = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const cf = node.callFrame;
    const special = ['(garbage collector)', '(program)', '(idle)', '(root)'].includes(cf.functionName);
    const origin = originOf(cf);
    const fn = special ? cf.functionName : `${cf.functionName || '(anonymous)'}  ${shortName(origin.file)}:${origin.line + 1}`;
    const area = special ? cf.functionName : areaOf(origin.file);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    total += us;
  }
  // Inclusive (total) time of the project's own functions (src/, through the source maps): the phases.
  const parent = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      const origin = originOf(cf);
      const name = shortName(origin.file);
      if (!name.startsWith('src/') && !name.startsWith('dist/')) continue;
      const key = `${cf.functionName || '(anonymous)'}  ${name}:${origin.line + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, functions: sorted(byFunction).slice(0, top), areas: sorted(byArea), own: sorted(inclusive).slice(0, top) };
}

function print(summary) {
  const row = (r) => `${r.ms.toFixed(0).padStart(7)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}`;
  console.log(`sampled CPU time: ${summary.totalMs.toFixed(0)} ms\n\nby area (self time):`);
  for (const r of summary.areas) console.log(row(r));
  console.log('\ntop functions (self time):');
  for (const r of summary.functions) console.log(row(r));
  console.log("\nbundel's own functions (total time, including what they call):");
  for (const r of summary.own) console.log(row(r));
}

async function main(argv) {
  const opts = { command: 'build', pages: DEFAULTS.pages, top: 25 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') opts.pages = Number(argv[++i]);
    else if (a === '--top') opts.top = Number(argv[++i]);
    else if (a === '--keep') opts.keep = true;
    else if (a === '--summarise' || a === '--summarize') opts.file = argv[++i];
    else if (['build', 'lint', 'reference'].includes(a)) opts.command = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (opts.file) {
    print(summarise(JSON.parse(await readFile(opts.file, 'utf8')), opts.top));
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bundel-profile-'));
  const bin = path.join(REPO, 'bin', 'bundel.js');
  let args;
  if (opts.command === 'reference') {
    args = [bin, '--root', path.join(REPO, 'fixtures', 'reference'), 'build', '2025-03-05', '-o', path.join(dir, 'ref.pdf')];
  } else {
    const m = await generateMeeting({ pages: opts.pages, log: (s) => console.error(`generate: ${s}`) });
    args = opts.command === 'build' ? [bin, '--root', m.root, 'build', m.meetingDir, '-o', path.join(dir, 'out.pdf')] : [bin, '--root', m.root, 'lint', m.meetingDir];
  }
  const r = await measureNode(['--cpu-prof', `--cpu-prof-dir=${dir}`, ...args], { cwd: REPO });
  console.log(`${opts.command}: exit ${r.code}, wall ${(r.wallMs / 1000).toFixed(2)} s (with profiler), peak RSS ${Math.round(r.rssMiB ?? 0)} MiB, JS heap ≥ ${r.heapMiB} MiB, ArrayBuffers ≥ ${r.arrayBuffersMiB} MiB`);
  if (r.code !== 0) console.log(r.stderr.split('\n').slice(-10).join('\n'));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) print(summarise(JSON.parse(await readFile(path.join(dir, f), 'utf8')), opts.top));
  if (opts.keep) console.error(`profile kept in ${dir} (open it in Chrome DevTools › Performance, or speedscope)`);
  else await rm(dir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && existsSync(REPO)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 2;
  });
}
