// The hostile-input corpus through the CLI (in-process, main(argv, io)), as a user meets it: every
// bad file ends in exit 1 with a Dutch message naming the file, never in a stack trace; a failed
// build writes nothing and leaves no temporary files; good files end in a bundle.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampProblems } from '../helpers/bundle-checks.js';
import { runMain, type CliResult } from '../helpers/cli.js';
import { CORPUS, manifest, type CorpusEntry } from '../helpers/corpus.js';
import { readPages } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/temp.js';

const DATE = '2025-03-05';

/** `fn` over `items`, one after the other. */
async function inSequence<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

const stem = (e: CorpusEntry): string => path.basename(e.file).replace(/\.[^.]+$/, '');

/** A repository with one meeting; every PDF entry becomes an item with that file as its bijlage. */
function repoWith(pdfs: CorpusEntry[], items: CorpusEntry[] = []): { root: string; meeting: string } {
  const root = tempDir();
  const meeting = path.join(root, 'vergaderingen', DATE);
  mkdirSync(path.join(meeting, 'bijlagen'), { recursive: true });
  writeFileSync(path.join(root, 'bundel.yaml'), 'organisatie: Corpus\n');
  writeFileSync(path.join(meeting, 'vergadering.yaml'), `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`);
  pdfs.forEach((e, i) => {
    const name = path.basename(e.file);
    copyFileSync(path.join(CORPUS, e.file), path.join(meeting, 'bijlagen', name));
    const n = String(i + 1).padStart(2, '0');
    writeFileSync(
      path.join(meeting, `${n}-${stem(e)}.md`),
      `---\nvergadering: ${DATE}\nagendapunt: ${i + 1}\nonderwerp: Stuk ${stem(e)}\nsoort: stukken\nbijlagen:\n  - titel: Stuk ${stem(e)}\n    bestand: bijlagen/${name}\n---\n`,
    );
  });
  for (const e of items) copyFileSync(path.join(CORPUS, e.file), path.join(meeting, path.basename(e.file)));
  return { root, meeting };
}

const noStackTrace = (r: CliResult): void => {
  expect(r.stderr + r.stdout).not.toMatch(/^ {4}at /m);
  expect(r.stderr + r.stdout).not.toMatch(/RangeError|TypeError|Maximum call stack/);
};

const pdfEntries = manifest.filter((e) => e.file.startsWith('pdf/') && !e.password);
const mdEntries = manifest.filter((e) => e.file.startsWith('md/'));

describe('the corpus through the CLI', () => {
  it('lint names every bad PDF with its documented outcome', async () => {
    const { root } = repoWith(pdfEntries);
    const r = await runMain(['--root', root, 'lint', '--formaat', 'json', DATE]);
    noStackTrace(r);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout) as { file: string; rule: string; severity: string; message: string }[];
    for (const e of pdfEntries) {
      const name = path.basename(e.file);
      // Whether a file has tags is another matter (bijlage-niet-toegankelijk, tested on its own).
      const mine = diagnostics.filter((d) => d.message.includes(name) && d.rule !== 'bijlage-niet-toegankelijk');
      const severities = mine.map((d) => d.severity);
      if (e.expect === 'error') expect(severities, name).toContain('error');
      else if (e.expect === 'warning') expect(severities, name).toEqual(severities.map(() => 'warning'));
      else expect(mine, name).toEqual([]);
      if (e.expect === 'warning') expect(mine.length, name).toBeGreaterThan(0);
    }
  });

  it('builds one bundle from every PDF that may go in, exit 0', async () => {
    const good = pdfEntries.filter((e) => e.expect !== 'error');
    const { root, meeting } = repoWith(good);
    const out = path.join(root, 'uit', 'bundel.pdf');
    const r = await runMain(['--root', root, 'build', DATE, '-o', out]);
    noStackTrace(r);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(meeting).filter((f) => f.includes('.tmp'))).toEqual([]);
    // JavaScript and Launch never reach the bundle.
    const bytes = readFileSync(out);
    for (const word of ['/JavaScript', '/Launch', '/SubmitForm', '/EmbeddedFile', 'cmd.exe']) expect(bytes.includes(word), word).toBe(false);
    // Every page, whatever its boxes, rotation or graphics state, carries its number upright and visible.
    expect(stampProblems(await readPages(bytes), 'pagina')).toEqual([]);
  });

  it('refuses all bad PDFs together: exit 1, each file named, nothing written', async () => {
    const bad = pdfEntries.filter((e) => e.expect === 'error');
    const { root, meeting } = repoWith(bad);
    const outDir = path.join(root, 'uit');
    const r = await runMain(['--root', root, 'build', DATE, '-o', path.join(outDir, 'bundel.pdf')]);
    noStackTrace(r);
    expect(r.code).toBe(1);
    for (const e of bad) expect(r.stderr, e.file).toContain(path.basename(e.file));
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(meeting).filter((f) => f.startsWith('Bundel') || f.includes('.tmp'))).toEqual([]);
  });

  // One meeting per kind of bad PDF.
  it('refuses each kind of bad PDF on its own: exit 1, the file named, nothing written', async () => {
    const byCode = new Map<string, CorpusEntry>();
    for (const e of pdfEntries) if (e.expect === 'error' && !byCode.has(e.code!)) byCode.set(e.code!, e);
    const results = await inSequence([...byCode.values()], async (e) => {
      const { root, meeting } = repoWith([e]);
      const outDir = path.join(root, 'uit');
      const r = await runMain(['--root', root, 'build', DATE, '-o', path.join(outDir, 'bundel.pdf')]);
      return { e, r, outDir, meeting };
    });
    for (const { e, r, outDir, meeting } of results) {
      const name = path.basename(e.file);
      noStackTrace(r);
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      expect(r.stderr, name).toContain(name);
      expect(existsSync(outDir), `${name}: output folder`).toBe(false);
      expect(readdirSync(meeting).filter((f) => f.startsWith('Bundel') || f.includes('.tmp')), name).toEqual([]);
    }
  });

  it('hostile item files: lint and build answer with the documented rule, exit 1, nothing run', async () => {
    const markers = ['js', 'javascript', 'JavaScript'].map((n) => path.join(tmpdir(), `bundel-pwned-${n}`));
    const { root } = repoWith([], mdEntries);
    const lint = await runMain(['--root', root, 'lint', '--formaat', 'json', DATE]);
    noStackTrace(lint);
    expect(lint.code).toBe(1);
    const diagnostics = JSON.parse(lint.stdout) as { file: string; rule: string }[];
    for (const e of mdEntries) {
      const rules = diagnostics.filter((d) => d.file.endsWith(`/${path.basename(e.file)}`)).map((d) => d.rule);
      if (e.expect === 'error') expect(rules, e.file).toContain(e.code);
      else expect(rules.filter((r) => ['front-matter', 'yaml-syntax', 'bestand-leesbaar'].includes(r)), e.file).toEqual([]);
    }
    // Every script-bearing file, and one of each other rule.
    const rules = new Set<string>();
    const bad = mdEntries.filter((e) => e.expect === 'error' && (e.file.includes('script') || e.file.includes('js-') || !rules.has(e.code!)) && rules.add(e.code!));
    const builds = await inSequence(bad, async (e) => {
      const repo = repoWith([], [e]);
      return { e, r: await runMain(['--root', repo.root, 'build', DATE, '-o', path.join(repo.root, 'uit', 'b.pdf')]), root: repo.root };
    });
    for (const { e, r, root: dir } of builds) {
      noStackTrace(r);
      expect(r.code, e.file).toBe(1);
      expect(r.stderr, e.file).toContain(path.basename(e.file));
      expect(existsSync(path.join(dir, 'uit')), e.file).toBe(false);
    }
    for (const marker of markers) expect(existsSync(marker), marker).toBe(false);
  });
});
