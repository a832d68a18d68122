// The text of a new agenda item: front matter in the house form with every field explained in a
// comment (the schema's own Dutch descriptions), optional fields commented out, `[invullen]` where
// the secretariat or the author must still write something (a warning in `bundel lint`).

import { agendapuntSchema } from '../model/schema.js';
import type { Soort } from '../model/meeting.js';
import { comment, INVULLEN, scalar } from './yaml-text.js';

export interface SkeletonInput {
  vergadering: string;
  nummer: string;
  onderwerp: string;
  soort: Soort;
  /** The author (git's user.name), as contact person. */
  auteur?: string;
  /** Fixed beslispunten (a standing item's); else a placeholder for a voorstel. */
  beslispunten?: string[];
  /** Write the help comments (a standing item from `bundel nieuw` stays short). */
  uitleg?: boolean;
}

type Field = keyof typeof agendapuntSchema.shape;

const describe = (field: Field): string => agendapuntSchema.shape[field].description ?? '';

/** A number field as YAML: `4` stays a number, `4a` and `4.1` are text. */
const nummerValue = (nummer: string): string => (/^\d+$/.test(nummer) ? nummer : scalar(nummer));

export function itemSkeleton(input: SkeletonInput): string {
  const explain = input.uitleg ?? true;
  const out: string[] = ['---'];
  const field = (name: Field, lines: string[]): void => {
    if (explain) out.push(...comment(describe(name)));
    out.push(...lines);
  };
  if (explain) {
    out.push(
      ...comment(
        `Agendapunt gemaakt met \`bundel agendapunt\`. Regels met # ervoor tellen niet mee: haal het # weg om een veld te gebruiken. ${INVULLEN} geeft een waarschuwing bij \`bundel lint\` (na de aanleverdatum een fout) tot het is ingevuld.`,
      ),
    );
  }
  field('vergadering', [`vergadering: ${input.vergadering}`]);
  field('agendapunt', [`agendapunt: ${nummerValue(input.nummer)}`]);
  field('onderwerp', [`onderwerp: ${scalar(input.onderwerp)}`]);
  field('soort', [`soort: ${input.soort}`]);
  const voorstel = input.soort === 'voorstel';
  if (voorstel) field('portefeuillehouder', [`portefeuillehouder: ${scalar(INVULLEN)}`]);
  const beslispunten = input.beslispunten?.length ? input.beslispunten : voorstel ? [`${INVULLEN} In te stemmen met …`] : [];
  if (beslispunten.length > 0) field('beslispunten', ['beslispunten:', ...beslispunten.map((b) => `  - ${scalar(b)}`)]);
  else if (explain && input.soort === 'stukken') field('beslispunten', ['# beslispunten:', '#   - Het verslag vast te stellen.']);
  if (!explain) {
    if (input.soort === 'stukken') out.push('# bijlagen:', '#   - titel: …', '#     bestand: bijlagen/….pdf');
    out.push('---', '');
    return out.join('\n');
  }
  if (voorstel) {
    field('procedure', ['# procedure: DB …']);
    field('vervolgactie', ['# vervolgactie: …']);
    field('communicatie', ['# communicatie: …']);
    field('mededeling_beslissing_aan', ['# mededeling_beslissing_aan: …']);
    field('consequenties', ['# consequenties:', '#   financieel: …', '#   personeel: …']);
  }
  if (input.soort !== 'mondeling') {
    field('contact', input.auteur ? ['contact:', `  naam: ${scalar(input.auteur)}`, '  # telefoon: "0314 123 456"', '  # email: naam@organisatie.nl'] : ['# contact:', '#   naam: …', '#   telefoon: "0314 123 456"']);
    field('vertrouwelijk', ['# vertrouwelijk: true']);
    field('bijlagen', ['# bijlagen:', '#   - titel: …', '#     bestand: bijlagen/….pdf', '#   - titel: …', '#     ter_inzage: Secretariaat']);
  }
  out.push('---');
  if (voorstel) out.push(`${INVULLEN} De toelichting: aanleiding, wat het voorstel inhoudt en wat het kost.`);
  else if (input.soort === 'stukken') out.push(`${INVULLEN} Een korte tekst voor de agenda, of haal deze regel weg.`);
  out.push('');
  return out.join('\n');
}
