// afbeelding: every image in an item's Markdown body (`![alt](bijlagen/schema.svg)`) can be printed:
// the file exists inside the meeting folder, is readable, within the size limits, and is a PNG, JPEG,
// GIF or self-contained SVG. The loader gathered the facts (src/load/body-images.ts).

import type { Rule } from '../rule.js';

export const afbeelding: Rule = {
  id: 'afbeelding',
  description: 'Een afbeelding in de tekst van een agendapunt bestaat, ligt in de map van de vergadering en is een bruikbare PNG, JPEG, GIF of SVG van begrensde grootte.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      for (const image of item.images) {
        if (image.problem) context.report({ file: item.file, range: image.range, message: image.problem.message, hint: image.problem.hint });
      }
    }
  },
};
