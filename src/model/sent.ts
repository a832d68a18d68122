// What was sent: `verzonden/<versie>.json` in the meeting folder, written by `bundel verzonden` and
// committed with the meeting. Each version lists every document the members hold after it (the
// first bundle plus every supplement so far), with its content hash and where it is.

import { z } from 'zod';

export const SENT_FOLDER = 'verzonden';
export const SENT_FORMAT = 'bundel-verzonden/1';

const location = z.object({
  /** The version whose file holds the pages (1 = the bundle itself, 2… = a supplement). */
  versie: z.number().int().positive(),
  bestand: z.string(),
  eerstePagina: z.number().int().positive(),
  laatstePagina: z.number().int().positive(),
  /** As printed in that file: "12–15", "2-3 – 2-7". */
  paginas: z.string(),
});

const sentDocument = z.object({
  /** Item number, kind and bijlage number: `2/voorstel`, `2/bijlage/1`. */
  sleutel: z.string(),
  agendapunt: z.string(),
  onderwerp: z.string(),
  soort: z.enum(['voorstel', 'bijlage', 'stuk']),
  label: z.string().optional(),
  titel: z.string(),
  bronbestand: z.string().optional(),
  /** Of the item's .md file (a voorstel) or of the attachment's source file. */
  sha256: z.string(),
  vertrouwelijk: z.boolean(),
  /** Where the members have it. */
  leden: location,
  /** Where the public has it; absent when the public bundle withholds it. */
  openbaar: location.optional(),
});

export const sentVersionSchema = z.object({
  formaat: z.literal(SENT_FORMAT),
  versie: z.number().int().positive(),
  vergadering: z.string(),
  /** The day it went out (JJJJ-MM-DD). */
  verzonden: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The files that went out with this version (the bundle, or the supplement), per audience. */
  bestanden: z.object({ leden: z.string().optional(), openbaar: z.string().optional() }),
  documenten: z.array(sentDocument),
});

export type SentLocation = z.infer<typeof location>;
export type SentDocument = z.infer<typeof sentDocument>;
export type SentVersion = z.infer<typeof sentVersionSchema>;

/** For whom: the members' bundle or the public one. */
export type Audience = 'leden' | 'openbaar';

/** "12–15", or "12" for one page; with a prefix per page for a supplement ("2-3 – 2-7"). */
export function pageRange(first: number, last: number, prefix = ''): string {
  return first === last ? `${prefix}${first}` : prefix ? `${prefix}${first} – ${prefix}${last}` : `${first}–${last}`;
}

/** The page prefix of version `versie`: none for the bundle itself, "2-" for the second version. */
export const versionPrefix = (versie: number): string => (versie > 1 ? `${versie}-` : '');
