// Run the CLI as a user does. In-process through main(argv, io) with captured streams (fast, and a
// failure shows its stack); as a child process on bin/bundel.js only for the few smoke tests.

import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const BIN = path.resolve(import.meta.dirname, '../../bin/bundel.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `bundel ...args` in this process: no colour, not a terminal, the given environment and current directory. */
export async function runMain(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    color: false,
    env: { ...process.env, ...env },
    cwd,
  });
  return { code, stdout, stderr };
}

/** `node bin/bundel.js ...args` (compiled by `pretest`, or by test/global-setup.ts when missing). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A child process, awaited without blocking: a worker stuck in spawnSync for a minute misses vitest's calls. */
export function spawnAsync(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => void (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => void (stderr += t));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
