// Bundle the CLI into a few ESM files in dist/: loading one file instead of ~600 small modules
// (pdf-lib's ES tree alone is 190) takes a second off every run. Type checking is tsc's job.
import { createHash } from 'node:crypto';
import { build, transform } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Handlebars from 'handlebars';

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
// Three more modules that are loaded on every run and never used, each replaced by a stand-in:
// - js-yaml (with esprima): gray-matter loads it for its default engine, but bundel passes its own
//   (src/load/front-matter.ts: gray-matter only splits; the `yaml` package parses);
// - source-map: handlebars' compiler uses it only when present and falls back to its own code
//   builder without it (the output is the same; bundel never asks for a template's source map);
// - zod's 40-odd message locales: bundel has its own Dutch messages and zod keeps English (`en`) as
//   its default, which is imported on its own and stays.
const stubs = {
  name: 'unused-modules',
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) => ({ path: args.path, namespace: 'unused-modules' }));
    b.onResolve({ filter: /^source-map$/ }, (args) => ({ path: args.path, namespace: 'unused-modules' }));
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'unused-modules' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'unused-modules' }, (args) => {
      if (args.path === 'js-yaml') {
        const refuse = "function () { throw new Error('js-yaml is niet meegeleverd: bundel leest YAML met het pakket yaml'); }";
        return { contents: `module.exports = { safeLoad: ${refuse}, safeDump: ${refuse}, load: ${refuse}, dump: ${refuse} };`, loader: 'js' };
      }
      // handlebars wraps its require('source-map') in try/catch and then uses its own code builder.
      if (args.path === 'source-map') return { contents: "throw new Error('source-map is niet meegeleverd');", loader: 'js' };
      return { contents: 'export {};', loader: 'js' };
    });
  },
};
// The HTML index's template, precompiled here instead of compiled by Handlebars on every build
// (src/bundle/outputs/index-template.ts is the same with the compiler, for the TypeScript sources).
const indexTemplate = {
  name: 'index-template',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]bundle[\\/]outputs[\\/]index-template\.ts$/ }, () => {
      const spec = Handlebars.precompile(readFileSync('templates/index.html.hbs', 'utf8'));
      return {
        contents: `import Handlebars from 'handlebars';\nlet compiled;\nexport function indexTemplate() {\n  return (compiled ??= Handlebars.create().template(${spec}));\n}\n`,
        loader: 'js',
        resolveDir: 'src/bundle/outputs',
      };
    });
  },
};
const BANNER = "import { createRequire as __bundelCreateRequire } from 'node:module'; const require = __bundelCreateRequire(import.meta.url);";
await build({
  // The render and text workers are entries of their own: each runs on a thread of its own.
  entryPoints: ['src/cli/main.ts', 'src/render/render-worker.ts', 'src/load/text-worker.ts'],
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
  banner: { js: BANNER },
  plugins: [noBrotli, stubs, indexTemplate],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Maps back to src/ for the profiler (scripts/bench/profile.mjs); Node reads them only with
  // --enable-source-maps, so they cost a run nothing.
  sourcemap: true,
  logLevel: 'warning',
});

// The CommonJS twin of every ES module in dist/cli/ (main.js and the chunks; `x.cjs` beside `x.js`):
// the same code, with `require` for `import` and for `import()`, and `import.meta.url` handed in by
// the loader as the ES module's own URL. src/cli/start.ts runs the twins through `vm.Script`, which
// can keep V8's compiled code between runs (Node 20 cannot for ES modules). The banner's `require`
// becomes the loader's, which resolves the same way. Each twin has a source map to its ES module
// (the profiler follows both maps back to src/).
const twins = ['main.js', ...readdirSync('dist/cli/chunks').filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)];
const hash = createHash('sha256');
for (const name of twins.sort()) {
  const file = `dist/cli/${name}`;
  const code = readFileSync(file, 'utf8');
  if (!code.startsWith(BANNER)) throw new Error(`${file}: the banner is not where the twin expects it`);
  const twin = await transform(code.slice(BANNER.length).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__bundelMetaUrl' },
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'external',
    sourcefile: name.split('/').pop(),
    logLevel: 'warning',
  });
  if (/\bimport\.meta\b/.test(twin.code)) throw new Error(`${file}: import.meta left in its twin`);
  const base = name.replace(/\.js$/, '.cjs');
  writeFileSync(`dist/cli/${base}`, `${twin.code}//# sourceMappingURL=${base.split('/').pop()}.map\n`);
  writeFileSync(`dist/cli/${base}.map`, twin.map);
  hash.update(`${name}\0${twin.code}\0`);
}
// The twins' hash names their cache folder: another bundle never reads this one's compiled code.
writeFileSync('dist/cli/code-cache.json', `${JSON.stringify({ id: hash.digest('hex').slice(0, 16) })}\n`);
// The loader itself, one file that imports nothing of the CLI (bin/bundel.js imports it).
await build({
  entryPoints: ['src/cli/start.ts'],
  outfile: 'dist/cli/start.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['./main.js'],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
