// The meeting cycle's settings: each orgaan's terms and standing items from bundel.yaml, and a
// meeting's deadlines (aanleverdatum, verzenddatum) from vergadering.yaml or those terms.
// A calendar-day term that lands on a weekend or public holiday moves back to the working day before.

import type { BundelConfig, Deadline, OrgaanConfig, Term, VastAgendapunt, Vergadering } from '../model/meeting.js';
import { isIsoDate, TERMIJN_PATTERN } from '../model/schema.js';
import { addDays, workingDayOnOrBefore, workingDaysBefore } from '../util/calendar.js';
import { asRecord, asText, asTextList, get } from './normalize.js';

export function parseTerm(value: unknown): Term | undefined {
  const text = asText(value);
  const m = text ? TERMIJN_PATTERN.exec(text) : null;
  if (!text || !m) return undefined;
  return { days: Number(m[1]), working: m[2].startsWith('werkdag'), text };
}

function standingItems(value: unknown): VastAgendapunt[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): VastAgendapunt[] => {
    const r = asRecord(entry);
    const onderwerp = asText(get(r, 'onderwerp'));
    if (!onderwerp) return [];
    const soort = asText(get(r, 'soort'));
    return [{ onderwerp, soort: soort === 'voorstel' || soort === 'stukken' ? soort : 'mondeling', beslispunten: asTextList(get(r, 'beslispunten')) }];
  });
}

/** bundel.yaml's `organen:` block, read leniently (the schema rule reports what is wrong). */
export function parseOrganen(value: unknown): Map<string, OrgaanConfig> {
  const out = new Map<string, OrgaanConfig>();
  for (const [name, entry] of Object.entries(asRecord(value) ?? {})) {
    const r = asRecord(entry);
    const vast = asRecord(get(r, 'vaste_agendapunten'));
    out.set(name.trim(), {
      aanleveren: parseTerm(get(r, 'aanleveren')),
      verzenden: parseTerm(get(r, 'verzenden')),
      vasteAgendapunten: vast ? { begin: standingItems(get(vast, 'begin')), eind: standingItems(get(vast, 'eind')) } : undefined,
    });
  }
  return out;
}

/** The settings of `orgaan` (names compared without regard to case and surrounding spaces). */
export function orgaanConfig(config: BundelConfig, orgaan: string): OrgaanConfig | undefined {
  const wanted = orgaan.trim().toLowerCase();
  for (const [name, settings] of config.organen ?? []) if (name.toLowerCase() === wanted) return settings;
  return undefined;
}

/** The date `term` before the meeting on `datum`. */
export function dateBefore(datum: string, term: Term): string {
  return term.working ? workingDaysBefore(datum, term.days) : workingDayOnOrBefore(addDays(datum, -term.days));
}

function deadline(datum: string, explicit: string | undefined, term: Term | undefined): Deadline | undefined {
  if (explicit && isIsoDate(explicit)) return { datum: explicit, herkomst: 'vergadering.yaml' };
  if (!term || !isIsoDate(datum)) return undefined;
  return { datum: dateBefore(datum, term), herkomst: `${term.text} voor de vergadering` };
}

export function meetingDeadlines(config: BundelConfig, vergadering: Vergadering): { aanleveren?: Deadline; verzenden?: Deadline } {
  const settings = orgaanConfig(config, vergadering.orgaan);
  return {
    aanleveren: deadline(vergadering.datum, vergadering.aanleverdatum, settings?.aanleveren),
    verzenden: deadline(vergadering.datum, vergadering.verzenddatum, settings?.verzenden),
  };
}
