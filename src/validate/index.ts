// validate: Meeting -> Diagnostic[]. Runs every lint rule over a loaded meeting; pure, no I/O.
// The loader's own findings come first, then each rule's, in one stable order.

import type { Diagnostic } from '../model/diagnostic.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import type { Meeting } from '../model/meeting.js';
import { deadlineAdjuster } from './deadline.js';
import { toDiagnostic, type Rule } from './rule.js';
import { afbeelding } from './rules/afbeelding.js';
import { afbeeldingAlt } from './rules/afbeelding-alt.js';
import { agendapuntUniek } from './rules/agendapunt-uniek.js';
import { agendapuntVolgorde } from './rules/agendapunt-volgorde.js';
import { beslispuntenZinnen } from './rules/beslispunten-zinnen.js';
import { bijlageBestand } from './rules/bijlage-bestand.js';
import { bijlageCompleet } from './rules/bijlage-compleet.js';
import { bijlageDubbel } from './rules/bijlage-dubbel.js';
import { bijlageFormaat } from './rules/bijlage-formaat.js';
import { bijlageOmzetten } from './rules/bijlage-omzetten.js';
import { bijlageHersteld } from './rules/bijlage-hersteld.js';
import { bijlageNietToegankelijk } from './rules/bijlage-niet-toegankelijk.js';
import { bijlagePdfa } from './rules/bijlage-pdfa.js';
import { bijlageVerwijzing } from './rules/bijlage-verwijzing.js';
import { libreofficeOntbreekt } from './rules/libreoffice-ontbreekt.js';
import { placeholder } from './rules/placeholder.js';
import { portefeuillehouderBekend } from './rules/portefeuillehouder-bekend.js';
import { schema } from './rules/schema.js';
import { sjabloon } from './rules/sjabloon.js';
import { soortConsistent } from './rules/soort-consistent.js';
import { tekstOmvang } from './rules/tekst-omvang.js';
import { telefoon } from './rules/telefoon.js';
import { termijnen } from './rules/termijnen.js';
import { vergaderingDatum } from './rules/vergadering-datum.js';
import { verzondenGewijzigd } from './rules/verzonden-gewijzigd.js';
import { privacyBsn } from './rules/privacy-bsn.js';
import { privacyIban } from './rules/privacy-iban.js';
import { privacyTelefoon } from './rules/privacy-telefoon.js';
import { privacyEmail } from './rules/privacy-email.js';
import { privacyPatroon } from './rules/privacy-patroon.js';
import { privacyAkkoord } from './rules/privacy-akkoord.js';
import { bijlageScan } from './rules/bijlage-scan.js';
import { bijlageTitel } from './rules/bijlage-titel.js';
import { openbareTitel } from './rules/openbare-titel.js';
import { bijlageOngebruikt } from './rules/bijlage-ongebruikt.js';
import { vergaderingLeeg } from './rules/vergadering-leeg.js';
import { voorstelContact } from './rules/voorstel-contact.js';

export type { Rule } from './rule.js';

export const rules: Rule[] = [
  schema,
  vergaderingDatum,
  termijnen,
  agendapuntUniek,
  agendapuntVolgorde,
  soortConsistent,
  portefeuillehouderBekend,
  beslispuntenZinnen,
  bijlageCompleet,
  bijlageBestand,
  bijlageFormaat,
  libreofficeOntbreekt,
  bijlageOmzetten,
  bijlageHersteld,
  bijlageVerwijzing,
  bijlageDubbel,
  bijlageNietToegankelijk,
  bijlagePdfa,
  telefoon,
  placeholder,
  sjabloon,
  openbareTitel,
  tekstOmvang,
  afbeelding,
  afbeeldingAlt,
  verzondenGewijzigd,
  privacyBsn,
  privacyIban,
  privacyTelefoon,
  privacyEmail,
  privacyPatroon,
  privacyAkkoord,
  bijlageScan,
  bijlageTitel,
  voorstelContact,
  bijlageOngebruikt,
  vergaderingLeeg,
];

export interface ValidateOptions {
  /**
   * Check bundel.yaml too (default true). Linting several meetings of one repository, pass false
   * for all but one so bundel.yaml's problems are listed once.
   */
  config?: boolean;
  /** Check for a PDF/A bundle (`--pdfa`). */
  pdfa?: boolean;
  /** The rules to run; default all. */
  rules?: readonly Rule[];
  /**
   * Today (ISO date): findings about what must still be delivered become warnings before the
   * aanleverdatum and errors after it, with the days left or late. Left out (as by `bundel build`):
   * every finding keeps its own severity.
   */
  today?: string;
  /**
   * For the members' bundle: leave out the rules about the public bundle (`scope: 'openbaar'`):
   * personal data may be in what only the members receive.
   */
  members?: boolean;
}

export function validate(meeting: Meeting, options: ValidateOptions = {}): Diagnostic[] {
  // Items whose front matter could not be parsed have a loader diagnostic already; rules skip them.
  const view: Meeting = {
    ...meeting,
    items: meeting.items.filter((item) => item.parsed),
    config: options.config === false ? { ...meeting.config, file: undefined, raw: undefined } : meeting.config,
  };
  const diagnostics: Diagnostic[] = [...meeting.loadDiagnostics];
  const weigh = deadlineAdjuster(meeting, options.today);
  const allParsed = view.items.length === meeting.items.length;
  for (const rule of options.rules ?? rules) {
    if (options.members && rule.scope === 'openbaar') continue;
    if (rule.allItems && !allParsed) continue;
    rule.check({ meeting: view, pdfa: options.pdfa, report: (r) => diagnostics.push(r.missing ? weigh(toDiagnostic(rule, r)) : toDiagnostic(rule, r)) });
  }
  return sortDiagnostics(diagnostics);
}
