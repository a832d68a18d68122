// bijlage-hersteld: a bijlage's PDF was damaged and bundel repaired it (rebuilt its cross-reference
// table, copied a page listed twice, …); the bundle is made, but someone should look at those pages.

import { at, type Rule } from '../rule.js';

export const bijlageHersteld: Rule = {
  id: 'bijlage-hersteld',
  description: 'De PDF van een bijlage was beschadigd en is hersteld; controleer de bladen in de bundel.',
  severity: 'warning',
  check(context) {
    for (const item of context.meeting.items) {
      for (const bijlage of item.bijlagen) {
        const { facts, bestand } = bijlage;
        const repaired = facts?.repaired;
        if (!repaired || bestand === undefined || facts.problem || facts.pathProblem) continue;
        context.report({
          file: item.file,
          range: at(item.positions, `bijlagen.${bijlage.nummer - 1}.bestand`),
          message: repaired.message.replace(/^De PDF /, `De PDF \`${bestand}\` `),
          hint: repaired.hint,
        });
      }
    }
  },
};
