// bijlage-scan: pages of a public attachment without text (scans), and attachments whose text could
// not be read: neither is checked for personal data, and neither is accessible.

import type { TextProblem } from '../../model/pdf-facts.js';
import { itemAt, type Rule } from '../rule.js';

const PROBLEM: Record<TextProblem, string> = {
  tijd: 'het lezen duurde te lang en is afgebroken',
  geheugen: 'het lezen had te veel geheugen nodig en is afgebroken',
  onleesbaar: 'de tekstlaag kon niet worden gelezen',
  tekst: 'de tekst is groter dan bundel controleert; alleen het begin is gecontroleerd',
};

const pageList = (pages: number[]): string => (pages.length === 1 ? `pagina ${pages[0]}` : `pagina's ${pages.slice(0, -1).join(', ')} en ${pages.at(-1)}`);

export const bijlageScan: Rule = {
  id: 'bijlage-scan',
  description: 'Een openbare bijlage heeft tekst op elke pagina: gescande pagina\'s zijn niet te controleren en niet toegankelijk.',
  severity: 'warning',
  scope: 'openbaar',
  check(context) {
    const seen = new Set<string>();
    for (const item of context.meeting.items) {
      for (const bijlage of item.bijlagen) {
        const text = bijlage.facts?.text;
        if (!text || seen.has(bijlage.facts!.path)) continue;
        seen.add(bijlage.facts!.path);
        const name = `bijlage ${bijlage.nummer} (\`${bijlage.facts!.relPath}\`)`;
        const range = itemAt(item, `bijlagen.${bijlage.nummer - 1}.bestand`);
        if (text.problem) {
          context.report({
            file: item.file,
            range,
            message: `De tekst van ${name} is niet op persoonsgegevens gecontroleerd: ${PROBLEM[text.problem]}${text.detail ? ` (\`${text.detail}\`)` : ''}.`,
            hint: 'Controleer de bijlage zelf op persoonsgegevens voordat de openbare bundel wordt gepubliceerd, of sla hem opnieuw op als PDF en probeer het nog eens.',
          });
        }
        if (text.scans.length > 0) {
          const which =
            text.scans.length === text.pageCount
              ? `Alle pagina's van ${name} zijn scans`
              : `${pageList(text.scans).replace(/^p/, 'P')} van ${name} ${text.scans.length === 1 ? 'is een scan' : 'zijn scans'}`;
          context.report({
            file: item.file,
            range,
            message: `${which} zonder tekst: niet gecontroleerd op persoonsgegevens en niet toegankelijk voor voorleessoftware.`,
            hint: 'Vraag de afzender om het digitale document (niet gescand), of laat de scan van tekst voorzien (OCR); controleer de gescande pagina\'s zelf op persoonsgegevens.',
          });
        }
      }
    }
  },
};
