import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../../src/render/markdown.js';
import type { MdBlock } from '../../../src/render/types.js';
import { MARKDOWN_LIMITS, measureMarkdown } from '../../../src/validate/markdown-size.js';
import { tekstOmvang } from '../../../src/validate/rules/tekst-omvang.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const rows = (n: number, cols: number): string => `|${'k|'.repeat(cols)}\n|${'-|'.repeat(cols)}\n${`|${'x|'.repeat(cols)}\n`.repeat(n)}`;

ruleTester(tekstOmvang, {
  valid: [
    { name: 'an ordinary memo', files: { 'a.md': md(VOORSTEL, '## Kop\n\nTekst met | een streep.\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| 1 | 2 |\n') } },
    { name: 'just under every limit', files: { 'a.md': md(VOORSTEL, `${rows(400, 10)}\n${'- punt\n'.repeat(1500)}`) } },
  ],
  invalid: [
    {
      name: 'a table of 1000 columns',
      files: { 'a.md': md(VOORSTEL, rows(10, 1000)) },
      errors: [{ line: 9, column: 1, message: 'De tekst is te groot om op te maken: 11000 tabelcellen (grens 5000)' }],
    },
    {
      name: 'rows without pipes are padded to the header width',
      files: { 'a.md': md(VOORSTEL, `${rows(0, 1000)}${'x\n'.repeat(10)}`) },
      errors: [{ line: 9, column: 1, message: 'De tekst is te groot om op te maken: 11000 tabelcellen (grens 5000)' }],
    },
    {
      name: 'list items, headings and estimated pages',
      files: { 'b.md': md(VOORSTEL, `${'- a\n'.repeat(1500)}${'# Kop\n'.repeat(600)}${'Lange regel tekst. '.repeat(20000)}\n`) },
      errors: [{ line: 9, column: 1, message: "2101 alinea's, kopjes, opsommingspunten en tabelregels (grens 2000), naar schatting 172 pagina's (grens 120)" }],
    },
  ],
});

/** Cells and blocks as the layout gets them from the real parser. */
function laidOut(blocks: MdBlock[]): { cells: number; blocks: number } {
  let cells = 0;
  let count = 0;
  const walk = (list: MdBlock[]): void => {
    for (const b of list) {
      // A list or quote is its items' blocks; the rest is one block each.
      if (b.t !== 'list' && b.t !== 'quote') count++;
      if (b.t === 'table') {
        const widest = Math.max(1, ...b.rows.map((r) => r.length));
        cells += b.rows.length * widest;
        count += b.rows.length;
      } else if (b.t === 'list') for (const item of b.items) walk(item);
      else if (b.t === 'quote') walk(b.c);
    }
  };
  walk(blocks);
  return { cells, blocks: count };
}

describe('measureMarkdown (issue 10, item 6)', () => {
  it.each([
    ['table', '| a | b | c |\n|---|:-:|--:|\n| 1 | 2 | 3 |\n| 4 | 5 |\n| 6 | 7 | 8 | 9 |\n'],
    ['table without outer pipes and with escaped pipes', 'a | b\n--|--\n1 \\| 2 | 3\n4\n'],
    ['nested lists and quotes', '- a\n  - b\n    - c\n> q\n> > r\n> - s\n\n1. x\n2) y\n'],
    ['headings, rules, code', '# A\n\nB\n===\n\n---\n\n```\n| not | a | table |\n- no list\n```\n\ntext\nmore text\n\n***\n'],
    ['a table inside a list item', '- | a | b |\n  |---|---|\n  | 1 | 2 |\n'],
    ['the reference memo', '## Kop\n\nAfgelopen 5 februari vond het debat plaats.\n\n- Volgens A;\n- volgens B.\n\nZie (bijlage 1).\n'],
  ])('never counts less than the layout gets: %s', (_name, text) => {
    const measured = measureMarkdown(text);
    const actual = laidOut(markdownToBlocks(text));
    expect(measured.cells).toBeGreaterThanOrEqual(actual.cells);
    expect(measured.blocks).toBeGreaterThanOrEqual(actual.blocks);
  });

  it("refuses each shape of the issue's 1 MiB bodies, in linear time", () => {
    const shapes = {
      'table 1000 × 250': rows(250, 1000),
      '75 000 rows': rows(75_000, 2),
      '150 000 list items': '- a\n'.repeat(150_000),
      '8000 headings': `# Kop ${'met een titel '.repeat(8)}\n`.repeat(8000),
      '500 000 nested quote markers on one line': `${'> '.repeat(500_000)}x\n`,
    };
    for (const [name, text] of Object.entries(shapes)) {
      const started = performance.now();
      const size = measureMarkdown(text);
      expect(size.cells > MARKDOWN_LIMITS.cells || size.blocks > MARKDOWN_LIMITS.blocks || size.pages > MARKDOWN_LIMITS.pages, name).toBe(true);
      // Not a speed assertion (that is npm run bench): a quadratic scan would take minutes here.
      expect(performance.now() - started, name).toBeLessThan(20_000);
    }
  });
});
