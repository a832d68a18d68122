// portefeuillehouder-bekend: an item's portefeuillehouder is one of those listed in bundel.yaml, when a list is given.

import { closest } from '../../util/did-you-mean.js';
import { at, type Rule } from '../rule.js';
import { rawField } from '../source-text.js';

const normal = (name: string): string => name.trim().replace(/\s+/g, ' ');

export const portefeuillehouderBekend: Rule = {
  id: 'portefeuillehouder-bekend',
  description: 'De portefeuillehouder staat in de lijst `portefeuillehouders` in bundel.yaml.',
  severity: 'warning',
  check(context) {
    const known = context.meeting.config.portefeuillehouders.map(normal);
    if (known.length === 0) return;
    const set = new Set(known);
    for (const item of context.meeting.items) {
      const name = rawField(item.raw, 'portefeuillehouder');
      if (typeof name !== 'string' || name.trim() === '' || set.has(normal(name))) continue;
      const near = closest(normal(name), known);
      context.report({
        file: item.file,
        range: at(item.positions, 'portefeuillehouder'),
        message: `\`${normal(name)}\` staat niet in de lijst \`portefeuillehouders\` in bundel.yaml.`,
        hint: near ? `Bedoelde u \`${near}\`?` : 'Controleer de naam, of voeg deze portefeuillehouder toe aan `portefeuillehouders` in bundel.yaml.',
      });
    }
  },
};
