// Issue 10 (1): a public bundle (`build --public`) shows nothing of a confidential item or a
// confidential bijlage beyond what the public agenda shows: not in the PDF (text, bookmarks,
// metadata), not in the JSON index, not in the web page, not in a file name. Every value of the
// confidential parts is a marker string, searched for in every public output.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { publicText } from '../helpers/public-text.js';
import { makePdf } from '../helpers/make-pdf.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

/** Every value of the confidential parts; unusual characters so that escaping cannot hide them. */
const M = {
  itemFile: '04-qzx-bestandsnaam-item',
  portefeuillehouder: 'Qzx Portefeuille&<Houder>',
  beslispunt: 'In te stemmen met qzx-beslispunt "geheim".',
  body: 'qzx-toelichting-tekst',
  procedure: 'qzx-procedure-DB',
  vervolgactie: 'qzx-vervolg',
  titel: 'qzx-eigen-titel memo',
  agendatekst: 'qzx-agendatekst',
  contact: 'Qzx Contactpersoon',
  bijlage1: "Qzx bijlage één 'titel'",
  bijlage1File: 'qzx-bijlage-een.pdf',
  bijlage1Text: 'QzxPdfInhoudEen',
  inzageTitel: 'Qzx ter inzage titel',
  inzagePlaats: 'Qzx kluis, kamer 13',
  // The confidential bijlage of a public item, with and without a file.
  losTitel: 'Qzx losse vertrouwelijke bijlage',
  losFile: 'qzx-los.pdf',
  losText: 'QzxPdfInhoudLos',
  losInzageTitel: 'Qzx los ter inzage',
  losInzagePlaats: 'Qzx archief Zutphen',
};

async function meeting(): Promise<string> {
  return writeRepo({
    'bundel.yaml': 'organisatie: Testregio\nportefeuillehouders:\n  - De heer J. Bengevoord\n',
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
  - titel: ${JSON.stringify(M.losTitel)}
    bestand: bijlagen/${M.losFile}
    vertrouwelijk: true
  - titel: ${JSON.stringify(M.losInzageTitel)}
    ter_inzage: ${JSON.stringify(M.losInzagePlaats)}
    vertrouwelijk: true`,
      'Zie de brief (bijlage 1).\n',
    ),
    [`${DIR}/${M.itemFile}.md`]: item(
      `vergadering: ${DATE}
agendapunt: 3
onderwerp: Personeelszaken
vertrouwelijk: true
portefeuillehouder: ${JSON.stringify(M.portefeuillehouder)}
beslispunten:
  - ${JSON.stringify(M.beslispunt)}
procedure: ${JSON.stringify(M.procedure)}
vervolgactie: ${JSON.stringify(M.vervolgactie)}
titel: ${JSON.stringify(M.titel)}
agendatekst: ${JSON.stringify(M.agendatekst)}
contact: { naam: ${JSON.stringify(M.contact)} }
bijlagen:
  - titel: ${JSON.stringify(M.bijlage1)}
    bestand: bijlagen/${M.bijlage1File}
  - titel: ${JSON.stringify(M.inzageTitel)}
    ter_inzage: ${JSON.stringify(M.inzagePlaats)}`,
      `${M.body} (bijlage 1).\n`,
    ),
    [`${DIR}/bijlagen/openbaar.pdf`]: await makePdf({ title: 'Openbare brief', pages: [{ text: 'Openbare brief blad 1' }] }),
    [`${DIR}/bijlagen/${M.bijlage1File}`]: await makePdf({ title: 'x', pages: [{ text: M.bijlage1Text }] }),
    [`${DIR}/bijlagen/${M.losFile}`]: await makePdf({ title: 'y', pages: [{ text: M.losText }] }),
  });
}

describe('public outputs (issue 10, item 1)', () => {
  it('show nothing of a confidential item or bijlage beyond the agenda: PDF, JSON, HTML, file names', async () => {
    const root = await meeting();
    const members = tempDir();
    const r1 = await runMain(['--root', root, 'build', DATE, '-o', path.join(members, 'leden.pdf')]);
    expect(r1.code, r1.stderr).toBe(0);
    const all = await publicText(members);
    // The markers are really there in the members' bundle, so finding none below means something.
    for (const value of [M.portefeuillehouder, M.bijlage1, M.inzagePlaats, M.bijlage1Text, M.losTitel, M.losText, M.losInzagePlaats, M.body]) expect(all, value).toContain(value);

    const out = tempDir();
    const r2 = await runMain(['--root', root, 'build', DATE, '--public', '-o', path.join(out, 'openbaar.pdf')]);
    expect(r2.code, r2.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['openbaar.diwoo.xml', 'openbaar.html', 'openbaar.json', 'openbaar.pdf']);
    const shown = await publicText(out);
    for (const [key, value] of Object.entries(M)) {
      expect(shown, key).not.toContain(value);
      // Also a piece of it, should a value be cut or wrapped.
      expect(shown.toLowerCase(), key).not.toContain(value.toLowerCase().slice(0, 12));
    }
    // What the public agenda does show: the item, its subject, that it is confidential.
    expect(shown).toContain('Personeelszaken');
    expect(shown).toContain('Openbare brief blad 1');
    const index = JSON.parse(readFileSync(path.join(out, 'openbaar.json'), 'utf8')) as { agendapunten: { agendapuntKenmerk: string; weggelaten: boolean; documenten: { label?: string; weggelaten?: boolean }[] }[] };
    expect(index.agendapunten[2]).toMatchObject({ agendapuntKenmerk: '3', weggelaten: true, documenten: [] });
    expect(index.agendapunten[1].documenten.map((d) => [d.label, d.weggelaten ?? false])).toEqual([
      ['Voorstel', false],
      ['Bijlage 1', false],
      ['Bijlage 2', true],
      ['Bijlage 3', true],
    ]);
  });
});
