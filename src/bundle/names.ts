// What the bundle is called and what every page says at the bottom: the Handlebars templates of
// bundel.yaml (titel, bestandsnaam, stempel) filled in for this meeting.

import type { Meeting } from '../model/meeting.js';
import { dutchDate } from '../render/dutch-date.js';
import { compileText, DEFAULT_FILE_NAME, DEFAULT_STAMP, DEFAULT_TITLE, safeFileName, type TemplateData } from './text-templates.js';

export interface BundleNames {
  /** Dutch long date of the meeting. */
  datum: string;
  title: string;
  /** Default file name, without folder, with `.pdf`. */
  fileName: string;
  stamp(pagina: number, totaal: number): string;
}

export function bundleNames(meeting: Meeting, openbaar: boolean): BundleNames {
  const config = meeting.config;
  const data: TemplateData = {
    organisatie: config.organisatie,
    orgaan: meeting.vergadering.orgaan,
    datum: dutchDate(meeting.vergadering.datum),
    iso: meeting.vergadering.datum,
    openbaar,
  };
  const stampTemplate = compileText<TemplateData & { pagina: number; totaal: number }>(config.stempel ?? DEFAULT_STAMP, 'de paginanummering (`stempel`)', config.file);
  const title = compileText<TemplateData>(config.titel ?? DEFAULT_TITLE, 'de titel (`titel`)', config.file)(data);
  const fileName = `${safeFileName(compileText<TemplateData>(config.bestandsnaam ?? DEFAULT_FILE_NAME, 'de bestandsnaam (`bestandsnaam`)', config.file)(data))}.pdf`;
  return { datum: data.datum, title, fileName, stamp: (pagina, totaal) => stampTemplate({ ...data, pagina, totaal }) };
}
