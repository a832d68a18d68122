// bijlage-formaat: reports the loader's findings with code(s) mapped to this rule in SOURCE_PROBLEM_RULES
// (src/convert/problems.ts); see docs/rules/bijlage-formaat.md.

import { SOURCE_PROBLEM_RULES } from '../../convert/index.js';
import type { Rule } from '../rule.js';
import { reportFileProblems } from './attachment-problem.js';

export const bijlageFormaat: Rule = {
  id: 'bijlage-formaat',
  description: 'Een bijlage die geen PDF is, heeft de inhoud die bij de extensie past, is niet met een wachtwoord beveiligd en is (als afbeelding) leesbaar en niet te groot.',
  severity: 'error',
  check(context) {
    reportFileProblems(context, (code) => (SOURCE_PROBLEM_RULES as Record<string, string>)[code] === 'bijlage-formaat');
  },
};
