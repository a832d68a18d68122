// Which repository and which meeting folder a command means: `--root` or the nearest bundel.yaml,
// and a meeting named by date (ISO or Dutch) or by folder.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { BundelError } from '../model/errors.js';
import type { BundelConfig } from '../model/meeting.js';
import { isoFromDutch } from '../util/dutch-date.js';
import { toPosix } from '../util/paths.js';
import { findRoot, loadConfig } from './config.js';

/** A meeting folder's name: its date, then optionally a suffix (`2025-03-05-extra`). */
export const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|[-_ ])/;

/** The repository: `--root` (relative to `cwd`), else the nearest folder upwards from `cwd` with a bundel.yaml. */
export async function openRepository(rootOption: string | undefined, cwd = process.cwd()): Promise<{ config: BundelConfig; diagnostics: Diagnostic[] }> {
  const root = rootOption ? path.resolve(cwd, rootOption) : findRoot(cwd);
  return loadConfig(root);
}

/** Every meeting folder in the repository, sorted by name. `cwd`: where messages show paths from. */
export async function listMeetings(config: BundelConfig, cwd = process.cwd()): Promise<string[]> {
  const dir = path.resolve(config.root, config.vergaderingen);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    throw new BundelError('map-vergaderingen-ontbreekt', `De map met vergaderingen \`${toPosix(path.relative(cwd, dir)) || '.'}\` bestaat niet.`, {
      hint: 'Start bundel in de repository met vergaderingen, of geef die aan met `--root <map>`; de map zelf stelt u in met `vergaderingen:` in bundel.yaml.',
      exitCode: 2,
    });
  }
  return entries
    .filter((e) => e.isDirectory() && ISO_PREFIX.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** A meeting named on the command line: an ISO date, a Dutch date (`12-02-2025`), a folder, or a file in one (relative to `cwd`). */
export async function resolveMeetingDir(config: BundelConfig, typed: string, cwd = process.cwd()): Promise<string> {
  return (await resolveMeetingTarget(config, typed, cwd)).dir;
}

/** The meeting folder that holds `abs` (a file or folder), or is it: below the meetings folder, named by its date. */
function meetingHolding(config: BundelConfig, abs: string): string | undefined {
  const meetings = path.resolve(config.root, config.vergaderingen);
  const rel = path.relative(meetings, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const first = rel.split(path.sep)[0];
  return ISO_PREFIX.test(first) ? path.join(meetings, first) : undefined;
}

/** The meeting the current directory is in (or is), when it is one of the repository's meetings. */
export function meetingOfCwd(config: BundelConfig, cwd: string): string | undefined {
  return meetingHolding(config, path.resolve(cwd));
}

/**
 * As resolveMeetingDir, and a file in a meeting folder (`vergaderingen/2025-03-05/03-x.md`) names its
 * meeting: `file` is then that file, repository-relative, for a command that shows only its findings.
 */
export async function resolveMeetingTarget(config: BundelConfig, typed: string, cwd = process.cwd()): Promise<{ dir: string; file?: string }> {
  const abs = path.resolve(cwd, typed);
  const st = await stat(abs).catch(() => undefined);
  if (st?.isFile()) {
    const dir = meetingHolding(config, abs) ?? (path.basename(abs) === 'vergadering.yaml' || abs.toLowerCase().endsWith('.md') ? path.dirname(abs) : undefined);
    if (!dir) {
      throw new BundelError('vergadering-ontbreekt', `\`${typed}\` is een bestand, maar niet van een vergadering in \`${config.vergaderingen}/\`.`, {
        hint: 'Geef een agendapunt of ander bestand in de map van een vergadering, de map zelf, of de datum.',
        exitCode: 2,
      });
    }
    return { dir, file: toPosix(path.relative(config.root, abs)) };
  }
  return { dir: await resolveMeetingFolder(config, typed, cwd) };
}

async function resolveMeetingFolder(config: BundelConfig, typed: string, cwd: string): Promise<string> {
  // `12-02-2025` as a secretariat types it; a folder of that name still wins.
  const arg = /^\d{4}-/.test(typed) || (await stat(path.resolve(cwd, typed)).catch(() => undefined))?.isDirectory() ? typed : isoFromDutch(typed);
  if (/^\d{4}-\d{2}-\d{2}$/.test(arg)) {
    const matches = (await listMeetings(config, cwd)).filter((d) => path.basename(d).startsWith(arg));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new BundelError('vergadering-dubbelzinnig', `Er zijn ${matches.length} vergaderingen op ${arg}: ${matches.map((m) => `\`${path.basename(m)}\``).join(', ')}.`, {
        hint: 'Noem de map, bijvoorbeeld `bundel build ' + toPosix(path.relative(cwd, matches[0])) + '`.',
        exitCode: 2,
      });
    }
    throw new BundelError('vergadering-ontbreekt', `Er is geen vergadering op ${arg} in \`${config.vergaderingen}/\`.`, {
      hint: `Maak de map \`${config.vergaderingen}/${arg}/\` met een vergadering.yaml, of controleer de datum.`,
      exitCode: 2,
    });
  }
  const dir = path.resolve(cwd, arg);
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) {
    throw new BundelError('vergadering-ontbreekt', `\`${arg}\` is geen datum (JJJJ-MM-DD), geen map en geen bestand.`, {
      hint: 'Geef de datum van de vergadering, bijvoorbeeld `2025-03-05` of `5-3-2025`, of het pad naar de map.',
      exitCode: 2,
    });
  }
  return dir;
}
