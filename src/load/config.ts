// Find the repository of meetings and read its optional bundel.yaml.

import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, SourceRange } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import type { BundelConfig } from '../model/meeting.js';
import { parseOrganen } from './deadlines.js';
import { asRecord, asText, asTextList, get } from './normalize.js';
import { checkImage, MAX_LOGO_BYTES } from './image.js';
import { readRepoFile } from './repo-file.js';
import { readTextFile } from './text-file.js';
import { parseYamlSource } from './yaml-source.js';

export const CONFIG_FILE = 'bundel.yaml';

/** The nearest folder upwards from `start` holding bundel.yaml, else `start` itself. */
export function findRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

function privacySettings(data: Record<string, unknown> | undefined): NonNullable<BundelConfig['privacy']> {
  const patronen = get(data, 'patronen');
  return {
    toegestaan: asTextList(get(data, 'toegestaan')),
    patronen: (Array.isArray(patronen) ? patronen : []).flatMap((p) => {
      const naam = asText(get(asRecord(p), 'naam'));
      const patroon = asText(get(asRecord(p), 'patroon'));
      return naam && patroon ? [{ naam, patroon }] : [];
    }),
  };
}

export async function loadConfig(root: string): Promise<{ config: BundelConfig; diagnostics: Diagnostic[] }> {
  const abs = path.join(root, CONFIG_FILE);
  const base: BundelConfig = {
    root,
    organisatie: undefined,
    portefeuillehouders: [],
    vergaderingen: 'vergaderingen',
    stempel: undefined,
    titel: undefined,
    bestandsnaam: undefined,
    uitvoer: undefined,
    cachemap: undefined,
    privacy: { toegestaan: [], patronen: [] },
    woo: {},
    positions: new Map(),
    raw: undefined,
  };
  // A broken link or a FIFO named bundel.yaml is there, and reported, not taken for no file at all.
  if (!lstatSync(abs, { throwIfNoEntry: false })) return { config: base, diagnostics: [] };
  const read = await readTextFile(abs, CONFIG_FILE, { root });
  if (!read.ok) return { config: { ...base, file: CONFIG_FILE }, diagnostics: [read.diagnostic] };
  const parsed = parseYamlSource(read.text, { file: CONFIG_FILE });
  const data = asRecord(parsed.data);
  const logo = asText(get(data, 'logo'));
  const logoFile = logo ? await checkLogo(root, logo, parsed.positions.get('logo'), parsed.diagnostics) : undefined;
  const config: BundelConfig = {
    ...base,
    file: CONFIG_FILE,
    organisatie: asText(get(data, 'organisatie')),
    logo: logoFile,
    portefeuillehouders: asTextList(get(data, 'portefeuillehouders')),
    vergaderingen: asText(get(data, 'vergaderingen')) ?? 'vergaderingen',
    stempel: asText(get(data, 'stempel')),
    titel: asText(get(data, 'titel')),
    bestandsnaam: asText(get(data, 'bestandsnaam')),
    uitvoer: asText(get(data, 'uitvoer')),
    cachemap: asText(get(data, 'cachemap')),
    organen: parseOrganen(get(data, 'organen')),
    privacy: privacySettings(asRecord(get(data, 'privacy'))),
    woo: { url: asText(get(asRecord(get(data, 'woo')), 'url')), organisatie: asText(get(asRecord(get(data, 'woo')), 'organisatie')) },
    positions: parsed.positions,
    raw: parsed.ok ? parsed.data : undefined,
  };
  return { config, diagnostics: parsed.diagnostics };
}

/**
 * The logo is read like an attachment (inside the repository, a regular file, bounded) and checked
 * as an image before the layout sees it. Returns its real path; problems become `logo` findings.
 */
async function checkLogo(root: string, logo: string, at: SourceRange | undefined, diagnostics: Diagnostic[]): Promise<string> {
  const abs = path.resolve(root, logo);
  const report = (message: string, hint: string): void => {
    diagnostics.push({ file: CONFIG_FILE, line: at?.line, column: at?.column, endLine: at?.endLine, endColumn: at?.endColumn, rule: LOAD_DIAGNOSTICS.logo.id, severity: 'error', message, hint });
  };
  const read = await readRepoFile(abs, root, MAX_LOGO_BYTES, 'voor een logo is de grens 2 MiB');
  if (!read.ok) {
    report(`Het logo \`${logo}\`: ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)}`, read.problem === 'ontbreekt' ? 'Controleer het pad: het is relatief aan de map met bundel.yaml, bijvoorbeeld `huisstijl/logo.svg`.' : read.hint);
    return abs;
  }
  const image = checkImage(read.bytes);
  if (!image.ok) report(`Het logo \`${logo}\` kan niet worden gebruikt: ${image.message.charAt(0).toLowerCase()}${image.message.slice(1)}`, 'Sla het logo opnieuw op als PNG, JPEG of SVG (bijvoorbeeld kleiner dan 2000 × 2000 pixels) en verwijs daarnaar.');
  return read.realPath;
}
