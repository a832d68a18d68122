// Markdown (CommonMark + GFM) -> the small MdBlock tree the Typst layouts walk. Every character
// an author types ends up in a text value; nothing here or in the layouts is ever evaluated.

import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Definition, Nodes, PhrasingContent, RootContent } from 'mdast';
import type { MdBlock, MdInline } from './types.js';

/**
 * Nesting deeper than this (quotes in lists in quotes …) is flattened to plain text: the layouts
 * recurse once per level and Typst limits its call depth; no real memo nests this deep.
 */
const MAX_BLOCK_DEPTH = 8;
const MAX_INLINE_DEPTH = 6;

type Definitions = Map<string, Definition>;

/**
 * The Markdown parser is quadratic or recursive on some hostile shapes (thousands of nested list
 * or quote markers, thousands of `*` or `[` in one paragraph: measured 20-50 s, or a stack
 * overflow). Such text is printed as plain paragraphs instead.
 */
const MAX_CONTAINER_DEPTH = 16;
const MAX_DELIMITERS_PER_CHUNK = 4000;
const MAX_DELIMITERS = 20_000;

export function markdownToBlocks(md: string): MdBlock[] {
  if (isPathological(md)) return literalParagraphs(md);
  try {
    const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const definitions: Definitions = new Map();
    collectDefinitions(tree, definitions, 0);
    return blocks(tree.children, definitions, 0);
  } catch (error) {
    if (error instanceof RangeError) return literalParagraphs(md);
    throw error;
  }
}

function isPathological(md: string): boolean {
  const container = /^[ \t]*(?:>|[*+-]|\d{1,9}[.)])(?=[ \t]|$)/;
  let delimiters = 0;
  let total = 0;
  for (const line of md.split(/\r?\n/)) {
    if (line.trim() === '') {
      delimiters = 0;
      continue;
    }
    // Nesting shows as markers on one line ("> > -") or as indentation before a marker.
    let depth = 0;
    let rest = line;
    for (let m = container.exec(rest); m; m = container.exec(rest)) {
      if (depth === 0) depth = Math.floor(/^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length / 2);
      if (++depth > MAX_CONTAINER_DEPTH) return true;
      rest = rest.slice(m[0].length);
    }
    for (const ch of line) {
      if ('*_[]<`~'.includes(ch) && (++delimiters > MAX_DELIMITERS_PER_CHUNK || ++total > MAX_DELIMITERS)) return true;
    }
  }
  return false;
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

function blocks(nodes: readonly RootContent[], defs: Definitions, depth: number): MdBlock[] {
  const out: MdBlock[] = [];
  for (const node of nodes) out.push(...block(node, defs, depth));
  return out;
}

function block(node: RootContent, defs: Definitions, depth: number): MdBlock[] {
  if (depth > MAX_BLOCK_DEPTH) {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    return text ? [{ t: 'para', c: [{ t: 'text', v: text }] }] : [];
  }
  switch (node.type) {
    case 'paragraph':
      return [{ t: 'para', c: inlines(node.children, defs, 0) }];
    case 'heading':
      return [{ t: 'heading', level: node.depth, c: inlines(node.children, defs, 0) }];
    case 'thematicBreak':
      return [{ t: 'rule' }];
    case 'blockquote':
      return [{ t: 'quote', c: blocks(node.children, defs, depth + 1) }];
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
            const content = blocks(item.children, defs, depth + 1);
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
      const rows = node.children.map((row) => row.children.map((cell) => inlines(cell.children, defs, 0)));
      return [{ t: 'table', align: (node.align ?? []).map((a) => a ?? null), rows }];
    }
    case 'footnoteDefinition': {
      // Footnotes stay where they were written, marked with their label as in the source.
      const content = blocks(node.children, defs, depth + 1);
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

function inlines(nodes: readonly PhrasingContent[], defs: Definitions, depth: number): MdInline[] {
  const out: MdInline[] = [];
  for (const node of nodes) out.push(...inline(node, defs, depth));
  return mergeText(out);
}

function inline(node: PhrasingContent, defs: Definitions, depth: number): MdInline[] {
  if (depth > MAX_INLINE_DEPTH) return [{ t: 'text', v: oneLine(toString(node)) }];
  switch (node.type) {
    case 'text':
      return typedBreaks(node.value);
    case 'strong':
      return [{ t: 'strong', c: inlines(node.children, defs, depth + 1) }];
    case 'emphasis':
      return [{ t: 'emph', c: inlines(node.children, defs, depth + 1) }];
    case 'delete':
      // Struck-through text keeps its words; a printed memo shows no strikethrough.
      return inlines(node.children, defs, depth + 1);
    case 'inlineCode':
      return [{ t: 'code', v: node.value }];
    case 'break':
      return [{ t: 'break' }];
    case 'link':
      return [{ t: 'link', url: node.url, c: inlines(node.children, defs, depth + 1) }];
    case 'linkReference': {
      const def = defs.get(node.identifier);
      const c = inlines(node.children, defs, depth + 1);
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
