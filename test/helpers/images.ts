// Small real image files for tests of images in a memo: a PNG, a JPEG (jpeg-js) and an SVG.

import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { pngFile } from './office-files.js';

/** An RGB PNG with a diagonal gradient (so it compresses to something real). */
export function gradientPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc(height * (1 + 3 * width));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + 3 * width);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 160], row + 1 + 3 * x);
  }
  return pngFile(width, height, deflateSync(raw));
}

export function photoJpeg(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i % width) % 256, 120, (i / width) % 256, 255], i * 4);
  return new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
}

export const SCHEMA_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120">
  <rect x="10" y="10" width="180" height="100" fill="#17375e"/>
  <rect x="210" y="10" width="180" height="100" fill="#c5ccd4"/>
</svg>
`;
