// The shape of the three files bundel reads (item front matter, vergadering.yaml, bundel.yaml) as zod
// schemas: the one declaration of every field. The `schema` lint rule checks against them
// (src/validate/schema-problems.ts), `bundel schema` turns them into JSON Schema for editors, and the
// model's types are derived from them (z.infer; see src/model/meeting.ts for the camelCase names).

import path from 'node:path';
import { z } from 'zod';
import type { OutputFile } from './output-file.js';

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
/** Yes or no: `true`/`false`, or in Dutch `ja`/`nee`, `waar`/`onwaar` (any case). */
export const DUTCH_BOOLEANS: Readonly<Record<string, boolean>> = { ja: true, nee: false, waar: true, onwaar: false };
const optionalBool = (description: string) =>
  z
    .union([z.boolean(), z.string().refine((s) => Object.hasOwn(DUTCH_BOOLEANS, s.trim().toLowerCase()))], {
      error: '{veld} is {waarde}; verwacht ja of nee.\nSchrijf `ja` of `nee` (of `true`/`false`).',
    })
    .nullable()
    .optional()
    .describe(description);
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
    openbare_titel: optionalText('Bij een vertrouwelijke bijlage: de titel die de openbare bundel toont in plaats van "Vertrouwelijk stuk", bijvoorbeeld "Juridisch advies".'),
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
      .enum(['voorstel', 'memo', 'stukken', 'mondeling'])
      .nullable()
      .optional()
      .describe(
        'De soort agendapunt: `voorstel` (standaard: een voorstel in de huisstijl), `memo` (een vrij memo met titel, aan, van, beslispunten en toelichting), `stukken` (alleen documenten, bijvoorbeeld een verslag) of `mondeling` (zonder stukken).',
      ),
    titel: optionalText('De eigen titel van het voorstel of memo, zoals "memo lobby 5 maart": zo heet het document op de agenda, in de bladwijzers en in de index. Standaard het onderwerp.'),
    agendatekst: optionalText('De tekst onder het agendapunt op de agenda, als die anders is dan de beslispunten, bijvoorbeeld "Kennisnemen van de lobby gerelateerde zaken en activiteiten."'),
    aan: optionalText('Bij een memo: voor wie het is ("t.b.v."), bijvoorbeeld "Algemeen Bestuur 5 maart 2025". Standaard het orgaan en de datum van de vergadering.'),
    van: optionalText('Bij een memo: de afzender, bijvoorbeeld "Joram van Donk".'),
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
    openbare_titel: optionalText(
      'Bij een vertrouwelijk agendapunt: de titel in alles wat openbaar is (openbare agenda, index, webpagina, bladwijzers, Woo-metadata) in plaats van het onderwerp, bijvoorbeeld "Personele aangelegenheid".',
    ),
    bijlagen: z
      .array(bijlage)
      .nullable()
      .optional()
      .describe('De bijlagen, in volgorde; ze heten Bijlage 1, 2, … en worden in de tekst aangehaald als "(bijlage 1)".'),
    privacy_akkoord: z
      .array(
        z
          .strictObject({
            waarde: optionalText('De waarde zoals de privacycontrole hem toont (`06••••••78`), of de waarde zelf.'),
            patroon: optionalText('Of: een reguliere expressie die past op de gevonden tekst.'),
            reden: text('Waarom publicatie hier toch mag; komt in de openbare index.'),
          })
          .describe('Een vondst van de privacycontrole die toch openbaar mag: `waarde` of `patroon`, met een `reden`.'),
      )
      .nullable()
      .optional()
      .describe('Vondsten van de privacycontrole (BSN, IBAN, mobiel nummer, e-mailadres, eigen patronen) die in de openbare bundel mogen blijven, elk met een reden.'),
  })
  .describe('Front matter van een agendapunt (een Markdown-bestand in de map van de vergadering).');

export const vergaderingSchema = z
  .strictObject({
    orgaan: text('Het orgaan dat vergadert, bijvoorbeeld "Algemeen Bestuur".'),
    datum: isoDate('De datum van de vergadering (JJJJ-MM-DD); gelijk aan de datum waarmee de naam van de map begint.'),
    tijd: optionalText('Aanvangstijd, bijvoorbeeld "10:00".'),
    locatie: optionalText('Waar de vergadering is, bijvoorbeeld "De StecK, Doetinchem".'),
    voorzitter: optionalText('De voorzitter van de vergadering.'),
    aanleverdatum: isoDate(
      'De uiterste datum waarop de stukken binnen moeten zijn (JJJJ-MM-DD); gaat voor op `aanleveren` van het orgaan in bundel.yaml.',
    )
      .nullable()
      .optional(),
    verzenddatum: isoDate('De datum waarop de bundel naar de leden gaat (JJJJ-MM-DD); gaat voor op `verzenden` van het orgaan in bundel.yaml.')
      .nullable()
      .optional(),
  })
  .describe('vergadering.yaml: gegevens van één vergadering.');

/** "21 dagen", "15 werkdagen", "1 werkdag": a term before the meeting. */
export const TERMIJN_PATTERN = /^\s*(\d{1,3})\s+(werkdagen|werkdag|dagen|dag)\s*$/;

const termijn = (description: string) =>
  z
    .string()
    .regex(TERMIJN_PATTERN, {
      error: '{veld} is {waarde}; verwacht een termijn als `21 dagen` of `15 werkdagen`.\nSchrijf een aantal en `dagen` (kalenderdagen) of `werkdagen` (zonder weekenden en feestdagen).',
    })
    .nullable()
    .optional()
    .describe(description);

const vastAgendapunt = z
  .strictObject({
    onderwerp: text('Het onderwerp; `{{vorige}}` wordt de datum van de vorige vergadering van dit orgaan, bijvoorbeeld "Verslag van de vergadering van {{vorige}}".'),
    soort: z.enum(['voorstel', 'stukken', 'mondeling']).nullable().optional().describe('`mondeling` (standaard), `stukken` of `voorstel`.'),
    beslispunten: textOrList('Beslispunten die er altijd bij staan, bijvoorbeeld "Het verslag vast te stellen."'),
  })
  .describe('Een vast agendapunt dat `bundel nieuw` in elke nieuwe vergadering zet.');

const orgaan = z
  .strictObject({
    aanleveren: termijn('Hoe lang vóór de vergadering de stukken binnen moeten zijn: `21 dagen` of `15 werkdagen`.'),
    verzenden: termijn('Hoe lang vóór de vergadering de bundel naar de leden gaat: `10 dagen` of `7 werkdagen`.'),
    vaste_agendapunten: z
      .strictObject({
        begin: z.array(vastAgendapunt).nullable().optional().describe('Vaste agendapunten vooraan, in volgorde (bijvoorbeeld Opening, Verslag).'),
        eind: z.array(vastAgendapunt).nullable().optional().describe('Vaste agendapunten achteraan, in volgorde (bijvoorbeeld Rondvraag, Sluiting).'),
      })
      .nullable()
      .optional()
      .describe('De agendapunten die `bundel nieuw` in elke vergadering van dit orgaan zet; zonder: Opening, Verslag van de vorige vergadering en Rondvraag.'),
  })
  .describe('Termijnen en vaste agendapunten van één orgaan.');

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
      'Handlebars-sjabloon voor de paginanummering op elke pagina; standaard "{{orgaan}} {{datum}} · {{#if nagezonden}}nagezonden {{nagezonden}} · {{/if}}pagina {{pagina}} van {{totaal}}{{#if vertrouwelijk}} · Vertrouwelijk{{/if}}". Velden: organisatie, orgaan, datum (5 maart 2025), iso (2025-03-05), openbaar, pagina, totaal, nagezonden (de versie van nagezonden stukken; pagina en totaal zijn dan "2-3" en "2-7"), vertrouwelijk (waar op de pagina\'s van een vertrouwelijk stuk in de bundel voor de leden).',
    ),
    titel: optionalText('Handlebars-sjabloon voor de titel van de bundel (in de PDF-eigenschappen); standaard "Bundel {{orgaan}} {{datum}}".'),
    bestandsnaam: optionalText(
      'Handlebars-sjabloon voor de bestandsnaam van de bundel, zonder `.pdf`; standaard "Bundel {{orgaan}} {{iso}}{{#if openbaar}} (openbaar){{/if}}".',
    ),
    uitvoer: optionalText(
      'Handlebars-sjabloon voor de map waarin bundel, index (.json), webpagina (.html) en Woo-metadata van een vergadering komen, relatief vanaf bundel.yaml en daarbinnen, bijvoorbeeld "uitvoer/{{iso}}"; velden als bij `bestandsnaam`. Standaard de map van de vergadering zelf. `-o` gaat voor.',
    ),
    cachemap: optionalText('De map voor omgezette bijlagen (Office-bestanden en afbeeldingen als PDF), relatief vanaf bundel.yaml; standaard `.bundel-cache`. Veilig om te wissen.'),
    organen: z
      .record(z.string(), orgaan)
      .nullable()
      .optional()
      .describe('Per orgaan (zoals in `orgaan:` van vergadering.yaml, bijvoorbeeld "Algemeen Bestuur"): de termijnen `aanleveren` en `verzenden` en de `vaste_agendapunten`.'),
    privacy: z
      .strictObject({
        toegestaan: z
          .array(z.string())
          .nullable()
          .optional()
          .describe('Wat openbaar mag: telefoonnummers, e-mailadressen of domeinen (`@organisatie.nl`), IBAN en RSIN van de organisatie.'),
        patronen: z
          .array(
            z.strictObject({
              naam: text('Naam van het patroon, bijvoorbeeld `huisadres`.'),
              patroon: text('Reguliere expressie (JavaScript, hoofdletterongevoelig), bijvoorbeeld `\\p{Lu}\\p{Ll}+straat \\d+`.'),
            }),
          )
          .nullable()
          .optional()
          .describe('Eigen patronen waarop de privacycontrole let, zoals huisadressen of namen.'),
      })
      .nullable()
      .optional()
      .describe('De privacycontrole van de openbare stukken: toegestane waarden en eigen patronen.'),
    woo: z
      .strictObject({
        url: optionalText('De map op de website waar openbare bundels komen, bijvoorbeeld `https://www.organisatie.nl/vergaderstukken/`; de bestandsnaam komt erachter.'),
        organisatie: optionalText('De organisatie in de TOOI-lijsten, bijvoorbeeld `https://identifier.overheid.nl/tooi/id/so/so0004`.'),
      })
      .nullable()
      .optional()
      .describe('Woo-publicatie: gegevens voor de DiWoo-metadata naast de openbare bundel.'),
  })
  .describe('bundel.yaml: instellingen voor de hele repository met vergaderingen.');

export const SCHEMAS = { agendapunt: agendapuntSchema, vergadering: vergaderingSchema, bundel: bundelSchema } as const;

const TITLES: Record<SchemaKind, string> = {
  agendapunt: 'bundel: agendapunt (front matter)',
  vergadering: 'bundel: vergadering.yaml',
  bundel: 'bundel: bundel.yaml',
};

/** JSON Schema (draft-07, what the YAML language server and remark-lint-frontmatter-schema read) for each file, with Dutch descriptions, for editor completion. */
export function jsonSchemas(): { agendapunt: object; vergadering: object; bundel: object } {
  const one = (kind: SchemaKind): object => ({ title: TITLES[kind], ...z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-7' }) });
  return { agendapunt: one('agendapunt'), vergadering: one('vergadering'), bundel: one('bundel') };
}

/** The JSON Schemas as one JSON text, as `bundel schema` prints them. */
export function jsonSchemasText(): string {
  return `${JSON.stringify(jsonSchemas(), null, 2)}\n`;
}

/** The JSON Schemas as files `<kind>.schema.json` in `dir`. */
export function jsonSchemaFiles(dir: string): OutputFile[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => ({ path: path.resolve(dir, `${name}.schema.json`), data: `${JSON.stringify(schema, null, 2)}\n` }));
}

/** The front matter of an agenda item, as written (snake_case keys, empty values as null). */
export type AgendapuntFile = z.infer<typeof agendapuntSchema>;
/** One entry of `bijlagen:`, as written. */
export type BijlageFile = NonNullable<AgendapuntFile['bijlagen']>[number];
export type VergaderingFile = z.infer<typeof vergaderingSchema>;
export type BundelFile = z.infer<typeof bundelSchema>;
export type OrgaanFile = z.infer<typeof orgaan>;
export type VastAgendapuntFile = z.infer<typeof vastAgendapunt>;
