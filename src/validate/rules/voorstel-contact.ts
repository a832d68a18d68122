// voorstel-contact: a voorstel names a contact person, as the house form asks: the members know whom
// to ask before the meeting.

import { keyAt, type Rule } from '../rule.js';
import { misspeltFields } from '../schema-problems.js';
import { rawField } from '../source-text.js';

export const voorstelContact: Rule = {
  id: 'voorstel-contact',
  description: 'Een voorstel noemt een contactpersoon (`contact:` met `naam:`).',
  severity: 'warning',
  check(context) {
    for (const item of context.meeting.items) {
      if (item.soort !== 'voorstel' || item.contact?.naam) continue;
      const raw = rawField(item.raw, 'soort');
      // An invalid soort is the schema rule's; a misspelt `contact` too (one finding per mistake).
      if (raw !== undefined && raw !== null && raw !== 'voorstel') continue;
      if (misspeltFields('agendapunt', item.raw).has('contact')) continue;
      const contact = rawField(item.raw, 'contact');
      const written = contact !== undefined && contact !== null;
      // Written, but not as a block of fields: the schema rule says so.
      if (written && (typeof contact !== 'object' || Array.isArray(contact))) continue;
      context.report({
        file: item.file,
        range: keyAt(item.positions, written ? 'contact' : 'onderwerp'),
        message: written ? 'Bij `contact` staat geen `naam`.' : 'Het voorstel noemt geen contactpersoon.',
        hint: 'Voeg toe: `contact:` met daaronder ingesprongen `naam: …`, en zo mogelijk `telefoon: …` en `email: …`; dan weten de leden wie ze voor de vergadering kunnen bellen.',
      });
    }
  },
};
