// Walk what every page draws — its content streams, and through its resources the forms, patterns,
// Type 3 glyphs, soft masks and annotation appearances — once each. pdf-lib never decodes these, but
// viewers and printers do: a stream that unpacks to gigabytes is refused here (decoded with a cap),
// and references to objects the file does not contain (a truncated download) are found here rather
// than as a blank page in the bundle. Fonts that are not embedded are noted on the way.

import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import type { PdfProblem } from '../model/pdf-facts.js';
import type { ContentPack } from './content-pack.js';
import { chainBalances, completePrefix, saveBalance, type SaveBalance } from './content-balance.js';
import { decodeBounded, decodeLimit, type DecodeBudget } from './decode.js';
import { ImageCheck } from './images.js';
import type { PageEntry } from './page-tree.js';
import { deref, N } from './objects.js';
import { pdfProblem } from './problems.js';


export const STANDARD_14 = new Set([
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Symbol',
  'ZapfDingbats',
]);

export interface ContentScan {
  error?: PdfProblem;
  warnings: PdfProblem[];
  /** Decoded content of each page's own content streams, concatenated, for pages asked for. */
  pageText: Map<number, Uint8Array>;
  /** With `wantBalance`: per page (index = number − 1) how its `q`/`Q` pair up; undefined where undecodable. */
  balances?: (SaveBalance | undefined)[];
  /** With `blankMissing`: what was left out (Dutch, for the repair warning). */
  blanked?: string[];
  /**
   * Fonts whose program is not in the file, the standard 14 included (PDF/A wants every font
   * embedded), with the first page that uses each.
   */
  unembeddedFonts?: Map<string, number>;
  /** First page with a transparency group blending in DeviceCMYK (PDF/A with an sRGB output intent cannot). */
  cmykGroupPage?: number;
}

class Stop extends Error {
  constructor(readonly problem: PdfProblem) {
    super(problem.message);
  }
}

const isMissing = (o: PDFObject | undefined): boolean => o === undefined || o instanceof PDFInvalidObject;
/** "staat niet in het bestand" (cut off) or "is beschadigd" (there, but unreadable). */
const absence = (o: PDFObject | undefined): string => (o instanceof PDFInvalidObject ? 'is beschadigd' : 'staat niet in het bestand');
const lost = (o: PDFObject | undefined, what: string): PdfProblem =>
  o instanceof PDFInvalidObject ? pdfProblem.unreadablePart(`${what} ${absence(o)}`) : pdfProblem.incomplete(`${what} ${absence(o)}`);

function fontName(ctx: PDFContext, font: PDFDict): string {
  const base = deref(ctx, font.get(N('BaseFont')));
  return base instanceof PDFName ? base.decodeText().replace(/^[A-Z]{6}\+/, '') : '(naamloos)';
}

/**
 * Is this font's program in the file? `standard`: not, but one of the 14 every viewer has (fine
 * for viewing, not for PDF/A); `missing`: not, and the viewer substitutes.
 */
function fontProgram(ctx: PDFContext, font: PDFDict): 'embedded' | 'standard' | 'missing' {
  const subtype = deref(ctx, font.get(N('Subtype')));
  if (!(subtype instanceof PDFName)) return 'embedded';
  const kind = subtype.decodeText();
  if (kind === 'Type3') return 'embedded';
  let target = font;
  if (kind === 'Type0') {
    const desc = deref(ctx, font.get(N('DescendantFonts')));
    const first = desc instanceof PDFArray ? deref(ctx, desc.get(0)) : undefined;
    if (!(first instanceof PDFDict)) return 'embedded';
    target = first;
  }
  const descriptor = deref(ctx, target.get(N('FontDescriptor')));
  const embedded = descriptor instanceof PDFDict ? ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.get(N(k)) !== undefined) : kind === 'Type0';
  if (embedded) return 'embedded';
  return kind !== 'Type0' && STANDARD_14.has(fontName(ctx, font)) ? 'standard' : 'missing';
}

/** A transparency group (page or form) whose blending space is DeviceCMYK. */
function cmykGroup(ctx: PDFContext, group: PDFObject | undefined): boolean {
  const g = deref(ctx, group);
  if (!(g instanceof PDFDict) || deref(ctx, g.get(N('S'))) !== N('Transparency')) return false;
  const cs = deref(ctx, g.get(N('CS')));
  return cs === N('DeviceCMYK') || (cs instanceof PDFArray && deref(ctx, cs.get(0)) === N('DeviceCMYK'));
}

export interface ScanOptions {
  /** Page numbers whose decoded content the caller wants back (the XFA placeholder check reads page 1). */
  wantText?: ReadonlySet<number>;
  /** Count each page's `q`/`Q` pairing. */
  wantBalance?: boolean;
  /** A page content stream that is missing is dropped (the page stays, blank) instead of refused. */
  blankMissing?: boolean;
  /** Filled with every page content stream's decoded bytes (as the repaired stream now holds them; null: undecodable), for the text reader. */
  keepContent?: ContentPack;
}

/** A stream's own (encoded) bytes: its decoded bytes in another buffer were made by the decoder. */
const encodedOf = (s: PDFStream): Uint8Array | undefined => (s instanceof PDFRawStream ? s.contents : undefined);

/** Scan the pages. */
export function scanPages(ctx: PDFContext, pages: PageEntry[], budget: DecodeBudget, options: ScanOptions = {}): ContentScan {
  const { wantText = new Set<number>(), wantBalance = false, blankMissing = false, keepContent } = options;
  /** What a damaged stream now holds: the complete prefix of what it decoded to. */
  const repaired = new Map<PDFStream, Uint8Array>();
  const seen = new Set<PDFObject>();
  const fontsMissing = new Set<string>();
  const unembeddedFonts = new Map<string, number>();
  let cmykGroupPage: number | undefined;
  /** Page numbers with a stream that cannot be decoded, and the first decoder message. */
  const undecodable = new Set<number>();
  let undecodableDetail = '';
  const blanked: string[] = [];
  const images = new ImageCheck(ctx, budget);
  const pageText = new Map<number, Uint8Array>();
  // Counted here, while the content is decoded anyway, so the assembler need not decode it again.
  const balances: (SaveBalance | undefined)[] | undefined = wantBalance ? [] : undefined;
  // Per stream, so a stream shared by many pages is decoded once (and counted once against the budget).
  const streamBalances = new Map<PDFStream, SaveBalance | undefined>();
  const balanceOf = (bytes: Uint8Array | undefined): SaveBalance | undefined => (bytes ? saveBalance(bytes) : undefined);

  const decode = (stream: PDFStream, page: number): Uint8Array | undefined => {
    if (!(stream instanceof PDFRawStream)) return stream.getContents();
    const limit = budget.limitFor(stream.contents.length);
    const decoded = decodeBounded(stream, limit);
    if (decoded.ok) {
      budget.spend(decoded.bytes.length);
      if (decoded.damaged) {
        undecodable.add(page);
        undecodableDetail ||= decoded.damaged;
        // Keep what could be read, whole: a reader that gives up on the damaged stream would
        // otherwise lose the page's other content and the page number stamped after it.
        const prefix = decoded.bytes.subarray(0, completePrefix(decoded.bytes));
        if (keepContent) repaired.set(stream, prefix);
        stream.updateContents(deflateSync(prefix));
        stream.dict.set(N('Filter'), N('FlateDecode'));
        stream.dict.delete(N('DecodeParms'));
      }
      return decoded.bytes;
    }
    if (decoded.reason === 'bom') throw new Stop(pdfProblem.bomb(decoded.encoded, decoded.limit, limit < decodeLimit(stream.contents.length)));
    undecodable.add(page);
    undecodableDetail ||= decoded.message;
    return undefined;
  };

  // A content stream (page, form, pattern, glyph, appearance) and the resources it may use.
  const visitStream = (stream: PDFObject | undefined, page: number): void => {
    if (!(stream instanceof PDFStream) || seen.has(stream)) return;
    seen.add(stream);
    decode(stream, page);
    visitResources(stream.dict.get(N('Resources')), page);
  };

  const visitResources = (value: PDFObject | undefined, page: number): void => {
    const res = deref(ctx, value);
    if (!(res instanceof PDFDict) || seen.has(res)) return;
    seen.add(res);
    const sub = (key: string): PDFDict | undefined => {
      const d = deref(ctx, res.get(N(key)));
      return d instanceof PDFDict ? d : undefined;
    };
    const fonts = sub('Font');
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = deref(ctx, ref);
      if (isMissing(font)) throw new Stop(lost(font, `lettertype \`${name.decodeText()}\` van blad ${page}`));
      if (!(font instanceof PDFDict) || seen.has(font)) continue;
      seen.add(font);
      const program = fontProgram(ctx, font);
      if (program === 'missing') fontsMissing.add(fontName(ctx, font));
      if (program !== 'embedded' && !unembeddedFonts.has(fontName(ctx, font))) unembeddedFonts.set(fontName(ctx, font), page);
      const procs = deref(ctx, font.get(N('CharProcs')));
      if (procs instanceof PDFDict) for (const [, glyph] of procs.entries()) visitStream(deref(ctx, glyph), page);
      visitResources(font.get(N('Resources')), page);
    }
    const xobjects = sub('XObject');
    for (const [name, ref] of xobjects?.entries() ?? []) {
      const x = deref(ctx, ref);
      if (isMissing(x)) throw new Stop(lost(x, `afbeelding of vorm \`${name.decodeText()}\` van blad ${page}`));
      if (!(x instanceof PDFStream) || seen.has(x)) continue;
      const subtype = deref(ctx, x.dict.get(N('Subtype')));
      if (subtype === N('Form')) {
        if (cmykGroupPage === undefined && cmykGroup(ctx, x.dict.get(N('Group')))) cmykGroupPage = page;
        visitStream(x, page);
      }
      else if (subtype === N('Image')) {
        seen.add(x);
        const problem = images.check(x, page);
        if (problem) throw new Stop(problem);
      }
    }
    for (const [, ref] of sub('Pattern')?.entries() ?? []) visitStream(deref(ctx, ref), page);
    for (const [, ref] of sub('ExtGState')?.entries() ?? []) {
      const gs = deref(ctx, ref);
      const mask = gs instanceof PDFDict ? deref(ctx, gs.get(N('SMask'))) : undefined;
      if (mask instanceof PDFDict) visitStream(deref(ctx, mask.get(N('G'))), page);
    }
  };

  try {
    for (const { number, leaf } of pages) {
      const contents = leaf.get(N('Contents'));
      if (contents !== undefined) {
        const resolved = deref(ctx, contents);
        const refs: (PDFObject | undefined)[] = resolved instanceof PDFArray ? resolved.asArray() : [contents];
        const parts: Uint8Array[] = [];
        const perStream: (SaveBalance | undefined)[] = [];
        const kept: PDFObject[] = [];
        for (const item of refs) {
          const s = deref(ctx, item);
          if (!(s instanceof PDFStream)) {
            const what = `de inhoud van blad ${number}${item instanceof PDFRef ? ` (\`${item}\`)` : ''}`;
            if (blankMissing && item !== undefined) {
              blanked.push(`${what} ontbreekt; dat blad is leeg in de bundel`);
              continue;
            }
            throw new Stop(s === undefined ? pdfProblem.incomplete(`${what} staat niet in het bestand`) : pdfProblem.unreadablePart(`${what} is beschadigd`));
          }
          kept.push(item!);
          if (seen.has(s)) {
            if (balances) perStream.push(streamBalances.has(s) ? streamBalances.get(s) : balanceOf(decode(s, number)));
            if (wantText.has(number)) {
              const again = decode(s, number);
              if (again) parts.push(again);
            }
            if (keepContent && !keepContent.has(s)) keepContent.add(s, decode(s, number) ?? null, encodedOf(s));
            continue;
          }
          seen.add(s);
          const encoded = encodedOf(s);
          const bytes = decode(s, number);
          keepContent?.add(s, repaired.get(s) ?? bytes ?? null, encoded);
          if (balances) {
            const b = balanceOf(bytes);
            streamBalances.set(s, b);
            perStream.push(b);
          }
          if (bytes && wantText.has(number)) parts.push(bytes);
        }
        if (kept.length < refs.length) {
          if (kept.length === 0) leaf.delete(N('Contents'));
          else leaf.set(N('Contents'), ctx.obj(kept));
        }
        if (wantText.has(number)) pageText.set(number, Buffer.concat(parts));
        if (balances) balances[number - 1] = perStream.every((b) => b !== undefined) ? chainBalances(perStream as SaveBalance[]) : undefined;
      } else if (balances) {
        balances[number - 1] = { underflow: 0, unclosed: 0 };
      }
      if (cmykGroupPage === undefined && cmykGroup(ctx, leaf.get(N('Group')))) cmykGroupPage = number;
      visitResources(leaf.getInheritableAttribute(N('Resources')), number);
      const annots = deref(ctx, leaf.get(N('Annots')));
      if (annots instanceof PDFArray) {
        for (const a of annots.asArray()) {
          const annot = deref(ctx, a);
          const ap = annot instanceof PDFDict ? deref(ctx, annot.get(N('AP'))) : undefined;
          if (!(ap instanceof PDFDict)) continue;
          for (const key of ['N', 'R', 'D']) {
            const v = deref(ctx, ap.get(N(key)));
            if (v instanceof PDFStream) visitStream(v, number);
            else if (v instanceof PDFDict) for (const [, s] of v.entries()) visitStream(deref(ctx, s), number);
          }
        }
      }
    }
  } catch (err) {
    if (err instanceof Stop) return { error: err.problem, warnings: [], pageText };
    throw err;
  }
  const warnings: PdfProblem[] = [];
  if (undecodable.size > 0) warnings.push(pdfProblem.streamDamaged([...undecodable].sort((a, b) => a - b), undecodableDetail));
  warnings.push(...images.warnings());
  if (fontsMissing.size > 0) warnings.push(pdfProblem.fontsNotEmbedded([...fontsMissing].sort()));
  return { warnings, pageText, balances, blanked, unembeddedFonts, cmykGroupPage };
}
