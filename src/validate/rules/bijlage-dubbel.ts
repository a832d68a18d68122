// bijlage-dubbel: one item does not attach the same file twice. Across items it is allowed: the build
// prints a shared attachment once and points to it.

import type { Bijlage } from '../../model/meeting.js';
import { at, type Rule } from '../rule.js';

/** Same content, or (when the content could not be read) the same resolved file. */
function identity(bijlage: Bijlage): string | undefined {
  const facts = bijlage.facts;
  if (!facts || facts.pathProblem) return undefined;
  if (facts.sha256) return `sha256:${facts.sha256}`;
  return facts.exists ? `path:${facts.path}` : undefined;
}

export const bijlageDubbel: Rule = {
  id: 'bijlage-dubbel',
  description: 'Een agendapunt heeft niet twee keer hetzelfde bestand als bijlage.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      const seen = new Map<string, Bijlage>();
      for (const bijlage of item.bijlagen) {
        const id = identity(bijlage);
        if (!id) continue;
        const earlier = seen.get(id);
        if (!earlier) {
          seen.set(id, bijlage);
          continue;
        }
        const same = earlier.bestand === bijlage.bestand;
        context.report({
          file: item.file,
          range: at(item.positions, `bijlagen.${bijlage.nummer - 1}.bestand`),
          message: same
            ? `Bijlage ${bijlage.nummer} is hetzelfde bestand als bijlage ${earlier.nummer}: \`${bijlage.bestand}\`.`
            : `Bijlage ${bijlage.nummer} (\`${bijlage.bestand}\`) heeft precies dezelfde inhoud als bijlage ${earlier.nummer} (\`${earlier.bestand}\`).`,
          hint: 'Haal een van beide weg; de bundel zou het document twee keer afdrukken.',
        });
      }
    }
  },
};
