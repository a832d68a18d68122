// The page content the loader keeps for the text thread is handed over, not copied: the buffers the
// decoder made go with the job (transferred to a real thread), anything else (a stream stored without
// a filter is a view of the file) is copied into the job once. After the hand-over the job reads the
// same text on the other side, and the parsed document, whose own bytes are never handed over, still
// reads the same.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractTextFast, prepareTextJob } from '../../src/pdf/fast-text/extract.js';
import { readTextJob, type TextJob } from '../../src/pdf/fast-text/job.js';
import { inspectPdfBytes } from '../../src/pdf/inspect.js';
import { MAX_TEXT_CHARS } from '../../src/pdf/text.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../fixtures/reference/vergaderingen/2025-03-05/bijlagen');
const options = { maxChars: MAX_TEXT_CHARS };

/** The job sent to a thread of its own, its buffers transferred, and sent back. */
async function throughThread(job: TextJob): Promise<TextJob> {
  const worker = new Worker("require('node:worker_threads').parentPort.once('message', (job) => require('node:worker_threads').parentPort.postMessage(job))", { eval: true });
  try {
    const back = new Promise<TextJob>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    worker.postMessage(job, job.buffers);
    return await back;
  } finally {
    await worker.terminate();
  }
}

async function handOver(bytes: Uint8Array): Promise<void> {
  const size = bytes.byteLength;
  const inspected = await inspectPdfBytes(bytes, 'bijlage.pdf', { keepContent: true });
  expect(inspected.doc && inspected.content).toBeTruthy();
  const doc = inspected.doc!;
  const before = extractTextFast(doc, bytes.length, options);
  expect(before.ok).toBe(true);
  const prepared = prepareTextJob(doc, bytes.length, inspected.content);
  if (!prepared.ok) throw new Error(prepared.reason);
  expect(prepared.job.buffers.length).toBeGreaterThan(0);
  const back = await throughThread(prepared.job);
  // Handed over: nothing of it is left here.
  expect(prepared.job.buffers.every((b) => b.byteLength === 0)).toBe(true);
  expect(readTextJob(back, options)).toEqual(before);
  // The document's own bytes stayed: it reads (and saves) as before.
  expect(extractTextFast(doc, bytes.length, options)).toEqual(before);
  expect((await doc.save()).length).toBeGreaterThan(0);
  expect(bytes.byteLength).toBe(size);
}

describe('content kept for the text thread', () => {
  it('is handed over with the job, and the document keeps its own bytes (reference meeting)', { timeout: 60_000 }, async () => {
    const files = readdirSync(BIJLAGEN).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) await handOver(readFileSync(path.join(BIJLAGEN, f)));
  });

  it('copies a content stream stored without a filter (a view of the file) instead of handing over the file', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([300, 200]);
    page.setFont(font);
    page.drawText('Ongefilterde inhoud, 0612345678', { x: 20, y: 100, size: 12 });
    const bytes = await doc.save({ useObjectStreams: false });
    // pdf-lib writes the page content compressed; store it plain.
    const plainDoc = await PDFDocument.load(bytes);
    const ctx = plainDoc.context;
    for (const [, obj] of ctx.enumerateIndirectObjects()) {
      const o = obj as { dict?: { get(n: PDFName): unknown; delete(n: PDFName): void }; getContents?: () => Uint8Array };
      if (o.dict && o.dict.get(PDFName.of('Filter')) !== undefined && o.dict.get(PDFName.of('Length1')) === undefined && o.getContents) {
        const { decodePDFRawStream } = await import('@cantoo/pdf-lib');
        const plain = decodePDFRawStream(obj as never).decode();
        (obj as unknown as { contents: Uint8Array }).contents = plain;
        o.dict.delete(PDFName.of('Filter'));
      }
    }
    const plainBytes = await plainDoc.save({ useObjectStreams: false });
    expect(Buffer.from(plainBytes).toString('latin1')).toContain('Tj');
    await handOver(plainBytes);
  });
});
