// The start of the real CLI (bin/bundel.js → src/cli/start.ts): the bundle's CommonJS twins run with
// V8's code cache in the user's cache folder. The cache must never change what a run does: the same
// output with no cache, a fresh one, a damaged one and one of another bundle; and it stays out of
// the way (its own folder, written whole, other bundles' caches removed once unused for a month).

import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFolder, cacheName, codeCacheRoot, MANIFEST, readCacheFile, writeCacheFile } from '../../src/cli/start.js';
import { BIN, type CliResult, spawnAsync } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DIST = path.resolve(import.meta.dirname, '../../dist/cli');
const REFERENCE = path.join(FIXTURES, 'reference');

describe('where the code cache lives', () => {
  it('follows the platform, and BUNDEL_CODE_CACHE chooses a folder or turns it off', () => {
    expect(codeCacheRoot({}, 'linux', '/home/a')).toBe(path.join('/home/a', '.cache', 'bundel', 'code'));
    expect(codeCacheRoot({ XDG_CACHE_HOME: '/var/c' }, 'linux', '/home/a')).toBe(path.join('/var/c', 'bundel', 'code'));
    expect(codeCacheRoot({ XDG_CACHE_HOME: 'relatief' }, 'linux', '/home/a')).toBe(path.join('/home/a', '.cache', 'bundel', 'code'));
    expect(codeCacheRoot({}, 'darwin', '/Users/a')).toBe(path.join('/Users/a', 'Library', 'Caches', 'bundel', 'code'));
    expect(codeCacheRoot({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toBe(path.join('C:\\L', 'bundel', 'Cache', 'code'));
    expect(codeCacheRoot({}, 'linux', '')).toBeUndefined();
    expect(codeCacheRoot({ BUNDEL_CODE_CACHE: '0' }, 'linux', '/home/a')).toBeUndefined();
    expect(codeCacheRoot({ BUNDEL_CODE_CACHE: 'Uit' }, 'linux', '/home/a')).toBeUndefined();
    expect(codeCacheRoot({ BUNDEL_CODE_CACHE: '/x/y' }, 'linux', '/home/a')).toBe(path.resolve('/x/y'));
  });

  it('keeps one cache per command', () => {
    expect(cacheName(['--root', 'x', 'lint', '2025-03-05'])).toBe('lint');
    expect(cacheName(['build', '--formaat', 'json'])).toBe('build');
    expect(cacheName(['--version'])).toBe('overig');
  });
});

describe('a cache file', () => {
  it('reads back what was written, and nothing when it is damaged, cut short or not one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a', 'x.cjs.v8');
    const data = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    writeCacheFile(file, data);
    expect(readCacheFile(file)).toEqual(data);
    expect(readdirSync(path.dirname(file))).toEqual(['x.cjs.v8']);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(file, bytes);
    expect(readCacheFile(file)).toBeUndefined();
    writeCacheFile(file, data);
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(readCacheFile(file)).toBeUndefined();
    writeFileSync(file, data);
    expect(readCacheFile(file)).toBeUndefined();
    expect(readCacheFile(path.join(dir, 'geen.v8'))).toBeUndefined();
  });
});

/** `bundel ...args` as a user starts it, with the code cache in `cache` ('0': none). */
const run = (args: string[], cache: string): Promise<CliResult> => spawnAsync(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, BUNDEL_CODE_CACHE: cache } });

describe('bin/bundel.js with the code cache', () => {
  it('builds the same bundle without a cache, filling it, from it, and from a damaged or foreign one', async () => {
    const { id } = JSON.parse(readFileSync(path.join(DIST, MANIFEST), 'utf8')) as { id: string };
    const cache = tempDir();
    const out = tempDir();
    const commandFolder = path.join(bundleFolder(cache, id), 'build');
    // Other bundles' caches on this Node: when this bundle writes its own, one unused for two months
    // goes, and of the rest the three written last stay (other repositories' installs).
    const others = ['ouder', 'een', 'twee', 'drie', 'vier'].map((name) => path.join(bundleFolder(cache, name), 'build'));
    for (const [i, folder] of others.entries()) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'main.cjs.v8'), 'oud');
      const written = new Date(Date.now() - (i === 0 ? 60 * 24 : 5 - i) * 3600 * 1000);
      utimesSync(path.dirname(folder), written, written);
    }

    const build = async (name: string, cacheFolder: string): Promise<Buffer> => {
      const r = await run(['--root', REFERENCE, 'build', '2025-03-05', '-o', path.join(out, `${name}.pdf`)], cacheFolder);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(path.join(out, `${name}.pdf`));
    };
    const none = await build('geen', '0');
    expect(await build('vullen', cache)).toEqual(none);
    const written = readdirSync(commandFolder).sort();
    expect(written).toContain('main.cjs.v8');
    expect(written.some((f) => f.startsWith('build-'))).toBe(true);
    expect(written.every((f) => f.endsWith('.cjs.v8'))).toBe(true);
    expect(readdirSync(path.dirname(bundleFolder(cache, id))).sort()).toEqual([id, 'drie', 'twee', 'vier'].sort());
    expect(await build('uit-cache', cache)).toEqual(none);

    // Damaged: every file's data changed. Foreign: every file holds another module's compiled code.
    const main = path.join(commandFolder, 'main.cjs.v8');
    const mainData = readCacheFile(main)!;
    for (const f of written) {
      const data = readCacheFile(path.join(commandFolder, f))!;
      expect(data, f).toBeDefined();
      const bytes = readFileSync(path.join(commandFolder, f));
      bytes.fill(0x5a, bytes.length - Math.min(200, data.length));
      writeFileSync(path.join(commandFolder, f), bytes);
    }
    expect(await build('beschadigd', cache)).toEqual(none);
    expect(readCacheFile(main)).toBeDefined();
    for (const f of written) writeCacheFile(path.join(commandFolder, f), mainData);
    expect(await build('vreemd', cache)).toEqual(none);
  }, 480_000);

  it('answers --version and bad input the same with and without a cache', async () => {
    const cache = tempDir();
    for (const args of [['--version'], ['--root', path.join(FIXTURES, 'lint', 'lege-bijlage'), 'lint', '--formaat', 'json'], ['bestaat-niet']]) {
      const none = await run(args, '0');
      expect(await run(args, cache)).toEqual(none);
      expect(await run(args, cache)).toEqual(none);
    }
  }, 120_000);
});
