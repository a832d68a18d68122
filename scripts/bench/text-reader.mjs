#!/usr/bin/env node
// The text reader alone, without the rest of a lint (issue 15): the bench meeting's 60 attachments are
// prepared as text jobs, then read by a fresh worker thread several times; per pass the worker's CPU
// (the first pass runs cold code, as a lint's text thread does), the detectors' share, the page and
// character count and a hash of the text (equal before and after a change that must not change it).
//   node scripts/bench/text-reader.mjs [passes=3] [-- node flags, e.g. --no-concurrent-recompilation]
// Linux (thread CPU from /proc). Bundles scripts/bench/text-reader/*.ts into a temp folder (removed after).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateMeeting } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const dash = process.argv.indexOf('--');
const passes = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 3);
const flags = dash >= 0 ? process.argv.slice(dash + 1) : [];
const meeting = await generateMeeting({});
const dir = mkdtempSync(path.join(os.tmpdir(), 'bundel-text-reader-'));
try {
  for (const name of ['main', 'worker']) {
    await build({ entryPoints: [path.join(HERE, 'text-reader', `${name}.ts`)], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, `${name}.mjs`), logLevel: 'warning' });
  }
  const attachments = path.join(meeting.meetingDir, 'bijlagen');
  const run = spawnSync(process.execPath, [...flags, path.join(dir, 'main.mjs'), attachments, String(passes)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
