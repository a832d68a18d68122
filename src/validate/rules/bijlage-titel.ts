// bijlage-titel: a bijlage's `titel` resembles the attachment's own title (its document Title, else the
// largest text on its first page): an attachment listed under another document's title is caught.

import { itemAt, type Rule } from '../rule.js';

/** Words that say nothing about which document it is. */
const STOPWORDS = new Set(['de', 'het', 'een', 'van', 'en', 'of', 'voor', 'in', 'op', 'met', 'aan', 'bij', 'over', 'te', 'tot', 'tbv', 'inzake', 'betreft', 'the', 'and', 'of']);

/** The words of a title that identify it: lower case, without accents, stopwords and single characters. */
export function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/t\.?b\.?v\.?/g, ' ')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 1 && !STOPWORDS.has(w)),
    ),
  ];
}

/** Same word, or the same stem (besparing / besparingen): one starts with the other and both are long. */
const sameWord = (a: string, b: string): boolean => a === b || (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a)));

/** Shared words over all words of both titles (Jaccard): 1 for the same words, 0 for none in common. */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.length === 0 || wb.length === 0) return 1;
  const shared = wa.filter((w) => wb.some((v) => sameWord(w, v))).length;
  return shared / (wa.length + wb.length - shared);
}

/** Below this the titles share less than half of their words. */
export const TITLE_THRESHOLD = 0.5;

export const bijlageTitel: Rule = {
  id: 'bijlage-titel',
  description: 'De `titel` van een bijlage lijkt op de titel van het document zelf.',
  severity: 'warning',
  scope: 'openbaar',
  check(context) {
    for (const item of context.meeting.items) {
      for (const bijlage of item.bijlagen) {
        const text = bijlage.facts?.text;
        const own = text?.title ?? text?.heading;
        if (!own || !bijlage.titel || titleSimilarity(bijlage.titel, own) >= TITLE_THRESHOLD) continue;
        context.report({
          file: item.file,
          range: itemAt(item, `bijlagen.${bijlage.nummer - 1}.titel`),
          message: `De titel van bijlage ${bijlage.nummer}, \`${bijlage.titel}\`, lijkt weinig op de titel van het document zelf: \`${own}\`${text?.title ? '' : ' (de grootste tekst op de eerste pagina)'}.`,
          hint: 'Controleer of het juiste bestand bij deze bijlage staat, en neem zo nodig de titel van het document over.',
        });
      }
    }
  },
};
