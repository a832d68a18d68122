// agendapunt-uniek: no two items of one meeting share an agenda number.

import path from 'node:path';
import type { Agendapunt } from '../../model/meeting.js';
import { at, type Rule } from '../rule.js';

/** The agenda number as compared: `4A` and `4a` are the same item. */
export function agendapuntKey(item: Agendapunt): string {
  return item.nummer.trim().toLowerCase();
}

export const agendapuntUniek: Rule = {
  id: 'agendapunt-uniek',
  description: 'Elk agendapunt heeft een eigen nummer.',
  severity: 'error',
  check(context) {
    const first = new Map<string, Agendapunt>();
    for (const item of context.meeting.items) {
      const key = agendapuntKey(item);
      if (key === '') continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, item);
        continue;
      }
      context.report({
        file: item.file,
        range: at(item.positions, 'agendapunt'),
        message: `Agendapunt \`${item.nummer}\` bestaat al: \`${path.posix.basename(earlier.file)}\` heeft hetzelfde nummer.`,
        hint: 'Geef elk agendapunt een eigen nummer; het nummer bepaalt de volgorde op de agenda.',
      });
    }
  },
};
