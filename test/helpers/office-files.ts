// Small hand-made container files for the format checks: an OLE2 compound file with the given
// directory names, and ZIP archives with chosen parts.

import { zipSync } from 'fflate';

/** A minimal OLE2 file (512-byte sectors): header, one FAT sector, one directory sector. */
export function ole2File(names: string[]): Uint8Array {
  if (names.length > 3) throw new Error('at most 3 names fit in one directory sector besides the root');
  const file = new Uint8Array(512 * 3);
  const v = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // one FAT sector
  v.setUint32(0x30, 1, true); // directory starts in sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  v.setUint32(fat + 4, 0xfffffffe, true); // sector 1, the directory, ends its chain
  const dir = 1024;
  ['Root Entry', ...names].forEach((name, i) => {
    const at = dir + i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    file.set(utf16, at);
    v.setUint16(at + 64, utf16.length, true);
    file[at + 66] = i === 0 ? 5 : 2;
  });
  return file;
}

export function zipFile(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, new TextEncoder().encode(text)])), { level: 0 });
}

/** A one-page 8-bit greyscale TIFF whose single strip is `strip`, stored as Deflate-compressed. */
export function deflateTiff(width: number, height: number, strip: Uint8Array): Uint8Array {
  const entries: [number, number, number][] = [
    [256, 3, width], [257, 3, height], [258, 3, 8], [259, 3, 8], [262, 3, 1],
    [273, 4, 8], [277, 3, 1], [278, 3, height], [279, 4, strip.length],
  ];
  const ifdAt = 8 + strip.length + (strip.length % 2);
  const file = Buffer.alloc(ifdAt + 2 + entries.length * 12 + 4);
  file.write('II', 0, 'latin1');
  file.writeUInt16LE(42, 2);
  file.writeUInt32LE(ifdAt, 4);
  file.set(strip, 8);
  file.writeUInt16LE(entries.length, ifdAt);
  entries.forEach(([tag, type, value], i) => {
    const at = ifdAt + 2 + i * 12;
    file.writeUInt16LE(tag, at);
    file.writeUInt16LE(type, at + 2);
    file.writeUInt32LE(1, at + 4);
    if (type === 3) file.writeUInt16LE(value, at + 8);
    else file.writeUInt32LE(value, at + 8);
  });
  return new Uint8Array(file);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** An 8-bit RGB PNG of `width` × `height` whose IDAT holds `idat` (zlib data, as given). */
export function pngFile(width: number, height: number, idat: Uint8Array): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]));
}
