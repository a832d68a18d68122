// The text reader's content-stream lexer (fast-text/lexer.ts): operators as codes, operands in typed
// arrays, strings as ranges of its arena. What it gives is checked against what the stream says;
// the reader as a whole is checked against pdfjs in fast-text.test.ts.

import { describe, expect, it } from 'vitest';
import { ContentLexer, Kind, Op } from '../../src/pdf/fast-text/lexer.js';
import { operatorAt } from '../../src/pdf/fast-text/tokens.js';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Every operator of `stream` with its operands as plain values (strings as latin1 text, arrays of items). */
function lex(stream: string | Uint8Array, maxOperands?: number): { op: Op; word?: string; operands: unknown[] }[] {
  const lexer = new ContentLexer(typeof stream === 'string' ? bytes(stream) : stream, maxOperands);
  const out: { op: Op; word?: string; operands: unknown[] }[] = [];
  const text = (from: number, to: number): string => String.fromCharCode(...lexer.arena.subarray(from, to));
  for (let op = lexer.next(); op !== Op.End; op = lexer.next()) {
    const o = lexer.operands;
    const it = lexer.items;
    const operands: unknown[] = [];
    for (let i = 0; i < o.length; i++) {
      const k = o.kinds[i] as Kind;
      if (k === Kind.Number) operands.push(o.nums[i]);
      else if (k === Kind.String) operands.push(`(${text(o.from[i], o.to[i])})`);
      else if (k === Kind.Name) operands.push(`/${o.names[i]!.name}`);
      else if (k === Kind.Array) {
        const items: unknown[] = [];
        for (let j = o.from[i]; j < o.to[i]; j++) {
          const ik = it.kinds[j] as Kind;
          items.push(ik === Kind.Number ? it.nums[j] : ik === Kind.String ? `(${text(it.from[j], it.to[j])})` : ik === Kind.Name ? `/${it.names[j]!.name}` : null);
        }
        operands.push(items);
      } else operands.push(null);
    }
    out.push(op === Op.Other ? { op, word: lexer.word, operands } : { op, operands });
  }
  return out;
}

describe('the content lexer of the text reader', () => {
  it('gives the operators the reader follows as codes, others it knows as Ignored, and other words as Other with their text', () => {
    const pairs: [string, Op][] = [['Tj', Op.Tj], ['TJ', Op.TJ], ["'", Op.Quote], ['"', Op.DoubleQuote], ['Td', Op.Td], ['TD', Op.TD], ['T*', Op.TStar], ['Tm', Op.Tm], ['Tf', Op.Tf], ['Tc', Op.Tc], ['Tw', Op.Tw], ['Tz', Op.Tz], ['TL', Op.TL], ['Ts', Op.Ts], ['BT', Op.BT], ['cm', Op.Cm], ['q', Op.Save], ['Q', Op.Restore], ['BMC', Op.BMC], ['BDC', Op.BDC], ['EMC', Op.EMC], ['gs', Op.Gs], ['Do', Op.Do], ['BI', Op.BI]];
    for (const [word, op] of pairs) expect(operatorAt(bytes(word), 0, word.length), word).toBe(op);
    for (const word of ['ET', 're', 'f*', 'W*', 'scn', 'SCN', 'd0', 'BX', 'EX', 'sh']) expect(operatorAt(bytes(word), 0, word.length), word).toBe(Op.Ignored);
    for (const word of ['T', 'Tx', 'TJJ', 'qq', 'endbfchar', 'usecmap']) expect(operatorAt(bytes(word), 0, word.length), word).toBe(Op.Other);
    expect(lex('1 2 foo endbfrange')).toEqual([
      { op: Op.Other, word: 'foo', operands: [1, 2] },
      { op: Op.Other, word: 'endbfrange', operands: [] },
    ]);
  });

  it('reads numbers, names, literal and hex strings, and leaves dictionaries, true, false and null as nothing', () => {
    expect(lex('/F#31 -12.5 +.5 --3 4. Tf (a\\(b\\)\\\\c\\101\\12x\\\ny) <48 65 6C6 > <<>> true false null {} Tj')).toEqual([
      { op: Op.Tf, operands: ['/F1', -12.5, 0.5, 3, 4] },
      { op: Op.Tj, operands: ['(a(b)\\cA\nxy)', '(He\x6c\x60)', null, null, null, null, null, null] },
    ]);
    // Nested parentheses, and the other escapes.
    expect(lex('(x(y)z\\n\\r\\t\\b\\f\\q) Tj')[0].operands).toEqual(['(x(y)z\n\r\t\b\fq)']);
  });

  it('keeps an array one level deep as items, with deeper arrays and dictionaries as nothing', () => {
    expect(lex('[(A) -250 (B) [(C) 5] <</X (D)>> /N (E)] TJ')).toEqual([{ op: Op.TJ, operands: [['(A)', -250, '(B)', null, null, '/N', '(E)']] }]);
  });

  it('joins the strings between two adjustments where they are, or copied when something came between', () => {
    const lexer = new ContentLexer(bytes('[(ab) 0 <6364> (e) -100 (f) [(zz)] (g)] TJ'));
    expect(lexer.next()).toBe(Op.TJ);
    const joined = (): string => String.fromCharCode(...lexer.joinedBytes.subarray(lexer.joinedFrom, lexer.joinedTo));
    // Items: (ab) 0 (cd) (e) -100 (f) [..] (g)
    expect(lexer.join(0, 4)).toBe(true);
    expect(joined()).toBe('abcde');
    expect(lexer.joinedBytes).toBe(lexer.arena);
    expect(lexer.join(5, 8)).toBe(true);
    // The nested array's string was decoded between (f) and (g): they are copied together.
    expect(joined()).toBe('fg');
    expect(lexer.joinedBytes).not.toBe(lexer.arena);
    expect(lexer.join(1, 2)).toBe(false);
  });

  it('takes a stray `]` or `>>` as an operand that is nothing, and drops operands beyond its limit', () => {
    expect(lex('] (a) Tj >> Tj')).toEqual([
      { op: Op.Tj, operands: [null, '(a)'] },
      { op: Op.Tj, operands: [null] },
    ]);
    expect(lex('1 2 3 4 5 Td', 3)).toEqual([{ op: Op.Td, operands: [1, 2, 3] }]);
  });

  it('grows its arena for long strings and keeps earlier strings of the same operator', () => {
    const long = 'x'.repeat(5000);
    const escaped = '\\('.repeat(3000);
    const hex = '41'.repeat(4000);
    const ops = lex(`(${long}) (${escaped}) <${hex}> <4 1 4> " (tail) Tj`);
    expect(ops[0].operands).toEqual([`(${long})`, `(${'('.repeat(3000)})`, `(${'A'.repeat(4000)})`, '(A@)']);
    expect(ops[1].operands).toEqual(['(tail)']);
  });

  it('skips inline image data and comments, and ends at the end of a cut-off stream', () => {
    expect(lex('% a comment ) Tj\nBI /W 1 /H 1 ID \x00\x01EI\x02 EI (after) Tj')).toEqual([
      { op: Op.BI, operands: [] },
      { op: Op.Tj, operands: ['(after)'] },
    ]);
    expect(lex('(unfinished Tj')).toEqual([]);
    expect(lex('<4142')).toEqual([]);
  });

  it('reads arrays nested deeper than it follows without recursing further', () => {
    const deep = `${'['.repeat(100_000)}(x)${']'.repeat(100_000)} TJ (y) Tj`;
    const ops = lex(deep);
    expect(ops.at(-1)).toEqual({ op: Op.Tj, operands: ['(y)'] });
  });
});
