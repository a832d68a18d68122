// termijnen: the deadlines come in order: the stukken are due (aanleverdatum) no later than the
// bundle goes out (verzenddatum), and both lie before the meeting.

import type { Deadline } from '../../model/meeting.js';
import { daysBetween } from '../../util/calendar.js';
import { at, type Rule } from '../rule.js';

const shown = (d: Deadline, name: string): string => `de ${name} \`${d.datum}\`${d.herkomst === 'vergadering.yaml' ? '' : ` (${d.herkomst})`}`;

export const termijnen: Rule = {
  id: 'termijnen',
  description: 'De aanleverdatum ligt niet na de verzenddatum, en beide liggen vóór de vergadering.',
  severity: 'error',
  check(context) {
    const { vergadering, deadlines } = context.meeting;
    if (!deadlines || !/^\d{4}-\d{2}-\d{2}$/.test(vergadering.datum)) return;
    const { aanleveren, verzenden } = deadlines;
    const where = (d: Deadline, key: string) => (d.herkomst === 'vergadering.yaml' ? at(vergadering.positions, key) : undefined);
    for (const [d, name, key] of [
      [aanleveren, 'aanleverdatum', 'aanleverdatum'],
      [verzenden, 'verzenddatum', 'verzenddatum'],
    ] as const) {
      if (d && daysBetween(d.datum, vergadering.datum) <= 0) {
        context.report({
          file: vergadering.file,
          range: where(d, key),
          message: `${shown(d, name)[0].toUpperCase()}${shown(d, name).slice(1)} ligt niet vóór de vergadering (\`${vergadering.datum}\`).`,
          hint: `Zet \`${key}:\` in vergadering.yaml op een datum vóór de vergadering, of controleer de termijn in bundel.yaml.`,
        });
      }
    }
    if (aanleveren && verzenden && daysBetween(aanleveren.datum, verzenden.datum) < 0) {
      context.report({
        file: vergadering.file,
        range: where(aanleveren, 'aanleverdatum') ?? where(verzenden, 'verzenddatum'),
        message: `${shown(aanleveren, 'aanleverdatum')[0].toUpperCase()}${shown(aanleveren, 'aanleverdatum').slice(1)} ligt na ${shown(verzenden, 'verzenddatum')}.`,
        hint: 'De stukken moeten binnen zijn voordat de bundel verstuurd wordt: vervroeg `aanleverdatum:` of verlaat `verzenddatum:`.',
      });
    }
  },
};
