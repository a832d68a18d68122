// Attachment text as the loader reads it for the public bundle: what the detectors find on each page,
// scans told apart from blank pages, the document's own title and first-page heading, the cache by
// sha256, the text itself only for the body's own patterns, confidential files left unread.

import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeeting, openRepository } from '../../src/load/meeting.js';
import { cacheDirFor } from '../../src/load/text-cache.js';
import { textPdf } from '../helpers/text-pdf.js';
import { makeMeeting, md, VOORSTEL } from '../validate/helpers.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../fixtures/reference');

async function load(root: string, dir: string, cacheDir?: string) {
  const { config } = await openRepository(root);
  return (await loadMeeting(config, dir, { text: { cacheDir } })).meeting;
}

const bijlagen = (...names: string[]): string => `bijlagen:\n${names.map((n, i) => `  - titel: Stuk ${i + 1}\n    bestand: ${n}\n`).join('')}`;
const PATTERNS = "privacy:\n  patronen:\n    - naam: bedrag\n      patroon: '\\d+\\.000 euro'\n";

describe('attachment text', () => {
  it('reads every page of the reference meeting, with the document title and the first page heading', async () => {
    const { config } = await openRepository(REFERENCE);
    const { meeting } = await loadMeeting(config, path.join(REFERENCE, 'vergaderingen/2025-03-05'), { text: {} });
    const all = meeting.items.flatMap((i) => i.bijlagen).filter((b) => b.facts);
    expect(all.length).toBeGreaterThan(10);
    for (const b of all) {
      const text = b.facts!.text!;
      expect(text.problem, b.bestand).toBeUndefined();
      expect(text.pageCount, b.bestand).toBe(b.facts!.pageCount);
      expect(text.scans, b.bestand).toEqual([]);
      expect(text.title, b.bestand).toBeTruthy();
      expect(text.pages, 'the text itself is not kept without patterns').toBeUndefined();
    }
    const memo = all.find((b) => b.bestand === 'bijlagen/memo-update-besparingen.pdf')!.facts!.text!;
    expect(memo.title).toBe('Memo update besparingen');
    expect(memo.heading).toMatch(/besparingen/i);
    // The only personal data in the reference attachments: a ministry contact's work address.
    expect(all.flatMap((b) => b.facts!.text!.matches).map((m) => `${m.kind} ${m.masked} p${m.page}`)).toEqual(['email S••••••••••@minbzk.nl p1']);
  });

  it('finds the same with the fast reader as with pdfjs alone: findings, headings, scans, on every fixture meeting', { timeout: 240_000 }, async () => {
    const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
    const meetings = [
      ['reference', 'vergaderingen/2025-03-05'],
      ['toegankelijk', 'vergaderingen/2025-06-11'],
      ...readdirSync(path.join(FIXTURES, 'lint')).map((name) => [`lint/${name}`, 'vergaderingen/2025-03-05']),
    ].filter(([root, dir]) => existsSync(path.join(FIXTURES, root, dir)));
    let compared = 0;
    for (const [root, dir] of meetings) {
      const { config } = await openRepository(path.join(FIXTURES, root));
      const texts = async (pdfjsOnly: boolean) => {
        const { meeting } = await loadMeeting(config, path.join(FIXTURES, root, dir), { text: { pdfjsOnly } });
        return meeting.items.flatMap((i) => i.bijlagen.map((b) => [b.bestand, b.facts?.text]));
      };
      const fast = await texts(false);
      expect(fast, root).toEqual(await texts(true));
      compared += fast.filter(([, t]) => t !== undefined).length;
    }
    expect(compared).toBeGreaterThan(15);
  });

  it('keeps the text of the pages when the body has patterns of its own', async () => {
    const pdf = await textPdf({ title: 'Memo', pages: [{ lines: ['Inleiding'] }, { lines: ['De opgave is om 331.000 euro te besparen.'] }] });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('a.pdf')), 'a.pdf': pdf }, { bundel: PATTERNS });
    const text = (await load(root, dir)).items[0].bijlagen[0].facts!.text!;
    expect(text.pages?.[1]).toContain('331.000 euro');
  });

  it('tells scanned pages from blank ones, and reads the largest text of page 1', async () => {
    const pdf = await textPdf({
      pages: [{ lines: [{ text: 'Kleine kop', size: 10 }, { text: 'De grote titel', size: 24 }, 'Gewone tekst.'] }, { scan: true }, { blank: true }, { lines: ['Bel 06-12345678.'] }, { scan: true }],
    });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('scan.pdf')), 'scan.pdf': pdf });
    const text = (await load(root, dir)).items[0].bijlagen[0].facts!.text!;
    expect(text.scans).toEqual([2, 5]);
    expect(text.heading).toBe('De grote titel');
    expect(text.title).toBeUndefined();
    expect(text.matches).toEqual([{ kind: 'telefoon', page: 4, text: '06-12345678', normalized: '+31612345678', masked: '06••••••78' }]);
  });

  it('ignores titles that word processors fill in', async () => {
    const pdf = await textPdf({ title: 'Microsoft Word - memo_v3.docx', pages: [{ lines: ['Memo'] }] });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('a.pdf')), 'a.pdf': pdf });
    expect((await load(root, dir)).items[0].bijlagen[0].facts!.text!.title).toBeUndefined();
  });

  it('caches by sha256: an unchanged file is not read again', async () => {
    const pdf = await textPdf({ title: 'Notitie', pages: [{ lines: ['Mail p.devries@gmail.com.'] }] });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('a.pdf')), 'a.pdf': pdf });
    const { config } = await openRepository(root);
    const cacheDir = cacheDirFor(config, {})!;
    expect(cacheDir).toBe(path.join(root, '.bundel-cache'));
    const first = (await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!;
    expect(first.text!.matches.map((m) => m.masked)).toEqual(['p••••••••@gmail.com']);
    const file = path.join(cacheDir, 'tekst', `${first.sha256}.samenvatting.json`);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(path.join(cacheDir, 'tekst', `${first.sha256}.tekst.json`))).toBe(true);
    expect(await readFile(path.join(cacheDir, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    // What the cache says is what the next run sees: the file is not read again.
    const cached = JSON.parse(await readFile(file, 'utf8'));
    cached.matches[0].masked = 'uit de cache';
    await writeFile(file, JSON.stringify(cached));
    expect((await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!.text!.matches[0].masked).toBe('uit de cache');
    // A damaged cache file is read again from the PDF.
    await writeFile(file, '{"versie":');
    expect((await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!.text!.matches[0].masked).toBe('p••••••••@gmail.com');
  });

  it('reads no text of confidential items and attachments, nor without being asked', async () => {
    const pdf = await textPdf({ pages: [{ lines: ['Geheim.'] }] });
    const { root, dir } = await makeMeeting({
      '02-a.md': md(`${VOORSTEL}vertrouwelijk: true\n${bijlagen('a.pdf')}`),
      '03-b.md': md(`${VOORSTEL.replace('agendapunt: 2', 'agendapunt: 3')}bijlagen:\n  - titel: B\n    bestand: b.pdf\n    vertrouwelijk: true\n`),
      'a.pdf': pdf,
      'b.pdf': await textPdf({ pages: [{ lines: ['Ook geheim.'] }] }),
    });
    const cacheDir = path.join(root, 'cache');
    const meeting = await load(root, dir, cacheDir);
    for (const item of meeting.items) expect(item.bijlagen[0].facts!.text).toBeUndefined();
    expect(existsSync(cacheDir)).toBe(false);
    const { config } = await openRepository(root);
    const plain = (await loadMeeting(config, dir)).meeting;
    expect(plain.items.every((i) => i.bijlagen.every((b) => b.facts!.text === undefined))).toBe(true);
  });

  it('shares the folder of the conversion cache (`cachemap`); BUNDEL_CACHE moves or switches it off', () => {
    expect(cacheDirFor({ root: '/repo', cachemap: undefined }, {})).toBe('/repo/.bundel-cache');
    expect(cacheDirFor({ root: '/repo', cachemap: 'tmp/cache' }, {})).toBe('/repo/tmp/cache');
    expect(cacheDirFor({ root: '/repo', cachemap: undefined }, { BUNDEL_CACHE: 'uit' })).toBeUndefined();
    expect(cacheDirFor({ root: '/repo', cachemap: undefined }, { BUNDEL_CACHE: '/tmp/elders' })).toBe('/tmp/elders');
  });
});
