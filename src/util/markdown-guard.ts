// A guard shared by every reader of an item's Markdown: text of shapes the parser handles badly is
// not parsed at all (the memo prints it literally; the loader looks for no images in it).

/**
 * The Markdown parser is quadratic or recursive on some hostile shapes (thousands of nested list
 * or quote markers, thousands of `*` or `[` in one paragraph: measured 20-50 s, or a stack
 * overflow). Such text is printed as plain paragraphs instead.
 */
const MAX_CONTAINER_DEPTH = 16;
const MAX_DELIMITERS_PER_CHUNK = 4000;
const MAX_DELIMITERS = 20_000;

export function isPathological(md: string): boolean {
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
