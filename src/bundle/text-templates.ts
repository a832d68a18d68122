// User-editable text templates (bundel.yaml: stempel, titel, bestandsnaam) in Handlebars.
// These outputs are not HTML, so Handlebars' HTML escaping is off; the HTML index has its own template.

import { BundelError } from '../model/errors.js';
import { truncateUtf8 } from '../util/file-name.js';
import { compileTemplate } from '../util/text-template.js';

export const DEFAULT_STAMP = '{{orgaan}} {{datum}} · {{#if nagezonden}}nagezonden {{nagezonden}} · {{/if}}pagina {{pagina}} van {{totaal}}{{#if vertrouwelijk}} · Vertrouwelijk{{/if}}';
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
  const refuse = (err: unknown): BundelError =>
    new BundelError('sjabloon-ongeldig', `Het sjabloon voor ${what} is geen geldig Handlebars: ${(err as Error).message.split('\n')[0]}`, {
      file,
      hint: `Controleer de accolades in \`${source}\`; bijvoorbeeld \`${DEFAULT_STAMP}\`.`,
    });
  let template;
  try {
    template = compileTemplate(source);
    // Compile eagerly so a syntax error shows now, not halfway through a build.
    template({});
  } catch (err) {
    throw refuse(err);
  }
  // A template can also fail on some data only (`{{#if openbaar}}{{> x}}{{/if}}`): still the user's template.
  return (data: T) => {
    try {
      return template(data as object);
    } catch (err) {
      throw refuse(err);
    }
  };
}

/** A file name that is safe on Windows, macOS and Linux. */
export function safeFileName(name: string): string {
  const clean = (s: string): string =>
    s
      .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '');
  // Room for `.json` / `.html` and the write step's temporary names within 255 bytes.
  return clean(truncateUtf8(clean(name), MAX_FILE_NAME_BYTES)) || 'bundel';
}

/** The longest name a template may give the bundle, in UTF-8 bytes (without `.pdf`). */
export const MAX_FILE_NAME_BYTES = 200;
