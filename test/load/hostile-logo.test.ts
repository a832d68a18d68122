// Issue 10 (4): the logo in bundel.yaml is checked by lint like an attachment (exists, inside the
// repository, a regular file, a decodable image of bounded size), so a build never meets a bad one.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkImage } from '../../src/load/image.js';
import { runMain } from '../helpers/cli.js';
import { pngFile } from '../helpers/office-files.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';
const MEETING = `vergaderingen/${DATE}`;

/** An RGB PNG of `width` × `height` whose image data unpacks to `rawBytes` (default: exactly the right amount). */
const png = (width: number, height: number, rawBytes = height * (1 + 3 * width)): Buffer => Buffer.from(pngFile(width, height, deflateSync(Buffer.alloc(rawBytes))));

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#17375e"/></svg>';

function repoWithLogo(logo: string, files: Record<string, string | Uint8Array> = {}): string {
  return writeRepo({
    'bundel.yaml': `organisatie: Test\nlogo: ${logo}\n`,
    [`${MEETING}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${MEETING}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    ...files,
  });
}

async function logoFindings(root: string): Promise<{ code: number | null; findings: { file: string; line: number; rule: string; message: string }[] }> {
  const r = await runMain(['--root', root, 'lint', '--format', 'json', DATE], {}, root);
  return { code: r.code, findings: r.stdout.trim() ? JSON.parse(r.stdout) : [] };
}

describe('the logo (issue 10, item 4)', () => {
  it('recognises PNG, JPEG, GIF and SVG and bounds their size', () => {
    expect(checkImage(png(40, 20))).toMatchObject({ ok: true, format: 'png', width: 40, height: 20 });
    expect(checkImage(Buffer.from(SVG))).toMatchObject({ ok: true, format: 'svg' });
    expect(checkImage(Buffer.from('<?xml version="1.0"?>\n<!-- <g> --><svg a="x>y" b=\'<\'><g/><![CDATA[<z>]]></svg>'))).toMatchObject({ ok: true, format: 'svg' });
    expect(checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toMatchObject({ ok: false, message: expect.stringContaining('`</svg>` sluit `<g>`') });
    expect(checkImage(Buffer.from('<svg><rect'))).toMatchObject({ ok: false, message: expect.stringContaining('niet gesloten') });
    expect(checkImage(Buffer.from('GIF89a\x10\x00\x08\x00\x00\x00\x00', 'latin1'))).toMatchObject({ ok: true, format: 'gif', width: 16, height: 8 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 60, 1, 1, 0x11, 0, 0xff, 0xda, 0, 2, 0xff, 0xd9]);
    expect(checkImage(jpeg)).toMatchObject({ ok: true, format: 'jpeg', width: 60, height: 30 });
    expect(checkImage(png(100_000, 100_000, 10))).toMatchObject({ ok: false, message: expect.stringContaining('100000 × 100000') });
    // Declares 100 × 100 but unpacks to 50 MB: a bomb.
    expect(checkImage(png(100, 100, 50_000_000))).toMatchObject({ ok: false, message: expect.stringContaining('decompressiebom') });
    expect(checkImage(png(100, 100, 5000))).toMatchObject({ ok: false });
    expect(checkImage(Buffer.from('geen plaatje'))).toMatchObject({ ok: false, message: expect.stringContaining('geen PNG') });
    expect(checkImage(jpeg.subarray(0, 12))).toMatchObject({ ok: false });
  });

  it('a good logo passes lint', async () => {
    expect(await logoFindings(repoWithLogo('huisstijl/logo.png', { 'huisstijl/logo.png': png(60, 20) }))).toEqual({ code: 0, findings: [] });
    expect(await logoFindings(repoWithLogo('logo.svg', { 'logo.svg': SVG }))).toEqual({ code: 0, findings: [] });
  });

  it.each([
    ['missing', 'weg.png', {}, 'bestaat niet'],
    ['not an image', 'logo.png', { 'logo.png': 'geen plaatje' }, 'geen PNG, JPEG, GIF of SVG'],
    ['truncated PNG', 'logo.png', { 'logo.png': png(60, 20).subarray(0, 45) }, 'PNG'],
    ['a PNG bomb', 'logo.png', { 'logo.png': png(100, 100, 50_000_000) }, 'decompressiebom'],
    ['too many pixels', 'logo.png', { 'logo.png': png(20_000, 20_000, 100) }, '20000 × 20000'],
    ['too large a file', 'logo.svg', { 'logo.svg': `<svg>${'x'.repeat(3 * 1024 * 1024)}</svg>` }, 'grens 2 MiB'],
  ] as const)('lint refuses a logo that is %s, at the logo line of bundel.yaml', async (_what, logo, files, words) => {
    const { code, findings } = await logoFindings(repoWithLogo(logo, files));
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ file: 'bundel.yaml', line: 2, rule: 'logo', message: expect.stringContaining(words) })]);
    expect(findings[0].message).toContain(logo);
  });

  it('lint refuses a logo that is a folder or a link out of the repository', async () => {
    const folder = repoWithLogo('logo.png');
    mkdirSync(path.join(folder, 'logo.png'));
    expect((await logoFindings(folder)).findings).toEqual([expect.objectContaining({ rule: 'logo', message: expect.stringContaining('een map') })]);
    const outside = path.join(tempDir(), 'logo.png');
    writeFileSync(outside, png(10, 10));
    const linked = repoWithLogo('logo.png');
    symlinkSync(outside, path.join(linked, 'logo.png'));
    expect((await logoFindings(linked)).findings).toEqual([expect.objectContaining({ rule: 'logo', message: expect.stringContaining('buiten de repository') })]);
  });
});
