// Sizes, frames and orientation of PNG, JPEG and TIFF files, read from their headers alone, so
// lint can refuse a damaged image or a decompression bomb without decoding a single pixel.

/** One frame (page) of an image: stored size in pixels and EXIF/TIFF orientation (1–8). */
export interface Frame {
  width: number;
  height: number;
  orientation: number;
}

export type ImageInfo = { ok: true; frames: Frame[] } | { ok: false; detail: string };

/** One side: more than any scanner or camera makes (A0 at 600 dpi is 19 866 px). */
export const MAX_SIDE = 30_000;
/** One frame: A3 at 600 dpi is 70 megapixels. Decoded, a frame takes up to 4 bytes a pixel. */
export const MAX_FRAME_PIXELS = 100_000_000;
/** All frames of one file together. */
export const MAX_TOTAL_PIXELS = 400_000_000;
export const MAX_FRAMES = 1000;

const fail = (detail: string): ImageInfo => ({ ok: false, detail });

function pngInfo(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length < 33 || Buffer.from(b.subarray(12, 16)).toString('latin1') !== 'IHDR') return fail('geen IHDR-blok');
  return { ok: true, frames: [{ width: v.getUint32(16), height: v.getUint32(20), orientation: 1 }] };
}

/** The Orientation tag (274) in a TIFF structure starting at `base` (a TIFF file or an EXIF block). */
function tiffOrientation(v: DataView, base: number, ifd: number, le: boolean): number {
  if (base + ifd + 2 > v.byteLength) return 1;
  const count = v.getUint16(base + ifd, le);
  for (let i = 0; i < count && i < 1000; i++) {
    const at = base + ifd + 2 + i * 12;
    if (at + 12 > v.byteLength) break;
    if (v.getUint16(at, le) === 274) {
      const o = v.getUint16(at + 8, le);
      return o >= 1 && o <= 8 ? o : 1;
    }
  }
  return 1;
}

function jpegInfo(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let orientation = 1;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return fail(`onverwachte byte op positie ${at}`);
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = v.getUint16(at + 2);
    if (marker === 0xe1 && Buffer.from(b.subarray(at + 4, at + 10)).toString('latin1') === 'Exif\0\0') {
      const base = at + 10;
      if (base + 8 <= b.length) {
        const le = b[base] === 0x49;
        orientation = tiffOrientation(v, base, v.getUint32(base + 4, le), le);
      }
    }
    // Start of frame (baseline, progressive, …; not DHT C4, JPG C8, DAC CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > b.length) break;
      return { ok: true, frames: [{ height: v.getUint16(at + 5), width: v.getUint16(at + 7), orientation }] };
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return fail('geen beeldkop (SOF) gevonden');
}

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8 };

function tiffInfo(b: Uint8Array): ImageInfo {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[0] === 0x49;
  if (v.getUint16(2, le) !== 42) return fail('BigTIFF of onbekende TIFF-variant');
  const frames: Frame[] = [];
  const seen = new Set<number>();
  let ifd = v.getUint32(4, le);
  while (ifd !== 0) {
    if (seen.has(ifd)) return fail('de lijst van bladen loopt in een kring');
    if (frames.length >= MAX_FRAMES) return fail(`meer dan ${MAX_FRAMES} bladen`);
    seen.add(ifd);
    if (ifd + 2 > b.length) return fail('een blad ligt buiten het bestand');
    const count = v.getUint16(ifd, le);
    if (ifd + 2 + count * 12 + 4 > b.length) return fail('een blad ligt buiten het bestand');
    const frame: Frame = { width: 0, height: 0, orientation: 1 };
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const tag = v.getUint16(at, le);
      const type = v.getUint16(at + 2, le);
      const n = v.getUint32(at + 4, le);
      // The decoder reads `n` values wherever the entry points: they must fit in the file.
      if (n * (TYPE_SIZES[type] ?? 1) > b.length) return fail(`veld ${tag} is groter dan het bestand`);
      const value = type === 3 ? v.getUint16(at + 8, le) : v.getUint32(at + 8, le);
      if (tag === 256) frame.width = value;
      else if (tag === 257) frame.height = value;
      else if (tag === 274 && value >= 1 && value <= 8) frame.orientation = value;
    }
    if (frame.width === 0 || frame.height === 0) return fail(`blad ${frames.length + 1} heeft geen breedte of hoogte`);
    frames.push(frame);
    ifd = v.getUint32(ifd + 2 + count * 12, le);
  }
  return frames.length > 0 ? { ok: true, frames } : fail('geen bladen');
}

/** Header facts of an image whose format (by magic bytes) is `ext`: png, jpeg or tiff. */
export function imageInfo(bytes: Uint8Array, ext: string): ImageInfo {
  if (bytes.length < 16) return fail('het bestand is te kort');
  const info = ext === 'png' ? pngInfo(bytes) : ext === 'jpeg' ? jpegInfo(bytes) : tiffInfo(bytes);
  if (!info.ok) return info;
  for (const f of info.frames) if (f.width === 0 || f.height === 0) return fail('breedte of hoogte is 0');
  return info;
}

/** Why these frames are too large to decode safely, in Dutch, or undefined. */
export function tooLarge(frames: readonly Frame[]): string | undefined {
  const mp = (n: number): string => `${Math.round(n / 1_000_000)} megapixel`;
  let total = 0;
  for (const [i, f] of frames.entries()) {
    const where = frames.length > 1 ? `blad ${i + 1} is` : 'hij is';
    if (f.width > MAX_SIDE || f.height > MAX_SIDE) return `${where} ${f.width} × ${f.height} pixels; de grens is ${MAX_SIDE} pixels per zijde`;
    if (f.width * f.height > MAX_FRAME_PIXELS) return `${where} ${mp(f.width * f.height)}; de grens is ${mp(MAX_FRAME_PIXELS)}`;
    total += f.width * f.height;
  }
  if (total > MAX_TOTAL_PIXELS) return `de ${frames.length} bladen zijn samen ${mp(total)}; de grens is ${mp(MAX_TOTAL_PIXELS)}`;
  return undefined;
}
