// The `yaml` package's parse errors in Dutch, by error code (never by its English message text),
// with a hint a secretariat can act on. The source line refines a few codes: a value with `: ` in
// it, or one that starts with a character YAML reserves, needs quotes.

import type { ErrorCode } from 'yaml';

export interface YamlErrorText {
  message: string;
  hint: string;
}

const QUOTE_HINT = 'Zet de waarde tussen aanhalingstekens';
const GENERAL_HINT = 'Controleer op deze regel de inspringing (alleen spaties), de dubbele punt na de veldnaam en de aanhalingstekens; zet een waarde met bijzondere tekens tussen aanhalingstekens.';

/** `onderwerp: Lobby: stand van zaken` → the key and value, when the value holds `: ` unquoted. */
function colonInValue(line: string): { key: string; value: string } | undefined {
  const m = /^\s*(?:-\s+)?([^\s:#][^:#]*?):\s+([^"'\s].*?)\s*$/.exec(line);
  if (!m || !/:(\s|$)/.test(m[2])) return undefined;
  return { key: m[1], value: m[2] };
}

const example = (key: string, value: string): string => `\`${key}: "${value.replace(/(["\\])/g, '\\$1')}"\``;

/** The Dutch text for one parse error; `line` is the source line the error points at. */
export function yamlErrorText(code: ErrorCode, line: string, char: string): YamlErrorText {
  const colon = colonInValue(line);
  if (colon && (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'UNEXPECTED_TOKEN')) {
    return {
      message: `De waarde van \`${colon.key}\` bevat een dubbele punt met een spatie erna; YAML leest dat als een nieuw veld.`,
      hint: `${QUOTE_HINT}: ${example(colon.key, colon.value)}.`,
    };
  }
  switch (code) {
    case 'TAB_AS_INDENT':
      return {
        message: 'Deze regel springt in met een tab; YAML staat voor inspringing alleen spaties toe.',
        hint: 'Vervang de tab door spaties (twee per niveau); veel editors doen dat met "Tabs omzetten naar spaties".',
      };
    case 'DUPLICATE_KEY':
      return { message: 'Deze sleutel staat twee keer in hetzelfde blok.', hint: 'Verwijder of hernoem een van beide; bundel kiest niet zelf welke telt.' };
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message: 'De inspringing klopt hier niet: velden en lijstregels van één niveau moeten in dezelfde kolom beginnen.',
        hint: 'Laat deze regel even ver inspringen als de regels erboven van hetzelfde niveau (met spaties), of zet een `:` achter de veldnaam op de regel ervoor.',
      };
    case 'MISSING_CHAR':
      return {
        message: 'Hier ontbreekt een teken: een afsluitend aanhalingsteken, een `:` na een veldnaam, of een sluithaakje `]` of `}`.',
        hint: 'Sluit een waarde die met een aanhalingsteken begint af met hetzelfde teken, en zet na elke veldnaam een dubbele punt.',
      };
    case 'BAD_SCALAR_START':
      return {
        message: `Een waarde zonder aanhalingstekens mag in YAML niet beginnen met \`${char}\`.`,
        hint: `${QUOTE_HINT}, bijvoorbeeld \`onderwerp: "${char}..."\`.`,
      };
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return {
        message: 'Een waarde die met `*` of `&` begint is in YAML een verwijzing, geen tekst.',
        hint: `${QUOTE_HINT}, bijvoorbeeld \`onderwerp: "* ..."\`.`,
      };
    case 'BAD_DQ_ESCAPE':
      return {
        message: 'Tussen dubbele aanhalingstekens begint een backslash (`\\`) een code die YAML hier niet kent.',
        hint: 'Gebruik enkele aanhalingstekens (`\'...\'`), of schrijf de backslash dubbel (`\\\\`).',
      };
    case 'UNEXPECTED_TOKEN':
      return {
        message: 'Hier staat tekst waar YAML die niet verwacht, bijvoorbeeld na een afsluitend aanhalingsteken of na een lijst.',
        hint: `${QUOTE_HINT} als geheel, of begin een nieuw veld op een eigen regel met \`naam: waarde\`.`,
      };
    case 'MULTIPLE_DOCS':
      return {
        message: 'Er staat een tweede regel `---` (of `...`) in; YAML leest dat als een tweede document.',
        hint: 'Haal die regel weg: de velden horen in één blok.',
      };
    case 'NON_STRING_KEY':
    case 'KEY_OVER_1024_CHARS':
      return { message: 'Deze veldnaam is geen gewone naam (een lijst, blok of zeer lange tekst).', hint: 'Schrijf veldnamen als één woord gevolgd door `:`, zoals `onderwerp:`.' };
    case 'BLOCK_IN_FLOW':
    case 'BAD_COLLECTION_TYPE':
      return {
        message: 'Tussen haakjes (`[...]` of `{...}`) staat een blok of lijst op meerdere regels.',
        hint: 'Schrijf de lijst óf op één regel tussen haakjes, óf onder elkaar met `- ` voor elke regel.',
      };
    default:
      // BAD_DIRECTIVE, BAD_PROP_ORDER, MULTIPLE_ANCHORS, MULTIPLE_TAGS, TAG_RESOLVE_FAILED, RESOURCE_EXHAUSTION, IMPOSSIBLE.
      return { message: 'De YAML is op deze plek niet geldig.', hint: GENERAL_HINT };
  }
}
