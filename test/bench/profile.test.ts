// The profiler attributes time in the bundled CLI (dist/) to the source files through the source
// maps that scripts/bundle.mjs writes (the global setup bundles dist/ before the tests), also for the
// CommonJS twins that bin/bundel.js runs (twin -> ES module -> src/).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { areaOf, originOf } from '../../scripts/bench/profile.mjs';

const REPO = path.resolve(import.meta.dirname, '../..');

/** A V8 call frame (0-based line and column) at the first occurrence of `needle` in a file. */
function frameAt(file: string, needle: string): { url: string; lineNumber: number; columnNumber: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const lineNumber = lines.findIndex((l) => l.includes(needle));
  expect(lineNumber, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  return { url: pathToFileURL(file).href, lineNumber, columnNumber: lines[lineNumber]!.indexOf(needle) };
}

describe('profile attribution', () => {
  it('maps code in dist/ back to its source file under src/', () => {
    const frame = frameAt(path.join(REPO, 'dist/cli/main.js'), 'async function main(');
    const origin = originOf(frame) as { file: string; line: number };
    expect(path.relative(REPO, origin.file)).toBe(path.join('src', 'cli', 'main.ts'));
    const source = readFileSync(origin.file, 'utf8').split('\n')[origin.line];
    expect(source).toContain('function main(');
    expect(areaOf(origin.file)).toBe('src/cli');
  });

  it('maps code in a CommonJS twin (dist/cli/*.cjs, run with the code cache) through its ES module to src/', () => {
    const twin = path.join(REPO, 'dist/cli/main.cjs');
    const frame = frameAt(twin, 'async function main(');
    const origin = originOf({ ...frame, url: twin }) as { file: string; line: number };
    expect(path.relative(REPO, origin.file)).toBe(path.join('src', 'cli', 'main.ts'));
    expect(readFileSync(origin.file, 'utf8').split('\n')[origin.line]).toContain('function main(');
  });

  it('names packages and node internals as areas', () => {
    expect(areaOf(path.join(REPO, 'node_modules/@cantoo/pdf-lib/cjs/index.js'))).toBe('@cantoo/pdf-lib');
    expect(areaOf(path.join(REPO, 'node_modules/yaml/dist/index.js'))).toBe('yaml');
    expect(areaOf('node:internal/fs/promises')).toBe('node internals');
  });
});
