// One agenda item: its Markdown file read (within the repository), its front matter parsed with
// positions and normalised into an Agendapunt; a file that cannot be read or parsed still gives an
// item (unparsed), with the diagnostics saying why.

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Agendapunt, Bijlage, BundelConfig, Soort } from '../model/meeting.js';
import { isOutside, toPosix } from '../util/paths.js';
import { loadBody } from './body-images.js';
import { splitFrontMatter } from './front-matter.js';
import { asBool, asRecord, asText, asTextList, get } from './normalize.js';
import { readTextFile } from './text-file.js';
import { parseYamlSource } from './yaml-source.js';

/**
 * The folder whose files a meeting may read (links may not lead out of it): the repository, or the
 * meeting folder itself when it was named on the command line and lies outside the repository.
 */
export function readBoundary(config: BundelConfig, dir: string): string {
  return isOutside(config.root, dir) ? dir : config.root;
}

function itemFrom(config: BundelConfig, absFile: string, data: Record<string, unknown> | undefined): Omit<Agendapunt, 'body' | 'bodyLine' | 'positions' | 'raw' | 'parsed'> {
  const soortText = asText(get(data, 'soort'));
  const soort: Soort = soortText === 'stukken' || soortText === 'mondeling' || soortText === 'memo' ? soortText : 'voorstel';
  const contact = asRecord(get(data, 'contact'));
  const consequenties = asRecord(get(data, 'consequenties'));
  const rawBijlagen = get(data, 'bijlagen');
  const bijlagen: Bijlage[] = (Array.isArray(rawBijlagen) ? rawBijlagen : []).map((b, i) => {
    const r = asRecord(b);
    return {
      nummer: i + 1,
      titel: asText(get(r, 'titel')) ?? '',
      bestand: typeof get(r, 'bestand') === 'string' ? (get(r, 'bestand') as string) : undefined,
      terInzage: asText(get(r, 'ter_inzage')),
      vertrouwelijk: asBool(get(r, 'vertrouwelijk')),
      openbareTitel: asText(get(r, 'openbare_titel')),
    };
  });
  const contactNaam = asText(get(contact, 'naam'));
  return {
    file: toPosix(path.relative(config.root, absFile)),
    absFile,
    nummer: asText(get(data, 'agendapunt')) ?? '',
    onderwerp: asText(get(data, 'onderwerp')) ?? '',
    soort,
    vergadering: asText(get(data, 'vergadering')),
    titel: asText(get(data, 'titel')),
    agendatekst: asText(get(data, 'agendatekst')),
    aan: asText(get(data, 'aan')),
    van: asText(get(data, 'van')),
    portefeuillehouder: asText(get(data, 'portefeuillehouder')),
    beslispunten: asTextList(get(data, 'beslispunten')),
    procedure: asTextList(get(data, 'procedure')),
    vervolgactie: asText(get(data, 'vervolgactie')),
    communicatie: asText(get(data, 'communicatie')),
    mededelingBeslissingAan: asText(get(data, 'mededeling_beslissing_aan')),
    consequenties: { financieel: asText(get(consequenties, 'financieel')), personeel: asText(get(consequenties, 'personeel')) },
    contact: contactNaam
      ? { naam: contactNaam, telefoon: asText(get(contact, 'telefoon')), email: asText(get(contact, 'email')) }
      : undefined,
    vertrouwelijk: asBool(get(data, 'vertrouwelijk')),
    openbareTitel: asText(get(data, 'openbare_titel')),
    bijlagen,
    images: [],
  };
}

export async function loadItem(config: BundelConfig, absFile: string, diagnostics: Diagnostic[]): Promise<Agendapunt> {
  const file = toPosix(path.relative(config.root, absFile));
  const unparsed = (): Agendapunt => ({
    ...itemFrom(config, absFile, undefined),
    body: '',
    bodyLine: 1,
    positions: new Map(),
    raw: undefined,
    parsed: false,
  });
  const read = await readTextFile(absFile, file, { root: readBoundary(config, path.dirname(absFile)) });
  if (!read.ok) {
    diagnostics.push(read.diagnostic);
    return unparsed();
  }
  const split = splitFrontMatter(read.text, file);
  if (!split.ok) {
    diagnostics.push(split.diagnostic);
    return unparsed();
  }
  const parsed = parseYamlSource(split.split.yaml, { file });
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.ok) return unparsed();
  return {
    ...itemFrom(config, absFile, asRecord(parsed.data)),
    ...(await loadBody(absFile, split.split)),
    positions: parsed.positions,
    raw: parsed.data ?? null,
    parsed: true,
    sha256: createHash('sha256').update(read.text).digest('hex'),
  };
}
