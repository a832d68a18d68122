// privacy-akkoord: every acceptance in `privacy_akkoord` is usable and still accepts something; an
// entry that matches nothing is left over (the value was removed, or it is written differently).

import { privacyFindings, rawAcceptances } from '../privacy/findings.js';
import { asRecord, asText, get } from '../../load/normalize.js';
import { at, type Rule } from '../rule.js';

export const privacyAkkoord: Rule = {
  id: 'privacy-akkoord',
  description: 'Elke regel in `privacy_akkoord` is bruikbaar en hoort bij een vondst van de privacycontrole.',
  severity: 'warning',
  scope: 'openbaar',
  check(context) {
    const used = new Set<string>();
    for (const f of privacyFindings(context.meeting)) if (f.accepted && f.acceptedBy) used.add(`${f.acceptedBy.file}#${f.accepted.index}`);
    for (const item of context.meeting.items) {
      const raw = rawAcceptances(item);
      if (!Array.isArray(raw)) continue;
      raw.forEach((entry, index) => {
        const r = asRecord(entry);
        const patroon = asText(get(r, 'patroon'));
        const waarde = asText(get(r, 'waarde'));
        if (!asText(get(r, 'reden')) || (!patroon && !waarde)) return; // the schema rule says what is missing
        if (patroon) {
          try {
            new RegExp(patroon, 'iu');
          } catch (err) {
            context.report({
              file: item.file,
              range: at(item.positions, `privacy_akkoord.${index}.patroon`),
              severity: 'error',
              message: `Het patroon \`${patroon}\` is geen bruikbare reguliere expressie: ${(err as Error).message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/, '')}.`,
              hint: 'Schrijf een JavaScript-reguliere expressie, of gebruik `waarde:` met de waarde zoals bundel die toont.',
            });
            return;
          }
        }
        if (used.has(`${item.file}#${index}`)) return;
        context.report({
          file: item.file,
          range: at(item.positions, `privacy_akkoord.${index}`),
          message: `\`privacy_akkoord\` regel ${index + 1} (\`${patroon ?? waarde}\`) past op niets dat de privacycontrole vindt.`,
          hint: 'Is het gegeven weggehaald, haal dan ook deze regel weg. Anders: neem de waarde over zoals de melding hem toont (bijvoorbeeld `06••••••78`).',
        });
      });
    }
  },
};
