// Split a Markdown file into YAML front matter and body. gray-matter only splits here:
// it never parses, and front matter in any language but YAML is refused before gray-matter sees it
// (gray-matter would eval `---js` / `---javascript`).

import matter from 'gray-matter';
import type { Diagnostic } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';

export interface SplitFile {
  /** The YAML text; its line 1 is line 1 of the file (the opening `---` line). */
  yaml: string;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const OPENING = /^---([^\n]*)\n/;

type SplitResult = { ok: true; split: SplitFile } | { ok: false; diagnostic: Diagnostic };

function refuse(file: string, column: number, message: string, hint: string): SplitResult {
  return { ok: false, diagnostic: { file, line: 1, column, rule: LOAD_DIAGNOSTICS.frontMatter.id, severity: 'error', message, hint } };
}

export function splitFrontMatter(text: string, file: string): SplitResult {
  const open = OPENING.exec(text);
  if (!open) {
    return refuse(file, 1, 'Het bestand begint niet met front matter (`---`).', 'Zet bovenaan tussen twee regels `---` de velden vergadering, agendapunt en onderwerp.');
  }
  const language = open[1].trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return refuse(
      file,
      4,
      `Front matter in \`${open[1].trim()}\` wordt niet gelezen en niet uitgevoerd; alleen YAML is toegestaan.`,
      'Begin het bestand met een regel `---` en schrijf de velden in YAML.',
    );
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(open[0].length - 1))) {
    return refuse(file, 1, 'De front matter wordt niet afgesloten met een regel `---`.', 'Zet na de laatste YAML-regel een regel met alleen `---`.');
  }
  // Options disable gray-matter's per-string cache; the engine returns nothing: we only want the split.
  const parsed = matter(text, { language: 'yaml', engines: { yaml: () => ({}) } });
  const yaml = parsed.matter.startsWith('\n') ? parsed.matter : `\n${parsed.matter}`;
  const head = text.length - parsed.content.length;
  const bodyLine = text.slice(0, head).split('\n').length;
  return { ok: true, split: { yaml, body: parsed.content, bodyLine } };
}
