// The JSON Schemas that `bundel schema` and `bundel init` write for editors: draft-07, the draft the
// YAML language server (VS Code's YAML extension) and remark-lint-frontmatter-schema read. Checked
// with Ajv's draft-07 validator in strict mode, against the reference meeting and a broken item.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemas } from '../../src/model/schema.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../fixtures/reference');
const MEETING = path.join(REFERENCE, 'vergaderingen/2025-03-05');

const frontMatter = (text: string): unknown => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]);

describe('JSON Schemas for editors', () => {
  const schemas = jsonSchemas();
  // CommonJS module: its class sits on `.default` under NodeNext.
  const ajv = new Ajv.default({ strict: true, allowUnionTypes: true, allErrors: true });
  const check = Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, ajv.compile(s)])) as Record<keyof typeof schemas, ReturnType<typeof ajv.compile>>;

  it('declare draft-07', () => {
    for (const schema of Object.values(schemas)) expect((schema as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accept every file of the reference meeting', () => {
    const items = readdirSync(MEETING).filter((f) => f.endsWith('.md'));
    expect(items.length).toBe(8);
    for (const file of items) {
      const ok = check.agendapunt(frontMatter(readFileSync(path.join(MEETING, file), 'utf8')));
      expect(ok ? [] : check.agendapunt.errors, file).toEqual([]);
    }
    expect(check.vergadering(parse(readFileSync(path.join(MEETING, 'vergadering.yaml'), 'utf8')))).toBe(true);
    expect(check.bundel(parse(readFileSync(path.join(REFERENCE, 'bundel.yaml'), 'utf8')))).toBe(true);
  });

  it('reject a misspelt field, a bad number and a missing subject, at their paths', () => {
    const item = frontMatter(readFileSync(path.join(MEETING, '02-lobby.md'), 'utf8')) as Record<string, unknown>;
    const { portefeuillehouder, onderwerp: _, ...rest } = item;
    expect(check.agendapunt({ ...rest, portefeuilehouder: portefeuillehouder, agendapunt: '9x9' })).toBe(false);
    const errors = check.agendapunt.errors!.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    expect(errors).toContainEqual(expect.stringContaining('additionalProperties {"additionalProperty":"portefeuilehouder"}'));
    expect(errors).toContainEqual(expect.stringContaining('/agendapunt pattern'));
    expect(errors).toContainEqual(expect.stringContaining('required {"missingProperty":"onderwerp"}'));
  });
});
