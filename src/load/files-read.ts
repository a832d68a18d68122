// Every file a meeting reads: bundel.yaml, the logo, vergadering.yaml, the items and their
// attachments. The write step refuses to put an output on any of them.

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
    for (const b of item.bijlagen) if (b.facts?.path) files.push(b.facts.path);
  }
  return files;
}
