// tekst-omvang: an item's Markdown text stays within what the layout can set in seconds (table cells,
// blocks, estimated pages). Measured before any parser or layout sees the text; see markdown-size.ts.

import type { Rule } from '../rule.js';
import { MARKDOWN_LIMITS, measureMarkdown } from '../markdown-size.js';

const HINT = 'Zet grote tabellen en lange teksten als PDF-bijlage bij het agendapunt, en verwijs er in de tekst naar.';

export const tekstOmvang: Rule = {
  id: 'tekst-omvang',
  description: 'De tekst van een agendapunt blijft binnen wat de opmaak aankan: tabelcellen, blokken en geschatte pagina\'s.',
  severity: 'error',
  check({ meeting, report }) {
    for (const item of meeting.items) {
      const size = measureMarkdown(item.body);
      const over: string[] = [];
      if (size.cells > MARKDOWN_LIMITS.cells) over.push(`${size.cells} tabelcellen (grens ${MARKDOWN_LIMITS.cells})`);
      if (size.blocks > MARKDOWN_LIMITS.blocks) over.push(`${size.blocks} alinea's, kopjes, opsommingspunten en tabelregels (grens ${MARKDOWN_LIMITS.blocks})`);
      if (size.pages > MARKDOWN_LIMITS.pages) over.push(`naar schatting ${size.pages} pagina's (grens ${MARKDOWN_LIMITS.pages})`);
      if (over.length === 0) continue;
      report({
        file: item.file,
        range: { line: item.bodyLine, column: 1 },
        message: `De tekst is te groot om op te maken: ${over.join(', ')}.`,
        hint: HINT,
      });
    }
  },
};
