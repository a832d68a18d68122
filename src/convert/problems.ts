// Problems with a bijlage that is not a PDF (Office file, image), each with its permanent code, the
// lint rule that reports it, and its Dutch message and hint. docs/errors.md documents every code.

import type { PdfProblem } from '../model/pdf-facts.js';
import type { SourceFormat } from './formats.js';

/** Code -> the rule that reports it (docs/rules/<rule>.md). All are errors. */
export const SOURCE_PROBLEM_RULES = {
  'libreoffice-ontbreekt': 'libreoffice-ontbreekt',
  'inhoud-past-niet': 'bijlage-formaat',
  'office-wachtwoord': 'bijlage-formaat',
  'afbeelding-onleesbaar': 'bijlage-formaat',
  'afbeelding-te-groot': 'bijlage-formaat',
  'omzetten-mislukt': 'bijlage-omzetten',
  'omzetten-tijdslimiet': 'bijlage-omzetten',
} as const;

export type SourceProblemCode = keyof typeof SOURCE_PROBLEM_RULES;

export function isSourceProblem(code: string): code is SourceProblemCode {
  return Object.hasOwn(SOURCE_PROBLEM_RULES, code);
}

const make = (code: SourceProblemCode, message: string, hint: string): PdfProblem => ({ code, message, hint });

const EXPORT_PDF = 'of open het bestand zelf en kies "Opslaan als" / "Exporteren" naar PDF, en verwijs naar die PDF';

export const sourceProblem = {
  noLibreOffice: (format: SourceFormat, configured?: string) =>
    make(
      'libreoffice-ontbreekt',
      configured
        ? `Het bestand is ${format.label}; om het om te zetten naar PDF is LibreOffice nodig, maar \`BUNDEL_SOFFICE\` wijst naar \`${configured}\` en dat programma bestaat niet.`
        : `Het bestand is ${format.label}; om het om te zetten naar PDF is LibreOffice nodig, maar \`soffice\` is niet gevonden.`,
      configured
        ? `Zet \`BUNDEL_SOFFICE\` op het pad van \`soffice\` (of haal de variabele weg), ${EXPORT_PDF}.`
        : 'Installeer LibreOffice: op Debian/Ubuntu `sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui`, ' +
            'op Windows en macOS de download van https://www.libreoffice.org/download/ (of zet `BUNDEL_SOFFICE` op het pad van `soffice`), ' +
            `${EXPORT_PDF}.`,
    ),
  mismatch: (ext: string, actual: string) =>
    make(
      'inhoud-past-niet',
      `Het bestand heeft de extensie \`.${ext}\`, maar is ${actual}.`,
      'Vraag de afzender om het juiste bestand, of geef het bestand de extensie die bij de inhoud past en verwijs daarnaar.',
    ),
  encrypted: (format: SourceFormat) =>
    make(
      'office-wachtwoord',
      `Het bestand is ${format.label.replace(/\s*\(.*\)$/, '')} dat met een wachtwoord is beveiligd; bundel kan het niet openen.`,
      `Vraag de afzender om een versie zonder wachtwoord, ${EXPORT_PDF}.`,
    ),
  imageUnreadable: (format: SourceFormat, detail: string) =>
    make('afbeelding-onleesbaar', `De afbeelding kan niet worden gelezen als ${format.label.replace(/^een /, '').replace(/\s*\(.*\)$/, '')} (\`${detail}\`).`, 'Open de afbeelding in een tekenprogramma en sla hem opnieuw op (bijvoorbeeld als PNG of PDF); verwijs dan naar die kopie.'),
  imageTooLarge: (what: string) =>
    make('afbeelding-te-groot', `De afbeelding is te groot: ${what}.`, 'Verklein de afbeelding (bijvoorbeeld een scan op 300 dpi) of zet hem om naar PDF, en verwijs naar die kopie.'),
  conversionFailed: (converter: string, detail: string) =>
    make('omzetten-mislukt', `Het omzetten naar PDF met ${converter} is mislukt (\`${detail}\`).`, `Open het bestand in LibreOffice of Office om te zien of het in orde is, ${EXPORT_PDF}.`),
  conversionTimeout: (converter: string, seconds: number) =>
    make(
      'omzetten-tijdslimiet',
      `Het omzetten naar PDF met ${converter} duurde langer dan ${seconds} s en is afgebroken.`,
      `Verhoog de tijdslimiet met \`BUNDEL_SOFFICE_TIMEOUT\` (in seconden), ${EXPORT_PDF}.`,
    ),
};
