// The lazy reader (issue 18): for a sound, unencrypted file, a pdf-lib document whose objects are
// parsed on first use from the cross-reference data (lazy-xref.ts, lazy-objects.ts) instead of
// reading the whole file in order and copying every stream out of it. Everything not plainly sound
// answers undefined, and analyse.ts parses the file whole (guard.ts), which has every limit for
// hostile input. `BUNDEL_PDF_READ=pdf-lib` switches this reader off (tests compare both paths).

import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFHeader, PDFName, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';
import { DecodeBudget } from './decode.js';
import { LazyObjects } from './lazy-objects.js';
import { LazyParser } from './lazy-parser.js';
import { readXref } from './lazy-xref.js';

export interface LazyLoad {
  doc: PDFDocument;
  objects: LazyObjects;
  budget: DecodeBudget;
}

type DocumentConstructor = new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean, preserveXFA: boolean) => PDFDocument;

/** A lazily read document for `bytes`, or undefined when the file needs the full parse. */
export function loadLazy(bytes: Uint8Array, timeBudgetMs: number): LazyLoad | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16)).toString('latin1');
  const version = /^%PDF-(\d)\.(\d)/.exec(head);
  if (!version) return undefined;
  const context = PDFContext.create();
  const parser = new LazyParser(bytes, context);
  let xref;
  try {
    xref = readXref(bytes, parser);
  } catch {
    return undefined;
  }
  if (!xref || xref.trailer.Encrypt !== undefined || !(xref.trailer.Root instanceof PDFRef)) return undefined;
  const budget = new DecodeBudget(bytes.length);
  const objects = new LazyObjects(xref, parser, budget, bytes);
  objects.deadline = performance.now() + timeBudgetMs;
  // What PDFDocument.load leaves in the context after its parse, with this table of objects.
  (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;
  context.isDecrypted = false;
  context.header = PDFHeader.forVersion(Number(version[1]), Number(version[2]));
  context.trailerInfo = { ...xref.trailer };
  context.largestObjectNumber = objects.largestObjectNumber();
  context.pdfFileDetails.pdfSize = bytes.length;
  context.pdfFileDetails.prevStartXRef = xref.startXref;
  const catalog = context.lookup(xref.trailer.Root);
  // pdf-lib goes looking for a catalog elsewhere when the trailer's is not one: the full parse's job.
  if (!(catalog instanceof PDFDict) || catalog.lookup(PDFName.of('Type')) !== PDFName.of('Catalog') || objects.surprised) return undefined;
  const doc = new (PDFDocument as unknown as DocumentConstructor)(context, false, false, false);
  return objects.surprised ? undefined : { doc, objects, budget };
}

/**
 * Load everything the document's catalog and info dictionary reach, so that nothing a later step
 * (the copy, the text) looks up can surprise after the checks; true when all of it loaded. With
 * `scan`, an object not loaded yet is scanned as bytes instead where the scanner copies it as bytes
 * (LazyObjects.scan: no pdf-lib objects made; the raw copy writes it from the file), else loaded.
 */
export function loadReachable(load: LazyLoad, scan = false): boolean {
  const { objects } = load;
  const ctx = load.doc.context;
  const seen = new Set<PDFRef>();
  const stack: PDFObject[] = [ctx.trailerInfo.Root, ctx.trailerInfo.Info].filter((o): o is PDFObject => o !== undefined);
  while (stack.length > 0 && !objects.surprised) {
    let o = stack.pop()!;
    if (o instanceof PDFRef) {
      if (seen.has(o)) continue;
      seen.add(o);
      const scanned = scan && objects.peek(o) === undefined ? objects.scan(o) : undefined;
      if (scanned) {
        const refs = scanned.refs;
        for (let i = 0; i < refs.length; i += 2) stack.push(PDFRef.of(refs[i]!, refs[i + 1]!));
        continue;
      }
      const target = objects.get(o);
      if (target === undefined) continue;
      o = target;
    }
    if (o instanceof PDFStream) o = o.dict;
    if (o instanceof PDFDict) {
      for (const [, v] of o.entries()) if (v instanceof PDFRef || v instanceof PDFDict || v instanceof PDFArray) stack.push(v);
    } else if (o instanceof PDFArray) {
      for (const v of o.asArray()) if (v instanceof PDFRef || v instanceof PDFDict || v instanceof PDFArray) stack.push(v);
    }
  }
  return !objects.surprised;
}
