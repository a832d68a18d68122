// bijlage-formaat: reports the loader's findings with code(s) mapped to this rule in SOURCE_PROBLEM_RULES
// (src/convert/problems.ts); see docs/rules/bijlage-formaat.md.

import { sourceProblemRule } from './attachment-problem.js';

export const bijlageFormaat = sourceProblemRule(
  'bijlage-formaat',
  'Een bijlage die geen PDF is, heeft de inhoud die bij de extensie past, is niet met een wachtwoord beveiligd en is (als afbeelding) leesbaar en niet te groot.',
);
