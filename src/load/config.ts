// Find the repository of meetings and read its optional bundel.yaml.

import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { BundelConfig } from '../model/meeting.js';
import { asRecord, asText, asTextList, get } from './normalize.js';
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
    cachemap: undefined,
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
  const config: BundelConfig = {
    ...base,
    file: CONFIG_FILE,
    organisatie: asText(get(data, 'organisatie')),
    logo: logo ? path.resolve(root, logo) : undefined,
    portefeuillehouders: asTextList(get(data, 'portefeuillehouders')),
    vergaderingen: asText(get(data, 'vergaderingen')) ?? 'vergaderingen',
    stempel: asText(get(data, 'stempel')),
    titel: asText(get(data, 'titel')),
    bestandsnaam: asText(get(data, 'bestandsnaam')),
    cachemap: asText(get(data, 'cachemap')),
    positions: parsed.positions,
    raw: parsed.ok ? parsed.data : undefined,
  };
  return { config, diagnostics: parsed.diagnostics };
}
