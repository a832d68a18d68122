// Every file a meeting reads: bundel.yaml, the logo, vergadering.yaml, the items, the images in
// their text and their attachments. The write step refuses to put an output on any of them; the
// index lists them as the bundle's sources; `build --bewaken` rebuilds when one changes.

import path from 'node:path';
import type { Meeting } from '../model/meeting.js';
import { CONFIG_FILE } from './config.js';
import { MEETING_FILE } from './meeting.js';

export function filesRead(meeting: Meeting): string[] {
  const { config, vergadering, items } = meeting;
  const files = [path.join(config.root, CONFIG_FILE), path.join(vergadering.dir, MEETING_FILE)];
  if (config.logo) files.push(config.logo);
  for (const item of items) {
    files.push(item.absFile);
    for (const image of item.images) if (image.absPath) files.push(image.absPath);
    for (const b of item.bijlagen) if (b.facts?.path) files.push(b.facts.path);
  }
  return files;
}
