// Conversion itself: images to A4 pages (read back and rendered), LibreOffice through a fake
// binary (time limit kills the whole process group, a failure is reported) and the real one
// (macros do not run, the cache answers the second time).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { Converter, formatOf, type ConversionEvent } from '../../src/convert/index.js';
import { imageToPdf } from '../../src/convert/image.js';
import { deflateTiff, pngFile } from '../helpers/office-files.js';
import { requireSoffice } from '../helpers/soffice.js';
import { tempDir } from '../helpers/temp.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../fixtures/office/vergaderingen/2025-06-11/bijlagen');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(BIJLAGEN, name)));
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const temp = (): string => tempDir('bundel-convert-test-');

/** The colour of a pixel of a rendered page, at fractions of its width and height. */
function pixel(pdf: Uint8Array, page: number, fx: number, fy: number): [number, number, number] {
  const dir = temp();
  writeFileSync(path.join(dir, 'x.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), path.join(dir, 'x.pdf'), path.join(dir, 'p')]);
  const ppm = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.ppm'))!));
  const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 30))!.map(Number);
  const header = ppm.toString('latin1', 0, 30).match(/^P6\s+\d+\s+\d+\s+255\s/)![0].length;
  const at = header + (Math.floor(fy * h) * w + Math.floor(fx * w)) * 3;
  return [ppm[at], ppm[at + 1], ppm[at + 2]];
}

describe('images to PDF', () => {
  it('a two-page TIFF becomes a portrait and a landscape A4 page', async () => {
    const { pdf, pages } = await imageToPdf(fixture('scan.tif'), 'tiff');
    expect(pages).toBe(2);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([[595, 842], [842, 595]]);
    // Page 1 is the bilevel letter: white margin, black bars (WhiteIsZero read the right way round).
    expect(pixel(pdf, 1, 0.5, 0.02)).toEqual([255, 255, 255]);
    expect(Math.max(...pixel(pdf, 1, 0.2, 0.136))).toBeLessThan(80);
  });

  it('a JPEG stored portrait with EXIF orientation 6 is shown as the landscape photo it is', async () => {
    const { pdf } = await imageToPdf(fixture('foto.jpg'), 'jpeg');
    const page = (await PDFDocument.load(pdf)).getPage(0);
    expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([842, 595]);
    // Sky at the top, grass at the bottom, the house in the middle.
    const [r1, , b1] = pixel(pdf, 1, 0.2, 0.2);
    const [r2, g2, b2] = pixel(pdf, 1, 0.2, 0.8);
    const [r3, g3] = pixel(pdf, 1, 0.5, 0.5);
    expect(b1).toBeGreaterThan(r1 + 40);
    expect(g2).toBeGreaterThan(Math.max(r2, b2) + 40);
    expect(r3).toBeGreaterThan(g3 + 60);
  });

  it('a TIFF strip that inflates far beyond its page is refused as a decompression bomb, a sane one converts', async () => {
    const bomb = deflateTiff(100, 100, deflateSync(Buffer.alloc(64 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(100_000);
    await expect(imageToPdf(bomb, 'tiff')).rejects.toMatchObject({ kind: 'too-large', message: expect.stringContaining('decompressiebom') });
    const sane = deflateTiff(100, 100, deflateSync(Buffer.alloc(100 * 100, 128)));
    expect((await imageToPdf(sane, 'tiff')).pages).toBe(1);
  });

  it('so is a PNG whose image data inflates far beyond its size; a sane PNG converts', async () => {
    const bomb = pngFile(100, 100, deflateSync(Buffer.alloc(64 * 1024 * 1024)));
    await expect(imageToPdf(bomb, 'png')).rejects.toMatchObject({ kind: 'too-large', message: expect.stringContaining('decompressiebom') });
    // Each row: filter byte 0, then 100 grey RGB pixels.
    const rows = Buffer.alloc(100 * 301, 200);
    for (let y = 0; y < 100; y++) rows[y * 301] = 0;
    const sane = pngFile(100, 100, deflateSync(rows));
    const { pdf } = await imageToPdf(sane, 'png');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });
});

describe('LibreOffice, faked', () => {
  function fakeSoffice(body: string): string {
    const file = path.join(temp(), 'soffice');
    writeFileSync(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "LibreOffice 0.0.0 nep"; exit 0; fi\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  }
  const docx = fixture('notitie.docx');

  it('at the time limit the whole process group is killed and the file gets omzetten-tijdslimiet', async () => {
    const pidFile = path.join(temp(), 'pid');
    const soffice = fakeSoffice(`sleep 30 &\necho $! > ${pidFile}\nwait`);
    const converter = new Converter({ env: { ...process.env, BUNDEL_SOFFICE: soffice, BUNDEL_SOFFICE_TIMEOUT: '1' }, cacheDir: path.join(temp(), 'cache') });
    const started = Date.now();
    const result = await converter.convert(docx, sha(docx), formatOf('x.docx')!, 'x.docx');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: false, problem: { code: 'omzetten-tijdslimiet', message: 'Het omzetten naar PDF met LibreOffice 0.0.0 nep duurde langer dan 1 s en is afgebroken.' } });
    // The grandchild (LibreOffice's soffice.bin, here a sleep) is gone too.
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // Gone, or a zombie waiting to be reaped by init.
    const alive = (): boolean => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 20 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  });

  it('a LibreOffice that makes no PDF gives omzetten-mislukt with what it said', async () => {
    const soffice = fakeSoffice('echo "Error: source file could not be loaded" >&2; exit 0');
    const converter = new Converter({ env: { ...process.env, BUNDEL_SOFFICE: soffice }, cacheDir: path.join(temp(), 'cache') });
    const result = await converter.convert(docx, sha(docx), formatOf('x.docx')!, 'x.docx');
    expect(result).toMatchObject({ ok: false, problem: { code: 'omzetten-mislukt', message: 'Het omzetten naar PDF met LibreOffice 0.0.0 nep is mislukt (`Error: source file could not be loaded`).' } });
  });
});

describe('LibreOffice, real', () => {
  it('converts once, then answers from the cache with the same bytes', async () => {
    requireSoffice();
    const cacheDir = path.join(temp(), 'cache');
    const events: ConversionEvent[] = [];
    const converter = new Converter({ env: process.env, cacheDir, onConversion: (e) => events.push(e) });
    const xlsx = fixture('begroting.xlsx');
    const first = await converter.convert(xlsx, sha(xlsx), formatOf('b.xlsx')!, 'b.xlsx');
    const second = await converter.convert(xlsx, sha(xlsx), formatOf('b.xlsx')!, 'b.xlsx');
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(events.map((e) => e.cached)).toEqual([false, true]);
    expect(first.converter).toMatch(/^LibreOffice \d+\.\d+/);
    expect(Buffer.compare(first.pdf, second.pdf)).toBe(0);
    expect(readFileSync(path.join(cacheDir, '.gitignore'), 'utf8')).toContain('*');
    // Landscape page setup survives the conversion.
    const page = (await PDFDocument.load(first.pdf)).getPage(0);
    expect(page.getWidth()).toBeGreaterThan(page.getHeight());
  });

  it('never runs a macro: a document whose Basic macro runs on opening converts without it', async () => {
    requireSoffice();
    const dir = temp();
    const marker = path.join(dir, 'macro-ran');
    const fodt = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:ooo="http://openoffice.org/2004/office" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:scripts>
<office:script script:language="ooo:Basic"><ooo:libraries><ooo:library-embedded ooo:name="Standard"><ooo:module ooo:name="Module1"><ooo:source-code>Sub Main
  Open "${marker}" For Output As #1
  Print #1, "ran"
  Close #1
End Sub
</ooo:source-code></ooo:module></ooo:library-embedded></ooo:libraries></office:script>
<office:event-listeners><script:event-listener script:language="ooo:script" script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document" xlink:type="simple"/></office:event-listeners>
</office:scripts>
<office:body><office:text><text:p>Document met een macro bij het openen</text:p></office:text></office:body></office:document>`;
    const bytes = new TextEncoder().encode(fodt);
    // A flat .fodt is no accepted bijlage; convert it as if it were an .odt (LibreOffice detects the content).
    const converter = new Converter({ env: process.env, cacheDir: path.join(dir, 'cache') });
    const result = await converter.convert(bytes, sha(bytes), formatOf('m.odt')!, 'm.odt');
    expect(result.ok).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });
});
