// Issue 10 (7): lint refuses every bundel.yaml template that a build would fail on (for the members'
// and the public build), and `{{log}}` prints nothing. Through main(argv, io).

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';

const DATE = '2025-03-05';
const MEETING = `vergaderingen/${DATE}`;

afterEach(() => {
  vi.restoreAllMocks();
});

function repo(bundel: string): string {
  return writeRepo({
    'bundel.yaml': `organisatie: Test\n${bundel}`,
    [`${MEETING}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${MEETING}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
  });
}

describe('templates in bundel.yaml (issue 10, item 7)', () => {
  it.each([
    ['a partial', `bestandsnaam: '{{> partial}}'\n`, [], 'bestandsnaam'],
    ['#each without argument', `titel: '{{#each}}x{{/each}}'\n`, [], 'titel'],
    ['a partial only in the public build', `bestandsnaam: 'b{{#if openbaar}}{{> x}}{{/if}}'\n`, ['--public'], 'bestandsnaam'],
    ['a stamp that fails at page time', `stempel: '{{pagina}}{{#each}}{{/each}}'\n`, [], 'stempel'],
  ])('%s: lint exit 1 at the template, build exit 1, nothing written', async (_what, bundel, flags, field) => {
    const root = repo(bundel);
    const lint = await runMain(['--root', root, 'lint', '--format', 'json', DATE], {}, root);
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout)).toEqual([expect.objectContaining({ file: 'bundel.yaml', line: 2, rule: 'sjabloon', severity: 'error', message: expect.stringContaining(`\`${field}\` stopt de bouw`) })]);
    const build = await runMain(['--root', root, 'build', DATE, ...flags]);
    expect(build.code, build.stderr).toBe(1);
    expect(build.stderr).toContain('bundel.yaml');
    expect(build.stderr).not.toMatch(/Er ging iets mis|^\s+at /m);
    expect(readdirSync(path.join(root, MEETING)).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('{{log}} prints nothing, in lint or build', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const root = repo(`stempel: '{{log "GELOGD" level="error"}}{{log orgaan}}{{pagina}}'\ntitel: '{{log "GELOGD"}}T'\n`);
    const lint = await runMain(['--root', root, 'lint', DATE], {}, root);
    expect(lint.code).toBe(0);
    const build = await runMain(['--root', root, 'build', DATE, '-o', path.join(root, 'uit', 'b.pdf')]);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(path.join(root, 'uit', 'b.pdf'))).toBe(true);
    for (const spy of spies) expect(spy.mock.calls.flat().join(' ')).not.toContain('GELOGD');
    expect(lint.stdout + lint.stderr + build.stdout + build.stderr).not.toContain('GELOGD');
  });
});
