// User-editable text templates (bundel.yaml: stempel, titel, bestandsnaam) in Handlebars.
// These outputs are not HTML, so Handlebars' HTML escaping is off; the HTML index has its own template.

import Handlebars from 'handlebars';
import { BundelError } from '../model/errors.js';

export const DEFAULT_STAMP = '{{orgaan}} {{datum}} · pagina {{pagina}} van {{totaal}}';
export const DEFAULT_TITLE = 'Bundel {{orgaan}} {{datum}}';
export const DEFAULT_FILE_NAME = 'Bundel {{orgaan}} {{iso}}{{#if openbaar}} (openbaar){{/if}}';

export interface TemplateData {
  organisatie?: string;
  orgaan: string;
  /** Dutch long date. */
  datum: string;
  iso: string;
  openbaar: boolean;
}

export type TextTemplate<T> = (data: T) => string;

export function compileText<T>(source: string, what: string, file?: string): TextTemplate<T> {
  const handlebars = Handlebars.create();
  try {
    const template = handlebars.compile(source, { noEscape: true, strict: false });
    // Compile eagerly so a syntax error shows now, not halfway through a build.
    template({});
    return (data: T) => template(data);
  } catch (err) {
    throw new BundelError('sjabloon-ongeldig', `Het sjabloon voor ${what} is geen geldig Handlebars: ${(err as Error).message.split('\n')[0]}`, {
      file,
      hint: `Controleer de accolades in \`${source}\`; bijvoorbeeld \`${DEFAULT_STAMP}\`.`,
    });
  }
}

/** A file name that is safe on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned.slice(0, 180) || 'bundel';
}
