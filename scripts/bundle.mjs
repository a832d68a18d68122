// Bundle the CLI into a few ESM files in dist/: loading one file instead of ~600 small modules
// (pdf-lib's ES tree alone is 190) takes a second off every run. Type checking is tsc's job.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

// fontkit imports brotli (1.4 MB of JavaScript, parsed on every build) only to unpack WOFF2 fonts;
// bundel embeds its own TrueType font and never a WOFF2, so a stub that refuses stands in for it.
const noBrotli = {
  name: 'no-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'no-brotli' }));
    b.onLoad({ filter: /.*/, namespace: 'no-brotli' }, () => ({
      contents: "module.exports = function () { throw new Error('WOFF2-lettertypen worden niet ondersteund'); };",
      loader: 'js',
    }));
  },
};
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
  plugins: [noBrotli],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Maps back to src/ for the profiler (scripts/bench/profile.mjs); Node reads them only with
  // --enable-source-maps, so they cost a run nothing.
  sourcemap: true,
  logLevel: 'warning',
});
