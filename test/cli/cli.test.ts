// The CLI as a user runs it, in-process through main(argv, io): exit codes, output formats, and
// what is (not) written. test/cli/smoke.test.ts runs the real bin/bundel.js.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { copyFixture, FIXTURES, item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

describe('bundel (no command, help, usage errors)', () => {
  it('shows help and exits 2 without a command', async () => {
    const r = await runMain([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Gebruik: bundel');
    expect(r.stdout).toContain('build');
  });

  it('exits 0 for --help', async () => {
    const r = await runMain(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--openbaar');
  });

  it('answers an unknown option in Dutch with exit 2', async () => {
    const r = await runMain(['lint', '--onzin']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Onbekende optie --onzin');
  });

  it('says which meeting it cannot find', async () => {
    const r = await runMain(['--root', path.join(FIXTURES, 'reference'), 'build', '2031-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Er is geen vergadering op 2031-01-01');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('bundel lint', () => {
  const root = path.join(FIXTURES, 'lint', 'lege-bijlage');

  it('reports errors grouped per file with line:column, exit 1', async () => {
    const r = await runMain(['--root', root, 'lint']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/vergaderingen\/2025-03-05\/\S+\.md/);
    expect(r.stdout).toMatch(/\d+:\d+\s+fout\s+.+bijlage-compleet/);
    expect(r.stdout).toMatch(/✖ \d+ problee?m/);
  });

  it('prints JSON with file, line, column, rule, severity, message and hint', async () => {
    const r = await runMain(['lint', '--formaat', 'json', '2025-03-05'], {}, root);
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as { file: string; line: number; column: number; rule: string; severity: string; hint: string }[];
    const finding = list.find((d) => d.rule === 'bijlage-compleet')!;
    expect(finding.file).toMatch(/^vergaderingen\/2025-03-05\/.+\.md$/);
    expect(finding.line).toBeGreaterThan(1);
    expect(finding.column).toBeGreaterThan(0);
    expect(finding.severity).toBe('error');
    expect(finding.hint).toBeTruthy();
  });

  it('prints GitHub annotations', async () => {
    const r = await runMain(['lint', '--format', 'github'], {}, root);
    expect(r.stdout).toMatch(/^::error file=vergaderingen\/2025-03-05\/.+,line=\d+,col=\d+/m);
  });

  it('exits 0 on a clean meeting and lints every meeting without arguments', async () => {
    const r = await runMain(['--root', path.join(FIXTURES, 'lint', 'geldig'), 'lint']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Geen problemen gevonden in 1 vergadering');
  });

  it('never runs JavaScript front matter', async () => {
    const marker = path.join(tmpdir(), 'bundel-js-front-matter-ran');
    rmSync(marker, { force: true });
    const dir = copyFixture('lint/js-front-matter');
    for (const command of ['lint', 'build']) {
      const r = await runMain(['--root', dir, command, ...(command === 'lint' ? ['--formaat', 'json'] : ['2025-03-05'])]);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain('front-matter');
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe('bundel build', () => {
  it('writes nothing when there are errors, and leaves an earlier bundle alone', async () => {
    const dir = copyFixture('lint/lege-bijlage');
    const out = path.join(dir, 'uit', 'bundel.pdf');
    const before = 'an earlier bundle';
    await runMain(['--root', dir, 'build', '2025-03-05', '-o', out]);
    expect(existsSync(path.dirname(out)), 'a failed build creates no folder').toBe(false);
    // Put an earlier bundle in place; the failing build must leave it as it was.
    mkdirSync(path.dirname(out));
    writeFileSync(out, before);
    const r = await runMain(['--root', dir, 'build', '2025-03-05', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bijlage-compleet');
    expect(r.stderr).toContain('De bundel is niet gemaakt');
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(out))).toEqual(['bundel.pdf']);
  });

  it('writes PDF, JSON and HTML with a Dutch default name into the meeting folder', async () => {
    const dir = copyFixture('lint/geldig');
    const r = await runMain(['--root', dir, 'build', '2025-03-05']);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    const meeting = path.join(dir, 'vergaderingen', '2025-03-05');
    const files = readdirSync(meeting).filter((f) => f.startsWith('Bundel '));
    expect(files.sort()).toEqual(['Bundel Algemeen Bestuur 2025-03-05.html', 'Bundel Algemeen Bestuur 2025-03-05.json', 'Bundel Algemeen Bestuur 2025-03-05.pdf']);
    const html = readFileSync(path.join(meeting, 'Bundel Algemeen Bestuur 2025-03-05.html'), 'utf8');
    expect(html).toMatch(/href="Bundel%20Algemeen%20Bestuur%202025-03-05\.pdf#page=\d+"/);
    expect(r.stdout).toContain('Bundel gemaakt');
    // No temporary files left behind.
    expect(readdirSync(meeting).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a date that two meetings share, naming both', async () => {
    const dir = writeRepo({
      'vergaderingen/2025-03-05-ab/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\n',
      'vergaderingen/2025-03-05-db/vergadering.yaml': 'orgaan: Dagelijks Bestuur\ndatum: 2025-03-05\n',
    });
    const r = await runMain(['--root', dir, 'build', '2025-03-05']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025-03-05-ab');
    expect(r.stderr).toContain('2025-03-05-db');
  });

  it('builds a meeting given as a folder path, with warnings printed and exit 0', async () => {
    const dir = writeRepo({
      'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: Dagelijks Bestuur\ndatum: 2025-03-05\n',
      'vergaderingen/2025-03-05/01.md': item('vergadering: 2025-03-05\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling', 'TODO: afmeldingen\n'),
    });
    const out = path.join(dir, 'b.pdf');
    const r = await runMain(['build', path.join(dir, 'vergaderingen', '2025-03-05'), '-o', out, '--root', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('placeholder');
    expect(existsSync(out)).toBe(true);
  });
});

describe('bundel schema', () => {
  it('prints JSON Schema for the three files', async () => {
    const r = await runMain(['schema']);
    expect(r.code).toBe(0);
    const schemas = JSON.parse(r.stdout);
    expect(Object.keys(schemas).sort()).toEqual(['agendapunt', 'bundel', 'vergadering']);
    expect(JSON.stringify(schemas.agendapunt)).toContain('beslispunten');
  });

  it('writes them to a folder with --out', async () => {
    const dir = tempDir();
    const r = await runMain(['schema', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['agendapunt.schema.json', 'bundel.schema.json', 'vergadering.schema.json']);
  });
});
