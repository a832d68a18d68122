// Small readers of low-level PDF objects shared by the toolkit and the assembler: names, references,
// text strings and name trees (bounded and loop-safe: input PDFs are untrusted).

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';

export const N = (name: string): PDFName => PDFName.of(name);

export const deref = (ctx: PDFContext, v: PDFObject | undefined): PDFObject | undefined => (v instanceof PDFRef ? ctx.lookup(v) : v);

/** The text of a string (literal or hex), or undefined. */
export function stringText(v: PDFObject | undefined): string | undefined {
  if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
  return undefined;
}

/** The text of a string or a name, or undefined. */
export function textOf(v: PDFObject | undefined): string | undefined {
  if (v instanceof PDFName) return v.decodeText();
  return stringText(v);
}

/** Leaves of a name tree (bounded, loop-safe): [name, value]. */
export function nameTreeEntries(ctx: PDFContext, root: PDFObject | undefined, max = 10_000): [string, PDFObject | undefined][] {
  const out: [string, PDFObject | undefined][] = [];
  const seen = new Set<PDFObject>();
  const stack: (PDFObject | undefined)[] = [root];
  while (stack.length > 0 && out.length < max) {
    const node = deref(ctx, stack.pop());
    if (!(node instanceof PDFDict) || seen.has(node)) continue;
    seen.add(node);
    const names = deref(ctx, node.get(N('Names')));
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size() && out.length < max; i += 2) out.push([textOf(deref(ctx, names.get(i))) ?? '?', names.get(i + 1)]);
    }
    const kids = deref(ctx, node.get(N('Kids')));
    if (kids instanceof PDFArray) stack.push(...kids.asArray().reverse());
  }
  return out;
}
