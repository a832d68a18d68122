// `bundel init`: what it writes, that lint accepts it, and that it never replaces a file.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundelSchema, jsonSchemas } from '../../src/model/schema.js';
import { runMain } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';


const init = (cwd: string, map?: string) => runMain(map ? ['init', map] : ['init'], {}, cwd);

const FILES = [
  'bundel.yaml',
  '.gitignore',
  '.vscode/settings.json',
  '.vscode/extensions.json',
  '.github/workflows/bundel.yml',
  '.pre-commit-config.yaml',
  '.vscode/agendapunt.schema.json',
  '.vscode/vergadering.schema.json',
  '.vscode/bundel.schema.json',
  'vergaderingen/.gitkeep',
];

describe('bundel init', () => {
  it('makes a repository of meetings in a new folder, and lint finds nothing wrong with it', async () => {
    const cwd = tempDir();
    const r = await init(cwd, 'repo');
    expect(r.code).toBe(0);
    const root = path.join(cwd, 'repo');
    for (const f of FILES) expect(existsSync(path.join(root, f)), f).toBe(true);
    expect(r.stdout).toContain('Aangemaakt in repo:');
    expect(r.stdout).toContain('Er is hier nog geen package.json');

    const lint = await runMain(['lint'], {}, root);
    expect(lint.stdout).toContain('Geen problemen gevonden in 0 vergaderingen');
    expect(lint.code).toBe(0);
  });

  it('writes files that their tools can read: settings and schemas, the workflow, pre-commit', async () => {
    const root = tempDir();
    await init(root);
    const settings = JSON.parse(readFileSync(path.join(root, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    for (const schemaFile of Object.keys(settings['yaml.schemas'])) expect(existsSync(path.join(root, schemaFile)), schemaFile).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, '.vscode/agendapunt.schema.json'), 'utf8'))).toEqual(jsonSchemas().agendapunt);
    const workflow = parse(readFileSync(path.join(root, '.github/workflows/bundel.yml'), 'utf8')) as { jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
    const steps = Object.values(workflow.jobs)[0].steps;
    expect(steps.map((s) => s.uses ?? s.run)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', './node_modules/bundel']);
    const preCommit = parse(readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8')) as { repos: { hooks: { id: string; entry: string; files: string }[] }[] };
    const hook = preCommit.repos[0].hooks[0];
    expect(hook.entry).toBe('npx --no-install bundel lint');
    const files = new RegExp(hook.files);
    expect(['bundel.yaml', 'vergaderingen/2025-03-05/vergadering.yaml', 'vergaderingen/2025-03-05/02-lobby.md'].every((f) => files.test(f))).toBe(true);
    expect(files.test('vergaderingen/2025-03-05/bijlagen/brief.pdf')).toBe(false);
  });

  it('bundel.yaml names every field of the schema, filled in or as a comment to fill in', async () => {
    const root = tempDir();
    await init(root);
    const text = readFileSync(path.join(root, 'bundel.yaml'), 'utf8');
    for (const field of Object.keys(bundelSchema.shape)) expect(text, field).toMatch(new RegExp(`^(# )?${field}:`, 'm'));
  });

  it('the examples in bundel.yaml, uncommented, pass lint (the logo aside: there is no logo file)', async () => {
    const root = tempDir();
    await init(root);
    const file = path.join(root, 'bundel.yaml');
    // Examples are the comment lines that hold a key or an indented line; prose starts otherwise.
    const filledIn = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.replace(/^# (?=[a-z_]+:|\s)/, ''))
      .filter((line) => !line.startsWith('logo:'))
      .join('\n');
    expect(filledIn).toMatch(/^organen:\n {2}Algemeen Bestuur:\n {4}aanleveren: 15 werkdagen$/m);
    writeFileSync(file, filledIn);
    const lint = await runMain(['lint'], {}, root);
    expect(lint.stdout).toContain('Geen problemen gevonden in 0 vergaderingen');
    expect(lint.code).toBe(0);
  });

  it('never replaces a file: what exists is listed as skipped and left as it was', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, '.gitignore'), 'eigen regels\n');
    mkdirSync(path.join(root, '.vscode'));
    writeFileSync(path.join(root, '.vscode/settings.json'), '{ "editor.tabSize": 2 }\n');
    writeFileSync(path.join(root, 'package.json'), '{}\n');
    const r = await init(root);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('eigen regels\n');
    expect(readFileSync(path.join(root, '.vscode/settings.json'), 'utf8')).toBe('{ "editor.tabSize": 2 }\n');
    expect(r.stdout).toMatch(/Overgeslagen, want het bestand bestaat al[^\n]*\n {2}\.gitignore\n {2}\.vscode\/settings\.json\n/);
    expect(r.stdout).not.toContain('package.json');

    writeFileSync(path.join(root, 'bundel.yaml'), 'organisatie: Eigen\n');
    const again = await init(root);
    expect(again.stdout).toContain('Alle bestanden bestonden al; er is niets veranderd.');
    expect(readFileSync(path.join(root, 'bundel.yaml'), 'utf8')).toBe('organisatie: Eigen\n');
  });
});
