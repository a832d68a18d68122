// Issue 11: how the secretariat writes memos and the agenda — a free-form memo (`soort: memo`), the
// memo's own title, an agenda text apart from the beslispunten, line breaks as typed, ja/nee — built
// from real files and read back from the PDF, the outline, the index and the web page.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import { readBundleOutline } from '../helpers/bundle-checks.js';
import { runMain } from '../helpers/cli.js';
import { makePdf } from '../helpers/make-pdf.js';
import { readPages } from '../helpers/pdf-text.js';
import { item, writeRepo } from '../helpers/repo.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

async function repo(): Promise<string> {
  return writeRepo({
    'bundel.yaml': 'organisatie: 8RHK ambassadeurs\n',
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/bijlagen/notitie.pdf`]: await makePdf({ title: 'Notitie', pages: [{ text: 'Notitie' }] }),
    [`${DIR}/02-lobby.md`]: item(
      `vergadering: ${DATE}
agendapunt: 1
onderwerp: Lobby
titel: memo lobby 5 maart
agendatekst: Kennisnemen van de lobby gerelateerde zaken.
portefeuillehouder: De heer J. Bengevoord
beslispunten: Kennisnemen van onderstaande lobby gerelateerde zaken.
contact: { naam: Joram van Donk }
vertrouwelijk: nee`,
      '**Advies:**\nDe stuurgroep de opdracht te geven.\n',
    ),
    [`${DIR}/03-npvr.md`]: item(
      `vergadering: ${DATE}
agendapunt: 2
onderwerp: Procesvoorstel NPVR
soort: memo
titel: Memo AB Proces NPVR
van: Joram van Donk
beslispunten:
  - Kennisnemen van processtappen.
  - Een programmamanager aan te stellen.
bijlagen:
  - titel: Notitie procesmiddelen
    bestand: bijlagen/notitie.pdf`,
      'Samenvattende conclusie van de Board.\n',
    ),
  });
}

describe('memos and agenda as the secretariat writes them', () => {
  it('builds a free-form memo, own titles, agenda texts and typed line breaks; lint is clean', async () => {
    const root = await repo();
    const lint = await runMain(['--root', root, 'lint', '--formaat', 'json', DATE]);
    // Its stand-in attachments have no tags (bijlage-niet-toegankelijk); nothing else may be found.
    expect((JSON.parse(lint.stdout) as { rule: string }[]).filter((d) => d.rule !== 'bijlage-niet-toegankelijk')).toEqual([]);

    const out = path.join(root, 'uit', 'b.pdf');
    const r = await runMain(['--root', root, 'build', DATE, '--uitvoer', out]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    const pages = await readPages(pdf);
    const index = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.json'), 'utf8')) as BundleIndex;

    // The agenda: the agenda's own text under item 2 (not its beslispunt), the memos by their titles.
    const agenda = pages[0].text;
    expect(agenda).toContain('Kennisnemen van de lobby gerelateerde zaken.');
    expect(agenda).not.toContain('onderstaande');
    expect(agenda).toContain('memo lobby 5 maart');
    expect(agenda).toContain('Memo AB Proces NPVR');

    // Item 3's memo, as the seed's: heading, t.b.v. (default: orgaan and date), Van, Beslispunten, Toelichting.
    const memo = pages.find((p) => p.text.includes('Van:'))!;
    const order = ['Procesvoorstel NPVR', 't.b.v.', 'Algemeen Bestuur 5 maart 2025', 'Van:', 'Joram van Donk', 'Beslispunten:', '1.', 'Kennisnemen van processtappen.', 'Toelichting', 'Samenvattende conclusie', 'Bijlagen:', 'Bijlage 1:', 'Notitie procesmiddelen'];
    let at = -1;
    for (const piece of order) {
      const next = memo.text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
    // No house-form closing block on a free memo.
    expect(memo.text).not.toContain('Consequenties');

    // Item 2's house form: "Advies:" on a line of its own; the Bijlagen block with both headings and "–".
    const voorstel = pages.find((p) => p.text.includes('Portefeuillehouder'))!;
    const advies = voorstel.runs.find((r) => r.str.startsWith('Advies:'))!;
    const next = voorstel.runs.find((r) => r.str.startsWith('De stuurgroep'))!;
    expect(Math.abs(next.y - advies.y)).toBeGreaterThan(5);
    expect(Math.abs(next.x - advies.x)).toBeLessThan(1);
    expect(voorstel.text).toMatch(/Meegezonden:\s*–/);
    expect(voorstel.text).toMatch(/Ter inzage:\s*–/);

    // Outline and index name the memos by their own titles; the index keeps the agenda text.
    const outline = readBundleOutline(await PDFDocument.load(pdf));
    const titles = JSON.stringify(outline);
    expect(titles).toContain('memo lobby 5 maart');
    expect(titles).toContain('Memo AB Proces NPVR');
    expect(index.agendapunten[0].agendatekst).toBe('Kennisnemen van de lobby gerelateerde zaken.');
    expect(index.agendapunten[0].documenten[0]).toMatchObject({ titel: 'memo lobby 5 maart', label: 'Voorstel' });
    expect(index.agendapunten[1]).toMatchObject({ soort: 'memo', documenten: [{ titel: 'Memo AB Proces NPVR', label: 'Memo' }, { label: 'Bijlage 1' }] });

    // The web page says what the PDF agenda says.
    const html = readFileSync(out.replace(/\.pdf$/, '.html'), 'utf8');
    expect(html).toContain('Kennisnemen van de lobby gerelateerde zaken.');
    expect(html).not.toContain('onderstaande');
    expect(html).toContain('memo lobby 5 maart');
  });

  it('shows "(mondeling)" and the agenda text of a mondeling item on the web page', async () => {
    const root = writeRepo({
      [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
      [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`, 'H. de Vries is verhinderd.\n\n- 14 maart\n- 19 maart\n'),
    });
    const out = path.join(root, 'uit', 'b.pdf');
    expect((await runMain(['--root', root, 'build', DATE, '-o', out])).code).toBe(0);
    const html = readFileSync(out.replace(/\.pdf$/, '.html'), 'utf8');
    expect(html).toContain('(mondeling)');
    expect(html).toContain('<p class="tekst">H. de Vries is verhinderd.</p>');
    expect(html).toContain('<li>14 maart</li>');
  });

  it('accepts ja/nee/waar/onwaar for yes/no fields and reports anything else at its value', async () => {
    const base = `vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Verslag\nsoort: stukken\nbijlagen:\n  - titel: Verslag\n    ter_inzage: Secretariaat`;
    const root = writeRepo({
      [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
      [`${DIR}/01-ja.md`]: item(`${base}\nvertrouwelijk: ja`),
      [`${DIR}/02-waar.md`]: item(`${base.replace('agendapunt: 1', 'agendapunt: 2')}\nvertrouwelijk: Onwaar`),
      [`${DIR}/03-misschien.md`]: item(`${base.replace('agendapunt: 1', 'agendapunt: 3')}\nvertrouwelijk: misschien`),
    });
    const r = await runMain(['--root', root, 'lint', '--formaat', 'json', DATE]);
    const found = (JSON.parse(r.stdout) as { file: string; rule: string; line: number; column: number }[]).map((d) => `${path.basename(d.file)} ${d.rule} ${d.line}:${d.column}`);
    expect(found).toEqual(['03-misschien.md schema 9:16']);

    // `ja` makes the item confidential: the public build leaves it out; `Onwaar` does not.
    rmSync(path.join(root, DIR, '03-misschien.md'));
    const out = path.join(root, 'uit', 'b.pdf');
    expect((await runMain(['--root', root, 'build', DATE, '--openbaar', '-o', out])).code).toBe(0);
    const index = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.json'), 'utf8')) as BundleIndex;
    expect(index.agendapunten.map((a) => a.weggelaten)).toEqual([true, false]);
  });
});
