// Turning zod issues into Dutch problems for the `schema` rule: what is wrong, where (a dotted path
// the rule turns into a source position) and what to do about it.

import { z } from 'zod';
import { SCHEMAS, type SchemaKind } from '../model/schema.js';
import { closest } from '../util/did-you-mean.js';

export interface SchemaProblem {
  /** Dotted path of the value: `bijlagen.2.bestand`; `''` is the whole file. */
  path: string;
  /** Point at the value itself, at its key (unknown keys), or at the enclosing block (missing keys). */
  target: 'value' | 'key';
  message: string;
  hint?: string;
  /** A required key that is absent (its parent is `path`). */
  missingKey?: string;
  /** An unknown key's nearest known key, and the dotted path of the block both belong to. */
  suggestion?: { key: string; parent: string };
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
      // A misspelling of a field that is not there: one finding that names the field meant.
      const meant = near !== undefined && valueAt(root, [...path, near]) === undefined;
      return {
        path: dotted ? `${dotted}.${k}` : k,
        target: 'key' as const,
        message: meant ? `Onbekend veld ${bt(k)}${whereIn(path)}; het veld ${bt(near)} ontbreekt.` : `Onbekend veld ${bt(k)}${whereIn(path)}.`,
        hint: near ? `Bedoelde u ${bt(near)}?${meant ? ` Verbeter de naam: \`${near}: …\`.` : ''}` : `Bekende velden: ${known.map(bt).join(', ')}.`,
        suggestion: meant ? { key: near, parent: dotted } : undefined,
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
        missingKey: key,
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
  const problems = result.error.issues.flatMap((issue) => translate(kind, schema, data, issue));
  // A required field whose misspelling is reported as unknown is not reported a second time.
  const meant = new Set(problems.flatMap((p) => (p.suggestion ? [`${p.suggestion.parent}|${p.suggestion.key}`] : [])));
  return problems.filter((p) => p.missingKey === undefined || !meant.has(`${p.path}|${p.missingKey}`));
}

/**
 * The fields of one block that are absent but written misspelt (`onderwep:` for `onderwerp`): rules
 * that report a missing field skip these, as the schema rule's unknown-field finding names them.
 */
export function misspeltFields(kind: SchemaKind, data: unknown, path: Path = []): Set<string> {
  const block = valueAt(data, path);
  if (block === null || typeof block !== 'object' || Array.isArray(block)) return new Set();
  const known = knownKeys(SCHEMAS[kind] as z.ZodType, path);
  const out = new Set<string>();
  for (const key of Object.keys(block)) {
    if (known.includes(key)) continue;
    const near = closest(key, known);
    if (near !== undefined && valueAt(data, [...path, near]) === undefined) out.add(near);
  }
  return out;
}
