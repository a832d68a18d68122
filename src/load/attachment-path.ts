// Resolve a `bestand` from front matter to a file inside the meeting folder, or say precisely why not.
// Absolute, drive-letter, UNC and `..`-escaping paths are refused before the file system is touched;
// the exact case of every path segment is checked (macOS and Windows would hide a wrong case that
// breaks on the Linux CI), and symlinks may not lead out of the meeting folder.

import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { PdfProblem } from '../model/pdf-facts.js';
import { closest } from '../util/did-you-mean.js';
import { escapes } from '../util/paths.js';

export type ResolvedPath = { ok: true; absPath: string } | { ok: false; problem: PdfProblem; exists: boolean };

const problem = (code: string, message: string, hint: string): PdfProblem => ({ code, message, hint });

export function checkPathSyntax(bestand: string): PdfProblem | undefined {
  if (bestand.trim() === '') return problem('pad-leeg', 'Het veld `bestand` is leeg.', 'Vul het pad naar de PDF in, bijvoorbeeld `bijlagen/brief.pdf`.');
  if (bestand.includes('\0')) return problem('pad-ongeldig', 'Het pad bevat een nul-teken.', 'Typ het pad opnieuw.');
  if (/^\\\\|^\/\//.test(bestand)) {
    return problem('pad-buiten-map', `Het pad \`${bestand}\` is een netwerkpad (UNC).`, 'Kopieer het bestand naar de map van de vergadering en verwijs er relatief naar.');
  }
  if (/^[a-zA-Z]:/.test(bestand)) {
    return problem('pad-buiten-map', `Het pad \`${bestand}\` begint met een stationsletter.`, 'Kopieer het bestand naar de map van de vergadering en verwijs er relatief naar, bijvoorbeeld `bijlagen/brief.pdf`.');
  }
  if (bestand.startsWith('/')) {
    return problem('pad-buiten-map', `Het pad \`${bestand}\` is absoluut.`, 'Verwijs relatief vanuit het agendapuntbestand, bijvoorbeeld `bijlagen/brief.pdf`.');
  }
  if (bestand.includes('\\')) {
    return problem('pad-ongeldig', `Het pad \`${bestand}\` gebruikt backslashes.`, `Gebruik schuine strepen: \`${bestand.replace(/\\/g, '/')}\`.`);
  }
  return undefined;
}


export async function resolveAttachment(meetingDir: string, itemDir: string, bestand: string): Promise<ResolvedPath> {
  const syntax = checkPathSyntax(bestand);
  if (syntax) return { ok: false, problem: syntax, exists: false };
  const absPath = path.resolve(itemDir, bestand);
  const rel = path.relative(meetingDir, absPath);
  if (rel === '' || escapes(rel)) {
    return {
      ok: false,
      exists: false,
      problem: problem('pad-buiten-map', `Het pad \`${bestand}\` wijst buiten de map van de vergadering.`, 'Zet de bijlage in de map van de vergadering (bijvoorbeeld in `bijlagen/`) en verwijs daarheen.'),
    };
  }
  // Walk the segments with exact names.
  let dir = meetingDir;
  const segments = rel.split(path.sep);
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i];
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return { ok: false, exists: false, problem: problem('bestand-ontbreekt', `De map \`${path.relative(meetingDir, dir) || '.'}\` kan niet worden gelezen.`, 'Controleer de rechten van de map.') };
    }
    // The same name in another Unicode form (é typed precomposed, stored decomposed by macOS) is
    // the same name: use the spelling on disk.
    if (!names.includes(seg)) seg = names.find((n) => n.normalize('NFC') === seg.normalize('NFC')) ?? seg;
    if (!names.includes(seg)) {
      const lower = seg.normalize('NFC').toLowerCase();
      const sameCase = names.find((n) => n.normalize('NFC').toLowerCase() === lower);
      const shown = segments.slice(0, i).concat(sameCase ?? seg).join('/');
      if (sameCase) {
        return {
          ok: false,
          exists: false,
          problem: problem('bestand-hoofdletters', `Het bestand \`${bestand}\` bestaat niet met precies deze hoofdletters; wel \`${shown}\`.`, `Schrijf \`${segments.slice(0, i).concat(sameCase, segments.slice(i + 1)).join('/')}\`: op de server tellen hoofdletters mee.`),
        };
      }
      const near = closest(seg, names);
      const hint = near
        ? `Bedoelde u \`${segments.slice(0, i).concat(near).join('/')}\`?`
        : `Zet het bestand in \`${path.relative(meetingDir, dir).split(path.sep).join('/') || '.'}\` of verbeter het pad.`;
      return { ok: false, exists: false, problem: problem('bestand-ontbreekt', `Het bestand \`${bestand}\` bestaat niet.`, hint) };
    }
    dir = path.join(dir, seg);
  }
  // Symlinks may exist, but must stay inside the meeting folder.
  try {
    const [realMeeting, realFile] = await Promise.all([realpath(meetingDir), realpath(dir)]);
    const realRel = path.relative(realMeeting, realFile);
    if (escapes(realRel)) {
      return {
        ok: false,
        exists: true,
        problem: problem('pad-buiten-map', `Het bestand \`${bestand}\` is een snelkoppeling (symlink) naar een plek buiten de map van de vergadering.`, 'Kopieer het bestand zelf in de map van de vergadering.'),
      };
    }
    const st = await lstat(realFile);
    if (!st.isFile()) {
      return { ok: false, exists: true, problem: problem('bestand-geen-bestand', `\`${bestand}\` is geen gewoon bestand.`, 'Verwijs naar een PDF-bestand.') };
    }
    return { ok: true, absPath: realFile };
  } catch {
    return { ok: false, exists: false, problem: problem('bestand-ontbreekt', `Het bestand \`${bestand}\` kan niet worden geopend (kapotte snelkoppeling?).`, 'Vervang de snelkoppeling door het bestand zelf.') };
  }
}
