// The help is Dutch throughout, commander's own headings included, and the English flags of earlier
// versions still work as aliases of the Dutch ones.

import { describe, expect, it } from 'vitest';
import { translateFlags } from '../../src/cli/help.js';
import { runMain } from '../helpers/cli.js';

const ENGLISH = /\b(Usage|Options|Arguments|Commands|Global Options|choices|default|preset|display help)\b|\[options\]|\[command\]/;

/** The command names as `bundel --help` lists them. */
async function commandNames(): Promise<string[]> {
  const { stdout } = await runMain(['--help']);
  const list = stdout.split(/^Commando’s:$/m)[1] ?? '';
  return [...list.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]);
}

describe('help', () => {
  it('lists the commands', async () => {
    expect(await commandNames()).toEqual(expect.arrayContaining(['lint', 'build', 'schema', 'help']));
  });

  it('has no English heading or note in the help of bundel and of every command', async () => {
    const names = await commandNames();
    const texts = [(await runMain(['--help'])).stdout, (await runMain([])).stdout];
    for (const name of names) {
      const r = await runMain([name, '--help']);
      expect(r.code, name).toBe(0);
      texts.push(r.stdout);
    }
    for (const text of texts) {
      expect(text).toMatch(/^Gebruik: bundel/);
      expect(text).not.toMatch(ENGLISH);
    }
  });

  it('shows choices and default in Dutch', async () => {
    const { stdout } = await runMain(['lint', '--help']);
    expect(stdout.replace(/\s+/g, " ")).toContain("keuze: stylish, json, github, sarif; standaard: stylish");
  });

  it('names the flags in Dutch and keeps the English ones out of the help', async () => {
    const { stdout } = await runMain(['build', '--help']);
    for (const flag of ['--uitvoer', '--openbaar', '--niet-ontdubbelen', '--wachtwoord']) expect(stdout).toContain(flag);
    for (const flag of ['--output', '--public', '--no-dedupe']) expect(stdout).not.toContain(flag);
  });
});

describe('English flag aliases', () => {
  it('become the Dutch flags, also with =value, and not after --', () => {
    expect(translateFlags(['build', 'x', '--public', '--output=a.pdf', '--no-dedupe', '--', '--public'])).toEqual([
      'build', 'x', '--openbaar', '--uitvoer=a.pdf', '--niet-ontdubbelen', '--', '--public',
    ]);
    expect(translateFlags(['lint', '--formaat', 'json'])).toEqual(['lint', '--formaat', 'json']);
    expect(translateFlags(['schema', '--out', 'x'])).toEqual(['schema', '--uitvoer', 'x']);
  });

  it('are accepted by the commands', async () => {
    const r = await runMain(['--root', 'fixtures/lint/geldig', 'lint', '--formaat', 'json', '2025-03-05']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
