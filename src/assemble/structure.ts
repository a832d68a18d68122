// The bundle's logical structure (tagged PDF). Every document is copied with its structure tree
// (structure-copy.ts) under an element of its own; the bundle's tree holds, in bundle order, the
// agenda and one element per agenda item with one per document. A document without tags becomes one
// element with its title, its pages' content marked as that element's content where that is safe.

import { PDFArray, PDFContentStream, PDFDict, PDFHexString, PDFNumber, PDFObjectCopier, PDFOperator, PDFOperatorNames, PDFPage, PDFRef, PDFString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { N } from '../pdf/objects.js';
import { copyStructureTree, type SharedStructure } from './structure-copy.js';
import { writeNameTree, writeNumberTree } from './struct-trees.js';


/** A copied document's place in the structure tree. */
export interface DocumentStructure {
  element: PDFRef;
  dict: PDFDict;
  /** Whether the source came with a structure tree. */
  tagged: boolean;
  /** Elements copied with it, its own element included (1 for an untagged document). */
  elements: number;
}

/** One node of the bundle's outline of the structure: an agenda item or a document. */
export interface StructureNode {
  title: string;
  document?: DocumentStructure;
  children?: StructureNode[];
}

export interface CopyOptions {
  /** Runs on the copied pages before anything is marked (closing the graphics state, say). */
  prepare?: (pages: PDFPage[]) => void;
  /**
   * Per page: may its whole content be marked as the document's content? Only when it has no
   * marked content of its own (no clashing ids, nothing to unbalance). Untagged sources only.
   */
  markable?: (pageIndex: number) => boolean;
}

/** Copier internals: the map from source objects to their copies, which we extend and read. */
type CopierMap = { traversedObjects?: Map<PDFObject, PDFObject> };

export class BundleStructure {
  private readonly shared: SharedStructure = { parentTree: new Map(), nextKey: 0, roleMap: new Map(), classMap: new Map(), ids: new Map(), namespaces: [], objrs: [] };
  private markStart?: PDFRef;
  private markEnd?: PDFRef;

  constructor(private readonly out: PDFDocument) {}

  /**
   * Copy all pages of `source` (as copyPages does) and, when it is tagged, its structure tree.
   * One copier serves both, so that the tree's page, annotation and XObject references land on
   * the copies.
   */
  async copyDocument(source: PDFDocument, options: CopyOptions = {}): Promise<{ pages: PDFPage[]; structure: DocumentStructure }> {
    await source.flush();
    const copier = PDFObjectCopier.for(source.context, this.out.context);
    const mapped = (copier as unknown as CopierMap).traversedObjects;
    if (!(mapped instanceof Map)) throw new Error('pdf-lib: PDFObjectCopier heeft geen traversedObjects meer');
    const sourcePages = source.getPages();
    const pages = sourcePages.map((p) => {
      const copy = copier.copy(p.node);
      const page = PDFPage.of(copy, this.out.context.register(copy), this.out);
      mapped.set(p.ref, page.ref);
      return page;
    });
    options.prepare?.(pages);
    const tree = copyStructureTree(this.shared, source, this.out.context, copier, mapped, pages);
    if (tree) return { pages, structure: { element: tree.element, dict: tree.dict, tagged: true, elements: tree.elements } };
    return { pages, structure: this.untagged(pages, options.markable ?? (() => false)) };
  }

  /** The element of an untagged document whose pages were copied some other way (raw-copy.ts). */
  adoptUntagged(pages: readonly PDFPage[], markable: (pageIndex: number) => boolean): DocumentStructure {
    return this.untagged(pages, markable);
  }

  /** One element for a document without tags; its pages' content becomes its content where safe. */
  private untagged(pages: readonly PDFPage[], markable: (pageIndex: number) => boolean): DocumentStructure {
    const ctx = this.out.context;
    const dict = ctx.obj({ Type: 'StructElem', S: 'Div' }) as PDFDict;
    const element = ctx.register(dict);
    const kids: PDFObject[] = [];
    pages.forEach((page, i) => {
      if (!markable(i) || !this.wrapContent(page)) return;
      const key = this.shared.nextKey++;
      page.node.set(N('StructParents'), PDFNumber.of(key));
      this.shared.parentTree.set(key, ctx.register(ctx.obj([element])));
      kids.push(ctx.obj({ Type: 'MCR', Pg: page.ref, MCID: 0 }));
    });
    if (kids.length > 0) dict.set(N('K'), ctx.obj(kids));
    return { element, dict, tagged: false, elements: 1 };
  }

  /** `/Div <</MCID 0>> BDC` before the page's content and `EMC` after it (two streams all pages share). */
  private wrapContent(page: PDFPage): boolean {
    const ctx = this.out.context;
    const contents = page.node.get(N('Contents'));
    const resolved = contents ? ctx.lookup(contents) : undefined;
    if (!resolved) return false;
    this.markStart ??= ctx.register(PDFContentStream.of(ctx.obj({}) as PDFDict, [PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [N('Div'), '<< /MCID 0 >>'])], false));
    this.markEnd ??= ctx.register(PDFContentStream.of(ctx.obj({}) as PDFDict, [PDFOperator.of(PDFOperatorNames.EndMarkedContent)], false));
    const list = resolved instanceof PDFArray ? resolved : (ctx.obj([contents!]) as PDFArray);
    list.insert(0, this.markStart);
    list.push(this.markEnd);
    if (!(resolved instanceof PDFArray)) page.node.set(N('Contents'), list);
    return true;
  }

  /**
   * Drop object references to annotations that sanitizing removed (active content, links to
   * pages outside the bundle): an element may not point at what is no longer on its page.
   */
  private pruneObjectReferences(): void {
    const ctx = this.out.context;
    for (const { owner, objr } of this.shared.objrs) {
      const obj = objr.get(N('Obj'));
      const pg = objr.get(N('Pg')) ?? owner.get(N('Pg'));
      const annots = pg === undefined ? undefined : ctx.lookupMaybe(pg, PDFDict)?.lookupMaybe(N('Annots'), PDFArray);
      const exists = obj instanceof PDFRef && ctx.lookup(obj) !== undefined;
      const onPage = exists && (pg === undefined || (annots !== undefined && annots.indexOf(obj) !== undefined));
      if (onPage) continue;
      const k = owner.get(N('K'));
      if (k === objr) owner.delete(N('K'));
      else if (k instanceof PDFArray) {
        const at = k.asArray().indexOf(objr);
        if (at >= 0) k.remove(at);
      }
    }
  }

  /** Write the structure tree root: Document → (agenda, items → documents), with the merged trees. */
  finish(nodes: readonly StructureNode[], options: { title: string; lang: string }): void {
    const ctx = this.out.context;
    this.pruneObjectReferences();
    const rootDict = ctx.obj({ Type: 'StructTreeRoot' }) as PDFDict;
    const root = ctx.register(rootDict);
    const docDict = ctx.obj({ Type: 'StructElem', S: 'Document', P: root, Lang: PDFString.of(options.lang), T: PDFHexString.fromText(options.title) }) as PDFDict;
    const doc = ctx.register(docDict);
    rootDict.set(N('K'), ctx.obj([doc]));
    const place = (node: StructureNode, parent: PDFRef): PDFRef | undefined => {
      if (node.document) {
        node.document.dict.set(N('P'), parent);
        node.document.dict.set(N('T'), PDFHexString.fromText(node.title));
        return node.document.element;
      }
      const kids = node.children ?? [];
      if (kids.length === 0) return undefined;
      const dict = ctx.obj({ Type: 'StructElem', S: 'Sect', P: parent, T: PDFHexString.fromText(node.title) }) as PDFDict;
      const ref = ctx.register(dict);
      dict.set(N('K'), ctx.obj(kids.map((k) => place(k, ref)).filter((r): r is PDFRef => r !== undefined)));
      return ref;
    };
    docDict.set(N('K'), ctx.obj(nodes.map((n) => place(n, doc)).filter((r): r is PDFRef => r !== undefined)));

    const { parentTree, nextKey, roleMap, classMap, ids, namespaces } = this.shared;
    rootDict.set(N('ParentTree'), ctx.register(writeNumberTree(ctx, parentTree)));
    rootDict.set(N('ParentTreeNextKey'), PDFNumber.of(nextKey));
    if (roleMap.size > 0) rootDict.set(N('RoleMap'), ctx.obj(Object.fromEntries([...roleMap].sort(([a], [b]) => (a < b ? -1 : 1)))));
    if (classMap.size > 0) rootDict.set(N('ClassMap'), ctx.obj(Object.fromEntries([...classMap].sort(([a], [b]) => (a < b ? -1 : 1)))));
    if (ids.size > 0) rootDict.set(N('IDTree'), ctx.register(writeNameTree(ctx, ids)));
    if (namespaces.length > 0) rootDict.set(N('Namespaces'), ctx.obj(namespaces));

    this.out.catalog.set(N('StructTreeRoot'), root);
    this.out.catalog.set(N('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
