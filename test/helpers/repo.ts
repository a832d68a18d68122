// Temporary repositories of meetings on disk, written from a map of relative path -> content, or
// copied from fixtures/. Both are removed after the test (test/helpers/temp.ts).

import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export type Tree = Record<string, string | Uint8Array>;

/** Write `tree` into `root` (made when not given) and return the root. */
export function writeRepo(tree: Tree, root = tempDir()): string {
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** A copy of fixtures/<name> in a temp folder. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** An agenda item file from front-matter lines and a body. */
export function item(frontMatter: string, body = ''): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}
