// Sent versions and "nagezonden stukken" on a copy of the reference meeting, through the CLI:
// record version 1; change one attachment, add an item with a bijlage, remove a bijlage; the
// supplement holds exactly those documents, its cover lists them with the pages of version 1 they
// replace; recording version 2 and asking again gives nothing; the full bundle marks the late ones.

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import type { SentVersion } from '../../src/model/sent.js';
import { readBundleOutline } from '../helpers/bundle-checks.js';
import { runMain } from '../helpers/cli.js';
import { portrait } from '../helpers/make-pdf.js';
import { readPages, type PageText } from '../helpers/pdf-text.js';
import { copyFixture } from '../helpers/repo.js';

const DATE = '2025-03-05';
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const pageText = (p: PageText): string => squash(p.runs.map((r) => r.str).join(' '));
const json = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('bundel verzonden and build --nagezonden on the reference meeting', () => {
  let root: string;
  let meetingDir: string;
  let v1: SentVersion;
  let supplementFile: string;
  let pages: PageText[];
  let index: BundleIndex;
  let buildOut: string;

  beforeAll(async () => {
    root = copyFixture('reference');
    meetingDir = path.join(root, 'vergaderingen', DATE);
    // Recorded without building first: bundel says the PDF is not there and records the sources' state.
    const recorded = await runMain(['--root', root, 'verzonden', DATE, '--op', '2025-02-20']);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stderr).toMatch(/Let op: .*Bundel Algemeen Bestuur 2025-03-05\.pdf bestaat niet/);
    v1 = json<SentVersion>(path.join(meetingDir, 'verzonden', '1.json'));

    // 1. A corrected attachment (item 4), 2. a new item 5a with a bijlage, 3. item 5 loses bijlage 2.
    writeFileSync(path.join(meetingDir, 'bijlagen', 'memo-update-besparingen.pdf'), await portrait('Gecorrigeerde memo besparingen', 2));
    writeFileSync(path.join(meetingDir, 'bijlagen', 'zonnepanelen.pdf'), await portrait('Notitie zonnepanelen regio', 3));
    writeFileSync(
      path.join(meetingDir, '05a-zonnepanelen.md'),
      '---\nvergadering: 2025-03-05\nagendapunt: 5a\nonderwerp: Zonnepanelen op daken\nsoort: voorstel\nportefeuillehouder: De heer M. Boumans\nbeslispunten:\n  - Kennis te nemen van de notitie.\nbijlagen:\n  - titel: Notitie zonnepanelen\n    bestand: bijlagen/zonnepanelen.pdf\n---\nDe notitie (bijlage 1) beschrijft de mogelijkheden.\n',
    );
    const item5 = path.join(meetingDir, '05-lichte-evaluatie.md');
    writeFileSync(item5, readFileSync(item5, 'utf8').replace('  - titel: Actiepunten\n    bestand: bijlagen/actiepunten-evaluatie.pdf\n', '').replace(/ \(bijlage 2\)/g, ''));

    const r = await runMain(['--root', root, 'build', DATE, '--nagezonden']);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code, r.stderr).toBe(0);
    buildOut = r.stdout;
    supplementFile = path.join(meetingDir, 'Bundel Algemeen Bestuur 2025-03-05 nagezonden 2.pdf');
    pages = await readPages(readFileSync(supplementFile));
    index = json<BundleIndex>(supplementFile.replace(/\.pdf$/, '.json'));
    // Three builds of the reference meeting (members, public, supplement): long on a busy machine.
  }, 600_000);

  it('records version 1 with every printed document, its hash and its pages, for members and public', () => {
    expect(v1).toMatchObject({ formaat: 'bundel-verzonden/1', versie: 1, vergadering: DATE, verzonden: '2025-02-20' });
    const memo4 = v1.documenten.find((d) => d.sleutel === '4/bijlage/1')!;
    expect(memo4.bronbestand).toBe('vergaderingen/2025-03-05/bijlagen/memo-update-besparingen.pdf');
    expect(memo4.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(memo4.leden.paginas).toBe(`${memo4.leden.eerstePagina}–${memo4.leden.laatstePagina}`);
    expect(memo4.openbaar?.bestand).toBe('Bundel Algemeen Bestuur 2025-03-05 (openbaar).pdf');
    // Every voorstel and every attachment with a file: 5 memos, 12 bijlagen/stukken.
    expect(v1.documenten.filter((d) => d.soort === 'voorstel').map((d) => d.agendapunt)).toEqual(['2', '3', '4', '5']);
  });

  it('builds a supplement of exactly the new and changed documents, checked by their text', () => {
    expect(buildOut).toMatch(/Nagezonden stukken gemaakt: .*nagezonden 2\.pdf \(versie 2: 4 stukken, 1 ingetrokken/);
    const printed = index.nagezonden!.stukken.filter((s) => s.paginas);
    expect(printed.map((s) => `${s.agendapunt} ${s.label} ${s.reden}`)).toEqual(['4 Bijlage 1 gewijzigd', '5 Voorstel gewijzigd', '5a Voorstel nieuw-agendapunt', '5a Bijlage 1 nieuw-agendapunt']);
    const body = pages.slice(1).map(pageText).join(' ');
    expect(body).toContain('Gecorrigeerde memo besparingen blad 2');
    expect(body).toContain('Notitie zonnepanelen regio blad 3');
    expect(body).toContain('Zonnepanelen op daken');
    expect(body).toContain('Lichte Evaluatie');
    // Nothing else: no other attachment's text, no other memo.
    expect(body).not.toMatch(/Kamerbrief|Verslag|Lobby|Actiepunten Achterhoek/);
    // Cover + memo 5 + memo 5a + 2 + 3 pages of attachments.
    const memoPages = printed.filter((s) => s.label === 'Voorstel').reduce((n, s) => n + s.laatstePagina! - s.eerstePagina! + 1, 0);
    expect(pages.length).toBe(1 + memoPages + 2 + 3);
  });

  it('lists every change on its cover with the pages of version 1 it replaces', () => {
    const cover = pageText(pages[0]);
    expect(cover).toContain('Nagezonden stukken');
    expect(cover).toContain('Bij de vergadering van 5 maart 2025 · versie 2');
    const was = (key: string): string => {
      const p = v1.documenten.find((d) => d.sleutel === key)!.leden.paginas;
      return `${p.includes('–') ? "pagina's" : 'pagina'} ${p}`;
    };
    expect(cover).toContain(`gewijzigd — vervangt ${was('4/bijlage/1')} van de bundel`);
    expect(cover).toContain(`gewijzigd — vervangt ${was('5/voorstel')} van de bundel`);
    expect(cover).toContain(`ingetrokken — ${was('5/bijlage/2')} van de bundel vervalt`);
    expect(cover).toContain('nieuw agendapunt');
    // Each printed document's first page as printed on the cover: "2-n".
    for (const s of index.nagezonden!.stukken.filter((x) => x.paginas)) expect(cover).toContain(`2-${s.eerstePagina}`);
  });

  it('numbers its pages 2-1 … 2-n, upright at the bottom, and bookmarks them', async () => {
    pages.forEach((p, i) => {
      const stamp = p.runs.find((r) => r.str.includes(`pagina 2-${i + 1} van 2-${pages.length}`));
      expect(stamp?.str, `page ${i + 1}`).toContain('nagezonden 2');
      expect(stamp!.angle).toBe(0);
      expect(stamp!.y).toBeGreaterThan(p.height * 0.9);
    });
    const outline = readBundleOutline(await PDFDocument.load(readFileSync(supplementFile)));
    expect(outline.map((o) => o.title)).toEqual(['Nagezonden stukken', '4 Update besparingen', '5 Lichte Evaluatie', '5a Zonnepanelen op daken']);
  });

  it('writes nothing when nothing changed since the recorded version 2', async () => {
    const r2 = await runMain(['--root', root, 'verzonden', DATE, '--op', '2025-02-27']);
    expect(r2.code, r2.stderr).toBe(0);
    const v2 = json<SentVersion>(path.join(meetingDir, 'verzonden', '2.json'));
    expect(v2.versie).toBe(2);
    expect(v2.documenten.find((d) => d.sleutel === '5a/bijlage/1')!.leden).toMatchObject({ versie: 2, bestand: path.basename(supplementFile) });
    // Unchanged documents keep their place in the bundle.
    expect(v2.documenten.find((d) => d.sleutel === '2/bijlage/1')!.leden).toEqual(v1.documenten.find((d) => d.sleutel === '2/bijlage/1')!.leden);
    expect(v2.documenten.some((d) => d.sleutel === '5/bijlage/2')).toBe(false);

    rmSync(supplementFile);
    const before = readdirSync(meetingDir).sort();
    const again = await runMain(['--root', root, 'build', DATE, '--nagezonden']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Niets na te zenden: sinds versie 2 (verzonden op 27 februari 2025)');
    expect(readdirSync(meetingDir).sort()).toEqual(before);
    expect(existsSync(path.join(meetingDir, 'verzonden', '3.json'))).toBe(false);
    const record = await runMain(['--root', root, 'verzonden', DATE]);
    expect(record.stdout).toContain('Er is niets vastgelegd');
    expect(existsSync(path.join(meetingDir, 'verzonden', '3.json'))).toBe(false);

    // The full bundle after sending: the late documents marked on its agenda, with the date.
    const full = await runMain(['--root', root, 'build', DATE]);
    expect(full.code, full.stderr).toBe(0);
    const fullPdf = path.join(meetingDir, 'Bundel Algemeen Bestuur 2025-03-05.pdf');
    const agenda = (await readPages(readFileSync(fullPdf))).slice(0, 3).map(pageText).join(' ');
    expect(agenda.match(/nagezonden op 27 februari 2025/g)?.length).toBe(4);
    const fullIndex = json<BundleIndex>(fullPdf.replace(/\.pdf$/, '.json'));
    expect(fullIndex.bundel.verzonden).toEqual({ versie: 2, datum: '2025-02-27' });
    const late = fullIndex.agendapunten.flatMap((a) => a.documenten.filter((d) => d.nagezonden).map((d) => `${a.agendapuntKenmerk} ${d.label}`));
    expect(late).toEqual(['4 Bijlage 1', '5 Voorstel', '5a Voorstel', '5a Bijlage 1']);
  }, 600_000);
});
