// `bundel status`: per meeting, the state of every item (from the lint findings on today's date),
// the days to the aanleverdatum and verzenddatum, whether the built bundle is older than its sources
// (the sha256s its index lists) and whether it was sent (`verzonden/` in the meeting folder).

import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Agendapunt, Deadline, Meeting } from '../model/meeting.js';
import { meetingSources } from '../load/sources.js';
import { validate } from '../validate/index.js';
import { bundleNames } from '../bundle/names.js';
import { daysBetween } from '../util/calendar.js';

export type ItemState = 'compleet' | 'waarschuwingen' | 'velden ontbreken' | 'bijlage ontbreekt of onleesbaar' | 'onvolledig' | 'fouten';

export interface ItemStatus {
  nummer: string;
  onderwerp: string;
  bestand: string;
  staat: ItemState;
  /** Why the item is `onvolledig`, in Dutch ("de Toelichting is leeg"). */
  reden?: string;
  fouten: number;
  waarschuwingen: number;
}

export interface DeadlineStatus {
  datum: string;
  herkomst: string;
  /** Days from today; negative when passed. */
  dagen: number;
}

export interface MeetingStatus {
  map: string;
  orgaan: string;
  datum: string;
  dagenTotVergadering: number;
  aanleverdatum?: DeadlineStatus;
  verzenddatum?: DeadlineStatus;
  agendapunten: ItemStatus[];
  fouten: number;
  waarschuwingen: number;
  bundel: { staat: 'niet gemaakt' | 'actueel' | 'verouderd' | 'onbekend'; bestand?: string; gewijzigd?: string[] };
  /** The files in `verzonden/`, or "niet vastgelegd". */
  verzonden: string[] | 'niet vastgelegd';
}

const FIELD_RULES = new Set(['schema', 'soort-consistent', 'placeholder', 'beslispunten-zinnen']);

/** A voorstel's Toelichting (its body) with nothing in it but blank lines, headings and comments. */
export function emptyToelichting(item: Agendapunt): boolean {
  if (item.soort !== 'voorstel') return false;
  const text = item.body.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/^\s{0,3}#{1,6}(\s.*)?$/gm, '');
  return text.trim() === '';
}

function stateOf(found: readonly Diagnostic[], toelichtingLeeg: boolean): ItemState {
  const errors = found.filter((d) => d.severity === 'error');
  if (found.some((d) => d.rule.startsWith('bijlage') && (d.severity === 'error' || /bestaat niet|stukken/.test(d.message)))) return 'bijlage ontbreekt of onleesbaar';
  if (found.some((d) => FIELD_RULES.has(d.rule) && (d.severity === 'error' || d.rule !== 'beslispunten-zinnen'))) return 'velden ontbreken';
  if (toelichtingLeeg) return 'onvolledig';
  if (errors.length > 0) return 'fouten';
  return found.length > 0 ? 'waarschuwingen' : 'compleet';
}

const deadline = (d: Deadline | undefined, today: string): DeadlineStatus | undefined => (d ? { datum: d.datum, herkomst: d.herkomst, dagen: daysBetween(today, d.datum) } : undefined);

async function bundleState(meeting: Meeting): Promise<MeetingStatus['bundel']> {
  const names = bundleNames(meeting, false);
  const pdf = path.join(names.folder, names.fileName);
  const bestand = path.relative(meeting.config.root, pdf).split(path.sep).join('/');
  const indexFile = pdf.replace(/\.pdf$/i, '.json');
  if (!existsSync(pdf)) return { staat: 'niet gemaakt' };
  let listed: { bestand: string; sha256?: string }[] | undefined;
  try {
    listed = (JSON.parse(readFileSync(indexFile, 'utf8')) as { bronnen?: { bestand: string; sha256?: string }[] }).bronnen;
  } catch {
    listed = undefined;
  }
  if (!Array.isArray(listed)) return { staat: 'onbekend', bestand };
  const now = new Map((await meetingSources(meeting)).map((s) => [s.bestand, s.sha256]));
  const before = new Map(listed.map((s) => [s.bestand, s.sha256]));
  const gewijzigd = [...new Set([...now.keys(), ...before.keys()])].filter((f) => now.get(f) !== before.get(f)).sort();
  return gewijzigd.length > 0 ? { staat: 'verouderd', bestand, gewijzigd } : { staat: 'actueel', bestand };
}

async function sent(meeting: Meeting): Promise<MeetingStatus['verzonden']> {
  const entries = await readdir(path.join(meeting.vergadering.dir, 'verzonden')).catch(() => [] as string[]);
  const files = entries.filter((e) => !e.startsWith('.')).sort();
  return files.length > 0 ? files : 'niet vastgelegd';
}

export async function meetingStatus(meeting: Meeting, today: string): Promise<MeetingStatus> {
  const diagnostics = validate(meeting, { today, config: false });
  const items = [...meeting.items].sort((a, b) => a.nummer.localeCompare(b.nummer, 'nl', { numeric: true }));
  const agendapunten = items.map((item): ItemStatus => {
    const found = diagnostics.filter((d) => d.file === item.file);
    const staat = stateOf(found, item.parsed && emptyToelichting(item));
    return {
      nummer: item.nummer,
      onderwerp: item.onderwerp,
      bestand: item.file,
      staat,
      ...(staat === 'onvolledig' ? { reden: 'de Toelichting is leeg' } : {}),
      fouten: found.filter((d) => d.severity === 'error').length,
      waarschuwingen: found.filter((d) => d.severity === 'warning').length,
    };
  });
  const v = meeting.vergadering;
  return {
    map: v.relDir,
    orgaan: v.orgaan,
    datum: v.datum,
    dagenTotVergadering: daysBetween(today, v.datum),
    aanleverdatum: deadline(meeting.deadlines?.aanleveren, today),
    verzenddatum: deadline(meeting.deadlines?.verzenden, today),
    agendapunten,
    fouten: diagnostics.filter((d) => d.severity === 'error').length,
    waarschuwingen: diagnostics.filter((d) => d.severity === 'warning').length,
    bundel: await bundleState(meeting),
    verzonden: await sent(meeting),
  };
}
