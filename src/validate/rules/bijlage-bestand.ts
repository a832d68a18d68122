// bijlage-bestand: a bijlage's `bestand` exists with this exact case, stays inside the meeting folder,
// and is a readable PDF with pages. Uses the facts the loader gathered; repairs are warnings.

import type { PdfProblem } from '../../model/pdf-facts.js';
import { at, type Rule } from '../rule.js';

/** Put the file name in the loader's message: "Het bestand is leeg" -> "Het bestand `x.pdf` is leeg". */
function withFile(problem: PdfProblem, bestand: string, nummer: number): string {
  if (problem.message.includes(`\`${bestand}\``)) return problem.message;
  const named = problem.message.replace(/^(Het bestand|De PDF) /, `$1 \`${bestand}\` `);
  return named !== problem.message ? named : `Bijlage ${nummer} (\`${bestand}\`): ${problem.message}`;
}

export const bijlageBestand: Rule = {
  id: 'bijlage-bestand',
  description: 'Het `bestand` van een bijlage bestaat (met precies deze hoofdletters), ligt in de map van de vergadering en is een leesbare PDF.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      for (const bijlage of item.bijlagen) {
        const { facts, bestand } = bijlage;
        if (!facts || bestand === undefined) continue;
        const range = at(item.positions, `bijlagen.${bijlage.nummer - 1}.bestand`);
        const fatal = facts.pathProblem ?? facts.problem;
        if (fatal) context.report({ file: item.file, range, message: withFile(fatal, bestand, bijlage.nummer), hint: fatal.hint });
        for (const warning of facts.warnings) {
          context.report({ file: item.file, range, message: withFile(warning, bestand, bijlage.nummer), hint: warning.hint, severity: 'warning' });
        }
      }
    }
  },
};
