// The images in an item's Markdown body (`![alt](bijlagen/schema.svg)`): found with the parser the
// memo is rendered with, their files resolved under the attachments' path rules (relative to the
// item, inside the meeting folder, exact case, no link out of it), read with a size limit and
// checked by content (PNG, JPEG, GIF, or an SVG that fetches and runs nothing). The lint rule
// `afbeelding` reports what is wrong; the render step prints the rest.

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Nodes } from 'mdast';
import type { Agendapunt, BodyImage } from '../model/meeting.js';
import { isPathological } from '../util/markdown-guard.js';
import { markdownTree } from '../util/markdown-tree.js';
import { resolveAttachment } from './attachment-path.js';
import { checkImage, MAX_IMAGE_BYTES } from './image.js';
import { describeSize, readRepoFile } from './repo-file.js';

type Found = Pick<BodyImage, 'url' | 'alt' | 'range'>;

/** Every `![…](…)` and `![…][ref]` of the body, with its position in the item file. */
export function findImages(body: string, bodyLine: number): Found[] {
  if (!body.includes('![') || isPathological(body)) return [];
  let tree;
  try {
    // The same tree the layout makes its blocks from (parsed once).
    tree = markdownTree(body);
  } catch {
    return [];
  }
  const definitions = new Map<string, string>();
  const images: { node: Nodes; url?: string; identifier?: string }[] = [];
  const walk = (node: Nodes, depth: number): void => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if (node.type === 'image') images.push({ node, url: node.url });
    if (node.type === 'imageReference') images.push({ node, identifier: node.identifier });
    if ('children' in node && depth < 64) for (const child of node.children) walk(child, depth + 1);
  };
  walk(tree, 0);
  const out: Found[] = [];
  for (const { node, url, identifier } of images) {
    const target = url ?? definitions.get(identifier!);
    const start = node.position?.start;
    const end = node.position?.end;
    // A reference without its definition prints as text: no image.
    if (target === undefined || !start) continue;
    out.push({
      url: target,
      alt: 'alt' in node && typeof node.alt === 'string' ? node.alt : '',
      range: { line: bodyLine + start.line - 1, column: start.column, endLine: end && bodyLine + end.line - 1, endColumn: end?.column },
    });
  }
  return out;
}

const problem = (message: string, hint: string): { problem: BodyImage['problem'] } => ({ problem: { message, hint } });

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The path as the author typed it: the parser percent-encodes spaces and non-ASCII. */
function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Path problems of attachments, with a hint about images instead of PDFs. */
const IMAGE_HINTS: Record<string, string> = {
  'pad-buiten-map': 'Zet de afbeelding in de map van de vergadering (bijvoorbeeld in `bijlagen/`) en verwijs er relatief naar vanuit het agendapunt.',
  'bestand-geen-bestand': 'Verwijs naar een afbeeldingsbestand (PNG, JPEG of SVG).',
};

/** Resolve, read and check one image; the same file is read once per meeting (`cache`). */
async function inspectImage(meetingDir: string, itemDir: string, found: Found, cache: Map<string, Promise<Partial<BodyImage>>>): Promise<BodyImage> {
  const pad = decoded(found.url);
  const image = { ...found, pad };
  const shown = `\`${pad}\``;
  if (pad.trim() === '') return { ...image, ...problem('De afbeelding heeft geen pad.', 'Schrijf het pad tussen de haakjes: `![Beschrijving](bijlagen/schema.png)`.') };
  if (/^[a-z][a-z0-9+.-]+:/i.test(pad)) {
    return {
      ...image,
      ...problem(`De afbeelding ${shown} is een adres, geen bestand; bundel haalt niets van internet.`, 'Sla de afbeelding op in de map van de vergadering (bijvoorbeeld in `bijlagen/`) en verwijs er relatief naar.'),
    };
  }
  const resolved = await resolveAttachment(meetingDir, itemDir, pad);
  if (!resolved.ok) {
    const p = resolved.problem;
    return { ...image, ...problem(`Afbeelding: ${lower(p.message)}`, IMAGE_HINTS[p.code] ?? p.hint ?? 'Controleer het pad van de afbeelding.') };
  }
  let facts = cache.get(resolved.absPath);
  if (!facts) {
    facts = readImage(resolved.absPath, meetingDir);
    cache.set(resolved.absPath, facts);
  }
  const f = await facts;
  return { ...image, ...f, ...(f.problem ? { problem: { ...f.problem, message: `De afbeelding ${shown}: ${lower(f.problem.message)}` } } : {}) };
}

async function readImage(absPath: string, meetingDir: string): Promise<Partial<BodyImage>> {
  const read = await readRepoFile(absPath, meetingDir, MAX_IMAGE_BYTES, `voor een afbeelding is de grens ${describeSize(MAX_IMAGE_BYTES)}`);
  if (!read.ok) {
    const hint = read.problem === 'te-groot' ? 'Verklein de afbeelding (minder pixels, of JPEG voor een foto), of voeg haar als PDF-bijlage toe.' : read.hint;
    return problem(read.message, hint);
  }
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const check = checkImage(read.bytes);
  if (!check.ok) {
    return { absPath: read.realPath, sha256, ...problem(check.message, 'Sla de afbeelding opnieuw op als PNG, JPEG of SVG (bijvoorbeeld vanuit een tekenprogramma), kleiner dan 8000 pixels per zijde, en verwijs daarnaar.') };
  }
  return { absPath: read.realPath, sha256, format: check.format, width: check.width, height: check.height };
}

/**
 * The images of an item's body (the item file lies in the meeting folder), each with its file's
 * facts or the reason it cannot be printed. One at a time: a body may hold many.
 */
export async function loadBodyImages(absFile: string, body: string, bodyLine: number): Promise<BodyImage[]> {
  const cache = new Map<string, Promise<Partial<BodyImage>>>();
  const out: BodyImage[] = [];
  for (const found of findImages(body, bodyLine)) out.push(await inspectImage(path.dirname(absFile), path.dirname(absFile), found, cache));
  return out;
}

/** An item's Markdown body, where it starts, and its images. */
export async function loadBody(absFile: string, split: { body: string; bodyLine: number }): Promise<Pick<Agendapunt, 'body' | 'bodyLine' | 'images'>> {
  return { body: split.body, bodyLine: split.bodyLine, images: await loadBodyImages(absFile, split.body, split.bodyLine) };
}
