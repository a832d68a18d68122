// The text reader's job takes its pages from the loader's walk of the page tree (kept with the
// content, content-pack.ts) instead of walking the tree again. What the loader did to the pages after
// its walk (a missing MediaBox set, a deep tree flattened, a form flattened into the page, a page
// listed twice copied) must count as it does for a fresh walk: the job is the same either way.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareTextJob } from '../../src/pdf/fast-text/extract.js';
import { inspectPdfBytes } from '../../src/pdf/inspect.js';
import { CORPUS } from '../helpers/corpus.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../fixtures/reference/vergaderingen/2025-03-05/bijlagen');

/** The job as plain data: bytes (a Buffer or not) as hex, maps as pairs, without the list of buffers. */
function plain(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  if (v instanceof Map) return [...v].map(plain);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'buffers').map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Files whose job is compared, and how many of them had pages kept by the loader. */
async function compare(files: string[]): Promise<{ compared: number; names: string[] }> {
  const names: string[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const inspected = await inspectPdfBytes(bytes, path.basename(file), { keepContent: true });
    if (!inspected.doc || !inspected.content) continue;
    expect(inspected.content.pages?.length, file).toBe(inspected.doc.getPageCount());
    // A fresh walk first: it decodes what it needs itself and leaves the loader's pack alone.
    const fresh = prepareTextJob(inspected.doc, bytes.length);
    const reused = prepareTextJob(inspected.doc, bytes.length, inspected.content);
    expect(reused.ok, file).toBe(fresh.ok);
    if (!fresh.ok || !reused.ok) continue;
    expect(plain(reused.job), file).toEqual(plain(fresh.job));
    names.push(path.basename(file));
  }
  return { compared: names.length, names };
}

describe('the page walk the loader kept', () => {
  it('gives the same job as walking the tree again (the bad-PDF corpus: repaired boxes, deep and looping trees, forms)', { timeout: 60_000 }, async () => {
    const dir = path.join(CORPUS, 'pdf');
    const { names } = await compare(readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f)));
    // The files where the loader changes the pages after its walk are among those compared.
    for (const f of ['missing-mediabox.pdf', 'missing-mediabox-with-cropbox.pdf', 'inverted-box.pdf', 'page-tree-deep.pdf', 'page-listed-twice.pdf', 'acroform-filled.pdf', 'inherited-mediabox-rotate.pdf']) {
      expect(names).toContain(f);
    }
  });

  it('gives the same job as walking the tree again (reference meeting)', { timeout: 60_000 }, async () => {
    const files = readdirSync(BIJLAGEN).filter((f) => f.endsWith('.pdf'));
    const { compared } = await compare(files.map((f) => path.join(BIJLAGEN, f)));
    expect(compared).toBe(files.length);
  });
});
