// Issue 10 (8): file names. A name from the templates is cut to at most 200 bytes on a character
// boundary (never inside a surrogate pair or a grapheme), names over 255 bytes from `-o` are a
// Dutch error, temporary names never exceed the limit, and the web page links to the PDF whatever
// characters (`#`, `%`, `?`, spaces) its name holds.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/bundle/text-templates.js';
import { truncateUtf8 } from '../../src/util/file-name.js';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

function meeting(orgaan: string, bundel = ''): string {
  return writeRepo({
    'bundel.yaml': `organisatie: Test\n${bundel}`,
    [`${DIR}/vergadering.yaml`]: `orgaan: ${JSON.stringify(orgaan)}\ndatum: ${DATE}\n`,
    [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nportefeuillehouder: A\nbeslispunten:\n  - In te stemmen met het voorstel.`),
  });
}

const bytes = (s: string): number => Buffer.byteLength(s);
const graphemes = (s: string): string[] => [...new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

/** The file each link of the web page opens, read as a browser does: the first `#` starts the fragment. */
function linksOf(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => {
    const href = m[1].replace(/&amp;/g, '&');
    const hash = href.indexOf('#');
    if (hash >= 0) expect(href.slice(hash)).toMatch(/^#page=\d+$/);
    return decodeURIComponent(hash >= 0 ? href.slice(0, hash) : href);
  });
}

describe('file names (issue 10, item 8)', () => {
  it('cuts by bytes on grapheme boundaries', () => {
    expect(truncateUtf8('é'.repeat(150), 200)).toBe('é'.repeat(100));
    const family = '👨‍👩‍👧';
    const cut = truncateUtf8(`${'a'.repeat(190)}${family}${family}`, 200);
    expect(graphemes(cut).at(-1)).toBe('a');
    expect(truncateUtf8(`${'a'.repeat(199)}e\u0301`, 200)).toBe('a'.repeat(199));
    expect(safeFileName(`x${'😀'.repeat(100)}`)).toBe(`x${'😀'.repeat(49)}`);
    expect(safeFileName('\u0085\u009b31m')).toBe('--31m');
  });

  it.each([
    ['emoji cut at the old 180-character limit (URIError before)', `A${'😀'.repeat(120)}`],
    ['é × 150 (300 bytes)', 'é'.repeat(150)],
    ['a long Cyrillic orgaan', 'Совет директоров регионального сотрудничества '.repeat(4).trim()],
  ])('%s: the bundle is built under a name of at most 200 bytes, and the web page links to it', async (_name, orgaan) => {
    const root = meeting(orgaan);
    const r = await runMain(['--root', root, 'build', DATE]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(path.join(root, DIR)).filter((f) => f.startsWith('Bundel'));
    expect(files).toHaveLength(3);
    const pdf = files.find((f) => f.endsWith('.pdf'))!;
    expect(bytes(pdf)).toBeLessThanOrEqual(204);
    expect(pdf).not.toContain('\uFFFD');
    expect(linksOf(path.join(root, DIR, pdf.replace(/\.pdf$/, '.html')))).toEqual(expect.arrayContaining([pdf]));
    for (const link of linksOf(path.join(root, DIR, pdf.replace(/\.pdf$/, '.html')))) expect(link).toBe(pdf);
  });

  it('`#`, `%` and spaces in the name: every link of the web page still reaches the PDF', async () => {
    const root = meeting('Algemeen Bestuur', "bestandsnaam: 'Bundel #{{iso}} 100% klaar'\n");
    expect((await runMain(['--root', root, 'build', DATE])).code).toBe(0);
    const html = path.join(root, DIR, 'Bundel #2025-03-05 100% klaar.html');
    const links = linksOf(html);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(new Set(links)).toEqual(new Set(['Bundel #2025-03-05 100% klaar.pdf']));
    const out = path.join(tempDir(), 'uit #1?.pdf');
    expect((await runMain(['--root', root, 'build', DATE, '-o', out])).code).toBe(0);
    expect(new Set(linksOf(out.replace(/\.pdf$/, '.html')))).toEqual(new Set(['uit #1?.pdf']));
  });

  it('-o with a 244-character name: built (temporary names stay under the limit)', async () => {
    const root = meeting('Algemeen Bestuur');
    const dir = tempDir();
    const name = `${'b'.repeat(240)}.pdf`;
    const r = await runMain(['--root', root, 'build', DATE, '-o', path.join(dir, name)]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([name.replace('.pdf', '.html'), name.replace('.pdf', '.json'), name]);
  });

  it('-o with a name over 255 bytes: a Dutch error, exit 2, nothing written', async () => {
    const root = meeting('Algemeen Bestuur');
    const dir = tempDir();
    const r = await runMain(['--root', root, 'build', DATE, '-o', path.join(dir, `${'é'.repeat(140)}.pdf`)]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('284 bytes');
    expect(r.stderr).not.toMatch(/ENAMETOOLONG|Er ging iets mis|^\s+at /m);
    expect(readdirSync(dir)).toEqual([]);
  });
});
