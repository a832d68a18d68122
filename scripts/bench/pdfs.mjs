// The attachment PDFs of the bench meeting: letters, reports, spreadsheets and scans, the mix a real
// meeting brings. Each document embeds its font once (subset) and varies the things a bundler has to
// get right: /Rotate on pages and inherited from the page tree, landscape pages, offset CropBoxes,
// image-only pages, object streams or not, and sometimes an outline of its own.

import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFNull,
  beginText,
  concatTransformationMatrix,
  degrees,
  drawObject,
  endText,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
} from '@cantoo/pdf-lib';
import fontkit from '@cantoo/fontkit';
import { createText } from './text.mjs';
import { encodeGrayJpeg } from './jpeg.mjs';

const A4 = [595.28, 841.89];
const LETTER = [612, 792];
const FIXED_DATE = new Date(Date.UTC(2025, 4, 20, 9, 30, 0));
const DEFAULT_COLUMNS = ['Gemeente', 'Begroting 2025', 'Aandeel', 'Inwoners', 'Raming 2026', 'Verschil', 'Regels'];

/**
 * OpenType shaping (GSUB/GPOS) took 90% of the generator's time, and kerning does not matter for
 * test documents: layout is a plain cmap lookup.
 */
const generatorFontkit = {
  create(data, postscriptName) {
    const font = fontkit.create(data, postscriptName);
    font.layout = (text) => ({ glyphs: Array.from(text, (ch) => font.glyphForCodePoint(ch.codePointAt(0))) });
    return font;
  },
};

/** Matrix that lets us draw in displayed coordinates on a page shown with /Rotate `r` (clockwise). */
function displayMatrix(r, w, h) {
  switch (r) {
    case 90: return [0, 1, -1, 0, w, 0];
    case 180: return [-1, 0, 0, -1, w, h];
    case 270: return [0, -1, 1, 0, 0, h];
    default: return [1, 0, 0, 1, 0, 0];
  }
}

/**
 * A page whose content is drawn upright as displayed: `size` is the displayed size; the MediaBox is
 * swapped for 90/270 so the page is stored the way a scanner or a "rotate view" in Acrobat leaves it.
 * Text and rules are collected and written as one text object and one path per page (as word
 * processors do), which is smaller and much faster than a drawText call per line.
 */
function addDisplayPage(doc, [dw, dh], rotate = 0, fonts = {}, inherited = false) {
  const stored = rotate === 90 || rotate === 270 ? [dh, dw] : [dw, dh];
  const page = doc.addPage(stored);
  if (rotate && !inherited) page.setRotation(degrees(rotate));
  const keys = new Map();
  const fontKey = (font) => {
    if (!keys.has(font)) keys.set(font, page.node.newFontDictionary(font.name, font.ref));
    return keys.get(font);
  };
  const texts = [];
  const rules = [];
  return {
    page,
    width: dw,
    height: dh,
    text: (str, x, y, size, bold = false) => texts.push({ str, x, y, size, font: bold ? fonts.bold : fonts.regular }),
    rule: (x1, y1, x2, y2, width = 0.4) => rules.push({ x1, y1, x2, y2, width }),
    end() {
      const ops = [pushGraphicsState()];
      if (rotate) ops.push(concatTransformationMatrix(...displayMatrix(rotate, stored[0], stored[1])));
      if (rules.length) {
        ops.push(setStrokingRgbColor(0.6, 0.6, 0.6));
        let width;
        for (const r of rules) {
          if (r.width !== width) {
            if (width !== undefined) ops.push(stroke());
            ops.push(setLineWidth(r.width));
            width = r.width;
          }
          ops.push(moveTo(r.x1, r.y1), lineTo(r.x2, r.y2));
        }
        ops.push(stroke());
      }
      if (texts.length) {
        ops.push(beginText(), setFillingRgbColor(0.1, 0.1, 0.12));
        let font;
        let size;
        for (const t of texts) {
          if (t.font !== font || t.size !== size) {
            ops.push(setFontAndSize(fontKey(t.font), t.size));
            font = t.font;
            size = t.size;
          }
          ops.push(setTextMatrix(1, 0, 0, 1, Math.round(t.x * 100) / 100, Math.round(t.y * 100) / 100), showText(t.font.encodeText(t.str)));
        }
        ops.push(endText());
      }
      ops.push(popGraphicsState());
      page.pushOperators(...ops);
    },
  };
}

/** Greedy line wrapping with a per-character width cache. */
function makeWrapper(font) {
  const widths = new Map();
  const charWidth = (ch) => {
    let w = widths.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1000) / 1000;
      widths.set(ch, w);
    }
    return w;
  };
  const width = (text, size) => {
    let w = 0;
    for (const ch of text) w += charWidth(ch);
    return w * size;
  };
  const wrap = (text, size, maxWidth) => {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && width(candidate, size) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  };
  return { width, wrap };
}

function textPage(ctx, { rotate = 0, size = A4, first = false, pageNo, pageCount }) {
  const { doc, fonts, text, rnd, wrapper, spec } = ctx;
  const p = addDisplayPage(doc, size, rotate, fonts);
  const margin = 64;
  const maxWidth = p.width - 2 * margin;
  let y = p.height - margin;
  p.text(spec.afzender, margin, y, 8);
  y -= 26;
  if (first) {
    for (const line of wrapper.wrap(spec.titel, 16, maxWidth)) {
      p.text(line, margin, y, 16, true);
      y -= 21;
    }
    p.text(`${text.place()}, ${rnd.int(1, 28)} ${rnd.pick(['januari', 'februari', 'maart', 'april', 'mei'])} 2025`, margin, y, 10);
    y -= 28;
    if (spec.kind === 'brief') {
      p.text('Geachte leden van het algemeen bestuur,', margin, y, 10.5);
      y -= 22;
    }
  }
  const bottom = margin + 30;
  while (y > bottom + 40) {
    if (rnd.chance(0.25)) {
      p.text(`${rnd.int(1, 9)}.${rnd.int(1, 9)} ${text.phrase()}`.slice(0, 80), margin, y, 12, true);
      y -= 20;
    }
    const bullets = rnd.chance(0.15);
    const paragraphs = bullets ? Array.from({ length: rnd.int(2, 4) }, () => text.sentence()) : [text.paragraph(2, 5)];
    for (const para of paragraphs) {
      const indent = bullets ? 14 : 0;
      const lines = wrapper.wrap(para, 10.5, maxWidth - indent);
      lines.forEach((line, i) => {
        if (y <= bottom) return;
        if (bullets && i === 0) p.text('•', margin, y, 10.5);
        p.text(line, margin + indent, y, 10.5);
        y -= 14;
      });
    }
    y -= 8;
  }
  if (spec.kind === 'brief' && pageNo === pageCount) p.text('Met vriendelijke groet,', margin, bottom + 10, 10.5);
  const footer = `Pagina ${pageNo} van ${pageCount}`;
  p.text(footer, p.width - margin - wrapper.width(footer, 8), margin - 20, 8);
  p.end();
}

function tablePage(ctx, { rotate = 0, pageNo, pageCount }) {
  const { doc, fonts, text, rnd, wrapper, spec } = ctx;
  const p = addDisplayPage(doc, [A4[1], A4[0]], rotate, fonts, Boolean(spec.inheritedRotate));
  const margin = 40;
  const cols = spec.columns ?? DEFAULT_COLUMNS;
  const colWidth = (p.width - 2 * margin) / cols.length;
  const rowHeight = 15;
  let y = p.height - margin;
  p.text(`${spec.titel} (blad ${pageNo} van ${pageCount})`.slice(0, 120), margin, y, 12, true);
  y -= 24;
  const top = y + rowHeight - 4;
  const rows = Math.floor((y - margin) / rowHeight);
  for (let r = 0; r < rows; r++) {
    const cells = r === 0 ? cols : cols.map((c, i) => (i === 0 ? `${text.place()} ${rnd.int(1, 99)}` : i % 3 === 1 ? text.money() : i % 3 === 2 ? text.percent() : String(rnd.int(0, 9999))));
    cells.forEach((cell, i) => {
      let s = cell;
      while (s.length > 3 && wrapper.width(s, 8) > colWidth - 6) s = s.slice(0, -2);
      p.text(s, margin + i * colWidth + 3, y, 8, r === 0);
    });
    y -= rowHeight;
  }
  const bottomY = y + rowHeight - 4;
  for (let r = 0; r <= rows; r++) {
    const ly = top - r * rowHeight;
    p.rule(margin, ly, p.width - margin, ly, r === 1 ? 1 : 0.4);
  }
  for (let c = 0; c <= cols.length; c++) {
    const lx = margin + c * colWidth;
    p.rule(lx, top, lx, bottomY);
  }
  p.end();
}

async function scanPage(ctx, { rotate = 0, landscape = false }) {
  const { doc, scans, rnd } = ctx;
  const size = landscape ? [A4[1], A4[0]] : A4;
  const stored = rotate === 90 || rotate === 270 ? [size[1], size[0]] : size;
  const page = doc.addPage(stored);
  const image = await doc.embedJpg(rnd.pick(landscape ? scans.landscape : scans.portrait));
  if (rotate) page.setRotation(degrees(rotate));
  const [a, b, c, d, e, f] = displayMatrix(rotate, stored[0], stored[1]);
  // One image filling the displayed page, drawn upright as displayed: what a copier's "scan to PDF" makes.
  const name = page.node.newXObject('Im', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(a, b, c, d, e, f), concatTransformationMatrix(size[0], 0, 0, size[1], 0, 0), drawObject(name), popGraphicsState());
}

/** Outline entries: `{ title, page, children? }`, written as /Outlines the low-level way (pdf-lib has no API). */
export function addOutline(doc, entries) {
  const { context } = doc;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const build = (list, parentRef) => {
    const refs = list.map(() => context.nextRef());
    let count = 0;
    list.forEach((entry, i) => {
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
      dict.set(PDFName.of('Parent'), parentRef);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      dict.set(PDFName.of('Dest'), context.obj([pages[entry.page].ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      count++;
      if (entry.children?.length) {
        const sub = build(entry.children, refs[i]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.count)); // closed
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = build(entries, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

/** The page plan of one attachment: which kind of page goes where. */
function planPages(spec, rnd) {
  const plan = [];
  for (let i = 0; i < spec.pages; i++) {
    const n = { pageNo: i + 1, pageCount: spec.pages, first: i === 0 };
    if (spec.kind === 'scan') {
      // Scanners leave the odd sheet upside down or sideways, and fix the view with /Rotate.
      const rotate = rnd.chance(0.08) ? rnd.pick([90, 180, 270]) : 0;
      plan.push({ type: 'scan', rotate, landscape: rnd.chance(0.05), ...n });
    } else if (spec.kind === 'tabel') {
      plan.push({ type: 'table', rotate: spec.storedRotated ? spec.storedRotated : 0, ...n });
    } else if (spec.kind === 'rapport' && i > 0 && rnd.chance(0.1)) {
      // An annex table in a report: either a true landscape page or a portrait page turned with /Rotate.
      plan.push({ type: 'table', rotate: rnd.pick([0, 0, 90, 270]), ...n });
    } else if (spec.kind === 'rapport' && i > 0 && rnd.chance(0.02)) {
      plan.push({ type: 'scan', rotate: rnd.pick([0, 180]), landscape: false, ...n });
    } else {
      plan.push({ type: 'text', rotate: spec.kind === 'rapport' && rnd.chance(0.02) ? 180 : 0, size: spec.letterSize ? LETTER : A4, ...n });
    }
  }
  return plan;
}

/**
 * Make one attachment PDF.
 * @param spec { titel, afzender, kind: 'brief'|'rapport'|'tabel'|'scan', pages, objectStreams, outline, columns?,
 *   storedRotated?: 90|270 (a spreadsheet stored portrait and turned with /Rotate),
 *   inheritedRotate?: boolean (that /Rotate sits on the page tree, not on the pages),
 *   letterSize?: boolean, cropOffset?: number (points of MediaBox around the CropBox) }
 */
export async function makeAttachment(spec, { fontBytes, boldBytes, scans, rnd }) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(generatorFontkit);
  // Embedded once per document (subset), as a word processor does; a scan has no fonts at all.
  const needsFont = spec.kind !== 'scan';
  const tag = () => Array.from({ length: 6 }, () => String.fromCharCode(65 + rnd.int(0, 25))).join('');
  const font = needsFont ? await doc.embedFont(fontBytes, { subset: true, customName: `${tag()}+SourceSans3-Regular` }) : undefined;
  const bold = needsFont ? await doc.embedFont(boldBytes, { subset: true, customName: `${tag()}+SourceSans3-Bold` }) : undefined;
  const ctx = { doc, fonts: { regular: font, bold }, rnd, spec, text: createText(rnd), wrapper: font && makeWrapper(font), scans };

  const plan = planPages(spec, rnd);
  for (const page of plan) {
    if (page.type === 'text') textPage(ctx, page);
    else if (page.type === 'table') tablePage(ctx, page);
    else await scanPage(ctx, page);
  }

  if (spec.inheritedRotate) {
    // Rotation set once on the page tree and inherited by every page (some PDF producers do this).
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(spec.storedRotated));
  }
  if (spec.cropOffset) {
    // A CropBox that does not start at the origin: the visible page is a window inside the MediaBox,
    // as cropped scans and some print-ready files have. A stamp at fixed coordinates would miss it.
    for (const page of doc.getPages()) {
      const { width, height } = page.getMediaBox();
      const o = spec.cropOffset;
      page.setCropBox(o, o, width - 2 * o, height - 2 * o);
    }
  }
  if (spec.outline) {
    const entries = [];
    const step = Math.max(1, Math.round(spec.pages / rnd.int(3, 8)));
    for (let p = 0, k = 1; p < spec.pages; p += step, k++) {
      const children = spec.pages > 40 ? [{ title: `${k}.1 Achtergrond`, page: p }, { title: `${k}.2 Analyse`, page: Math.min(spec.pages - 1, p + Math.floor(step / 2)) }] : undefined;
      entries.push({ title: k === 1 ? 'Samenvatting' : `${k}. ${ctx.text.phrase()}`.slice(0, 70), page: p, children });
    }
    addOutline(doc, entries);
  }

  doc.setTitle(spec.titel);
  doc.setAuthor(spec.afzender);
  doc.setProducer(spec.kind === 'scan' ? 'KONICA MINOLTA bizhub C458' : 'Microsoft® Word voor Microsoft 365');
  doc.setCreator(spec.kind === 'scan' ? 'Scan to PDF' : 'Word');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc.save({ useObjectStreams: spec.objectStreams, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * A deterministic, scan-like grayscale page image: off-white paper with noise, lines of dark word
 * blocks, a letterhead bar, a stamp and a signature scrawl. `width`×`height` pixels.
 */
export function scanImage(rnd, width, height, { quality = 40, noise = 4 } = {}) {
  const px = new Uint8Array(width * height);
  const paper = rnd.int(228, 244);
  for (let i = 0; i < px.length; i++) px[i] = paper + ((rnd.next() * noise) | 0) - (noise >> 1);
  const dark = (x0, y0, w, h, v) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) px[y * width + x] = v + ((rnd.next() * 30) | 0);
    }
  };
  const m = Math.round(width * 0.09);
  dark(m, m, Math.round(width * 0.35), 18, 60); // letterhead
  let y = m + 70;
  const lineGap = 19;
  while (y < height - m - 40) {
    if (rnd.chance(0.12)) {
      y += lineGap; // paragraph break
      continue;
    }
    let x = m;
    const end = width - m - (rnd.chance(0.2) ? rnd.int(50, 300) : 0);
    while (x < end) {
      const w = Math.min(rnd.int(12, 70), end - x);
      dark(x, y, w, 9, 30); // x-height band of a word
      for (let k = 0; k < w / 9; k++) if (rnd.chance(0.4)) dark(x + rnd.int(0, w - 2), y - 4, 2, 4, 40); // ascenders
      x += w + rnd.int(5, 9);
    }
    y += lineGap;
  }
  if (rnd.chance(0.5)) {
    // a round stamp and a signature
    const cx = width - m - 80, cy = height - m - 60;
    for (let a = 0; a < 720; a++) {
      const t = (a / 720) * 2 * Math.PI;
      dark(Math.round(cx + 55 * Math.cos(t)), Math.round(cy + 55 * Math.sin(t)), 3, 3, 70);
    }
    let sx = m, sy = height - m - 50;
    for (let k = 0; k < 200; k++) {
      sx += rnd.int(0, 2);
      sy += rnd.int(-3, 3);
      dark(sx, sy, 2, 2, 20);
    }
  }
  return encodeGrayJpeg(px, width, height, quality);
}
