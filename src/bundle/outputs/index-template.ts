// The HTML index's template (templates/index.html.hbs), compiled by Handlebars on first use. The
// bundled CLI replaces this module with the same template precompiled when the bundle is made
// (scripts/bundle.mjs), so a build does not run Handlebars' compiler for it; the smoke test compares
// the page the bundled CLI writes with the one this module renders.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../../util/paths.js';

export const INDEX_TEMPLATE_FILE = path.join(TEMPLATES_DIR, 'index.html.hbs');

let compiled: HandlebarsTemplateDelegate | undefined;

export function indexTemplate(): HandlebarsTemplateDelegate {
  compiled ??= Handlebars.create().compile(readFileSync(INDEX_TEMPLATE_FILE, 'utf8'));
  return compiled;
}
