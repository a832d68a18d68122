// The sources of a bundle with their sha256: every file the meeting reads (bundel.yaml, the logo,
// vergadering.yaml, the items, the images in their text, the attachments). The index beside the bundle lists them, so
// `bundel status` can tell whether the bundle is older than its sources.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Meeting } from '../model/meeting.js';
import { toPosix } from '../util/paths.js';
import { filesRead } from './files-read.js';

export interface Source {
  /** Relative to the repository root, forward slashes. */
  bestand: string;
  /** Absent when the file cannot be read (any more). */
  sha256?: string;
}

export async function sha256OfFile(abs: string): Promise<string | undefined> {
  try {
    return createHash('sha256').update(await readFile(abs)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Every file the meeting reads, sorted, with its current sha256 (an attachment's from the loader). */
export async function meetingSources(meeting: Meeting): Promise<Source[]> {
  const known = new Map<string, string>();
  for (const item of meeting.items) {
    for (const b of item.bijlagen) if (b.facts?.path && b.facts.sha256 && !b.facts.source) known.set(b.facts.path, b.facts.sha256);
    for (const image of item.images) if (image.absPath && image.sha256) known.set(image.absPath, image.sha256);
  }
  const files = [...new Set(filesRead(meeting))];
  const sources = await Promise.all(
    files.map(async (abs): Promise<Source> => ({ bestand: toPosix(path.relative(meeting.config.root, abs)), sha256: known.get(abs) ?? (await sha256OfFile(abs)) })),
  );
  return sources.filter((s) => s.sha256 !== undefined).sort((a, b) => a.bestand.localeCompare(b.bestand));
}
