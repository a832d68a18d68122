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

/** The rules to run on this meeting, and how one runs (its findings, in the order reported). */
function ruleRunner(meeting: Meeting, options: ValidateOptions): { active: readonly Rule[]; run: (rule: Rule) => Diagnostic[] } {
  // Items whose front matter could not be parsed have a loader diagnostic already; rules skip them.
  const view: Meeting = {
    ...meeting,
    items: meeting.items.filter((item) => item.parsed),
    config: options.config === false ? { ...meeting.config, file: undefined, raw: undefined } : meeting.config,
  };
  const weigh = deadlineAdjuster(meeting, options.today);
  const allParsed = view.items.length === meeting.items.length;
  const active = (options.rules ?? rules).filter((rule) => !(options.members && rule.scope === 'openbaar') && !(rule.allItems && !allParsed));
  const run = (rule: Rule): Diagnostic[] => {
    const found: Diagnostic[] = [];
    rule.check({ meeting: view, pdfa: options.pdfa, report: (r) => found.push(r.missing ? weigh(toDiagnostic(rule, r)) : toDiagnostic(rule, r)) });
    return found;
  };
  return { active, run };
}

export function validate(meeting: Meeting, options: ValidateOptions = {}): Diagnostic[] {
  const { active, run } = ruleRunner(meeting, options);
  return sortDiagnostics([...meeting.loadDiagnostics, ...active.flatMap(run)]);
}

/**
 * `validate` while the attachments' text is still being read (`textsRead`, loadMeeting's `deferText`):
 * the rules about the public bundle — the only ones that read the text — run once it is read, the
 * others meanwhile. The same findings, in the same order.
 */
export async function validateWhileReading(meeting: Meeting, options: ValidateOptions, textsRead: Promise<void> | undefined): Promise<Diagnostic[]> {
  const { active, run } = ruleRunner(meeting, options);
  const found = new Map<Rule, Diagnostic[]>();
  for (const rule of active) if (rule.scope !== 'openbaar') found.set(rule, run(rule));
  await textsRead;
  for (const rule of active) if (rule.scope === 'openbaar') found.set(rule, run(rule));
  return sortDiagnostics([...meeting.loadDiagnostics, ...active.flatMap((rule) => found.get(rule)!)]);
}
