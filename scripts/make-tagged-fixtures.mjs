#!/usr/bin/env node
// Makes the tagged (and untagged) attachment PDFs the accessibility tests use, reproducibly:
//
//   fixtures/toegankelijk/…/bijlagen/notitie-word.pdf     tagged by LibreOffice Writer, as a Word user's
//                                                         "Save as PDF" with tags: a flat ODT written
//                                                         here, converted with `soffice --convert-to`
//   fixtures/toegankelijk/…/bijlagen/beslisnota-typst.pdf tagged by Typst (the same compiler bundel uses)
//   fixtures/toegankelijk/…/bijlagen/*.pdf (the rest)     pdf-lib: one tagged paragraph per page, or
//                                                         no tags at all (a stand-in for a scan)
//   fixtures/lint/**/bijlagen/*.pdf                       pdf-lib, tagged: the lint fixtures test other
//                                                         rules and must not trip bijlage-niet-toegankelijk
//
// Usage (from the repository root): node scripts/make-tagged-fixtures.mjs [--skip-office]
// Everything but the LibreOffice file is byte-identical from run to run; LibreOffice writes the
// clock into its file (CreationDate, /ID), so that one is only remade when asked (without
// --skip-office) and LibreOffice (`soffice`) is installed.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFString } from '@cantoo/pdf-lib';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MEETING = path.join(ROOT, 'fixtures/toegankelijk/vergaderingen/2025-06-11/bijlagen');
const FONT = readFileSync(path.join(ROOT, 'templates/fonts/SourceSans3-Regular.ttf'));
const FIXED_DATE = new Date('2025-05-20T09:00:00Z');

/** A deterministic /ID from the file name. */
function fixedId(doc, name) {
  const id = createHash('md5').update(name).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/**
 * A simple attachment: per page one line "<title> - pagina i van n". Tagged: each line is a P
 * element (marked content MCID 0 of its page) under a Document element.
 */
async function simplePdf({ title, pages, tagged, lang = 'nl-NL' }) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  doc.setTitle(title, { showInWindowTitleBar: tagged });
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('bundel scripts/make-tagged-fixtures.mjs');
  doc.setCreator('bundel test fixtures');
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const documentRef = ctx.nextRef();
  const paragraphs = [];
  const nums = [];
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    if (tagged) page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('P'), '<< /MCID 0 >>']));
    page.drawText(`${title} - pagina ${i + 1} van ${pages}`, { x: 72, y: 760, size: 14, font });
    if (!tagged) continue;
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    const p = ctx.register(ctx.obj({ Type: 'StructElem', S: 'P', P: documentRef, Pg: page.ref, K: 0 }));
    paragraphs.push(p);
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
    nums.push(PDFNumber.of(i), ctx.obj([p]));
  }
  if (tagged) {
    ctx.assign(documentRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: paragraphs }));
    ctx.assign(rootRef, ctx.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: ctx.obj({ Nums: nums }), ParentTreeNextKey: pages }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
    doc.catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  }
  fixedId(doc, title);
  return doc.save({ useObjectStreams: false });
}

/** A Dutch memo as LibreOffice's flat ODT: heading, paragraphs, a list, a table with a header row, a link. */
const NOTITIE_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>Notitie regionale samenwerking</dc:title></office:meta>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="nl" fo:country="NL"/></style:default-style>
<style:style style:name="Pagina" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:styles>
<office:body><office:text>
<text:h text:outline-level="1">Notitie regionale samenwerking</text:h>
<text:p>De gemeenten in de regio werken samen aan wonen, werken en bereikbaarheid. Deze notitie zet de afspraken voor 2025 op een rij; meer informatie staat op <text:a xlink:type="simple" xlink:href="https://www.example.org/samenwerking">de website van de regio</text:a>.</text:p>
<text:h text:outline-level="2">Afspraken</text:h>
<text:list><text:list-item><text:p>Elke gemeente draagt naar inwonertal bij.</text:p></text:list-item><text:list-item><text:p>Het algemeen bestuur stelt de begroting vast.</text:p></text:list-item><text:list-item><text:p>De werkgroepen rapporteren twee keer per jaar.</text:p></text:list-item></text:list>
<text:h text:outline-level="2">Bijdragen per gemeente</text:h>
<table:table table:name="Bijdragen"><table:table-column table:number-columns-repeated="2"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Gemeente</text:p></table:table-cell><table:table-cell><text:p>Bijdrage 2025</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Aalten</text:p></table:table-cell><table:table-cell><text:p>€ 120.000</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Winterswijk</text:p></table:table-cell><table:table-cell><text:p>€ 150.000</text:p></table:table-cell></table:table-row>
</table:table>
<text:h text:style-name="Pagina" text:outline-level="2">Vervolg</text:h>
<text:p>Na vaststelling door het algemeen bestuur gaat de notitie naar de gemeenteraden.</text:p>
</office:text></office:body></office:document>
`;

function officePdf(target) {
  const work = mkdtempSync(path.join(tmpdir(), 'bundel-fixture-'));
  try {
    const source = path.join(work, 'notitie-word.fodt');
    writeFileSync(source, NOTITIE_FODT);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}', '--outdir', work, source], { stdio: 'ignore' });
    copyFileSync(path.join(work, 'notitie-word.pdf'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A beslisnota typeset by Typst, which tags by default: headings, a list, a table with header cells. */
const BESLISNOTA_TYP = `
#set document(title: "Beslisnota regionale samenwerking", date: datetime(year: 2025, month: 5, day: 20))
#set text(font: "Source Sans 3", lang: "nl", region: "NL")
#set page(paper: "a4", margin: (bottom: 30mm))
= Beslisnota regionale samenwerking
Het college wordt gevraagd in te stemmen met de afspraken over de regionale samenwerking.
== Beslispunten
+ In te stemmen met de notitie regionale samenwerking.
+ Kennis te nemen van de bijdragen per gemeente.
== Financiën
#table(columns: 2, table.header([*Post*], [*Bedrag*]), [Bijdrage], [€ 120.000], [Projecten], [€ 40.000])
Zie ook #link("https://www.example.org/begroting")[de begroting].
`;

function typstPdf(target) {
  const work = mkdtempSync(path.join(tmpdir(), 'bundel-fixture-'));
  try {
    writeFileSync(path.join(work, 'main.typ'), BESLISNOTA_TYP);
    const compiler = NodeCompiler.create({ workspace: work, fontArgs: [{ fontPaths: [path.join(ROOT, 'templates/fonts')] }] });
    const result = compiler.compile({ mainFilePath: path.join(work, 'main.typ') });
    if (result.hasError() || !result.result) throw new Error('Typst: ' + JSON.stringify(result.takeDiagnostics()?.shortDiagnostics));
    writeFileSync(target, compiler.pdf(result.result, { creationTimestamp: Math.floor(FIXED_DATE.getTime() / 1000) }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

mkdirSync(MEETING, { recursive: true });
typstPdf(path.join(MEETING, 'beslisnota-typst.pdf'));
writeFileSync(path.join(MEETING, 'verslag.pdf'), await simplePdf({ title: 'Verslag algemeen bestuur 9 april 2025', pages: 2, tagged: true }));
writeFileSync(path.join(MEETING, 'vertrouwelijk-advies.pdf'), await simplePdf({ title: 'Vertrouwelijk advies', pages: 1, tagged: true }));
writeFileSync(path.join(MEETING, 'overzicht-zonder-tags.pdf'), await simplePdf({ title: 'Overzicht projecten (gescand)', pages: 3, tagged: false }));
writeFileSync(path.join(MEETING, 'english-summary.pdf'), await simplePdf({ title: 'Summary of the regional agreement', pages: 1, tagged: true, lang: 'en-GB' }));
if (!process.argv.includes('--skip-office')) officePdf(path.join(MEETING, 'notitie-word.pdf'));

// The lint fixtures: the same stand-ins as before, now tagged.
const LINT = path.join(ROOT, 'fixtures/lint');
const lintFiles = {
  'kamerbrief.pdf': { title: 'Kamerbrief Elke regio telt', pages: 2 },
  'beslisnota.pdf': { title: 'Beslisnota', pages: 1 },
  'notitie-procesmiddelen.pdf': { title: 'Notitie procesmiddelen', pages: 1 },
  'memo-update-besparingen.pdf': { title: 'Memo update besparingen', pages: 1 },
};
const pending = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) walk(abs);
    else if (lintFiles[e.name]) pending.push(abs);
  }
};
walk(LINT);
for (const abs of pending) writeFileSync(abs, await simplePdf({ ...lintFiles[path.basename(abs)], tagged: true }));
console.log(`made ${pending.length} lint fixture PDFs and the accessibility fixtures in ${path.relative(ROOT, MEETING)}`);
