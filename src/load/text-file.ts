// Read a user-written text file: bounded size, strict UTF-8, BOM and CRLF normalised.

import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';

export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export async function readTextFile(absPath: string, relPath: string): Promise<TextResult> {
  const fail = (message: string, hint: string, line?: number): TextResult => ({
    ok: false,
    diagnostic: { file: relPath, line, column: line ? 1 : undefined, rule: LOAD_DIAGNOSTICS.bestandLeesbaar.id, severity: 'error', message, hint },
  });
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch {
    return fail('Het bestand kan niet worden gelezen.', 'Controleer of het bestand bestaat en leesbaar is.');
  }
  if (size > MAX_TEXT_FILE_BYTES) {
    return fail(
      `Het bestand is ${(size / 1024 / 1024).toFixed(1)} MiB groot; voor een agendapunt is de grens 1 MiB.`,
      'Een agendapunt is tekst; zet grote stukken als PDF-bijlage erbij.',
    );
  }
  const bytes = await readFile(absPath);
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
