// sjabloon: the Handlebars templates in bundel.yaml (stempel, titel, bestandsnaam, uitvoer) parse, use only
// the fields bundel fills in and the built-in helpers, and run: each is tried on the meeting's data
// for the members' and the public build, with the engine the build uses. Found here, not halfway
// through a build.

import path from 'node:path';
import Handlebars from 'handlebars';
import { closest } from '../../util/did-you-mean.js';
import { isOutside } from '../../util/paths.js';
import { compileTemplate, sampleTemplateData } from '../../util/text-template.js';
import { at, type Rule, type RuleContext } from '../rule.js';
import { positionInScalar, rawField } from '../source-text.js';

const COMMON = ['organisatie', 'orgaan', 'datum', 'iso', 'openbaar'];
export const TEMPLATE_FIELDS: Record<string, string[]> = {
  stempel: [...COMMON, 'pagina', 'totaal', 'nagezonden', 'vertrouwelijk'],
  titel: COMMON,
  bestandsnaam: COMMON,
  uitvoer: COMMON,
};
const HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

interface HbsNode {
  type?: string;
  original?: unknown;
  data?: boolean;
  head?: { type?: string; original?: unknown };
  parts?: unknown[];
  path?: HbsNode;
  params?: HbsNode[];
  loc?: { start: { line: number; column: number } };
}

/** Every variable and helper a template uses, with its place (line 1-based, column 0-based in the template). */
function* uses(node: unknown): Generator<{ name: string; helper: boolean; line: number; column: number }> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* uses(n);
    return;
  }
  const n = node as HbsNode;
  const isCall = (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && n.path?.type === 'PathExpression';
  if (n.type === 'PathExpression' && !n.data && Array.isArray(n.parts) && typeof n.parts[0] === 'string' && n.loc) {
    yield { name: n.parts[0], helper: false, line: n.loc.start.line, column: n.loc.start.column };
  }
  for (const [key, value] of Object.entries(n)) {
    // A partial's name is no field; running the template reports the partial itself.
    if (key === 'loc' || (key === 'name' && (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement'))) continue;
    if (key === 'path' && isCall && ((n.params?.length ?? 0) > 0 || n.type === 'BlockStatement')) {
      const p = value as HbsNode;
      if (typeof p.original === 'string' && p.loc) yield { name: p.original, helper: true, line: p.loc.start.line, column: p.loc.start.column };
      continue;
    }
    yield* uses(value);
  }
}

function checkTemplate(context: RuleContext, field: string, source: string): void {
  const { config } = context.meeting;
  const file = config.file ?? 'bundel.yaml';
  const range = at(config.positions, field);
  let ast: unknown;
  try {
    ast = Handlebars.parse(source);
  } catch (err) {
    context.report({
      file,
      range,
      message: `Het sjabloon \`${field}\` is geen geldig Handlebars: ${(err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/:$/, '')}.`,
      hint: 'Controleer de accolades: elk veld staat tussen `{{` en `}}`, bijvoorbeeld `{{orgaan}} {{datum}}`.',
    });
    return;
  }
  const known = TEMPLATE_FIELDS[field];
  const lines = source.split('\n');
  let refused = false;
  for (const use of uses(ast)) {
    const list = use.helper ? HELPERS : known;
    if (list.includes(use.name) || (!use.helper && use.name === 'this')) continue;
    const offset = lines.slice(0, use.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + use.column;
    const near = closest(use.name, list);
    context.report({
      file,
      range: positionInScalar(range, source, offset, use.name.length),
      message: use.helper ? `Het sjabloon \`${field}\` gebruikt de onbekende helper \`${use.name}\`.` : `Het sjabloon \`${field}\` gebruikt het onbekende veld \`${use.name}\`.`,
      hint: near ? `Bedoelde u \`${near}\`?` : `Beschikbaar: ${list.map((k) => `\`${k}\``).join(', ')}.`,
      severity: use.helper ? 'error' : 'warning',
    });
    refused ||= use.helper;
  }
  if (!refused) tryTemplate(context, field, source);
}

/** Run the template as the build will, for both builds; report the first failure. */
function tryTemplate(context: RuleContext, field: string, source: string): void {
  const { config, vergadering } = context.meeting;
  const values = { organisatie: config.organisatie, orgaan: vergadering.orgaan, iso: vergadering.datum };
  for (const openbaar of [false, true]) {
    try {
      const rendered = compileTemplate(source)(sampleTemplateData(values, openbaar));
      // The output folder must lie inside the repository; the build refuses it otherwise (`uitvoer-buiten-repository`).
      if (field === 'uitvoer' && isOutside(config.root, path.resolve(config.root, rendered.trim()))) {
        context.report({
          file: config.file ?? 'bundel.yaml',
          range: at(config.positions, field),
          message: `De uitvoermap \`${rendered.trim()}\` (\`uitvoer\`) ligt buiten de repository; de bouw weigert haar.`,
          hint: 'Geef een map binnen de repository, relatief vanaf bundel.yaml, bijvoorbeeld `uitvoer/{{iso}}`; een enkele bundel elders maakt u met `-o`.',
        });
        return;
      }
    } catch (err) {
      context.report({
        file: config.file ?? 'bundel.yaml',
        range: at(config.positions, field),
        message: `Het sjabloon \`${field}\` stopt de bouw${openbaar ? ' van de openbare bundel (`--openbaar`)' : ''}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0].replace(/[.:]$/, '')}.`,
        hint: 'Gebruik alleen velden en de ingebouwde helpers met hun argumenten (`{{#each lijst}}`, `{{#if openbaar}}`); deelsjablonen (`{{> naam}}`) bestaan in bundel niet.',
      });
      return;
    }
  }
}

export const sjabloon: Rule = {
  id: 'sjabloon',
  description: 'De Handlebars-sjablonen in bundel.yaml (`stempel`, `titel`, `bestandsnaam`, `uitvoer`) zijn geldig en gebruiken bekende velden.',
  severity: 'error',
  check(context) {
    const { config } = context.meeting;
    if (!config.file || config.raw === undefined) return;
    for (const field of Object.keys(TEMPLATE_FIELDS)) {
      const source = rawField(config.raw, field);
      if (typeof source === 'string') checkTemplate(context, field, source);
    }
  },
};
