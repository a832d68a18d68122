// Every problem bundel can report about an attachment file, with its permanent code, Dutch message
// and hint, in one place. docs/errors.md documents each code; a test checks that nothing is missing.

import type { PdfProblem } from '../model/pdf-facts.js';

export type ProblemSeverity = 'error' | 'warning';

/** Code -> severity: errors keep a file out of the bundle, warnings only inform. */
export const PDF_PROBLEM_CODES = {
  'bestand-ontbreekt': 'error',
  'pdf-leeg': 'error',
  'pdf-te-groot': 'error',
  'pdf-niet-pdf': 'error',
  'pdf-wachtwoord': 'error',
  'pdf-versleuteld': 'error',
  'pdf-bom': 'error',
  'pdf-afbeelding-te-groot': 'error',
  'pdf-tijdslimiet': 'error',
  'pdf-paginaboom': 'error',
  'pdf-onvolledig': 'error',
  'pdf-geen-paginas': 'error',
  'pdf-paginaformaat': 'error',
  'pdf-xfa-dynamisch': 'error',
  'pdf-onleesbaar': 'error',
  'pdf-mediabox-ontbreekt': 'warning',
  'pdf-pagina-klein': 'warning',
  'pdf-pagina-groot': 'warning',
  'pdf-userunit': 'warning',
  'pdf-beschadigd': 'warning',
  'pdf-hersteld': 'warning',
  'pdf-actieve-inhoud': 'warning',
  'pdf-ingesloten-bestanden': 'warning',
  'pdf-formulier': 'warning',
  'pdf-ondertekend': 'warning',
  'pdf-xfa': 'warning',
  'pdf-lettertype': 'warning',
  'actief-verwijderd': 'warning',
} as const satisfies Record<string, ProblemSeverity>;

export type PdfProblemCode = keyof typeof PDF_PROBLEM_CODES;

const make = (code: PdfProblemCode, message: string, hint: string, detail?: string): PdfProblem => (detail ? { code, message, hint, detail } : { code, message, hint });

const RESAVE = 'Open het bestand in een PDF-lezer en sla het opnieuw op als PDF (of kies "Afdrukken naar PDF"); verwijs dan naar die kopie.';
const ASK_AGAIN = 'Vraag het document opnieuw op bij de afzender; waarschijnlijk is het downloaden of kopiëren mislukt.';

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0).replace('.', ',')} MiB`;

/** `1`, `2` en `3` — the first few, then a count of the rest. */
export function listPages(pages: readonly number[], max = 5): string {
  const shown = pages.slice(0, max).map((p) => `\`${p}\``);
  if (pages.length > max) return `${shown.join(', ')} en nog ${pages.length - max}`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(', ')} en ${shown[shown.length - 1]}`;
}

/** A parser's own words without PDF object numbers (`12 0 R`, `object 12`): those go to `detail`, for `--debug`. */
export function withoutObjectNumbers(words: string): { text: string; detail?: string } {
  const text = words
    .replace(/\s*\(?\b\d+\s+\d+\s+(?:R|obj)\b\)?/g, '')
    .replace(/\b(objects?|obj)\s+#?\d+(?:\s+\d+)?/gi, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return text === words ? { text } : { text, detail: words };
}

const blad = (pages: readonly number[]): string => (pages.length === 1 ? `Blad ${listPages(pages)}` : `De bladen ${listPages(pages)}`);

export const pdfProblem = {
  unreadableFile: () => make('bestand-ontbreekt', 'Het bestand kan niet worden gelezen.', 'Controleer of het bestand bestaat en leesbaar is.'),
  empty: () => make('pdf-leeg', 'Het bestand is leeg (0 bytes).', ASK_AGAIN),
  tooLarge: (size: number, max: number) =>
    make('pdf-te-groot', `Het bestand is ${mib(size)} groot; de grens is ${mib(max)}.`, 'Verklein de PDF (bijvoorbeeld de afbeeldingen comprimeren) of splits hem in delen.'),
  /** `convertible`: the extension under which bundel would convert the file itself (`docx`, `jpg` …). */
  notPdf: (kind?: string, convertible?: string) =>
    make(
      'pdf-niet-pdf',
      kind ? `Het bestand is geen PDF maar ${kind}.` : 'Het bestand is geen PDF: het begint niet met `%PDF-`.',
      kind?.includes('HTML')
        ? 'Download het document opnieuw; een webpagina met de naam .pdf is meestal een foutmelding van de website.'
        : convertible
          ? `Geef het bestand de extensie \`.${convertible}\` en verwijs daarnaar: bundel zet het dan zelf om naar PDF. Of sla het document op als PDF en verwijs naar die PDF.`
          : 'Sla het document op of exporteer het als PDF en verwijs naar die PDF.',
    ),
  headerTooLate: (offset: number) =>
    make('pdf-niet-pdf', `\`%PDF-\` staat pas op byte ${offset}; een PDF moet binnen de eerste 1024 bytes beginnen.`, RESAVE),
  password: (wrong: boolean) =>
    wrong
      ? make('pdf-wachtwoord', 'Het opgegeven wachtwoord opent deze PDF niet.', 'Controleer het wachtwoord, of vraag de afzender om een versie zonder wachtwoord.')
      : make('pdf-wachtwoord', 'De PDF is beveiligd met een wachtwoord om te openen.', 'Vraag de afzender om een versie zonder wachtwoord, of geef het wachtwoord mee met `--wachtwoord`.'),
  encrypted: (detail: string) =>
    make('pdf-versleuteld', `De PDF is versleuteld op een manier die bundel niet kan openen (\`${detail}\`).`, 'Vraag de afzender om een onbeveiligde versie, of open de PDF en bewaar een kopie zonder beveiliging.'),
  bomb: (encoded: number, limit: number, total: boolean) =>
    make(
      'pdf-bom',
      total
        ? `De stromen in de PDF pakken samen uit tot meer dan ${mib(limit)}; dat lijkt op een decompressiebom.`
        : `De PDF bevat een stroom van ${encoded} bytes die uitpakt tot meer dan ${mib(limit)}; dat lijkt op een decompressiebom.`,
      'Neem dit bestand niet op; vraag de afzender om een nieuwe PDF. Een PDF-lezer of printer kan op dit bestand vastlopen.',
    ),
  timeout: (budgetMs: number) =>
    make('pdf-tijdslimiet', `Het lezen van de PDF duurde langer dan ${Math.round(budgetMs / 1000)} s en is afgebroken.`, `De PDF is waarschijnlijk zwaar beschadigd. ${RESAVE}`),
  /** `detail`: the objects involved (`4 0 R`), kept out of the message. */
  pageTree: (what: string, detail?: string) => make('pdf-paginaboom', `De paginaboom van de PDF klopt niet: ${what}.`, RESAVE, detail),
  incomplete: (what: string, detail?: string) => make('pdf-onvolledig', `De PDF is onvolledig: ${what}.`, ASK_AGAIN, detail),
  noPages: () => make('pdf-geen-paginas', 'De PDF heeft geen bladzijden.', 'Vraag de afzender om de volledige PDF.'),
  pageSize: (pages: number[], box: string) =>
    make('pdf-paginaformaat', `${blad(pages)} ${pages.length === 1 ? 'heeft' : 'hebben'} geen zichtbare oppervlakte (MediaBox \`${box}\`).`, RESAVE),
  dynamicXfa: () =>
    make(
      'pdf-xfa-dynamisch',
      'De PDF is een dynamisch XFA-formulier; buiten Adobe Reader toont hij alleen een wachtpagina ("Please wait...").',
      'Open het formulier in Adobe Acrobat of Reader, kies "Afdrukken naar PDF" en verwijs naar die PDF.',
    ),
  /** `detail`: the parser's own (English) words, shown as a value. */
  unreadable: (words: string) => {
    const { text, detail } = withoutObjectNumbers(words);
    return make('pdf-onleesbaar', `De PDF kan niet worden gelezen (\`${text}\`).`, RESAVE, detail);
  },
  /** `what`: a Dutch description of the unreadable part. */
  unreadablePart: (what: string, detail?: string) => make('pdf-onleesbaar', `De PDF kan niet worden gelezen: ${what}.`, RESAVE, detail),

  mediaBoxMissing: (pages: number[]) =>
    make(
      'pdf-mediabox-ontbreekt',
      `${blad(pages)} ${pages.length === 1 ? 'heeft' : 'hebben'} geen paginaformaat (MediaBox); bundel neemt A4 aan.`,
      'Controleer die bladen in de bundel; valt er iets weg, sla de PDF dan opnieuw op als PDF.',
    ),
  pageSmall: (pages: number[], size: string) =>
    make('pdf-pagina-klein', `${blad(pages)} ${pages.length === 1 ? 'is' : 'zijn'} maar ${size} pt groot; het paginanummer wordt daar heel klein.`, 'Controleer of dit de bedoelde PDF is.'),
  pageHuge: (pages: number[], size: string) =>
    make(
      'pdf-pagina-groot',
      `${blad(pages)} ${pages.length === 1 ? 'is' : 'zijn'} ${size} eenheden groot, meer dan de PDF-grens van 14 400; niet elke lezer of printer toont ${pages.length === 1 ? 'het' : 'ze'} goed.`,
      'Laat het document zo nodig verkleinen tot een gewoon papierformaat.',
    ),
  userUnit: (pages: number[], unit: number) =>
    make(
      'pdf-userunit',
      `${blad(pages)} ${pages.length === 1 ? 'gebruikt' : 'gebruiken'} \`/UserUnit ${unit}\`: ${pages.length === 1 ? 'het is' : 'ze zijn'} ${String(unit).replace('.', ',')} keer zo groot als de maten zeggen, en sommige lezers negeren dat.`,
      'Geen actie nodig; controleer het blad in de bundel.',
    ),
  damaged: (what: string) => make('pdf-beschadigd', `De PDF is beschadigd: ${what}.`, `Controleer de bladen in de bundel. ${RESAVE}`),
  /** `detail`: the decoder's own (English) words. */
  streamDamaged: (pages: number[], words: string) => {
    const { text, detail } = withoutObjectNumbers(words.split('\n')[0].slice(0, 120));
    return make(
      'pdf-beschadigd',
      `De PDF is beschadigd: de inhoud van ${pages.length === 1 ? `blad ${listPages(pages)} is` : `de bladen ${listPages(pages)} is`} niet (helemaal) uit te pakken${text ? ` (\`${text}\`)` : ''}; wat erin staat, ontbreekt in de bundel mogelijk.`,
      `Vergelijk ${pages.length === 1 ? 'dat blad' : 'die bladen'} in de bundel met het origineel. ${RESAVE}`,
      detail,
    );
  },
  imageDamaged: (pages: number[]) =>
    make(
      'pdf-beschadigd',
      `De PDF is beschadigd: een afbeelding op ${pages.length === 1 ? `blad ${listPages(pages)}` : `de bladen ${listPages(pages)}`} is niet uit te pakken of heeft geen geldige afmetingen; lezers tonen die afbeelding niet of maar half.`,
      `Vergelijk ${pages.length === 1 ? 'dat blad' : 'die bladen'} in de bundel met het origineel. ${RESAVE}`,
    ),
  imageTooLarge: (page: number, width: number, height: number, bytes: number, limit: number) =>
    make(
      'pdf-afbeelding-te-groot',
      `Blad \`${page}\` bevat een afbeelding van \`${width} × ${height}\` pixels die uitgepakt ${mib(bytes)} inneemt; de grens is ${mib(limit)}.`,
      'Een PDF-lezer of printer kan op zo’n afbeelding vastlopen. Vraag de afzender om een versie met kleinere afbeeldingen (bijvoorbeeld 300 dpi), of druk het document af naar PDF en verwijs naar die kopie.',
    ),
  imageBomb: (page: number, encoded: number, width: number, height: number, limit: number) =>
    make(
      'pdf-bom',
      `Blad \`${page}\` bevat een afbeelding van \`${width} × ${height}\` pixels waarvan de ${encoded} bytes gegevens uitpakken tot meer dan ${mib(limit)}, veel meer dan de afbeelding nodig heeft; dat lijkt op een decompressiebom.`,
      'Neem dit bestand niet op; vraag de afzender om een nieuwe PDF. Een PDF-lezer of printer kan op dit bestand vastlopen.',
    ),
  /** `repairs`: what was wrong and repaired, Dutch clauses. */
  repaired: (repairs: string[]) =>
    make(
      'pdf-hersteld',
      `De PDF is beschadigd en door bundel hersteld: ${repairs.join('; ')}.`,
      `Controleer de bladen van deze bijlage in de bundel; PDF-lezers herstellen zo’n bestand op dezelfde manier. Vraag de afzender zo nodig om een onbeschadigde versie, of: ${RESAVE.charAt(0).toLowerCase()}${RESAVE.slice(1)}`,
    ),
  activeContent: (kinds: string) =>
    make('pdf-actieve-inhoud', `De PDF bevat ${kinds}; dat wordt niet in de bundel opgenomen.`, 'Geen actie nodig: de bundel bevat alleen de bladen zelf.'),
  embeddedFiles: (names: string[]) =>
    make(
      'pdf-ingesloten-bestanden',
      `De PDF bevat ${names.length === 1 ? 'een ingesloten bestand' : `${names.length} ingesloten bestanden`} (${names.slice(0, 3).map((n) => `\`${n}\``).join(', ')}${names.length > 3 ? ', …' : ''}); ${names.length === 1 ? 'dat wordt' : 'die worden'} niet meegenomen in de bundel.`,
      'Zijn de ingesloten bestanden nodig, neem ze dan als aparte bijlage op.',
    ),
  form: (fields: number, withoutAppearance: number) =>
    make(
      'pdf-formulier',
      `De PDF bevat een invulformulier (${fields === 1 ? 'één veld' : `${fields} velden`}); de ingevulde waarden staan als vaste tekst in de bundel en zijn daar niet meer in te vullen${
        withoutAppearance > 0 ? `, behalve ${withoutAppearance === 1 ? 'één veld' : `${withoutAppearance} velden`} zonder weergave: ${withoutAppearance === 1 ? 'die waarde ontbreekt' : 'die waarden ontbreken'}` : ''
      }.`,
      withoutAppearance > 0 ? 'Open de PDF in een PDF-lezer, kies "Afdrukken naar PDF" en verwijs naar die kopie.' : 'Geen actie nodig; controleer de ingevulde waarden in de bundel.',
    ),
  signed: (names: string[]) =>
    make(
      'pdf-ondertekend',
      `De PDF is digitaal ondertekend${names.length ? ` (${names.map((n) => `\`${n}\``).join(', ')})` : ''}; in de bundel geldt die handtekening niet meer.`,
      'Wie de handtekening moet controleren, gebruikt het oorspronkelijke bestand; vermeld zo nodig waar dat te vinden is.',
    ),
  staticXfa: () =>
    make('pdf-xfa', 'De PDF bevat een XFA-formulier; alleen de gewone (statische) weergave wordt opgenomen.', 'Controleer de bladen in de bundel; ontbreekt er iets, druk het formulier dan af naar PDF.'),
  fontsNotEmbedded: (names: string[]) =>
    make(
      'pdf-lettertype',
      `${names.length === 1 ? 'Lettertype' : 'De lettertypen'} ${names.slice(0, 4).map((n) => `\`${n}\``).join(', ')}${names.length > 4 ? ' en andere' : ''} ${names.length === 1 ? 'is' : 'zijn'} niet ingesloten; de tekst kan er in de bundel anders uitzien.`,
      'Laat de PDF zo nodig opnieuw maken met ingesloten lettertypen (PDF/A).',
    ),
  activeRemoved: (what: string) =>
    make('actief-verwijderd', `${what} verwijderd uit de bundel.`, 'Geen actie nodig: zulke inhoud wordt nooit in de bundel opgenomen.'),
};
