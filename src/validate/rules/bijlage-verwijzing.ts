// bijlage-verwijzing: a citation such as "(bijlage 3)" or "bijlagen 1 en 2" in the text or the
// beslispunten points at a bijlage this item has.

import type { SourceRange } from '../../model/diagnostic.js';
import type { Agendapunt } from '../../model/meeting.js';
import { at, type Rule, type RuleContext } from '../rule.js';
import { bodyLines, bodyRange, positionInScalar, rawField } from '../source-text.js';

/** "bijlage 3", "Bijlagen 1 en 2", "bijlage 1, 2 en 4", "bijlagen 2 t/m 4". */
const CITATION = /\bbijlagen?\s+(\d{1,4}(?:\s*(?:,|en|t\/m|tot en met|-|–)\s*\d{1,4})*)/giu;

/** Each cited number with its offset in `text`. */
export function citations(text: string): { n: number; index: number; length: number }[] {
  const found: { n: number; index: number; length: number }[] = [];
  for (const m of text.matchAll(CITATION)) {
    const listStart = (m.index ?? 0) + m[0].length - m[1].length;
    for (const d of m[1].matchAll(/\d+/g)) found.push({ n: Number(d[0]), index: listStart + (d.index ?? 0), length: d[0].length });
  }
  return found;
}

function check(context: RuleContext, item: Agendapunt, text: string, rangeOf: (index: number, length: number) => SourceRange | undefined): void {
  const count = item.bijlagen.length;
  for (const c of citations(text)) {
    if (c.n >= 1 && c.n <= count) continue;
    context.report({
      file: item.file,
      range: rangeOf(c.index, c.length),
      message:
        count === 0
          ? `De tekst verwijst naar bijlage ${c.n}, maar dit agendapunt heeft geen bijlagen.`
          : `De tekst verwijst naar bijlage ${c.n}, maar dit agendapunt heeft ${count === 1 ? '1 bijlage' : `${count} bijlagen`}.`,
      hint: 'Controleer het nummer: de bijlagen zijn genummerd in de volgorde van `bijlagen:` in de front matter. Ontbreekt er een bijlage, voeg hem daar toe.',
    });
  }
}

export const bijlageVerwijzing: Rule = {
  id: 'bijlage-verwijzing',
  description: 'Een verwijzing als "(bijlage 3)" in de tekst of de beslispunten wijst naar een bijlage die bestaat.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      const bijlagen = rawField(item.raw, 'bijlagen');
      if (bijlagen !== undefined && bijlagen !== null && !Array.isArray(bijlagen)) continue; // schema rule
      const beslispunten = rawField(item.raw, 'beslispunten');
      const list = typeof beslispunten === 'string' ? [beslispunten] : Array.isArray(beslispunten) ? beslispunten : [];
      list.forEach((value, i) => {
        if (typeof value !== 'string') return;
        const range = at(item.positions, typeof beslispunten === 'string' ? 'beslispunten' : `beslispunten.${i}`);
        check(context, item, value, (index, length) => positionInScalar(range, value, index, length));
      });
      for (const { line, text } of bodyLines(item)) check(context, item, text, (index, length) => bodyRange(line, index, length));
    }
  },
};
