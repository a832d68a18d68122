// src/pdf/objects.ts gives pdf-lib's PDFName a quicker decodeText (a name without `#` escapes is its
// encoded form without the slash): it must give what pdf-lib's own decoding of the name's bytes gives.

import { PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { N } from '../../src/pdf/objects.js';

/** pdf-lib's own reading: the name's bytes (escapes decoded), each byte a character. */
const bytewise = (name: PDFName): string => String.fromCharCode(...name.asBytes());

describe('PDFName.decodeText', () => {
  it('gives what the name\'s bytes say, with and without escapes', () => {
    const texts = ['Font', 'SourceSans3-Bold-9750469207', 'F1', 'A B', 'Café', 'x#y', '€uro', '(paren)', 'a/b', '', 'Ä#20', '~!*'];
    for (const text of texts) {
      const name = N(text);
      expect(name.decodeText(), text).toBe(bytewise(name));
    }
    // The encoded forms behind them: plain ones are kept as they are, the others escaped.
    expect(N('A B').asString()).toBe('/A#20B');
    expect(N('F1').decodeText()).toBe('F1');
    expect(N('Café').decodeText()).toBe('Caf\u00e9');
  });
});
