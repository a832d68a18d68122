// The package as a secretariat gets it: `npm pack`, installed into an empty folder outside this
// repository, then `npx bundel --help`, `init`, the reference meeting copied in, `lint`, `build`,
// and the commands of the GitHub workflow and the pre-commit hook that `init` wrote. One real,
// slow smoke test (it installs the runtime dependencies from the registry); its folder is a tempDir.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CliResult, spawnAsync } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const MEETING = path.join(REPO, 'fixtures/reference/vergaderingen/2025-03-05');

// npm run-script variables of this repository must not leak into the installs below.
const ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD')),
  NO_COLOR: '1',
  FORCE_COLOR: undefined,
};

type Ran = CliResult;

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> => spawnAsync(command, args, { cwd, env: { ...ENV, ...env }, timeout: 300_000 });

async function ok(running: Promise<Ran>, what: string): Promise<Ran> {
  const r = await running;
  expect(r.code, `${what}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

/** `${{ a || b }}` in an action or workflow file: dotted paths into `context`, `||`, quoted strings. */
function expand(text: string, context: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    for (const alternative of expression.split('||').map((s) => s.trim())) {
      const quoted = /^'(.*)'$/.exec(alternative);
      const value = quoted ? quoted[1] : alternative.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], context);
      if (value) return String(value);
    }
    return '';
  });
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

/** Runs the `run:` steps of a workflow job or composite action as the runner would; `uses:` of a local action recurses. */
async function runSteps(steps: Step[], cwd: string, context: Record<string, unknown>, log: string[]): Promise<void> {
  for (const step of steps) {
    if (step.uses?.startsWith('./')) {
      const actionPath = path.join(cwd, step.uses);
      const action = parse(readFileSync(path.join(actionPath, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { steps: Step[] } };
      const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, step.with?.[k] ?? v.default ?? '']));
      await runSteps(action.runs.steps, cwd, { ...context, inputs, github: { ...(context.github as object), action_path: actionPath } }, log);
    } else if (step.uses) {
      log.push(`overgeslagen: ${step.uses}`);
    } else if (step.run) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, context)]));
      const dir = path.resolve(cwd, expand(step['working-directory'] ?? '.', context));
      const r = await ok(run('bash', ['-e', '-c', step.run], dir, { ...env, ...(context.env as NodeJS.ProcessEnv) }), step.run);
      log.push(r.stdout, r.stderr);
    }
  }
}

it('installs from the packed tarball and runs init, lint, build and the CI and pre-commit commands', { timeout: 600_000 }, async () => {
  const work = tempDir('bundel-pack-');
  // dist/ was built by `pretest`; --ignore-scripts keeps `prepare` from rebuilding it under running tests.
  await ok(run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], REPO), 'npm pack');
  const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);

  const app = path.join(work, 'vergaderingen');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({ name: 'ab-vergaderingen', private: true }, null, 2)}\n`);
  await ok(run('npm', ['install', '-D', tarball, '--no-audit', '--no-fund'], app), 'npm install');
  // No development dependency came along (type packages aside: dependencies bring some), yet everything below works.
  const devDependencies = Object.keys((JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { devDependencies: object }).devDependencies);
  for (const dev of devDependencies.filter((d) => !d.startsWith('@types/'))) expect(existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false);

  const help = await ok(run('npx', ['--no-install', 'bundel', '--help'], app), 'bundel --help');
  expect(help.stdout).toContain('Gebruik: bundel');
  expect(help.stdout).toContain('init');

  const init = await ok(run('npx', ['--no-install', 'bundel', 'init'], app), 'bundel init');
  expect(init.stdout).toContain('Aangemaakt in .:');
  expect(init.stdout).not.toContain('package.json');

  // The repository as it is before the meeting arrives, then the meeting in a commit of its own.
  const git = (...args: string[]): Promise<Ran> => ok(run('git', ['-c', 'user.name=Secretariaat', '-c', 'user.email=secretariaat@example.org', ...args], app), `git ${args.join(' ')}`);
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'bundel init');
  const base = (await git('rev-parse', 'HEAD')).stdout.trim();
  cpSync(MEETING, path.join(app, 'vergaderingen/2025-03-05'), { recursive: true });
  await git('add', '-A');
  await git('commit', '-q', '-m', 'AB 5 maart 2025');
  // Built bundles are ignored by the .gitignore that init wrote.
  expect((await git('status', '--porcelain')).stdout).toBe('');

  const lint = await ok(run('npx', ['--no-install', 'bundel', 'lint'], app), 'bundel lint');
  // Exit 0: no errors (warnings, such as those of rules about the state of the meeting, may come).
  expect(lint.stdout).toMatch(/Geen problemen gevonden in 1 vergadering|\(0 fouten, \d+ waarschuwingen?\)/);

  const build = await ok(run('npx', ['--no-install', 'bundel', 'build', '2025-03-05'], app), 'bundel build');
  // Into the output folder that init's bundel.yaml names (and its .gitignore ignores).
  expect(build.stdout).toContain('Bundel gemaakt: uitvoer/2025-03-05/Bundel Algemeen Bestuur 2025-03-05.pdf');
  const pdf = await PDFDocument.load(readFileSync(path.join(app, 'uitvoer/2025-03-05/Bundel Algemeen Bestuur 2025-03-05.pdf')));
  // The whole reference bundle: as many pages as the CLI reported, agenda, memos and attachments.
  expect(pdf.getPageCount()).toBe(Number(/\((\d+) pagina's/.exec(build.stdout)?.[1]));
  expect(pdf.getPageCount()).toBeGreaterThan(50);
  expect((await git('status', '--porcelain')).stdout).toBe('');

  // The workflow that init wrote, step by step (checkout, setup-node and upload-artifact are the runner's own).
  const workflow = parse(readFileSync(path.join(app, '.github/workflows/bundel.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const runnerTemp = path.join(work, 'runner-temp');
  mkdirSync(runnerTemp);
  const outputFile = path.join(work, 'github-output');
  writeFileSync(outputFile, '');
  const context = { github: { event: { pull_request: { base: { sha: base } } } }, runner: { temp: runnerTemp }, env: { GITHUB_OUTPUT: outputFile, CI: 'true' } };
  const log: string[] = [];
  await runSteps(Object.values(workflow.jobs)[0].steps, app, context, log);
  expect(log.filter((l) => l.startsWith('overgeslagen'))).toEqual(['overgeslagen: actions/checkout@v4', 'overgeslagen: actions/setup-node@v4', 'overgeslagen: actions/upload-artifact@v4']);
  const artifact = path.join(runnerTemp, 'bundel/2025-03-05');
  expect(readdirSync(artifact).sort()).toEqual(['Bundel 2025-03-05.html', 'Bundel 2025-03-05.json', 'Bundel 2025-03-05.pdf']);
  expect(readFileSync(outputFile, 'utf8')).toBe(`bundels<<BUNDEL_EOF\n${artifact}\n${'BUNDEL_EOF'}\n`);

  // The lint step of the action on a broken item: an annotation on the file, exit 1.
  const item = path.join(app, 'vergaderingen/2025-03-05/02-lobby.md');
  writeFileSync(item, readFileSync(item, 'utf8').replace('portefeuillehouder:', 'portefeuilehouder:'));
  const annotated = await run('node', ['node_modules/bundel/bin/bundel.js', 'lint', '--formaat', 'github'], app);
  expect(annotated.code).toBe(1);
  expect(annotated.stdout).toMatch(/^::error file=vergaderingen\/2025-03-05\/02-lobby\.md,line=\d+,col=1,.*title=schema::Onbekend veld `portefeuilehouder`/m);

  // The pre-commit hook's command.
  const hook = (parse(readFileSync(path.join(app, '.pre-commit-config.yaml'), 'utf8')) as { repos: { hooks: { entry: string }[] }[] }).repos[0].hooks[0];
  const preCommit = await run('bash', ['-c', hook.entry], app);
  expect(preCommit.code).toBe(1);
  expect(preCommit.stdout).toContain('Onbekend veld `portefeuilehouder`');
});
