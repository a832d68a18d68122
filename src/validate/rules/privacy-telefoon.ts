// privacy-telefoon: no Dutch mobile number in what the public bundle shows, unless it is a contact's or allowed.

import { reportFindings } from '../privacy/report.js';
import type { Rule } from '../rule.js';

export const privacyTelefoon: Rule = {
  id: 'privacy-telefoon',
  description: 'Geen mobiel nummer (06) in de openbare stukken, behalve dat van een contactpersoon of een toegestaan nummer.',
  severity: 'error',
  scope: 'openbaar',
  check: (context) =>
    reportFindings(
      context,
      'telefoon',
      () => 'Mobiel nummer',
      'Een privénummer mag niet openbaar worden; een zakelijk nummer van de organisatie zet u in `privacy.toegestaan` in bundel.yaml.',
    ),
};
