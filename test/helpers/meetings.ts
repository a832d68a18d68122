// Meetings that the whole-build comparison tests share (the raw copy, the lazy reader): a sample
// of the bench meeting, a meeting of every usable corpus PDF, and pdftotext per page of a bundle.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { CORPUS, manifest } from './corpus.js';
import { tempDir } from './temp.js';

/** The bench's meeting generator (scripts/bench/generate.mjs, untyped). */
type Generate = (options: { pages: number; attachments: number; items: number; cacheDir: string; threads: number }) => Promise<{ root: string; meetingDir: string }>;
export const generateMeeting = async (...args: Parameters<Generate>): ReturnType<Generate> => {
  const generator = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/bench/generate.mjs')).href)) as { generateMeeting: Generate };
  return generator.generateMeeting(...args);
};

/** pdftotext, one string per page. */
export function pageTexts(file: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\f').slice(0, -1);
}

/** A repository with one meeting on `date` whose items each have one corpus PDF that may go into a bundle. */
export function corpusMeeting(date: string): string {
  const good = manifest.filter((e) => e.file.startsWith('pdf/') && !e.password && e.expect !== 'error');
  const root = tempDir();
  const meeting = path.join(root, 'vergaderingen', date);
  mkdirSync(path.join(meeting, 'bijlagen'), { recursive: true });
  writeFileSync(path.join(root, 'bundel.yaml'), 'organisatie: Corpus\n');
  writeFileSync(path.join(meeting, 'vergadering.yaml'), `orgaan: Algemeen Bestuur\ndatum: ${date}\n`);
  good.forEach((e, i) => {
    const name = path.basename(e.file);
    copyFileSync(path.join(CORPUS, e.file), path.join(meeting, 'bijlagen', name));
    writeFileSync(
      path.join(meeting, `${String(i + 1).padStart(2, '0')}-stuk.md`),
      `---\nvergadering: ${date}\nagendapunt: ${i + 1}\nonderwerp: Stuk ${i + 1}\nsoort: stukken\nbijlagen:\n  - titel: Stuk ${i + 1}\n    bestand: bijlagen/${name}\n---\n`,
    );
  });
  return root;
}
