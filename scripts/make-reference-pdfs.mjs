#!/usr/bin/env node
// Regenerates the stand-in attachment PDFs of the reference meeting (fixtures/reference, AB 5 maart 2025)
// from the seed's own text in scripts/reference-text/*.txt. Deterministic: same input, same bytes.
// The letters, notes, memos, minutes and tables are tagged, as Word writes them when saved as PDF
// with accessibility tags (scripts/tagged-pdf.mjs); the slide deck and the invitation are not, as
// such files often arrive: the reference keeps an attachment without tags (bijlage-niet-toegankelijk).
//
// Usage (from the repository root): node scripts/make-reference-pdfs.mjs
//
// Text files use a tiny markup, one block per paragraph (blank line between blocks):
//   % comment                      ignored
//   # Kop / ## Subkop              heading; becomes a bookmark (level 1 / 2)
//   ### Tussenkop                  bold run-in heading, no bookmark
//   - tekst / • tekst / › tekst    bullet item ("-" is printed as an en dash)
//   1. tekst / 1) tekst            numbered item, label printed as written
//   @cols 30,70 [grid|plain] [header]   column widths (percent) for the table rows that follow
//   | cel | cel |                   table row; <br> breaks a line inside a cell
//   @pagebreak / @space 24 / @small tekst
//   **vet**, ^[3] (footnote reference), [^3]: voetnoottekst (footnote, printed at the page foot)
// Slides (presentatie-*.txt) use "# Titel" per slide plus line-based content; see renderSlides().

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@cantoo/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PageSizes, rgb } from '@cantoo/pdf-lib';
import { Tagger } from './tagged-pdf.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEXT_DIR = path.join(ROOT, 'scripts/reference-text');
const OUT_DIR = path.join(ROOT, 'fixtures/reference/vergaderingen/2025-03-05/bijlagen');
const FONT_DIR = path.join(ROOT, 'templates/fonts');

// Fixed metadata: no clock value may reach the files.
const FIXED_DATE = new Date('2025-02-20T09:00:00Z');
const PRODUCER = 'bundel scripts/make-reference-pdfs.mjs';
const CREATOR = 'bundel reference fixtures';

// The bundler stamps page numbers in the bottom 40 pt of every page: nothing of ours goes below this line.
const STAMP_ZONE = 40;

const BLACK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);
const LIGHT = rgb(0.92, 0.92, 0.92);
const RIJK_BLUE = rgb(0.082, 0.259, 0.451); // #154273
const RHK_GREEN = rgb(0.16, 0.42, 0.33);
const OH_ORANGE = rgb(0.85, 0.42, 0.13);

const REGULAR_BYTES = readFileSync(path.join(FONT_DIR, 'SourceSans3-Regular.ttf'));
const BOLD_BYTES = readFileSync(path.join(FONT_DIR, 'SourceSans3-Bold.ttf'));

// ---------------------------------------------------------------------------------------------
// Markup parsing

function readText(name) {
  return readFileSync(path.join(TEXT_DIR, name), 'utf8').replace(/\r\n/g, '\n');
}

// Initials such as "A. Bronsvoort" start many paragraphs of the minutes: letters are no list labels here.
const LIST_MARKER = /^(-|•|›|\d+[.)])\s+/;

/** Parses the block markup described at the top of this file. */
function parseBlocks(source) {
  const footnotes = new Map();
  const blocks = [];
  let table = null;
  const lines = [];
  for (const line of source.split('\n')) {
    const fn = /^\[\^(\d+)\]:\s*(.*)$/.exec(line);
    if (fn) footnotes.set(fn[1], fn[2]);
    else if (!line.startsWith('%')) lines.push(line);
  }
  const chunks = lines.join('\n').split(/\n\s*\n/);
  for (const raw of chunks) {
    const chunk = raw.trim();
    if (!chunk) continue;
    if (chunk.startsWith('|')) {
      if (!table) throw new Error(`table rows without @cols: ${chunk.slice(0, 60)}`);
      for (const line of chunk.split('\n')) {
        const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
        if (cells.length !== table.cols.length) throw new Error(`row has ${cells.length} cells, expected ${table.cols.length}: ${line.slice(0, 60)}`);
        table.rows.push(cells);
      }
      continue;
    }
    const text = chunk.replace(/\s*\n\s*/g, ' ');
    let m;
    if ((m = /^@cols\s+([\d,]+)(.*)$/.exec(text))) {
      const flags = m[2].trim().split(/\s+/);
      table = { type: 'table', cols: m[1].split(',').map(Number), plain: flags.includes('plain'), header: flags.includes('header'), rows: [] };
      blocks.push(table);
    } else if (text === '@pagebreak') {
      blocks.push({ type: 'pagebreak' });
    } else if ((m = /^@space\s+(\d+)$/.exec(text))) {
      blocks.push({ type: 'space', pt: Number(m[1]) });
    } else if ((m = /^@small\s+(.*)$/.exec(text))) {
      blocks.push({ type: 'p', text: m[1], small: true });
    } else if ((m = /^(#{1,3})\s+(.*)$/.exec(text))) {
      blocks.push({ type: 'h', level: m[1].length, text: m[2] });
    } else if ((m = LIST_MARKER.exec(text))) {
      const label = m[1] === '-' ? '–' : m[1];
      blocks.push({ type: 'li', label, text: text.slice(m[0].length) });
    } else {
      blocks.push({ type: 'p', text });
    }
  }
  return { blocks, footnotes };
}

/** Splits inline markup into styled runs: **bold** and ^[n] footnote references. */
function parseInline(text, baseBold = false) {
  const runs = [];
  const re = /\*\*(.+?)\*\*|\^\[(\d+)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(text))) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), bold: baseBold });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else runs.push({ text: m[2], bold: baseBold, sup: true, footnote: m[2] });
    last = re.lastIndex;
  }
  if (last < text.length) runs.push({ text: text.slice(last), bold: baseBold });
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Text measuring and wrapping

/** Turns styled runs into words: arrays of fragments, with a flag whether a space precedes them. */
function toWords(runs) {
  const words = [];
  let current = null;
  let pendingSpace = false;
  for (const run of runs) {
    const parts = run.text.split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^ +$/.test(part)) {
        if (current) words.push(current);
        current = null;
        pendingSpace = true;
        continue;
      }
      if (!current) {
        current = { space: pendingSpace && words.length > 0, frags: [] };
        pendingSpace = false;
      }
      current.frags.push({ ...run, text: part });
    }
  }
  if (current) words.push(current);
  return words;
}

class Typesetter {
  constructor(fonts, size) {
    this.fonts = fonts;
    this.size = size;
  }
  fontFor(frag) {
    return frag.bold ? this.fonts.bold : this.fonts.regular;
  }
  fragSize(frag, size = this.size) {
    return frag.sup ? size * 0.62 : size;
  }
  fragWidth(frag, size = this.size) {
    return this.fontFor(frag).widthOfTextAtSize(frag.text, this.fragSize(frag, size));
  }
  wordWidth(word, size) {
    return word.frags.reduce((w, f) => w + this.fragWidth(f, size), 0);
  }
  spaceWidth(size = this.size) {
    return this.fonts.regular.widthOfTextAtSize(' ', size);
  }
  /** Greedy line breaking; a word longer than the line (a URL) is cut by characters. */
  wrap(runs, width, size = this.size) {
    const words = toWords(runs);
    const lines = [];
    let line = [];
    let lineWidth = 0;
    const space = this.spaceWidth(size);
    const push = () => {
      lines.push(line);
      line = [];
      lineWidth = 0;
    };
    for (const word of words) {
      const w = this.wordWidth(word, size);
      if (w > width) {
        // Break an over-long word into pieces that fit.
        for (const piece of this.splitWord(word, width, size)) {
          if (line.length) push();
          line.push({ ...piece, space: false });
          lineWidth = this.wordWidth(piece, size);
        }
        continue;
      }
      const extra = line.length && word.space ? space : 0;
      if (line.length && lineWidth + extra + w > width) {
        push();
        line.push({ ...word, space: false });
        lineWidth = w;
      } else {
        line.push(line.length ? word : { ...word, space: false });
        lineWidth += extra + w;
      }
    }
    if (line.length) push();
    return lines;
  }
  splitWord(word, width, size) {
    const pieces = [];
    let cur = { frags: [] };
    let curWidth = 0;
    for (const frag of word.frags) {
      for (const ch of frag.text) {
        const f = { ...frag, text: ch };
        const cw = this.fragWidth(f, size);
        if (curWidth + cw > width && cur.frags.length) {
          pieces.push(cur);
          cur = { frags: [] };
          curWidth = 0;
        }
        const lastFrag = cur.frags[cur.frags.length - 1];
        if (lastFrag && lastFrag.bold === f.bold && lastFrag.sup === f.sup) lastFrag.text += ch;
        else cur.frags.push(f);
        curWidth += cw;
      }
    }
    if (cur.frags.length) pieces.push(cur);
    return pieces;
  }
  drawLine(page, line, x, y, { size = this.size, color = BLACK } = {}) {
    let cx = x;
    for (const word of line) {
      if (word.space) cx += this.spaceWidth(size);
      for (const frag of word.frags) {
        const fs = this.fragSize(frag, size);
        page.drawText(frag.text, { x: cx, y: frag.sup ? y + size * 0.36 : y, size: fs, font: this.fontFor(frag), color });
        cx += this.fragWidth(frag, size);
      }
    }
  }
  footnoteRefs(line) {
    return line.flatMap((word) => word.frags.filter((f) => f.footnote).map((f) => f.footnote));
  }
}

// ---------------------------------------------------------------------------------------------
// Document set-up, outline, metadata

async function newDocument() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(REGULAR_BYTES, { subset: true });
  const bold = await doc.embedFont(BOLD_BYTES, { subset: true });
  return { doc, fonts: { regular, bold } };
}

/**
 * Builds /Outlines from flat entries { title, level, page } (level 1 or 2; a level-2 entry hangs
 * under the last level-1 entry). pdf-lib has no outline API, so this writes the dictionaries.
 */
function writeOutline(doc, entries) {
  if (!entries.length) return;
  const ctx = doc.context;
  const tree = [];
  for (const e of entries) {
    if (e.level >= 2 && tree.length) tree[tree.length - 1].children.push({ ...e, children: [] });
    else tree.push({ ...e, children: [] });
  }
  const outlinesRef = ctx.nextRef();
  const build = (nodes, parentRef) => {
    const refs = nodes.map(() => ctx.nextRef());
    let visible = 0;
    nodes.forEach((node, i) => {
      const dict = ctx.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.title));
      dict.set(PDFName.of('Parent'), parentRef);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      dict.set(PDFName.of('Dest'), ctx.obj([node.page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      if (node.children.length) {
        const sub = build(node.children, refs[i]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.visible)); // positive: shown open
        visible += sub.visible;
      }
      ctx.assign(refs[i], dict);
      visible += 1;
    });
    return { first: refs[0], last: refs[refs.length - 1], visible };
  };
  const top = build(tree, outlinesRef);
  ctx.assign(
    outlinesRef,
    ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.visible) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

async function finish(doc, file, { title, author, subject }) {
  doc.setTitle(title, { showInWindowTitleBar: true });
  if (author) doc.setAuthor(author);
  if (subject) doc.setSubject(subject);
  doc.setLanguage('nl-NL');
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  // A file identifier derived from the file name, so it is stable from run to run.
  const id = createHash('sha256').update(`bundel-reference/${file}`).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  const bytes = await doc.save({ useObjectStreams: false });
  writeFileSync(path.join(OUT_DIR, file), bytes);
  return { file, pages: doc.getPageCount() };
}

// ---------------------------------------------------------------------------------------------
// Flowing documents (letters, notes, memos, minutes, tables)

/**
 * Lays out parsed blocks over as many pages as needed, tagged as Word tags a document saved as PDF
 * with accessibility tags (scripts/tagged-pdf.mjs): headings H1–H3, paragraphs P, lists L/LI/Lbl/
 * LBody, tables Table/TR/TH/TD, footnotes Note; letterheads, running heads, page numbers, rules and
 * shading are artifacts.
 * opts: size [w,h]; margin {top, bottom, left, right}; firstTop (top margin on page 1);
 * body (font size); decorate(page, index, count, fonts) draws letterheads/footers afterwards;
 * intro(page, fonts, y, tags) draws the title block on page 1 (tagged through `tags`) and returns
 * the y to continue from.
 */
async function renderFlow(file, source, opts) {
  const { doc, fonts } = await newDocument();
  const tags = new Tagger(doc);
  const { blocks, footnotes } = parseBlocks(source);
  const size = opts.body ?? 10.5;
  const leading = size * 1.38;
  const ts = new Typesetter(fonts, size);
  const fnSize = size * 0.78;
  const fnLeading = fnSize * 1.3;
  const [pw, ph] = opts.size;
  const m = opts.margin;
  const bottomLimit = Math.max(m.bottom, STAMP_ZONE + 14);
  const left = m.left;
  const width = pw - m.left - m.right;
  const outline = [];

  let page;
  let y;
  let pageFootnotes = [];
  let fnHeight = 0;

  const footnoteLines = (n) => ts.wrap(parseInline(footnotes.get(n) ?? missing(n)), width - 14, fnSize);
  const missing = (n) => {
    throw new Error(`${file}: footnote ${n} has no text`);
  };
  const flushFootnotes = () => {
    if (!pageFootnotes.length) return;
    let fy = bottomLimit + fnHeight - fnLeading + 2;
    tags.artifact(page, () => page.drawLine({ start: { x: left, y: fy + fnLeading - 1 }, end: { x: left + 120, y: fy + fnLeading - 1 }, thickness: 0.5, color: GREY }));
    // Footnotes belong to the document, not to the paragraph that happens to be open at the page end.
    for (const n of pageFootnotes) {
      const lines = footnoteLines(n);
      tags.element(
        'Note',
        () => {
          tags.content(page, () => page.drawText(n, { x: left, y: fy, size: fnSize, font: fonts.regular, color: BLACK }));
          for (const line of lines) {
            tags.content(page, () => ts.drawLine(page, line, left + 14, fy, { size: fnSize }));
            fy -= fnLeading;
          }
        },
        { parent: tags.document },
      );
    }
    pageFootnotes = [];
    fnHeight = 0;
  };
  const newPage = () => {
    if (page) flushFootnotes();
    page = doc.addPage(opts.size);
    y = ph - (doc.getPageCount() === 1 ? (opts.firstTop ?? m.top) : m.top);
    if (doc.getPageCount() === 1 && opts.intro) y = opts.intro(page, fonts, y, tags);
  };
  const room = () => y - bottomLimit - fnHeight;
  const ensure = (h) => {
    if (room() < h) newPage();
  };
  const footnoteBlockHeight = (ns) => {
    const lines = ns.reduce((sum, n) => sum + footnoteLines(n).length, 0);
    return lines * fnLeading + (pageFootnotes.length === 0 && ns.length ? 8 : 0);
  };
  /**
   * Places wrapped lines at x, each as marked content of `into` (default the open element);
   * reserves room for footnotes referenced on each line.
   */
  const placeLines = (lines, x, { size: s = size, lead = leading, first, into } = {}) => {
    lines.forEach((line, i) => {
      const refs = ts.footnoteRefs(line).filter((n) => !pageFootnotes.includes(n));
      const extra = refs.length ? footnoteBlockHeight(refs) : 0;
      if (room() < lead + extra) newPage();
      if (i === 0 && first) first(y - s);
      tags.content(page, () => ts.drawLine(page, line, x, y - s, { size: s }), into);
      y -= lead;
      if (refs.length) {
        fnHeight += extra;
        pageFootnotes.push(...refs);
      }
    });
  };

  newPage();
  // Consecutive list items make one list.
  let list = null;
  for (const block of blocks) {
    if (list && block.type !== 'li') {
      tags.close(list);
      list = null;
    }
    switch (block.type) {
      case 'pagebreak':
        newPage();
        break;
      case 'space':
        y -= block.pt;
        break;
      case 'h': {
        const hs = block.level === 1 ? size + 2.5 : size + 0.5;
        const lines = ts.wrap(parseInline(block.text, true), width, hs);
        const before = block.level === 1 ? leading * 0.9 : leading * 0.5;
        // Keep a heading with at least two lines of what follows.
        ensure(before + lines.length * hs * 1.3 + 2 * leading);
        if (y < ph - m.top - 1) y -= before;
        if (block.level <= 2) outline.push({ title: block.text.replace(/\*\*/g, ''), level: block.level, page });
        tags.element(`H${block.level}`, () => placeLines(lines, left, { size: hs, lead: hs * 1.3 }));
        y -= block.level === 1 ? 3 : 1;
        break;
      }
      case 'p': {
        const s = block.small ? size - 1.5 : size;
        const lines = ts.wrap(parseInline(block.text), width, s);
        tags.element('P', () => placeLines(lines, left, { size: s, lead: s * 1.38 }));
        y -= leading * 0.45;
        break;
      }
      case 'li': {
        // Bullets hang at 16 pt, numbers ("10)", "A.") need a little more.
        const indent = /^[-–•›]$/.test(block.label) ? 16 : 22;
        const lines = ts.wrap(parseInline(block.text), width - indent);
        list ??= tags.open('L');
        tags.element('LI', () => {
          const label = tags.child('Lbl');
          const body = tags.child('LBody');
          placeLines(lines, left + indent, {
            first: (baseline) => tags.content(page, () => page.drawText(block.label, { x: left + 2, y: baseline, size, font: fonts.regular, color: BLACK }), label),
            into: body,
          });
        });
        y -= leading * 0.3;
        break;
      }
      case 'table': {
        drawTable(block);
        y -= leading * 0.6;
        break;
      }
      default:
        throw new Error(`unknown block ${block.type}`);
    }
  }
  if (list) tags.close(list);
  flushFootnotes();

  function drawTable(table) {
    const tsize = opts.tableBody ?? size - 1;
    const tlead = tsize * 1.3;
    const pad = table.plain ? 2 : 4;
    const total = table.cols.reduce((a, b) => a + b, 0);
    const widths = table.cols.map((c) => (c / total) * width);
    const layoutRow = (cells) =>
      cells.map((cell, i) =>
        cell
          .split('<br>')
          .flatMap((para) => (para.trim() === '' ? [[]] : ts.wrap(parseInline(para.trim()), widths[i] - 2 * pad, tsize))),
      );
    const rowHeight = (laid) => Math.max(1, ...laid.map((lines) => lines.length)) * tlead + 2 * pad;
    const header = table.header ? layoutRow(table.rows[0]) : null;
    // A short table is kept on one page rather than split after a row or two.
    const totalHeight = table.rows.reduce((sum, cells) => sum + rowHeight(layoutRow(cells)), 0);
    if (totalHeight < (ph - m.top - bottomLimit) * 0.4) ensure(totalHeight);
    /** One row: a TR of TH (the header) or TD cells; a header repeated on a later page is an artifact. */
    const drawRow = (laid, kind) => {
      const h = rowHeight(laid);
      let x = left;
      const cells = (draw) => (kind === 'repeat' ? tags.artifact(page, draw) : tags.element('TR', draw));
      cells(() => {
        laid.forEach((lines, i) => {
          tags.artifact(page, () => {
            if (kind !== 'body') page.drawRectangle({ x, y: y - h, width: widths[i], height: h, color: LIGHT });
            if (!table.plain) page.drawRectangle({ x, y: y - h, width: widths[i], height: h, borderColor: GREY, borderWidth: 0.6 });
          });
          const drawCell = () => {
            let ly = y - pad - tsize;
            for (const line of lines) {
              if (line.length) {
                const at = ly;
                const draw = () => ts.drawLine(page, line, x + pad, at, { size: tsize });
                if (kind === 'repeat') draw();
                else tags.content(page, draw);
              }
              ly -= tlead;
            }
          };
          if (kind === 'repeat') drawCell();
          else if (kind === 'header') tags.element('TH', drawCell, { attributes: { O: 'Table', Scope: 'Column' } });
          else tags.element('TD', drawCell);
          x += widths[i];
        });
      });
      y -= h;
    };
    tags.element('Table', () =>
      table.rows.forEach((cells, r) => {
        if (header && r === 0) {
          ensure(rowHeight(header) + 3 * tlead);
          drawRow(header, 'header');
          return;
        }
        const laid = layoutRow(cells);
        const h = rowHeight(laid);
        if (h > ph - m.top - bottomLimit - (header ? rowHeight(header) : 0)) throw new Error(`${file}: table row ${r} is taller than a page`);
        if (room() < h) {
          newPage();
          if (header) drawRow(header, 'repeat');
        }
        drawRow(laid, 'body');
      }),
    );
  }

  const pages = doc.getPages();
  // Letterheads, running heads and page numbers: artifacts, which a screen reader skips.
  pages.forEach((p, i) => tags.artifact(p, () => opts.decorate?.(p, i, pages.length, fonts), 'Pagination'));
  tags.finish();
  writeOutline(doc, [...(opts.outlineBefore ?? []).map((e) => ({ ...e, page: pages[0] })), ...outline]);
  return finish(doc, file, opts.meta);
}

// ---------------------------------------------------------------------------------------------
// House styles

const A4 = PageSizes.A4; // [595.28, 841.89]
const A4_LANDSCAPE = [A4[1], A4[0]];

/** Right-aligned footer "Pagina N van M", kept above the stamp zone. */
function paginaFooter(page, i, n, fonts, { size = 8, right = 56 } = {}) {
  const text = `Pagina ${i + 1} van ${n}`;
  const w = fonts.regular.widthOfTextAtSize(text, size);
  page.drawText(text, { x: page.getWidth() - right - w, y: STAMP_ZONE + 8, size, font: fonts.regular, color: GREY });
}

/** The ministry's letterhead: the blue ribbon at the top centre and the ministry's name beside it. */
function ministryLetterhead(page, fonts, { full }) {
  const w = page.getWidth();
  const h = page.getHeight();
  page.drawRectangle({ x: w / 2 - 14, y: h - (full ? 86 : 54), width: 28, height: full ? 86 : 54, color: RIJK_BLUE });
  if (full) {
    page.drawText('Ministerie van Binnenlandse Zaken en', { x: w / 2 + 24, y: h - 62, size: 10, font: fonts.regular, color: BLACK });
    page.drawText('Koninkrijksrelaties', { x: w / 2 + 24, y: h - 75, size: 10, font: fonts.regular, color: BLACK });
  }
}

/** A label/value column at the right margin, as ministry letters have (Datum, Kenmerk, …). */
function sideColumn(page, fonts, x, y, items) {
  for (const [label, value] of items) {
    if (label) {
      page.drawText(label, { x, y, size: 7.5, font: fonts.bold, color: BLACK });
      y -= 10;
    }
    for (const line of [].concat(value)) {
      page.drawText(line, { x, y, size: 7.5, font: fonts.regular, color: BLACK });
      y -= 10;
    }
    y -= 6;
  }
}

/** 8RHK house style: a small word mark at the top right and a centred page number. */
function rhkDecorate(page, i, n, fonts) {
  const w = page.getWidth();
  const h = page.getHeight();
  const mark = '8RHK ambassadeurs';
  const mw = fonts.bold.widthOfTextAtSize(mark, 10);
  page.drawRectangle({ x: w - 56 - mw - 14, y: h - 50, width: 8, height: 14, color: RHK_GREEN });
  page.drawText(mark, { x: w - 56 - mw, y: h - 48, size: 10, font: fonts.bold, color: RHK_GREEN });
  if (n > 1) {
    const t = String(i + 1);
    page.drawText(t, { x: w / 2 - fonts.regular.widthOfTextAtSize(t, 9) / 2, y: STAMP_ZONE + 8, size: 9, font: fonts.regular, color: GREY });
  }
}

/** Title block for the first page of an 8RHK document (the title an H1, the rest P); returns the y to continue from. */
function titleBlock(lines, { size = 15, after = 14 } = {}) {
  return (page, fonts, y, tags) => {
    const ts = new Typesetter(fonts, size);
    for (const [i, text] of lines.entries()) {
      const s = i === 0 ? size : 10.5;
      tags.element(i === 0 ? 'H1' : 'P', () => {
        for (const line of ts.wrap([{ text, bold: i === 0 }], page.getWidth() - 2 * 62, s)) {
          tags.content(page, () => ts.drawLine(page, line, 62, y - s, { size: s, color: i === 0 ? BLACK : GREY }));
          y -= s * 1.3;
        }
      });
      y -= 4;
    }
    return y - after;
  };
}

// ---------------------------------------------------------------------------------------------
// Slides (16:9)

const SLIDE = [960, 540];

function parseSlides(source) {
  const slides = [];
  for (const rawLine of source.split('\n')) {
    const line = rawLine.trimEnd();
    if (!line.trim() || line.startsWith('%')) continue;
    const m = /^#\s+(.*)$/.exec(line);
    if (m) slides.push({ title: m[1], items: [] });
    else slides[slides.length - 1].items.push(line.trim());
  }
  return slides;
}

async function renderSlides(file, source, meta) {
  const { doc, fonts } = await newDocument();
  const slides = parseSlides(source);
  const [W, H] = SLIDE;
  const outline = [];
  const footerY = STAMP_ZONE + 10;
  const date = '28 januari 2025';
  const textLeft = 64;

  for (const [index, slide] of slides.entries()) {
    const page = doc.addPage(SLIDE);
    outline.push({ title: slide.title, level: 1, page });
    const flags = slide.items.filter((it) => it.startsWith('@layout'));
    if (flags.some((f) => f.includes('title'))) {
      // Full-bleed colour, except the strip where the bundler stamps its page number.
      page.drawRectangle({ x: 0, y: STAMP_ZONE, width: W, height: H - STAMP_ZONE, color: RIJK_BLUE });
      page.drawRectangle({ x: W / 2 - 18, y: H - 110, width: 36, height: 110, color: rgb(1, 1, 1) });
      page.drawText(slide.title, { x: textLeft, y: H / 2 + 10, size: 48, font: fonts.bold, color: rgb(1, 1, 1) });
      let sy = H / 2 - 34;
      for (const sub of slide.items.filter((it) => it.startsWith('@sub '))) {
        page.drawText(sub.slice(5), { x: textLeft, y: sy, size: 22, font: fonts.regular, color: rgb(1, 1, 1) });
        sy -= 30;
      }
      continue;
    }
    // Common frame: title, thin rule, footer with date and slide number.
    page.drawRectangle({ x: 0, y: H - 8, width: W, height: 8, color: RIJK_BLUE });
    const titleSize = 30;
    const tlines = new Typesetter(fonts, titleSize).wrap([{ text: slide.title, bold: true }], W - 2 * textLeft, titleSize);
    let y = H - 40;
    for (const line of tlines) {
      new Typesetter(fonts, titleSize).drawLine(page, line, textLeft, y - titleSize, { size: titleSize, color: RIJK_BLUE });
      y -= titleSize * 1.15;
    }
    y -= 14;
    page.drawText(date, { x: textLeft, y: footerY, size: 10, font: fonts.regular, color: GREY });
    const num = String(index + 1);
    page.drawText(num, { x: W - textLeft - fonts.regular.widthOfTextAtSize(num, 10), y: footerY, size: 10, font: fonts.regular, color: GREY });

    const boxes = slide.items.filter((it) => it.startsWith('@box ')).map((it) => it.slice(5));
    const contentWidth = boxes.length ? W - 2 * textLeft - 250 : W - 2 * textLeft;
    const bodySize = Number((slide.items.find((it) => it.startsWith('@size ')) ?? '@size 20').slice(6));
    const ts = new Typesetter(fonts, bodySize);
    const lead = bodySize * 1.3;

    for (const item of slide.items) {
      if (item.startsWith('@box ') || item.startsWith('@size ') || item.startsWith('@layout')) continue;
      if (item.startsWith('@steps ')) {
        const steps = item.slice(7).split('|').map((s) => s.trim());
        const sw = (contentWidth - (steps.length - 1) * 24) / steps.length;
        steps.forEach((s, i) => {
          const x = textLeft + i * (sw + 24);
          page.drawRectangle({ x, y: y - 90, width: sw, height: 90, color: i === steps.length - 1 ? OH_ORANGE : RIJK_BLUE });
          const lines = ts.wrap(parseInline(s, true), sw - 24, 20);
          let ly = y - 45 + ((lines.length - 1) * 24) / 2;
          for (const line of lines) {
            ts.drawLine(page, line, x + 12, ly - 7, { size: 20, color: rgb(1, 1, 1) });
            ly -= 24;
          }
          if (i < steps.length - 1) page.drawText('→', { x: x + sw + 4, y: y - 52, size: 18, font: fonts.bold, color: GREY });
        });
        y -= 110;
        continue;
      }
      if (item.startsWith('@tiles ')) {
        const tiles = item.slice(7).split('|').map((s) => s.trim());
        const perRow = 5;
        const gap = 12;
        const tw = (contentWidth - (perRow - 1) * gap) / perRow;
        const th = 62;
        tiles.forEach((t, i) => {
          const x = textLeft + (i % perRow) * (tw + gap);
          const ty = y - Math.floor(i / perRow) * (th + gap);
          page.drawRectangle({ x, y: ty - th, width: tw, height: th, color: i % 2 ? OH_ORANGE : RIJK_BLUE });
          const lines = ts.wrap(parseInline(t, true), tw - 16, 15);
          let ly = ty - th / 2 + ((lines.length - 1) * 17) / 2 - 5;
          for (const line of lines) {
            ts.drawLine(page, line, x + 8, ly, { size: 15, color: rgb(1, 1, 1) });
            ly -= 17;
          }
        });
        y -= Math.ceil(tiles.length / perRow) * (th + gap);
        continue;
      }
      let text = item;
      let label = null;
      let color = BLACK;
      let s = bodySize;
      let indent = 0;
      let m;
      if ((m = /^(›|•|\d+\.)\s+(.*)$/.exec(item))) {
        label = m[1];
        text = m[2];
        indent = label === '›' ? 22 : 30;
      } else if (item.startsWith('> ')) {
        text = item.slice(2);
        color = RIJK_BLUE;
        s = bodySize + 1;
      }
      const lines = ts.wrap(parseInline(text), contentWidth - indent, s);
      if (y - lines.length * lead < footerY + 20) throw new Error(`${file}: slide "${slide.title}" overflows`);
      lines.forEach((line, i) => {
        if (i === 0 && label) page.drawText(label, { x: textLeft, y: y - s, size: s, font: fonts.bold, color: OH_ORANGE });
        ts.drawLine(page, line, textLeft + indent, y - s, { size: s, color });
        y -= s * 1.3;
      });
      y -= s * 0.45;
    }

    // Call-out boxes in a column at the right.
    let by = H - 110;
    for (const box of boxes) {
      const bw = 220;
      const bx = W - textLeft - bw;
      const lines = ts.wrap(parseInline(box, true), bw - 24, 17);
      const bh = lines.length * 21 + 22;
      page.drawRectangle({ x: bx, y: by - bh, width: bw, height: bh, color: OH_ORANGE });
      let ly = by - 11 - 17;
      for (const line of lines) {
        ts.drawLine(page, line, bx + 12, ly, { size: 17, color: rgb(1, 1, 1) });
        ly -= 21;
      }
      by -= bh + 16;
    }
  }
  writeOutline(doc, outline);
  return finish(doc, file, meta);
}

// ---------------------------------------------------------------------------------------------
// The flyer (one page)

async function renderFlyer(file, source, meta) {
  const { doc, fonts } = await newDocument();
  const { blocks } = parseBlocks(source);
  const page = doc.addPage(A4);
  const [W, H] = A4;
  const left = 70;
  const width = W - 2 * left;
  page.drawRectangle({ x: 0, y: H - 250, width: W, height: 250, color: OH_ORANGE });
  let y = H - 110;
  const ts = new Typesetter(fonts, 12);
  for (const b of blocks) {
    if (b.type === 'h' && b.level === 1) {
      page.drawText(b.text, { x: left, y, size: 44, font: fonts.bold, color: rgb(1, 1, 1) });
      y -= 44;
    } else if (b.type === 'h' && b.level === 2) {
      page.drawText(b.text, { x: left, y, size: 24, font: fonts.regular, color: rgb(1, 1, 1) });
      y = H - 300;
    } else if (b.type === 'p') {
      for (const line of ts.wrap(parseInline(b.text), width, 13)) {
        ts.drawLine(page, line, left, y, { size: 13 });
        y -= 18;
      }
      y -= 10;
    } else if (b.type === 'table') {
      y -= 6;
      for (const row of b.rows) {
        const [label, value] = row;
        page.drawText(label, { x: left, y, size: 13, font: fonts.bold, color: OH_ORANGE });
        for (const part of value.split('<br>')) {
          page.drawText(part, { x: left + 90, y, size: 13, font: fonts.regular, color: BLACK });
          y -= 18;
        }
        y -= 4;
      }
    }
  }
  if (y < STAMP_ZONE + 20) throw new Error(`${file}: flyer overflows`);
  return finish(doc, file, meta);
}

// ---------------------------------------------------------------------------------------------
// The ten attachments

const MINISTRY = 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties';

const jobs = [
  () =>
    renderFlow('kamerbrief-elke-regio-telt.pdf', readText('kamerbrief-elke-regio-telt.txt'), {
      size: A4,
      margin: { top: 92, bottom: 64, left: 72, right: 72 },
      firstTop: 110,
      intro: (page, fonts, y, tags) => {
        tags.text('P', page, () => sideColumn(page, fonts, 72, y, [['Betreft', 'Nadere uitwerking Elke regio telt']]));
        return y - 46;
      },
      decorate: (page, i, n, fonts) => {
        ministryLetterhead(page, fonts, { full: i === 0 });
        paginaFooter(page, i, n, fonts);
      },
      meta: { title: 'Kamerbrief Nadere uitwerking Elke regio telt', author: MINISTRY, subject: 'Nationaal Programma Vitale Regio’s' },
    }),
  () =>
    renderFlow('beslisnota-elke-regio-telt.pdf', readText('beslisnota-elke-regio-telt.txt'), {
      size: A4,
      margin: { top: 92, bottom: 64, left: 72, right: 170 },
      firstTop: 110,
      intro: (page, fonts, y, tags) => {
        tags.text('H1', page, () => page.drawText('Beslisnota', { x: 72, y: y - 16, size: 16, font: fonts.bold, color: BLACK }));
        tags.text('P', page, () => page.drawText('Kamerbrief Elke Regio Telt', { x: 72, y: y - 36, size: 11, font: fonts.regular, color: BLACK }));
        return y - 62;
      },
      decorate: (page, i, n, fonts) => {
        ministryLetterhead(page, fonts, { full: i === 0 });
        sideColumn(page, fonts, page.getWidth() - 150, page.getHeight() - 130, [
          [null, `Pagina ${i + 1} van ${n}`],
          ['Onze referentie', '2024-0000963736'],
          ['Datum', '18 december 2024'],
        ]);
      },
      meta: { title: 'Beslisnota bij Nadere uitwerking Elke regio telt', author: MINISTRY, subject: 'Kamerbrief Elke Regio Telt' },
    }),
  () =>
    renderFlow('lopende-trajecten-npvr.pdf', readText('lopende-trajecten-npvr.txt'), {
      size: A4_LANDSCAPE,
      margin: { top: 48, bottom: 60, left: 48, right: 48 },
      firstTop: 48,
      body: 9.5,
      tableBody: 8.5,
      intro: (page, fonts, y, tags) => {
        tags.text('H1', page, () => page.drawText('Lopende trajecten Achterhoek', { x: 48, y: y - 16, size: 16, font: fonts.bold, color: RHK_GREEN }));
        return y - 30;
      },
      decorate: (page, i, n, fonts) => paginaFooter(page, i, n, fonts, { right: 48 }),
      outlineBefore: [{ title: 'Lopende trajecten Achterhoek', level: 1 }],
      meta: { title: 'Lopende trajecten Achterhoek NPVR (werkdocument)', subject: 'Werkdocument NPVR' },
    }),
  () =>
    renderFlow('notitie-procesmiddelen.pdf', readText('notitie-procesmiddelen.txt'), {
      size: A4,
      margin: { top: 110, bottom: 64, left: 72, right: 170 },
      firstTop: 120,
      intro: (page, fonts, y, tags) => {
        const ts = new Typesetter(fonts, 15);
        tags.element('H1', () => {
          for (const line of ts.wrap([{ text: 'Toelichting procesmiddelen Nationaal Programma Vitale Regio’s', bold: true }], 350, 15)) {
            tags.content(page, () => ts.drawLine(page, line, 72, y - 15, { size: 15 }));
            y -= 20;
          }
        });
        return y - 14;
      },
      decorate: (page, i, n, fonts) => {
        ministryLetterhead(page, fonts, { full: i === 0 });
        const items =
          i === 0
            ? [
                [null, ['DG Openbaar Bestuur &', 'Democr Rechtsstaat', 'DGOBDR-BFR-Regio en', 'Leefbaarheid']],
                ['Contactpersoon', ['Sofie Dreef', 'Programmamanager a.i.', 'Sofie.Dreef@minbzk.nl']],
                ['Datum', '22 januari 2025'],
              ]
            : [['Datum', '22 januari 2025']];
        sideColumn(page, fonts, page.getWidth() - 150, page.getHeight() - 130, items);
        paginaFooter(page, i, n, fonts);
      },
      meta: { title: 'Notitie procesmiddelen NPVR', author: MINISTRY, subject: 'Toelichting procesmiddelen Nationaal Programma Vitale Regio’s' },
    }),
  () =>
    renderSlides('presentatie-klankbordgroep-2025-01-28.pdf', readText('presentatie-klankbordgroep-2025-01-28.txt'), {
      title: 'Presentatie klankbordgroep 28-01-2025',
      subject: 'Elke regio telt! Bijeenkomst klankbordgroep',
    }),
  () =>
    renderFlow('memo-update-besparingen.pdf', readText('memo-update-besparingen.txt'), {
      size: A4,
      margin: { top: 78, bottom: 64, left: 62, right: 62 },
      firstTop: 84,
      intro: titleBlock(['MEMO update besparingen t.b.v. algemeen bestuur 5 maart 2025']),
      decorate: rhkDecorate,
      meta: { title: 'Memo update besparingen', author: '8RHK ambassadeurs', subject: 'Update besparingen, algemeen bestuur 5 maart 2025' },
    }),
  () =>
    renderFlow('evaluatie-2024.pdf', readText('evaluatie-2024.txt'), {
      size: A4,
      margin: { top: 78, bottom: 64, left: 62, right: 62 },
      firstTop: 84,
      intro: titleBlock(['Concept- verslag van de gesprekken gevoerd in het kader van de evaluatie 8RHK ambassadeurs 2024', '27 juli 2024']),
      decorate: rhkDecorate,
      meta: { title: 'Evaluatie 2024', author: '8RHK ambassadeurs', subject: 'Concept-verslag van de gesprekken in het kader van de evaluatie 8RHK ambassadeurs 2024' },
    }),
  () =>
    renderFlow('actiepunten-evaluatie.pdf', readText('actiepunten.txt'), {
      size: A4,
      margin: { top: 78, bottom: 64, left: 62, right: 62 },
      firstTop: 84,
      intro: titleBlock(['Bijlage 2 Actiepunten']),
      decorate: rhkDecorate,
      meta: { title: 'Actiepunten', author: '8RHK ambassadeurs', subject: 'Actiepunten bij de evaluatie 2024' },
    }),
  () =>
    renderFlow('verslag-ab-2025-01-29.pdf', readText('verslag-ab-2025-01-29.txt'), {
      size: A4,
      margin: { top: 78, bottom: 64, left: 62, right: 62 },
      firstTop: 84,
      intro: titleBlock(['Verslag Algemeen Bestuur']),
      decorate: rhkDecorate,
      meta: { title: 'Verslag Algemeen Bestuur 29 januari 2025', author: '8RHK ambassadeurs', subject: 'Verslag van de vergadering van 29 januari 2025' },
    }),
  () =>
    renderFlyer('uitnodiging-bestuurdersdiner-2025-03-19.pdf', readText('uitnodiging-bestuurdersdiner-2025-03-19.txt'), {
      title: 'Uitnodiging Bestuurdersdiner Onverwachte Hoek 19 maart',
      subject: 'Bestuurdersdiner ‘De Achterhoek over vijf jaar’',
    }),
];

mkdirSync(OUT_DIR, { recursive: true });
for (const job of jobs) {
  const { file, pages } = await job();
  console.log(`${file}: ${pages} pagina${pages === 1 ? '' : "'s"}`);
}
