// Once per `vitest run`. Bundles the CLI into dist/ from the current sources, so the smoke tests
// never run a stale or missing bin/bundel.js. Gives the run a private temp folder (TMPDIR,
// inherited by the test workers and every process they start) and fails the run when a test left
// anything in it; a private folder counts only what this run made, not what other processes on
// the machine put in the system temp folder. Started CLIs write no code cache (BUNDEL_CODE_CACHE=0).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(tmpdir(), 'bundel-vitest-'));
  process.env.TMPDIR = dir;
  // The CLIs the tests start keep no compiled code in the user's cache folder (src/cli/start.ts);
  // test/cli/start.test.ts gives it a temp folder of its own.
  const previousCodeCache = process.env.BUNDEL_CODE_CACHE;
  process.env.BUNDEL_CODE_CACHE = '0';
  return () => {
    if (previousCodeCache === undefined) delete process.env.BUNDEL_CODE_CACHE;
    else process.env.BUNDEL_CODE_CACHE = previousCodeCache;
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length > 0) {
      throw new Error(`Tests left ${left.length} entries in the temp folder (make them with tempDir() from test/helpers/temp.ts): ${left.slice(0, 20).join(', ')}`);
    }
  };
}
