// afbeelding-alt: an image in an item's text has alt text, the words a screen reader speaks for it
// (the bundle is tagged: the alt text becomes the figure's /Alt).

import type { Rule } from '../rule.js';

export const afbeeldingAlt: Rule = {
  id: 'afbeelding-alt',
  description: 'Een afbeelding in de tekst van een agendapunt heeft een beschrijving (alt-tekst) voor wie de bundel laat voorlezen.',
  severity: 'warning',
  check(context) {
    for (const item of context.meeting.items) {
      for (const image of item.images) {
        if (image.alt.trim() !== '') continue;
        context.report({
          file: item.file,
          range: image.range,
          message: `De afbeelding \`${image.pad}\` heeft geen beschrijving (alt-tekst); een voorleesprogramma slaat haar over.`,
          hint: 'Zet tussen de vierkante haken wat de afbeelding laat zien, bijvoorbeeld `[Organogram van de stuurgroep]` vóór het pad.',
        });
      }
    }
  },
};
