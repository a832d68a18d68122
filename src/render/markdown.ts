// Markdown (CommonMark + GFM) -> the small MdBlock tree the Typst layouts walk. Every character
// an author types ends up in a text value; nothing here or in the layouts is ever evaluated.

import type { Definition, Nodes, PhrasingContent, RootContent } from 'mdast';
import { isPathological } from '../util/markdown-guard.js';
import { markdownTree } from '../util/markdown-tree.js';
import type { MdBlock, MdImage, MdInline } from './types.js';

/**
 * Nesting deeper than this (quotes in lists in quotes …) is flattened to plain text: the layouts
 * recurse once per level and Typst limits its call depth; no real memo nests this deep.
 */
const MAX_BLOCK_DEPTH = 8;
const MAX_INLINE_DEPTH = 6;

type Definitions = Map<string, Definition>;

/** The image file a Markdown image URL (as the parser gives it) stands for; undefined: print its alt text. */
export type ImageLookup = (url: string) => Omit<MdImage, 't' | 'alt'> | undefined;

interface Context {
  defs: Definitions;
  images?: ImageLookup;
}

/** `images`: where the images of the text are; without it (or for an unknown one) the alt text prints. */
export function markdownToBlocks(md: string, images?: ImageLookup): MdBlock[] {
  if (isPathological(md)) return literalParagraphs(md);
  try {
    // Parsed once per run: the loader looked for images in the same tree.
    const tree = markdownTree(md);
    const definitions: Definitions = new Map();
    collectDefinitions(tree, definitions, 0);
    return blocks(tree.children, { defs: definitions, images }, 0);
  } catch (error) {
    if (error instanceof RangeError) return literalParagraphs(md);
    throw error;
  }
}

/** The text as typed: paragraphs at blank lines, line breaks kept. */
function literalParagraphs(md: string): MdBlock[] {
  return md
    .split(/(?:\r?\n[ \t]*){2,}/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => ({ t: 'para', c: literalLines(chunk.trimEnd()) }));
}

function collectDefinitions(node: Nodes, into: Definitions, depth: number): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node && depth <= MAX_BLOCK_DEPTH) for (const child of node.children) collectDefinitions(child, into, depth + 1);
}

function blocks(nodes: readonly RootContent[], ctx: Context, depth: number): MdBlock[] {
  const out: MdBlock[] = [];
  for (const node of nodes) out.push(...block(node, ctx, depth));
  return out;
}

function block(node: RootContent, ctx: Context, depth: number): MdBlock[] {
  if (depth > MAX_BLOCK_DEPTH) {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    return text ? [{ t: 'para', c: [{ t: 'text', v: text }] }] : [];
  }
  switch (node.type) {
    case 'paragraph':
      return paragraph(node.children, ctx);
    case 'heading':
      return [{ t: 'heading', level: node.depth, c: inlines(node.children, ctx, 0) }];
    case 'thematicBreak':
      return [{ t: 'rule' }];
    case 'blockquote':
      return [{ t: 'quote', c: blocks(node.children, ctx, depth + 1) }];
    case 'code':
      return [{ t: 'code', v: node.value }];
    case 'html':
      // Raw HTML is not interpreted: it prints as the author typed it, line by line.
      return [{ t: 'para', c: literalLines(node.value) }];
    case 'list':
      return [
        {
          t: 'list',
          ordered: node.ordered ?? false,
          start: node.start ?? 1,
          spread: node.spread ?? false,
          items: node.children.map((item) => {
            const content = blocks(item.children, ctx, depth + 1);
            if (typeof item.checked === 'boolean') {
              const box: MdInline = { t: 'text', v: item.checked ? '[x] ' : '[ ] ' };
              const first = content[0];
              if (first?.t === 'para') content[0] = { t: 'para', c: mergeText([box, ...first.c]) };
              else content.unshift({ t: 'para', c: [box] });
            }
            return content;
          }),
        },
      ];
    case 'table': {
      const rows = node.children.map((row) => row.children.map((cell) => inlines(cell.children, ctx, 0)));
      return [{ t: 'table', align: (node.align ?? []).map((a) => a ?? null), rows }];
    }
    case 'footnoteDefinition': {
      // Footnotes stay where they were written, marked with their label as in the source.
      const content = blocks(node.children, ctx, depth + 1);
      const mark: MdInline = { t: 'text', v: `[${node.label ?? node.identifier}] ` };
      const first = content[0];
      if (first?.t === 'para') content[0] = { t: 'para', c: mergeText([mark, ...first.c]) };
      else content.unshift({ t: 'para', c: [mark] });
      return content;
    }
    case 'definition':
    case 'yaml':
      return [];
    default: {
      // Phrasing content at block level cannot come out of the parser, but never drop text.
      const text = toString(node);
      return text ? [{ t: 'para', c: [{ t: 'text', v: text }] }] : [];
    }
  }
}

/**
 * A paragraph; an image in it (not inside a link or emphasis) becomes a block of its own between
 * the text before and after it, as an author who puts an image on its own line means.
 */
function paragraph(children: readonly PhrasingContent[], ctx: Context): MdBlock[] {
  const out: MdBlock[] = [];
  let run: PhrasingContent[] = [];
  let split = false;
  const flush = (): void => {
    const c = inlines(run, ctx, 0);
    run = [];
    if (!split) return void out.push({ t: 'para', c });
    // Beside an image, the line breaks around it and a run of only spaces make no paragraph.
    const trimmed = trimBreaks(c);
    if (trimmed.some((n) => n.t !== 'text' || n.v.trim() !== '')) out.push({ t: 'para', c: trimmed });
  };
  for (const node of children) {
    const image = imageBlock(node, ctx);
    if (!image) {
      run.push(node);
      continue;
    }
    split = true;
    flush();
    out.push(image);
  }
  flush();
  return out;
}

function imageBlock(node: PhrasingContent, ctx: Context): MdImage | undefined {
  if (!ctx.images || (node.type !== 'image' && node.type !== 'imageReference')) return undefined;
  const url = node.type === 'image' ? node.url : ctx.defs.get(node.identifier)?.url;
  const found = url === undefined ? undefined : ctx.images(url);
  return found && { t: 'image', ...found, alt: node.alt ?? '' };
}

/** Line breaks and spaces at the edges of a paragraph split by an image. */
function trimBreaks(c: MdInline[]): MdInline[] {
  let start = 0;
  let end = c.length;
  while (start < end && c[start].t === 'break') start++;
  while (end > start && c[end - 1].t === 'break') end--;
  const out = c.slice(start, end);
  const first = out[0];
  if (first?.t === 'text') out[0] = { t: 'text', v: first.v.trimStart() };
  const last = out[out.length - 1];
  if (last?.t === 'text') out[out.length - 1] = { t: 'text', v: last.v.trimEnd() };
  return out;
}

function inlines(nodes: readonly PhrasingContent[], ctx: Context, depth: number): MdInline[] {
  const out: MdInline[] = [];
  for (const node of nodes) out.push(...inline(node, ctx, depth));
  return mergeText(out);
}

function inline(node: PhrasingContent, ctx: Context, depth: number): MdInline[] {
  if (depth > MAX_INLINE_DEPTH) return [{ t: 'text', v: oneLine(toString(node)) }];
  switch (node.type) {
    case 'text':
      return typedBreaks(node.value);
    case 'strong':
      return [{ t: 'strong', c: inlines(node.children, ctx, depth + 1) }];
    case 'emphasis':
      return [{ t: 'emph', c: inlines(node.children, ctx, depth + 1) }];
    case 'delete':
      // Struck-through text keeps its words; a printed memo shows no strikethrough.
      return inlines(node.children, ctx, depth + 1);
    case 'inlineCode':
      return [{ t: 'code', v: node.value }];
    case 'break':
      return [{ t: 'break' }];
    case 'link':
      return [{ t: 'link', url: node.url, c: inlines(node.children, ctx, depth + 1) }];
    case 'linkReference': {
      const def = ctx.defs.get(node.identifier);
      const c = inlines(node.children, ctx, depth + 1);
      return def ? [{ t: 'link', url: def.url, c }] : c;
    }
    case 'image':
      return node.alt ? [{ t: 'text', v: node.alt }] : [];
    case 'imageReference':
      return node.alt ? [{ t: 'text', v: node.alt }] : [];
    case 'html':
      return literalLines(node.value);
    case 'footnoteReference':
      return [{ t: 'text', v: `[${node.label ?? node.identifier}]` }];
    default:
      return [];
  }
}

/** The plain text of a node (alt text of images included), for flattening. */
function toString(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return node.children.map((child: Nodes) => toString(child)).join(node.type === 'paragraph' ? '' : ' ');
  return '';
}

/**
 * A line break as typed stays a line break on paper ("Advies:" on a line of its own); a blank line
 * starts a new paragraph. Spaces around the break are dropped. (No regex: `[ \t]*\n` is quadratic
 * on long runs of spaces.)
 */
function typedBreaks(text: string): MdInline[] {
  if (!text.includes('\n')) return [{ t: 'text', v: text }];
  const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\r';
  const lines = text.split('\n');
  const out: MdInline[] = [];
  lines.forEach((line, i) => {
    let start = 0;
    let end = line.length;
    if (i > 0) while (start < end && isBlank(line[start])) start++;
    if (i < lines.length - 1) while (end > start && isBlank(line[end - 1])) end--;
    if (i > 0) out.push({ t: 'break' });
    out.push({ t: 'text', v: line.slice(start, end) });
  });
  return out;
}

/** Text flattened to one line (deep nesting). */
const oneLine = (text: string): string => text.split('\n').map((l) => l.trim()).join(' ');

function literalLines(value: string): MdInline[] {
  const out: MdInline[] = [];
  value.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push({ t: 'break' });
    if (line) out.push({ t: 'text', v: line });
  });
  return out;
}

function mergeText(list: MdInline[]): MdInline[] {
  const out: MdInline[] = [];
  for (const item of list) {
    const last = out[out.length - 1];
    if (item.t === 'text' && last?.t === 'text') out[out.length - 1] = { t: 'text', v: last.v + item.v };
    else if (item.t !== 'text' || item.v !== '') out.push(item);
  }
  return out;
}
