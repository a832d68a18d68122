#!/usr/bin/env node
// `npm run bench`: measures bundel as a user runs it, as whole processes: cold `bundel build` and
// `bundel lint` of a large generated meeting, the reference meeting's build, and (when qpdf is
// installed) a plain `qpdf --empty --pages` merge of the same attachments as a yardstick.
// Wall time and peak RSS per run; several runs, median and spread. Results go in docs/performance.md.
//
//   node scripts/bench.mjs [--runs 5] [--pages 2000] [--attachments 60] [--only build,lint,lint-cold,reference,qpdf]
//                          [--no-warmup] [--fresh] [--keep] [--json]

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, generateMeeting } from './bench/generate.mjs';
import { hasCommand, measureCommand, measureNode, peakRssOf, stats } from './bench/measure.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'bundel.js');
const REFERENCE_ROOT = path.join(REPO, 'fixtures', 'reference');
const REFERENCE_DATE = '2025-03-05';

// The targets of issue 18, for the default meeting (2000 pages) on the 2-core machine: the build
// within 3× qpdf's wall time (checked against the same run's qpdf) and 250 MB.
const TARGETS = { build: { qpdfTimes: 3, rssMiB: 250 }, lint: { wallS: 0.2 }, 'lint-cold': { wallS: 0.5 }, reference: { wallS: 0.8 } };

function usage() {
  return [
    'usage: node scripts/bench.mjs [options]   (npm run bench -- [options])',
    '  --runs N           measured runs per command (default 5), after one warm-up run',
    `  --pages N          pages in the generated meeting (default ${DEFAULTS.pages}; 10000 for the scale case)`,
    `  --attachments N    attachment files (default ${DEFAULTS.attachments})`,
    '  --only LIST        comma-separated subset of build,lint,lint-cold,reference,qpdf',
    '  --no-warmup        no unmeasured first run',
    '  --fresh            regenerate the meeting even if a cached one exists',
    '  --keep             keep the output PDFs (their folder is printed)',
    '  --json             print machine-readable results on stdout',
  ].join('\n');
}

function parseArgs(argv) {
  const opts = { runs: 5, pages: DEFAULTS.pages, attachments: DEFAULTS.attachments, warmup: true, only: ['build', 'lint', 'lint-cold', 'reference', 'qpdf'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const positive = (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive whole number, got ${v}`);
      return n;
    };
    if (a === '--runs') opts.runs = positive(value());
    else if (a === '--pages') opts.pages = positive(value());
    else if (a === '--attachments') opts.attachments = positive(value());
    else if (a === '--only') opts.only = value().split(',').map((s) => s.trim());
    else if (a === '--no-warmup') opts.warmup = false;
    else if (a === '--fresh') opts.fresh = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown option ${a}\n${usage()}`);
  }
  return opts;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

async function pageCount(file, qpdf) {
  if (qpdf) {
    const r = await measureCommand('qpdf', ['--show-npages', file]);
    if (r.code === 0) return Number(r.stdout.trim());
  }
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  const { readFile } = await import('node:fs/promises');
  return (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();
}

/** The commit measured, and whether the work tree had changes (results then belong to that tree). */
function revision() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  if (head.error || head.status !== 0) return undefined;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'templates', 'bin', 'package.json'], { cwd: REPO, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout?.trim() ? ' + uncommitted changes in src/templates' : ''}`;
}

const fmtS = (ms) => (ms / 1000).toFixed(2);
const fmtMiB = (m) => (m === undefined ? '–' : Math.round(m).toString());

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(usage());
    return 0;
  }
  const log = (s) => process.stderr.write(`${s}\n`);
  if (!existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))) {
    log('dist/cli/main.js is missing: run `npm run build` first (`npm run bench` does).');
    return 2;
  }
  const qpdf = hasCommand('qpdf');
  const m = machine();
  const loadBefore = os.loadavg();
  log(`bench: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}`);

  const meeting = await generateMeeting({ pages: opts.pages, attachments: opts.attachments, fresh: opts.fresh, log: (s) => log(`  generate: ${s}`) });
  const bundlePages = meeting.bundleFiles.reduce((a, f) => a + meeting.attachments.find((x) => x.file === f).pages, 0);
  log(`meeting: ${meeting.items} items, ${meeting.attachments.length} attachments, ${meeting.pages} pages, ${(meeting.bytes / 1e6).toFixed(1)} MB ${meeting.fromCache ? '(cached)' : `(generated in ${meeting.generatedSeconds} s)`}`);
  log(`  ${meeting.meetingDir}`);

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bundel-bench-run-'));
  const out = path.join(tmp, 'out.pdf');
  const refOut = path.join(tmp, 'ref.pdf');
  const qpdfOut = path.join(tmp, 'qpdf.pdf');
  const hasReference = existsSync(path.join(REFERENCE_ROOT, 'vergaderingen', REFERENCE_DATE, 'vergadering.yaml'));

  const cases = [
    { id: 'build', label: `bundel build (${meeting.pages} pages)`, node: [BIN, '--root', meeting.root, 'build', meeting.meetingDir, '-o', out] },
    // After the warm-up run every attachment's facts are in the cache (nothing changed since the last lint).
    { id: 'lint', label: `bundel lint (${meeting.pages} pages, unchanged)`, node: [BIN, '--root', meeting.root, 'lint', meeting.meetingDir] },
    // Every file read and checked: the facts cache emptied before each run (the text cache stays).
    { id: 'lint-cold', label: `bundel lint (${meeting.pages} pages, facts not cached)`, node: [BIN, '--root', meeting.root, 'lint', meeting.meetingDir], before: () => rm(path.join(meeting.root, '.bundel-cache', 'feiten'), { recursive: true, force: true }) },
    { id: 'reference', label: `bundel build reference ${REFERENCE_DATE}`, node: [BIN, '--root', REFERENCE_ROOT, 'build', REFERENCE_DATE, '-o', refOut], skip: hasReference ? undefined : 'fixtures/reference is not there yet' },
    {
      id: 'qpdf',
      label: `qpdf --empty --pages (${meeting.bundleFiles.length} files, ${bundlePages} pages)`,
      command: ['qpdf', ['--empty', '--pages', ...meeting.bundleFiles.map((f) => path.join(meeting.meetingDir, f)), '--', qpdfOut]],
      skip: qpdf ? undefined : 'qpdf is not installed',
    },
  ].filter((c) => opts.only.includes(c.id));

  const results = [];
  for (const c of cases) {
    const result = { id: c.id, label: c.label, runs: [] };
    results.push(result);
    if (c.skip) {
      result.skipped = c.skip;
      log(`${c.label}: skipped, ${c.skip}`);
      continue;
    }
    const total = opts.runs + (opts.warmup ? 1 : 0);
    for (let i = 0; i < total; i++) {
      await c.before?.();
      const r = c.node ? await measureNode(c.node, { cwd: REPO }) : await measureCommand(c.command[0], c.command[1], { cwd: REPO });
      const warm = opts.warmup && i === 0;
      log(`${c.label}: ${warm ? 'warm-up' : `run ${i + (opts.warmup ? 0 : 1)}`} ${fmtS(r.wallMs)} s${r.rssMiB ? `, ${fmtMiB(r.rssMiB)} MiB` : ''}, exit ${r.code}`);
      if (r.code !== 0) {
        result.failed = { code: r.code, signal: r.signal, stderr: r.stderr.split('\n').slice(-15).join('\n'), stdout: r.stdout.split('\n').slice(-5).join('\n') };
        log(`  failed:\n${result.failed.stderr.replace(/^/gm, '  | ')}`);
        break;
      }
      if (!warm) result.runs.push({ wallMs: r.wallMs, cpuMs: r.cpuMs, rssMiB: r.rssMiB, heapMiB: r.heapMiB, arrayBuffersMiB: r.arrayBuffersMiB, children: r.children?.length ? r.children : undefined });
    }
    if (c.id === 'qpdf' && !result.failed) result.rssMiB = peakRssOf(c.command[0], c.command[1], { cwd: REPO });
    // What came out: a build that "succeeds" with the wrong page count is not a result.
    const produced = { build: out, reference: refOut, qpdf: qpdfOut }[c.id];
    if (produced && !result.failed && existsSync(produced)) {
      result.output = { pages: await pageCount(produced, qpdf), bytes: (await stat(produced)).size };
    }
  }
  const loadAfter = os.loadavg();

  for (const r of results) {
    r.wall = stats(r.runs.map((x) => x.wallMs / 1000));
    r.cpu = stats(r.runs.map((x) => (x.cpuMs === undefined ? undefined : x.cpuMs / 1000)));
    r.rss = stats(r.runs.map((x) => x.rssMiB));
    r.heap = stats(r.runs.map((x) => x.heapMiB));
    r.arrayBuffers = stats(r.runs.map((x) => x.arrayBuffersMiB));
    if (r.id === 'qpdf' && r.rssMiB !== undefined) r.rss = { median: r.rssMiB, min: r.rssMiB, max: r.rssMiB, n: 1 };
    const t = opts.pages === DEFAULTS.pages && opts.attachments === DEFAULTS.attachments ? TARGETS[r.id] : undefined;
    if (t && r.wall) r.target = t;
  }
  const build = results.find((r) => r.id === 'build');
  const q = results.find((r) => r.id === 'qpdf');
  const ratio = build?.wall && q?.wall ? build.wall.median / q.wall.median : undefined;
  for (const r of results.filter((x) => x.target)) {
    const t = r.target;
    const timeOk = t.qpdfTimes !== undefined ? ratio !== undefined && ratio <= t.qpdfTimes : r.wall.median <= t.wallS;
    r.meetsTarget = timeOk && (t.rssMiB === undefined || (r.rss?.median ?? Infinity) <= t.rssMiB);
  }

  const report = {
    revision: revision(),
    machine: { ...m, loadavgBefore: loadBefore.map((x) => +x.toFixed(2)), loadavgAfter: loadAfter.map((x) => +x.toFixed(2)) },
    meeting: {
      items: meeting.items,
      attachments: meeting.attachments.length,
      filesInBundle: meeting.bundleFiles.length,
      pages: meeting.pages,
      bytes: meeting.bytes,
      params: meeting.params,
      dir: meeting.meetingDir,
    },
    runs: opts.runs,
    warmup: opts.warmup,
    results,
    buildToQpdf: ratio,
  };

  if (opts.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const lines = [];
    lines.push('');
    lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}`);
    if (report.revision) lines.push(`Revision: ${report.revision}`);
    lines.push(`Load average before/after: ${report.machine.loadavgBefore.join(' ')} / ${report.machine.loadavgAfter.join(' ')}`);
    lines.push(`Meeting: ${meeting.items} items, ${meeting.attachments.length} attachments (${meeting.bundleFiles.length} files in the bundle), ${meeting.pages} pages, ${(meeting.bytes / 1e6).toFixed(1)} MB`);
    lines.push(`Runs: ${opts.runs} per command${opts.warmup ? ', after one unmeasured warm-up run' : ''}; each run is a new process (cold start).`);
    lines.push('CPU = user + system time of the node process, all threads (not shown for qpdf). With a load average above the core count, trust CPU more than wall.');
    lines.push('');
    lines.push('| Measurement | Wall median (s) | Wall min–max (s) | CPU median (s) | Peak RSS median (MiB) | RSS min–max (MiB) | Output | Target | Met |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
    for (const r of results) {
      if (r.skipped || (r.failed && !r.wall)) {
        lines.push(`| ${r.label} | – | – | – | – | – | ${r.skipped ? `skipped: ${r.skipped}` : `failed (exit ${r.failed.code})`} | | |`);
        continue;
      }
      const target = r.target ? `≤ ${r.target.qpdfTimes !== undefined ? `${r.target.qpdfTimes}× qpdf` : `${r.target.wallS} s`}${r.target.rssMiB ? `, ≤ ${r.target.rssMiB} MiB` : ''}` : '';
      const output = r.output ? `${r.output.pages} pages, ${(r.output.bytes / 1e6).toFixed(1)} MB` : '';
      lines.push(
        `| ${r.label} | ${r.wall.median.toFixed(2)} | ${r.wall.min.toFixed(2)}–${r.wall.max.toFixed(2)} | ${r.cpu ? r.cpu.median.toFixed(2) : '–'} | ${r.rss ? fmtMiB(r.rss.median) : '–'} | ${r.rss ? `${fmtMiB(r.rss.min)}–${fmtMiB(r.rss.max)}` : '–'} | ${output} | ${target} | ${r.target ? (r.meetsTarget ? 'yes' : 'NO') : ''} |`,
      );
    }
    if (ratio !== undefined) lines.push('', `build / qpdf (wall, medians): ${ratio.toFixed(1)}×`);
    const mem = results.filter((r) => r.heap);
    if (mem.length) {
      lines.push('', 'Memory of the node processes (sampled peaks, medians; lower bounds, RSS above is exact):');
      for (const r of mem) lines.push(`  ${r.label}: JS heap ${fmtMiB(r.heap.median)} MiB, ArrayBuffers ${fmtMiB(r.arrayBuffers?.median)} MiB`);
    }
    for (const r of results.filter((x) => x.runs.some((run) => run.children))) {
      lines.push(`  note: ${r.label} started other node processes; their peak RSS is not in the table`);
    }
    if (build?.output) {
      const minimum = meeting.bundleFiles.reduce((a, f) => a + meeting.attachments.find((x) => x.file === f).pages, 0);
      if (build.output.pages < minimum) lines.push('', `WARNING: the bundle has ${build.output.pages} pages, fewer than the ${minimum} attachment pages.`);
    }
    console.log(lines.join('\n'));
  }

  if (opts.keep) log(`outputs kept in ${tmp}`);
  else await rm(tmp, { recursive: true, force: true });
  return results.some((r) => r.failed) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
