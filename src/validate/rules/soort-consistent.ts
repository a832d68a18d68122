// soort-consistent: what an item has fits its kind: a `mondeling` item has no bijlagen, a `stukken`
// item has some (a warning until the aanleverdatum has passed), a `voorstel` has a
// portefeuillehouder and beslispunten.

import { SOORTEN, type Agendapunt } from '../../model/meeting.js';
import { at, keyAt, type Rule } from '../rule.js';
import { misspeltFields } from '../schema-problems.js';
import { isBlank, rawField } from '../source-text.js';

/** The item's kind when its `soort` is valid or left out (voorstel); otherwise the schema rule speaks. */
function soortOf(item: Agendapunt): Agendapunt['soort'] | undefined {
  const soort = rawField(item.raw, 'soort');
  if (soort === undefined || soort === null) return 'voorstel';
  return SOORTEN.find((s) => s === soort);
}

/** Where to point when a field is missing: at its empty key, or at `soort`, or at the front matter. */
const missingAt = (item: Agendapunt, key: string) =>
  item.positions.get(`${key}#key`) ?? item.positions.get('soort#key') ?? at(item.positions, '') ?? { line: 1, column: 1 };

export const soortConsistent: Rule = {
  id: 'soort-consistent',
  description: 'Een mondeling agendapunt heeft geen bijlagen, een agendapunt met stukken heeft ze; een voorstel heeft een portefeuillehouder en beslispunten.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      const soort = soortOf(item);
      if (soort === 'mondeling') {
        const bijlagen = rawField(item.raw, 'bijlagen');
        if (Array.isArray(bijlagen) && bijlagen.length > 0) {
          context.report({
            file: item.file,
            range: keyAt(item.positions, 'bijlagen'),
            message: `Een mondeling agendapunt heeft geen bijlagen, maar dit agendapunt heeft er ${bijlagen.length}.`,
            hint: 'Horen de bijlagen erbij, maak er dan `soort: stukken` of `soort: voorstel` van; anders haal de bijlagen weg.',
          });
        }
      }
      if (soort === 'stukken') {
        const bijlagen = rawField(item.raw, 'bijlagen');
        if (!Array.isArray(bijlagen) || bijlagen.length === 0) {
          context.report({
            file: item.file,
            range: missingAt(item, 'bijlagen'),
            message: 'Een agendapunt met `soort: stukken` heeft stukken (bijlagen), maar er zijn er nog geen.',
            hint: 'Voeg onder `bijlagen:` het stuk toe (`titel:` en `bestand:`), bijvoorbeeld het verslag; is het een mondeling punt, zet dan `soort: mondeling`.',
            severity: 'warning',
            missing: true,
          });
        }
      }
      if (soort !== 'voorstel') continue;
      const explicit = rawField(item.raw, 'soort') === 'voorstel';
      const why = explicit ? 'Een voorstel' : 'Een voorstel (de standaardsoort)';
      // Written under a misspelt name: the schema rule reports that, naming the field.
      const misspelt = misspeltFields('agendapunt', item.raw);
      if (isBlank(rawField(item.raw, 'portefeuillehouder')) && !misspelt.has('portefeuillehouder')) {
        context.report({
          file: item.file,
          range: missingAt(item, 'portefeuillehouder'),
          message: `${why} heeft een \`portefeuillehouder\`, maar die ontbreekt.`,
          missing: true,
          hint: 'Voeg `portefeuillehouder: …` toe; is dit geen voorstel maar bijvoorbeeld een verslag, zet dan `soort: stukken`.',
        });
      }
      const beslispunten = rawField(item.raw, 'beslispunten');
      if ((isBlank(beslispunten) || (Array.isArray(beslispunten) && beslispunten.length === 0)) && !misspelt.has('beslispunten')) {
        context.report({
          file: item.file,
          range: missingAt(item, 'beslispunten'),
          message: `${why} heeft \`beslispunten\`: de besluiten die worden voorgesteld. Die ontbreken.`,
          missing: true,
          hint: 'Voeg `beslispunten:` toe met op elke regel `- ` en een besluit, zoals `- In te stemmen met …`; is het geen voorstel, kies dan `soort: stukken` of `soort: mondeling`.',
        });
      }
    }
  },
};
