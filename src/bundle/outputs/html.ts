// The agenda as a web page beside the bundle (Handlebars, HTML-escaped), linking into the PDF with #page=N.

import path from 'node:path';
import type { BundleIndex } from '../index-data.js';
import { dutchDate } from '../../util/dutch-date.js';
import { wellFormed } from '../../util/file-name.js';
import { indexTemplate } from './index-template.js';
import type { Output } from './output.js';
import { besidePdf } from './output.js';

export function renderIndexHtml(index: BundleIndex, pdfHref: string): string {
  return indexTemplate()({
    ...index.vergadering,
    datum: dutchDate(index.vergadering.datum),
    titel: index.bundel.titel,
    paginas: index.bundel.paginas,
    pdf: pdfHref,
    agendapunten: index.agendapunten.map((a) => ({
      ...a,
      // As on the PDF agenda: the agenda's own wording, else the beslispunten; "(mondeling)" unless the subject says so.
      regels: a.agendatekst !== undefined ? [a.agendatekst] : a.beslispunten,
      mondeling: a.soort === 'mondeling' && !a.agendapuntTitel.toLowerCase().includes('mondeling'),
      alineas: textBlocks(a.tekst),
      // The members' version marks what is confidential; the public one shows such parts withheld.
      vertrouwelijk: secret(a),
      documenten: a.documenten.map((d) => ({ ...d, vertrouwelijk: secret(d) && a.vertrouwelijkheidsaanduiding !== 'vertrouwelijk' })),
    })),
  });
}

const secret = (x: { vertrouwelijkheidsaanduiding: string; weggelaten?: boolean }): boolean => x.vertrouwelijkheidsaanduiding === 'vertrouwelijk' && !x.weggelaten;

/** An agenda text as paragraphs of lines, and `- ` lines as a list: enough for the short texts under an item. */
function textBlocks(tekst: string | undefined): { regels: string[]; lijst: boolean }[] {
  const blocks: { regels: string[]; lijst: boolean }[] = [];
  for (const chunk of tekst === undefined ? [] : tekst.split(/\n[ \t]*\n/)) {
    let current: { regels: string[]; lijst: boolean } | undefined;
    for (const line of chunk.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
      const item = /^[-*+] +(.*)$/.exec(line);
      if (current?.lijst !== (item !== null)) blocks.push((current = { regels: [], lijst: item !== null }));
      current.regels.push(item ? item[1] : line);
    }
  }
  return blocks;
}

export const htmlOutput: Output = {
  path: (pdfPath) => besidePdf(pdfPath, 'html'),
  // A component, not a URI: `#`, `?` and `%` in the name are part of it, not of the link.
  make: ({ index, pdfPath }) => renderIndexHtml(index, encodeURIComponent(wellFormed(path.basename(pdfPath)))),
};
