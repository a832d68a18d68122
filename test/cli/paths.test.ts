// Paths in every output format are relative to the current directory (as ESLint's), so CI
// annotations attach also when the meetings live in a subfolder of the git repository; and a run
// that stops before it can check anything says so in the format that was asked for.

import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { copyFixture } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';
import { validateSarif } from '../helpers/sarif-schema.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/lint/onbekend-veld');
const ITEM = 'vergaderingen/2025-03-05/02-lobby.md';



/** A git repository (the temp folder) whose meetings live in the subfolder `bestuur/`. */
function repoWithSubfolder(): string {
  const git = tempDir('bundel-paths-');
  cpSync(FIXTURE, path.join(git, 'bestuur'), { recursive: true });
  return git;
}

interface Sarif {
  runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string }; descriptor: { id: string } }[] }[] }[];
}

/** The file of every finding, in each machine format and in stylish. */
async function filesIn(cwd: string, argv: string[]): Promise<Record<string, string[]>> {
  const json = await runMain([...argv, '--formaat', 'json'], {}, cwd);
  const github = await runMain([...argv, '--formaat', 'github'], {}, cwd);
  const sarif = await runMain([...argv, '--formaat', 'sarif'], {}, cwd);
  const stylish = await runMain(argv, {}, cwd);
  for (const r of [json, github, sarif, stylish]) expect(r.code).toBe(1);
  const log = JSON.parse(sarif.stdout) as Sarif;
  expect(validateSarif(log)).toBe(true);
  const unique = (list: string[]): string[] => [...new Set(list)];
  return {
    json: unique((JSON.parse(json.stdout) as { file: string }[]).map((d) => d.file)),
    github: unique([...github.stdout.matchAll(/^::error file=([^,]+),/gm)].map((m) => m[1])),
    sarif: unique(log.runs[0].results.map((r) => decodeURIComponent(r.locations[0].physicalLocation.artifactLocation.uri))),
    stylish: stylish.stdout.split('\n').filter((l) => /^\S+\.md$/.test(l)),
  };
}

describe('paths relative to the current directory', () => {
  it('from the root of the git repository, with --root naming the subfolder', async () => {
    const git = repoWithSubfolder();
    const expected = [`bestuur/${ITEM}`];
    expect(await filesIn(git, ['--root', 'bestuur', 'lint'])).toEqual({ json: expected, github: expected, sarif: expected, stylish: expected });
  });

  it('from the repository of meetings itself (found upwards, no --root)', async () => {
    const git = repoWithSubfolder();
    const expected = [ITEM];
    expect(await filesIn(path.join(git, 'bestuur'), ['lint'])).toEqual({ json: expected, github: expected, sarif: expected, stylish: expected });
  });

  it('from a meeting folder inside it: the file name alone, the meeting given as `.`', async () => {
    const git = repoWithSubfolder();
    const expected = ['02-lobby.md'];
    expect(await filesIn(path.join(git, 'bestuur/vergaderingen/2025-03-05'), ['lint', '.'])).toEqual({ json: expected, github: expected, sarif: expected, stylish: expected });
  });

  it('from a sibling folder, with --root going up and across', async () => {
    const git = repoWithSubfolder();
    mkdirSync(path.join(git, 'docs'));
    const expected = [`../bestuur/${ITEM}`];
    expect(await filesIn(path.join(git, 'docs'), ['--root', '../bestuur', 'lint'])).toEqual({ json: expected, github: expected, sarif: expected, stylish: expected });
  });
});

describe('a run that stops before checking, in the format asked for', () => {
  /** A folder without bundel.yaml and without vergaderingen/: nothing to check. */
  const empty = (): string => tempDir('bundel-paths-');
  const MESSAGE = 'De map met vergaderingen `vergaderingen` bestaat niet.';

  it('stylish: the message and hint on stderr, exit 2 (a setup error)', async () => {
    const r = await runMain(['lint'], {}, empty());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(MESSAGE);
    expect(r.stderr).toContain('--root <map>');
  });

  it('github: one ::error:: workflow command on stdout', async () => {
    const r = await runMain(['lint', '--formaat', 'github'], {}, empty());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^::error title=map-vergaderingen-ontbreekt::De map met vergaderingen `vergaderingen` bestaat niet\.%0AStart bundel in de repository/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('json: one object with the error on stdout', async () => {
    const r = await runMain(['lint', '--format=json'], {}, empty());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'map-vergaderingen-ontbreekt', file: null, message: MESSAGE, hint: expect.stringContaining('--root <map>') as string, exitCode: 2 },
    });
  });

  it('sarif: a valid log whose invocation failed, the reason as a notification', async () => {
    const r = await runMain(['lint', '-f', 'sarif'], {}, empty());
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout) as Sarif;
    expect(validateSarif(log)).toBe(true);
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications?.map((n) => [n.descriptor.id, n.message.text.split('\n')[0]])).toEqual([['map-vergaderingen-ontbreekt', MESSAGE]]);
  });

  it('a meeting that does not exist, from the git root: exit 2, in JSON', async () => {
    const r = await runMain(['--root', 'bestuur', 'lint', '2031-01-01', '--formaat', 'json'], {}, repoWithSubfolder());
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('vergadering-ontbreekt');
  });

  it('a usage error: a stable code, in the format asked for (also with the English flag name)', async () => {
    const github = await runMain(['lint', '--format', 'github', '--onzin'], {}, empty());
    expect(github.code).toBe(2);
    expect(github.stdout).toBe('::error title=onbekende-optie::Onbekende optie --onzin.%0AZie `bundel --help`.\n');
    const json = await runMain(['lint', '--formaat', 'json', '--onzin'], {}, empty());
    expect((JSON.parse(json.stdout) as { error: { code: string; exitCode: number } }).error).toMatchObject({ code: 'onbekende-optie', exitCode: 2 });
  });
});

describe('messages of the write step, relative to io.cwd', () => {
  it('an output onto an item file names it from the current directory', async () => {
    const root = copyFixture('lint/geldig');
    const r = await runMain(['build', '2025-03-05', '--uitvoer', 'vergaderingen/2025-03-05/01-opening.md'], {}, root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`vergaderingen/2025-03-05/01-opening.md`');
    expect(r.stderr).not.toContain(root);
  });
});
