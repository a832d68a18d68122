// The fonts of a document as the text extractor needs them (glyphs.ts): read from the PDF objects
// here, into plain data. From /ToUnicode, else from the simple font's /Encoding and /Differences the
// way pdfjs reads them. A font this cannot read the way pdfjs would (no ToUnicode on a composite font,
// a symbolic font, a Type 3 font, a vertical or non-Identity CMap, missing widths) is `undefined`:
// the document is then read by pdfjs.

import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFStream, StandardFontEmbedder, StandardFonts, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { decodeBounded } from '../decode.js';
import { deref, N } from '../objects.js';
import { baseEncoding, type BaseEncoding } from './encodings.js';
import type { FontData } from './glyphs.js';

/** A ToUnicode or encoding stream larger than this is not read. */
const MAX_CMAP_BYTES = 4 * 1024 * 1024;

const num = (ctx: PDFContext, v: PDFObject | undefined): number | undefined => {
  const o = deref(ctx, v);
  return o instanceof PDFNumber ? o.asNumber() : undefined;
};
const nameOf = (ctx: PDFContext, v: PDFObject | undefined): string | undefined => {
  const o = deref(ctx, v);
  return o instanceof PDFName ? o.decodeText() : undefined;
};

/** The decoded /ToUnicode stream, `none` without one, undefined when it cannot be read. */
function toUnicodeOf(ctx: PDFContext, font: PDFDict): Uint8Array | undefined | 'none' {
  const v = deref(ctx, font.get(N('ToUnicode')));
  if (v === undefined) return 'none';
  if (!(v instanceof PDFStream)) return nameOf(ctx, v) === undefined ? 'none' : undefined;
  if (!(v instanceof PDFRawStream)) return v.getContents();
  const decoded = decodeBounded(v, MAX_CMAP_BYTES);
  if (!decoded.ok || decoded.damaged) return undefined;
  return decoded.bytes;
}

const SYMBOLIC = 4;
const NONSYMBOLIC = 32;

/** The glyph names per code of a simple font, as pdfjs takes them; undefined entries for codes it leaves to the font program. */
function simpleEncoding(ctx: PDFContext, font: PDFDict, subtype: string, descriptor: PDFDict | undefined): (string | undefined)[] {
  const enc = deref(ctx, font.get(N('Encoding')));
  let base = enc instanceof PDFName ? enc.decodeText() : enc instanceof PDFDict ? nameOf(ctx, enc.get(N('BaseEncoding'))) : undefined;
  if (base !== 'WinAnsiEncoding' && base !== 'MacRomanEncoding') base = undefined;
  const embedded = descriptor !== undefined && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.get(N(k)) !== undefined);
  const baseName = nameOf(ctx, font.get(N('BaseFont')))?.replace(/^[A-Z]{6}\+/, '') ?? '';
  const symbolName = /Symbol|Dingbats|Wingdings/i.test(baseName);
  // Without a descriptor (a standard font) pdfjs takes the flags from the name.
  const flags = descriptor ? (num(ctx, descriptor.get(N('Flags'))) ?? 0) : symbolName ? SYMBOLIC : NONSYMBOLIC;
  let names: (string | undefined)[];
  if (base && !(symbolName && !embedded)) names = baseEncoding(base as BaseEncoding);
  // Without a base encoding pdfjs picks one by the flags, or an embedded font's program decides:
  // only the plain case is read here.
  else if (!embedded && !symbolName && !(flags & SYMBOLIC)) names = baseEncoding(subtype === 'TrueType' && !(flags & NONSYMBOLIC) ? 'WinAnsiEncoding' : 'StandardEncoding');
  else names = new Array(256).fill(undefined);
  const diffs = enc instanceof PDFDict ? deref(ctx, enc.get(N('Differences'))) : undefined;
  if (diffs instanceof PDFArray) {
    let code = 0;
    for (const item of diffs.asArray()) {
      const v = deref(ctx, item);
      if (v instanceof PDFNumber) code = v.asNumber();
      else if (v instanceof PDFName) {
        if (code >= 0 && code < 256 && v.decodeText() !== '.notdef') names[code] = v.decodeText();
        code++;
      }
    }
  }
  return names;
}

/**
 * The standard fonts pdfjs has metrics for (a font without /FontDescriptor and /Widths), by the names it
 * accepts. Their metrics come from pdf-lib's own copy of the standard fonts (through its embedder),
 * which the loader has loaded anyway: the package's second copy (`@cantoo/pdf-lib/standard-fonts`)
 * would unpack its encodings on every text run, for the odd file that needs a width from it.
 */
const STANDARD_METRICS: Record<string, StandardFonts> = {
  Helvetica: StandardFonts.Helvetica,
  'Helvetica-Bold': StandardFonts.HelveticaBold,
  'Helvetica-Oblique': StandardFonts.HelveticaOblique,
  'Helvetica-BoldOblique': StandardFonts.HelveticaBoldOblique,
  'Times-Roman': StandardFonts.TimesRoman,
  'Times-Bold': StandardFonts.TimesRomanBold,
  'Times-Italic': StandardFonts.TimesRomanItalic,
  'Times-BoldItalic': StandardFonts.TimesRomanBoldItalic,
  Courier: StandardFonts.Courier,
  'Courier-Bold': StandardFonts.CourierBold,
  'Courier-Oblique': StandardFonts.CourierOblique,
  'Courier-BoldOblique': StandardFonts.CourierBoldOblique,
};
const metricsCache = new Map<StandardFonts, StandardFontEmbedder['font']>();

/** Advance widths per code: /Widths from /FirstChar, or a standard font's metrics by glyph name. */
function simpleWidths(ctx: PDFContext, font: PDFDict, desc: PDFDict | undefined, names: readonly (string | undefined)[]): Float64Array | undefined {
  const widthsObj = deref(ctx, font.get(N('Widths')));
  if (widthsObj instanceof PDFArray) {
    const first = num(ctx, font.get(N('FirstChar'))) ?? 0;
    const widths = new Float64Array(256).fill(num(ctx, desc?.get(N('MissingWidth'))) ?? 0);
    widthsObj.asArray().forEach((w, i) => {
      const n = num(ctx, w);
      if (first + i >= 0 && first + i < 256 && n !== undefined) widths[first + i] = n;
    });
    return widths;
  }
  const standard = desc === undefined ? STANDARD_METRICS[nameOf(ctx, font.get(N('BaseFont'))) ?? ''] : undefined;
  if (standard === undefined) return undefined;
  let metrics = metricsCache.get(standard);
  // StandardFonts and the embedder's FontNames are the same names.
  if (!metrics) metricsCache.set(standard, (metrics = StandardFontEmbedder.for(standard as unknown as Parameters<typeof StandardFontEmbedder.for>[0]).font));
  const fixed = standard.startsWith('Courier') ? 600 : 0;
  const widths = new Float64Array(256).fill(fixed);
  names.forEach((name, code) => {
    if (name !== undefined && !fixed) widths[code] = metrics.getWidthOfGlyph(name) ?? 0;
  });
  return widths;
}

function simpleFont(ctx: PDFContext, font: PDFDict, subtype: string): FontData | undefined {
  const descriptor = deref(ctx, font.get(N('FontDescriptor')));
  const desc = descriptor instanceof PDFDict ? descriptor : undefined;
  const toUnicode = toUnicodeOf(ctx, font);
  if (toUnicode === undefined) return undefined;
  const names = simpleEncoding(ctx, font, subtype, desc);
  const widths = simpleWidths(ctx, font, desc, names);
  if (!widths) return undefined;
  return { kind: 'simple', toUnicode, names, widths };
}

/** CID widths from /W (`c [w1 w2 …]` and `c1 c2 w`) and /DW. */
function cidWidths(ctx: PDFContext, cid: PDFDict): { widths: Map<number, number>; dflt: number } | undefined {
  const dflt = num(ctx, cid.get(N('DW'))) ?? 1000;
  const widths = new Map<number, number>();
  const w = deref(ctx, cid.get(N('W')));
  if (w instanceof PDFArray) {
    const items = w.asArray().map((x) => deref(ctx, x));
    for (let i = 0; i < items.length; ) {
      const start = items[i];
      const next = items[i + 1];
      if (!(start instanceof PDFNumber)) return undefined;
      if (next instanceof PDFArray) {
        next.asArray().forEach((x, k) => {
          const n = num(ctx, x);
          if (n !== undefined) widths.set(start.asNumber() + k, n);
        });
        i += 2;
      } else {
        const last = num(ctx, next);
        const width = num(ctx, items[i + 2]);
        if (last === undefined || width === undefined || last - start.asNumber() > 65_536) return undefined;
        for (let c = start.asNumber(); c <= last; c++) widths.set(c, width);
        i += 3;
      }
    }
  }
  return { widths, dflt };
}

function compositeFont(ctx: PDFContext, font: PDFDict): FontData | undefined {
  if (nameOf(ctx, font.get(N('Encoding'))) !== 'Identity-H') return undefined;
  const descendants = deref(ctx, font.get(N('DescendantFonts')));
  const cid = descendants instanceof PDFArray ? deref(ctx, descendants.get(0)) : undefined;
  if (!(cid instanceof PDFDict)) return undefined;
  const metrics = cidWidths(ctx, cid);
  const toUnicode = toUnicodeOf(ctx, font);
  if (!metrics || toUnicode === undefined || toUnicode === 'none') return undefined;
  return { kind: 'composite', toUnicode, widths: metrics.widths, dflt: metrics.dflt };
}

/** The font of a /Font resource entry, or undefined when only pdfjs can read it. */
export function fontData(ctx: PDFContext, value: PDFObject | undefined): FontData | undefined {
  const font = deref(ctx, value);
  if (!(font instanceof PDFDict)) return undefined;
  const subtype = nameOf(ctx, font.get(N('Subtype')));
  if (subtype === 'Type0') return compositeFont(ctx, font);
  if (subtype === 'Type1' || subtype === 'TrueType' || subtype === 'MMType1') return simpleFont(ctx, font, subtype);
  return undefined;
}
