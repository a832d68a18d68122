// The files in a meeting's `bijlagen/` folder that could be a bijlage (PDF, Office file, image), so
// the `bijlage-ongebruikt` rule can name those no item uses. Only listed, never opened.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '../convert/formats.js';
import type { BundelConfig } from '../model/meeting.js';
import { toPosix } from '../util/paths.js';

export const ATTACHMENT_FOLDER = 'bijlagen';
/** Bounds on the walk: a folder of bijlagen is small; a link loop or a huge tree is not followed far. */
const MAX_DEPTH = 4;
const MAX_FILES = 2000;

const isAttachmentName = (name: string): boolean => name.toLowerCase().endsWith('.pdf') || formatOf(name) !== undefined;

/** Repository-relative paths (forward slashes) of the candidate bijlagen under `<meetingDir>/bijlagen/`, sorted. */
export async function listAttachmentFolder(config: BundelConfig, meetingDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      // Symbolic links are not followed: a file is used through the path an item names.
      if (entry.isDirectory()) await walk(abs, depth + 1);
      else if (entry.isFile() && isAttachmentName(entry.name) && found.length < MAX_FILES) found.push(toPosix(path.relative(config.root, abs)));
    }
  };
  await walk(path.join(meetingDir, ATTACHMENT_FOLDER), 1);
  return found.sort();
}
