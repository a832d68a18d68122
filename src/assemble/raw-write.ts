// Write the bundle: pdf-lib's own objects (rendered parts, page dictionaries, outline, structure
// tree, stamps) and the raw-copied attachment objects (raw-copy.ts) in one file, in object number
// order, with one cross-reference table. Without raw objects it is pdf-lib's own save, as before.

import { PDFRef, type PDFDocument } from '@cantoo/pdf-lib';
import { ByteChunks } from '../model/output-file.js';
import type { RawScan } from '../pdf/raw-object.js';

/** One raw-copied object: `head` (up to `stream\n`, or the whole object), stream `data`, `tail`. */
export interface RawObject {
  num: number;
  head: string;
  data?: Uint8Array;
  tail?: string;
  /** Written from the source file's bytes (objectFromScan), not from a pdf-lib object. */
  scanned?: true;
}

/**
 * An object scanned from its source file (raw-object.ts: written as pdf-lib writes it), its
 * references renumbered by `to` (null for what is not copied); stream data a view of the file.
 */
export function objectFromScan(num: number, scan: RawScan, file: Uint8Array, to: (ref: PDFRef) => PDFRef | undefined): RawObject {
  const { parts, refs } = scan;
  let head = `${num} 0 obj\n${parts[0]}`;
  for (let i = 0; i < refs.length; i += 2) {
    const target = to(PDFRef.of(refs[i]!, refs[i + 1]!));
    head += (target ? `${target.objectNumber} ${target.generationNumber} R` : 'null') + parts[i / 2 + 1];
  }
  if (!scan.data) return { num, head: `${head}\nendobj\n\n`, scanned: true };
  return { num, head: `${head}\nstream\n`, data: file.subarray(scan.data[0], scan.data[1]), tail: '\nendstream\nendobj\n\n', scanned: true };
}

const rawObjects = new WeakMap<PDFDocument, RawObject[]>();

export function addRawObjects(doc: PDFDocument, objects: readonly RawObject[]): void {
  const list = rawObjects.get(doc) ?? [];
  list.push(...objects);
  rawObjects.set(doc, list);
}

/** How many objects of `doc` were copied raw (`scanned`: of those, how many from the files' bytes). */
export function rawObjectCount(doc: PDFDocument, scanned = false): number {
  return (rawObjects.get(doc) ?? []).filter((o) => !scanned || o.scanned).length;
}

// objectsPerTick: pdf-lib otherwise yields with setTimeout every 50 objects (about 0.4 s per 2000 pages).
const SAVE_OPTIONS = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity } as const;

type Preparable = { prepareForSave(options: { addDefaultPage: boolean; updateFieldAppearances: boolean }): Promise<void> };

const BLOCK = 1 << 18;

/**
 * The file as pieces: the text and pdf-lib's serialised objects copied into shared 256 KiB blocks,
 * the raw objects' stream data kept as the views of the source files they are. A bundle of 2000 pages is ~100 000
 * parts; as separate buffers they cost ~10 MiB of heap at the peak of the build.
 */
class Pieces {
  offset = 0;
  private readonly chunks: Uint8Array[] = [];
  private block = Buffer.allocUnsafe(BLOCK);
  private start = 0;
  private fill = 0;

  /** Make room for `n` bytes in the current block; false when they go in a piece of their own. */
  private room(n: number): boolean {
    if (n > BLOCK / 4) {
      this.cut();
      return false;
    }
    if (this.fill + n > BLOCK) {
      this.cut();
      this.block = Buffer.allocUnsafe(BLOCK);
      this.start = this.fill = 0;
    }
    return true;
  }

  private cut(): void {
    if (this.fill > this.start) this.chunks.push(this.block.subarray(this.start, this.fill));
    this.start = this.fill;
  }

  text(s: string): void {
    if (this.room(s.length)) this.fill += this.block.write(s, this.fill, 'latin1');
    else this.chunks.push(Buffer.from(s, 'latin1'));
    this.offset += s.length;
  }

  /** Kept as it is: a copy would hold stream data the source files hold already. */
  view(b: Uint8Array): void {
    this.cut();
    this.chunks.push(b);
    this.offset += b.length;
  }

  object(obj: { sizeInBytes(): number; copyBytesInto(buffer: Uint8Array, offset: number): number }): void {
    const n = obj.sizeInBytes();
    if (this.room(n)) {
      obj.copyBytesInto(this.block, this.fill);
      this.fill += n;
    } else {
      const body = new Uint8Array(n);
      obj.copyBytesInto(body, 0);
      this.chunks.push(body);
    }
    this.offset += n;
  }

  finish(): ByteChunks {
    this.cut();
    return new ByteChunks(this.chunks);
  }
}

/**
 * The bundle's bytes. With raw objects they stay in the pieces they were made in (the raw objects'
 * stream data are views of the source files): the write step writes them in order, and the 24 MB of
 * the bench meeting are never joined into one more buffer.
 */
export async function saveBundle(doc: PDFDocument): Promise<Uint8Array | ByteChunks> {
  const raw = rawObjects.get(doc);
  if (!raw || raw.length === 0) return doc.save(SAVE_OPTIONS);
  // What save does before writing: embed fonts (the stamp's subset), keep Info and XMP in step.
  const prepare = (doc as unknown as Preparable).prepareForSave;
  if (typeof prepare !== 'function') throw new Error('pdf-lib: PDFDocument.prepareForSave bestaat niet meer');
  await prepare.call(doc, { addDefaultPage: false, updateFieldAppearances: false });
  const ctx = doc.context;
  if (ctx.security) throw new Error('een versleutelde bundel kan niet met ruw gekopieerde bijlagen worden geschreven');

  const out = new Pieces();
  const offsets = new Map<number, number>();
  out.object(ctx.header);
  out.text('\n\n');

  const own = ctx.enumerateIndirectObjects();
  const copied = [...raw].sort((a, b) => a.num - b.num);
  let i = 0;
  let j = 0;
  while (i < own.length || j < copied.length) {
    if (j >= copied.length || (i < own.length && own[i]![0].objectNumber < copied[j]!.num)) {
      const [ref, obj] = own[i++]!;
      offsets.set(ref.objectNumber, out.offset);
      out.text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      out.object(obj);
      out.text('\nendobj\n\n');
    } else {
      const o = copied[j++]!;
      if (offsets.has(o.num)) throw new Error(`objectnummer ${o.num} dubbel in de bundel`);
      offsets.set(o.num, out.offset);
      out.text(o.head);
      if (o.data) out.view(o.data);
      if (o.tail) out.text(o.tail);
    }
  }

  // One table in runs of consecutive numbers (numbers freed in between are left out, as pdf-lib does).
  const used = [...offsets.keys()].sort((a, b) => a - b);
  let size = ctx.largestObjectNumber;
  for (const n of used) if (n > size) size = n;
  size += 1;
  const xrefAt = out.offset;
  const lines: string[] = ['xref', '0 1', '0000000000 65535 f '];
  for (let k = 0; k < used.length; ) {
    let end = k + 1;
    while (end < used.length && used[end] === used[end - 1]! + 1) end++;
    lines.push(`${used[k]} ${end - k}`);
    for (; k < end; k++) lines.push(`${String(offsets.get(used[k]!)).padStart(10, '0')} 00000 n `);
  }
  const trailer = ctx.obj({ Size: size, Root: ctx.trailerInfo.Root, Info: ctx.trailerInfo.Info, ID: ctx.trailerInfo.ID });
  lines.push('trailer', trailer.toString(), 'startxref', String(xrefAt), '%%EOF');
  out.text(lines.join('\n'));
  return out.finish();
}
