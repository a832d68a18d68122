// vergadering-leeg: a meeting folder without agenda items: bundel would make a bundle with only an
// empty agenda.

import type { Rule } from '../rule.js';

export const vergaderingLeeg: Rule = {
  id: 'vergadering-leeg',
  description: 'Een vergadering heeft ten minste één agendapunt.',
  severity: 'warning',
  allItems: true,
  check(context) {
    const { items, vergadering } = context.meeting;
    // Without a readable vergadering.yaml the loader's finding comes first.
    if (items.length > 0 || vergadering.raw === undefined) return;
    context.report({
      file: vergadering.file,
      range: { line: 1, column: 1 },
      message: `De vergadering \`${vergadering.relDir}\` heeft nog geen agendapunten.`,
      hint: `Voeg ze toe met \`bundel agendapunt ${vergadering.datum || '<datum>'} "<onderwerp>"\`, of zet in de map een Markdown-bestand per agendapunt (\`01-opening.md\`).`,
    });
  },
};
