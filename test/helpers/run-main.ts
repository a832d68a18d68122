// `main(argv, io)` in this process with captured output and a chosen current directory; temporary
// folders for it that are removed after each test.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMainIn(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, color: false, env, cwd });
  return { code, stdout, stderr };
}

const made: string[] = [];

/** An empty temporary folder, removed by `removeTempDirs` (call it in afterEach). */
export function tempDir(prefix = 'bundel-cli-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
