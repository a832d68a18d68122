// bijlage-omzetten: reports the loader's findings with code(s) mapped to this rule in SOURCE_PROBLEM_RULES
// (src/convert/problems.ts); see docs/rules/bijlage-omzetten.md.

import { sourceProblemRule } from './attachment-problem.js';

export const bijlageOmzetten = sourceProblemRule(
  'bijlage-omzetten',
  'Het omzetten van een Office-bijlage naar PDF lukt binnen de tijdslimiet (alleen bij `bundel build`).',
);
