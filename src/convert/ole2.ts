// The names in an OLE2 compound file's directory (old .doc/.xls/.ppt, and password-protected OOXML,
// which Office stores as an OLE2 file with `EncryptionInfo` and `EncryptedPackage` streams).
// Reads only the header, the FAT sectors and the directory chain; every step is bounded.

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** More directory sectors than any real document has (each holds 4 or 32 entries). */
const MAX_DIRECTORY_SECTORS = 4096;

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Stream and storage names in the directory, or undefined when the file is not a readable OLE2 file. */
export function ole2Names(bytes: Uint8Array): string[] | undefined {
  if (!isOle2(bytes)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const u32 = (at: number): number | undefined => (at + 4 <= bytes.length ? view.getUint32(at, true) : undefined);

  // The FAT sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = view.getUint32(0x2c, true);
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) {
    const s = u32(0x4c + i * 4);
    if (s === undefined || s === FREE) break;
    fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && fatSectors.length < fatCount && guard < 1024; guard++) {
    const base = sectorAt(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) {
      const s = u32(base + i * 4);
      if (s === undefined) return undefined;
      if (s !== FREE) fatSectors.push(s);
    }
    const next = u32(base + perSector * 4);
    if (next === undefined) return undefined;
    difat = next;
  }
  const nextSector = (n: number): number | undefined => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(n / perSector)];
    return fat === undefined ? undefined : u32(sectorAt(fat) + (n % perSector) * 4);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector = view.getUint32(0x30, true);
  while (sector !== END_OF_CHAIN) {
    if (seen.has(sector) || seen.size >= MAX_DIRECTORY_SECTORS) return undefined;
    seen.add(sector);
    const base = sectorAt(sector);
    if (base + sectorSize > bytes.length) return undefined;
    for (let at = base; at < base + sectorSize; at += 128) {
      const type = bytes[at + 66];
      const length = view.getUint16(at + 64, true);
      if (type === 0 || length < 2 || length > 64) continue;
      names.push(Buffer.from(bytes.subarray(at, at + length - 2)).toString('utf16le'));
    }
    const next = nextSector(sector);
    if (next === undefined) return undefined;
    sector = next;
  }
  return names;
}
