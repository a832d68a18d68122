// Copy one tagged source's structure tree into the bundle, after its pages were copied with the same
// copier (so pages, annotations and XObjects map to their copies). Element references are mapped
// before any element is copied, so /P, /K and ParentTree entries all land on the copies. What the
// bundle shares is merged here: ParentTree keys are renumbered into the bundle's, RoleMap and
// ClassMap names that clash with another source's are renamed, and clashing IDs get a suffix.
// Marked-content ids stay as they are: they are per page (or per XObject), and pages are not shared.

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject, type PDFObjectCopier, type PDFPage } from '@cantoo/pdf-lib';
import { deref, N } from '../pdf/objects.js';
import { numberTreeEntries, renumberStructParents } from './struct-trees.js';


/**
 * The standard structure types of PDF 1.7: never remapped in the bundle's RoleMap. (Types new in
 * PDF 2.0, such as Title or Strong, may be: Typst maps them to 1.7 types.)
 */
const STANDARD_TYPES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

/** A cap on the elements of one source: a tree this large is damage or an attack. */
const MAX_ELEMENTS = 2_000_000;

/** What the bundle's structure tree collects from every source. */
export interface SharedStructure {
  parentTree: Map<number, PDFObject>;
  nextKey: number;
  roleMap: Map<string, PDFName>;
  classMap: Map<string, PDFObject>;
  /** IDTree entries by the id's bytes (latin1). */
  ids: Map<string, { key: PDFObject; value: PDFRef }>;
  namespaces: PDFObject[];
  /** Object references and the element holding each: checked again once the pages are sanitized. */
  objrs: { owner: PDFDict; objr: PDFDict }[];
}

export interface CopiedTree {
  /** The element standing for the whole source (its Document element, or a new one holding its top elements). */
  element: PDFRef;
  dict: PDFDict;
  /** Elements in the copied subtree, the standing element included. */
  elements: number;
}

type Kind = 'element' | 'mcr' | 'objr' | 'other';

function kindOf(ctx: PDFContext, d: PDFDict): Kind {
  const type = deref(ctx, d.get(N('Type')));
  if (type === N('MCR')) return 'mcr';
  if (type === N('OBJR')) return 'objr';
  return deref(ctx, d.get(N('S'))) instanceof PDFName ? 'element' : 'other';
}

const bytesKey = (s: PDFObject | undefined): string | undefined =>
  s instanceof PDFString || s instanceof PDFHexString ? Buffer.from(s.asBytes()).toString('latin1') : undefined;

function kidsOf(ctx: PDFContext, dict: PDFDict): PDFObject[] {
  const k = dict.get(N('K'));
  const resolved = deref(ctx, k);
  if (resolved instanceof PDFArray) return resolved.asArray();
  return k === undefined ? [] : [k];
}

/** A name not yet in `taken`: `name`, then `name_2`, `name_3` … */
function freeName(name: string, taken: (n: string) => boolean): string {
  if (!taken(name)) return name;
  for (let i = 2; ; i++) if (!taken(`${name}_${i}`)) return `${name}_${i}`;
}

export function copyStructureTree(
  shared: SharedStructure,
  source: PDFDocument,
  dest: PDFContext,
  copier: PDFObjectCopier,
  mapped: Map<PDFObject, PDFObject>,
  pages: readonly PDFPage[],
): CopiedTree | undefined {
  const ctx = source.context;
  const root = source.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return undefined;

  // 1. Find every element from the root down and give it a reference in the bundle.
  const newRef = new Map<PDFDict, PDFRef>();
  const order: PDFDict[] = [];
  const top: PDFDict[] = [];
  const stack: [PDFObject, boolean][] = kidsOf(ctx, root).reverse().map((k) => [k, true]);
  while (stack.length > 0 && order.length < MAX_ELEMENTS) {
    const [kid, isTop] = stack.pop()!;
    const d = deref(ctx, kid);
    if (!(d instanceof PDFDict) || newRef.has(d) || kindOf(ctx, d) !== 'element') continue;
    const ref = dest.nextRef();
    newRef.set(d, ref);
    if (kid instanceof PDFRef) mapped.set(kid, ref);
    order.push(d);
    if (isTop) top.push(d);
    for (const k of kidsOf(ctx, d).reverse()) stack.push([k, false]);
  }
  if (order.length === 0) return undefined;

  // 2. Names this source shares with the bundle: role and class names, ids.
  const roleRename = new Map<string, string>();
  const roleMap = root.lookupMaybe(N('RoleMap'), PDFDict);
  for (const [k, v] of roleMap?.entries() ?? []) {
    const target = deref(ctx, v);
    if (!(target instanceof PDFName)) continue;
    const name = k.decodeText();
    // LibreOffice maps some standard types to themselves (/Link /Link): nothing to keep.
    if (STANDARD_TYPES.has(name) && target.decodeText() === name) continue;
    const known = shared.roleMap.get(name);
    if (known === target && !STANDARD_TYPES.has(name)) continue;
    const free = STANDARD_TYPES.has(name) || known !== undefined ? freeName(name, (n) => shared.roleMap.has(n) || STANDARD_TYPES.has(n)) : name;
    if (free !== name) roleRename.set(name, free);
    shared.roleMap.set(free, target);
  }
  const classRename = new Map<string, string>();
  const classMap = root.lookupMaybe(N('ClassMap'), PDFDict);
  for (const [k, v] of classMap?.entries() ?? []) {
    const name = k.decodeText();
    const free = freeName(name, (n) => shared.classMap.has(n));
    if (free !== name) classRename.set(name, free);
    shared.classMap.set(free, copier.copy(v));
  }
  const idRename = new Map<string, PDFObject>();
  for (const d of order) {
    const id = deref(ctx, d.get(N('ID')));
    const key = bytesKey(id);
    if (key === undefined || idRename.has(key)) continue;
    const free = freeName(key, (n) => shared.ids.has(n));
    const obj = free === key ? id! : PDFHexString.fromBytes(Buffer.from(free, 'latin1'));
    idRename.set(key, obj);
    shared.ids.set(free, { key: obj, value: newRef.get(d)! });
  }
  const rename = (map: Map<string, string>, v: PDFObject | undefined): PDFObject | undefined => {
    const o = deref(ctx, v);
    if (o instanceof PDFName) return map.has(o.decodeText()) ? N(map.get(o.decodeText())!) : o;
    if (o instanceof PDFArray) return dest.obj(o.asArray().map((x) => rename(map, x) ?? PDFNull));
    return o === undefined ? undefined : copier.copy(o);
  };
  /** Table header references (/Headers in attributes) follow renamed ids. */
  const fixHeaders = (attrs: PDFObject | undefined): void => {
    const list = attrs instanceof PDFArray ? attrs.asArray() : [attrs];
    for (const a of list) {
      const d = deref(dest, a);
      const headers = d instanceof PDFDict ? deref(dest, d.get(N('Headers'))) : undefined;
      if (!(headers instanceof PDFArray)) continue;
      for (let i = 0; i < headers.size(); i++) {
        const key = bytesKey(deref(dest, headers.get(i)));
        if (key !== undefined && idRename.has(key)) headers.set(i, idRename.get(key)!);
      }
    }
  };
  const page = (v: PDFObject | undefined): PDFRef | undefined => {
    const m = v instanceof PDFRef ? mapped.get(v) : undefined;
    return m instanceof PDFRef ? m : undefined;
  };

  // 3. Copy each element; kids that point at content which did not come along are dropped.
  const copyKid = (kid: PDFObject): PDFObject | undefined => {
    const d = deref(ctx, kid);
    if (d instanceof PDFNumber) return d;
    if (!(d instanceof PDFDict)) return undefined;
    const kind = kindOf(ctx, d);
    if (kind === 'element') return newRef.get(d);
    const pg = d.get(N('Pg'));
    if (pg !== undefined && !page(pg)) return undefined;
    const out = dest.obj({ Type: kind === 'mcr' ? 'MCR' : 'OBJR' }) as PDFDict;
    if (pg !== undefined) out.set(N('Pg'), page(pg)!);
    if (kind === 'mcr') {
      const mcid = deref(ctx, d.get(N('MCID')));
      if (!(mcid instanceof PDFNumber)) return undefined;
      out.set(N('MCID'), mcid);
      const stm = d.get(N('Stm'));
      if (stm !== undefined) {
        const s = stm instanceof PDFRef ? mapped.get(stm) : undefined;
        if (!s) return undefined;
        out.set(N('Stm'), s);
      }
      return out;
    }
    if (kind === 'objr') {
      const obj = d.get(N('Obj'));
      const target = obj instanceof PDFRef ? mapped.get(obj) : undefined;
      if (!(target instanceof PDFRef)) return undefined;
      out.set(N('Obj'), target);
      return out;
    }
    return undefined;
  };
  const copies = new Map<PDFDict, PDFDict>();
  for (const d of order) {
    const out = dest.obj({}) as PDFDict;
    for (const [key, value] of d.entries()) {
      const k = key.decodeText();
      if (k === 'P' || k === 'K') continue;
      if (k === 'Pg') {
        const p = page(value);
        if (p) out.set(key, p);
      } else if (k === 'S') out.set(key, rename(roleRename, value) ?? N('Span'));
      else if (k === 'C') {
        const c = rename(classRename, value);
        if (c) out.set(key, c);
      } else if (k === 'ID') {
        const id = idRename.get(bytesKey(deref(ctx, value)) ?? '');
        if (id) out.set(key, id);
      } else out.set(key, copier.copy(value));
    }
    fixHeaders(out.get(N('A')));
    const kids = kidsOf(ctx, d)
      .map(copyKid)
      .filter((k): k is PDFObject => k !== undefined);
    for (const k of kids) if (k instanceof PDFDict && k.get(N('Type')) === N('OBJR')) shared.objrs.push({ owner: out, objr: k });
    if (kids.length === 1) out.set(N('K'), kids[0]);
    else if (kids.length > 1) out.set(N('K'), dest.obj(kids));
    copies.set(d, out);
    dest.assign(newRef.get(d)!, out);
  }
  // Parents: every element's kids point back at it.
  for (const d of order) {
    for (const k of kidsOf(ctx, d)) {
      const child = deref(ctx, k);
      if (child instanceof PDFDict && newRef.has(child) && child !== d) copies.get(child)!.set(N('P'), newRef.get(d)!);
    }
  }

  // 4. The element that stands for the source: its one Document element, or a new grouping one.
  const typeOf = (d: PDFDict): string => {
    const s = (deref(ctx, d.get(N('S'))) as PDFName).decodeText();
    const role = deref(ctx, roleMap?.get(N(s)));
    return role instanceof PDFName ? role.decodeText() : s;
  };
  let element: PDFRef;
  let dict: PDFDict;
  let elements = order.length;
  if (top.length === 1 && typeOf(top[0]) === 'Document') {
    element = newRef.get(top[0])!;
    dict = copies.get(top[0])!;
  } else {
    dict = dest.obj({ Type: 'StructElem', S: 'Part' }) as PDFDict;
    element = dest.register(dict);
    const kids = top.map((d) => newRef.get(d)!);
    dict.set(N('K'), dest.obj(kids));
    for (const d of top) copies.get(d)!.set(N('P'), element);
    elements++;
  }
  const rootRef = source.catalog.get(N('StructTreeRoot'));
  if (rootRef instanceof PDFRef) mapped.set(rootRef, element);
  dict.set(N('S'), N('Part'));
  const lang = source.catalog.lookup(N('Lang'));
  if (!dict.has(N('Lang')) && (lang instanceof PDFString || lang instanceof PDFHexString)) dict.set(N('Lang'), copier.copy(lang));
  const ns = root.lookupMaybe(N('Namespaces'), PDFArray);
  if (ns) shared.namespaces.push(...ns.asArray().map((n) => copier.copy(n)));

  // 5. ParentTree: this source's keys become bundle keys; pages, annotations and XObjects follow.
  const keyMap = new Map<number, number>();
  for (const [key, value] of numberTreeEntries(ctx, root.get(N('ParentTree')))) {
    const v = deref(ctx, value);
    const elem = (x: PDFObject | undefined): PDFObject => {
      const e = deref(ctx, x);
      return e instanceof PDFDict && newRef.has(e) ? newRef.get(e)! : PDFNull;
    };
    const entry = v instanceof PDFArray ? dest.obj(v.asArray().map(elem)) : elem(v);
    if (entry === PDFNull) continue;
    const bundleKey = shared.nextKey++;
    keyMap.set(key, bundleKey);
    shared.parentTree.set(bundleKey, entry instanceof PDFArray ? dest.register(entry) : entry);
  }
  renumberStructParents(dest, pages, keyMap);
  return { element, dict, elements };
}
