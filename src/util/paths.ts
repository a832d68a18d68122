// Where the shipped templates and fonts live, whether running from src/ (tests) or the bundled dist/ (the CLI).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder: the nearest ancestor holding templates/ (src/util, dist/ or a bundled chunk). */
function findProjectDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'templates', 'fonts')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('bundel: templates/ niet gevonden naast het programma');
    dir = parent;
  }
}

export const PROJECT_DIR = findProjectDir();
export const TEMPLATES_DIR = path.join(PROJECT_DIR, 'templates');
export const FONTS_DIR = path.join(TEMPLATES_DIR, 'fonts');

/** bundel's own version, from its package.json (not `npm_package_version`: under npx that is the caller's). */
export const VERSION: string = (JSON.parse(readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/** Forward-slash relative path, as diagnostics show it. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A relative path that leaves its base: `..` or `../…` (a name like `..notities` stays inside), or another drive. */
export function escapes(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Whether `target` (absolute) lies outside `root`, or is not below it at all. */
export function isOutside(root: string, target: string): boolean {
  return escapes(path.relative(root, target));
}
