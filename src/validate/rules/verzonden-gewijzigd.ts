// verzonden-gewijzigd: a document that went out has changed (or is gone) since the last sent version.
// Not wrong in itself — documents do change — but the members hold the old one until a supplement
// (`bundel build --nagezonden`) is sent, so the secretariat should know.

import { dutchDate } from '../../util/dutch-date.js';
import { at, type Rule } from '../rule.js';
import { compareWithSent } from '../sent-changes.js';

export const verzondenGewijzigd: Rule = {
  id: 'verzonden-gewijzigd',
  description: 'Een verzonden stuk is niet gewijzigd of weggehaald sinds de laatst verzonden versie (anders: nazenden).',
  severity: 'warning',
  allItems: true,
  check(context) {
    const { meeting } = context;
    const comparison = compareWithSent(meeting);
    if (!comparison) return;
    const { versie, verzonden } = comparison.versie;
    const sent = `versie ${versie} (verzonden op ${dutchDate(verzonden)})`;
    const hint = `De leden hebben nog het oude stuk: stuur het na met \`bundel build ${meeting.vergadering.datum} --nagezonden\` en leg dat vast met \`bundel verzonden\`.`;
    for (const change of comparison.changes) {
      if (change.reden === 'gewijzigd') {
        const doc = change.document;
        const name = doc.bijlage ? `${doc.label ?? 'Het stuk'} (\`${doc.bijlage.bestand}\`)` : 'Het voorstel';
        context.report({
          file: doc.item.file,
          range: at(doc.item.positions, doc.bijlage ? `bijlagen.${doc.bijlage.nummer - 1}.bestand` : 'onderwerp'),
          message: `${name} is gewijzigd sinds ${sent}; daar stond het op ${change.waar.paginas.includes('–') ? "pagina's" : 'pagina'} ${change.waar.paginas}.`,
          hint,
        });
      } else if (change.reden === 'ingetrokken') {
        const v = change.vorige;
        const item = meeting.items.find((i) => i.nummer === v.agendapunt);
        context.report({
          file: item?.file ?? meeting.vergadering.file,
          range: item ? at(item.positions, 'bijlagen#key') : undefined,
          message: `${v.label ?? v.soort} \`${v.titel}\` van agendapunt ${v.agendapunt} zat in ${sent}, maar hoort nu niet meer bij de vergadering.`,
          hint: `Is dat de bedoeling, meld het dan met \`bundel build ${meeting.vergadering.datum} --nagezonden\` (het voorblad noemt het ingetrokken).`,
        });
      }
    }
  },
};
