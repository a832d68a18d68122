// The facts of a bijlage that is not a PDF (Office file, image). Lint checks its bytes only; a build
// also converts it (cache, LibreOffice or pdf-lib) and inspects the PDF like any other attachment,
// while the facts keep naming the source file and its sha256.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { checkSource, type Converter, type SourceFormat } from '../convert/index.js';
import type { PdfFacts } from '../model/pdf-facts.js';
import { inspectPdfBytes, MAX_PDF_BYTES, type InspectedPdf } from '../pdf/inspect.js';
import { pdfProblem } from '../pdf/problems.js';

export interface SourceOptions {
  env: NodeJS.ProcessEnv;
  /** Only in a build: converts. Without it (lint) nothing is converted. */
  converter?: Converter;
  password?: string;
}

export async function inspectSource(absPath: string, relPath: string, format: SourceFormat, options: SourceOptions): Promise<InspectedPdf> {
  const facts: PdfFacts = { path: absPath, relPath, exists: true, warnings: [], source: { format: format.ext, kind: format.kind } };
  const fail = (problem: PdfFacts['problem']): InspectedPdf => ({ facts: { ...facts, problem } });
  let bytes: Uint8Array;
  try {
    const st = await stat(absPath);
    facts.size = st.size;
    if (st.size === 0) return fail(pdfProblem.empty());
    if (st.size > MAX_PDF_BYTES) return fail(pdfProblem.tooLarge(st.size, MAX_PDF_BYTES));
    bytes = new Uint8Array(await readFile(absPath));
  } catch {
    return fail(pdfProblem.unreadableFile());
  }
  facts.sha256 = createHash('sha256').update(bytes).digest('hex');
  const typedExt = absPath.slice(absPath.lastIndexOf('.') + 1);
  const problem = checkSource(bytes, format, typedExt, options.env);
  if (problem || !options.converter) return problem ? fail(problem) : { facts };

  const converted = await options.converter.convert(bytes, facts.sha256, format, relPath);
  if (!converted.ok) return fail(converted.problem);
  const inspected = await inspectPdfBytes(converted.pdf, relPath, { password: options.password, contentBalance: true });
  // The PDF's own facts (pages, warnings, problems), but the file and hash of the source.
  return {
    ...inspected,
    facts: {
      ...inspected.facts,
      path: absPath,
      relPath,
      size: facts.size,
      sha256: facts.sha256,
      source: { ...facts.source!, converter: converted.converter, cached: converted.cached },
    },
  };
}
