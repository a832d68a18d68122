#!/usr/bin/env node
// A probe for issue 15 (docs/performance.md, "Night, later"): how much faster the text reader's content
// lexer is in WebAssembly than in JavaScript, on the bench meeting. Compiles wasm-lexer/lexer.c with
// clang and wasm-ld (Debian: `apt-get install clang-14 lld-14`; not needed by bundel itself), bundles
// wasm-lexer/probe.ts, and runs both lexers in turns over the 2000 page content streams.
//   node scripts/bench/wasm-lexer.mjs [passes=6]
// Linux (thread CPU from /proc). Writes only into a temp folder, removed after.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateMeeting } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const clang = ['clang', 'clang-14'].find((c) => spawnSync(c, ['--version']).status === 0);
const linker = ['wasm-ld', 'wasm-ld-14'].map((l) => spawnSync('which', [l], { encoding: 'utf8' }).stdout.trim()).find(Boolean);
if (!clang || !linker) {
  console.error('Nodig: clang en wasm-ld (Debian: apt-get install clang-14 lld-14).');
  process.exit(2);
}
const meeting = await generateMeeting({});
const dir = mkdtempSync(path.join(os.tmpdir(), 'bundel-wasm-lexer-'));
try {
  const wasm = path.join(dir, 'lexer.wasm');
  const exports = ['init', 'add_operator', 'lex', '__heap_base'].map((e) => `-Wl,--export=${e}`);
  execFileSync(clang, ['--target=wasm32', '-O3', '-nostdlib', '-Wl,--no-entry', ...exports, `-fuse-ld=${linker}`, '-o', wasm, path.join(HERE, 'wasm-lexer', 'lexer.c')], { stdio: 'inherit' });
  await build({ entryPoints: [path.join(HERE, 'wasm-lexer', 'probe.ts')], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'probe.mjs'), logLevel: 'warning' });
  const run = spawnSync(process.execPath, [path.join(dir, 'probe.mjs'), path.join(meeting.meetingDir, 'bijlagen'), wasm, process.argv[2] ?? '6'], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
