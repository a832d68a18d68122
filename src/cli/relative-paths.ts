// Paths as the user sees them: diagnostics carry paths relative to the repository of meetings;
// every output format shows them relative to the current directory (as ESLint does), so that
// editors, terminals and CI annotations find the file also when the meetings live in a subfolder.

import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { toPosix } from '../util/paths.js';

/** A repository-relative path (forward slashes) as a path relative to `cwd`. */
export function fromCwd(file: string, root: string, cwd: string): string {
  return toPosix(path.relative(cwd, path.resolve(root, file))) || '.';
}

export function relocate(diagnostics: readonly Diagnostic[], root: string, cwd: string): Diagnostic[] {
  if (path.resolve(root) === path.resolve(cwd)) return [...diagnostics];
  return diagnostics.map((d) => ({ ...d, file: fromCwd(d.file, root, cwd) }));
}
