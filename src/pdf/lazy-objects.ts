// The lazy reader's object table: a Map that pdf-lib's PDFContext uses as its table of indirect
// objects, and that parses an object only when it is first looked up, at the offset the
// cross-reference data gives (or from its object stream, decoded once within the decode budget),
// with pdf-lib's own object parser. Stream data stays a view of the file's bytes (no copy).
//
// Nothing here guesses: an object the cross-reference data does not promise, a header that does not
// name the object, a parse error or the time budget running out marks the table `surprised`, and the
// caller (analyse.ts) then reads the file whole with pdf-lib as before.

import { PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFContext, type PDFObject } from '@cantoo/pdf-lib';
import { decodeBounded, type DecodeBudget } from './decode.js';
import { LazyParser } from './lazy-parser.js';
import { scanIndirect, type RawScan } from './raw-object.js';

/** Where an object is: at a byte offset in the file, or as member of an object stream. */
export type XrefEntry = { offset: number; gen: number } | { stream: number; index: number };

/** What lazy-xref.ts reads from the cross-reference data. */
export interface XrefData {
  entries: Map<number, XrefEntry>;
  /** The trailer entries pdf-lib keeps, the newest section's first. */
  trailer: { Size?: PDFNumber; Root?: PDFObject; Encrypt?: PDFObject; Info?: PDFObject; ID?: PDFObject };
  startXref: number;
}

interface ObjectStream {
  parser: LazyParser;
  /** Object number → offset of its object in the decoded data. */
  offsets: Map<number, number>;
}

export class LazyObjects extends Map<PDFRef, PDFObject> {
  /** Why the lazy reading cannot be trusted (set once, never cleared). */
  surprised?: string;
  /** After this (performance.now()), loading an object is a surprise: the full parse has the time budget. */
  deadline = Infinity;
  /** Called with every object as it is loaded. */
  onLoad?: (ref: PDFRef, object: PDFObject) => void;
  /** Objects scanned as bytes (raw-object.ts); null where the scanner left the object to pdf-lib. */
  private readonly scans = new Map<PDFRef, RawScan | null>();
  private readonly deleted = new Set<PDFRef>();
  private readonly streams = new Map<number, ObjectStream | undefined>();
  private complete = false;

  constructor(
    private readonly xref: XrefData,
    private readonly parser: LazyParser,
    private readonly budget: DecodeBudget,
    /** The file's bytes (what the cross-reference offsets count in). */
    readonly bytes: Uint8Array = new Uint8Array(0),
  ) {
    super();
  }

  /** The object if it was loaded (parsed by pdf-lib), without loading it. */
  peek(ref: PDFRef): PDFObject | undefined {
    return super.get(ref);
  }

  /**
   * Scan `ref` as bytes (no pdf-lib objects made) when it is not loaded, sits at an offset the
   * cross-reference data gives, and the scanner writes it itself; else undefined (load it instead).
   */
  scan(ref: PDFRef): RawScan | undefined {
    const have = this.scans.get(ref);
    if (have !== undefined) return have ?? undefined;
    if (super.get(ref) !== undefined || this.deleted.has(ref) || performance.now() > this.deadline) return undefined;
    const entry = this.xref.entries.get(ref.objectNumber);
    const scan = entry && 'offset' in entry && entry.gen === ref.generationNumber ? scanIndirect(this.bytes, entry.offset, ref.objectNumber, entry.gen) : undefined;
    this.scans.set(ref, scan ?? null);
    return scan;
  }

  /**
   * The scan of `ref` for the raw copy: an object reached only by the build's walk (loadReachable),
   * never parsed into pdf-lib objects and so never changed by the checks or their repairs. Whatever
   * was parsed is written from its pdf-lib object, which is quicker than scanning it again.
   */
  bytesOf(ref: PDFRef): RawScan | undefined {
    return super.get(ref) === undefined && !this.deleted.has(ref) ? (this.scans.get(ref) ?? undefined) : undefined;
  }

  /** The largest object number the cross-reference data names. */
  largestObjectNumber(): number {
    let max = 0;
    for (const num of this.xref.entries.keys()) if (num > max) max = num;
    return max;
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const have = super.get(ref);
    if (have !== undefined || this.deleted.has(ref)) return have;
    return this.load(ref);
  }

  override has(ref: PDFRef): boolean {
    return this.get(ref) !== undefined;
  }

  override set(ref: PDFRef, object: PDFObject): this {
    this.deleted.delete(ref);
    return super.set(ref, object);
  }

  override delete(ref: PDFRef): boolean {
    this.deleted.add(ref);
    return super.delete(ref);
  }

  /** The objects loaded so far (no loading). */
  loaded(): [PDFRef, PDFObject][] {
    return [...super.entries()];
  }

  // Whatever walks the whole table gets the whole table.
  override entries(): MapIterator<[PDFRef, PDFObject]> {
    this.loadAll();
    return super.entries();
  }
  override keys(): MapIterator<PDFRef> {
    this.loadAll();
    return super.keys();
  }
  override values(): MapIterator<PDFObject> {
    this.loadAll();
    return super.values();
  }
  override forEach(fn: (value: PDFObject, key: PDFRef, map: Map<PDFRef, PDFObject>) => void, thisArg?: unknown): void {
    this.loadAll();
    super.forEach(fn, thisArg);
  }
  override [Symbol.iterator](): MapIterator<[PDFRef, PDFObject]> {
    return this.entries();
  }

  private loadAll(): void {
    if (this.complete) return;
    this.complete = true;
    for (const [num, entry] of this.xref.entries) {
      const ref = PDFRef.of(num, 'offset' in entry ? entry.gen : 0);
      if (!this.deleted.has(ref) && super.get(ref) === undefined) this.load(ref);
    }
  }

  /**
   * Decode every object stream in the file (bounded), as the full parse does at load: a bomb in one
   * that nothing reads is still a bomb. Each `/ObjStm` in the file must belong to an object stream
   * the cross-reference data names; false when one does not or cannot be opened.
   */
  openAllStreams(bytes: Uint8Array): boolean {
    const numbers = new Set<number>();
    for (const entry of this.xref.entries.values()) if ('stream' in entry) numbers.add(entry.stream);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const starts: [number, number][] = [];
    for (const [num, entry] of this.xref.entries) if ('offset' in entry) starts.push([entry.offset, num]);
    starts.sort((a, b) => a[0] - b[0]);
    for (let at = buf.indexOf('/ObjStm'); at >= 0; at = buf.indexOf('/ObjStm', at + 7)) {
      // The object the mention lies in: the last one that starts before it.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]![0] <= at) lo = mid;
        else hi = mid - 1;
      }
      if (starts.length === 0 || starts[lo]![0] > at) return this.refuse('/ObjStm buiten de objecten');
      numbers.add(starts[lo]![1]);
    }
    for (const num of numbers) {
      if (!this.streams.has(num)) this.streams.set(num, this.openStream(num));
      if (!this.streams.get(num)) return this.refuse(`objectstroom ${num} onleesbaar`);
    }
    return !this.surprised;
  }

  private refuse(reason: string): false {
    this.fail(reason);
    return false;
  }

  private fail(reason: string): undefined {
    this.surprised ??= reason;
    return undefined;
  }

  private load(ref: PDFRef): PDFObject | undefined {
    const entry = this.xref.entries.get(ref.objectNumber);
    if (!entry) return this.fail(`${ref} staat niet in de xref`);
    if (performance.now() > this.deadline) return this.fail('tijd op');
    let object: PDFObject | undefined;
    // pdf-lib warns on the console about numbers too large for some readers; the full parse collects
    // such warnings unseen (guard.ts), and so does this.
    const warn = console.warn;
    console.warn = () => {};
    try {
      if ('offset' in entry) object = entry.gen === ref.generationNumber ? this.parser.indirectAt(entry.offset, { num: ref.objectNumber, gen: entry.gen }) : undefined;
      else object = ref.generationNumber === 0 ? this.member(entry.stream, ref.objectNumber) : undefined;
    } catch (err) {
      return this.fail(`${ref}: ${(err as Error).message}`);
    } finally {
      console.warn = warn;
    }
    if (object === undefined) return this.fail(`${ref} niet gevonden waar de xref zegt`);
    super.set(ref, object);
    this.onLoad?.(ref, object);
    return object;
  }

  private member(streamNum: number, num: number): PDFObject | undefined {
    if (!this.streams.has(streamNum)) this.streams.set(streamNum, this.openStream(streamNum));
    const stream = this.streams.get(streamNum);
    const at = stream?.offsets.get(num);
    return at === undefined ? undefined : stream!.parser.objectAt(at);
  }

  /** An object stream, decoded within the budget, and its header read. */
  private openStream(num: number): ObjectStream | undefined {
    const raw = this.get(PDFRef.of(num, 0));
    if (!(raw instanceof PDFRawStream) || raw.dict.get(PDFName.of('Type')) !== PDFName.of('ObjStm')) return undefined;
    const first = raw.dict.get(PDFName.of('First'));
    const n = raw.dict.get(PDFName.of('N'));
    if (!(first instanceof PDFNumber) || !(n instanceof PDFNumber)) return undefined;
    const decoded = decodeBounded(raw, this.budget.limitFor(raw.contents.length));
    if (!decoded.ok || decoded.damaged) return undefined;
    this.budget.spend(decoded.bytes.length);
    const count = n.asNumber();
    // Each entry of the header takes at least four bytes (`1 0 `).
    if (!Number.isInteger(count) || count < 0 || count > decoded.bytes.length / 4 + 1) return undefined;
    const parser = new LazyParser(decoded.bytes, raw.dict.context);
    // Later entries of the header win, as in pdf-lib's own parse.
    const offsets = new Map(parser.pairsAt(0, count).map(([obj, off]) => [obj, first.asNumber() + off]));
    return { parser, offsets };
  }
}

/** The lazy table of a lazily read document's context (lazy-load.ts), if it is one. */
export function lazyObjectsOf(context: PDFContext): LazyObjects | undefined {
  const table = (context as unknown as { indirectObjects: unknown }).indirectObjects;
  return table instanceof LazyObjects ? table : undefined;
}
