// The object scanner (src/pdf/raw-object.ts) against pdf-lib's parser as the oracle: for every object
// of the corpus, the fixtures and a sample of the bench meeting that the scanner accepts, pdf-lib
// parses the same object, with the same references in the same order, the same stream data, and
// pdf-lib's writer (as the raw copy writes pdf-lib objects) gives the very text the scanner wrote.
// Whole builds are compared byte for byte in lazy-reader.test.ts (lazy reading, where the copy
// writes scanned objects, against the full parse, where it writes pdf-lib's).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPagesRaw } from '../../src/assemble/raw-copy.js';
import { rawObjectCount, saveBundle } from '../../src/assemble/raw-write.js';
import { ByteChunks } from '../../src/model/output-file.js';
import { inspectPdfBytes } from '../../src/pdf/inspect.js';
import { LazyParser } from '../../src/pdf/lazy-parser.js';
import { readXref } from '../../src/pdf/lazy-xref.js';
import { scanIndirect, type RawScan } from '../../src/pdf/raw-object.js';
import { CORPUS } from '../helpers/corpus.js';
import { generateMeeting } from '../helpers/meetings.js';
import { FIXTURES } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

const LENGTH = PDFName.of('Length');

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? pdfsUnder(file) : name.toLowerCase().endsWith('.pdf') ? [file] : [];
  });
}

/** pdf-lib's object as the raw copy writes it (raw-copy.ts, Renumber.write), references as `⟨n g⟩`. */
function written(v: PDFObject, length?: number): string {
  if (v instanceof PDFRef) return `⟨${v.objectNumber} ${v.generationNumber}⟩`;
  if (v instanceof PDFDict) {
    let s = '<<';
    for (const [k, value] of v.entries()) if (length === undefined || k !== LENGTH) s += `${k.toString()} ${written(value)}\n`;
    return `${s}${length === undefined ? '' : `/Length ${length}\n`}>>`;
  }
  if (v instanceof PDFArray) return `[${v.asArray().map((x) => `${written(x)} `).join('')}]`;
  return v.toString();
}

/** The scan with its references as `⟨n g⟩`. */
function joined(scan: RawScan): string {
  let s = scan.parts[0]!;
  for (let i = 0; i < scan.refs.length; i += 2) s += `⟨${scan.refs[i]} ${scan.refs[i + 1]}⟩${scan.parts[i / 2 + 1]}`;
  return s;
}

/** Every object at an offset of `bytes` that the scanner accepts, checked against pdf-lib's parse. Returns [accepted, refused]. */
function checkFile(bytes: Uint8Array, label: string): [number, number] {
  const parser = new LazyParser(bytes, PDFContext.create());
  let xref;
  try {
    xref = readXref(bytes, parser);
  } catch {
    return [0, 0];
  }
  let accepted = 0;
  let refused = 0;
  for (const [num, entry] of xref?.entries ?? []) {
    if (!('offset' in entry)) continue;
    const scan = scanIndirect(bytes, entry.offset, num, entry.gen);
    if (!scan) {
      refused++;
      continue;
    }
    accepted++;
    const parsed = parser.indirectAt(entry.offset, { num, gen: entry.gen });
    expect(parsed, `${label} ${num}`).toBeDefined();
    if (parsed instanceof PDFRawStream) {
      expect(joined(scan), `${label} ${num}`).toBe(written(parsed.dict, parsed.contents.length));
      expect(scan.data && Buffer.compare(bytes.subarray(...scan.data), parsed.contents), `${label} ${num}`).toBe(0);
    } else {
      expect(joined(scan), `${label} ${num}`).toBe(written(parsed!));
      expect(scan.data).toBeUndefined();
    }
  }
  return [accepted, refused];
}

/** `body` as object 1 of a file (no cross-reference data needed by the scanner). */
const scanOf = (body: string): RawScan | undefined => scanIndirect(Buffer.from(`%PDF-1.7\n1 0 obj\n${body}\nendobj\n`, 'latin1'), 9, 1, 0);

describe('the raw object scanner', () => {
  let sample: string[] = [];
  beforeAll(async () => {
    const meeting = await generateMeeting({ pages: 40, attachments: 4, items: 2, cacheDir: tempDir(), threads: 1 });
    sample = pdfsUnder(meeting.meetingDir);
  }, 120_000);

  it('writes every object it accepts in the corpus, the fixtures and a bench sample as pdf-lib parses and writes it', () => {
    const files = [...pdfsUnder(path.join(CORPUS, 'pdf')), ...['reference', 'lint', 'toegankelijk'].flatMap((d) => pdfsUnder(path.join(FIXTURES, d))), ...sample];
    let accepted = 0;
    let refused = 0;
    for (const file of files) {
      const [a, r] = checkFile(readFileSync(file), file);
      accepted += a;
      refused += r;
    }
    // Refused are mostly page, page-tree and catalog dictionaries (pdf-lib's own classes).
    expect(accepted).toBeGreaterThan(refused);
  }, 120_000);

  it('reads strings, names, numbers, comments and references as pdf-lib does', () => {
    const scan = scanOf('<< /A (x \\) % 1 0 R ( ) ) %comment 9 0 R\n/B [ 1 0 R 2 0 R 3 ] /C <41 42> /D 007 /E -.5 /F 1. /G +3 /H true /I null /J 12 0 R >>');
    expect(scan?.refs).toEqual([1, 0, 2, 0, 12, 0]);
    expect(joined(scan!)).toBe('<</A (x \\) % 1 0 R ( ) )\n/B [⟨1 0⟩ ⟨2 0⟩ 3 ]\n/C <41 42>\n/D 7\n/E -0.5\n/F 1\n/G 3\n/H true\n/I null\n/J ⟨12 0⟩\n>>');
    expect(joined(scanOf('[1 2 3 R 4]')!)).toBe('[1 ⟨2 3⟩ 4 ]');
    expect(joined(scanOf('5 0 R')!)).toBe('⟨5 0⟩');
  });

  it('writes a stream with its data untouched and /Length last', () => {
    const bytes = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Length 5 /Filter /FlateDecode >>\nstream\r\nab%cd\nendstream\nendobj\n', 'latin1');
    const scan = scanIndirect(bytes, 9, 1, 0)!;
    expect(joined(scan)).toBe('<</Filter /FlateDecode\n/Length 5\n>>');
    expect(Buffer.from(bytes.subarray(...scan.data!)).toString('latin1')).toBe('ab%cd');
  });

  it('refuses what pdf-lib would read otherwise, or what needs pdf-lib', () => {
    for (const body of [
      '<< /A 1 /A 2 >>', // a duplicate key
      '<< /A#20B 1 >>', // an escaped name
      '<< /A 1.2.3 >>', // pdf-lib reads two numbers
      '<< /A 1-2 >>',
      '<< /A 1.5 0 R >>', // a reference with a number that is not whole
      '<< /A 1 0 Rx >>',
      '<< /A foo >>', // an unknown word
      '<< /A { } >>',
      '<< /Type /Page >>', // pdf-lib's own classes
      '<< /Type /Pages /Kids [] >>',
      '<< /Type /Catalog >>',
      '(unbalanced',
      '<< /A <414',
      `${'['.repeat(300)}${']'.repeat(300)}`, // too deep
      '<< /Length 3 0 R >>\nstream\nabc\nendstream', // an indirect length
      '<< /Length 2 >>\nstream\nabc\nendstream', // a length that misses endstream
      '<< /Length 99 >>\nstream\nabc\nendstream',
    ])
      expect(scanOf(body), body).toBeUndefined();
    // Many keys: a duplicate far down is still found (keys are kept in a set, not compared in pairs).
    const keys = Array.from({ length: 100_000 }, (_, i) => `/k${i} ${i}`).join(' ');
    expect(scanOf(`<< ${keys} >>`)?.parts[0]).toContain('/k99999 99999\n');
    expect(scanOf(`<< ${keys} /k5 1 >>`)).toBeUndefined();
    // The header must name the object asked for.
    expect(scanIndirect(Buffer.from('2 0 obj 5 endobj'), 0, 1, 0)).toBeUndefined();
    expect(scanIndirect(Buffer.from('1 1 obj 5 endobj'), 0, 1, 0)).toBeUndefined();
    expect(scanIndirect(Buffer.from('1 0 obj 5 endobj'), 0, 1, 0)).toBeDefined();
  });

  it('lets the raw copy write what the checks did not parse from the file, the same bytes as from pdf-lib objects', async () => {
    const bytesOf = async (doc: PDFDocument): Promise<Buffer> => {
      const saved = await saveBundle(doc);
      return saved instanceof ByteChunks ? Buffer.concat(saved.chunks) : Buffer.from(saved);
    };
    let scanned = 0;
    for (const file of sample) {
      const bytes = readFileSync(file);
      const copies: Buffer[] = [];
      for (const lazy of [true, false]) {
        const read = await inspectPdfBytes(bytes, 'x.pdf', { contentBalance: true, lazy });
        // No metadata: its dates would differ between the two documents.
        const out = await PDFDocument.create({ updateMetadata: false });
        for (const page of copyPagesRaw(out, read.doc!)!) out.addPage(page);
        if (lazy) scanned += rawObjectCount(out, true);
        else expect(rawObjectCount(out, true)).toBe(0);
        copies.push(await bytesOf(out));
      }
      expect(Buffer.compare(copies[0]!, copies[1]!), file).toBe(0);
    }
    // Embedded fonts' programs, their widths and character maps: the checks never look inside.
    expect(scanned).toBeGreaterThan(sample.length);
  });
});
