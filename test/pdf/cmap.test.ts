// A font's /ToUnicode CMap as the fast text reader reads it (src/pdf/fast-text/cmap.ts), with the
// values worked out by hand from the CMap and pdfjs's rules: UTF-16BE destinations (surrogate pairs
// kept together, an odd length read as if it had a leading zero byte), ranges counting up in their
// last byte and carrying into the one before, ranges with an array of destinations.

import { describe, expect, it } from 'vitest';
import { parseToUnicode } from '../../src/pdf/fast-text/cmap.js';

const cmap = (body: string): Map<number, string> | undefined => parseToUnicode(new TextEncoder().encode(`/CIDInit /ProcSet findresource begin\nbegincmap\n${body}\nendcmap\n`));

describe('parseToUnicode', () => {
  it('reads bfchar destinations of every length', () => {
    const map = cmap('5 beginbfchar\n<01> <0041>\n<02> <41>\n<03> <004100>\n<04> <D83DDE00>\n<05> <00660069>\nendbfchar');
    expect(map && [...map]).toEqual([
      [1, 'A'],
      [2, 'A'],
      [3, '\u0000\u4100'],
      [4, '\u{1F600}'],
      [5, 'fi'],
    ]);
  });

  it('reads bfrange destinations: counting up (with a carry), and arrays', () => {
    const map = cmap('3 beginbfrange\n<10> <12> <0061>\n<20> <21> [<0041> <00420043>]\n<30> <31> <00FF>\nendbfrange');
    expect(map && [...map]).toEqual([
      [0x10, 'a'],
      [0x11, 'b'],
      [0x12, 'c'],
      [0x20, 'A'],
      [0x21, 'BC'],
      [0x30, '\u00ff'],
      [0x31, '\u0100'],
    ]);
  });

  it('leaves a CMap that uses another to pdfjs', () => {
    expect(cmap('/Other usecmap\n1 beginbfchar\n<01> <0041>\nendbfchar')).toBeUndefined();
  });
});
