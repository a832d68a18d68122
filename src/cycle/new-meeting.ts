// `bundel nieuw`: the files of a new meeting. vergadering.yaml takes tijd, locatie and voorzitter
// from an earlier meeting (the previous one of the same orgaan, or the one named with --van), shows
// the deadlines as comments; the orgaan's standing items are numbered, the closing ones last.

import path from 'node:path';
import { SOORTEN, type BundelConfig, type Deadline, type Vergadering, type VastAgendapunt } from '../model/meeting.js';
import type { OutputFile } from '../model/output-file.js';
import { meetingDeadlines, orgaanConfig } from '../load/deadlines.js';
import { listMeetings, loadVergadering } from '../load/meeting.js';
import { compileText } from '../bundle/text-templates.js';
import { dutchDate } from '../util/dutch-date.js';
import { itemSkeleton } from './item-skeleton.js';
import { comment, INVULLEN, itemFileName, scalar } from './yaml-text.js';

/** Without `vaste_agendapunten` for the orgaan in bundel.yaml. */
export const DEFAULT_STANDING_ITEMS: { begin: VastAgendapunt[]; eind: VastAgendapunt[] } = {
  begin: [
    { onderwerp: 'Opening en mededelingen', soort: 'mondeling', beslispunten: [] },
    { onderwerp: 'Verslag van de vergadering van {{vorige}}', soort: 'stukken', beslispunten: ['Het verslag vast te stellen.'] },
  ],
  eind: [{ onderwerp: 'Rondvraag', soort: 'mondeling', beslispunten: [] }],
};

const sameOrgaan = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every meeting's vergadering.yaml, oldest first (none when the meetings folder is not there yet). */
export async function allVergaderingen(config: BundelConfig): Promise<Vergadering[]> {
  const dirs = await listMeetings(config).catch(() => [] as string[]);
  return Promise.all(dirs.map((dir) => loadVergadering(config, dir, [])));
}

/** The last meeting of `orgaan` before `datum`. */
export function previousMeeting(all: readonly Vergadering[], orgaan: string, datum: string): Vergadering | undefined {
  return all.filter((v) => sameOrgaan(v.orgaan, orgaan) && v.datum < datum).sort((a, b) => a.datum.localeCompare(b.datum)).at(-1);
}

/** The standing items of `orgaan`, with `{{vorige}}` filled in. */
export function standingItems(config: BundelConfig, orgaan: string, vorige: string): { begin: VastAgendapunt[]; eind: VastAgendapunt[] } {
  const configured = orgaanConfig(config, orgaan)?.vasteAgendapunten ?? DEFAULT_STANDING_ITEMS;
  const fill = (item: VastAgendapunt): VastAgendapunt => ({
    ...item,
    onderwerp: compileText<{ vorige: string; orgaan: string }>(item.onderwerp, 'een vast agendapunt (`vaste_agendapunten`)', config.file)({ vorige, orgaan }),
  });
  return { begin: configured.begin.map(fill), eind: configured.eind.map(fill) };
}

export interface NewMeeting {
  dir: string;
  files: OutputFile[];
  /** The meeting tijd, locatie and voorzitter came from. */
  source?: Vergadering;
  deadlines: { aanleveren?: Deadline; verzenden?: Deadline };
  itemFiles: string[];
}

export function newMeeting(config: BundelConfig, options: { datum: string; orgaan: string; source?: Vergadering; previous?: Vergadering }): NewMeeting {
  const { datum, orgaan, source, previous } = options;
  const dir = path.resolve(config.root, config.vergaderingen, datum);
  const vorige = previous ? dutchDate(previous.datum) : INVULLEN;

  const draft: Vergadering = { ...(source ?? ({} as Vergadering)), dir, relDir: '', file: '', orgaan, datum, aanleverdatum: undefined, verzenddatum: undefined, positions: new Map(), raw: undefined };
  const deadlines = meetingDeadlines(config, draft);
  const copied = (value: string | undefined, example: string): string => scalar(value ?? INVULLEN) + (value ? '' : `  # bijvoorbeeld ${example}`);
  const yaml = [
    ...comment(
      `De vergadering van ${orgaan} op ${dutchDate(datum)}, gemaakt met \`bundel nieuw\`.` +
        (source ? ` Tijd, locatie en voorzitter komen van de vergadering van ${dutchDate(source.datum)}.` : ''),
    ),
    `orgaan: ${scalar(orgaan)}`,
    `datum: ${datum}`,
    `tijd: ${copied(source?.tijd, '"10:00"')}`,
    `locatie: ${copied(source?.locatie, 'het adres of de zaal')}`,
    `voorzitter: ${copied(source?.voorzitter, 'de naam van de voorzitter')}`,
  ];
  const termText = (d: Deadline | undefined, key: string): string[] => (d ? [`# ${key}: ${d.datum}  (${d.herkomst})`] : [`# ${key}: JJJJ-MM-DD`]);
  yaml.push(
    ...comment('De termijnen (volgen uit `organen:` in bundel.yaml); een datum die u hier invult gaat voor:'),
    ...termText(deadlines.aanleveren, 'aanleverdatum'),
    ...termText(deadlines.verzenden, 'verzenddatum'),
    '',
  );

  const files: OutputFile[] = [{ path: path.join(dir, 'vergadering.yaml'), data: yaml.join('\n') }];
  const { begin, eind } = standingItems(config, orgaan, vorige);
  const itemFiles: string[] = [];
  [...begin, ...eind].forEach((item, i) => {
    const nummer = String(i + 1);
    const name = itemFileName(nummer, item.onderwerp);
    itemFiles.push(name);
    files.push({
      path: path.join(dir, name),
      data: itemSkeleton({ vergadering: datum, nummer, onderwerp: item.onderwerp, soort: SOORTEN.find((k) => k === item.soort) ?? 'mondeling', beslispunten: item.beslispunten, uitleg: false }),
    });
  });
  return { dir, files, source, deadlines, itemFiles };
}
