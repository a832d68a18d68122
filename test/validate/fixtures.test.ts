// The lint fixtures reproduce the defects of the real 5 March 2025 bundle. Each fixture names the rules
// it must trigger here, and marks the offending line in its files with `{rule-id}` (as markdownlint's
// test files do); every finding must land on a marked line.

import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMeetings, loadMeeting, openRepository } from '../../src/load/meeting.js';
import { validate } from '../../src/validate/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/lint');

async function markers(root: string): Promise<Set<string>> {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) await walk(abs);
      else if (/\.(md|ya?ml)$/.test(e.name)) {
        (await readFile(abs, 'utf8')).split('\n').forEach((line, i) => {
          for (const m of line.matchAll(/\{([a-z]+(?:-[a-z]+)*)\}/g)) found.add(`${path.relative(root, abs).split(path.sep).join('/')}:${i + 1}:${m[1]}`);
        });
      }
    }
  };
  await walk(root);
  return found;
}

async function lint(name: string) {
  const root = path.join(FIXTURES, name);
  const { config, diagnostics } = await openRepository(root);
  const all = [...diagnostics];
  // With the attachments' text, as `bundel lint` reads it (no cache).
  for (const dir of await listMeetings(config)) all.push(...validate((await loadMeeting(config, dir, { text: {} })).meeting));
  return { root, diagnostics: all };
}

function testFixture(name: string, expectedRules: string[], extra?: () => Promise<void>): void {
  it(`${name}: ${expectedRules.join(', ') || 'no findings'}`, async () => {
    await extra?.();
    const { root, diagnostics } = await lint(name);
    expect([...new Set(diagnostics.map((d) => d.rule))].sort()).toEqual([...expectedRules].sort());
    const marked = await markers(root);
    for (const d of diagnostics.filter((d) => d.line !== undefined && d.rule !== 'front-matter')) {
      expect(marked, `${d.file}:${d.line} ${d.rule}: ${d.message}`).toContain(`${d.file}:${d.line}:${d.rule}`);
    }
  });
}

describe('lint fixtures', () => {
  testFixture('geldig', []);
  testFixture('lege-bijlage', ['bijlage-compleet']);
  testFixture('dubbele-agendapunt', ['agendapunt-uniek']);
  testFixture('onbekend-veld', ['schema']);
  testFixture('verkeerde-hoofdletters', ['bijlage-bestand']);
  testFixture('verwijzing-bestaat-niet', ['bijlage-verwijzing']);
  testFixture('andere-titel', ['bijlage-titel', 'bijlage-niet-toegankelijk']);

  const ran = path.join(tmpdir(), 'bundel-js-front-matter-ran');
  testFixture('js-front-matter', ['front-matter'], () => rm(ran, { force: true }));
  it('js-front-matter: the code in the front matter did not run', async () => {
    await rm(ran, { force: true });
    await lint('js-front-matter');
    expect(existsSync(ran)).toBe(false);
  });
});
