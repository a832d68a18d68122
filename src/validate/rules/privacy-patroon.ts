// privacy-patroon: none of the body's own patterns (bundel.yaml `privacy.patronen`) in what the public
// bundle shows; and every such pattern is a usable regular expression.

import { compilePatterns } from '../privacy/allow.js';
import { reportFindings } from '../privacy/report.js';
import { at, type Rule } from '../rule.js';

export const privacyPatroon: Rule = {
  id: 'privacy-patroon',
  description: 'Geen tekst die past op een eigen patroon (`privacy.patronen` in bundel.yaml) in de openbare stukken.',
  severity: 'error',
  scope: 'openbaar',
  check(context) {
    const { config } = context.meeting;
    if (config.file) {
      for (const e of compilePatterns(config.privacy?.patronen ?? []).errors) {
        context.report({
          file: config.file,
          range: at(config.positions, `privacy.patronen.${e.index}.patroon`),
          message: `Het patroon \`${e.patroon}\` is geen bruikbare reguliere expressie: ${e.reason}.`,
          hint: 'Schrijf een JavaScript-reguliere expressie, bijvoorbeeld `\\p{Lu}\\p{Ll}+straat \\d+` voor een straat met huisnummer; zet hem tussen enkele aanhalingstekens.',
        });
      }
    }
    reportFindings(context, 'patroon', (f) => `Tekst die past op het patroon \`${f.pattern}\`:`, 'Deze tekst hoort volgens bundel.yaml niet in een openbaar stuk.');
  },
};
