// The diagnostic id registry and docs/rules/ match both ways: every id has its page, every page an id.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticIds } from '../../src/validate/registry.js';

const DOCS = path.resolve(import.meta.dirname, '../../docs/rules');

describe('diagnostic id registry', () => {
  const ids = diagnosticIds().map((k) => k.id);

  it('holds the lint rules, the loader ids and the build ids, each once and kebab-case', () => {
    const by = new Set(diagnosticIds().map((k) => k.reportedBy));
    expect([...by].sort()).toEqual(['build', 'lint', 'load']);
    expect(ids).toContain('tekens-ontbreken');
    expect(ids).toContain('yaml-syntax');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(ids)('`%s` has docs/rules/<id>.md', (id) => {
    const doc = path.join(DOCS, `${id}.md`);
    expect(existsSync(doc), doc).toBe(true);
    expect(readFileSync(doc, 'utf8')).toMatch(new RegExp(`^# \`${id}\``));
  });

  it('docs/rules/ has no page without an id', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    expect(pages.filter((p) => !ids.includes(p))).toEqual([]);
  });
});
