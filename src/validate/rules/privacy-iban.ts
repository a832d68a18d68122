// privacy-iban: no bank account number (IBAN, mod-97) in what the public bundle shows, unless allowed.

import { reportFindings } from '../privacy/report.js';
import type { Rule } from '../rule.js';

export const privacyIban: Rule = {
  id: 'privacy-iban',
  description: 'Geen bankrekeningnummer (IBAN) van personen in de openbare stukken.',
  severity: 'error',
  scope: 'openbaar',
  check: (context) =>
    reportFindings(context, 'iban', () => 'IBAN', 'Een bankrekeningnummer van een persoon mag niet openbaar worden; dat van de organisatie zet u in `privacy.toegestaan` in bundel.yaml.'),
};
