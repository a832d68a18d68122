// The shape of src/: files stay small, imports form no cycle, and no step imports from a later one
// (load → validate → render → assemble → bundle → write → cli; model, util and the pdf toolkit below).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const MAX_LINES = 300;
/** A folder may import from folders of the same or a lower rank. */
const RANK: Record<string, number> = { model: 0, util: 0, pdf: 1, convert: 1, load: 2, validate: 3, render: 4, assemble: 5, bundle: 6, cycle: 6, write: 7, cli: 8 };

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split(path.sep).join('/'))
  .sort();

/** Relative imports of a file (static, side-effect, re-exports and dynamic `import()`), as src-relative .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)).replace(/\.js$/, '.ts'));
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const folder = (file: string): string => file.split('/')[0];

describe('the source tree', () => {
  it('reads every import (the parser finds the files it points at)', () => {
    const all = [...graph.values()].flat();
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((f) => !graph.has(f))).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = files.map((f) => [f, readFileSync(path.join(SRC, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('knows the rank of every folder', () => {
    expect(files.map(folder).filter((d) => !(d in RANK))).toEqual([]);
  });

  it('imports nothing from a later pipeline step', () => {
    const upward = [...graph].flatMap(([from, tos]) => tos.filter((to) => RANK[folder(to)] > RANK[folder(from)]).map((to) => `${from} → ${to}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const to of graph.get(file) ?? []) visit(to, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
