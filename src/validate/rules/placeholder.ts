// placeholder: leftover placeholders (TODO, XXX, [invullen], a lone "…") in front matter, vergadering.yaml or the text.

import type { SourceRange } from '../../model/diagnostic.js';
import type { Positions } from '../../model/meeting.js';
import { at, type Rule, type RuleContext } from '../rule.js';
import { bodyLines, bodyRange, positionInScalar, stringsIn } from '../source-text.js';

const PLACEHOLDERS: RegExp[] = [
  /\b(?:TODO|FIXME|XXX+)\b/g,
  /[[<{][^\]>}\n]{0,40}?\binvullen\b[^\]>}\n]{0,40}?[\]>}]/gi,
  /\[\s*(?:…|\.{3})\s*\]/g,
];
/** A value that is nothing but an ellipsis or question marks. */
const LONE = /^\s*(?:…|\.{2,}|\?+)\s*$/;

export function findPlaceholders(text: string): { index: number; length: number; found: string }[] {
  const found: { index: number; length: number; found: string }[] = [];
  if (LONE.test(text)) {
    const index = text.search(/\S/);
    const trimmed = text.trim();
    return [{ index, length: trimmed.length, found: trimmed }];
  }
  for (const re of PLACEHOLDERS) for (const m of text.matchAll(re)) found.push({ index: m.index ?? 0, length: m[0].length, found: m[0] });
  return found.sort((a, b) => a.index - b.index);
}

function report(context: RuleContext, file: string, found: string, range: SourceRange | undefined): void {
  context.report({
    file,
    range,
    message: `Hier staat nog een opvultekst: \`${found}\`.`,
    hint: 'Vul de echte tekst in, of haal de opvultekst weg.',
    missing: true,
  });
}

function checkData(context: RuleContext, file: string, raw: unknown, positions: Positions): void {
  for (const { path, value } of stringsIn(raw)) {
    for (const p of findPlaceholders(value)) report(context, file, p.found, positionInScalar(at(positions, path), value, p.index, p.length));
  }
}

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'Geen achtergebleven opvulteksten zoals `TODO`, `XXX`, `[invullen]` of een los `…`.',
  severity: 'warning',
  check(context) {
    const { vergadering, items } = context.meeting;
    checkData(context, vergadering.file, vergadering.raw, vergadering.positions);
    for (const item of items) {
      checkData(context, item.file, item.raw, item.positions);
      for (const { line, text } of bodyLines(item)) {
        for (const p of findPlaceholders(text)) report(context, item.file, p.found, bodyRange(line, p.index, p.length));
      }
    }
  },
};
