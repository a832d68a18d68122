// Small tagged PDFs with what merging structure trees must cope with: role-mapped types, classes,
// element ids referenced from table header cells, a link annotation held through an OBJR, marked
// content inside a form XObject with its own ParentTree key, a language of their own. Two documents
// made with the same options clash on every shared name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@cantoo/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFString, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';

const FONT = readFileSync(path.resolve(import.meta.dirname, '../../templates/fonts/SourceSans3-Regular.ttf'));
const N = (n: string): PDFName => PDFName.of(n);

export interface TaggedSpec {
  title: string;
  /** Per page, its paragraphs: each is an element of its own with one MCID. */
  pages: string[][];
  /** The type of every first paragraph of a page (e.g. a custom `Kop`), mapped by `roleMap`. */
  firstType?: string;
  roleMap?: Record<string, string>;
  /** A class given to every paragraph, with its attributes. */
  className?: string;
  /** Page 1: the first paragraph a TH with an /ID, the second a TD whose /Headers name it. */
  headerIds?: boolean;
  /** A web link on page 1, tagged as a Link element with an OBJR. */
  link?: boolean;
  /** A paragraph drawn through a form XObject on page 1, with its own /StructParents. */
  xobject?: boolean;
  lang?: string;
}

export async function makeTaggedPdf(spec: TaggedSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(FONT, { subset: true });
  doc.setTitle(spec.title);
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const documentRef = ctx.nextRef();
  const elements: PDFRef[] = [];
  const parentTree: PDFObject[] = [];
  let key = 0;
  spec.pages.forEach((paragraphs, i) => {
    const page = doc.addPage([595.28, 841.89]);
    const pageElements: PDFRef[] = [];
    paragraphs.forEach((text, mcid) => {
      const type = spec.headerIds && i === 0 && mcid < 2 ? (mcid === 0 ? 'TH' : 'TD') : mcid === 0 && spec.firstType ? spec.firstType : 'P';
      page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [N(type), `<< /MCID ${mcid} >>`]));
      page.drawText(text, { x: 72, y: 760 - mcid * 20, size: 12, font });
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      const e = ctx.obj({ Type: 'StructElem', S: type, P: documentRef, Pg: page.ref, K: mcid }) as PDFDict;
      if (spec.className) e.set(N('C'), N(spec.className));
      if (type === 'TH') e.set(N('ID'), PDFString.of('kop-1'));
      if (type === 'TD') e.set(N('A'), ctx.obj({ O: 'Table', Headers: [PDFString.of('kop-1')] }));
      const ref = ctx.register(e);
      pageElements.push(ref);
      elements.push(ref);
    });
    page.node.set(N('StructParents'), PDFNumber.of(key));
    parentTree.push(PDFNumber.of(key++), ctx.obj(pageElements));
    if (i !== 0) return;
    if (spec.xobject) {
      const stream = ctx.stream(`/P << /MCID 0 >> BDC BT /F0 12 Tf 72 500 Td ${font.encodeText('XObject')} Tj ET EMC`, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 595, 842],
        Resources: { Font: { F0: font.ref } },
        StructParents: key,
      });
      const xref = ctx.register(stream);
      page.node.normalizedEntries().XObject.set(N('X0'), xref);
      page.pushOperators(PDFOperator.of(PDFOperatorNames.DrawObject, [N('X0')]));
      const e = ctx.register(ctx.obj({ Type: 'StructElem', S: 'P', P: documentRef, Pg: page.ref, K: ctx.obj({ Type: 'MCR', Pg: page.ref, Stm: xref, MCID: 0 }) }));
      elements.push(e);
      parentTree.push(PDFNumber.of(key++), ctx.obj([e]));
    }
    if (spec.link) {
      const annot = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 400, 200, 420], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of('https://www.example.org/') }, StructParent: key }));
      page.node.normalizedEntries().Annots.push(annot);
      const e = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Link', P: documentRef, Pg: page.ref, K: [ctx.obj({ Type: 'OBJR', Obj: annot, Pg: page.ref })] }));
      elements.push(e);
      parentTree.push(PDFNumber.of(key++), e);
    }
  });
  ctx.assign(documentRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: elements }));
  const root = ctx.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: ctx.obj({ Nums: parentTree }), ParentTreeNextKey: key }) as PDFDict;
  if (spec.roleMap) root.set(N('RoleMap'), ctx.obj(spec.roleMap));
  if (spec.className) root.set(N('ClassMap'), ctx.obj({ [spec.className]: { O: 'Layout', SpaceAfter: 6 } }));
  ctx.assign(rootRef, root);
  doc.catalog.set(N('StructTreeRoot'), rootRef);
  doc.catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  doc.catalog.set(N('Lang'), PDFString.of(spec.lang ?? 'nl-NL'));
  return doc.save({ useObjectStreams: false });
}
