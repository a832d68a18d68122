#!/usr/bin/env node
// Runs every PDF of a folder (made for qpdf's own test suite) as the only bijlage of a meeting
// through `bundel build`, and compares the outcome with `qpdf --check`. A measurement, not a test:
// it needs qpdf's files, which are not in this repository (Apache-2.0, github.com/qpdf/qpdf).
//
//   git --git-dir=<qpdf>.git archive HEAD qpdf/qtest examples/qtest libtests/qtest compare-for-test \
//     | tar -x -C /tmp/qpdf-suite                  # or any folder of PDFs
//   npm run build && node scripts/qpdf-suite.mjs /tmp/qpdf-suite [--json report.json] [--timeout 60]
//
// Each file gets its own temporary repository; the builds run one after another in a child process
// (in-process `main`, as the tests call it) that is killed and restarted when one file takes longer
// than --timeout seconds. Counted per file: built (exit 0, with or without warnings), refused
// (exit 1), crashed (exit 2, an uncaught error, or the child died), and builds over 3 s. qpdf reads a
// file when `qpdf --check` exits 0 or 3 (3: recovered with warnings); `--show-npages` gives its pages.

import { execFile, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(REPO, 'dist', 'cli', 'main.js');
const DATE = '2025-03-05';
const SLOW_S = 3;

// --- Child: build one meeting per request --------------------------------------------------------

async function child() {
  const { main } = await import(pathToFileURL(MAIN).href);
  process.on('message', async ({ file }) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bundel-qpdf-suite-'));
    let stderr = '';
    let code;
    const started = performance.now();
    try {
      const meeting = path.join(root, 'vergaderingen', DATE);
      mkdirSync(path.join(meeting, 'bijlagen'), { recursive: true });
      writeFileSync(path.join(root, 'bundel.yaml'), 'organisatie: qpdf-suite\n');
      writeFileSync(path.join(meeting, 'vergadering.yaml'), `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`);
      copyFileSync(file, path.join(meeting, 'bijlagen', 'stuk.pdf'));
      writeFileSync(
        path.join(meeting, '01-stuk.md'),
        `---\nvergadering: ${DATE}\nagendapunt: 1\nonderwerp: Stuk\nsoort: stukken\nbijlagen:\n  - titel: Stuk\n    bestand: bijlagen/stuk.pdf\n---\n`,
      );
      const io = { stdout: () => {}, stderr: (t) => (stderr += t), isTTY: false, color: false, env: {} };
      code = await main(['--root', root, 'build', DATE, '-o', path.join(root, 'uit', 'bundel.pdf')], io);
    } catch (err) {
      code = 'uncaught';
      stderr += String(err?.stack ?? err);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    process.send({ code, stderr, seconds: (performance.now() - started) / 1000 });
  });
  process.send({ ready: true });
}

// --- Parent -------------------------------------------------------------------------------------

function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 'timeout') : 0, stdout, stderr });
    });
  });
}

async function qpdfFacts(file) {
  const check = await run('qpdf', ['--check', file], 30000);
  const readable = check.code === 0 || check.code === 3;
  const npages = await run('qpdf', ['--show-npages', file], 30000);
  const pages = npages.code === 0 || npages.code === 3 ? Number(npages.stdout.trim()) || 0 : 0;
  return { check: check.code, readable, pages };
}

/** The rule ids (last column) of the stylish output, by severity. */
function findings(stderr) {
  const out = { fout: new Set(), waarschuwing: new Set() };
  for (const line of stderr.split('\n')) {
    const m = /^\s+\d+:\d+\s+(fout|waarschuwing)\s+(.*?)\s+([a-z][a-z0-9-]+)\s*$/.exec(line);
    if (m) out[m[1]].add(m[3]);
  }
  // bijlage-bestand shows the PDF problem only in its message: a damaged stream says "is beschadigd:".
  return { errors: [...out.fout], warnings: [...out.waarschuwing], damaged: /De PDF `[^`]*` is beschadigd:/.test(stderr) };
}

class Builder {
  constructor(timeoutS) {
    this.timeoutS = timeoutS;
  }
  async start() {
    this.proc = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: ['--max-old-space-size=3072'] });
    this.proc.stderr.on('data', () => {});
    await new Promise((resolve) => this.proc.once('message', resolve));
  }
  build(file) {
    return new Promise((resolve) => {
      const started = performance.now();
      const done = (result) => {
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        this.proc.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (m) => done(m);
      const onExit = (code, signal) => {
        this.proc = undefined;
        done({ code: 'died', stderr: `child exited ${code ?? signal}`, seconds: (performance.now() - started) / 1000 });
      };
      const timer = setTimeout(() => {
        this.proc.off('exit', onExit);
        this.proc.kill('SIGKILL');
        this.proc = undefined;
        done({ code: 'timeout', stderr: '', seconds: this.timeoutS });
      }, this.timeoutS * 1000);
      this.proc.on('message', onMessage);
      this.proc.once('exit', onExit);
      this.proc.send({ file });
    });
  }
  stop() {
    this.proc?.kill();
  }
}

function listPdfs(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listPdfs(abs));
    else if (entry.isFile() && /\.pdf$/i.test(entry.name)) out.push(abs);
  }
  return out.sort();
}

async function parent(argv) {
  const dir = argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  if (!dir || !existsSync(dir)) {
    console.error('usage: node scripts/qpdf-suite.mjs <folder of PDFs> [--json report.json] [--timeout 60] [--only substring]');
    process.exit(2);
  }
  if (!existsSync(MAIN)) {
    console.error('dist/cli/main.js is missing: run `npm run build` first');
    process.exit(2);
  }
  const timeoutS = Number(opt('--timeout', '60'));
  const only = opt('--only');
  const files = listPdfs(dir).filter((f) => !only || f.includes(only));
  const builder = new Builder(timeoutS);
  await builder.start();
  const rows = [];
  for (const [i, file] of files.entries()) {
    const qpdf = await qpdfFacts(file);
    if (!builder.proc) await builder.start();
    const r = await builder.build(file);
    const outcome = r.code === 0 ? 'built' : r.code === 1 ? 'refused' : 'crashed';
    const f = findings(r.stderr);
    const row = { file: path.relative(dir, file), size: statSync(file).size, outcome, exit: r.code, seconds: Number(r.seconds.toFixed(2)), ...f, qpdf };
    if (outcome === 'crashed') row.detail = r.stderr.slice(-2000);
    rows.push(row);
    process.stderr.write(`\r${i + 1}/${files.length} ${row.file.slice(-50).padEnd(50)}`);
  }
  builder.stop();
  process.stderr.write('\n');
  report(rows);
  const json = opt('--json');
  if (json) writeFileSync(json, JSON.stringify(rows, null, 1) + '\n');
}

function report(rows) {
  const count = (pred) => rows.filter(pred).length;
  const repaired = (r) => r.warnings.includes('bijlage-hersteld');
  const damaged = (r) => r.damaged;
  const max = rows.reduce((m, r) => (r.seconds > m.seconds ? r : m), rows[0] ?? { seconds: 0, file: '-' });
  const lines = [
    `files: ${rows.length}`,
    `built: ${count((r) => r.outcome === 'built')} (with a warning: ${count((r) => r.outcome === 'built' && r.warnings.length > 0)}; repaired: ${count((r) => r.outcome === 'built' && repaired(r))}; damaged content named: ${count((r) => r.outcome === 'built' && damaged(r))})`,
    `refused: ${count((r) => r.outcome === 'refused')}`,
    `crashed: ${count((r) => r.outcome === 'crashed')}`,
    `over ${SLOW_S} s: ${count((r) => r.seconds > SLOW_S)}; slowest ${max.seconds} s (${max.file})`,
    `qpdf reads (exit 0/3): ${count((r) => r.qpdf.readable)}, of which with pages: ${count((r) => r.qpdf.readable && r.qpdf.pages > 0)}`,
  ];
  const missed = rows.filter((r) => r.qpdf.readable && r.qpdf.pages > 0 && r.outcome !== 'built');
  lines.push(`qpdf reads, has pages, not built: ${missed.length}`);
  for (const r of missed) lines.push(`  ${r.file}  (qpdf ${r.qpdf.check}, ${r.qpdf.pages} p.)  ${r.outcome}: ${r.errors.join(', ')}`);
  const rejected = rows.filter((r) => !r.qpdf.readable);
  lines.push(`qpdf rejects: ${rejected.length}; built ${count((r) => !r.qpdf.readable && r.outcome === 'built')} (all with a warning: ${rejected.every((r) => r.outcome !== 'built' || r.warnings.length > 0)}), refused ${count((r) => !r.qpdf.readable && r.outcome === 'refused')}`);
  const readableNoPages = rows.filter((r) => r.qpdf.readable && r.qpdf.pages === 0);
  lines.push(`qpdf reads, no pages: ${readableNoPages.length}; built ${count((r) => r.qpdf.readable && r.qpdf.pages === 0 && r.outcome === 'built')}`);
  const silent = rows.filter((r) => r.outcome === 'built' && r.warnings.length === 0 && (r.qpdf.check === 3 || !r.qpdf.readable));
  lines.push(`built without a word although qpdf warns or rejects: ${silent.length}`);
  for (const r of silent) lines.push(`  ${r.file}  (qpdf ${r.qpdf.check})`);
  for (const r of rows.filter((x) => x.outcome === 'crashed')) lines.push(`  crashed: ${r.file} (${r.exit})`);
  console.log(lines.join('\n'));
}

if (process.argv.includes('--child')) await child();
else await parent(process.argv.slice(2));
