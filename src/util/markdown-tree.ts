// An item's Markdown parsed once per run: the loader looks for the images in the tree (load/
// body-images.ts) and the layout turns the same tree into blocks (render/markdown.ts). The parser
// (micromark with GFM) takes 2-9 ms per KB, so a body read twice is worth keeping.
// Callers check the text with isPathological (markdown-guard.ts) first; nobody changes a tree.

import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Texts kept, by total length: a meeting's bodies (the watch mode builds again and again). */
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

const trees = new Map<string, Root>();
let keptChars = 0;

/** The CommonMark + GFM tree of `md`, parsed once while it is kept; throws what the parser throws. */
export function markdownTree(md: string): Root {
  const known = trees.get(md);
  if (known) return known;
  const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  if (md.length <= MAX_KEPT_CHARS) {
    // The oldest go first.
    for (const [text] of trees) {
      if (keptChars + md.length <= MAX_KEPT_CHARS) break;
      trees.delete(text);
      keptChars -= text.length;
    }
    trees.set(md, tree);
    keptChars += md.length;
  }
  return tree;
}
