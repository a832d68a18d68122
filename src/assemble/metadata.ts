// The bundle's document information: title shown in the viewer's title bar, Dutch, fixed dates, and
// a mark on a bundle that holds confidential documents.

import { PDFName, PDFString, type PDFDocument } from '@cantoo/pdf-lib';

export interface BundleMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  date: Date;
  /** Not for publication: marked in the catalog too. */
  confidential: boolean;
}

export function setMetadata(out: PDFDocument, m: BundleMetadata): void {
  out.setTitle(m.title, { showInWindowTitleBar: true });
  out.setLanguage('nl-NL');
  out.setAuthor(m.author);
  out.setSubject(m.subject);
  out.setKeywords(m.keywords);
  out.setCreator('bundel');
  out.setProducer('bundel (pdf-lib, Typst)');
  out.setCreationDate(m.date);
  out.setModificationDate(m.date);
  if (m.confidential) out.catalog.set(PDFName.of('bundel:vertrouwelijk'), PDFString.of('niet voor publicatie'));
}
