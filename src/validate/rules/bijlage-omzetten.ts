// bijlage-omzetten: reports the loader's findings with code(s) mapped to this rule in SOURCE_PROBLEM_RULES
// (src/convert/problems.ts); see docs/rules/bijlage-omzetten.md.

import { SOURCE_PROBLEM_RULES } from '../../convert/index.js';
import type { Rule } from '../rule.js';
import { reportFileProblems } from './attachment-problem.js';

export const bijlageOmzetten: Rule = {
  id: 'bijlage-omzetten',
  description: 'Het omzetten van een Office-bijlage naar PDF lukt binnen de tijdslimiet (alleen bij `bundel build`).',
  severity: 'error',
  check(context) {
    reportFileProblems(context, (code) => (SOURCE_PROBLEM_RULES as Record<string, string>)[code] === 'bijlage-omzetten');
  },
};
