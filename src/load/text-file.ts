// Read a user-written text file: inside the repository, a regular file, bounded size, strict UTF-8,
// BOM and CRLF normalised.

import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import { readRepoFile, type RepoFileProblem } from './repo-file.js';

export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic; problem?: RepoFileProblem };

export interface TextFileOptions {
  /** The folder the file must really lie in (links resolved); default the file's own folder. */
  root?: string;
}

export async function readTextFile(absPath: string, relPath: string, options: TextFileOptions = {}): Promise<TextResult> {
  const fail = (message: string, hint: string, line?: number, problem?: RepoFileProblem): TextResult => ({
    ok: false,
    problem,
    diagnostic: { file: relPath, line, column: line ? 1 : undefined, rule: LOAD_DIAGNOSTICS.bestandLeesbaar.id, severity: 'error', message, hint },
  });
  const read = await readRepoFile(absPath, options.root ?? path.dirname(absPath), MAX_TEXT_FILE_BYTES, 'voor een tekstbestand van bundel is de grens 1 MiB');
  if (!read.ok) return fail(read.message, read.hint, undefined, read.problem);
  const bytes = read.bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first offending line for the message.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const line = bad >= 0 ? lossy.slice(0, bad).split('\n').length : undefined;
    return fail(
      'Het bestand is geen geldige UTF-8-tekst (waarschijnlijk Windows-1252 of Latin-1).',
      'Sla het bestand op als UTF-8 (in VS Code: rechtsonder de codering kiezen, "Save with Encoding").',
      line,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text };
}
