// Gather the facts about one attachment PDF that lint and build need, reading it once.
// The loaded document is handed on to the assembler so a build never parses a file twice.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { PdfFacts, PdfProblem } from '../model/pdf-facts.js';

export const MAX_PDF_BYTES = 512 * 1024 * 1024;

export interface InspectOptions {
  /** User password for protected files. */
  password?: string;
}

export interface InspectedPdf {
  facts: PdfFacts;
  doc?: PDFDocument;
  bytes?: Uint8Array;
}

const problem = (code: string, message: string, hint?: string): PdfProblem => ({ code, message, hint });

/** What a non-PDF file most likely is, from its first bytes. */
export function sniffType(head: Uint8Array): string | undefined {
  const ascii = Buffer.from(head.subarray(0, 512)).toString('latin1');
  if (head[0] === 0x89 && ascii.startsWith('\x89PNG')) return 'een PNG-afbeelding';
  if (head[0] === 0xff && head[1] === 0xd8) return 'een JPEG-afbeelding';
  if (ascii.startsWith('PK\x03\x04')) {
    if (ascii.includes('word/')) return 'een Word-document (.docx)';
    if (ascii.includes('xl/')) return 'een Excel-bestand (.xlsx)';
    if (ascii.includes('ppt/')) return 'een PowerPoint-bestand (.pptx)';
    return 'een ZIP-archief (mogelijk .docx, .xlsx of .pptx)';
  }
  if (ascii.startsWith('\xd0\xcf\x11\xe0')) return 'een oud Office-bestand (.doc, .xls of .ppt)';
  if (/^\s*(<!doctype html|<html|<\?xml|<head|<body)/i.test(ascii)) return 'een webpagina (HTML), bijvoorbeeld een foutmelding van een downloadsite';
  if (ascii.startsWith('{\\rtf')) return 'een RTF-document';
  return undefined;
}

export async function inspectPdf(absPath: string, relPath: string, options: InspectOptions = {}): Promise<InspectedPdf> {
  const facts: PdfFacts = { path: absPath, relPath, exists: true, warnings: [] };
  const fail = (p: PdfProblem): InspectedPdf => {
    facts.problem = p;
    return { facts };
  };
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch {
    facts.exists = false;
    return fail(problem('bestand-ontbreekt', 'Het bestand kan niet worden gelezen.', 'Controleer of het bestand bestaat.'));
  }
  facts.size = size;
  if (size === 0) return fail(problem('pdf-leeg', 'Het bestand is leeg (0 bytes).', 'Vraag het document opnieuw op; waarschijnlijk is het downloaden of kopiëren mislukt.'));
  if (size > MAX_PDF_BYTES) {
    return fail(problem('pdf-te-groot', `Het bestand is ${(size / 1024 / 1024).toFixed(0)} MiB; de grens is ${MAX_PDF_BYTES / 1024 / 1024} MiB.`, 'Verklein de PDF (bijvoorbeeld afbeeldingen comprimeren) of splits hem.'));
  }
  const bytes = new Uint8Array(await readFile(absPath));
  facts.sha256 = createHash('sha256').update(bytes).digest('hex');

  const headerAt = Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-');
  if (headerAt < 0) {
    const kind = sniffType(bytes);
    return fail(
      problem(
        'pdf-niet-pdf',
        kind ? `Het bestand is geen PDF maar ${kind}.` : 'Het bestand is geen PDF (het begint niet met `%PDF-`).',
        'Sla het document op of exporteer het als PDF en verwijs daarnaar.',
      ),
    );
  }

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      password: options.password ?? '',
      updateMetadata: false,
      throwOnInvalidObject: false,
      warnOnInvalidObjects: false,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/NEEDS PASSWORD|password/i.test(message)) {
      facts.encryption = 'user';
      return fail(problem('pdf-wachtwoord', 'De PDF is beveiligd met een wachtwoord om te openen.', 'Vraag de afzender om een versie zonder wachtwoord, of geef het wachtwoord mee met `--wachtwoord`.'));
    }
    return fail(problem('pdf-onleesbaar', `De PDF kan niet worden gelezen (${message.split('\n')[0]}).`, 'Open het bestand in een PDF-lezer en sla het opnieuw op als PDF ("Afdrukken naar PDF").'));
  }
  facts.encryption = doc.isEncrypted ? 'owner' : 'none';
  let pageCount: number;
  try {
    pageCount = doc.getPageCount();
  } catch (err) {
    // A file with a PDF header but no usable catalog or page tree loads "successfully" and fails here.
    const message = err instanceof Error ? err.message : String(err);
    return fail(problem('pdf-onleesbaar', `De PDF kan niet worden gelezen (${message.split('\n')[0]}).`, 'Open het bestand in een PDF-lezer en sla het opnieuw op als PDF ("Afdrukken naar PDF").'));
  }
  facts.pageCount = pageCount;
  if (pageCount === 0) return fail(problem('pdf-geen-paginas', 'De PDF heeft geen pagina’s.', 'Vraag de afzender om een volledige PDF.'));
  return { facts, doc, bytes };
}
