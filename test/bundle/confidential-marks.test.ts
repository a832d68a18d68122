// Issue 11: the members' bundle marks what is confidential where members see it: "Vertrouwelijk"
// beside the page number on exactly the pages of confidential documents, "(vertrouwelijk)" on the
// agenda line of a confidential bijlage and in its memo's Bijlagen list, and in the HTML and JSON
// index. Non-confidential pages keep the stamp they had.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleIndex } from '../../src/bundle/index-data.js';
import { runMain } from '../helpers/cli.js';
import { CONFIDENTIAL_DATE, confidentialMeeting } from '../helpers/confidential-meeting.js';
import { readPages } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/temp.js';

const DATE = CONFIDENTIAL_DATE;

/** The stamp line of each page: the text run that holds "pagina N van M". */
const stampOf = (text: string): string => /Algemeen Bestuur 5 maart 2025 · pagina \d+ van \d+( · Vertrouwelijk)?/.exec(text)?.[0] ?? '';

describe('confidential parts in the members’ bundle (issue 11)', () => {
  it('stamps "Vertrouwelijk" beside the page number on exactly the pages of confidential documents', async () => {
    const root = await confidentialMeeting();
    const out = path.join(tempDir(), 'leden.pdf');
    const r = await runMain(['--root', root, 'build', DATE, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const index = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.json'), 'utf8')) as BundleIndex;
    const pages = await readPages(readFileSync(out));
    // Which pages hold a confidential document, from the index (not from the stamps).
    const expected = new Set<number>();
    for (const a of index.agendapunten)
      for (const d of a.documenten) if (d.vertrouwelijkheidsaanduiding === 'vertrouwelijk') for (let p = d.eerstePagina!; p <= d.laatstePagina!; p++) expected.add(p);
    // Item 2's second bijlage (2 pages), item 3's memo and its bijlage.
    expect(expected.size).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      const stamp = stampOf(page.text);
      expect(stamp, `pagina ${i + 1}`).toMatch(/pagina \d+ van/);
      expect(stamp.endsWith(' · Vertrouwelijk'), `pagina ${i + 1}: ${stamp}`).toBe(expected.has(i + 1));
    });
    // The rotated confidential page reads its stamp upright too.
    const rotated = pages.find((p) => p.rotate === 90)!;
    const run = rotated.runs.find((x) => x.str.includes('Vertrouwelijk'))!;
    expect(run.angle).toBe(0);
  });

  it('marks the confidential bijlage on the agenda line, in the memo’s Bijlagen list and in the HTML and JSON index', async () => {
    const root = await confidentialMeeting();
    const out = path.join(tempDir(), 'leden.pdf');
    const r = await runMain(['--root', root, 'build', DATE, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-q', '-layout', out, '-'], { encoding: 'utf8' }).split('\f');
    const agenda = text[0];
    const line = (page: string, what: string): string => page.split('\n').find((l) => l.includes(what)) ?? '';
    expect(line(agenda, 'Onderhandelingsruimte')).toContain('(vertrouwelijk)');
    expect(line(agenda, 'Dossier lobbyisten')).toContain('(vertrouwelijk)');
    expect(line(agenda, 'Openbare brief')).not.toContain('vertrouwelijk');
    // The confidential item: its line carries the tag, its documents need not repeat it.
    expect(line(agenda, 'Ontslag directeur')).toMatch(/VERTROUWELIJK/);
    const memo = text.find((p) => p.includes('Voorstel agendapunt 2'))!;
    const bijlagen = memo.slice(memo.indexOf('Meegezonden:'));
    expect(line(bijlagen, 'Onderhandelingsruimte')).toContain('(vertrouwelijk)');
    expect(line(bijlagen, 'Dossier lobbyisten')).toContain('(vertrouwelijk)');
    expect(line(bijlagen, 'Openbare brief')).not.toContain('vertrouwelijk');

    // The web page as text: tags out, white space collapsed.
    const html = readFileSync(out.replace(/\.pdf$/, '.html'), 'utf8').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(html).toContain('Bijlage 2: Onderhandelingsruimte (vertrouwelijk)');
    expect(html).toContain('Bijlage 3: Dossier lobbyisten (vertrouwelijk)');
    expect(html).toContain('Ontslag directeur (vertrouwelijk)');
    expect(html.match(/\(vertrouwelijk\)/g)).toHaveLength(3);

    const index = JSON.parse(readFileSync(out.replace(/\.pdf$/, '.json'), 'utf8')) as BundleIndex;
    const docs = index.agendapunten.find((a) => a.agendapuntKenmerk === '2')!.documenten;
    expect(docs.map((d) => [d.titel, d.vertrouwelijkheidsaanduiding])).toEqual([
      ['Voorstel Lobby', 'openbaar'],
      ['Openbare brief', 'openbaar'],
      ['Onderhandelingsruimte', 'vertrouwelijk'],
      ['Dossier lobbyisten', 'vertrouwelijk'],
    ]);
    expect(index.agendapunten.find((a) => a.agendapuntKenmerk === '3')!.vertrouwelijkheidsaanduiding).toBe('vertrouwelijk');
    expect(index.bundel.bevatVertrouwelijk).toBe(true);
  });

  it('gives an own stempel the variable, and adds the mark when the template does not place it', async () => {
    for (const [stempel, expected] of [
      ['"{{orgaan}} – {{pagina}}/{{totaal}}{{#if vertrouwelijk}} – VERTROUWELIJK{{/if}}"', /Algemeen Bestuur – (\d+)\/\d+( – VERTROUWELIJK)?/],
      ['"{{orgaan}} – {{pagina}}/{{totaal}}"', /Algemeen Bestuur – (\d+)\/\d+( · Vertrouwelijk)?/],
    ] as const) {
      const root = await confidentialMeeting({ 'bundel.yaml': `organisatie: Testregio\nstempel: ${stempel}\n` });
      const lint = await runMain(['--root', root, 'lint', DATE, '--formaat', 'json']);
      expect((JSON.parse(lint.stdout) as { rule: string }[]).filter((d) => d.rule === 'sjabloon')).toEqual([]);
      const out = path.join(tempDir(), 'leden.pdf');
      const r = await runMain(['--root', root, 'build', DATE, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      const marked = (await readPages(readFileSync(out))).map((p) => expected.exec(p.text)?.[2] !== undefined);
      // Agenda, memo 2, openbare brief (2), geheim (2), memo 3, advies.
      expect(marked).toEqual([false, false, false, false, true, true, true, true]);
    }
  });

  it('marks no page and no line of the public bundle as confidential', async () => {
    const root = await confidentialMeeting();
    const out = path.join(tempDir(), 'openbaar.pdf');
    const r = await runMain(['--root', root, 'build', DATE, '--openbaar', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const page of await readPages(readFileSync(out))) expect(stampOf(page.text)).not.toContain('Vertrouwelijk');
    expect(readFileSync(out.replace(/\.pdf$/, '.html'), 'utf8')).not.toContain('(vertrouwelijk)');
  });
});
