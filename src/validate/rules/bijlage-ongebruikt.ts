// bijlage-ongebruikt: a PDF, Office file or image in the meeting's `bijlagen/` folder that no item
// uses, neither as a bijlage nor as a link or image in its text: often a stuk that was delivered
// but never added to its item. The loader lists the folder (src/load/attachment-folder.ts).

import path from 'node:path';
import type { Agendapunt } from '../../model/meeting.js';
import type { Rule } from '../rule.js';

/** Compared without regard to case: a wrong-case reference is reported by `bijlage-bestand`. */
const key = (p: string): string => path.posix.normalize(p).toLowerCase();

/** An inline link or image (`](bijlagen/x.pdf)`) or an HTML `src="…"`. */
const INLINE = /\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)|\bsrc\s*=\s*["']([^"']+)["']/g;
/** A link reference definition (`[ref]: bijlagen/x.pdf`, used by `[tekst][ref]`): its destination may follow on the next line. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*\n?[ \t]*(?:<([^>\n]*)>|(\S+))/gm;

/** Link and image targets in the Markdown body, as written. */
function bodyTargets(body: string): string[] {
  const out: string[] = [];
  for (const m of [...body.matchAll(INLINE), ...body.matchAll(DEFINITION)]) {
    const target = m[1] ?? m[2];
    try {
      out.push(decodeURI(target));
    } catch {
      out.push(target);
    }
  }
  return out;
}

/** Every file the items name, repository-relative. */
function usedFiles(items: readonly Agendapunt[]): Set<string> {
  const used = new Set<string>();
  for (const item of items) {
    const dir = path.posix.dirname(item.file);
    for (const bijlage of item.bijlagen) {
      if (bijlage.facts?.relPath) used.add(key(bijlage.facts.relPath));
      if (bijlage.bestand) used.add(key(path.posix.join(dir, bijlage.bestand.replace(/\\/g, '/'))));
    }
    for (const target of bodyTargets(item.body)) used.add(key(path.posix.join(dir, target)));
    // Images as the Markdown parser found them: also `![alt][ref]` with its definition elsewhere.
    for (const image of item.images) used.add(key(path.posix.join(dir, image.pad.replace(/\\/g, '/'))));
  }
  return used;
}

export const bijlageOngebruikt: Rule = {
  id: 'bijlage-ongebruikt',
  description: 'Elk bestand in de map `bijlagen/` van de vergadering wordt door een agendapunt gebruikt.',
  severity: 'warning',
  allItems: true,
  check(context) {
    const { meeting } = context;
    const files = meeting.attachmentFolder ?? [];
    if (files.length === 0) return;
    const used = usedFiles(meeting.items);
    const meetingDir = meeting.vergadering.relDir;
    for (const file of files) {
      if (used.has(key(file))) continue;
      const shown = meetingDir === '.' ? file : path.posix.relative(meetingDir, file);
      context.report({
        file,
        message: `\`${shown}\` staat bij de vergadering, maar geen agendapunt gebruikt het.`,
        hint: `Hoort het bij een agendapunt, zet het dan onder \`bijlagen:\` (\`- titel: …\` met \`bestand: ${shown}\`); hoort het er niet bij, haal het dan uit de map.`,
      });
    }
  },
};
