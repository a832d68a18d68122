// Attachment text as the loader reads it for the public bundle: what the detectors find on each page,
// scans told apart from blank pages, the document's own title and first-page heading, the cache by
// sha256, the text itself only for the body's own patterns, confidential files left unread.

import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeeting, openRepository } from '../../src/load/meeting.js';
import { cacheDirFor } from '../../src/load/text-cache.js';
import { MAX_CACHE_BYTES, pruneTextCache } from '../../src/load/text-cache-prune.js';
import { tempDir } from '../helpers/temp.js';
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
    // Without patterns of the body's own only the summary is cached, not the text itself.
    expect(existsSync(path.join(cacheDir, 'tekst', `${first.sha256}.tekst.json`))).toBe(false);
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

  it('caches the text itself only once patterns need it, reading the file again then', async () => {
    const pdf = await textPdf({ pages: [{ lines: ['Subsidie 12.000 euro.'] }, { lines: ['Nog 331.000 euro.'] }] });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('a.pdf')), 'a.pdf': pdf });
    const cacheDir = path.join(root, 'cache');
    const first = (await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!;
    const summary = path.join(cacheDir, 'tekst', `${first.sha256}.samenvatting.json`);
    const textFile = path.join(cacheDir, 'tekst', `${first.sha256}.tekst.json`);
    expect([existsSync(summary), existsSync(textFile)]).toEqual([true, false]);
    expect(first.text!.pages).toBeUndefined();
    // The body adds a pattern: the summary alone does not do, the file is read again and its text cached.
    await writeFile(path.join(root, 'bundel.yaml'), PATTERNS);
    const second = (await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!.text!;
    expect(second.pages?.[1]).toContain('331.000 euro');
    expect(existsSync(textFile)).toBe(true);
    // From then on the text comes from the cache.
    const cached = JSON.parse(await readFile(textFile, 'utf8'));
    cached.pages[1] = 'uit de cache';
    await writeFile(textFile, JSON.stringify(cached));
    expect((await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!.text!.pages?.[1]).toBe('uit de cache');
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

describe('text cache pruning', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const sha = (n: number): string => n.toString(16).padStart(64, '0');
  const NOW = Date.UTC(2026, 0, 15);

  async function entry(dir: string, n: number, ageDays: number, bytes = 10, parts = ['samenvatting', 'tekst']): Promise<void> {
    for (const part of parts) {
      const file = path.join(dir, `${sha(n)}.${part}.json`);
      await writeFile(file, 'x'.repeat(bytes));
      const t = new Date(NOW - ageDays * DAY);
      await utimes(file, t, t);
    }
  }

  it('removes entries unused for 90 days, old half-written files and junk; keeps recent ones and what it does not own yet', async () => {
    const dir = tempDir();
    await entry(dir, 1, 1);
    await entry(dir, 2, 89);
    await entry(dir, 3, 91);
    await entry(dir, 4, 200, 10, ['samenvatting']);
    await writeFile(path.join(dir, `${sha(5)}.samenvatting.json.123.abc.tmp`), '{"versie":');
    await utimes(path.join(dir, `${sha(5)}.samenvatting.json.123.abc.tmp`), new Date(NOW - 2 * DAY), new Date(NOW - 2 * DAY));
    await writeFile(path.join(dir, 'bezig.tmp'), '');
    await utimes(path.join(dir, 'bezig.tmp'), new Date(NOW - 1000), new Date(NOW - 1000));
    expect(await pruneTextCache(dir, NOW)).toEqual(
      [`${sha(3)}.samenvatting.json`, `${sha(3)}.tekst.json`, `${sha(4)}.samenvatting.json`, `${sha(5)}.samenvatting.json.123.abc.tmp`].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual(['.opgeruimd', 'bezig.tmp', `${sha(1)}.samenvatting.json`, `${sha(1)}.tekst.json`, `${sha(2)}.samenvatting.json`, `${sha(2)}.tekst.json`].sort());
    // Once a day at most.
    await entry(dir, 6, 300);
    expect(await pruneTextCache(dir, NOW + 1000)).toEqual([]);
    // A day later entry 2 has passed 90 days as well, and the file being written then is stale.
    expect(await pruneTextCache(dir, NOW + DAY + 1000)).toEqual(
      ['bezig.tmp', `${sha(2)}.samenvatting.json`, `${sha(2)}.tekst.json`, `${sha(6)}.samenvatting.json`, `${sha(6)}.tekst.json`].sort(),
    );
  });

  it('caps the folder at its size, least recently used first, and never throws', async () => {
    const dir = tempDir();
    expect(MAX_CACHE_BYTES).toBe(256 * 1024 * 1024);
    await entry(dir, 1, 3, 1000);
    await entry(dir, 2, 1, 1000);
    await entry(dir, 3, 2, 1000);
    expect(await pruneTextCache(dir, NOW, { maxBytes: 5000 })).toEqual([`${sha(1)}.samenvatting.json`, `${sha(1)}.tekst.json`]);
    expect(await pruneTextCache(path.join(dir, 'bestaat-niet'), NOW, { force: true })).toEqual([]);
  });

  it('a folder made by this run counts as pruned without a look at its files', async () => {
    const dir = tempDir();
    await entry(dir, 1, 200);
    // Told it is fresh, it only writes the marker; a day later it prunes as ever.
    expect(await pruneTextCache(dir, NOW, { fresh: true })).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['.opgeruimd', `${sha(1)}.samenvatting.json`, `${sha(1)}.tekst.json`].sort());
    expect(await pruneTextCache(dir, NOW + 1000)).toEqual([]);
    expect(await pruneTextCache(dir, NOW + DAY + 1000)).toEqual([`${sha(1)}.samenvatting.json`, `${sha(1)}.tekst.json`]);
  });

  it('with deferText the texts are there before the text thread has ended; textsDone waits for that and the marker', async () => {
    const pdf = await textPdf({ title: 'Notitie', pages: [{ lines: ['Mail p.devries@gmail.com.'] }] });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('a.pdf')), 'a.pdf': pdf });
    const cacheDir = path.join(root, '.bundel-cache');
    const { config } = await openRepository(root);
    const { meeting, textsRead, textsDone } = await loadMeeting(config, dir, { text: { cacheDir }, deferText: true });
    await textsRead;
    const facts = meeting.items[0].bijlagen[0].facts!;
    expect(facts.text!.matches.map((m) => m.masked)).toEqual(['p••••••••@gmail.com']);
    await textsDone;
    // The first lint made the text folder: its entry written, the folder marked as pruned.
    expect(readdirSync(path.join(cacheDir, 'tekst')).sort()).toEqual(['.opgeruimd', `${facts.sha256}.samenvatting.json`]);
  });

  it('a lint refreshes what it reads from the cache and prunes the rest; a corrupt entry is read again and replaced', async () => {
    const pdf = await textPdf({ title: 'Notitie', pages: [{ lines: ['Mail p.devries@gmail.com.'] }] });
    const { root, dir } = await makeMeeting({ '02-a.md': md(VOORSTEL + bijlagen('a.pdf')), 'a.pdf': pdf });
    const cacheDir = path.join(root, '.bundel-cache');
    const first = (await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!;
    const folder = path.join(cacheDir, 'tekst');
    const summary = path.join(folder, `${first.sha256}.samenvatting.json`);
    const old = new Date(Date.now() - 100 * DAY);
    await utimes(summary, old, old);
    await utimes(path.join(folder, '.opgeruimd'), old, old);
    await entry(folder, 7, 120);
    await load(root, dir, cacheDir);
    expect(Date.now() - (await stat(summary)).mtimeMs).toBeLessThan(DAY);
    expect(existsSync(path.join(folder, `${sha(7)}.samenvatting.json`))).toBe(false);
    await writeFile(summary, '\u0000garbage');
    expect((await load(root, dir, cacheDir)).items[0].bijlagen[0].facts!.text!.matches.map((m) => m.masked)).toEqual(['p••••••••@gmail.com']);
    expect(JSON.parse(await readFile(summary, 'utf8')).sha256).toBe(first.sha256);
  });
});
