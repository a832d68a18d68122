// docs/errors.md is the error contract: every code the loader can produce is documented there,
// errors among the errors and warnings among the warnings.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_PROBLEM_CODES } from '../../src/pdf/problems.js';
import { SOURCE_PROBLEM_RULES } from '../../src/convert/problems.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const docs = readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
const section = (heading: string): string => {
  const start = docs.indexOf(`## ${heading}`);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
};

describe('docs/errors.md', () => {
  it.each(Object.entries(PDF_PROBLEM_CODES))('documents `%s` as %s', (code, severity) => {
    // actief-verwijderd is the assembler's report, described in prose under the warnings.
    const where = section(severity === 'error' ? 'Attachment files: errors' : 'Attachment files: warnings');
    expect(where).toContain(code === 'actief-verwijderd' ? `\`${code}\`` : `| \`${code}\``);
  });

  it.each(Object.entries(SOURCE_PROBLEM_RULES))('documents `%s` with its rule `%s`', (code, rule) => {
    expect(section('Office files and images')).toContain(`| \`${code}\` | [\`${rule}\`](rules/${rule}.md) |`);
  });

  it('documents every attachment-path code', () => {
    const source = readFileSync(path.join(ROOT, 'src/load/attachment-path.ts'), 'utf8');
    const codes = new Set([...source.matchAll(/problem\('([a-z-]+)'/g)].map((m) => m[1]));
    expect(codes.size).toBeGreaterThan(4);
    for (const code of codes) expect(section('Attachment paths'), code).toContain(`\`${code}\``);
  });

  it('documents every error that stops a run', () => {
    const codes = new Set<string>();
    for (const file of readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const source = readFileSync(path.join(ROOT, 'src', file), 'utf8');
      for (const m of source.matchAll(/BundelError\(\s*'([a-z-]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(2);
    for (const code of codes) expect(section('Errors that stop a run'), code).toContain(`\`${code}\``);
  });
});
