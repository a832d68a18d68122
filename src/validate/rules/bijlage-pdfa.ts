// bijlage-pdfa: with --pdfa, an attachment must not keep the bundle from being PDF/A-2b: every font
// embedded, no transparency blended in CMYK (the bundle's output intent is sRGB), no JavaScript, no
// encryption. The loader found these (PdfFacts.pdfa); without --pdfa the rule says nothing.

import type { PdfaBlocker } from '../../model/pdf-facts.js';
import { at, eachFileOnce, type Rule } from '../rule.js';

function describe(b: PdfaBlocker): string {
  const page = b.page === undefined ? '' : `blad ${b.page} `;
  switch (b.kind) {
    case 'lettertype':
      return `${page}gebruikt ${b.detail?.includes(',') ? 'lettertypen' : 'lettertype'} ${b.detail!.split(', ').map((n) => `\`${n}\``).join(', ')} die niet in de PDF ${b.detail?.includes(',') ? 'zijn' : 'is'} ingesloten; in PDF/A moet elk lettertype in het bestand zitten.`;
    case 'transparantie':
      return `${page}mengt transparantie in CMYK (\`DeviceCMYK\`); een PDF/A-bundel werkt in sRGB.`;
    case 'javascript':
      return `bevat JavaScript (${b.detail}×); dat mag niet in PDF/A, en de bundel zou het weglaten, zodat het archief iets anders bewaart dan is ontvangen.`;
    case 'versleuteld':
      return 'is beveiligd (versleuteld); een PDF/A-archief mag niet versleuteld zijn, en de beveiliging kan het overnemen van de inhoud verbieden.';
  }
}

export const bijlagePdfa: Rule = {
  id: 'bijlage-pdfa',
  description: 'Met `--pdfa`: een bijlage laat een PDF/A-2b-bundel toe (lettertypen ingesloten, geen CMYK-transparantie, geen JavaScript, niet versleuteld).',
  severity: 'error',
  check(context) {
    if (!context.pdfa) return;
    for (const { item, bijlage } of eachFileOnce(context.meeting)) {
      for (const blocker of bijlage.facts?.pdfa ?? []) {
        context.report({
          file: item.file,
          range: at(item.positions, `bijlagen.${bijlage.nummer - 1}.bestand`),
          message: `Bijlage ${bijlage.nummer} (\`${bijlage.bestand}\`) ${describe(blocker)}`,
          hint: 'Vraag de afzender om een PDF/A-versie (in Word: Opslaan als PDF, Opties, "Compatibel met ISO 19005-1 (PDF/A)"), of maak de bundel zonder `--pdfa`.',
        });
      }
    }
  },
};
