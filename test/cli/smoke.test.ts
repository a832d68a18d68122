// A few runs of the real bin/bundel.js (bundled into dist/ by test/global-setup.ts), as a user
// starts it: everything else about the CLI is tested in-process (cli.test.ts). And the one thing
// only a real process can show: a build killed half-way leaves the previous bundle as it was.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import { renderIndexHtml } from '../../src/bundle/outputs/html.js';
import { BIN, runCli, runMain } from '../helpers/cli.js';
import { copyFixture, FIXTURES } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const REFERENCE = path.join(FIXTURES, 'reference');

describe('bin/bundel.js', () => {
  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lints the reference meeting without errors', () => {
    const r = runCli(['--root', REFERENCE, 'lint']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('(0 fouten,');
    expect(r.code).toBe(0);
  });

  it('reads the attachment text on its own thread as this process does, and caches it before it ends', async () => {
    // The real thread: the job's content handed over (transferred), the cache written after each
    // answer and waited for at the end. Tests of the TypeScript sources read text in their own thread.
    const cache = tempDir();
    const args = ['--root', REFERENCE, 'lint', '--formaat', 'json'];
    const threaded = runCli(args, { env: { BUNDEL_CACHE: cache } });
    expect(threaded.stderr).toBe('');
    const inProcess = await runMain(args, { BUNDEL_CACHE: tempDir(), BUNDEL_THREADS: '0' });
    expect(threaded.stdout).toBe(inProcess.stdout);
    const summaries = readdirSync(path.join(cache, 'tekst')).filter((f) => f.endsWith('.samenvatting.json'));
    expect(summaries.length).toBeGreaterThanOrEqual(8);
    for (const f of summaries) expect(JSON.parse(readFileSync(path.join(cache, 'tekst', f), 'utf8'))).toHaveProperty('pageCount');
    expect(readdirSync(path.join(cache, 'tekst')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // From the cache: the same findings.
    expect(runCli(args, { env: { BUNDEL_CACHE: cache } }).stdout).toBe(threaded.stdout);
  });

  it('answers bad input with exit 1 and a Dutch message', () => {
    // The agenda names a public attachment and the text cache is empty: the text thread starts early,
    // gets no file (the attachment is empty), and is stopped without holding up the end.
    const r = runCli(['--root', path.join(FIXTURES, 'lint', 'lege-bijlage'), 'lint'], { env: { BUNDEL_CACHE: tempDir() } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bijlage-compleet');
    expect(r.stderr).toBe('');
  });
});

/** Start a build, kill it (SIGKILL) as soon as its progress shows `stage`, and report how it ended. */
function buildKilledAt(args: string[], stage: string): Promise<{ signal: NodeJS.Signals | null; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(`${stage}:`)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('a build', () => {
  it('writes the bundle, and when killed half-way leaves it intact, with no stray files', async () => {
    const root = copyFixture('reference');
    const out = path.join(root, 'uit', 'bundel.pdf');
    const args = ['--root', root, 'build', '2025-03-05', '-o', out];
    const first = runCli(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Bundel gemaakt');
    const files = ['bundel.html', 'bundel.json', 'bundel.pdf'];
    expect(readdirSync(path.dirname(out)).sort()).toEqual(files);
    const previous = files.map((f) => readFileSync(path.join(path.dirname(out), f)));
    // The bundled CLI's index page comes from the template precompiled in the bundle: the same page
    // as the Handlebars compiler makes of the template here.
    const index = JSON.parse(previous[1].toString('utf8')) as BundleIndex;
    expect(previous[0].toString('utf8')).toBe(renderIndexHtml(index, 'bundel.pdf'));

    // Killed while checking and laying out, and while assembling: each time before the build is done.
    for (const stage of ['Ingelezen', 'Opgemaakt']) {
      const r = await buildKilledAt(args, stage);
      expect(r.signal, `${stage}: the build finished before it was killed\n${r.stderr}`).toBe('SIGKILL');
      expect(r.code).toBeNull();
      expect(r.stdout).not.toContain('Bundel gemaakt');
      expect(r.stderr).toContain(`${stage}:`);
      expect(readdirSync(path.dirname(out)).sort(), stage).toEqual(files);
      files.forEach((f, i) => expect(readFileSync(path.join(path.dirname(out), f)).equals(previous[i]), `${stage}: ${f}`).toBe(true));
    }
  });
});
