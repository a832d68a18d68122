// What PDF/A-2 asks of the pages themselves that attachments often lack: every annotation is
// printed with the page and never hidden (ISO 19005-2, 6.3.2). The other requirements are met by the
// assembly (fonts embedded, no encryption, metadata and output intent: metadata.ts) or refused by
// lint under --pdfa (rule bijlage-pdfa).

import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument } from '@cantoo/pdf-lib';

const PRINT = 4;
/** Invisible, Hidden, NoView, ToggleNoView. */
const NOT_SHOWN = 1 | 2 | 32 | 256;

/** Set the Print flag and clear the hiding flags on every annotation; returns how many changed. */
export function printAnnotations(doc: PDFDocument): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      if (!annot || annot.lookup(PDFName.of('Subtype')) === PDFName.of('Popup')) continue;
      const f = annot.lookup(PDFName.of('F'));
      const flags = f instanceof PDFNumber ? f.asNumber() : 0;
      const fixed = (flags | PRINT) & ~NOT_SHOWN;
      if (fixed === flags) continue;
      annot.set(PDFName.of('F'), PDFNumber.of(fixed));
      changed++;
    }
  }
  return changed;
}
