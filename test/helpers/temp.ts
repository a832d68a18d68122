// Temporary folders for tests. Each is removed when the test that made it ends; one made outside a
// test (in beforeAll, or while the file is collected) when the file's tests end. The hooks that do
// this are registered for every test file by test/setup.ts; test/global-setup.ts gives the run a
// private temp folder and fails the run if anything is left in it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ofTest: string[] = [];
const ofFile: string[] = [];
let inTest = false;

/** A new empty folder under the system temp folder, removed after the current test (or file). */
export function tempDir(prefix = 'bundel-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  (inTest ? ofTest : ofFile).push(dir);
  return dir;
}

const removeAll = (dirs: string[]): void => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

/** Called by test/setup.ts around every test and after every file. */
export const tempHooks = {
  testStarts: (): void => {
    inTest = true;
  },
  testEnds: (): void => {
    inTest = false;
    removeAll(ofTest);
  },
  fileEnds: (): void => {
    removeAll(ofTest);
    removeAll(ofFile);
  },
};
