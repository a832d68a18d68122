// `bundel agendapunt`: where a new item goes and which items move. By default after the last item,
// but before the orgaan's closing standing items (Rondvraag), which move one number up. With
// `--na N` right after item N: as N+1 when that number is free, else as a sub-number (4a) — or,
// with `--hernummer`, as N+1 with every later item moved one number up (front matter and file name).

import path from 'node:path';
import type { Agendapunt, Meeting } from '../model/meeting.js';
import type { OutputFile } from '../model/output-file.js';
import { BundelError } from '../model/errors.js';
import { standingItems } from './new-meeting.js';

export interface Renumbering {
  item: Agendapunt;
  nummer: string;
}

export interface Insertion {
  nummer: string;
  /** Items that move to a new number. */
  moves: Renumbering[];
}

const mainNumber = (nummer: string): number | undefined => {
  const m = /^(\d+)/.exec(nummer);
  return m ? Number(m[1]) : undefined;
};

/** `5a` with its main number raised by `by`: `6a`. */
const shifted = (nummer: string, by: number): string => nummer.replace(/^\d+/, (n) => String(Number(n) + by));

export function placeNewItem(meeting: Meeting, options: { na?: number; hernummer?: boolean }): Insertion {
  const items = meeting.items.filter((i) => mainNumber(i.nummer) !== undefined);
  const taken = new Set(items.map((i) => i.nummer));
  const highest = Math.max(0, ...items.map((i) => mainNumber(i.nummer)!));
  const moveFrom = (from: number): Renumbering[] =>
    items.filter((i) => mainNumber(i.nummer)! >= from).map((item) => ({ item, nummer: shifted(item.nummer, 1) }));

  if (options.na === undefined) {
    // The closing standing items at the end of the agenda stay last.
    const closing = new Set(standingItems(meeting.config, meeting.vergadering.orgaan, '').eind.map((i) => i.onderwerp.trim().toLowerCase()));
    const sorted = [...items].sort((a, b) => mainNumber(a.nummer)! - mainNumber(b.nummer)! || a.nummer.localeCompare(b.nummer));
    let firstClosing = sorted.length;
    while (firstClosing > 0 && closing.has(sorted[firstClosing - 1].onderwerp.trim().toLowerCase())) firstClosing--;
    if (firstClosing === sorted.length) return { nummer: String(highest + 1), moves: [] };
    const at = mainNumber(sorted[firstClosing].nummer)!;
    return { nummer: String(at), moves: moveFrom(at) };
  }
  const na = options.na;
  if (!items.some((i) => mainNumber(i.nummer) === na)) {
    throw new BundelError('agendapunt-onbekend', `Er is geen agendapunt ${na} in deze vergadering.`, {
      hint: `Kies met \`--na\` een bestaand nummer (1 tot en met ${highest}), of laat \`--na\` weg om achteraan toe te voegen.`,
      exitCode: 2,
    });
  }
  const next = String(na + 1);
  if (options.hernummer) return { nummer: next, moves: moveFrom(na + 1) };
  if (!taken.has(next)) return { nummer: next, moves: [] };
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') if (!taken.has(`${na}${letter}`)) return { nummer: `${na}${letter}`, moves: [] };
  throw new BundelError('agendapunt-vol', `Na agendapunt ${na} is geen nummer meer vrij.`, { hint: 'Gebruik `--hernummer` om de volgende punten op te schuiven.', exitCode: 2 });
}

/** The item's file text with `agendapunt:` set to `nummer`; everything else, comments included, as it was. */
export function withNumber(text: string, nummer: string): string {
  const end = text.indexOf('\n---', 4);
  const head = end < 0 ? text : text.slice(0, end);
  const value = /^\d+$/.test(nummer) ? nummer : JSON.stringify(nummer);
  const replaced = head.replace(/^(agendapunt:[ \t]*)(?:"[^"\n]*"|'[^'\n]*'|[^\s#]+)/m, `$1${value}`);
  return replaced + (end < 0 ? '' : text.slice(end));
}

/** `05-rondvraag.md` → `06-rondvraag.md` when its name starts with the old number; else unchanged. */
export function renamedFile(file: string, from: string, to: string): string {
  const name = path.basename(file);
  const m = /^(\d+)(.*)$/.exec(name);
  if (!m || Number(m[1]) !== mainNumber(from)) return file;
  const width = Math.max(2, m[1].length);
  return path.join(path.dirname(file), `${String(mainNumber(to)).padStart(width, '0')}${m[2]}`);
}

/** The files that carry the moves: new text at the (possibly new) path, and the old paths to remove. */
export function renumberFiles(moves: readonly Renumbering[], read: (item: Agendapunt) => string): { files: OutputFile[]; remove: string[] } {
  const files = moves.map(({ item, nummer }) => ({ path: renamedFile(item.absFile, item.nummer, nummer), data: withNumber(read(item), nummer) }));
  const written = new Set(files.map((f) => f.path));
  return { files, remove: moves.map((m) => m.item.absFile).filter((p) => !written.has(p)) };
}
