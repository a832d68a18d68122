// The bundle's document metadata, said twice as PDF wants it: the document information dictionary
// and an XMP packet (title, author, subject, language, dates, tools; for PDF/A also its
// identification), kept equal as PDF/A requires. A file identifier derived from the inputs, so two
// builds of the same files stay byte-identical; a mark on a bundle that holds confidential
// documents; for PDF/A the sRGB output intent.

import { createHash } from 'node:crypto';
import { getDefaultSRGBProfile, PDFHexString, PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';

export interface BundleMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Creation and modification date (the meeting date or SOURCE_DATE_EPOCH, never the clock). */
  date: Date;
  /** Not for publication: marked in the catalog too. */
  confidential: boolean;
  /** Anything that identifies the inputs (hashes of the sources, options): becomes the /ID. */
  identity: string;
  /** Write PDF/A-2b identification and the output intent. */
  pdfa?: boolean;
}

const LANG = 'nl-NL';
const CREATOR = 'bundel';
const PRODUCER = 'bundel (pdf-lib, Typst)';

/** The output condition of the bundled profile (HP's sRGB IEC61966-2.1, shipped inside pdf-lib). */
export const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XMP dates to the second, as the information dictionary has them. */
const xmpDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export function xmpPacket(m: BundleMetadata): string {
  const alt = (s: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(s)}</rdf:li></rdf:Alt>`;
  const date = xmpDate(m.date);
  const lines = [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(m.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(m.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${LANG}</rdf:li></rdf:Bag></dc:language>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    `<pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    `<pdf:Keywords>${xml(m.keywords.join(' '))}</pdf:Keywords>`,
    `</rdf:Description>`,
  ];
  if (m.pdfa) {
    lines.push(
      `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`,
      `<pdfaid:part>2</pdfaid:part>`,
      `<pdfaid:conformance>B</pdfaid:conformance>`,
      `</rdf:Description>`,
    );
  }
  return [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    ...lines,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ].join('\n');
}

export function setMetadata(doc: PDFDocument, m: BundleMetadata): void {
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setLanguage(LANG);
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  // pdf-lib joins keywords with spaces; the XMP says exactly the same.
  doc.setKeywords(m.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(m.date);
  doc.setModificationDate(m.date);
  if (m.confidential) doc.catalog.set(PDFName.of('bundel:vertrouwelijk'), PDFString.of('niet voor publicatie'));

  const ctx = doc.context;
  // Not compressed: PDF/A wants the XMP readable without decoding (and it is small).
  const metadata = ctx.stream(new TextEncoder().encode(xmpPacket(m)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));

  const id = PDFHexString.of(createHash('sha256').update(m.identity).digest('hex').slice(0, 32));
  ctx.trailerInfo.ID = ctx.obj([id, id]);

  if (m.pdfa) {
    const profile = ctx.register(ctx.flateStream(getDefaultSRGBProfile(), { N: 3 }));
    const intent = ctx.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
      Info: PDFString.of(OUTPUT_CONDITION),
      DestOutputProfile: profile,
    });
    doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
  }
}
