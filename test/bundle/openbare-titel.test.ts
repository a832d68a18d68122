// Issue 11: `openbare_titel` of a confidential item (and of a confidential bijlage) is what everything
// public shows instead of the onderwerp (or "Vertrouwelijk stuk"): the public PDF (agenda, placeholder
// page, bookmarks, structure), the JSON and HTML index and the DiWoo metadata. The members' bundle
// keeps the real titles.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import { runMain } from '../helpers/cli.js';
import { CONFIDENTIAL_DATE as DATE, confidentialMeeting } from '../helpers/confidential-meeting.js';
import { publicText } from '../helpers/public-text.js';
import { tempDir } from '../helpers/temp.js';

const ITEM_TITLE = 'Personele aangelegenheid';
const BIJLAGE_TITLE = 'Juridisch advies';

describe('openbare_titel (issue 11)', () => {
  it('replaces the onderwerp of a confidential item in every public output, and names a confidential bijlage', async () => {
    const root = await confidentialMeeting({}, undefined, { item: ITEM_TITLE, bijlage: BIJLAGE_TITLE });
    const lint = await runMain(['--root', root, 'lint', DATE, '--formaat', 'json']);
    expect((JSON.parse(lint.stdout) as { rule: string }[]).filter((d) => d.rule === 'openbare-titel')).toEqual([]);

    const out = tempDir();
    const r = await runMain(['--root', root, 'build', DATE, '--openbaar', '-o', path.join(out, 'openbaar.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    const shown = await publicText(out);
    // The real titles appear nowhere: not the subject, not the bijlage's title.
    for (const secret of ['Ontslag directeur', 'Onderhandelingsruimte']) expect(shown.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    // The public titles do, in each kind of output.
    const pdf = readFileSync(path.join(out, 'openbaar.pdf'));
    const index = JSON.parse(readFileSync(path.join(out, 'openbaar.json'), 'utf8')) as BundleIndex;
    const item3 = index.agendapunten.find((a) => a.agendapuntKenmerk === '3')!;
    expect(item3).toMatchObject({ agendapuntTitel: ITEM_TITLE, weggelaten: true, vertrouwelijkheidsaanduiding: 'vertrouwelijk' });
    const bijlage2 = index.agendapunten.find((a) => a.agendapuntKenmerk === '2')!.documenten.find((d) => d.bijlagenummer === 2)!;
    expect(bijlage2).toMatchObject({ titel: BIJLAGE_TITLE, weggelaten: true });
    expect(readFileSync(path.join(out, 'openbaar.html'), 'utf8')).toContain(ITEM_TITLE);
    expect(readFileSync(path.join(out, 'openbaar.html'), 'utf8')).toContain(`Bijlage 2: ${BIJLAGE_TITLE}`);
    // DiWoo lists the printed documents only: nothing of item 3, and bijlage 2 of item 2 is not there.
    const diwoo = readFileSync(path.join(out, 'openbaar.diwoo.xml'), 'utf8');
    expect(diwoo).toContain('Agendapunt 2: Lobby');
    expect(diwoo).not.toContain('Agendapunt 3');
    const bookmarks = await outlineTitles(pdf);
    expect(bookmarks).toContain(`3 ${ITEM_TITLE}`);
    expect(bookmarks).toContain(`Bijlage 2: ${BIJLAGE_TITLE} (vertrouwelijk, niet opgenomen)`);
    // Agenda (page 1) and the placeholder pages, as text.
    const pages = shown.split('\n');
    expect(pages.filter((l) => l.includes(ITEM_TITLE)).length).toBeGreaterThanOrEqual(3);

    // The members' bundle keeps the real titles and does not show the public ones.
    const members = tempDir();
    const m = await runMain(['--root', root, 'build', DATE, '-o', path.join(members, 'leden.pdf')]);
    expect(m.code, m.stderr).toBe(0);
    const full = await publicText(members);
    expect(full).toContain('Ontslag directeur');
    expect(full).toContain('Onderhandelingsruimte');
    expect(full).not.toContain(ITEM_TITLE);
    expect(full).not.toContain(BIJLAGE_TITLE);
  });

  it('without openbare_titel keeps today’s public bundle: the onderwerp, and "Vertrouwelijk stuk"', async () => {
    const root = await confidentialMeeting();
    const out = tempDir();
    const r = await runMain(['--root', root, 'build', DATE, '--openbaar', '-o', path.join(out, 'openbaar.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    const index = JSON.parse(readFileSync(path.join(out, 'openbaar.json'), 'utf8')) as BundleIndex;
    expect(index.agendapunten.find((a) => a.agendapuntKenmerk === '3')!.agendapuntTitel).toBe('Ontslag directeur');
    expect(index.agendapunten.find((a) => a.agendapuntKenmerk === '2')!.documenten.find((d) => d.bijlagenummer === 2)!.titel).toBe('Vertrouwelijk stuk');
  });
});

/** Every bookmark title, depth first. */
async function outlineTitles(pdf: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const titles: string[] = [];
  const walk = (nodes: { title: string; items: unknown[] }[] | null): void => {
    for (const n of nodes ?? []) {
      titles.push(n.title);
      walk(n.items as { title: string; items: unknown[] }[]);
    }
  };
  walk(await doc.getOutline());
  await doc.destroy();
  return titles;
}
