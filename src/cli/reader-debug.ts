// `--debug`: which reader took each attachment PDF (issue 18): the lazy reader, from the file's
// cross-reference data, or pdf-lib's full parse (a damaged, encrypted or otherwise unusual file, or
// `BUNDEL_PDF_READ=pdf-lib`). For developers; in Dutch like every line bundel prints.

import type { Meeting } from '../model/meeting.js';
import { pdfReaders } from '../model/pdf-facts.js';
import { printable } from './format/escape.js';

export function readerText(reader: 'lui' | 'volledig' | undefined): string {
  if (reader === 'lui') return 'gelezen: lui (xref)';
  if (reader === 'volledig') return 'gelezen: volledig (pdf-lib)';
  return 'gelezen: feiten uit de cache';
}

/** One debug line per attachment PDF that was read (each file once). */
export function readerLines(meeting: Meeting): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const item of meeting.items) {
    for (const bijlage of item.bijlagen) {
      const facts = bijlage.facts;
      if (!facts || facts.source || facts.pageCount === undefined || seen.has(facts.relPath)) continue;
      seen.add(facts.relPath);
      lines.push(`debug: ${printable(facts.relPath)}: ${readerText(pdfReaders.get(facts))}\n`);
    }
  }
  return lines;
}
