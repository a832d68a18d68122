// Test helpers for lint rules: build a meeting as real files in a temp folder, load it with the real
// loader, run one rule; and a table runner in the style of ESLint's RuleTester.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { makeTaggedPdf } from '../helpers/make-tagged-pdf.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Meeting } from '../../src/model/meeting.js';
import { loadMeeting, openRepository } from '../../src/load/meeting.js';
import { toDiagnostic, type Rule } from '../../src/validate/rule.js';
import { sortDiagnostics } from '../../src/model/diagnostic.js';
import { tempDir } from '../helpers/temp.js';

/** A file's content: text, bytes, or a generated PDF with this many pages. */
export type Content = string | Uint8Array | { pdf: number; tagged?: boolean };
/** Paths relative to the meeting folder; `null` leaves a default file out. */
export type Files = Record<string, Content | null>;

export const DATE = '2025-03-05';
export const VERGADERING_YAML = `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`;

export const pdf = (pages = 1): Content => ({ pdf: pages });
/** A PDF with tags (a structure tree), as an accessible document has. */
export const taggedPdf = (pages = 1): Content => ({ pdf: pages, tagged: true });

const pdfCache = new Map<number, Uint8Array>();
const taggedCache = new Map<number, Uint8Array>();
async function taggedPdfBytes(pages: number): Promise<Uint8Array> {
  let bytes = taggedCache.get(pages);
  if (!bytes) {
    bytes = await makeTaggedPdf({ title: 'Stuk', pages: Array.from({ length: pages }, (_, i) => [`Blad ${i + 1}`]) });
    taggedCache.set(pages, bytes);
  }
  return bytes;
}

export async function pdfBytes(pages = 1): Promise<Uint8Array> {
  let bytes = pdfCache.get(pages);
  if (!bytes) {
    const doc = await PDFDocument.create({ updateMetadata: false });
    for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]);
    bytes = await doc.save({ useObjectStreams: false });
    pdfCache.set(pages, bytes);
  }
  return bytes;
}

/** An item file: front matter (YAML lines, each ending in a newline) and a body. Line 1 is `---`. */
export const md = (frontMatter: string, body = ''): string => `---\n${frontMatter}---\n${body}`;

/** Front matter of a complete voorstel, for cases that change one thing. */
export const VOORSTEL = `vergadering: ${DATE}
agendapunt: 2
onderwerp: Lobby
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - Kennis te nemen van de lobbyactiviteiten.
`;

export interface MeetingOptions {
  /** Content of bundel.yaml; none when left out. */
  bundel?: string;
  /** Name of the meeting folder under vergaderingen/. */
  folder?: string;
  /** Files outside the meeting folder, relative to the repository root. */
  repo?: Record<string, Content>;
  /** Read the text of the public attachments, as `bundel lint` does (no cache). */
  text?: boolean;
}

async function write(abs: string, content: Content): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, typeof content === 'object' && 'pdf' in content ? (content.tagged ? await taggedPdfBytes(content.pdf) : await pdfBytes(content.pdf)) : content);
}

/** Write a repository with one meeting to a temp folder; `vergadering.yaml` is added unless given or null. */
export async function makeMeeting(files: Files, options: MeetingOptions = {}): Promise<{ root: string; dir: string }> {
  const root = tempDir();
  const dir = path.join(root, 'vergaderingen', options.folder ?? DATE);
  await mkdir(dir, { recursive: true });
  const all: Files = { 'vergadering.yaml': VERGADERING_YAML, ...files };
  for (const [rel, content] of Object.entries(all)) if (content !== null) await write(path.join(dir, rel), content);
  if (options.bundel !== undefined) await write(path.join(root, 'bundel.yaml'), options.bundel);
  for (const [rel, content] of Object.entries(options.repo ?? {})) await write(path.join(root, rel), content);
  return { root, dir };
}

export async function loadFiles(files: Files, options: MeetingOptions = {}): Promise<Meeting> {
  const { root, dir } = await makeMeeting(files, options);
  const { config } = await openRepository(root);
  return (await loadMeeting(config, dir, { text: options.text ? {} : undefined })).meeting;
}

/** What one rule reports about a meeting, as validate() would (unparsed items left out), sorted. */
export function runRule(rule: Rule, meeting: Meeting, context: { pdfa?: boolean } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const view = { ...meeting, items: meeting.items.filter((i) => i.parsed) };
  rule.check({ meeting: view, pdfa: context.pdfa, report: (r) => out.push(toDiagnostic(rule, r)) });
  return sortDiagnostics(out);
}

export interface ExpectedDiagnostic {
  line: number;
  column: number;
  /** File name relative to the meeting folder; default: the only `.md` file of the case, else any. */
  file?: string;
  severity?: 'error' | 'warning';
  /** A part of the message, or a pattern it matches. */
  message?: string | RegExp;
}

export interface RuleCase {
  name: string;
  files: Files;
  options?: MeetingOptions;
  /** Lint for a PDF/A bundle (`--pdfa`). */
  pdfa?: boolean;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedDiagnostic[];
}

/** ESLint's RuleTester in small: valid cases report nothing, invalid ones exactly `errors`, in order. */
export function ruleTester(rule: Rule, { valid, invalid }: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of valid) {
      it(`valid: ${c.name}`, async () => {
        const found = runRule(rule, await loadFiles(c.files, c.options), { pdfa: c.pdfa });
        expect(found).toEqual([]);
      });
    }
    for (const c of invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = runRule(rule, await loadFiles(c.files, c.options), { pdfa: c.pdfa });
        const shown = found.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, message: d.message }));
        expect(found.length, JSON.stringify(shown, null, 1)).toBe(c.errors.length);
        c.errors.forEach((e, i) => {
          const d = found[i];
          expect(d.rule).toBe(rule.id);
          expect({ line: d.line, column: d.column }, JSON.stringify(shown[i])).toEqual({ line: e.line, column: e.column });
          expect(d.severity).toBe(e.severity ?? rule.severity);
          if (e.file) expect(d.file.endsWith(`/${e.file}`) || d.file === e.file, d.file).toBe(true);
          if (typeof e.message === 'string') expect(d.message).toContain(e.message);
          else if (e.message) expect(d.message).toMatch(e.message);
          // House style: Dutch text, no shouting, no "Fout:" prefix.
          expect(d.message).not.toMatch(/!|^(Fout|Error):/);
          expect(d.hint ?? '').not.toMatch(/!/);
        });
      });
    }
  });
}
