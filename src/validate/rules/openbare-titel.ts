// openbare-titel: an `openbare_titel` only does something where the public bundle withholds a title:
// on a confidential item, or on a confidential bijlage of an item that is not (a confidential item's
// bijlagen are not listed in public at all). Elsewhere it is pointless, and likely a misplaced line.

import { itemAt, type Rule } from '../rule.js';

export const openbareTitel: Rule = {
  id: 'openbare-titel',
  description: 'Een `openbare_titel` staat alleen bij een vertrouwelijk agendapunt of een vertrouwelijke bijlage.',
  severity: 'warning',
  check(context) {
    for (const item of context.meeting.items) {
      if (item.openbareTitel !== undefined && !item.vertrouwelijk) {
        context.report({
          file: item.file,
          range: itemAt(item, 'openbare_titel'),
          message: `Agendapunt ${item.nummer} is niet vertrouwelijk; de \`openbare_titel\` \`${item.openbareTitel}\` wordt nergens gebruikt: de openbare bundel toont het onderwerp.`,
          hint: 'Haal `openbare_titel` weg, of zet `vertrouwelijk: ja` als het agendapunt niet openbaar mag.',
        });
      }
      for (const bijlage of item.bijlagen) {
        if (bijlage.openbareTitel === undefined || (bijlage.vertrouwelijk && !item.vertrouwelijk)) continue;
        context.report({
          file: item.file,
          range: itemAt(item, `bijlagen.${bijlage.nummer - 1}.openbare_titel`),
          message: item.vertrouwelijk
            ? `Bijlage ${bijlage.nummer} hoort bij een vertrouwelijk agendapunt, waarvan de openbare bundel geen bijlagen noemt; de \`openbare_titel\` wordt nergens gebruikt.`
            : `Bijlage ${bijlage.nummer} is niet vertrouwelijk; de \`openbare_titel\` wordt nergens gebruikt: de openbare bundel toont de bijlage met haar eigen titel.`,
          hint: item.vertrouwelijk ? 'Haal `openbare_titel` bij de bijlage weg; het agendapunt zelf kan een `openbare_titel` hebben.' : 'Haal `openbare_titel` weg, of zet `vertrouwelijk: ja` bij de bijlage als die niet openbaar mag.',
        });
      }
    }
  },
};
