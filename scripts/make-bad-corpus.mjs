#!/usr/bin/env node
// Writes the hostile-input corpus (fixtures/corpus): broken, encrypted, active and absurd PDFs, files
// that only pretend to be PDFs, and hostile agenda-item files, with fixtures/corpus/manifest.json
// saying what each file is and what bundel must answer (docs/errors.md lists the codes).
//
// Usage (from the repository root): node scripts/make-bad-corpus.mjs [--force-encrypted]
//
// Deterministic: every file is written from fixed bytes, pdf-lib without metadata, or zlib. The
// exception is encryption, made with qpdf: AES-256 salts are random, so encrypted files are only
// written when missing (or with --force-encrypted) and qpdf is installed; otherwise the committed
// copies are kept. The tests never need qpdf.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import { encryptFor, standardSecurity } from './corpus/rc4.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures/corpus');
const PDF_DIR = path.join(OUT, 'pdf');
const MD_DIR = path.join(OUT, 'md');
const FORCE_ENCRYPTED = process.argv.includes('--force-encrypted');

/** @type {{file: string, what: string, expect: 'ok'|'warning'|'error', code?: string, password?: string, text?: string, pages?: number}[]} */
const manifest = [];

const latin1 = (s) => Buffer.from(s, 'latin1');

// ---------------------------------------------------------------------------------------------
// Hand-written PDFs: objects as text, offsets computed here, so a file can be broken on purpose.

/** A stream object body: the dictionary gets the right /Length. */
function stream(dict, data) {
  const bytes = typeof data === 'string' ? latin1(data) : data;
  return Buffer.concat([latin1(`<< ${dict} /Length ${bytes.length} >>\nstream\n`), bytes, latin1('\nendstream')]);
}

/**
 * @param {Record<number, string|Buffer>} objects object number -> body
 * @param {{root?: number, info?: number, xref?: 'ok'|'broken'|'none', prefix?: string, version?: string, trailer?: string}} options
 */
function rawPdf(objects, { root = 1, xref = 'ok', prefix = '', version = '1.7', trailer = '' } = {}) {
  const parts = [latin1(prefix), latin1(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`)];
  let offset = parts.reduce((n, p) => n + p.length, 0);
  const offsets = new Map();
  const nums = Object.keys(objects).map(Number).sort((a, b) => a - b);
  for (const num of nums) {
    const body = objects[num];
    const chunk = Buffer.concat([latin1(`${num} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    offsets.set(num, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  const size = Math.max(0, ...nums) + 1;
  const xrefAt = offset;
  if (xref !== 'none') {
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) {
      const at = offsets.get(n);
      // Broken offsets point into the middle of other objects.
      const shown = at === undefined ? 0 : xref === 'broken' ? at + 7 * n + 3 : at;
      table += at === undefined ? '0000000000 65535 f \n' : `${String(shown).padStart(10, '0')} 00000 n \n`;
    }
    parts.push(latin1(table));
  }
  parts.push(latin1(`trailer\n<< /Size ${size} /Root ${root} 0 R ${trailer}>>\nstartxref\n${xref === 'broken' ? xrefAt + 1234 : xref === 'none' ? 0 : xrefAt}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const FONT_F1 = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const textContent = (text, x = 72, y = 200, size = 18) => `BT /F1 ${size} Tf ${x} ${y} Td (${text}) Tj ET`;

/**
 * A simple document: catalog 1, page tree 2, pages from 3 on (page, content), one Helvetica font.
 * @param {{text: string, page?: string, content?: string, resources?: string}[]} pages
 *   `page`: the page's own entries (default an A4 MediaBox); `resources` replaces the font resources.
 */
function simplePdf(pages, { treeExtra = '', catalogExtra = '', extraObjects = {}, ...options } = {}) {
  const fontNum = 3 + pages.length * 2;
  const objects = { [fontNum]: FONT_F1 };
  const kids = [];
  pages.forEach((p, i) => {
    const pageNum = 3 + i * 2;
    kids.push(`${pageNum} 0 R`);
    const resources = p.resources ?? `<< /Font << /F1 ${fontNum} 0 R >> >>`;
    objects[pageNum] = `<< /Type /Page /Parent 2 0 R ${p.page ?? '/MediaBox [0 0 595 842]'} /Resources ${resources} /Contents ${pageNum + 1} 0 R >>`;
    objects[pageNum + 1] = stream('', p.content ?? textContent(p.text));
  });
  objects[1] = `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`;
  objects[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} ${treeExtra}>>`;
  Object.assign(objects, extraObjects);
  return rawPdf(objects, options);
}

// ---------------------------------------------------------------------------------------------
// Output

function writePdf(name, bytes, entry) {
  writeFileSync(path.join(PDF_DIR, name), bytes);
  manifest.push({ file: `pdf/${name}`, ...entry });
}

function writeMd(name, content, entry) {
  writeFileSync(path.join(MD_DIR, name), content);
  manifest.push({ file: `md/${name}`, ...entry });
}

/** zlib deflate of `total` spaces (valid, empty page content), streamed in 1 MiB chunks so the generator stays small. */
async function deflateSpaces(total) {
  const deflater = zlib.createDeflate({ level: 9, memLevel: 9 });
  const chunks = [];
  deflater.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  const zero = Buffer.alloc(1 << 20, 0x20);
  for (let written = 0; written < total; written += zero.length) {
    if (!deflater.write(zero)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return Buffer.concat(chunks);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A minimal stored (uncompressed) ZIP archive. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 2×2 grey PNG. */
function png() {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.from([0, 0x80, 0x80, 0, 0x80, 0x80]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A text PDF made with pdf-lib (Helvetica), without clock values. */
async function pdfLibText(lines, { objectStreams = false, pageCount = 1 } = {}) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pageCount; p++) {
    const page = doc.addPage([595.28, 841.89]);
    lines.forEach((line, i) => page.drawText(pageCount > 1 ? `${line} (blad ${p + 1})` : line, { x: 72, y: 760 - i * 24, size: 14, font }));
  }
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams, addDefaultPage: false }));
}

function hasQpdf() {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus

async function pdfCorpus() {
  // Encryption (qpdf). Owner-only files must come out with their text; user-password files are errors.
  const secretText = ['Beveiligd stuk met echte tekst', 'Vertrouwelijkheid: openbaar na besluit'];
  const plain = await pdfLibText(secretText);
  const encrypted = [
    ['encrypted-user-rc4.pdf', ['geheim', 'eigenaar', '128', '--use-aes=n'], 'RC4-128, wachtwoord om te openen (`geheim`)', 'error', 'pdf-wachtwoord'],
    ['encrypted-user-aes256.pdf', ['geheim', 'eigenaar', '256'], 'AES-256, wachtwoord om te openen (`geheim`)', 'error', 'pdf-wachtwoord'],
    ['encrypted-owner-rc4.pdf', ['', 'eigenaar', '128', '--use-aes=n', '--print=none', '--modify=none', '--extract=n'], 'RC4-128, alleen eigenaarswachtwoord (beperkingen, leeg openwachtwoord)', 'ok'],
    ['encrypted-owner-rc4-40.pdf', ['', 'eigenaar', '40', '--print=n', '--modify=n', '--extract=n'], 'RC4-40, alleen eigenaarswachtwoord', 'ok'],
    ['encrypted-owner-aes128.pdf', ['', 'eigenaar', '128', '--use-aes=y', '--modify=none', '--extract=n'], 'AES-128, alleen eigenaarswachtwoord', 'ok'],
    ['encrypted-owner-aes256.pdf', ['', 'eigenaar', '256', '--print=none', '--modify=none', '--extract=n'], 'AES-256, alleen eigenaarswachtwoord', 'ok'],
  ];
  const qpdf = hasQpdf();
  const source = path.join(PDF_DIR, '.plain-for-encryption.pdf');
  writeFileSync(source, plain);
  for (const [name, args, what, expect, code] of encrypted) {
    const target = path.join(PDF_DIR, name);
    if ((FORCE_ENCRYPTED || !existsSync(target)) && qpdf) {
      const [user, owner, bits, ...rest] = args;
      execFileSync('qpdf', ['--allow-weak-crypto', '--static-id', '--static-aes-iv', '--encrypt', user, owner, bits, ...rest, '--', source, target]);
    }
    if (!existsSync(target)) {
      console.warn(`overgeslagen: ${name} (qpdf niet gevonden en geen bestaande kopie)`);
      continue;
    }
    manifest.push({ file: `pdf/${name}`, what, expect, ...(code ? { code } : { text: secretText[0] }) });
    if (code === 'pdf-wachtwoord') manifest.push({ file: `pdf/${name}`, what: `${what}, geopend met het juiste wachtwoord`, expect: 'ok', password: 'geheim', text: secretText[0] });
  }
  rmSync(source);

  // Not PDFs at all.
  writePdf('not-pdf-png.pdf', png(), { what: 'een PNG-afbeelding met de naam .pdf', expect: 'error', code: 'pdf-niet-pdf' });
  writePdf(
    'not-pdf-docx.pdf',
    zip([
      ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
      ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
      ['word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Beslisnota</w:t></w:r></w:p></w:body></w:document>'],
    ]),
    { what: 'een Word-document (.docx) met de naam .pdf', expect: 'error', code: 'pdf-niet-pdf' },
  );
  writePdf(
    'not-pdf-html.pdf',
    Buffer.from('<!DOCTYPE html>\n<html lang="nl"><head><title>404 Niet gevonden</title></head>\n<body><h1>Pagina niet gevonden</h1><p>Het document bestaat niet (meer).</p></body></html>\n'),
    { what: 'een HTML-foutpagina van een downloadsite, opgeslagen als .pdf', expect: 'error', code: 'pdf-niet-pdf' },
  );
  writePdf('not-pdf-text.pdf', Buffer.from('Dit is gewone tekst, geen PDF.\n'), { what: 'platte tekst met de naam .pdf', expect: 'error', code: 'pdf-niet-pdf' });
  writePdf('empty.pdf', Buffer.alloc(0), { what: '0 bytes', expect: 'error', code: 'pdf-leeg' });
  writePdf('header-only.pdf', latin1('%PDF-1.7\n%%EOF\n'), { what: 'alleen een PDF-kop, geen objecten', expect: 'error', code: 'pdf-onleesbaar' });

  // Damaged structure.
  const fourPages = simplePdf([1, 2, 3, 4].map((n) => ({ text: `Afgebroken document blad ${n}` })));
  writePdf('truncated.pdf', fourPages.subarray(0, Math.floor(fourPages.length / 2)), {
    what: 'de eerste helft van een PDF van vier bladzijden (download afgebroken)',
    expect: 'error',
    code: 'pdf-onvolledig',
  });
  // The catalog and page tree survive, the last page's content does not.
  const cutAt = fourPages.lastIndexOf(latin1('10 0 obj')) + 40;
  writePdf('truncated-last-page.pdf', fourPages.subarray(0, cutAt), {
    what: 'afgebroken in de inhoud van de laatste bladzijde',
    expect: 'error',
    code: 'pdf-onvolledig',
  });
  writePdf('xref-broken-offsets.pdf', simplePdf([{ text: 'Kapotte xref-tabel' }], { xref: 'broken' }), {
    what: 'xref-tabel met verkeerde offsets en een verkeerde startxref; hersteld met een waarschuwing',
    expect: 'warning',
    code: 'pdf-hersteld',
    text: 'Kapotte xref-tabel',
  });
  writePdf('xref-missing.pdf', simplePdf([{ text: 'Geen xref-tabel' }], { xref: 'none' }), {
    what: 'zonder xref-tabel; hersteld met een waarschuwing',
    expect: 'warning',
    code: 'pdf-hersteld',
    text: 'Geen xref-tabel',
  });
  writePdf('junk-before-header.pdf', simplePdf([{ text: 'Rommel voor de kop' }], { prefix: 'X-Mailer-Junk: 1\r\nContent-Type: application/pdf\r\n\r\n' }), {
    what: 'een mailkop voor `%PDF-` (binnen de eerste 1024 bytes)',
    expect: 'ok',
    text: 'Rommel voor de kop',
  });
  writePdf('junk-too-much.pdf', simplePdf([{ text: 'Te veel rommel' }], { prefix: '#'.repeat(2000) + '\n' }), {
    what: '2000 bytes rommel voor `%PDF-` (Acrobat leest alleen de eerste 1024)',
    expect: 'error',
    code: 'pdf-niet-pdf',
  });
  {
    // Incremental update: revision 2 replaces the content of page 1; only the new text may show.
    const rev1 = simplePdf([{ text: 'Eerste versie' }]);
    const newContent = stream('', textContent('Tweede versie na wijziging'));
    const appendAt = rev1.length;
    const obj = Buffer.concat([latin1('4 0 obj\n'), newContent, latin1('\nendobj\n')]);
    const xrefAt = appendAt + obj.length;
    const prev = Number(/startxref\n(\d+)/.exec(rev1.toString('latin1'))[1]);
    const update = Buffer.concat([
      obj,
      latin1(`xref\n0 1\n0000000000 65535 f \n4 1\n${String(appendAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`),
    ]);
    writePdf('incremental-update.pdf', Buffer.concat([rev1, update]), { what: 'twee revisies (incrementele update); de tweede vervangt de tekst', expect: 'ok', text: 'Tweede versie na wijziging' });
  }
  writePdf('object-streams.pdf', await pdfLibText(['Objectstromen en xref-stroom'], { objectStreams: true, pageCount: 3 }), {
    what: 'objecten in object streams met een xref stream (PDF 1.5)',
    expect: 'ok',
    text: 'Objectstromen en xref-stroom',
  });

  // Page tree.
  writePdf(
    'page-tree-loop.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
      3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>`,
      4: '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
      5: stream('', textContent('Lus in de paginaboom')),
      6: FONT_F1,
    }),
    { what: 'paginaboom met een lus (/Kids verwijst terug naar de wortel)', expect: 'error', code: 'pdf-paginaboom' },
  );
  writePdf(
    'page-tree-self-kid.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [2 0 R] /Count 1 >>',
    }),
    { what: 'paginaboom waarvan de wortel zijn eigen kind is', expect: 'error', code: 'pdf-paginaboom' },
  );
  writePdf(
    'page-tree-parent-loop.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 4 0 R >>',
      3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>`,
      4: '<< /Type /Pages /Kids [] /Count 0 /Parent 2 0 R >>',
      5: stream('', textContent('Lus via /Parent')),
      6: FONT_F1,
    }),
    { what: '/Parent-verwijzingen in een kring (de /Kids zijn goed); stil hersteld', expect: 'ok', text: 'Lus via /Parent' },
  );
  writePdf(
    'page-tree-kids-not-array.pdf',
    rawPdf({ 1: '<< /Type /Catalog /Pages 2 0 R >>', 2: '<< /Type /Pages /Kids 3 0 R /Count 1 >>', 3: '<< /Type /Page /MediaBox [0 0 595 842] >>' }),
    { what: '/Kids is geen array', expect: 'error', code: 'pdf-paginaboom' },
  );
  {
    // 300 nested page-tree nodes around one page.
    const objects = { 1: '<< /Type /Catalog /Pages 2 0 R >>' };
    const depth = 300;
    for (let i = 0; i < depth; i++) {
      const num = 2 + i;
      const kid = i === depth - 1 ? 1000 : num + 1;
      objects[num] = `<< /Type /Pages /Kids [${kid} 0 R] /Count 1${i > 0 ? ` /Parent ${num - 1} 0 R` : ''} >>`;
    }
    objects[1000] = `<< /Type /Page /Parent ${depth + 1} 0 R /Contents 1001 0 R /Resources << /Font << /F1 1002 0 R >> >> >>`;
    objects[1001] = stream('', textContent('Blad onderaan een diepe boom'));
    objects[1002] = FONT_F1;
    // The MediaBox and /Rotate are inherited from the top.
    objects[2] = objects[2].replace(' >>', ' /MediaBox [0 0 595 842] /Rotate 180 >>');
    writePdf('page-tree-deep.pdf', rawPdf(objects), {
      what: 'paginaboom 300 niveaus diep, MediaBox en /Rotate van de wortel geërfd; stil platgemaakt',
      expect: 'ok',
      text: 'Blad onderaan een diepe boom',
    });
  }
  writePdf(
    'page-tree-dangling-kid.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>',
      3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
      4: stream('', textContent('Blad 1 van 2')),
      5: FONT_F1,
    }),
    { what: 'de paginaboom noemt een blad (9 0 R) dat niet in het bestand staat', expect: 'error', code: 'pdf-onvolledig' },
  );
  writePdf(
    'page-missing-type.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      3: `<< /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
      4: stream('', textContent('Blad zonder /Type')),
      5: FONT_F1,
    }),
    { what: 'een blad zonder `/Type /Page` (lezers tonen het toch); stil hersteld', expect: 'ok', text: 'Blad zonder /Type' },
  );
  writePdf(
    'page-deeply-nested.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /X ${'['.repeat(10000)}${']'.repeat(10000)} >> >>`,
    }),
    { what: 'een blad met 10 000 geneste arrays (de parser kan het niet lezen; kopiëren zou recursief vastlopen)', expect: 'error', code: 'pdf-onleesbaar' },
  );
  writePdf('catalog-no-type.pdf', rawPdf({ 1: '<< /Pages 2 0 R >>', 2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`, 4: stream('', textContent('Catalogus zonder Type')), 5: FONT_F1 }), {
    what: 'een catalogus zonder `/Type /Catalog`; stil hersteld',
    expect: 'ok',
    text: 'Catalogus zonder Type',
  });
  writePdf('catalog-no-pages.pdf', rawPdf({ 1: '<< /Type /Catalog >>', 2: '<< /Type /Page /MediaBox [0 0 595 842] >>' }), {
    what: 'catalogus zonder /Pages',
    expect: 'error',
    code: 'pdf-paginaboom',
  });
  writePdf('zero-pages.pdf', rawPdf({ 1: '<< /Type /Catalog /Pages 2 0 R >>', 2: '<< /Type /Pages /Kids [] /Count 0 >>' }), {
    what: 'een lege paginaboom (0 bladzijden)',
    expect: 'error',
    code: 'pdf-geen-paginas',
  });

  // Boxes, rotation, units.
  writePdf('missing-mediabox.pdf', simplePdf([{ text: 'Geen MediaBox', page: '' }]), {
    what: 'blad zonder MediaBox, ook niet geërfd; A4 aangenomen',
    expect: 'warning',
    code: 'pdf-mediabox-ontbreekt',
    text: 'Geen MediaBox',
  });
  writePdf('missing-mediabox-with-cropbox.pdf', simplePdf([{ text: 'Alleen CropBox', page: '/CropBox [0 0 500 700]' }]), {
    what: 'blad zonder MediaBox maar met CropBox; de CropBox wordt de MediaBox (stil hersteld)',
    expect: 'ok',
    text: 'Alleen CropBox',
  });
  writePdf(
    'inherited-mediabox-rotate.pdf',
    simplePdf(
      [
        { text: 'Geerfd formaat en rotatie', page: '' },
        { text: 'Eigen rotatie 0', page: '/Rotate 0' },
      ],
      { treeExtra: '/MediaBox [0 0 842 595] /Rotate 90' },
    ),
    { what: 'MediaBox en /Rotate 90 geërfd van de paginaboom; blad 2 heeft eigen /Rotate 0', expect: 'ok', text: 'Geerfd formaat en rotatie' },
  );
  writePdf('cropbox-offset.pdf', simplePdf([{ text: 'CropBox verschoven', page: '/MediaBox [0 0 595 842] /CropBox [50 100 545 800]' }]), {
    what: 'CropBox verschoven binnen de MediaBox',
    expect: 'ok',
    text: 'CropBox verschoven',
  });
  writePdf(
    'mediabox-not-origin.pdf',
    simplePdf([{ text: 'MediaBox niet in de oorsprong', content: textContent('MediaBox niet in de oorsprong', 1100, 1700), page: '/MediaBox [1000 1000 1595 1842]' }]),
    { what: 'MediaBox die niet in (0,0) begint', expect: 'ok', text: 'MediaBox niet in de oorsprong' },
  );
  writePdf('inverted-box.pdf', simplePdf([{ text: 'Omgekeerde MediaBox', page: '/MediaBox [595 842 0 0] /CropBox [545 800 50 40]' }]), {
    what: 'MediaBox en CropBox met de hoeken omgekeerd (x2 < x1); stil genormaliseerd',
    expect: 'ok',
    text: 'Omgekeerde MediaBox',
  });
  writePdf('tiny-box.pdf', simplePdf([{ text: 'Klein', content: textContent('Klein', 2, 10, 6), page: '/MediaBox [0 0 30 20]' }]), {
    what: 'blad van 30 × 20 pt',
    expect: 'warning',
    code: 'pdf-pagina-klein',
  });
  writePdf('huge-box.pdf', simplePdf([{ text: 'Reusachtig blad', page: '/MediaBox [0 0 20000 20000]' }]), {
    what: 'blad van 20 000 × 20 000 eenheden (PDF-grens 14 400)',
    expect: 'warning',
    code: 'pdf-pagina-groot',
    text: 'Reusachtig blad',
  });
  writePdf('degenerate-box.pdf', simplePdf([{ text: 'Plat blad', page: '/MediaBox [0 0 595 0]' }]), {
    what: 'MediaBox zonder hoogte',
    expect: 'error',
    code: 'pdf-paginaformaat',
  });
  writePdf('userunit-2.pdf', simplePdf([{ text: 'UserUnit twee', page: '/MediaBox [0 0 298 421] /UserUnit 2' }]), {
    what: '/UserUnit 2 (elke eenheid is 2/72 inch)',
    expect: 'warning',
    code: 'pdf-userunit',
    text: 'UserUnit twee',
  });
  writePdf(
    'rotated.pdf',
    simplePdf([
      { text: 'Rotatie 0', page: '/MediaBox [0 0 595 842]' },
      { text: 'Rotatie 90', page: '/MediaBox [0 0 595 842] /Rotate 90' },
      { text: 'Rotatie 180', page: '/MediaBox [0 0 595 842] /Rotate 180' },
      { text: 'Rotatie 270', page: '/MediaBox [0 0 842 595] /Rotate 270' },
      { text: 'Rotatie -90', page: '/MediaBox [0 0 595 842] /Rotate -90' },
    ]),
    { what: 'bladen met /Rotate 0, 90, 180, 270 en -90', expect: 'ok', text: 'Rotatie 180', pages: 5 },
  );
  writePdf(
    'unbalanced-graphics-state.pdf',
    simplePdf([{ text: 'Open grafische toestand', content: `${textContent('Open grafische toestand')}\nq q 0.2 0 0 0.2 400 600 cm 0 0 100 100 re f` }]),
    { what: 'inhoud eindigt met twee open `q` en een `cm` (een stempel erna zou verschaald en verschoven landen)', expect: 'ok', text: 'Open grafische toestand' },
  );

  writePdf(
    'graphics-state-underflow.pdf',
    simplePdf([{ text: 'Te veel Q', content: `Q Q 0.2 0 0 0.2 400 600 cm ${textContent('Te veel Q')}` }]),
    { what: 'inhoud met twee `Q` zonder `q` vooraf en dan een `cm` (popt de q waarmee pdf-lib de inhoud omsluit)', expect: 'ok', text: 'Te veel Q' },
  );

  // Active content.
  writePdf(
    'page-aa-javascript.pdf',
    simplePdf([{ text: 'Blad met JavaScript', page: '/MediaBox [0 0 595 842] /AA << /O << /S /JavaScript /JS (app.alert\\("open"\\)) >> /C 90 0 R >>' }], {
      extraObjects: { 90: '<< /S /JavaScript /JS (app.launchURL\\("https://example.org"\\)) >>' },
    }),
    { what: 'bladacties (/AA) met JavaScript bij openen en sluiten', expect: 'warning', code: 'pdf-actieve-inhoud', text: 'Blad met JavaScript' },
  );
  writePdf(
    'launch-link.pdf',
    simplePdf([{ text: 'Link die een programma start', page: '/MediaBox [0 0 595 842] /Annots [90 0 R 91 0 R]' }], {
      extraObjects: {
        90: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /Border [0 0 0] /A << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >>',
        91: '<< /Type /Annot /Subtype /Link /Rect [72 650 300 680] /Border [0 0 0] /A << /S /URI /URI (https://www.rijksoverheid.nl/) >> >>',
      },
    }),
    { what: 'een Launch-link (start cmd.exe) naast een gewone https-link', expect: 'warning', code: 'pdf-actieve-inhoud', text: 'Link die een programma start' },
  );
  writePdf(
    'submitform.pdf',
    simplePdf([{ text: 'Formulier versturen', page: '/MediaBox [0 0 595 842] /Annots [90 0 R]' }], {
      extraObjects: {
        90: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /SubmitForm /F << /FS /URL /F (https://example.org/collect) >> /Next << /S /ImportData /F (data.fdf) >> >> >>',
      },
    }),
    { what: 'een link met SubmitForm en (via /Next) ImportData', expect: 'warning', code: 'pdf-actieve-inhoud', text: 'Formulier versturen' },
  );
  writePdf(
    'links-mixed.pdf',
    simplePdf(
      [
        { text: 'Inhoudsopgave met links', page: '/MediaBox [0 0 595 842] /Annots [90 0 R 91 0 R 92 0 R 93 0 R 94 0 R 95 0 R]' },
        { text: 'Hoofdstuk twee' },
      ],
      {
        catalogExtra: '/Names << /Dests 96 0 R >>',
        extraObjects: {
          90: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Dest [5 0 R /XYZ 0 842 0] /P 3 0 R >>',
          91: '<< /Type /Annot /Subtype /Link /Rect [72 680 300 700] /A << /S /GoTo /D (hoofdstuk2) >> >>',
          92: '<< /Type /Annot /Subtype /Link /Rect [72 660 300 680] /A << /S /URI /URI (mailto:griffie@example.nl) >> >>',
          93: '<< /Type /Annot /Subtype /Link /Rect [72 640 300 660] /A << /S /URI /URI (file:///C:/Windows/System32/calc.exe) >> >>',
          94: '<< /Type /Annot /Subtype /Link /Rect [72 620 300 640] /A << /S /URI /URI (javascript:alert\\(1\\)) >> >>',
          95: '<< /Type /Annot /Subtype /Link /Rect [72 600 300 620] /A << /S /GoToR /F (ander.pdf) /D [0 /Fit] >> >>',
          96: '<< /Names [(hoofdstuk2) [5 0 R /Fit]] >>',
        },
      },
    ),
    { what: 'interne links (expliciet en benoemd), mailto, file:, javascript:-URI en GoToR', expect: 'warning', code: 'pdf-actieve-inhoud', text: 'Inhoudsopgave met links', pages: 2 },
  );
  writePdf(
    'openaction-javascript.pdf',
    simplePdf([{ text: 'OpenAction JavaScript' }], {
      catalogExtra: '/OpenAction << /S /JavaScript /JS (this.print\\({bUI:false}\\)) >> /Names << /JavaScript << /Names [(init) << /S /JavaScript /JS (app.alert\\(1\\)) >>] >> >>',
    }),
    { what: 'JavaScript als OpenAction en in /Names /JavaScript', expect: 'warning', code: 'pdf-actieve-inhoud', text: 'OpenAction JavaScript' },
  );
  writePdf(
    'embedded-files.pdf',
    simplePdf([{ text: 'Met ingesloten bestand', page: '/MediaBox [0 0 595 842] /Annots [92 0 R]' }], {
      catalogExtra: '/Names << /EmbeddedFiles << /Names [(begroting.xlsx) 90 0 R] >> >>',
      extraObjects: {
        90: '<< /Type /Filespec /F (begroting.xlsx) /UF (begroting.xlsx) /EF << /F 91 0 R >> >>',
        91: stream('/Type /EmbeddedFile', 'geen echte spreadsheet'),
        92: '<< /Type /Annot /Subtype /FileAttachment /Rect [500 700 520 720] /FS 90 0 R /Name /PushPin >>',
      },
    }),
    { what: 'ingesloten bestand (/EmbeddedFiles) en een FileAttachment-annotatie', expect: 'warning', code: 'pdf-ingesloten-bestanden', text: 'Met ingesloten bestand' },
  );
  writePdf(
    'acroform-filled.pdf',
    simplePdf([{ text: 'Ingevuld formulier', page: '/MediaBox [0 0 595 842] /Annots [90 0 R]' }], {
      catalogExtra: '/AcroForm << /Fields [90 0 R] /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv 5 0 R >> >> >>',
      extraObjects: {
        90: '<< /Type /Annot /Subtype /Widget /FT /Tx /T (naam) /V (Jansen) /Rect [72 600 300 624] /F 4 /AP << /N 91 0 R >> /AA << /K << /S /JavaScript /JS (AFSpecial_Keystroke\\(0\\)) >> >> >>',
        91: stream('/Type /XObject /Subtype /Form /BBox [0 0 228 24] /Resources << /Font << /Helv 5 0 R >> >>', 'BT /Helv 12 Tf 2 6 Td (Jansen) Tj ET'),
      },
    }),
    { what: 'ingevuld AcroForm-veld (met weergave) en JavaScript bij toetsaanslag', expect: 'warning', code: 'pdf-formulier', text: 'Ingevuld formulier' },
  );
  writePdf(
    'signature.pdf',
    simplePdf([{ text: 'Digitaal ondertekend', page: '/MediaBox [0 0 595 842] /Annots [90 0 R]' }], {
      catalogExtra: '/AcroForm << /Fields [90 0 R] /SigFlags 3 >>',
      extraObjects: {
        90: '<< /Type /Annot /Subtype /Widget /FT /Sig /T (handtekening) /V 91 0 R /Rect [0 0 0 0] /F 132 >>',
        91: `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 100 200 300] /Contents <${'00'.repeat(64)}> /M (D:20250201120000Z) /Name (A. Secretaris) >>`,
      },
    }),
    { what: 'een handtekeningveld met ondertekening (/FT /Sig met /V)', expect: 'warning', code: 'pdf-ondertekend', text: 'Digitaal ondertekend' },
  );
  const xfaPacket = '<?xml version="1.0"?><xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="form1" layout="tb"/></template></xdp:xdp>';
  writePdf(
    'xfa-dynamic.pdf',
    simplePdf(
      [
        {
          text: 'Please wait...',
          content: `${textContent('Please wait...', 72, 760)}\n${textContent('If this message is not eventually replaced by the proper contents of the document, your PDF viewer may not be able to display this type of document.', 72, 730, 8)}`,
        },
      ],
      { catalogExtra: '/NeedsRendering true /AcroForm << /Fields [] /XFA 90 0 R >>', extraObjects: { 90: stream('', xfaPacket) } },
    ),
    { what: 'dynamisch XFA-formulier: de bladzijde is alleen een "Please wait..."-plaatshouder', expect: 'error', code: 'pdf-xfa-dynamisch' },
  );
  writePdf(
    'xfa-static.pdf',
    simplePdf([{ text: 'Statisch XFA-formulier' }], { catalogExtra: '/AcroForm << /Fields [] /XFA 90 0 R >>', extraObjects: { 90: stream('', xfaPacket) } }),
    { what: 'statisch XFA-formulier (met gewone bladinhoud)', expect: 'warning', code: 'pdf-xfa', text: 'Statisch XFA-formulier' },
  );
  writePdf(
    'font-not-embedded.pdf',
    simplePdf([{ text: 'Arial niet ingesloten', content: 'BT /F2 18 Tf 72 720 Td (Arial niet ingesloten) Tj ET', resources: '<< /Font << /F2 90 0 R >> >>' }], {
      extraObjects: {
        90: '<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths 92 0 R /Encoding /WinAnsiEncoding /FontDescriptor 91 0 R >>',
        91: '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [-665 -325 2000 1040] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>',
        92: `[${Array.from({ length: 95 }, () => '556').join(' ')}]`,
      },
    }),
    { what: 'TrueType-lettertype Arial zonder FontFile2 (niet ingesloten)', expect: 'warning', code: 'pdf-lettertype', text: 'Arial niet ingesloten' },
  );

  // Decompression bombs: 1 GiB of spaces, deflated twice, is a few KB.
  const gib = await deflateSpaces(1 << 30);
  const twice = zlib.deflateSync(gib, { level: 9 });
  writePdf(
    'bomb-objstm.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      4: stream('/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]', twice),
    }),
    { what: `object stream van ${twice.length} bytes die uitpakt tot 1 GiB`, expect: 'error', code: 'pdf-bom' },
  );
  writePdf(
    'bomb-content.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      4: stream('/Filter [/FlateDecode /FlateDecode]', twice),
    }),
    { what: `inhoudsstroom van ${twice.length} bytes die uitpakt tot 1 GiB`, expect: 'error', code: 'pdf-bom' },
  );
  {
    const once = zlib.deflateSync(Buffer.alloc(60 << 20, 0x20), { level: 9 });
    writePdf(
      'bomb-form-xobject.pdf',
      rawPdf({
        1: '<< /Type /Catalog /Pages 2 0 R >>',
        2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>',
        4: stream('', 'q /X1 Do Q'),
        5: stream('/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Filter /FlateDecode', once),
      }),
      { what: `Form XObject van ${once.length} bytes die uitpakt tot 60 MiB (één keer Flate)`, expect: 'error', code: 'pdf-bom' },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Damaged files that viewers (and qpdf) open: the classes of qpdf's own test suite (qpdf/qtest/qpdf:
// bad*, bad-token-startxref, reserved-objects, invalid-id-xref, bad-encryption-length,
// duplicate-page-inherited, append-page-content-damaged, bad-data, broken-lzw, unfilterable),
// made here from scratch. Each builds, with a warning that names the repair or the damaged page.

/** LZW as PDF writes it (EarlyChange 1, clear code at the start and when the table is full). */
function lzwEncode(data, { badCodeAt } = {}) {
  const codes = [256];
  let table = new Map();
  let next = 258;
  let width = 9;
  const widths = [9];
  const push = (code) => {
    codes.push(code);
    widths.push(width);
  };
  let current = '';
  for (let i = 0; i < data.length; i++) {
    if (badCodeAt === i) push(4000); // a code the table cannot have yet
    const ch = String.fromCharCode(data[i]);
    const joined = current + ch;
    if (current === '' || (joined.length > 1 && table.has(joined))) {
      current = joined;
      continue;
    }
    push(current.length === 1 ? current.charCodeAt(0) : table.get(current));
    table.set(joined, next++);
    if (next >= 1 << width && width < 12) width++;
    if (next >= 4094) {
      push(256);
      table = new Map();
      next = 258;
      width = 9;
    }
    current = ch;
  }
  if (current) push(current.length === 1 ? current.charCodeAt(0) : table.get(current));
  push(257);
  let bits = 0;
  let acc = 0n;
  for (let i = 0; i < codes.length; i++) {
    acc = (acc << BigInt(widths[i])) | BigInt(codes[i]);
    bits += widths[i];
  }
  const pad = (8 - (bits % 8)) % 8;
  acc <<= BigInt(pad);
  const out = Buffer.alloc((bits + pad) / 8);
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = Number(acc & 0xffn);
    acc >>= 8n;
  }
  return out;
}

/** The bytes of `pdf` with the number after the last `startxref` replaced by `token`. */
function withStartXref(pdf, token) {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('startxref');
  return Buffer.concat([pdf.subarray(0, at), latin1(text.slice(at).replace(/startxref\n\d+/, `startxref\n${token}`))]);
}

/** A JPEG that is only a header: start of image and a frame header (SOF0) of `w` × `h` × 3. */
function jpegHeader(w, h) {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
}

/** One page with text and one image XObject (object 90) drawn below it. */
function imagePdf(text, imageDict, imageData) {
  return simplePdf(
    [{ text, content: `${textContent(text, 72, 760)}\nq 200 0 0 200 72 400 cm /Im1 Do Q`, resources: '<< /Font << /F1 5 0 R >> /XObject << /Im1 90 0 R >> >>' }],
    { extraObjects: { 90: stream(`/Type /XObject /Subtype /Image ${imageDict}`, imageData) } },
  );
}

/** A one-page document encrypted with RC4 (empty user password); `trailerId`: false leaves /ID out. */
function rc4Pdf(text, { revision, bits, id, encryptDict }) {
  const { key, O, U } = standardSecurity({ revision, bits, id, owner: 'eigenaar', permissions: -4 });
  const content = Buffer.from(textContent(text));
  const objects = {
    1: '<< /Type /Catalog /Pages 2 0 R >>',
    2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    4: stream('', encryptFor(key, 4, 0, content)),
    5: FONT_F1,
    6: `<< /Filter /Standard ${encryptDict} /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P -4 >>`,
  };
  return rawPdf(objects, { trailer: `/Encrypt 6 0 R ${id.length ? `/ID [<${id.toString('hex')}> <${id.toString('hex')}>] ` : ''}` });
}

async function damagedCorpus() {
  const repaired = (what, text, extra = {}) => ({ what, expect: 'warning', code: 'pdf-hersteld', ...(text ? { text } : {}), ...extra });

  // Cross-reference table, trailer, startxref (qpdf: bad10–bad19, bad36, bad-token-startxref, reserved-objects).
  writePdf('trailer-brackets.pdf', simplePdf([{ text: 'Trailer met losse haken' }], { trailer: '/Something { /Other } /Arr ] /K 1 /K 2 /Dangling ' }), repaired('trailer met losse `{ } ]`, een dubbele sleutel en een sleutel zonder waarde', 'Trailer met losse haken'));
  writePdf('trailer-size-not-number.pdf', simplePdf([{ text: 'Size is geen getal' }], { trailer: '/Size (h) ' }), repaired('trailer met `/Size (h)`', 'Size is geen getal'));
  writePdf('trailer-bare-words.pdf', simplePdf([{ text: 'Losse woorden in de trailer' }], { trailer: 'Array1 2 0 R Array2 3 0 R ' }), repaired('trailer met woorden zonder sleutel (`Array1 2 0 R`)', 'Losse woorden in de trailer'));
  writePdf('startxref-not-a-number.pdf', withStartXref(simplePdf([{ text: 'Startxref is geen getal' }]), 'oops'), repaired('`startxref` gevolgd door `oops` in plaats van een getal', 'Startxref is geen getal'));
  {
    // An incremental update that replaces page 1's content, with a broken startxref (qpdf: append-page-content-damaged).
    const rev1 = simplePdf([{ text: 'Eerste versie' }]);
    const obj = Buffer.concat([latin1('4 0 obj\n'), stream('', textContent('Herziene versie na beschadigde update')), latin1('\nendobj\n')]);
    const prev = Number(/startxref\n(\d+)/.exec(rev1.toString('latin1'))[1]);
    const update = Buffer.concat([obj, latin1(`xref\n0 1\n0000000000 65535 f \n4 1\n${String(rev1.length + 3).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev ${prev} >>\nstartxref\noops\n%%EOF\n`)]);
    writePdf('incremental-update-damaged.pdf', Buffer.concat([rev1, update]), repaired('een incrementele update met een verkeerde offset en `startxref oops`; de nieuwe tekst telt', 'Herziene versie na beschadigde update'));
  }
  {
    // No %PDF- line at all: spaces where it was, so the offsets still hold (qpdf: fuzz-16214).
    const whole = simplePdf([{ text: 'Zonder PDF-kop' }]);
    const start = whole.indexOf('1 0 obj');
    writePdf('no-header.pdf', Buffer.concat([Buffer.alloc(start, 0x20), whole.subarray(start)]), repaired('zonder `%PDF-`-kop; het bestand begint met spaties en het eerste object', 'Zonder PDF-kop'));
  }

  // Damaged objects (qpdf: bad24, bad25, bad35, bad39).
  {
    const two = simplePdf([{ text: 'Blad een blijft leesbaar' }, { text: 'Blad twee is kwijt' }]);
    writePdf('object-header-damaged.pdf', Buffer.from(two.toString('latin1').replace('6 0 obj', 'x 0 obj'), 'latin1'), repaired('de kop van de inhoud van blad 2 is beschadigd (`x 0 obj`); het bestand is compleet: blad 2 blijft leeg', 'Blad een blijft leesbaar', { pages: 2 }));
  }
  writePdf(
    'stream-without-endstream.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      4: `<< /Length 999 >>\nstream\n${textContent('Stroom zonder einde')}\nenxstream\nenxobj`,
      5: FONT_F1,
    }),
    repaired('een inhoudsstroom met een verkeerde `/Length` en zonder `endstream` en `endobj`', 'Stroom zonder einde'),
  );
  {
    // The page tree lives in an object stream whose /Type is wrong (qpdf: bad35).
    const inner = ['<< /Type /Catalog /Pages 3 0 R >>', '<< /Type /Pages /Kids [4 0 R] /Count 1 >>', '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents 5 0 R >>'];
    let header = '';
    let body = '';
    inner.forEach((o, i) => {
      header += `${i + 2} ${body.length} `;
      body += `${o}\n`;
    });
    const data = `${header}\n${body}`;
    // Objects 2–4 are in stream 1, which a cross-reference stream (object 7) says (W [1 2 1]).
    const base = rawPdf({ 1: stream(`/Type /Potato /N 3 /First ${header.length + 1}`, data), 5: stream('', textContent('Objectstroom met verkeerd type')), 6: FONT_F1 }, { xref: 'none' });
    const body1 = base.subarray(0, base.indexOf('trailer'));
    const at = (n) => body1.indexOf(`\n${n} 0 obj`) + 1;
    const rows = [[0, 0, 255], [1, at(1), 0], [2, 1, 0], [2, 1, 1], [2, 1, 2], [1, at(5), 0], [1, at(6), 0], [1, body1.length, 0]];
    const table = Buffer.from(rows.flatMap(([t, f, g]) => [t, f >> 8, f & 0xff, g]));
    const xrefObj = Buffer.concat([latin1('7 0 obj\n'), stream('/Type /XRef /Size 8 /W [1 2 1] /Root 2 0 R', table), latin1('\nendobj\n')]);
    writePdf('objstm-wrong-type.pdf', Buffer.concat([body1, xrefObj, latin1(`startxref\n${body1.length}\n%%EOF\n`)]), repaired('de catalogus en de bladen staan in een objectstroom met `/Type /Potato` (qpdf: bad35)', 'Objectstroom met verkeerd type'));
  }

  // The page tree (qpdf: duplicate-page-inherited, page_api_2).
  writePdf(
    'page-listed-twice.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 2 /MediaBox [0 0 842 595] >>',
      3: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      4: stream('', textContent('Twee keer hetzelfde blad')),
      5: FONT_F1,
    }),
    repaired('één blad twee keer in `/Kids`, MediaBox geërfd; als kopie twee keer opgenomen', 'Twee keer hetzelfde blad', { pages: 2 }),
  );

  writePdf(
    'stray-page-parent-loop.pdf',
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 6 0 R /Contents 4 0 R >>',
      4: stream('', textContent('Hulpbronnen die een blad zijn')),
      5: FONT_F1,
      6: '<< /Type /Page /Parent 7 0 R /Font << /F1 5 0 R >> >>',
      7: '<< /Type /Pages /Parent 6 0 R /Kids [6 0 R] /Count 1 >>',
    }),
    { what: 'de /Resources van het blad zijn een los blad (buiten de paginaboom) met een /Parent-kring (qpdf: issue-99); stil losgemaakt', expect: 'ok', text: 'Hulpbronnen die een blad zijn' },
  );

  // Encryption (qpdf: invalid-id-xref, bad-encryption-length), made with our own RC4 handler.
  writePdf('encrypted-no-id.pdf', rc4Pdf('Versleuteld zonder ID', { revision: 2, bits: 40, id: Buffer.alloc(0), encryptDict: '/V 1 /R 2 /Length 40' }), repaired('RC4-40 met leeg openwachtwoord, zonder `/ID` in de trailer', 'Versleuteld zonder ID'));
  writePdf(
    'encrypted-key-length-lost.pdf',
    rc4Pdf('Sleutellengte kwijt', { revision: 3, bits: 128, id: Buffer.from('2dc7d3d0f5f5b44e5b39ff85e8a4f70c', 'hex'), encryptDict: '/V 2 /R 3 /Wength 128' }),
    repaired('RC4-128 met leeg openwachtwoord waarvan `/Length` `/Wength` heet; geen wachtwoord nodig (pdf.js vraagt om een wachtwoord, qpdf niet)', 'Sleutellengte kwijt', { pages: 1, pdfjsOpens: false }),
  );

  // Damaged streams (qpdf: bad-data, broken-lzw, unfilterable): the page is named.
  const lzwText = `${textContent('Tekst voor de fout', 72, 760)}\n${textContent('Tekst na de fout', 72, 700)}`;
  {
    const long = `${textContent('LZW zonder fouten', 72, 760)}\n${Array.from({ length: 400 }, (_, i) => textContent(`Regel ${i} van een lange LZW-stroom`, 72, 700 - (i % 60) * 10, 8)).join('\n')}`;
    writePdf(
      'stream-lzw.pdf',
      rawPdf({
        1: '<< /Type /Catalog /Pages 2 0 R >>',
        2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
        4: stream('/Filter /LZWDecode', lzwEncode(latin1(long))),
        5: FONT_F1,
      }),
      { what: 'een lange LZW-inhoudsstroom (codes van 9 tot 12 bits, volle tabel, clear-code): geen fout', expect: 'ok', text: 'LZW zonder fouten' },
    );
  }
  const damagedPage = (content, filter) =>
    rawPdf({
      1: '<< /Type /Catalog /Pages 2 0 R >>',
      2: '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      4: stream('', textContent('Blad een is in orde')),
      5: FONT_F1,
      6: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>',
      7: stream(filter, content),
    });
  const beschadigd = (what) => ({ what, expect: 'warning', code: 'pdf-beschadigd', text: 'Blad een is in orde', pages: 2 });
  writePdf('stream-lzw-bad-code.pdf', damagedPage(lzwEncode(latin1(lzwText), { badCodeAt: lzwText.indexOf('Tekst na') }), '/Filter /LZWDecode'), beschadigd('LZW-inhoud van blad 2 met een ongeldige code halverwege'));
  writePdf('stream-unknown-filter.pdf', damagedPage(latin1(textContent('Onbekend filter')), '/Filter /PlateDecode'), beschadigd('inhoud van blad 2 met het onbekende filter `/PlateDecode`'));
  {
    const whole = zlib.deflateSync(latin1(Array.from({ length: 200 }, (_, i) => textContent(`Regel ${i}`, 72, 800 - (i % 70) * 11, 9)).join('\n')));
    // No text check: pdf.js's text extraction (pdf-parse) gives up on the whole file here.
    const { text: _t, ...noText } = beschadigd('Flate-inhoud van blad 2 die halverwege ophoudt');
    writePdf('stream-flate-cut.pdf', damagedPage(whole.subarray(0, Math.floor(whole.length / 2)), '/Filter /FlateDecode'), noText);
  }

  // Images (issue 10, item 13): declared and decoded sizes.
  writePdf('image-declared-huge.pdf', imagePdf('Reusachtige afbeelding', '/Width 100000 /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode', zlib.deflateSync(Buffer.alloc(3000))), {
    what: 'een afbeelding van 100 000 × 100 000 RGB-pixels (28 GiB uitgepakt) in 30 bytes',
    expect: 'error',
    code: 'pdf-afbeelding-te-groot',
  });
  writePdf('image-jpeg-header-huge.pdf', imagePdf('JPEG met reuzenkop', '/Width 10 /Height 10 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode', jpegHeader(65000, 65000)), {
    what: 'een JPEG die volgens de PDF 10 × 10 is, volgens zijn eigen kop 65 000 × 65 000',
    expect: 'error',
    code: 'pdf-afbeelding-te-groot',
  });
  {
    const data = zlib.deflateSync(Buffer.alloc(8 << 20), { level: 9 });
    writePdf('image-data-bomb.pdf', imagePdf('Afbeelding met te veel gegevens', '/Width 10 /Height 10 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', data), {
      what: `een afbeelding van 10 × 10 grijze pixels waarvan de ${data.length} bytes uitpakken tot 8 MiB`,
      expect: 'error',
      code: 'pdf-bom',
    });
  }
  {
    // 8000 × 8000 white: 61 MiB from a few dozen KB, past the stream bomb ratio but exactly what the image needs.
    const side = 8000;
    const data = zlib.deflateSync(Buffer.alloc(side * side, 0xff), { level: 9 });
    writePdf('image-large-white.pdf', imagePdf('Grote witte scan', `/Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data), {
      what: `een witte scan van ${side} × ${side} grijze pixels (61 MiB uit ${data.length} bytes): geen bom`,
      expect: 'ok',
      text: 'Grote witte scan',
    });
  }
  writePdf('image-damaged.pdf', imagePdf('Beschadigde afbeelding', '/Width 20 /Height 20 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', latin1('dit is geen zlib-stroom')), {
    what: 'een afbeelding waarvan de Flate-gegevens geen zlib zijn',
    expect: 'warning',
    code: 'pdf-beschadigd',
    text: 'Beschadigde afbeelding',
  });
}

// ---------------------------------------------------------------------------------------------
// Hostile agenda-item files (the front-matter side). `rule` is the loader's diagnostic rule.

const ITEM = 'vergadering: AB 2025-03-05\nagendapunt: "7"\nonderwerp: Vijandige invoer\nsoort: mondeling';

function mdCorpus() {
  const pwn = (name) => `require('fs').writeFileSync(require('path').join(require('os').tmpdir(), 'bundel-pwned-${name}'), 'x')`;
  writeMd('js-front-matter.md', `---js\n${pwn('js')}\n---\nTekst.\n`, { what: '`---js` front matter die een bestand zou maken', expect: 'error', code: 'front-matter' });
  writeMd('javascript-front-matter.md', `---javascript\n${pwn('javascript')}\n---\nTekst.\n`, { what: '`---javascript` front matter die een bestand zou maken', expect: 'error', code: 'front-matter' });
  writeMd('javascript-upper-front-matter.md', `--- JavaScript\n${pwn('JavaScript')}\n---\nTekst.\n`, { what: '`--- JavaScript` (hoofdletters, spatie)', expect: 'error', code: 'front-matter' });
  writeMd('duplicate-keys.md', `---\n${ITEM}\nonderwerp: Nogmaals\n---\n`, { what: 'dubbele sleutel `onderwerp` (regel 6)', expect: 'error', code: 'yaml-syntax' });
  {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    writeMd('alias-bomb.md', `---\n${ITEM}\n${lines.join('\n')}\n---\n`, { what: 'billion laughs: 9 niveaus van 9 aliassen', expect: 'error', code: 'yaml-syntax' });
  }
  // Block style: compact nested sequences (`- - - 1`) reach 10 000 levels in 20 KB.
  writeMd('deep-block.md', `---\n${ITEM}\nx:\n  ${'- '.repeat(10000)}1\n---\n`, {
    what: '10 000 niveaus geneste lijsten in blokstijl (`- - - … 1`)',
    expect: 'error',
    code: 'yaml-syntax',
  });
  writeMd('deep-block-mappings.md', `---\n${ITEM}\nx:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n---\n`, {
    what: '300 niveaus geneste mappings in blokstijl (één spatie per niveau)',
    expect: 'error',
    code: 'yaml-syntax',
  });
  writeMd('deep-flow.md', `---\n${ITEM}\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\n`, { what: '10 000 niveaus geneste lijsten (flow-stijl)', expect: 'error', code: 'yaml-syntax' });
  // A depth estimate that trusted a lone apostrophe or `#` as a quote or comment missed these.
  writeMd('deep-flow-after-apostrophe.md', `---\n${ITEM}\nportefeuillehouder: d'Ancona\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\n`, {
    what: '10 000 niveaus flow-stijl na een apostrof in een gewone waarde',
    expect: 'error',
    code: 'yaml-syntax',
  });
  writeMd('deep-flow-after-hash.md', `---\n${ITEM}\nx: [a#b, ${'['.repeat(10000)}${']'.repeat(10000)}]\n---\n`, {
    what: '10 000 niveaus flow-stijl na een `#` midden in een waarde',
    expect: 'error',
    code: 'yaml-syntax',
  });
  writeMd('deep-flow-unclosed.md', `---\n${ITEM}\nx: ${'{a: '.repeat(10000)}\n---\n`, { what: '10 000 open accolades zonder sluiting', expect: 'error', code: 'yaml-syntax' });
  writeMd('huge-front-matter.md', `---\n${ITEM}\ntoelichting: "${'lang '.repeat(20000)}"\n---\n`, { what: 'front matter van ongeveer 100 KB', expect: 'error', code: 'yaml-syntax' });
  writeMd('proto-keys.md', `---\n${ITEM}\n__proto__:\n  polluted: ja\nconstructor:\n  prototype:\n    polluted: ja\n---\n`, {
    what: 'sleutels `__proto__` en `constructor.prototype`',
    expect: 'ok',
  });
  writeMd('yaml11-values.md', `---\nvergadering: AB 2025-03-05\nagendapunt: 010\nonderwerp: no\ntijd: 1:30\ndatum: 2025-03-05\nsoort: mondeling\nvertrouwelijk: off\n---\n`, {
    what: 'YAML 1.1-waarden (`no`, `010`, `1:30`, `off`, een datum)',
    expect: 'ok',
  });
  writeMd('latin1.md', Buffer.concat([latin1(`---\n${ITEM}\nportefeuillehouder: `), Buffer.from([0x52, 0x65, 0x6e, 0xe9, 0x65]), latin1('\n---\nCaf\xe9\n')]), {
    what: 'Latin-1 (é als byte E9) in plaats van UTF-8, op regel 6',
    expect: 'error',
    code: 'bestand-leesbaar',
  });
  writeMd('block-scalar-indented.md', `---\n${ITEM}\ntoelichting: |\n${Array.from({ length: 4 }, (_, i) => `${' '.repeat(80)}regel ${i + 1} [[[[`).join('\n')}\n---\n`, {
    what: 'een letterlijk blok met regels die 80 spaties inspringen en haken bevatten (geen nesting)',
    expect: 'ok',
  });
  writeMd('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`---\n${ITEM}\n---\nMet BOM.\n`)]), { what: 'UTF-8 met BOM', expect: 'ok' });
  writeMd('crlf.md', `---\r\n${ITEM.replace(/\n/g, '\r\n')}\r\nsoort: voorstel\r\n---\r\nRegels met CRLF.\r\n`, {
    what: 'CRLF-regeleinden, dubbele sleutel `soort` op regel 6',
    expect: 'error',
    code: 'yaml-syntax',
  });
  writeMd('no-closing.md', `---\n${ITEM}\nTekst zonder afsluitende streep.\n`, { what: 'front matter zonder afsluitende `---`', expect: 'error', code: 'front-matter' });
  writeMd('binary.md', Buffer.concat([latin1('---\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x80]), latin1('\n---\n')]), { what: 'binaire rommel', expect: 'error', code: 'bestand-leesbaar' });
}

// ---------------------------------------------------------------------------------------------

mkdirSync(PDF_DIR, { recursive: true });
mkdirSync(MD_DIR, { recursive: true });
// Remove generated files we no longer make, but keep encrypted ones (they may come from another machine).
for (const dir of [PDF_DIR, MD_DIR]) {
  for (const name of readdirSync(dir)) if (!name.startsWith('encrypted-')) rmSync(path.join(dir, name));
}
await pdfCorpus();
await damagedCorpus();
mdCorpus();
manifest.sort((a, b) => a.file.localeCompare(b.file) || (a.password ?? '').localeCompare(b.password ?? ''));
writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

let total = 0;
for (const dir of [PDF_DIR, MD_DIR]) for (const name of readdirSync(dir)) total += statSync(path.join(dir, name)).size;
console.log(`${manifest.length} gevallen, ${(total / 1024).toFixed(0)} KiB in fixtures/corpus`);
