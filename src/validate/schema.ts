// The shape of the three files bundel reads (item front matter, vergadering.yaml, bundel.yaml) as zod
// schemas: one source for the `schema` lint rule and for the JSON Schemas that editors use.

import { z } from 'zod';
import { closest } from '../util/did-you-mean.js';

export type SchemaKind = 'agendapunt' | 'vergadering' | 'bundel';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 2, "4a", "4.1": a positive number, optionally with one letter or one sub-number. */
export const AGENDAPUNT_PATTERN = /^[1-9]\d*(?:[a-zA-Z]|\.[1-9]\d*)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Messages we write ourselves carry `{veld}` and `{waarde}` placeholders, filled in per issue;
// the hint follows after a newline.
const DATE_MESSAGE =
  '{veld} is {waarde}; verwacht een datum als `2025-03-05` (JJJJ-MM-DD).\nSchrijf de datum als jaar-maand-dag met streepjes, bijvoorbeeld `2025-03-05`.';

const isoDate = (description: string) =>
  z
    .string()
    .regex(ISO_DATE, { error: DATE_MESSAGE })
    .refine((s) => !ISO_DATE.test(s) || isIsoDate(s), {
      error: '{veld} is {waarde}; die datum bestaat niet.\nControleer dag en maand.',
    })
    .describe(description);

/** Required text: present and not empty. */
const text = (description: string) => z.string().min(1).describe(description);
/** Optional text; an empty value (`locatie:`) counts as not filled in. */
const optionalText = (description: string) => z.string().nullable().optional().describe(description);
const optionalBool = (description: string) => z.boolean().nullable().optional().describe(description);
/** Text or a list of texts. `emptyEntries`: an empty `- ` is left to a rule that says more about it. */
const textOrList = (description: string, { emptyEntries = false } = {}) =>
  z
    .union([z.string(), z.array(emptyEntries ? z.string().nullable() : z.string())], {
      error: '{veld} moet tekst of een lijst met tekst zijn, maar is {waarde}.\nSchrijf één regel tekst, of een lijst met op elke regel `- ` en een tekst.',
    })
    .nullable()
    .optional()
    .describe(description);

const bijlage = z
  .strictObject({
    titel: text('De titel van de bijlage, zoals die op de agenda en in het voorstel staat: "Bijlage 1: <titel>".'),
    bestand: optionalText(
      'Pad naar de PDF, relatief vanaf dit agendapuntbestand en binnen de map van de vergadering, bijvoorbeeld `bijlagen/brief.pdf`. Hoofdletters tellen mee.',
    ),
    ter_inzage: optionalText(
      'Waar de bijlage ter inzage ligt, als die niet in de bundel komt, bijvoorbeeld "Secretariaat 8RHK, Doetinchem". Gebruik `bestand` of `ter_inzage`, niet allebei.',
    ),
    vertrouwelijk: optionalBool('Vertrouwelijke bijlage: alleen voor de leden, niet in de openbare bundel.'),
  })
  .describe('Een bijlage: `titel` en óf `bestand` (meegezonden) óf `ter_inzage` (alleen ter inzage).');

export const agendapuntSchema = z
  .strictObject({
    vergadering: isoDate('De datum van de vergadering (JJJJ-MM-DD); gelijk aan `datum` in vergadering.yaml.'),
    agendapunt: z
      .union([z.int().positive(), z.string().regex(AGENDAPUNT_PATTERN)], {
        error: '{veld} is {waarde}; verwacht een nummer zoals `2`, `4a` of `"4.1"`.\nGebruik een heel getal, eventueel met één letter (`4a`); zet `"4.1"` tussen aanhalingstekens.',
      })
      .describe('Het nummer van het agendapunt: 1, 2, … of een tekst zoals "4a" of "4.1". Uniek binnen de vergadering; bepaalt de volgorde.'),
    onderwerp: text('Het onderwerp (de titel) van het agendapunt, zoals het op de agenda staat.'),
    soort: z
      .enum(['voorstel', 'stukken', 'mondeling'])
      .nullable()
      .optional()
      .describe(
        'De soort agendapunt: `voorstel` (standaard: een voorstel in de huisstijl), `stukken` (alleen documenten, bijvoorbeeld een verslag) of `mondeling` (zonder stukken).',
      ),
    portefeuillehouder: optionalText('Het bestuurslid dat verantwoordelijk is, bijvoorbeeld "De heer J. Bengevoord". Verplicht bij een voorstel.'),
    beslispunten: textOrList(
      'De voorgestelde besluiten, als hele zinnen: "Kennis te nemen van …", "In te stemmen met …". Verplicht bij een voorstel; bundel nummert ze.',
      { emptyEntries: true },
    ),
    procedure: textOrList('De weg die het voorstel aflegde, bijvoorbeeld "DB 12 februari".'),
    vervolgactie: optionalText('Wat er na het besluit gebeurt.'),
    communicatie: optionalText('Hoe over het besluit wordt gecommuniceerd.'),
    mededeling_beslissing_aan: optionalText('Wie het besluit te horen krijgt.'),
    consequenties: z
      .strictObject({
        financieel: optionalText('Financiële gevolgen.'),
        personeel: optionalText('Gevolgen voor het personeel.'),
      })
      .nullable()
      .optional()
      .describe('Consequenties van het voorstel: `financieel` en `personeel`.'),
    contact: z
      .strictObject({
        naam: text('Naam van de contactpersoon.'),
        telefoon: optionalText('Telefoonnummer, bijvoorbeeld "0314 123 456" of "+31 6 12 34 56 78". Tussen aanhalingstekens.'),
        email: z
          .string()
          .regex(EMAIL, { error: '{veld} is {waarde}; dat is geen e-mailadres.\nSchrijf een adres als `naam@organisatie.nl`.' })
          .nullable()
          .optional()
          .describe('E-mailadres van de contactpersoon.'),
      })
      .nullable()
      .optional()
      .describe('Nadere informatie bij: de contactpersoon voor dit agendapunt.'),
    vertrouwelijk: optionalBool('Het hele agendapunt is vertrouwelijk: het komt niet in de openbare bundel.'),
    bijlagen: z
      .array(bijlage)
      .nullable()
      .optional()
      .describe('De bijlagen, in volgorde; ze heten Bijlage 1, 2, … en worden in de tekst aangehaald als "(bijlage 1)".'),
  })
  .describe('Front matter van een agendapunt (een Markdown-bestand in de map van de vergadering).');

export const vergaderingSchema = z
  .strictObject({
    orgaan: text('Het orgaan dat vergadert, bijvoorbeeld "Algemeen Bestuur".'),
    datum: isoDate('De datum van de vergadering (JJJJ-MM-DD); gelijk aan de datum waarmee de naam van de map begint.'),
    tijd: optionalText('Aanvangstijd, bijvoorbeeld "10:00".'),
    locatie: optionalText('Waar de vergadering is, bijvoorbeeld "De StecK, Doetinchem".'),
    voorzitter: optionalText('De voorzitter van de vergadering.'),
  })
  .describe('vergadering.yaml: gegevens van één vergadering.');

export const bundelSchema = z
  .strictObject({
    organisatie: optionalText('Naam van de organisatie, voor de agenda en de titel van de bundel.'),
    logo: optionalText('Pad naar het logo (PNG, JPEG of SVG), relatief vanaf bundel.yaml.'),
    portefeuillehouders: z
      .array(z.string())
      .nullable()
      .optional()
      .describe('De bekende portefeuillehouders; `bundel lint` waarschuwt bij een voorstel met een andere naam.'),
    vergaderingen: optionalText('De map met vergaderingen, relatief vanaf bundel.yaml; standaard `vergaderingen`.'),
    stempel: optionalText(
      'Handlebars-sjabloon voor de paginanummering op elke pagina; standaard "{{orgaan}} {{datum}} · pagina {{pagina}} van {{totaal}}". Velden: organisatie, orgaan, datum (5 maart 2025), iso (2025-03-05), openbaar, pagina, totaal.',
    ),
    titel: optionalText('Handlebars-sjabloon voor de titel van de bundel (in de PDF-eigenschappen); standaard "Bundel {{orgaan}} {{datum}}".'),
    bestandsnaam: optionalText(
      'Handlebars-sjabloon voor de bestandsnaam van de bundel, zonder `.pdf`; standaard "Bundel {{orgaan}} {{iso}}{{#if openbaar}} (openbaar){{/if}}".',
    ),
  })
  .describe('bundel.yaml: instellingen voor de hele repository met vergaderingen.');

const SCHEMAS = { agendapunt: agendapuntSchema, vergadering: vergaderingSchema, bundel: bundelSchema } as const;

const TITLES: Record<SchemaKind, string> = {
  agendapunt: 'bundel: agendapunt (front matter)',
  vergadering: 'bundel: vergadering.yaml',
  bundel: 'bundel: bundel.yaml',
};

/** JSON Schema (draft 2020-12) for each file, with Dutch descriptions, for editor completion. */
export function jsonSchemas(): { agendapunt: object; vergadering: object; bundel: object } {
  const one = (kind: SchemaKind): object => ({ title: TITLES[kind], ...z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-2020-12' }) });
  return { agendapunt: one('agendapunt'), vergadering: one('vergadering'), bundel: one('bundel') };
}

// --- Turning zod issues into Dutch problems -------------------------------------------------------

export interface SchemaProblem {
  /** Dotted path of the value: `bijlagen.2.bestand`; `''` is the whole file. */
  path: string;
  /** Point at the value itself, at its key (unknown keys), or at the enclosing block (missing keys). */
  target: 'value' | 'key';
  message: string;
  hint?: string;
}

const EXAMPLES: Record<string, string> = {
  vergadering: '2025-03-05',
  datum: '2025-03-05',
  agendapunt: '2',
  onderwerp: 'Lobby',
  orgaan: 'Algemeen Bestuur',
  titel: 'Kamerbrief Elke regio telt',
  naam: 'J. Jansen',
};

type Path = readonly PropertyKey[];

const bt = (s: string): string => `\`${s}\``;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** How a path reads in a sentence: "`onderwerp`", "`bestand` van bijlage 3", "bijlage 3", "`beslispunten` (punt 2)". */
export function fieldLabel(path: Path): string {
  if (path.length === 0) return 'de inhoud';
  if (path[0] === 'bijlagen' && typeof path[1] === 'number') {
    const n = `bijlage ${path[1] + 1}`;
    return path.length === 2 ? n : `${bt(path.slice(2).join('.'))} van ${n}`;
  }
  const last = path[path.length - 1];
  if (typeof last === 'number') return `${bt(path.slice(0, -1).join('.'))} (punt ${last + 1})`;
  return bt(path.join('.'));
}

/** A value as the message shows it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'afwezig';
  if (value === null) return 'leeg';
  if (typeof value === 'string') {
    const s = value.replace(/\s+/g, ' ');
    return bt(s.length > 40 ? `${s.slice(0, 39)}…` : s);
  }
  if (typeof value === 'number') return `het getal ${bt(String(value))}`;
  if (typeof value === 'boolean') return bt(String(value));
  if (Array.isArray(value)) return 'een lijst';
  return 'een blok met velden';
}

const EXPECTED: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: '`true` of `false`',
  array: 'een lijst',
  object: 'een blok met velden',
};

function typeHint(expected: string, input: unknown, path: Path): string | undefined {
  const key = String(path[path.length - 1] ?? '');
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    const example = typeof path[path.length - 1] === 'number' ? '- "…"' : `${key}: "…"`;
    return `Zet de waarde tussen aanhalingstekens, zoals u hem bedoelt: \`${example}\`. Zonder aanhalingstekens leest YAML cijfers als getal (een voorloopnul valt weg) en \`true\`/\`false\` als ja/nee.`;
  }
  if (expected === 'boolean' && typeof input === 'string') return 'Schrijf `true` of `false`, zonder aanhalingstekens.';
  if (expected === 'array') return 'Maak er een lijst van: elke waarde op een eigen regel, beginnend met `- `.';
  if (expected === 'object' && path[0] === 'bijlagen' && path.length === 2) return 'Schrijf de bijlage als blok: `- titel: …` met daaronder `bestand: …` of `ter_inzage: …`.';
  if (expected === 'object') return `Schrijf \`${key}:\` met de velden ingesprongen op de regels eronder.`;
  return undefined;
}

/** The zod schema that describes the value at `path`, for the list of known keys. */
function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType): z.ZodType => {
    let t = s;
    for (;;) {
      if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
      else return t;
    }
  };
  for (const segment of path) {
    if (!current) return undefined;
    const s = unwrap(current);
    if (typeof segment === 'number' && s instanceof z.ZodArray) current = s.element as z.ZodType;
    else if (typeof segment === 'string' && s instanceof z.ZodObject) current = (s.shape as Record<string, z.ZodType>)[segment];
    else return undefined;
  }
  return current ? unwrap(current) : undefined;
}

function knownKeys(schema: z.ZodType, path: Path): string[] {
  const s = schemaAt(schema, path);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    const key = typeof segment === 'number' ? segment : String(segment);
    if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const FILE_LABEL: Record<SchemaKind, string> = {
  agendapunt: 'De front matter',
  vergadering: 'vergadering.yaml',
  bundel: 'bundel.yaml',
};

function whereIn(parent: Path): string {
  return parent.length === 0 ? '' : ` in ${fieldLabel(parent)}`;
}

/** A field that is there but holds nothing. */
function empty(path: Path): SchemaProblem {
  const dotted = path.map(String).join('.');
  const key = path[path.length - 1];
  if (path[0] === 'bijlagen' && path.length === 2) {
    return { path: dotted, target: 'value', message: `${cap(fieldLabel(path))} is leeg.`, hint: 'Geef de bijlage een `titel` en een `bestand` (of `ter_inzage`), of haal het lege streepje weg.' };
  }
  const hint = typeof key === 'number' ? 'Vul een waarde in, of haal het lege streepje weg.' : `Vul een waarde in, bijvoorbeeld \`${String(key)}: ${EXAMPLES[String(key)] ?? '…'}\`.`;
  return { path: dotted, target: 'value', message: `Het veld ${fieldLabel(path)} is leeg.`, hint };
}

function translate(kind: SchemaKind, schema: z.ZodType, root: unknown, issue: z.core.$ZodIssue): SchemaProblem[] {
  const path = issue.path;
  const dotted = path.map(String).join('.');
  const key = String(path[path.length - 1] ?? '');
  const input = 'input' in issue ? issue.input : valueAt(root, path);
  const veld = fieldLabel(path);
  const fill = (template: string): { message: string; hint?: string } => {
    const [message, hint] = template.replace(/\{veld\}/g, veld).replace(/\{waarde\}/g, describeValue(input)).split('\n');
    return { message: cap(message), hint };
  };

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((k) => {
      const near = closest(k, known);
      return {
        path: dotted ? `${dotted}.${k}` : k,
        target: 'key' as const,
        message: `Onbekend veld ${bt(k)}${whereIn(path)}.`,
        hint: near ? `Bedoelde u ${bt(near)}?` : `Bekende velden: ${known.map(bt).join(', ')}.`,
      };
    });
  }
  // Missing and empty read the same whatever the field's type.
  if (path.length > 0 && input === undefined) {
    const parent = path.slice(0, -1);
    return [
      {
        path: parent.map(String).join('.'),
        target: 'value',
        message: `Het verplichte veld ${bt(key)} ontbreekt${whereIn(parent)}.`,
        hint: `Voeg een regel \`${key}: ${EXAMPLES[key] ?? '…'}\` toe.`,
      },
    ];
  }
  if (path.length > 0 && input === null) return [empty(path)];
  if (issue.code === 'invalid_union' && Array.isArray(input)) {
    // A list whose entries are wrong: report the entries, not "must be text or a list".
    const listBranch = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
    if (listBranch) {
      return listBranch.flatMap((i) => translate(kind, schema, root, { ...i, path: [...path, ...i.path] } as z.core.$ZodIssue));
    }
  }
  if (issue.message.includes('{veld}')) return [{ path: dotted, target: 'value', ...fill(issue.message) }];

  switch (issue.code) {
    case 'invalid_type': {
      if (path.length === 0) {
        const nothing = input === null || input === undefined;
        return [
          {
            path: '',
            target: 'value',
            message: nothing ? `${FILE_LABEL[kind]} is leeg.` : `${FILE_LABEL[kind]} moet een blok met velden zijn, maar is ${describeValue(input)}.`,
            hint:
              kind === 'agendapunt'
                ? 'Zet tussen de regels `---` ten minste `vergadering:`, `agendapunt:` en `onderwerp:`, elk op een eigen regel.'
                : kind === 'vergadering'
                  ? 'Zet in het bestand ten minste `orgaan:` en `datum:`, elk op een eigen regel.'
                  : 'Zet de instellingen elk op een eigen regel, als `sleutel: waarde`.',
          },
        ];
      }
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return [{ path: dotted, target: 'value', message: `${cap(veld)} moet ${expected} zijn, maar is ${describeValue(input)}.`, hint: typeHint(issue.expected, input, path) }];
    }
    case 'too_small':
      return [empty(path)];
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const near = typeof input === 'string' ? closest(input, options) : undefined;
      return [
        {
          path: dotted,
          target: 'value',
          message: `${cap(veld)} is ${describeValue(input)}; kies uit ${options.map(bt).join(', ')}.`,
          hint: near ? `Bedoelde u ${bt(near)}?` : undefined,
        },
      ];
    }
    default:
      return [{ path: dotted, target: 'value', message: `${cap(veld)} heeft een ongeldige waarde: ${describeValue(input)}.` }];
  }
}

/** Every problem with the shape of one file's data, in Dutch, with the path to point at. */
export function checkSchema(kind: SchemaKind, data: unknown): SchemaProblem[] {
  // An empty bundel.yaml is a valid one: everything in it is optional.
  if (kind === 'bundel' && (data === null || data === undefined)) return [];
  const schema = SCHEMAS[kind] as z.ZodType;
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => translate(kind, schema, data, issue));
}
