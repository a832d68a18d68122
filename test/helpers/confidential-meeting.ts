// A meeting with confidential parts: item 2 is public with a public, a confidential and a confidential
// ter-inzage bijlage; item 3 is confidential as a whole, with a bijlage. `extra` adds or replaces files.

import { makePdf } from './make-pdf.js';
import { item, writeRepo } from './repo.js';

export const CONFIDENTIAL_DATE = '2025-03-05';
const DATE = CONFIDENTIAL_DATE;
const DIR = `vergaderingen/${DATE}`;

/** Opening, item 2 (public, with a public and a confidential bijlage), item 3 (confidential, with a bijlage). */
export async function confidentialMeeting(extra: Record<string, string> = {}, root?: string, openbareTitel: { item?: string; bijlage?: string } = {}): Promise<string> {
  const publicTitle = (title: string | undefined, indent: string): string => (title === undefined ? '' : `\n${indent}openbare_titel: ${JSON.stringify(title)}`);
  return writeRepo({
    'bundel.yaml': 'organisatie: Testregio\n',
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    [`${DIR}/02-lobby.md`]: item(
      `vergadering: ${DATE}
agendapunt: 2
onderwerp: Lobby
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - Kennis te nemen van de lobby.
bijlagen:
  - titel: Openbare brief
    bestand: bijlagen/openbaar.pdf
  - titel: Onderhandelingsruimte
    bestand: bijlagen/geheim.pdf
    vertrouwelijk: ja${publicTitle(openbareTitel.bijlage, '    ')}
  - titel: Dossier lobbyisten
    ter_inzage: Secretariaat, kluis
    vertrouwelijk: ja`,
      'Zie de brief (bijlage 1).\n',
    ),
    [`${DIR}/03-personeel.md`]: item(
      `vergadering: ${DATE}
agendapunt: 3
onderwerp: Ontslag directeur
vertrouwelijk: ja${publicTitle(openbareTitel.item, '')}
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - In te stemmen met het ontslag.
bijlagen:
  - titel: Advies jurist
    bestand: bijlagen/advies.pdf`,
      'Toelichting bij het ontslag (bijlage 1).\n',
    ),
    [`${DIR}/bijlagen/openbaar.pdf`]: await makePdf({ title: 'Openbare brief', pages: [{ text: 'Openbare brief blad 1' }, { text: 'Openbare brief blad 2' }] }),
    [`${DIR}/bijlagen/geheim.pdf`]: await makePdf({ title: 'Geheim', pages: [{ text: 'Onderhandelingsruimte blad 1' }, { text: 'Onderhandelingsruimte blad 2', rotate: 90 }] }),
    [`${DIR}/bijlagen/advies.pdf`]: await makePdf({ title: 'Advies', pages: [{ text: 'Advies jurist blad 1' }] }),
    ...extra,
  }, root);
}

