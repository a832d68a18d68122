// Small pieces of YAML text for the files `bundel nieuw` and `bundel agendapunt` write: values
// quoted only where YAML needs it, comments wrapped, file names from subjects.

import YAML from 'yaml';

/** A scalar as YAML writes it: `Begroting 2026`, `"10:00"`, `"[invullen]"`. */
export function scalar(value: string | number): string {
  // Text that starts like a number, time or date is quoted: YAML 1.1 readers take 10:00 for a number.
  if (typeof value === 'string' && /^[\d+\-.:]/.test(value)) return JSON.stringify(value);
  return YAML.stringify(value, { lineWidth: 0 }).trimEnd();
}

/** `text` as comment lines (`# …`), wrapped at about 100 characters, indented by `indent`. */
export function comment(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 96) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}

/** "Verslag van de vergadering van 5 maart 2025" → `verslag-van-de-vergadering-van-5-maart-2025`. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 48).replace(/-+$/, '') || 'agendapunt';
}

/** The file name of an item: `04-begroting-2026.md`, `4a-…` for a sub-number. */
export function itemFileName(nummer: string, onderwerp: string): string {
  const [, main, rest] = /^(\d+)(.*)$/.exec(nummer) ?? ['', nummer, ''];
  return `${main.padStart(2, '0')}${rest.replace(/\./g, '-')}-${slug(onderwerp)}.md`;
}

/** The placeholder the lint rule `placeholder` warns about until it is filled in. */
export const INVULLEN = '[invullen]';
