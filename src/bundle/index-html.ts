// The agenda as a web page (Handlebars, HTML-escaped), linking into the PDF with #page=N.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { BundleIndex } from './index-data.js';
import { dutchDate } from '../render/dutch-date.js';
import { TEMPLATES_DIR } from '../util/paths.js';

let compiled: HandlebarsTemplateDelegate | undefined;

export function renderIndexHtml(index: BundleIndex, pdfHref: string): string {
  compiled ??= Handlebars.create().compile(readFileSync(path.join(TEMPLATES_DIR, 'index.html.hbs'), 'utf8'));
  return compiled({
    ...index.vergadering,
    datum: dutchDate(index.vergadering.datum),
    titel: index.bundel.titel,
    paginas: index.bundel.paginas,
    pdf: pdfHref,
    agendapunten: index.agendapunten,
  });
}
