// Shared by the rules that report a problem the loader found in a bijlage's file: which bijlagen
// have one, and the message with the file name put in.

import type { Agendapunt, Bijlage } from '../../model/meeting.js';
import type { PdfProblem } from '../../model/pdf-facts.js';
import { SOURCE_PROBLEM_RULES } from '../../convert/problems.js';
import { at, type Rule, type RuleContext } from '../rule.js';

/** Put the file name in the loader's message: "Het bestand is leeg" -> "Het bestand `x.pdf` is leeg". */
export function withFile(problem: PdfProblem, bestand: string, nummer: number): string {
  if (problem.message.includes(`\`${bestand}\``)) return problem.message;
  const named = problem.message
    .replace(/^(Het bestand|De PDF|De afbeelding) /, `$1 \`${bestand}\` `)
    .replace(/^Het omzetten naar PDF /, `Het omzetten van \`${bestand}\` naar PDF `);
  return named !== problem.message ? named : `Bijlage ${nummer} (\`${bestand}\`): ${problem.message}`;
}

/** Report, at the `bestand:` line, every bijlage whose fatal problem has a code `wanted` accepts. */
export function reportFileProblems(context: RuleContext, wanted: (code: string) => boolean): void {
  for (const item of context.meeting.items) {
    for (const bijlage of item.bijlagen) {
      const problem = bijlage.facts?.pathProblem ?? bijlage.facts?.problem;
      if (!problem || bijlage.bestand === undefined || !wanted(problem.code)) continue;
      // A file not there yet is still to be delivered (weighed against the aanleverdatum); a broken
      // or misplaced one is wrong now.
      const missing = problem.code === 'bestand-ontbreekt' || problem.code === 'pad-leeg';
      context.report({ file: item.file, range: bestandAt(item, bijlage), message: withFile(problem, bijlage.bestand, bijlage.nummer), hint: problem.hint, detail: problem.detail, missing });
    }
  }
}

export const bestandAt = (item: Agendapunt, bijlage: Bijlage) => at(item.positions, `bijlagen.${bijlage.nummer - 1}.bestand`);

/** A rule that reports the loader's findings whose code SOURCE_PROBLEM_RULES maps to `id`. */
export function sourceProblemRule(id: string, description: string): Rule {
  return { id, description, severity: 'error', check: (context) => reportFileProblems(context, (code) => (SOURCE_PROBLEM_RULES as Record<string, string>)[code] === id) };
}
