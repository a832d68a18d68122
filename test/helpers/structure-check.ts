// Our own tagged-PDF checker (no PDF/UA or PDF/A validator is available here). It reads a PDF with
// pdf-lib and its content streams with a small tokenizer of its own, independent of the code under
// test, and reports every problem it finds as a sentence:
// - the catalog: /MarkInfo /Marked true, /StructTreeRoot, /Lang, /ViewerPreferences /DisplayDocTitle;
// - the tree: every element reached once from the root, its /P pointing at the element holding it;
// - the ParentTree: no key twice, every page's and XObject's marked content (MCIDs in its content
//   stream) maps through its /StructParents key to an element of the tree that holds exactly that
//   content, and back; every annotation with /StructParent maps to an element holding an OBJR for it;
//   every link annotation is such an annotation, in a Link element;
// - text drawn outside both marked content and artifacts (untagged text).

import { decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';

const N = (name: string): PDFName => PDFName.of(name);
const deref = (ctx: PDFContext, v: PDFObject | undefined): PDFObject | undefined => (v instanceof PDFRef ? ctx.lookup(v) : v);
const text = (v: PDFObject | undefined): string | undefined => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

export interface StructElement {
  type: string;
  /** The type after the RoleMap. */
  role: string;
  title?: string;
  /** The alternative text (/Alt): what a screen reader says for a figure. */
  alt?: string;
  children: StructElement[];
  /** Marked-content ids it holds directly, as `page:mcid` (1-based page) or `xobject ref:mcid`. */
  content: string[];
  /** Annotations it holds (object references). */
  annotations: PDFRef[];
}

export interface StructureReport {
  problems: string[];
  root?: StructElement;
  elements: number;
  /** Marked-content sequences found in the content streams (pages and XObjects). */
  markedContent: number;
  /** Pages with no marked content at all. */
  pagesWithoutContent: number[];
}

/** Elements in the subtree, the element itself included. */
export function countElements(e: StructElement): number {
  return 1 + e.children.reduce((n, c) => n + countElements(c), 0);
}

export function findElements(e: StructElement, match: (e: StructElement) => boolean, out: StructElement[] = []): StructElement[] {
  if (match(e)) out.push(e);
  for (const c of e.children) findElements(c, match, out);
  return out;
}

// --- content streams -----------------------------------------------------------------------------

type Token = { op: string; operands: PDFLikeOperand[] };
type PDFLikeOperand = string | number | { dict: Map<string, PDFLikeOperand> } | PDFLikeOperand[];

/** Just enough of a content-stream tokenizer to see marked content and text operators. */
export function contentOperators(bytes: Uint8Array): Token[] {
  const s = Buffer.from(bytes).toString('latin1');
  const out: Token[] = [];
  let i = 0;
  const ws = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const delim = (c: string): boolean => '()<>[]{}/%'.includes(c);
  const value = (): PDFLikeOperand | undefined => {
    while (i < s.length && (ws(s[i]) || s[i] === '%')) {
      if (s[i] === '%') while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      else i++;
    }
    if (i >= s.length) return undefined;
    const c = s[i];
    if (c === '/') {
      let j = i + 1;
      while (j < s.length && !ws(s[j]) && !delim(s[j])) j++;
      const name = '/' + s.slice(i + 1, j);
      i = j;
      return name;
    }
    if (c === '(') {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') depth++;
        else if (s[i] === ')' && --depth === 0) break;
      }
      i++;
      return `(${s.slice(start + 1, i - 1)})`;
    }
    if (c === '<' && s[i + 1] === '<') {
      i += 2;
      const dict = new Map<string, PDFLikeOperand>();
      for (;;) {
        const k = value();
        if (k === undefined || k === '>>') break;
        const v = value();
        if (typeof k === 'string' && v !== undefined) dict.set(k, v);
      }
      return { dict };
    }
    if (c === '>' && s[i + 1] === '>') {
      i += 2;
      return '>>';
    }
    if (c === '<') {
      const end = s.indexOf('>', i);
      const hex = s.slice(i, end + 1);
      i = end + 1;
      return hex;
    }
    if (c === '[') {
      i++;
      const arr: PDFLikeOperand[] = [];
      for (;;) {
        const v = value();
        if (v === undefined || v === ']') break;
        arr.push(v);
      }
      return arr;
    }
    if (c === ']' || c === '{' || c === '}' || c === ')') {
      i++;
      return c;
    }
    let j = i;
    while (j < s.length && !ws(s[j]) && !delim(s[j])) j++;
    const word = s.slice(i, j);
    i = j;
    const num = Number(word);
    return word !== '' && !Number.isNaN(num) ? num : `op:${word}`;
  };
  let operands: PDFLikeOperand[] = [];
  while (i < s.length) {
    const v = value();
    if (v === undefined) break;
    if (typeof v === 'string' && v.startsWith('op:')) {
      const op = v.slice(3);
      out.push({ op, operands });
      operands = [];
      if (op === 'ID') {
        // Inline image data: skip to EI.
        const end = s.indexOf('EI', i);
        i = end < 0 ? s.length : end + 2;
      }
    } else operands.push(v);
  }
  return out;
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

function contentsOf(ctx: PDFContext, page: PDFDict): Uint8Array {
  const c = deref(ctx, page.get(N('Contents')));
  const streams = c instanceof PDFArray ? c.asArray().map((x) => deref(ctx, x)) : [c];
  const parts = streams.filter((x): x is PDFStream => x instanceof PDFStream).map((x) => Buffer.from(streamBytes(x)));
  return Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
}

interface Marks {
  mcids: number[];
  untaggedText: number;
  /** Form XObjects drawn (name -> stream) for a recursive look. */
}

/** MCIDs in one content stream, and text shown outside both marked content and artifacts. */
function scanMarks(bytes: Uint8Array, properties: PDFDict | undefined, ctx: PDFContext): Marks {
  const stack: ('mcid' | 'artifact' | 'other')[] = [];
  const mcids: number[] = [];
  let untaggedText = 0;
  for (const { op, operands } of contentOperators(bytes)) {
    if (op === 'BMC') stack.push(operands[0] === '/Artifact' ? 'artifact' : 'other');
    else if (op === 'BDC') {
      const [tag, props] = operands;
      let mcid: number | undefined;
      if (props && typeof props === 'object' && 'dict' in props) {
        const m = props.dict.get('/MCID');
        if (typeof m === 'number') mcid = m;
      } else if (typeof props === 'string' && props.startsWith('/') && properties) {
        const named = deref(ctx, properties.get(N(props.slice(1))));
        const m = named instanceof PDFDict ? deref(ctx, named.get(N('MCID'))) : undefined;
        if (m instanceof PDFNumber) mcid = m.asNumber();
      }
      if (tag === '/Artifact') stack.push('artifact');
      else if (mcid !== undefined) {
        mcids.push(mcid);
        stack.push('mcid');
      } else stack.push('other');
    } else if (op === 'EMC') stack.pop();
    else if (op === 'Tj' || op === 'TJ' || op === "'" || op === '"') {
      if (!stack.includes('mcid') && !stack.includes('artifact')) untaggedText++;
    }
  }
  return { mcids, untaggedText };
}

// --- the tree ------------------------------------------------------------------------------------

export function checkStructure(doc: PDFDocument): StructureReport {
  const ctx = doc.context;
  const problems: string[] = [];
  const report: StructureReport = { problems, elements: 0, markedContent: 0, pagesWithoutContent: [] };
  const catalog = doc.catalog;
  const markInfo = catalog.lookupMaybe(N('MarkInfo'), PDFDict);
  if (markInfo?.lookup(N('Marked'))?.toString() !== 'true') problems.push('catalog: no /MarkInfo /Marked true');
  if (!text(catalog.lookup(N('Lang')))) problems.push('catalog: no /Lang');
  const prefs = catalog.lookupMaybe(N('ViewerPreferences'), PDFDict);
  if (prefs?.lookup(N('DisplayDocTitle'))?.toString() !== 'true') problems.push('catalog: no /ViewerPreferences /DisplayDocTitle true');
  const root = catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) {
    problems.push('catalog: no /StructTreeRoot');
    return report;
  }
  const roleMap = root.lookupMaybe(N('RoleMap'), PDFDict);
  const roleOf = (type: string): string => {
    let t = type;
    for (let i = 0; i < 10; i++) {
      const m = roleMap?.lookup(N(t));
      if (!(m instanceof PDFName) || m.decodeText() === t) break;
      t = m.decodeText();
    }
    return t;
  };

  const pageRefs = doc.getPages().map((p) => p.ref);
  const pageNumber = new Map<PDFRef, number>(pageRefs.map((r, i) => [r, i + 1]));
  const elementOf = new Map<PDFDict, StructElement>();
  /** `page:mcid` or `ref:mcid` -> element dict */
  const contentOwner = new Map<string, PDFDict>();
  const annotOwner = new Map<PDFRef, PDFDict>();
  const where = (pg: PDFObject | undefined, stm: PDFObject | undefined): string | undefined => {
    if (stm instanceof PDFRef) return `xobject ${stm}`;
    return pg instanceof PDFRef && pageNumber.has(pg) ? `page ${pageNumber.get(pg)}` : undefined;
  };
  const visit = (dict: PDFDict, parentRef: PDFObject | undefined, selfRef: PDFRef | undefined, depth: number): StructElement | undefined => {
    if (elementOf.has(dict)) {
      problems.push(`element ${selfRef ?? '(direct)'} is reached twice`);
      return undefined;
    }
    const s = dict.lookup(N('S'));
    const type = s instanceof PDFName ? s.decodeText() : '?';
    if (!(s instanceof PDFName)) problems.push(`element ${selfRef} has no /S`);
    const alt = text(dict.lookup(N('Alt')));
    const e: StructElement = { type, role: roleOf(type), title: text(dict.lookup(N('T'))), ...(alt === undefined ? {} : { alt }), children: [], content: [], annotations: [] };
    elementOf.set(dict, e);
    report.elements++;
    const p = dict.get(N('P'));
    if (p !== parentRef) problems.push(`element ${selfRef} (${type}): /P is ${p}, expected ${parentRef}`);
    if (depth > 200) return e;
    const pg = dict.get(N('Pg'));
    const kValue = dict.get(N('K'));
    const kResolved = deref(ctx, kValue);
    const kids = kResolved instanceof PDFArray ? kResolved.asArray() : kValue === undefined ? [] : [kValue];
    for (const kid of kids) {
      const k = deref(ctx, kid);
      if (k instanceof PDFNumber) {
        const at = where(pg, undefined);
        if (!at) problems.push(`element ${selfRef} (${type}) holds MCID ${k.asNumber()} but has no page`);
        else addContent(`${at}:${k.asNumber()}`, dict, e);
      } else if (k instanceof PDFDict) {
        const t = k.lookup(N('Type'));
        if (t === N('MCR')) {
          const at = where(k.get(N('Pg')) ?? pg, k.get(N('Stm')));
          const mcid = k.lookup(N('MCID'));
          if (!at || !(mcid instanceof PDFNumber)) problems.push(`element ${selfRef} (${type}): MCR without page or MCID`);
          else addContent(`${at}:${mcid.asNumber()}`, dict, e);
        } else if (t === N('OBJR')) {
          const obj = k.get(N('Obj'));
          if (!(obj instanceof PDFRef) || !ctx.lookup(obj)) problems.push(`element ${selfRef} (${type}): OBJR to a missing object`);
          else {
            if (annotOwner.has(obj)) problems.push(`annotation ${obj} is held by two elements`);
            annotOwner.set(obj, dict);
            e.annotations.push(obj);
          }
        } else {
          const child = visit(k, selfRef ?? dict, kid instanceof PDFRef ? kid : undefined, depth + 1);
          if (child) e.children.push(child);
        }
      } else problems.push(`element ${selfRef} (${type}): kid ${kid} is neither element, MCID, MCR nor OBJR`);
    }
    return e;
  };
  const addContent = (key: string, owner: PDFDict, e: StructElement): void => {
    if (contentOwner.has(key)) problems.push(`marked content ${key} is held by two elements`);
    contentOwner.set(key, owner);
    e.content.push(key);
  };
  const rootRef = catalog.get(N('StructTreeRoot'));
  const topValue = root.get(N('K'));
  const top = deref(ctx, topValue);
  const topKids = top instanceof PDFArray ? top.asArray() : topValue === undefined ? [] : [topValue];
  if (topKids.length !== 1) problems.push(`StructTreeRoot has ${topKids.length} top elements, expected one Document`);
  for (const kid of topKids) {
    const d = deref(ctx, kid);
    if (d instanceof PDFDict) {
      const e = visit(d, rootRef, kid instanceof PDFRef ? kid : undefined, 0);
      report.root ??= e;
    }
  }

  // ParentTree: keys once, values in the tree.
  const parentTree = new Map<number, PDFObject | undefined>();
  const seenNodes = new Set<PDFObject>();
  const walkNums = (node: PDFObject | undefined): void => {
    const d = deref(ctx, node);
    if (!(d instanceof PDFDict) || seenNodes.has(d)) return;
    seenNodes.add(d);
    const nums = d.lookupMaybe(N('Nums'), PDFArray);
    let last = -Infinity;
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const key = (nums.lookup(i) as PDFNumber).asNumber();
      if (parentTree.has(key)) problems.push(`ParentTree key ${key} appears twice`);
      if (key <= last) problems.push(`ParentTree keys out of order at ${key}`);
      last = key;
      parentTree.set(key, deref(ctx, nums.get(i + 1)));
    }
    for (const k of d.lookupMaybe(N('Kids'), PDFArray)?.asArray() ?? []) walkNums(k);
  };
  walkNums(root.get(N('ParentTree')));
  const nextKey = root.lookup(N('ParentTreeNextKey'));
  const maxKey = Math.max(-1, ...parentTree.keys());
  if (nextKey instanceof PDFNumber && nextKey.asNumber() <= maxKey) problems.push(`ParentTreeNextKey ${nextKey.asNumber()} is not above the largest key ${maxKey}`);

  const usedKeys = new Map<number, string>();
  const checkMarked = (at: string, key: number | undefined, bytes: Uint8Array, resources: PDFDict | undefined): number => {
    const marks = scanMarks(bytes, resources?.lookupMaybe(N('Properties'), PDFDict), ctx);
    if (marks.untaggedText > 0) problems.push(`${at}: ${marks.untaggedText} text operators outside marked content and artifacts`);
    if (marks.mcids.length === 0) return 0;
    if (key === undefined) {
      problems.push(`${at}: marked content but no /StructParents`);
      return marks.mcids.length;
    }
    if (usedKeys.has(key)) problems.push(`${at}: /StructParents ${key} is also used by ${usedKeys.get(key)}`);
    usedKeys.set(key, at);
    const entry = parentTree.get(key);
    if (!(entry instanceof PDFArray)) {
      problems.push(`${at}: ParentTree has no array for key ${key}`);
      return marks.mcids.length;
    }
    const seen = new Set<number>();
    for (const mcid of marks.mcids) {
      if (seen.has(mcid)) problems.push(`${at}: MCID ${mcid} used twice`);
      seen.add(mcid);
      const owner = deref(ctx, entry.get(mcid));
      if (!(owner instanceof PDFDict)) problems.push(`${at}: MCID ${mcid} has no element in the ParentTree`);
      else if (!elementOf.has(owner)) problems.push(`${at}: MCID ${mcid} maps to an element outside the tree`);
      else if (contentOwner.get(`${at}:${mcid}`) !== owner) problems.push(`${at}: MCID ${mcid} maps to an element that does not hold it`);
    }
    for (const key2 of contentOwner.keys()) {
      if (key2.startsWith(`${at}:`) && !seen.has(Number(key2.slice(at.length + 1)))) problems.push(`${key2} is in the tree but not in the content`);
    }
    return marks.mcids.length;
  };

  const seenXObjects = new Set<PDFObject>();
  const xobjects = (resources: PDFDict | undefined, depth: number): void => {
    const xs = resources?.lookupMaybe(N('XObject'), PDFDict);
    for (const [, ref] of xs?.entries() ?? []) {
      const x = deref(ctx, ref);
      if (!(x instanceof PDFStream) || seenXObjects.has(x) || x.dict.lookup(N('Subtype')) !== N('Form') || depth > 10) continue;
      seenXObjects.add(x);
      const key = x.dict.lookup(N('StructParents'));
      const res = x.dict.lookupMaybe(N('Resources'), PDFDict);
      // Marked content inside a form XObject without its own key belongs to the page's (allowed).
      if (key instanceof PDFNumber) report.markedContent += checkMarked(`xobject ${ref}`, key.asNumber(), streamBytes(x), res);
      xobjects(res, depth + 1);
    }
  };

  doc.getPages().forEach((page, i) => {
    const n = i + 1;
    const node = page.node;
    const key = node.lookup(N('StructParents'));
    const resources = node.lookupMaybe(N('Resources'), PDFDict);
    const count = checkMarked(`page ${n}`, key instanceof PDFNumber ? key.asNumber() : undefined, contentsOf(ctx, node), resources);
    report.markedContent += count;
    if (count === 0) report.pagesWithoutContent.push(n);
    xobjects(resources, 0);
    for (const a of node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = deref(ctx, a);
      if (!(annot instanceof PDFDict) || !(a instanceof PDFRef)) continue;
      const sp = annot.lookup(N('StructParent'));
      const isLink = annot.lookup(N('Subtype')) === N('Link');
      if (!(sp instanceof PDFNumber)) {
        if (isLink) problems.push(`page ${n}: link ${a} has no /StructParent`);
        continue;
      }
      if (usedKeys.has(sp.asNumber())) problems.push(`page ${n}: annotation key ${sp.asNumber()} is also used by ${usedKeys.get(sp.asNumber())}`);
      usedKeys.set(sp.asNumber(), `annotation ${a}`);
      const owner = deref(ctx, parentTree.get(sp.asNumber()));
      if (!(owner instanceof PDFDict) || !elementOf.has(owner)) problems.push(`page ${n}: annotation ${a} maps to no element of the tree`);
      else if (annotOwner.get(a) !== owner) problems.push(`page ${n}: annotation ${a} maps to an element without an OBJR for it`);
      else if (isLink && elementOf.get(owner)!.role !== 'Link') problems.push(`page ${n}: link ${a} is in a ${elementOf.get(owner)!.type} element`);
    }
  });
  return report;
}

// --- metadata ------------------------------------------------------------------------------------

/**
 * The document metadata a tagged (and, with `pdfa`, a PDF/A-2b) file needs: an unfiltered XMP
 * packet that says what the information dictionary says, with the language; a file identifier; no
 * encryption; for PDF/A the identification, an sRGB output intent and annotations that print.
 */
export function checkMetadata(doc: PDFDocument, bytes: Uint8Array, options: { pdfa?: boolean } = {}): string[] {
  const problems: string[] = [];
  const ctx = doc.context;
  const stream = doc.catalog.lookup(N('Metadata'));
  if (!(stream instanceof PDFStream)) return ['catalog: no /Metadata stream'];
  if (stream.dict.lookup(N('Type')) !== N('Metadata') || stream.dict.lookup(N('Subtype')) !== N('XML')) problems.push('metadata: not /Type /Metadata /Subtype /XML');
  if (stream.dict.has(N('Filter'))) problems.push('metadata: filtered');
  const xmp = Buffer.from(streamBytes(stream)).toString('utf8');
  const info = ctx.lookup(ctx.trailerInfo.Info, PDFDict);
  const infoText = (key: string): string | undefined => text(info.lookup(N(key)));
  const infoDate = (key: string): string | undefined => {
    const d = infoText(key)?.match(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/);
    return d ? `${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6]}` : undefined;
  };
  const unxml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const tag = (re: RegExp): string | undefined => {
    const m = xmp.match(re);
    return m ? unxml(m[1]) : undefined;
  };
  const expect = (what: string, xmpValue: string | undefined, infoValue: string | undefined): void => {
    if (xmpValue === undefined) problems.push(`xmp: no ${what}`);
    else if (xmpValue !== infoValue) problems.push(`xmp: ${what} is "${xmpValue}", the information dictionary says "${infoValue}"`);
  };
  expect('dc:title', tag(/<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)</), infoText('Title'));
  expect('dc:creator', tag(/<dc:creator>\s*<rdf:Seq>\s*<rdf:li>([^<]*)</), infoText('Author'));
  expect('dc:description', tag(/<dc:description>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)</), infoText('Subject'));
  expect('pdf:Keywords', tag(/<pdf:Keywords>([^<]*)</), infoText('Keywords'));
  expect('pdf:Producer', tag(/<pdf:Producer>([^<]*)</), infoText('Producer'));
  expect('xmp:CreatorTool', tag(/<xmp:CreatorTool>([^<]*)</), infoText('Creator'));
  expect('xmp:CreateDate', tag(/<xmp:CreateDate>([^<Z]*)/), infoDate('CreationDate'));
  expect('xmp:ModifyDate', tag(/<xmp:ModifyDate>([^<Z]*)/), infoDate('ModDate'));
  expect('dc:language', tag(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>([^<]*)</), text(doc.catalog.lookup(N('Lang'))));
  if (!(ctx.trailerInfo.ID instanceof PDFArray) && !(ctx.lookup(ctx.trailerInfo.ID) instanceof PDFArray)) problems.push('trailer: no /ID');
  if (ctx.trailerInfo.Encrypt) problems.push('trailer: encrypted');
  if (!options.pdfa) return problems;

  if (tag(/<pdfaid:part>([^<]*)</) !== '2') problems.push('xmp: pdfaid:part is not 2');
  if (tag(/<pdfaid:conformance>([^<]*)</) !== 'B') problems.push('xmp: pdfaid:conformance is not B');
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  if (!/^%PDF-1\.[4-7]\r?\n%[\x80-\xff]{4}/.test(head)) problems.push('header: no PDF 1.4–1.7 header with a binary comment');
  const intents = doc.catalog.lookupMaybe(N('OutputIntents'), PDFArray);
  const intent = intents?.lookupMaybe(0, PDFDict);
  const profile = intent?.lookup(N('DestOutputProfile'));
  if (!intent || intent.lookup(N('S')) !== N('GTS_PDFA1') || !(profile instanceof PDFStream) || profile.dict.lookup(N('N'))?.toString() !== '3') problems.push('catalog: no GTS_PDFA1 output intent with an RGB profile');
  else if (Buffer.from(streamBytes(profile)).toString('latin1', 36, 40) !== 'acsp') problems.push('output intent: the profile is not an ICC profile');
  doc.getPages().forEach((page, i) => {
    for (const a of page.node.lookupMaybe(N('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = deref(ctx, a);
      const f = annot instanceof PDFDict ? annot.lookup(N('F')) : undefined;
      const flags = f instanceof PDFNumber ? f.asNumber() : 0;
      if ((flags & 4) === 0 || (flags & (1 | 2 | 32 | 256)) !== 0) problems.push(`page ${i + 1}: annotation ${a} does not print (/F ${flags})`);
    }
  });
  return problems;
}
