// How bin/bundel.js starts the bundled CLI: with V8's compiled code kept between runs.
//
// Node 20 compiles every ES module from its source text on every start (no compile cache before
// Node 22), about 0.1 s of each command. scripts/bundle.mjs therefore writes, next to each ES
// module of dist/cli/ (main.js and its chunks), a CommonJS twin (`.cjs`, the same code with
// `require` for `import`). This file runs the twins through `vm.Script`, which accepts and produces
// V8's code cache: the first run of a command writes the compiled code of every module it loaded to
// the user's cache folder, later runs of that command start from it. The code run is the same either
// way; a cache that does not fit (another bundle, Node or V8; damaged) is not used and is written
// again; other bundles' caches beyond the three written last, or unused for a month, are removed. Worker threads keep the ES modules. Without twins (the TypeScript sources, or a dist/ made
// by an older bundle script) the CLI is imported as ES modules, as before.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { saysOff } from '../util/off-switch.js';

/**
 * How much a function runs before V8 considers optimising it: twice V8's default (132 KiB of
 * bytecode budget). V8's default suits a page or a server that runs for minutes; a bundel command
 * runs a second or two, and with it V8 optimised ~180 functions per cold lint of the bench meeting,
 * 0.6 s of compiler time, most of them for functions that had done most of their work by then. At
 * twice the budget ~80 (0.25 s), and lint, reference and bench builds all take less CPU and wall time
 * (docs/performance.md, "Night"). Set before any of the CLI's code is loaded; worker threads inherit it.
 */
export const INTERRUPT_BUDGET = 2 * 132 * 1024;

/**
 * Start optimising later (see INTERRUPT_BUDGET). Where Node refuses to change V8's settings the CLI
 * runs with V8's default; a V8 without the flag would print "unrecognized flag" on stderr, which the
 * smoke tests (a lint's stderr empty) catch.
 */
function tierUpLater(): void {
  try {
    setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  } catch {
    // Not settable here: V8's default.
  }
}

/** What scripts/bundle.mjs writes beside the twins: a hash of all of them, which names their cache. */
export const MANIFEST = 'code-cache.json';
/** The commands that get a cache of their own (each loads other modules); anything else shares one. */
const COMMANDS = new Set(['init', 'lint', 'build', 'verzonden', 'nieuw', 'agendapunt', 'status', 'schema']);
/** A cache file: this tag, the CRC-32 of the rest, then V8's data. */
const MAGIC = Buffer.from('bundel-v8-1\n');
const HEADER = MAGIC.length + 4;

type Env = Record<string, string | undefined>;

/**
 * The folder for compiled code, or undefined when there is none: `BUNDEL_CODE_CACHE=uit` (or `0`,
 * `off`, `nee`, `false`, as `BUNDEL_CACHE`) turns it off, another value is the folder; else the
 * platform's cache folder for the user, under `bundel`.
 */
export function codeCacheRoot(env: Env, platform: NodeJS.Platform = process.platform, home: string = safeHomedir()): string | undefined {
  const chosen = env.BUNDEL_CODE_CACHE?.trim();
  if (chosen && saysOff(chosen)) return undefined;
  if (chosen) return path.resolve(chosen);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || (home && path.join(home, 'AppData', 'Local'));
    return local ? path.join(local, 'bundel', 'Cache', 'code') : undefined;
  }
  if (!home && !env.XDG_CACHE_HOME) return undefined;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'bundel', 'code');
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && path.join(home, '.cache');
  return xdg ? path.join(xdg, 'bundel', 'code') : undefined;
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** Which command's cache a run uses: the first argument that names a command, else `overig`. */
export function cacheName(argv: readonly string[]): string {
  return argv.find((a) => COMMANDS.has(a)) ?? 'overig';
}

/** The folder of one bundle's cache on this Node. */
export function bundleFolder(root: string, bundleId: string): string {
  return path.join(root, `${process.version}-${process.arch}`, bundleId);
}

/** V8's data from a cache file, or undefined when it is not one or is damaged. */
export function readCacheFile(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = bytes.subarray(HEADER);
  return bytes.readUInt32LE(MAGIC.length) === crc32(data) ? data : undefined;
}

/** Writes a cache file whole or not at all (a new name, then renamed over the old one). */
export function writeCacheFile(file: string, data: Buffer): void {
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(data));
  // Only this user may write compiled code that a later run executes.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([MAGIC, sum, data]));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

interface Loaded {
  script: vm.Script;
  cacheFile: string;
  /** Whether the cache must be (re)written after the run: it was missing, damaged or not accepted. */
  stale: boolean;
}

/**
 * Loads the twin of `entry` (an ES module of dist/cli/) and what it requires, each compiled from
 * its cache when there is one. `flush` writes the caches that were missing.
 */
export function twinLoader(cacheFolder: string | undefined): { load: (esmFile: string) => Record<string, unknown>; flush: () => void } {
  const modules = new Map<string, { exports: Record<string, unknown> }>();
  const loaded: Loaded[] = [];
  const load = (esmFile: string): Record<string, unknown> => {
    const known = modules.get(esmFile);
    if (known) return known.exports;
    const twin = esmFile.replace(/\.js$/, '.cjs');
    const module = { exports: {} as Record<string, unknown> };
    modules.set(esmFile, module);
    const cacheFile = cacheFolder === undefined ? '' : path.join(cacheFolder, `${path.basename(twin)}.v8`);
    const cachedData = cacheFolder === undefined ? undefined : readCacheFile(cacheFile);
    // Strict, as the ES module it stands for; no __filename or __dirname, which an ES module lacks.
    // (On a line of its own, counted as line -1: stack traces and profiles show the twin's lines.)
    const script = new vm.Script(`(function (exports, require, module, __bundelMetaUrl) {'use strict';\n${readFileSync(twin, 'utf8')}\n})`, {
      filename: twin,
      lineOffset: -1,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cacheFolder !== undefined) loaded.push({ script, cacheFile, stale: cachedData === undefined || script.cachedDataRejected === true });
    const nodeRequire = createRequire(esmFile);
    const dir = path.dirname(esmFile);
    // With what Node's `require` carries besides (handlebars registers `.handlebars` in `extensions`).
    const require = Object.assign((spec: string): unknown => (spec.startsWith('./') || spec.startsWith('../') ? load(path.resolve(dir, spec)) : nodeRequire(spec)), {
      resolve: nodeRequire.resolve,
      cache: nodeRequire.cache,
      extensions: nodeRequire.extensions,
      main: nodeRequire.main,
    });
    (script.runInThisContext() as (e: unknown, r: unknown, m: unknown, u: string) => void)(module.exports, require, module, pathToFileURL(esmFile).href);
    return module.exports;
  };
  const flush = (): void => {
    const stale = loaded.filter((l) => l.stale);
    if (stale.length === 0 || cacheFolder === undefined) return;
    try {
      for (const l of stale) writeCacheFile(l.cacheFile, l.script.createCachedData());
      removeStaleBundles(path.dirname(cacheFolder));
    } catch {
      // A cache that cannot be written (read-only home, full disk) only makes the next start slower.
    }
  };
  return { load, flush };
}

/** Other bundles' caches kept on one Node: two or three installs (each repository has its own). */
const KEEP_OTHERS = 3;
/** Another bundle's cache unused for this long goes in any case. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * Removes other bundles' caches on this Node when this one writes its own: all but the three
 * written last, and any unused for a month. Not all at once: two installs of different versions
 * (two repositories) each keep theirs; a developer's many builds do not pile up.
 */
function removeStaleBundles(bundleFolderNow: string): void {
  const nodeFolder = path.dirname(bundleFolderNow);
  const now = Date.now();
  const others = readdirSync(nodeFolder)
    .filter((name) => name !== path.basename(bundleFolderNow))
    .map((name) => ({ folder: path.join(nodeFolder, name), mtimeMs: statSync(path.join(nodeFolder, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const [i, { folder, mtimeMs }] of others.entries()) {
    if (i >= KEEP_OTHERS || mtimeMs < now - STALE_MS) rmSync(folder, { recursive: true, force: true });
  }
}

type Main = (argv: string[]) => Promise<number>;

/** Runs the CLI on `argv` and returns its exit code. */
export async function start(argv: string[], env: Env = process.env): Promise<number> {
  tierUpLater();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const manifest = path.join(here, MANIFEST);
  const entry = path.join(here, 'main.js');
  if (!existsSync(manifest) || !existsSync(entry.replace(/\.js$/, '.cjs'))) {
    const { main } = (await import('./main.js')) as { main: Main };
    return main(argv);
  }
  let folder: string | undefined;
  try {
    const { id } = JSON.parse(readFileSync(manifest, 'utf8')) as { id: string };
    const root = codeCacheRoot(env);
    folder = root === undefined ? undefined : path.join(bundleFolder(root, id), cacheName(argv));
  } catch {
    folder = undefined;
  }
  const { load, flush } = twinLoader(folder);
  const code = await (load(entry).main as Main)(argv);
  flush();
  return code;
}
