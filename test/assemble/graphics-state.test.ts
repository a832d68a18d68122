import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { balanceGraphicsState, saveBalance, unclosedSaves } from '../../src/assemble/graphics-state.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('unclosedSaves', () => {
  it.each([
    ['q 1 0 0 1 0 0 cm Q', 0],
    ['q q 2 0 0 2 0 0 cm', 2],
    ['q BT (unbalanced q in a string \\) q) Tj ET', 1],
    ['q <71> Tj % q q q comment\nQ Q Q', 0],
    ['/q Do q', 1],
    ['q BI /W 1 /H 1 /BPC 8 /CS /G ID qqqQ EI Q q', 1],
    ['Q Q q', 1],
  ])('%s -> %i', (content, expected) => {
    expect(unclosedSaves(bytes(content))).toBe(expected);
  });
});

describe('balanceGraphicsState', () => {
  it('closes what the page left open, so a stamp drawn after it starts from the initial state', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const stream = doc.context.flateStream('q q 0.5 0 0 0.5 0 0 cm 0 0 10 10 re f');
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    expect(balanceGraphicsState(page)).toBe(2);
    expect(balanceGraphicsState(page)).toBe(0);
  });
});

describe('saveBalance', () => {
  it.each([
    ['q Q', 0, 0],
    ['Q Q 0.2 0 0 0.2 0 0 cm', 2, 0],
    ['Q q q', 1, 2],
  ])('%s -> underflow %i, unclosed %i', (content, underflow, unclosed) => {
    expect(saveBalance(bytes(content))).toEqual({ underflow, unclosed });
  });

  it('puts saves in front of content that restores below its start', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream('Q Q 0.2 0 0 0.2 0 0 cm q')));
    expect(balanceGraphicsState(page)).toBe(3);
    expect(balanceGraphicsState(page)).toBe(0);
  });
});

describe('chainBalances', () => {
  it('gives the balance of streams read in sequence, as if they were one', async () => {
    const { chainBalances } = await import('../../src/pdf/content-balance.js');
    const streams = ['q q', 'Q Q Q 1 0 0 1 5 5 cm', 'q', 'Q Q q'];
    expect(chainBalances(streams.map((s) => saveBalance(bytes(s))))).toEqual(saveBalance(bytes(streams.join('\n'))));
  });
});
