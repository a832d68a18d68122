// Small readers of low-level PDF objects shared by the toolkit and the assembler: names, references,
// text strings and name trees (bounded and loop-safe: input PDFs are untrusted).

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';

// PDFName.of decodes `#` escapes with a regular expression on every call, and pdf-lib calls it for
// every dictionary it parses (/Type) and many a page method, bundel for every key it reads: about a
// million calls in a 2000-page build. The same text always gives the same pooled name, so it is
// remembered by the text asked for (as many entries as pdf-lib's own pool, at most).
const nameOf = PDFName.of;
const names = new Map<string, PDFName>();
PDFName.of = (name: string): PDFName => {
  let known = names.get(name);
  if (known === undefined) names.set(name, (known = nameOf(name)));
  return known;
};

// decodeText turns the name into bytes one character at a time and back into a string (a few µs
// per call; the text reader asks it for every resource name of every page). A name without a `#`
// escape holds only the printable ASCII characters PDFName keeps as they are: its text is its
// encoded form without the slash. Escaped names (rare) are still decoded by pdf-lib.
const decodeText = PDFName.prototype.decodeText;
PDFName.prototype.decodeText = function (this: PDFName): string {
  const encoded = this.asString();
  return encoded.includes('#') ? decodeText.call(this) : encoded.slice(1);
};

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

/**
 * The [key, value] pairs of a name tree (`Names`) or number tree (`Nums`), in order, to `visit`
 * until it returns false (bounded by the caller, loop-safe: input PDFs are untrusted).
 */
export function treePairs(ctx: PDFContext, root: PDFObject | undefined, kind: 'Names' | 'Nums', visit: (key: PDFObject | undefined, value: PDFObject | undefined) => boolean): void {
  const seen = new Set<PDFObject>();
  const stack: (PDFObject | undefined)[] = [root];
  while (stack.length > 0) {
    const node = deref(ctx, stack.pop());
    if (!(node instanceof PDFDict) || seen.has(node)) continue;
    seen.add(node);
    const pairs = deref(ctx, node.get(N(kind)));
    if (pairs instanceof PDFArray) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) if (!visit(deref(ctx, pairs.get(i)), pairs.get(i + 1))) return;
    }
    const kids = deref(ctx, node.get(N('Kids')));
    if (kids instanceof PDFArray) stack.push(...kids.asArray().reverse());
  }
}

/** Leaves of a name tree (bounded, loop-safe): [name, value]. */
export function nameTreeEntries(ctx: PDFContext, root: PDFObject | undefined, max = 10_000): [string, PDFObject | undefined][] {
  const out: [string, PDFObject | undefined][] = [];
  if (max > 0) treePairs(ctx, root, 'Names', (key, value) => out.push([textOf(key) ?? '?', value]) < max);
  return out;
}
