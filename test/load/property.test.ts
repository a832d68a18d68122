// Property-based tests: whatever bytes arrive as an agenda item or an attachment, the loader answers
// with diagnostics or a result, never with an exception or a hang; and a PDF the loader accepts can
// be copied, sanitized and saved as the assembler does.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { balanceGraphicsState } from '../../src/assemble/graphics-state.js';
import { sanitizePages } from '../../src/assemble/sanitize.js';
import { loadConfig } from '../../src/load/config.js';
import { splitFrontMatter } from '../../src/load/front-matter.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { inspectPdfBytes } from '../../src/pdf/inspect.js';
import { PDF_PROBLEM_CODES } from '../../src/pdf/problems.js';
import { readTextFile } from '../../src/load/text-file.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import { writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';
import { CORPUS } from '../helpers/corpus.js';

/** BUNDEL_FUZZ=20 runs everything twenty times as often (a longer fuzzing session). */
const SCALE = Math.max(1, Number(process.env.BUNDEL_FUZZ ?? 1) || 1);
const runs = (n: number): { numRuns: number } => ({ numRuns: Math.round(n * SCALE) });

const VALID_ITEM = `---
vergadering: 2025-03-05
agendapunt: 2
onderwerp: Lobby
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - Kennis te nemen van de lobby gerelateerde zaken en activiteiten.
procedure: DB 12 februari
contact: { naam: Joram van Donk, telefoon: "+31 614 63 74 35" }
bijlagen:
  - titel: Kamerbrief Nadere uitwerking Elke regio telt
    bestand: bijlagen/kamerbrief.pdf
    vertrouwelijk: false
---
De lobby richt zich op de uitwerking van Elke regio telt (bijlage 1).
`;

/** The loader's path for one item file's bytes: read, split, parse. Returns the diagnostics. */
async function lintBytes(bytes: Uint8Array): Promise<{ ok: boolean; rules: string[] }> {
  // One folder for all runs of this file: each run overwrites the item.
  const root = writeRepo({ 'punt.md': bytes }, scratch);
  const read = await readTextFile(path.join(root, 'punt.md'), 'punt.md');
  if (!read.ok) return { ok: false, rules: [read.diagnostic.rule] };
  const split = splitFrontMatter(read.text, 'punt.md');
  if (!split.ok) return { ok: false, rules: [split.diagnostic.rule] };
  const parsed = parseYamlSource(split.split.yaml, { file: 'punt.md' });
  for (const d of parsed.diagnostics) {
    expect(d.line ?? 1).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toBe('');
  }
  return { ok: parsed.ok, rules: parsed.diagnostics.map((d) => d.rule) };
}

const YAML_PIECES = ['[', ']', '{', '}', ':', ': ', '- ', '? ', ',', '\n', '  ', '    ', '&a ', '*a', '"', "'", '#', '|', '>-', '!!str ', '!tag ', '%YAML 1.1\n', '---\n', '...\n', 'key', 'waarde', '010', 'no', '~', '<<: *a', '__proto__', '\t', '\\', 'é', '\u2028', '\r\n'];

/** A text edited at random: pieces inserted, ranges deleted, lines duplicated. */
const mutatedText = (base: string) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 8 })) }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
        fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 200 }) }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let s = base;
      for (const e of edits) {
        const at = e.at % (s.length + 1);
        if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
        else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
        else s = s.slice(0, at) + s.slice(at, at + 3).repeat(e.times) + s.slice(at + 3);
      }
      return s;
    });

const scratch = tempDir();

describe('item files', () => {
  it('random bytes: a diagnostic or a result, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await lintBytes(bytes);
      }),
      runs(150),
    );
  });

  it('random YAML-ish front matter: never an exception, and no prototype pollution', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 80 }), async (pieces) => {
        await lintBytes(Buffer.from(`---\n${pieces.join('')}\n---\nTekst.\n`));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      runs(300),
    );
  });

  it('mutated valid item files: never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(VALID_ITEM), async (text) => {
        await lintBytes(Buffer.from(text));
      }),
      runs(300),
    );
  });

  it('mutated item files through loadMeeting: a meeting with diagnostics, never an exception', async () => {
    const root = tempDir();
    await fc.assert(
      fc.asyncProperty(mutatedText(VALID_ITEM), async (text) => {
        writeRepo({
          'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: AB\ndatum: 2025-03-05\n',
          'vergaderingen/2025-03-05/02-lobby.md': text,
          'vergaderingen/2025-03-05/bijlagen/kamerbrief.pdf': readFileSync(path.join(CORPUS, 'pdf/rotated.pdf')),
        }, root);
        const { config } = await loadConfig(root);
        const { meeting } = await loadMeeting(config, path.join(root, 'vergaderingen/2025-03-05'));
        expect(meeting.items).toHaveLength(1);
      }),
      runs(40),
    );
  });
});

describe('attachment PDFs', () => {
  const seeds = ['links-mixed.pdf', 'object-streams.pdf', 'encrypted-owner-aes256.pdf', 'inherited-mediabox-rotate.pdf', 'acroform-filled.pdf'].map((f) => new Uint8Array(readFileSync(path.join(CORPUS, 'pdf', f))));

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('obj', 'endobj', 'stream', 'endstream', '<<', '>>', '[', '(', ')', '/Kids [1 0 R]', '/Parent 3 0 R', '/Length 99999', 'R', '0', '-1', '9999999999', '%%EOF', 'xref', 'trailer') }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;
  const mutate = (seed: Uint8Array, edits: Mutation[]): Uint8Array => {
    let b = Buffer.from(seed);
    for (const e of edits) {
      const at = e.at % (b.length + 1);
      if (e.kind === 'flip') {
        if (at < b.length) b[at] = e.value;
      } else if (e.kind === 'truncate') b = b.subarray(0, at);
      else if (e.kind === 'splice') {
        const from = e.from % (b.length + 1);
        b = Buffer.concat([b.subarray(0, at), Buffer.from(b.subarray(from, from + e.length)), b.subarray(at)]);
      } else if (e.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.length)]);
      else b = Buffer.concat([b.subarray(0, at), Buffer.from(` ${e.text} `, 'latin1'), b.subarray(at)]);
    }
    return new Uint8Array(b);
  };

  it('mutated PDFs: an answer with a known code, in bounded time; accepted ones copy and save', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), async (which, edits) => {
        const bytes = mutate(seeds[which], edits);
        const t = performance.now();
        const { facts, doc } = await inspectPdfBytes(bytes, 'mutant.pdf', { timeBudgetMs: 1000 });
        expect(performance.now() - t).toBeLessThan(5000);
        for (const p of [facts.problem, ...facts.warnings]) if (p) expect(Object.keys(PDF_PROBLEM_CODES)).toContain(p.code);
        if (facts.problem) return;
        expect(doc).toBeDefined();
        const out = await PDFDocument.create({ updateMetadata: false });
        const copied = await out.copyPages(doc!, doc!.getPageIndices());
        for (const page of copied) {
          out.addPage(page);
          balanceGraphicsState(page);
        }
        sanitizePages(out, copied);
        const saved = await out.save();
        expect((await PDFDocument.load(saved)).getPageCount()).toBe(facts.pageCount);
      }),
      runs(250),
    );
  });
});
