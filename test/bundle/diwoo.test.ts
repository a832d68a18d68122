// The DiWoo metadata of the reference meeting's public bundle validates against the vendored schema
// of standaarden.overheid.nl (DiWoo 0.9.8 with its TOOI value lists, sitemap 0.9, MDTO 1.0.1), with
// xmllint and no network; and a broken value is caught, so the check can fail.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting } from '../../src/bundle/build.js';
import { diwooSitemap } from '../../src/bundle/outputs/diwoo.js';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import { openRepository } from '../../src/load/meeting.js';
import { tempDir } from '../helpers/temp.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../fixtures/reference');
const SCHEMAS = path.resolve(import.meta.dirname, '../../schemas/diwoo');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

let dir: string;
let index: BundleIndex;
/** What `bundel build --public` writes beside the reference bundle. */
let written: string;

beforeAll(async () => {
  dir = tempDir('bundel-diwoo-');
  const { config } = await openRepository(REFERENCE);
  const result = await buildMeeting(config, path.join(REFERENCE, 'vergaderingen/2025-03-05'), { public: true });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  index = result.bundle.index;
  const file = result.files.find((f) => f.path.endsWith('.diwoo.xml'));
  if (!file) throw new Error('geen .diwoo.xml bij de openbare bundel');
  written = String(file.data);
});

function validate(xml: string): { ok: boolean; output: string } {
  const file = path.join(dir, `sitemap-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(SCHEMAS, 'validatie.xsd'), file], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: path.join(SCHEMAS, 'catalog.xml') },
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const options = { loc: 'https://www.8rhk.nl/vergaderstukken/Bundel Algemeen Bestuur 2025-03-05 (openbaar).pdf', publisher: { naam: '8RHK ambassadeurs', tooi: 'https://identifier.overheid.nl/tooi/id/so/so0004' } };

describe.runIf(hasXmllint)('DiWoo metadata', () => {
  it('the reference meeting\'s public bundle comes with DiWoo metadata that validates against the 0.9.8 schema', () => {
    expect(written).toContain('<loc>Bundel%20Algemeen%20Bestuur%202025-03-05%20(openbaar).pdf</loc>');
    const result = validate(written);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('with a website and a TOOI organisation it validates too', () => {
    const result = validate(diwooSitemap(index, options));
    expect(result.ok, result.output).toBe(true);
  });

  it('has the bundle, its agenda and every printed document, with the category of decentralised meeting documents', () => {
    const xml = diwooSitemap(index, options);
    const printed = index.agendapunten.flatMap((a) => a.documenten).filter((d) => d.opgenomen && !d.weggelaten && d.zieAgendapunt === undefined);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toHaveLength(2 + printed.length);
    expect(locs[0]).toBe('https://www.8rhk.nl/vergaderstukken/Bundel%20Algemeen%20Bestuur%202025-03-05%20(openbaar).pdf');
    expect(locs.slice(1).every((l) => l.startsWith(`${locs[0]}#page=`))).toBe(true);
    expect(xml.match(/c_db4862c3">vergaderstukken decentrale overheden</g)).toHaveLength(locs.length);
    expect(xml).toContain('<diwoo:officieleTitel>Memo update besparingen</diwoo:officieleTitel>');
    // Deterministic: the same index gives the same bytes.
    expect(diwooSitemap(index, options)).toBe(xml);
  });

  it('a value outside the TOOI lists is refused by the schema', () => {
    const broken = diwooSitemap(index, options).replace('c_db4862c3', 'c_00000000');
    const result = validate(broken);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/informatiecategorie/);
  });
});

