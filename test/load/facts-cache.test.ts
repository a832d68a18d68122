// Issue 18: lint keeps what it learnt about each attachment PDF by sha256 in `<cache>/feiten/`, and a
// later lint of the same bytes takes it from there. Real files: the reference meeting and PDFs made
// with pdf-lib; the entries read back are checked against a load without the cache.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCachedFacts, writeCachedFacts } from '../../src/load/facts-cache.js';
import { loadConfig } from '../../src/load/config.js';
import { loadMeeting } from '../../src/load/meeting.js';
import type { PdfFacts } from '../../src/model/pdf-facts.js';
import { makePdf } from '../helpers/make-pdf.js';
import { copyFixture, item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

async function oneAttachment(pdf: Uint8Array): Promise<{ root: string; sha256: string }> {
  const root = writeRepo({
    'bundel.yaml': 'organisatie: Proef\n',
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/bijlagen/nota.pdf`]: pdf,
    [`${DIR}/01-nota.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Nota\nbijlagen:\n  - titel: Nota\n    bestand: bijlagen/nota.pdf`, 'Tekst.\n'),
  });
  return { root, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/** The attachments' facts (with their text) as lint loads them; `textCacheDir` defaults to `cacheDir`. */
async function factsOf(root: string, cacheDir?: string, textCacheDir = cacheDir): Promise<PdfFacts[]> {
  const { config } = await loadConfig(root);
  const { meeting } = await loadMeeting(config, path.join(root, DIR), { text: { cacheDir: textCacheDir }, factsCacheDir: cacheDir });
  return meeting.items.flatMap((i) => i.bijlagen.flatMap((b) => (b.facts ? [b.facts] : [])));
}

describe('facts cache (issue 18)', () => {
  it('gives the reference meeting the same facts, titles and scans from the cache as without it', async () => {
    const root = copyFixture('reference');
    const cacheDir = tempDir();
    // The text cache filled first, so only the facts differ in where they come from.
    const without = await factsOf(root, undefined, cacheDir);
    const filled = await factsOf(root, cacheDir);
    expect(readdirSync(path.join(cacheDir, 'feiten')).length).toBeGreaterThan(3);
    const fromCache = await factsOf(root, cacheDir);
    expect(filled).toEqual(without);
    expect(fromCache).toEqual(without);
    expect(without.some((f) => f.text?.title !== undefined)).toBe(true);
  });

  it('uses a valid entry instead of reading the PDF', async () => {
    const { root, sha256 } = await oneAttachment(await makePdf({ title: 'Nota', pages: [{ text: 'een' }, { text: 'twee' }] }));
    const cacheDir = tempDir();
    expect((await factsOf(root, cacheDir))[0].pageCount).toBe(2);
    const entry = (await readCachedFacts(cacheDir, sha256))!;
    expect(entry.facts.pageCount).toBe(2);
    // An entry this bundel wrote is trusted: the file is not read again.
    await writeCachedFacts(cacheDir, sha256, { ...entry, facts: { ...entry.facts, pageCount: 7 } });
    expect((await factsOf(root, cacheDir))[0].pageCount).toBe(7);
  });

  it('ignores a damaged, foreign or malformed entry and writes a good one in its place', async () => {
    const { root, sha256 } = await oneAttachment(await makePdf({ title: 'Nota', pages: [{ text: 'een' }, { text: 'twee' }, { text: 'drie' }] }));
    const cacheDir = tempDir();
    await factsOf(root, cacheDir);
    const file = path.join(cacheDir, 'feiten', `${sha256}.json`);
    const good = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const bad: (string | Record<string, unknown>)[] = [
      '{"formaat":1,"bundel":', // cut off
      'null',
      { ...good, formaat: 99, facts: { ...(good.facts as object), pageCount: 9 } },
      { ...good, bundel: '0.0.1', facts: { ...(good.facts as object), pageCount: 9 } },
      { ...good, sha256: '0'.repeat(64), facts: { ...(good.facts as object), pageCount: 9 } },
      { ...good, facts: { ...(good.facts as object), pageCount: '9' } },
      { ...good, facts: { ...(good.facts as object), warnings: [{ code: 1 }] } },
      { ...good, facts: { ...(good.facts as object), encryption: 'geen' } },
    ];
    for (const content of bad) {
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      expect(await readCachedFacts(cacheDir, sha256)).toBeUndefined();
      const [facts] = await factsOf(root, cacheDir);
      expect(facts.pageCount).toBe(3);
      expect(facts.problem).toBeUndefined();
      // Read from the PDF again and kept.
      expect((await readCachedFacts(cacheDir, sha256))?.facts.pageCount).toBe(3);
    }
  });

  it('keeps no answer for a file that cannot go into a bundle', async () => {
    const { root } = await oneAttachment(new TextEncoder().encode('%PDF-1.7\nnot really a PDF\n'));
    const cacheDir = tempDir();
    const [facts] = await factsOf(root, cacheDir);
    expect(facts.problem).toBeDefined();
    expect(existsSync(path.join(cacheDir, 'feiten'))).toBe(false);
  });
});
