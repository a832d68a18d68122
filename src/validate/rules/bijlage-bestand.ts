// bijlage-bestand: a bijlage's `bestand` exists with this exact case, stays inside the meeting folder,
// and is a readable PDF with pages. Uses the facts the loader gathered; repairs are warnings.
// Problems of Office files and images have rules of their own (SOURCE_PROBLEM_RULES).

import { isSourceProblem } from '../../convert/problems.js';
import type { Rule } from '../rule.js';
import { bestandAt, reportFileProblems, withFile } from './attachment-problem.js';

export const bijlageBestand: Rule = {
  id: 'bijlage-bestand',
  description: 'Het `bestand` van een bijlage bestaat (met precies deze hoofdletters), ligt in de map van de vergadering en is een leesbare PDF.',
  severity: 'error',
  check(context) {
    reportFileProblems(context, (code) => !isSourceProblem(code));
    for (const item of context.meeting.items) {
      for (const bijlage of item.bijlagen) {
        const { facts, bestand } = bijlage;
        if (!facts || bestand === undefined) continue;
        for (const warning of facts.warnings) {
          context.report({ file: item.file, range: bestandAt(item, bijlage), message: withFile(warning, bestand, bijlage.nummer), hint: warning.hint, detail: warning.detail, severity: 'warning' });
        }
      }
    }
  },
};
