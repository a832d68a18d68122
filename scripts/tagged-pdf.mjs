// A small writer of tagged PDF for the reference attachments (scripts/make-reference-pdfs.mjs), as
// Word's "Save as PDF" with accessibility tags makes them: a Document element holding headings,
// paragraphs, lists and tables; every piece of text drawn inside marked content with an MCID of its
// page, or inside an /Artifact (letterheads, running heads, page numbers, rules and shading); a
// ParentTree from each page's /StructParents key to the elements of its MCIDs; /MarkInfo.
//
//   const tags = new Tagger(doc);
//   tags.element('H1', () => tags.content(page, () => page.drawText(…)));
//   tags.artifact(page, () => page.drawRectangle(…), 'Pagination');
//   tags.finish();   // before doc.save()

import { PDFName, PDFNumber, PDFOperator, PDFOperatorNames } from '@cantoo/pdf-lib';

export class Tagger {
  constructor(doc) {
    this.doc = doc;
    this.ctx = doc.context;
    this.rootRef = this.ctx.nextRef();
    this.document = { type: 'Document', ref: this.ctx.nextRef(), parent: this.rootRef, kids: [] };
    this.elements = [this.document];
    this.stack = [this.document];
    /** page ref -> { key, owners: element refs by MCID } */
    this.pages = new Map();
  }

  get current() {
    return this.stack[this.stack.length - 1];
  }

  /** A new element of `type` under `parent` (default the open element), not opened. */
  child(type, { parent = this.current, attributes } = {}) {
    const e = { type, ref: this.ctx.nextRef(), parent: parent.ref, kids: [], attributes };
    parent.kids.push({ element: e });
    this.elements.push(e);
    return e;
  }

  /** Opens a new element: content and elements go into it until close(). */
  open(type, options) {
    const e = this.child(type, options);
    this.stack.push(e);
    return e;
  }

  close(e) {
    if (this.stack.pop() !== e) throw new Error(`tagged-pdf: ${e.type} closed out of order`);
  }

  /** Runs `draw` inside a new element of `type`. */
  element(type, draw, options) {
    const e = this.open(type, options);
    try {
      return draw(e);
    } finally {
      this.close(e);
    }
  }

  /** Runs `draw` on `page` as marked content of element `e`, default the open one (one new MCID). */
  content(page, draw, e = this.current) {
    if (e === this.document) throw new Error('tagged-pdf: content needs an element below Document');
    let p = this.pages.get(page.ref);
    if (!p) {
      p = { key: this.pages.size, page, owners: [] };
      this.pages.set(page.ref, p);
    }
    const mcid = p.owners.length;
    p.owners.push(e.ref);
    e.kids.push({ page: page.ref, mcid });
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(e.type), `<< /MCID ${mcid} >>`]));
    try {
      return draw();
    } finally {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
  }

  /** An element of `type` holding one piece of marked content. */
  text(type, page, draw) {
    return this.element(type, () => this.content(page, draw));
  }

  /** Runs `draw` on `page` as an artifact (`Pagination` for running heads and page numbers, else `Layout`). */
  artifact(page, draw, kind = 'Layout') {
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), `<< /Type /${kind} >>`]));
    try {
      return draw();
    } finally {
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
  }

  /** Writes the elements, the ParentTree and the catalog entries. */
  finish() {
    const ctx = this.ctx;
    for (const e of this.elements) {
      // An element's MCIDs on its first page are plain numbers; on later pages marked-content references.
      const pg = e.kids.find((k) => k.page)?.page;
      const kids = e.kids.map((k) => (k.element ? k.element.ref : k.page === pg ? PDFNumber.of(k.mcid) : ctx.obj({ Type: 'MCR', Pg: k.page, MCID: k.mcid })));
      const dict = ctx.obj({ Type: 'StructElem', S: e.type, P: e.parent });
      if (e.attributes) dict.set(PDFName.of('A'), ctx.obj(e.attributes));
      if (pg) dict.set(PDFName.of('Pg'), pg);
      dict.set(PDFName.of('K'), ctx.obj(kids));
      ctx.assign(e.ref, dict);
    }
    const nums = [];
    for (const { key, page, owners } of this.pages.values()) {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key), ctx.register(ctx.obj(owners)));
    }
    ctx.assign(
      this.rootRef,
      ctx.obj({ Type: 'StructTreeRoot', K: this.document.ref, ParentTree: ctx.register(ctx.obj({ Nums: nums })), ParentTreeNextKey: PDFNumber.of(this.pages.size) }),
    );
    this.doc.catalog.set(PDFName.of('StructTreeRoot'), this.rootRef);
    this.doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
