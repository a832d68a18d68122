// beslispunten-zinnen: every beslispunt is a filled-in sentence: no empty entries (error); a capital
// letter, a final full stop, no numbering of its own (warnings: bundel numbers them).

import type { Agendapunt } from '../../model/meeting.js';
import { at, type Rule, type RuleContext } from '../rule.js';
import { rawField } from '../source-text.js';

const OWN_NUMBERING = /^(?:\d{1,2}[.)]|[a-z][.)]|[-*•–])\s+/i;
const SENTENCE_END = /[.;:?!…]$/;

function entries(item: Agendapunt): { path: string; value: unknown; n: number }[] {
  const value = rawField(item.raw, 'beslispunten');
  if (typeof value === 'string') return [{ path: 'beslispunten', value, n: 1 }];
  if (Array.isArray(value)) return value.map((v, i) => ({ path: `beslispunten.${i}`, value: v, n: i + 1 }));
  return [];
}

function checkOne(context: RuleContext, item: Agendapunt, { path, value, n }: { path: string; value: unknown; n: number }): void {
  const range = at(item.positions, path);
  const report = (message: string, hint: string, severity: 'error' | 'warning' = 'warning'): void =>
    // An empty beslispunt is one still to be written (weighed against the aanleverdatum).
    context.report({ file: item.file, range, message, hint, severity, missing: severity === 'error' });
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    report(`Beslispunt ${n} is leeg.`, 'Schrijf het besluit als hele zin, of haal het lege streepje weg.', 'error');
    return;
  }
  if (typeof value !== 'string') return; // the schema rule reports other types
  const text = value.trim();
  const numbering = OWN_NUMBERING.exec(text)?.[0].trim();
  if (numbering) {
    report(`Beslispunt ${n} begint met een eigen nummering \`${numbering}\`.`, `Haal \`${numbering}\` weg: bundel nummert de beslispunten zelf.`);
    return;
  }
  if (/^\p{Ll}/u.test(text)) {
    report(`Beslispunt ${n} begint met een kleine letter.`, 'Begin het besluit met een hoofdletter, zoals `In te stemmen met …` of `Kennis te nemen van …`.');
  }
  if (text.split(/\s+/).length < 2) {
    report(`Beslispunt ${n} is geen zin: \`${text}\`.`, 'Schrijf het besluit als hele zin, zoals `In te stemmen met de begroting 2026.`');
  } else if (!SENTENCE_END.test(text)) {
    report(`Beslispunt ${n} eindigt niet met een punt.`, 'Sluit het besluit af met een punt.');
  }
}

export const beslispuntenZinnen: Rule = {
  id: 'beslispunten-zinnen',
  description: 'Elk beslispunt is een ingevulde zin: met een hoofdletter, zonder eigen nummering, afgesloten met een punt.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) for (const entry of entries(item)) checkOne(context, item, entry);
  },
};
