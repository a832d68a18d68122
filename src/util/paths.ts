// Where the shipped templates and fonts live, whether running from src/ (tests) or dist/ (the CLI).

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_DIR = path.resolve(here, '../..');
export const TEMPLATES_DIR = path.join(PROJECT_DIR, 'templates');
export const FONTS_DIR = path.join(TEMPLATES_DIR, 'fonts');

/** Forward-slash relative path, as diagnostics show it. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
