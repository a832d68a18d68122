// How much layout work an item's Markdown asks for, measured in one pass over its lines before any
// parser sees it: both the Markdown parser and the layout take seconds per few thousand table cells,
// list items or headings (a 1 MiB body of 150 000 list items took minutes and gigabytes). The count
// errs on the high side: every line with a `|` counts as table cells, a table row as many cells as
// the widest row of its table (the layout pads rows to that width), every list marker as an item.

export interface MarkdownSize {
  /** Table cells as laid out: per table, rows × its widest row. */
  cells: number;
  /** Paragraphs, headings, list items, table rows, quotes, code blocks, rules. */
  blocks: number;
  /** A rough page count: lines and characters as dense memo text. */
  pages: number;
}

/** Limits per agenda item; measured in docs/performance.md ("Markdown bounds"). */
export const MARKDOWN_LIMITS: Readonly<MarkdownSize> = { cells: 5000, blocks: 2000, pages: 120 };

/** Whether a text of this size may be laid out (the rule `tekst-omvang` reports the others). */
export const withinLimits = (size: MarkdownSize): boolean => size.cells <= MARKDOWN_LIMITS.cells && size.blocks <= MARKDOWN_LIMITS.blocks && size.pages <= MARKDOWN_LIMITS.pages;

const LINES_PER_PAGE = 50;
const CHARS_PER_PAGE = 3000;

const CONTAINER = / {0,3}>[ \t]?| *(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$)/y;
const HEADING = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:=+|-+)[ \t]*$)/;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Cells in one table line: its unescaped pipes, without a leading and a trailing one. */
function cellsIn(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) pipes--;
  if (trimmed.length > 1 && trimmed.endsWith('|') && !trimmed.endsWith('\\|')) pipes--;
  return Math.max(1, pipes + 1);
}

export function measureMarkdown(md: string): MarkdownSize {
  let cells = 0;
  let blocks = 0;
  let lines = 0;
  let inParagraph = false;
  let inCode = false;
  let table: { rows: number; widest: number; delimiter: boolean } | undefined;
  const endTable = (): void => {
    if (table) cells += table.rows * table.widest;
    table = undefined;
  };
  let start = 0;
  while (start <= md.length) {
    let end = md.indexOf('\n', start);
    if (end < 0) end = md.length;
    let line = md.slice(start, end);
    start = end + 1;
    if (line.trim() === '') {
      inParagraph = false;
      endTable();
      continue;
    }
    lines++;
    if (inCode) {
      if (FENCE.test(line)) inCode = false;
      continue;
    }
    // Quote and list markers open blocks of their own; what follows them is looked at as a line.
    let at = 0;
    CONTAINER.lastIndex = 0;
    while (at < line.length && CONTAINER.test(line) && CONTAINER.lastIndex > at) {
      blocks++;
      inParagraph = false;
      at = CONTAINER.lastIndex;
    }
    if (at > 0) {
      line = line.slice(at);
      // The text after a list or quote marker is that item's first paragraph: one block with it.
      inParagraph = true;
    }
    if (FENCE.test(line)) {
      endTable();
      blocks++;
      inCode = true;
      inParagraph = false;
    } else if (table && !table.delimiter) {
      table.delimiter = true;
    } else if (table) {
      table.rows++;
      table.widest = Math.max(table.widest, cellsIn(line));
      blocks++;
    } else if (line.includes('|')) {
      // A table starts at a row followed by a delimiter row; until then, count the line's own cells.
      const next = md.slice(start, md.indexOf('\n', start) < 0 ? md.length : md.indexOf('\n', start));
      if (DELIMITER_ROW.test(next.replace(/^[ \t>]*/, '')) && next.includes('-')) {
        table = { rows: 1, widest: cellsIn(line), delimiter: false };
        blocks++; // the table itself, besides its rows
      } else cells += cellsIn(line);
      blocks++;
      inParagraph = false;
    } else if (HEADING.test(line) || RULE.test(line)) {
      blocks++;
      inParagraph = false;
    } else if (!inParagraph) {
      blocks++;
      inParagraph = true;
    }
    if (at > 0 && line.trim() === '') inParagraph = false;
  }
  endTable();
  return { cells, blocks, pages: Math.ceil(lines / LINES_PER_PAGE + md.length / CHARS_PER_PAGE) };
}
