// `main(argv, io)` in this process with captured output and a chosen current directory.

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
