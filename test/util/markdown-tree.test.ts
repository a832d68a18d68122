// Issue 18: an item's Markdown is parsed once per run; the loader's image search and the layout's
// blocks read the same tree.

import { describe, expect, it } from 'vitest';
import { findImages } from '../../src/load/body-images.js';
import { markdownToBlocks } from '../../src/render/markdown.js';
import { markdownTree } from '../../src/util/markdown-tree.js';

describe('markdownTree', () => {
  it('parses a text once and gives the same tree again; another text gets its own', () => {
    const body = `## Toelichting (markdown-tree test)\n\nZie ![het schema](bijlagen/schema.svg) en de tabel:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
    const tree = markdownTree(body);
    expect(markdownTree(body)).toBe(tree);
    expect(markdownTree(`${body}\nMeer.`)).not.toBe(tree);
    // What the loader and the layout read from it.
    expect(findImages(body, 10).map((i) => [i.url, i.alt, i.range.line])).toEqual([['bijlagen/schema.svg', 'het schema', 12]]);
    expect(markdownToBlocks(body).map((b) => b.t)).toEqual(['heading', 'para', 'table']);
    expect(markdownTree(body)).toBe(tree);
  });
});
