// What the bundle is called, what every page says at the bottom and what its document information
// says: the Handlebars templates of bundel.yaml (titel, bestandsnaam, stempel) filled in for this meeting.

import path from 'node:path';
import { BundelError } from '../model/errors.js';
import type { BundelConfig, Meeting } from '../model/meeting.js';
import { dutchDate } from '../util/dutch-date.js';
import { isOutside } from '../util/paths.js';
import { compileText, DEFAULT_FILE_NAME, DEFAULT_STAMP, DEFAULT_TITLE, safeFileName, type TemplateData } from './text-templates.js';

export interface BundleNames {
  /** Dutch long date of the meeting. */
  datum: string;
  title: string;
  /** Default file name, without folder, with `.pdf`. */
  fileName: string;
  /** Where the bundle, its index, web page and DiWoo XML go: `uitvoer:` of bundel.yaml filled in, else the meeting's own folder. */
  folder: string;
  /**
   * In a supplement `pagina` and `totaal` are "2-3" and "2-7", and `nagezonden` its version;
   * `vertrouwelijk`: a page of a confidential document in the members' bundle.
   */
  stamp(pagina: number | string, totaal: number | string, page?: { nagezonden?: number; vertrouwelijk?: boolean }): string;
  /** The PDF's document information, given whether the meeting has confidential documents. */
  metadata(hasConfidential: boolean): { title: string; author: string; subject: string; keywords: string[] };
}

/** `concept`: CONCEPT in the file name (first, whatever `bestandsnaam` says), the title and every page's stamp. `agendaOnly`: "(agenda)" in the file name. */
export function bundleNames(meeting: Meeting, openbaar: boolean, kind: { concept?: boolean; agendaOnly?: boolean } = {}): BundleNames {
  const config = meeting.config;
  const data: TemplateData = {
    organisatie: config.organisatie,
    orgaan: meeting.vergadering.orgaan,
    datum: dutchDate(meeting.vergadering.datum),
    iso: meeting.vergadering.datum,
    openbaar,
  };
  const stampSource = config.stempel ?? DEFAULT_STAMP;
  const stampTemplate = compileText<TemplateData & { pagina: number | string; totaal: number | string; nagezonden?: number; vertrouwelijk: boolean }>(stampSource, 'de paginanummering (`stempel`)', config.file);
  // A confidential page says so also under an own `stempel` that does not place it (as CONCEPT).
  const placesSecret = /\bvertrouwelijk\b/.test(stampSource);
  const title = `${kind.concept ? 'CONCEPT ' : ''}${compileText<TemplateData>(config.titel ?? DEFAULT_TITLE, 'de titel (`titel`)', config.file)(data)}`;
  const base = safeFileName(compileText<TemplateData>(config.bestandsnaam ?? DEFAULT_FILE_NAME, 'de bestandsnaam (`bestandsnaam`)', config.file)(data));
  // Values become one folder name each: a `/` in an orgaan does not make a folder of its own.
  const segments = { ...data, orgaan: safeFileName(data.orgaan), datum: safeFileName(data.datum), organisatie: data.organisatie && safeFileName(data.organisatie) };
  const folder = config.uitvoer === undefined ? meeting.vergadering.dir : outputFolder(config, compileText<TemplateData>(config.uitvoer, 'de uitvoermap (`uitvoer`)', config.file)(segments));
  const fileName = conceptFileName(`${base}${kind.agendaOnly ? ' (agenda)' : ''}.pdf`, kind.concept ?? false);
  const { orgaan, datum: iso } = meeting.vergadering;
  const metadata = (hasConfidential: boolean): ReturnType<BundleNames['metadata']> => ({
    title,
    author: config.organisatie ?? orgaan,
    subject: openbaar
      ? `Openbare versie — ${orgaan} ${data.datum}`
      : hasConfidential
        ? 'VERTROUWELIJK — bevat vertrouwelijke stukken, niet voor publicatie'
        : `${orgaan} ${data.datum}`,
    keywords: ['bundel', orgaan, iso, ...(hasConfidential && !openbaar ? ['vertrouwelijk'] : [])],
  });
  const stamp: BundleNames['stamp'] = (pagina, totaal, { nagezonden, vertrouwelijk = false } = {}) =>
    `${stampTemplate({ ...data, pagina, totaal, nagezonden, vertrouwelijk })}${vertrouwelijk && !placesSecret ? ' · Vertrouwelijk' : ''}${kind.concept ? ' · CONCEPT' : ''}`;
  return { datum: data.datum, title, fileName, folder, stamp, metadata };
}

/** `uitvoer:` filled in, as an absolute folder; relative to bundel.yaml and inside the repository. */
function outputFolder(config: BundelConfig, rendered: string): string {
  const folder = path.resolve(config.root, rendered.trim());
  if (isOutside(config.root, folder)) {
    throw new BundelError('uitvoer-buiten-repository', `De uitvoermap \`${rendered}\` (\`uitvoer\` in bundel.yaml) ligt buiten de repository.`, {
      file: config.file,
      hint: 'Geef een map binnen de repository, relatief vanaf bundel.yaml, bijvoorbeeld `uitvoer/{{iso}}`; een enkele bundel elders maakt u met `-o`.',
    });
  }
  return folder;
}

/** A concept's file name always starts with "CONCEPT " (unless it says concept already), so it is never taken for the bundle. */
export function conceptFileName(fileName: string, concept: boolean): string {
  return concept && !/concept/i.test(fileName) ? `CONCEPT ${fileName}` : fileName;
}
