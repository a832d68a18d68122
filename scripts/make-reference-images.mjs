#!/usr/bin/env node
// Regenerates the images in the text of the reference meeting (fixtures/reference, AB 5 maart 2025):
// the governance diagram of item 3 ("D. Governance structuur Rijk-regio voor NPVR"), redrawn from the
// seed's text as a self-contained SVG. Deterministic: same script, same bytes. Text is wrapped to the
// boxes with the metrics of the font the memo uses (templates/fonts, via fontkit).
//
// Usage (from the repository root): node scripts/make-reference-images.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@cantoo/fontkit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures/reference/vergaderingen/2025-03-05/bijlagen/governance.svg');
const FONT_DIR = path.join(ROOT, 'templates/fonts');
const FAMILY = 'Source Sans 3';

const regular = fontkit.create(readFileSync(path.join(FONT_DIR, 'SourceSans3-Regular.ttf')));
const semibold = fontkit.create(readFileSync(path.join(FONT_DIR, 'SourceSans3-SemiBold.ttf')));

// The house colours of the memo (templates/typst/common.typ).
const ACCENT = '#17375e';
const INK = '#1b1f24';
const MUTED = '#5a6270';
const TINT = '#eef1f5';
const HAIRLINE = '#c5ccd4';

/** The three segments, top to bottom, each with the Rijk side and the Regio side (seed, item 3). */
const SEGMENTS = [
  {
    naam: 'DO Rijk-Regio',
    toelichting: 'bestuurlijk, eindverantwoordelijk',
    rijk: 'Rijksvertegenwoordiger op DG niveau (in directe verbinding met directie NPVR)',
    regio: 'Bestuurlijk trekker Regio Achterhoek',
  },
  {
    naam: 'Kernteam',
    toelichting: 'dagelijkse aansturing en strategie',
    rijk: 'Regio-adviseurs: Regio coordinator BZK en Ambtelijk trekker voorkeursdepartement',
    regio: 'Programmamanager NPVR (eventueel aangevuld met programmamedewerker)',
  },
  {
    naam: 'Rijk-regio overleg breed',
    toelichting: 'brede voeding',
    rijk: 'Interdepartementale werkgroep',
    regio: 'Regionale werkgroep (thema adviseurs vanuit de regio)',
  },
];

// Geometry in SVG user units; the image is 160 mm wide on paper (the memo's text width is 163 mm).
const WIDTH = 640;
const LABEL_W = 150;
const GAP = 34;
const BOX_W = (WIDTH - LABEL_W - 2 * GAP - 2) / 2;
const ROW_H = 78;
const ROW_GAP = 16;
const HEAD_H = 30;
const SIZE = 12.5;
const LINE = 15.5;
const HEIGHT = HEAD_H + SEGMENTS.length * ROW_H + (SEGMENTS.length - 1) * ROW_GAP + 2;

const round = (n) => Math.round(n * 100) / 100;
const width = (font, text, size) => (font.layout(text).advanceWidth / font.unitsPerEm) * size;
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Greedy word wrap to `max` units at `size`. */
function wrap(text, font, size, max) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && width(font, next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text centred on (cx, cy). */
function textBlock(lines, cx, cy, { font = regular, size = SIZE, fill = INK, weight = 400 } = {}) {
  const top = cy - ((lines.length - 1) * LINE) / 2 + size * 0.35;
  return lines
    .map((l, i) => `  <text x="${round(cx)}" y="${round(top + i * LINE)}" font-family="${FAMILY}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${escape(l)}</text>`)
    .join('\n');
}

function diagram() {
  const parts = [];
  const rijkX = LABEL_W + GAP;
  const regioX = rijkX + BOX_W + GAP;
  parts.push(textBlock(['Rijk'], rijkX + BOX_W / 2, HEAD_H / 2 - 2, { font: semibold, weight: 600, fill: ACCENT, size: 14 }));
  parts.push(textBlock(['Regio Achterhoek'], regioX + BOX_W / 2, HEAD_H / 2 - 2, { font: semibold, weight: 600, fill: ACCENT, size: 14 }));
  SEGMENTS.forEach((s, i) => {
    const y = HEAD_H + i * (ROW_H + ROW_GAP) + 1;
    const cy = y + ROW_H / 2;
    // The segment: a dark label on the left, then the Rijk and Regio boxes joined by a double arrow.
    parts.push(`  <rect x="1" y="${y}" width="${LABEL_W}" height="${ROW_H}" rx="4" fill="${ACCENT}"/>`);
    const name = wrap(s.naam, semibold, 13.5, LABEL_W - 16);
    parts.push(textBlock([...name, ''], LABEL_W / 2 + 1, cy - 4, { font: semibold, weight: 600, size: 13.5, fill: '#ffffff' }));
    parts.push(textBlock(wrap(s.toelichting, regular, 10.5, LABEL_W - 16), LABEL_W / 2 + 1, cy + (name.length * LINE) / 2 + 4, { size: 10.5, fill: '#dfe6ee' }));
    for (const [x, text] of [
      [rijkX, s.rijk],
      [regioX, s.regio],
    ]) {
      parts.push(`  <rect x="${round(x)}" y="${y}" width="${round(BOX_W)}" height="${ROW_H}" rx="4" fill="${TINT}" stroke="${ACCENT}" stroke-width="1.2"/>`);
      parts.push(textBlock(wrap(text, regular, SIZE, BOX_W - 18), x + BOX_W / 2, cy));
    }
    const ax = rijkX + BOX_W + 4;
    const bx = regioX - 4;
    parts.push(`  <path d="M${round(ax + 6)} ${cy} H${round(bx - 6)} M${round(ax + 7)} ${cy - 4.5} L${round(ax)} ${cy} L${round(ax + 7)} ${cy + 4.5} M${round(bx - 7)} ${cy - 4.5} L${round(bx)} ${cy} L${round(bx - 7)} ${cy + 4.5}" fill="none" stroke="${MUTED}" stroke-width="1.4"/>`);
    parts.push(`  <line x1="${round(LABEL_W + 1)}" y1="${cy}" x2="${round(rijkX)}" y2="${cy}" stroke="${HAIRLINE}" stroke-width="1.2"/>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="160mm" height="${round((160 * HEIGHT) / WIDTH)}mm" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    '  <!-- Made by scripts/make-reference-images.mjs: governance structuur Rijk-regio voor NPVR (seed, agendapunt 3, D). -->',
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

writeFileSync(OUT, diagram());
console.log(`${path.relative(ROOT, OUT)} geschreven`);
