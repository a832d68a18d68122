// What an image file is (the logo, an image in a memo), checked before the layout engine sees it: a
// PNG (decoded in full, bounded by its declared size), a JPEG (its segments walked to the image data),
// a GIF, or an SVG (well-formed, nothing it would fetch or run); and how big. The limits keep a small
// file from unpacking into gigabytes in the layout (a decompression bomb).

import { inflateSync } from 'node:zlib';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const MAX_LOGO_SIDE = 8000;
export const MAX_LOGO_PIXELS = 16_000_000;
/** An image in a memo may be a photo: a larger file, the same pixel limits. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type ImageCheck = { ok: true; format: 'png' | 'jpeg' | 'gif' | 'svg'; width?: number; height?: number } | { ok: false; message: string };

const bad = (message: string): ImageCheck => ({ ok: false, message });

function bounded(format: 'png' | 'jpeg' | 'gif', width: number, height: number): ImageCheck {
  if (width < 1 || height < 1) return bad(`Het ${format.toUpperCase()}-bestand zegt dat het beeld ${width} × ${height} pixels is.`);
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE || width * height > MAX_LOGO_PIXELS) {
    return bad(`Het beeld is ${width} × ${height} pixels; de grens is ${MAX_LOGO_SIDE} pixels per zijde en ${MAX_LOGO_PIXELS / 1_000_000} miljoen pixels.`);
  }
  return { ok: true, format, width, height };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function checkPng(b: Buffer): ImageCheck {
  if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR') return bad('Het PNG-bestand is onvolledig (geen IHDR).');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const depth = b[24];
  const channels = CHANNELS[b[25]];
  const interlaced = b[28] === 1;
  const size = bounded('png', width, height);
  if (!size.ok) return size;
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) return bad(`Het PNG-bestand heeft een onbekende kleurindeling (type ${b[25]}, ${depth} bits).`);
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > b.length) return bad('Het PNG-bestand is onvolledig (afgebroken).');
    if (type === 'IDAT') data.push(b.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (data.length === 0) return bad('Het PNG-bestand bevat geen beeldgegevens.');
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const expected = height * (1 + rowBytes);
  // Interlaced rows are spread over seven passes, each row with its own filter byte: a little more.
  const limit = interlaced ? expected + 7 * height + 7 * 8 : expected;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: limit + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return bad(code === 'ERR_BUFFER_TOO_LARGE' ? 'Het PNG-bestand pakt uit tot meer dan het beeld groot is (een decompressiebom?).' : 'De beeldgegevens van het PNG-bestand zijn beschadigd.');
  }
  if (raw.length > limit || (!interlaced && raw.length !== expected)) return bad('De beeldgegevens van het PNG-bestand kloppen niet met de afmetingen.');
  return size;
}

function checkJpeg(b: Buffer): ImageCheck {
  let size: ImageCheck | undefined;
  for (let at = 2; at + 4 <= b.length; ) {
    if (b[at] !== 0xff) return bad('Het JPEG-bestand is beschadigd.');
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) return bad('Het JPEG-bestand is onvolledig (afgebroken).');
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (length < 8) return bad('Het JPEG-bestand is beschadigd.');
      size = bounded('jpeg', b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
      if (!size.ok) return size;
    }
    if (marker === 0xda) {
      if (!size) return bad('Het JPEG-bestand heeft geen afmetingen vóór de beeldgegevens.');
      return size;
    }
    at += 2 + length;
  }
  return bad('Het JPEG-bestand is onvolledig: de beeldgegevens ontbreken.');
}

function checkSvg(b: Buffer): ImageCheck {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return bad('Het SVG-bestand is geen geldige UTF-8-tekst.');
  }
  if (!/<svg[\s>]/.test(text)) return bad('Het bestand is geen SVG-afbeelding (geen `<svg>`).');
  const problem = xmlProblem(text);
  if (problem) return bad(`Het SVG-bestand is geen geldige XML: ${problem}.`);
  const unsafe = svgUnsafe(text);
  return unsafe ? bad(`Het SVG-bestand ${unsafe}; bundel gebruikt alleen SVG's die op zichzelf staan.`) : { ok: true, format: 'svg' };
}

/** Elements that run code, embed other documents or media: never in a printed image. */
const UNSAFE_ELEMENTS = /<\s*(script|foreignObject|iframe|embed|object|audio|video|handler|listener)\b/i;

/**
 * What in an SVG would reach outside the file or run code: a script, a foreign object, an event
 * attribute, a link or `url(…)` to anything but an element of the same file (`#id`; a `data:` URI
 * is refused too: it bypasses the image checks), a style `@import`, a stylesheet instruction or
 * DTD entities. Said as the end of a Dutch sentence ("bevat …"); undefined when there is none.
 */
export function svgUnsafe(text: string): string | undefined {
  const element = UNSAFE_ELEMENTS.exec(text);
  if (element) return `bevat een \`<${element[1]}>\`-element (script of ingesloten inhoud)`;
  if (/<!DOCTYPE[^>]*\[|<!ENTITY/i.test(text)) return 'bevat een DTD met entiteiten';
  if (/<\?xml-stylesheet/i.test(text)) return 'verwijst naar een stylesheet (`<?xml-stylesheet`)';
  if (/@import/i.test(text)) return 'haalt een stylesheet op (`@import`)';
  const event = /\s(on[a-z]+)\s*=/i.exec(text);
  if (event) return `bevat een script in het attribuut \`${event[1]}\``;
  for (const m of text.matchAll(/\s((?:[\w-]+:)?href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const target = (m[2] ?? m[3] ?? '').trim();
    if (!target.startsWith('#')) return `verwijst naar \`${shorten(target)}\` (attribuut \`${m[1]}\`) buiten het bestand`;
  }
  for (const m of text.matchAll(/url\(\s*(?:&quot;|["'])?\s*([^"')\s&]*)/gi)) {
    if (!m[1].startsWith('#')) return `verwijst naar \`${shorten(m[1])}\` (in \`url(…)\`) buiten het bestand`;
  }
  return undefined;
}

const shorten = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** The first tag that does not close, or closes the wrong element: a linear scan, no parser. */
function xmlProblem(text: string): string | undefined {
  const open: string[] = [];
  const skip = (from: number, end: string): number => {
    const at = text.indexOf(end, from);
    return at < 0 ? text.length : at + end.length;
  };
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i)) {
    if (text.startsWith('<!--', i)) i = skip(i + 4, '-->');
    else if (text.startsWith('<![CDATA[', i)) i = skip(i + 9, ']]>');
    else if (text.startsWith('<?', i)) i = skip(i + 2, '?>');
    else if (text.startsWith('<!', i)) i = skip(i + 2, '>');
    else {
      const closing = text[i + 1] === '/';
      const name = /^[A-Za-z_][\w:.-]*/.exec(text.slice(i + (closing ? 2 : 1), i + 200))?.[0];
      if (!name) return `een losse \`<\` op positie ${i}`;
      // To the end of the tag, past quoted attribute values.
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const ch = text[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      if (j >= text.length) return `de tag \`<${name}\` wordt niet gesloten`;
      if (closing) {
        const expected = open.pop();
        if (expected !== name) return expected ? `\`</${name}>\` sluit \`<${expected}>\`` : `\`</${name}>\` zonder begin`;
      } else if (text[j - 1] !== '/') open.push(name);
      i = j + 1;
    }
  }
  return open.length > 0 ? `\`<${open.at(-1)}>\` wordt niet gesloten` : undefined;
}

/** What the bytes of an image are, and whether the layout can use them within the limits. */
export function checkImage(bytes: Buffer): ImageCheck {
  if (bytes.length === 0) return bad('Het bestand is leeg (0 bytes).');
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return checkPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes);
  const head = bytes.toString('latin1', 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return bytes.length < 10 ? bad('Het GIF-bestand is onvolledig.') : bounded('gif', bytes.readUInt16LE(6), bytes.readUInt16LE(8));
  const start = bytes.toString('utf8', 0, 512).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return checkSvg(bytes);
  return bad('Het bestand is geen PNG, JPEG, GIF of SVG.');
}
