// Markdown -> MdBlock tree: structure, and every character an author types kept as text.

import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../src/render/markdown.js';
import type { MdBlock, MdInline } from '../../src/render/types.js';

function textOf(nodes: (MdBlock | MdInline)[]): string {
  return nodes
    .map((n): string => {
      switch (n.t) {
        case 'text':
        case 'code':
          return n.v;
        case 'break':
          return '\n';
        case 'rule':
          return '---';
        case 'list':
          return n.items.map((item) => textOf(item)).join('|');
        case 'table':
          return n.rows.map((row) => row.map((cell) => textOf(cell)).join('|')).join('/');
        case 'link':
          return `${textOf(n.c)}<${n.url}>`;
        case 'image':
          return `[${n.alt}](${n.src})`;
        default:
          return textOf(n.c);
      }
    })
    .join(' ');
}

describe('markdownToBlocks', () => {
  it('turns paragraphs, headings, emphasis, code and breaks into the tree; a typed line break stays one', () => {
    const blocks = markdownToBlocks('# Kop\n\nEen *nadruk* en **vet** met `code`,\nzachte regel  \nen harde regel.\n\n---\n');
    expect(blocks).toEqual([
      { t: 'heading', level: 1, c: [{ t: 'text', v: 'Kop' }] },
      {
        t: 'para',
        c: [
          { t: 'text', v: 'Een ' },
          { t: 'emph', c: [{ t: 'text', v: 'nadruk' }] },
          { t: 'text', v: ' en ' },
          { t: 'strong', c: [{ t: 'text', v: 'vet' }] },
          { t: 'text', v: ' met ' },
          { t: 'code', v: 'code' },
          { t: 'text', v: ',' },
          { t: 'break' },
          { t: 'text', v: 'zachte regel' },
          { t: 'break' },
          { t: 'text', v: 'en harde regel.' },
        ],
      },
      { t: 'rule' },
    ]);
  });

  it('keeps the seed\'s "Advies:" on a line of its own, and a blank line as a new paragraph', () => {
    expect(markdownToBlocks('**Advies:**\nDe stuurgroep   \n  te vragen.\n\nNieuw.')).toEqual([
      { t: 'para', c: [{ t: 'strong', c: [{ t: 'text', v: 'Advies:' }] }, { t: 'break' }, { t: 'text', v: 'De stuurgroep' }, { t: 'break' }, { t: 'text', v: 'te vragen.' }] },
      { t: 'para', c: [{ t: 'text', v: 'Nieuw.' }] },
    ]);
  });

  it('keeps lists, nested lists, start numbers and loose lists', () => {
    const [bullets, numbers] = markdownToBlocks('- een\n  - een.a\n  - een.b\n- twee\n\n3. drie\n\n4. vier\n');
    expect(bullets).toMatchObject({ t: 'list', ordered: false, start: 1, spread: false });
    if (bullets.t !== 'list') throw new Error('list expected');
    expect(bullets.items).toHaveLength(2);
    expect(bullets.items[0][1]).toMatchObject({ t: 'list', items: [[{ t: 'para' }], [{ t: 'para' }]] });
    expect(textOf(bullets.items[0])).toBe('een een.a|een.b');
    expect(numbers).toMatchObject({ t: 'list', ordered: true, start: 3, spread: true });
  });

  it('marks task list items with a literal box', () => {
    const [list] = markdownToBlocks('- [x] gedaan\n- [ ] open\n');
    expect(textOf([list])).toBe('[x] gedaan|[ ] open');
  });

  it('keeps GFM tables with their alignment', () => {
    const [table] = markdownToBlocks('| Post | Bedrag |\n|:--|--:|\n| Lobby | € 1.200 |\n| *Totaal* |\n');
    expect(table).toMatchObject({ t: 'table', align: ['left', 'right'] });
    if (table.t !== 'table') throw new Error('table expected');
    expect(table.rows).toHaveLength(3);
    expect(textOf(table.rows[1][1])).toBe('€ 1.200');
    expect(table.rows[2]).toHaveLength(1);
    expect(table.rows[2][0]).toEqual([{ t: 'emph', c: [{ t: 'text', v: 'Totaal' }] }]);
  });

  it('keeps links with their URL, autolinks, references, and images as alt text', () => {
    const blocks = markdownToBlocks('Zie [de brief](https://example.org/brief "titel"), https://rijksoverheid.nl, [ref][r] en ![Logo van de regio](logo.png).\n\n[r]: https://ref.example\n');
    expect(blocks).toHaveLength(1);
    expect(textOf(blocks)).toBe('Zie  de brief<https://example.org/brief> ,  https://rijksoverheid.nl<https://rijksoverheid.nl> ,  ref<https://ref.example>  en Logo van de regio.');
  });

  it('puts a known image on a block of its own between the text around it; unknown or linked images stay alt text', () => {
    const lookup = (url: string) => (url === 'bijlagen/schema.svg' ? { src: '/abs/schema.svg' } : undefined);
    const blocks = markdownToBlocks('Het schema\n![Schema van de lagen](bijlagen/schema.svg)\nstaat hier, ![Weg](weg.png) niet.\n\n[![Klik](bijlagen/schema.svg)](https://example.org)\n', lookup);
    expect(blocks).toEqual([
      { t: 'para', c: [{ t: 'text', v: 'Het schema' }] },
      { t: 'image', src: '/abs/schema.svg', alt: 'Schema van de lagen' },
      { t: 'para', c: [{ t: 'text', v: 'staat hier, Weg niet.' }] },
      { t: 'para', c: [{ t: 'link', url: 'https://example.org', c: [{ t: 'text', v: 'Klik' }] }] },
    ]);
    expect(markdownToBlocks('![A](bijlagen/schema.svg)\n', lookup)).toEqual([{ t: 'image', src: '/abs/schema.svg', alt: 'A' }]);
  });

  it('maps strikethrough to its text and quotes and code blocks to their own blocks', () => {
    const blocks = markdownToBlocks('~~oud~~ nieuw\n\n> citaat\n\n```js\nlet x = 1 * 2;\n  inspringen\n```\n');
    expect(blocks).toEqual([
      { t: 'para', c: [{ t: 'text', v: 'oud nieuw' }] },
      { t: 'quote', c: [{ t: 'para', c: [{ t: 'text', v: 'citaat' }] }] },
      { t: 'code', v: 'let x = 1 * 2;\n  inspringen' },
    ]);
  });

  it('prints raw HTML as the author typed it', () => {
    const blocks = markdownToBlocks('Tekst met <b>vet</b> en <script>alert(1)</script>.\n\n<div>\n**geen markdown**\n</div>\n');
    expect(textOf(blocks)).toBe('Tekst met <b>vet</b> en <script>alert(1)</script>. <div> \n **geen markdown** \n </div>');
  });

  it('keeps hostile characters as plain text', () => {
    const hostile = '#set page(fill: red) $x^2$ @ref <label> ] [ \\ _ ` // /* */ #import "x" #read("/etc/passwd") {#}';
    const blocks = markdownToBlocks(hostile.replace(/[\\`_[\]*]/g, (c) => `\\${c}`));
    expect(blocks).toEqual([{ t: 'para', c: [{ t: 'text', v: hostile }] }]);
  });

  it('keeps footnotes as marked text', () => {
    expect(textOf(markdownToBlocks('Tekst[^1].\n\n[^1]: De noot.\n'))).toBe('Tekst[1]. [1] De noot.');
  });

  it('flattens absurdly deep nesting to text instead of recursing', () => {
    const deep = `${'> '.repeat(14)}diep\n`;
    const blocks = markdownToBlocks(deep);
    let depth = 0;
    let node: MdBlock | undefined = blocks[0];
    while (node?.t === 'quote') {
      depth++;
      node = node.c[0];
    }
    expect(depth).toBeLessThanOrEqual(10);
    expect(node).toEqual({ t: 'para', c: [{ t: 'text', v: 'diep' }] });
  });

  it.each([
    ['5000 nested list markers', `${'- '.repeat(5000)}x`],
    ['5000 nested quotes', `${'> '.repeat(5000)}x`],
    ['a list indented 3000 levels deep', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')],
    ['10 000 emphasis markers', `${'*'.repeat(5000)}a${'*'.repeat(5000)}`],
    ['10 000 brackets', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ])('prints %s as plain text, quickly', (_name, md) => {
    const start = performance.now();
    const blocks = markdownToBlocks(`Inleiding.\n\n${md}\n`);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(blocks[0]).toEqual({ t: 'para', c: [{ t: 'text', v: 'Inleiding.' }] });
    expect(blocks.slice(1).every((b) => b.t === 'para')).toBe(true);
    expect(textOf(blocks.slice(1)).replace(/\s/g, '')).toBe(md.replace(/\s/g, ''));
  });
});
