// A small made-up document the text reader reads once per thread before its first real one (job.ts):
// it makes the WebAssembly reader, and readies the JavaScript reader for the pages that one gives back
// (here the first two: a form, an escaped name). V8 optimises the JavaScript reader's functions while
// the first files are read, with the types and branches it has seen so far; a branch first taken after
// that (a negative number, a rotated line, a form, the clock check) throws the optimised code away and
// it is compiled again, several times over for the glyph loop and the lexer. This stream takes every
// branch the bench meeting's files take (and most others), so the first optimised code is the one that
// stays. What it reads is dropped.

import type { FontData } from './glyphs.js';

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A simple font by glyph names: ASCII, an accent, a combining mark, a ligature, a soft hyphen, odd spaces. */
function simpleFont(): FontData {
  const names: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
  const widths = new Float64Array(256).fill(500.5);
  for (let c = 32; c < 127; c++) names[c] = `uni${c.toString(16).toUpperCase().padStart(4, '0')}`;
  Object.assign(names, { 1: 'uni0301', 2: 'fi', 3: 'uni00A0', 4: 'uni2009', 0xad: 'uni00AD', 0xe9: 'eacute', 0xb5: 'mu' });
  widths[1] = 0;
  return { kind: 'simple', toUnicode: 'none', names, widths };
}

const compositeFont = (): FontData => ({ kind: 'composite', toUnicode: CMAP, widths: new Map([[0x41, 600.5], [0x101, 900]]), dflt: 1000 });

const CMAP = latin1(
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange ' +
    '2 beginbfchar <0020> <0020> <0101> <00660069> endbfchar 1 beginbfrange <0041> <007A> <0041> endbfrange endcmap end end',
);

const PAGE = latin1(
  '% made up\n/Artifact <</Type /Pagination /Attached [/Top]>> BDC q 0.5 0 0 0.5 10 10 cm 1 g 0 0 10 10 re f Q EMC\n' +
    '/P <</MCID 0>> BDC BT /F1 24.5 Tf 1 0 0 1 72 700 Tm (Kop van de pagina) Tj ET EMC\n' +
    'BT /F1 11 Tf 14.5 TL 72 650 Td (Hello World, caf\\351 \\(x\\) \\\\ \\101\\53) Tj T* [(A) -250 (B) 120 (C) -1000 (D) 0 ()] TJ\n' +
    '0 -14 Td <48656c6c6f20776f726c64> Tj (line) \' 2 1 (quote) " -0.5 Tc 0.25 Tw 90 Tz 2.5 Ts (e\\001 \\002\\003\\004\\255\\265x) Tj\n' +
    '0 Tc 0 Tw 100 Tz 0 Ts 3 0 Td (gap) Tj 0.4 0 Td (near) Tj 40 0 Td (far) Tj -30 0 Td (back) Tj 0 -3 Td (shift) Tj 0 -40.5 TD (down) Tj\n' +
    '0 1 -1 0 300 300 Tm (up) Tj -1 0 0 -1 300 300 Tm (flip) Tj 0.8 0.6 -0.6 0.8 100 100 Tm (skew) Tj 0.8 0.6 -0.6 0.8 100 80 Tm (more) Tj\n' +
    '1 0 0 1 -500 -500 Tm (gone) Tj 1 0 0 1 72 100 Tm /F1 11 Tf ( ) Tj (  a  ) Tj /F2 10 Tf <0041004200200043> Tj [<0061> -3000 <0062> 200 <0101>] TJ ET\n' +
    '/GS1 gs /Fm1 Do /Im1 Do BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q q 1 0 0 1 +5. -.5 cm BT /F#31 9.5 Tf 1 0 0 1 50 50 Tm (#) Tj ET Q\n' +
    '1 0 0 RG [1 2] 0 d 0 0 m 10 10 l S true false null {} <> <<>>\n',
);
const FORM = latin1('BT /F1 8 Tf 200 200 Td (in a form) Tj ET');

/** The made-up job (new each time: the reader keeps nothing of it). */
export function primingJob() {
  const fonts = new Map([['F1', 0], ['F2', 1]]);
  return {
    buffers: [],
    pages: [
      { content: PAGE, resources: 0, view: [0, 0, 612, 792] },
      { content: PAGE, resources: 0, view: [0, 0, 595, 842] },
      { content: FORM, resources: 0, view: [0, 0, 612, 792] },
    ],
    resources: [{ fonts, gsFont: [], forms: new Map([['Fm1', 0]]) }],
    fonts: [simpleFont(), compositeFont()],
    forms: [{ content: FORM, matrix: [1, 0, 0, 1, 5, 5], resources: -1 }],
  };
}
