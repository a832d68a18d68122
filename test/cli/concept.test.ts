// bundel build --concept and --alleen-agenda: built despite errors, a placeholder page for each
// missing or broken bijlage, CONCEPT beside every page number and in the file name, errors still listed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { readPages } from '../helpers/pdf-text.js';
import { item, writeRepo } from '../helpers/repo.js';
import { pdfBytes } from '../validate/helpers.js';

async function meeting(): Promise<{ root: string; dir: string }> {
  const root = writeRepo({
    'bundel.yaml': 'organisatie: Regio Test\n',
    'vergaderingen/2025-04-16/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n',
    'vergaderingen/2025-04-16/01-opening.md': item('vergadering: 2025-04-16\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n'),
    'vergaderingen/2025-04-16/02-begroting.md': item(
      `vergadering: 2025-04-16
agendapunt: 2
onderwerp: Begroting 2026
portefeuillehouder: De heer J. Jansen
beslispunten:
  - In te stemmen met de begroting 2026.
bijlagen:
  - titel: Ontwerpbegroting 2026
    bestand: bijlagen/begroting.pdf
  - titel: Brief van de accountant
    bestand: bijlagen/brief.pdf
  - titel: Meerjarenraming
    bestand: bijlagen/raming.pdf
`,
      'De begroting (bijlage 1).\n',
    ),
    // Bijlage 1 is there, bijlage 2 is not a PDF, bijlage 3 is missing.
    'vergaderingen/2025-04-16/bijlagen/begroting.pdf': await pdfBytes(2),
    'vergaderingen/2025-04-16/bijlagen/brief.pdf': 'dit is geen pdf',
  });
  return { root, dir: path.join(root, 'vergaderingen/2025-04-16') };
}

describe('bundel build --concept', () => {
  it('without --concept: nothing is written, the errors say why', async () => {
    const { root, dir } = await meeting();
    const r = await runMain(['--root', root, 'build', '2025-04-16']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('`--concept`');
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('writes a concept with placeholder pages and CONCEPT on every page, still listing the errors', async () => {
    const { root, dir } = await meeting();
    const r = await runMain(['--root', root, 'build', '2025-04-16', '--concept']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bijlagen/brief.pdf');
    expect(r.stderr).toContain('bijlagen/raming.pdf');
    expect(r.stdout).toMatch(/Conceptbundel gemaakt: .*CONCEPT Bundel Algemeen Bestuur 2025-04-16\.pdf \(\d+ pagina's, ondanks 2 fouten hierboven/);
    const file = path.join(dir, 'CONCEPT Bundel Algemeen Bestuur 2025-04-16.pdf');
    expect(existsSync(path.join(dir, 'Bundel Algemeen Bestuur 2025-04-16.pdf'))).toBe(false);
    const pages = await readPages(readFileSync(file));
    // Agenda, memo, bijlage 1 (2 pages), the two placeholders.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((p, i) => expect(p.text, `page ${i + 1}`).toMatch(new RegExp(`pagina ${i + 1} van ${pages.length} · CONCEPT`)));
    const all = pages.map((p) => p.text.replace(/\s+/g, ' ')).join('\n');
    expect(all).toContain('Bijlage 2 volgt: Brief van de accountant');
    expect(all).toContain('Bijlage 3 volgt: Meerjarenraming');
    expect(pages[0].text).toContain('CONCEPT');
    const index = JSON.parse(readFileSync(file.replace(/\.pdf$/, '.json'), 'utf8')) as { bundel: { titel: string }; agendapunten: { documenten: { titel: string; volgt?: boolean }[] }[] };
    expect(index.bundel.titel).toMatch(/^CONCEPT /);
    expect(index.agendapunten[1].documenten.filter((d) => d.volgt).map((d) => d.titel)).toEqual(['Brief van de accountant', 'Meerjarenraming']);
  });

  it('puts CONCEPT in a name given with --uitvoer too', async () => {
    const { root } = await meeting();
    const out = path.join(root, 'uit', 'bundel.pdf');
    const r = await runMain(['--root', root, 'build', '2025-04-16', '--concept', '--uitvoer', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['CONCEPT bundel.html', 'CONCEPT bundel.json', 'CONCEPT bundel.pdf']);
  });

  it('--alleen-agenda writes only the agenda page(s)', async () => {
    const { root, dir } = await meeting();
    const r = await runMain(['--root', root, 'build', '2025-04-16', '--alleen-agenda']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Agenda gemaakt');
    const pages = await readPages(readFileSync(path.join(dir, 'Bundel Algemeen Bestuur 2025-04-16 (agenda).pdf')));
    expect(pages).toHaveLength(1);
    expect(pages[0].text).toContain('Begroting 2026');
    expect(pages[0].text).toContain('Meerjarenraming');
  });
});
