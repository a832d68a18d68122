// What lint says about non-PDF bijlagen from their bytes alone: the real fixture files pass; files
// whose content is something else, encrypted Office files and image bombs are refused by name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource, formatOf } from '../../src/convert/index.js';
import { identify } from '../../src/convert/formats.js';
import { imageInfo } from '../../src/convert/image-info.js';
import { ole2Names } from '../../src/convert/ole2.js';
import { inspectPdfBytes } from '../../src/pdf/inspect.js';
import { portrait } from '../helpers/make-pdf.js';
import { ole2File, zipFile } from '../helpers/office-files.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../fixtures/office/vergaderingen/2025-06-11/bijlagen');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(BIJLAGEN, name)));
/** An environment in which LibreOffice is found (a file that exists and runs: this Node binary). */
const WITH_SOFFICE = { BUNDEL_SOFFICE: process.execPath };
const check = (name: string, bytes: Uint8Array, env: NodeJS.ProcessEnv = WITH_SOFFICE) => checkSource(bytes, formatOf(name)!, name.split('.').pop()!, env);

describe('identify and checkSource', () => {
  it.each([
    ['notitie.docx', 'docx'],
    ['begroting.xlsx', 'xlsx'],
    ['presentatie.pptx', 'pptx'],
    ['scan.tif', 'tiff'],
    ['foto.jpg', 'jpeg'],
  ])('the fixture %s is %s and passes', (name, ext) => {
    expect(identify(fixture(name)).ext).toBe(ext);
    expect(check(name, fixture(name))).toBeUndefined();
  });

  it.each([
    ['begroting.docx', fixture('begroting.xlsx'), 'Het bestand heeft de extensie `.docx`, maar is een Excel-bestand (.xlsx).'],
    ['notitie.xlsx', fixture('notitie.docx'), 'Het bestand heeft de extensie `.xlsx`, maar is een Word-document (.docx).'],
    ['foto.PNG', fixture('foto.jpg'), 'Het bestand heeft de extensie `.png`, maar is een JPEG-afbeelding (.jpg).'],
    ['scan.tiff', new TextEncoder().encode('<!DOCTYPE html><html><body>Not found</body></html>'), 'maar is een webpagina (HTML)'],
    ['oud.doc', ole2File(['Workbook']), 'maar is een oud Excel-bestand (.xls).'],
    ['leeg.odt', zipFile({ 'readme.txt': 'x' }), 'maar is een ZIP-archief.'],
    ['kapot.pptx', new TextEncoder().encode('PK\x03\x04 nothing more'), 'maar is een beschadigd ZIP-archief.'],
  ])('%s with other content: inhoud-past-niet', (name, bytes, message) => {
    const problem = check(name, bytes);
    expect(problem?.code).toBe('inhoud-past-niet');
    expect(problem?.message).toContain(message);
  });

  it('a PDF named .docx is refused too', async () => {
    const pdf = await portrait('Brief', 1);
    const problem = check('brief.docx', pdf);
    expect(problem?.code).toBe('inhoud-past-niet');
    // The message names what the name says and what the bytes are.
    expect(problem?.message).toMatch(/`\.docx`.*\bPDF\b/);
  });

  it('a Word file or a scan named .pdf: the hint names the extension under which bundel converts it', async () => {
    const docx = (await inspectPdfBytes(fixture('notitie.docx'), 'brief.pdf')).facts.problem;
    expect(docx).toMatchObject({ code: 'pdf-niet-pdf', message: 'Het bestand is geen PDF maar een Word-document (.docx).' });
    expect(docx?.hint).toMatch(/^Geef het bestand de extensie `\.docx` en verwijs daarnaar: bundel zet het dan zelf om naar PDF\./);
    expect((await inspectPdfBytes(fixture('scan.tif'), 'scan.pdf')).facts.problem?.hint).toContain('`.tif`');
    expect((await inspectPdfBytes(new TextEncoder().encode('GIF89a......'), 'x.pdf')).facts.problem?.hint).toBe('Sla het document op of exporteer het als PDF en verwijs naar die PDF.');
  });

  it('recognises old Office files by their OLE2 streams', () => {
    expect(ole2Names(ole2File(['WordDocument', '1Table']))).toEqual(['Root Entry', 'WordDocument', '1Table']);
    expect(check('oud.doc', ole2File(['WordDocument']))).toBeUndefined();
    expect(check('oud.xls', ole2File(['Workbook']))).toBeUndefined();
    expect(check('oud.ppt', ole2File(['PowerPoint Document']))).toBeUndefined();
  });

  it('a password-protected .docx (OLE2 with EncryptedPackage) is office-wachtwoord', () => {
    const problem = check('geheim.docx', ole2File(['EncryptionInfo', 'EncryptedPackage']));
    expect(problem).toMatchObject({ code: 'office-wachtwoord', message: 'Het bestand is een Word-document dat met een wachtwoord is beveiligd; bundel kan het niet openen.' });
    expect(problem?.hint).toContain('zonder wachtwoord');
  });

  it('a password-protected OpenDocument file is office-wachtwoord', () => {
    const odt = zipFile({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'META-INF/manifest.xml': '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
    });
    expect(check('geheim.odt', odt)?.code).toBe('office-wachtwoord');
    expect(check('open.odt', zipFile({ mimetype: 'application/vnd.oasis.opendocument.text', 'META-INF/manifest.xml': '<manifest:manifest/>' }))).toBeUndefined();
  });

  it('without LibreOffice an Office file says what to install', () => {
    const problem = check('notitie.docx', fixture('notitie.docx'), { PATH: '/nonexistent' });
    expect(problem?.code).toBe('libreoffice-ontbreekt');
    // The message names the kind of file and the program that was looked for.
    expect(problem?.message).toMatch(/Word-document \(\.docx\).*`soffice`/);
    expect(problem?.hint).toContain('apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui');
    expect(problem?.hint).toContain('https://www.libreoffice.org/download/');
    expect(problem?.hint).toContain('PDF');
    const configured = check('notitie.docx', fixture('notitie.docx'), { BUNDEL_SOFFICE: '/nonexistent/soffice' });
    expect(configured?.message).toContain('`BUNDEL_SOFFICE` wijst naar `/nonexistent/soffice`');
    // Images never need LibreOffice.
    expect(check('scan.tif', fixture('scan.tif'), { PATH: '/nonexistent' })).toBeUndefined();
  });
});

describe('image headers', () => {
  it('reads the frames of the fixture TIFF and the orientation of the fixture JPEG', () => {
    expect(imageInfo(fixture('scan.tif'), 'tiff')).toEqual({
      ok: true,
      frames: [{ width: 827, height: 1169, orientation: 1 }, { width: 700, height: 495, orientation: 1 }],
    });
    expect(imageInfo(fixture('foto.jpg'), 'jpeg')).toEqual({ ok: true, frames: [{ width: 500, height: 800, orientation: 6 }] });
  });

  it('refuses a PNG that claims 40 000 × 40 000 pixels before decoding it', () => {
    const png = Buffer.alloc(64);
    png.write('\x89PNG\r\n\x1a\n', 0, 'latin1');
    png.writeUInt32BE(13, 8);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(40_000, 16);
    png.writeUInt32BE(40_000, 20);
    const problem = check('bom.png', new Uint8Array(png));
    expect(problem).toMatchObject({ code: 'afbeelding-te-groot', message: 'De afbeelding is te groot: hij is 40000 × 40000 pixels; de grens is 30000 pixels per zijde.' });
  });

  it('refuses a TIFF whose page list loops', () => {
    const tif = Buffer.from(fixture('scan.tif'));
    // Point the first page's "next page" at the first page itself.
    const first = tif.readUInt32LE(4);
    const count = tif.readUInt16LE(first);
    tif.writeUInt32LE(first, first + 2 + count * 12);
    expect(check('kring.tif', new Uint8Array(tif))).toMatchObject({ code: 'afbeelding-onleesbaar', message: expect.stringContaining('de lijst van bladen loopt in een kring') });
  });
});
