// privacy-bsn: no burgerservicenummer (nine digits passing the 11-test) in what the public bundle shows.

import { reportFindings } from '../privacy/report.js';
import type { Rule } from '../rule.js';

export const privacyBsn: Rule = {
  id: 'privacy-bsn',
  description: 'Geen burgerservicenummer (BSN) in de openbare stukken.',
  severity: 'error',
  scope: 'openbaar',
  check: (context) => reportFindings(context, 'bsn', () => 'BSN', 'Een burgerservicenummer mag niet openbaar worden.'),
};
