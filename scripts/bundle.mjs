// Bundle the CLI into a few ESM files in dist/: loading one file instead of ~600 small modules
// (pdf-lib's ES tree alone is 190) takes a second off every run. Type checking is tsc's job.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
await build({
  // The render and text workers are entries of their own: each runs on a thread of its own.
  entryPoints: ['src/cli/main.ts', 'src/render/render-worker.ts', 'src/pdf/text-worker.ts'],
  entryNames: '[name]',
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // The Typst compiler is a native addon: loaded from node_modules as it is.
  external: ['@myriaddreamin/*'],
  // CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __bundelCreateRequire } from 'node:module'; const require = __bundelCreateRequire(import.meta.url);" },
  legalComments: 'none',
  // Maps back to src/ for the profiler (scripts/bench/profile.mjs); Node reads them only with
  // --enable-source-maps, so they cost a run nothing.
  sourcemap: true,
  logLevel: 'warning',
});
