// privacy-email: no e-mail address in what the public bundle shows, unless it is a contact's or allowed.

import { reportFindings } from '../privacy/report.js';
import type { Rule } from '../rule.js';

export const privacyEmail: Rule = {
  id: 'privacy-email',
  description: 'Geen e-mailadres in de openbare stukken, behalve dat van een contactpersoon of een toegestaan adres of domein.',
  severity: 'error',
  scope: 'openbaar',
  check: (context) =>
    reportFindings(
      context,
      'email',
      () => 'E-mailadres',
      'Een persoonlijk e-mailadres mag niet openbaar worden; adressen van de organisatie (of het hele domein, `@organisatie.nl`) zet u in `privacy.toegestaan` in bundel.yaml.',
    ),
};
