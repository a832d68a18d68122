// Images in a memo's text (issue 11): a PNG, a JPEG and an SVG in the Toelichting, built through the
// CLI into a real bundle and read back: the image XObjects on the memo page, their printed size, the
// Figure elements with their /Alt in the tagged bundle, determinism, the sources in the index, and
// the public bundle with a confidential memo.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { gradientPng, photoJpeg, SCHEMA_SVG } from '../helpers/images.js';
import { writeRepo, item } from '../helpers/repo.js';
import { checkStructure, findElements } from '../helpers/structure-check.js';
import { startWatch, until } from '../helpers/watch.js';
import { tempDir } from '../helpers/temp.js';

const FRONT = `vergadering: 2025-03-05
agendapunt: 2
onderwerp: Beelden
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - Kennis te nemen van de beelden.`;

const BODY = `Tekst voor de beelden.

![Staafdiagram van de uitgaven](bijlagen/grafiek.png)

![Foto van de zaal](bijlagen/foto.jpg)

Het schema ![Schema van de twee lagen](bijlagen/schema.svg) staat hierboven.
`;

function repo(extra: Record<string, string | Uint8Array> = {}): string {
  return writeRepo({
    'bundel.yaml': 'organisatie: Testregio\n',
    'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\n',
    'vergaderingen/2025-03-05/02-beelden.md': item(FRONT, BODY),
    'vergaderingen/2025-03-05/bijlagen/grafiek.png': gradientPng(300, 150),
    'vergaderingen/2025-03-05/bijlagen/foto.jpg': photoJpeg(1800, 600),
    'vergaderingen/2025-03-05/bijlagen/schema.svg': SCHEMA_SVG,
    ...extra,
  });
}

async function build(root: string, ...flags: string[]): Promise<{ bytes: Buffer; file: string; stdout: string; stderr: string }> {
  const file = path.join(tempDir(), 'bundel.pdf');
  const r = await runMain(['--root', root, 'build', '2025-03-05', '-o', file, ...flags]);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return { bytes: readFileSync(file), file, stdout: r.stdout, stderr: r.stderr };
}

/** The image XObjects a page draws (directly or through its forms), with their pixel size. */
function pageImages(page: PDFPage): { width: number; height: number; filter: string }[] {
  const ctx = page.doc.context;
  const out: { width: number; height: number; filter: string }[] = [];
  const visit = (resources: unknown, depth: number): void => {
    const res = resources instanceof PDFRef ? ctx.lookup(resources) : resources;
    if (!(res instanceof PDFDict) || depth > 8) return;
    const xobjects = res.lookup(PDFName.of('XObject'));
    if (!(xobjects instanceof PDFDict)) return;
    for (const [, ref] of xobjects.entries()) {
      const x = ctx.lookup(ref);
      if (!(x instanceof PDFRawStream)) continue;
      const subtype = x.dict.lookup(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Image')) {
        const filter = x.dict.lookup(PDFName.of('Filter'));
        out.push({ width: Number(x.dict.lookup(PDFName.of('Width'))?.toString()), height: Number(x.dict.lookup(PDFName.of('Height'))?.toString()), filter: String(filter) });
      } else visit(x.dict.get(PDFName.of('Resources')), depth + 1);
    }
  };
  visit(page.node.get(PDFName.of('Resources')), 0);
  return out;
}

describe('images in a memo', () => {
  it('prints a PNG, a JPEG and an SVG on the memo page, each a Figure with its alt text, byte-identical twice', async () => {
    const root = repo();
    const first = await build(root);
    const doc = await PDFDocument.load(first.bytes, { updateMetadata: false });
    // Page 1 is the agenda, page 2 the memo.
    const images = pageImages(doc.getPage(1));
    expect(images.map((i) => [i.width, i.height]).sort()).toEqual([
      [1800, 600],
      [300, 150],
    ]);
    expect(images.find((i) => i.width === 1800)?.filter).toContain('DCTDecode');
    expect(pageImages(doc.getPage(0))).toEqual([]);

    const report = checkStructure(doc);
    expect(report.problems).toEqual([]);
    const figures = findElements(report.root!, (e) => e.role === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(['Staafdiagram van de uitgaven', 'Foto van de zaal', 'Schema van de twee lagen']);
    for (const f of figures) expect(f.content.some((c) => c.startsWith('page 2:'))).toBe(true);

    const second = await build(root);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
  });

  it('lists every image with its sha256 among the sources, and status sees a changed image', async () => {
    const root = repo();
    const { file } = await build(root);
    const index = JSON.parse(readFileSync(file.replace(/\.pdf$/, '.json'), 'utf8')) as { bronnen: { bestand: string; sha256: string }[] };
    const png = index.bronnen.find((b) => b.bestand.endsWith('bijlagen/grafiek.png'));
    expect(png?.sha256).toBe(createHash('sha256').update(readFileSync(path.join(root, 'vergaderingen/2025-03-05/bijlagen/grafiek.png'))).digest('hex'));
    expect(index.bronnen.map((b) => path.basename(b.bestand))).toEqual(expect.arrayContaining(['grafiek.png', 'foto.jpg', 'schema.svg']));

    // `bundel status` compares the sources of the bundle beside the meeting with the files now.
    const beside = path.join(root, 'vergaderingen/2025-03-05');
    const built = await runMain(['--root', root, 'build', '2025-03-05']);
    expect(built.code, built.stderr).toBe(0);
    const fresh = await runMain(['--root', root, 'status', '2025-03-05', '--formaat', 'json']);
    expect(fresh.stdout).toContain('actueel');
    writeFileSync(path.join(beside, 'bijlagen/schema.svg'), SCHEMA_SVG.replace('#17375e', '#a4161a'));
    const stale = await runMain(['--root', root, 'status', '2025-03-05', '--formaat', 'json']);
    expect(stale.stdout).toContain('verouderd');
    expect(stale.stdout).toContain('bijlagen/schema.svg');
  });

  it('is rebuilt by build --bewaken when an image changes', async () => {
    const root = repo();
    const pdf = path.join(root, 'uit', 'bundel.pdf');
    const watch = startWatch(['--root', root, 'build', '2025-03-05', '--bewaken', '--uitvoer', pdf]);
    const made = watch.made;
    const widths = async (): Promise<number[]> => pageImages((await PDFDocument.load(readFileSync(pdf), { updateMetadata: false })).getPage(1)).map((i) => i.width).sort((a, b) => a - b);
    try {
      await until('the first build', () => made() === 1);
      expect(await widths()).toEqual([300, 1800]);
      writeFileSync(path.join(root, 'vergaderingen/2025-03-05/bijlagen/grafiek.png'), gradientPng(320, 150));
      await until('the rebuild', () => made() === 2);
      expect(await widths()).toEqual([320, 1800]);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  });

  it('prints the images of a public memo in the public bundle, and nothing of a confidential one', async () => {
    const secret = gradientPng(77, 33);
    const root = repo({
      'vergaderingen/2025-03-05/03-geheim.md': item(FRONT.replace('agendapunt: 2', 'agendapunt: 3').replace('onderwerp: Beelden', 'onderwerp: Geheim\nvertrouwelijk: true'), '![Plattegrond van het geheime pand](bijlagen/geheim.png)\n'),
      'vergaderingen/2025-03-05/bijlagen/geheim.png': secret,
    });
    const members = await PDFDocument.load((await build(root)).bytes, { updateMetadata: false });
    expect(allImages(members).map((i) => `${i.width}x${i.height}`)).toContain('77x33');
    const { bytes, file } = await build(root, '--openbaar');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pageImages(doc.getPage(1)).map((i) => i.width).sort()).toEqual([1800, 300]);
    expect(allImages(doc).map((i) => `${i.width}x${i.height}`)).not.toContain('77x33');
    const alts = findElements(checkStructure(doc).root!, (e) => e.alt !== undefined).map((e) => e.alt);
    expect(alts).toContain('Foto van de zaal');
    expect(alts.join(' ')).not.toContain('geheim');
    for (const out of [file.replace(/\.pdf$/, '.json'), file.replace(/\.pdf$/, '.html')]) expect(readFileSync(out, 'utf8')).not.toContain('geheim.png');
  });
});

/** Every image XObject in the file. */
function allImages(doc: PDFDocument): { width: number; height: number }[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image'))
    .map((o) => ({ width: Number(o.dict.lookup(PDFName.of('Width'))?.toString()), height: Number(o.dict.lookup(PDFName.of('Height'))?.toString()) }));
}
