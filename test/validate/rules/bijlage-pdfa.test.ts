import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { bijlagePdfa } from '../../../src/validate/rules/bijlage-pdfa.js';
import { md, pdf, ruleTester, taggedPdf, VOORSTEL } from '../helpers.js';

const bijlagen = (...files: string[]) => md(`${VOORSTEL}bijlagen:\n${files.map((f, i) => `  - titel: Stuk ${i + 1}\n    bestand: ${f}\n`).join('')}`);

/** Page 2 draws with Helvetica and Courier, neither embedded (the standard 14: fine to view, not for PDF/A). */
async function standardFonts(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  const page = doc.addPage();
  page.drawText('Helvetica', { font: await doc.embedFont(StandardFonts.Helvetica), x: 72, y: 700 });
  page.drawText('Courier', { font: await doc.embedFont(StandardFonts.Courier), x: 72, y: 680 });
  return doc.save();
}

/** Page 1 is a transparency group blending in DeviceCMYK. */
async function cmykGroup(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage();
  page.node.set(doc.context.obj('Group') as never, doc.context.obj({ S: 'Transparency', CS: 'DeviceCMYK' }));
  return doc.save();
}

/** A document-level script. */
async function javascript(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.addJavaScript('hallo', 'app.alert("hallo")');
  return doc.save();
}

ruleTester(bijlagePdfa, {
  valid: [
    { name: 'without --pdfa nothing is checked', files: { 'a.md': bijlagen('a.pdf'), 'a.pdf': await standardFonts() } },
    { name: 'embedded fonts, nothing else', pdfa: true, files: { 'a.md': bijlagen('a.pdf', 'b.pdf'), 'a.pdf': taggedPdf(2), 'b.pdf': pdf(1) } },
  ],
  invalid: [
    {
      name: 'fonts not embedded: file and page',
      pdfa: true,
      files: { 'a.md': bijlagen('a.pdf', 'brief.pdf'), 'a.pdf': pdf(1), 'brief.pdf': await standardFonts() },
      errors: [{ line: 12, column: 14, message: 'Bijlage 2 (`brief.pdf`) blad 2 gebruikt lettertypen `Courier`, `Helvetica` die niet in de PDF zijn ingesloten' }],
    },
    {
      name: 'transparency blended in CMYK',
      pdfa: true,
      files: { 'a.md': bijlagen('dia.pdf'), 'dia.pdf': await cmykGroup() },
      errors: [{ line: 10, column: 14, message: 'blad 1 mengt transparantie in CMYK' }],
    },
    {
      name: 'JavaScript',
      pdfa: true,
      files: { 'a.md': bijlagen('formulier.pdf'), 'formulier.pdf': await javascript() },
      errors: [{ line: 10, column: 14, message: 'bevat JavaScript (1×)' }],
    },
  ],
});
