// bijlage-compleet: every bijlage says where it is: a `bestand` sent along, or `ter_inzage` — one of
// the two, not both. The real bundle's empty "Bijlage 3:" is what this catches.

import { asRecord } from '../../load/normalize.js';
import { at, keyAt, type Rule } from '../rule.js';
import { rawField } from '../source-text.js';

const present = (v: unknown): boolean => v !== undefined && v !== null;

export const bijlageCompleet: Rule = {
  id: 'bijlage-compleet',
  description: 'Elke bijlage heeft óf een `bestand` óf `ter_inzage`, niet geen van beide en niet allebei.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      const bijlagen = rawField(item.raw, 'bijlagen');
      if (!Array.isArray(bijlagen)) continue;
      bijlagen.forEach((entry, i) => {
        const bijlage = asRecord(entry);
        if (!bijlage) return; // an empty `- ` or a plain value: the schema rule reports it
        const titel = rawField(bijlage, 'titel');
        const name = typeof titel === 'string' && titel.trim() !== '' ? `Bijlage ${i + 1} (\`${titel.trim()}\`)` : `Bijlage ${i + 1}`;
        const bestand = present(rawField(bijlage, 'bestand'));
        const terInzage = present(rawField(bijlage, 'ter_inzage'));
        if (!bestand && !terInzage) {
          context.report({
            file: item.file,
            range: at(item.positions, `bijlagen.${i}`),
            message: `${name} heeft geen \`bestand\` en geen \`ter_inzage\`.`,
            missing: true,
            hint: 'Geef met `bestand:` de PDF die wordt meegezonden, of met `ter_inzage:` waar de bijlage te zien is; hoort de bijlage er niet bij, haal hem dan weg.',
          });
        } else if (bestand && terInzage) {
          context.report({
            file: item.file,
            range: keyAt(item.positions, `bijlagen.${i}.ter_inzage`),
            message: `${name} heeft zowel \`bestand\` als \`ter_inzage\`.`,
            hint: 'Een bijlage wordt meegezonden (`bestand`) of ligt ter inzage (`ter_inzage`); kies er één.',
          });
        }
      });
    }
  },
};
