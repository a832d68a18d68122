// vergadering-datum: an item's `vergadering` is the meeting's `datum`, which is the date the folder is named after.

import { isIsoDate } from '../../model/schema.js';
import { rawField } from '../source-text.js';
import { at, type Rule } from '../rule.js';

export const vergaderingDatum: Rule = {
  id: 'vergadering-datum',
  description: 'De datum in elk agendapunt en in vergadering.yaml is die van de map van de vergadering.',
  severity: 'error',
  check(context) {
    const { vergadering, items } = context.meeting;
    const datum = rawField(vergadering.raw, 'datum');
    const folder = vergadering.folderDate;
    if (isIsoDate(datum) && folder && datum !== folder) {
      context.report({
        file: vergadering.file,
        range: at(vergadering.positions, 'datum'),
        message: `De \`datum\` is \`${datum}\`, maar de map van de vergadering heet naar \`${folder}\`.`,
        hint: `Maak ze gelijk: zet \`datum: ${folder}\`, of hernoem de map naar \`${datum}\`.`,
      });
    }
    // Items are compared with the date the meeting says it is; without one, with the folder's.
    const meetingDate = isIsoDate(datum) ? datum : folder;
    if (!meetingDate) return;
    for (const item of items) {
      const own = rawField(item.raw, 'vergadering');
      if (!isIsoDate(own) || own === meetingDate) continue;
      context.report({
        file: item.file,
        range: at(item.positions, 'vergadering'),
        message: `Dit agendapunt is voor de vergadering van \`${own}\`, maar staat bij de vergadering van \`${meetingDate}\`.`,
        hint: `Zet \`vergadering: ${meetingDate}\`, of verplaats het bestand naar de map van de vergadering van \`${own}\`.`,
      });
    }
  },
};
