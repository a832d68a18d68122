// `npm test`: the type check and the tests at the same time (each alone leaves a core idle for
// part of its run). The type checker's findings are printed after the tests; either failing fails.
// Arguments go to vitest: `npm test -- test/cli`.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (script, args, stdio) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve(script), ...args], { stdio });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });

const typecheck = run('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit'], ['ignore', 'pipe', 'pipe']);
const tests = await run('vitest/vitest.mjs', ['run', ...process.argv.slice(2)], 'inherit');
const types = await typecheck;
if (types.code !== 0) process.stderr.write(`\nType check (tsc -p tsconfig.json) failed:\n${types.output}`);
else process.stdout.write('Type check: no errors.\n');
process.exitCode = tests.code || types.code;
