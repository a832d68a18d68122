// load: files -> Meeting. Reads vergadering.yaml, every agenda item (its body's images too) and the facts of every
// attachment. Problems found on the way become diagnostics; only a missing meeting folder is a BundelError.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Agendapunt, Bijlage, BundelConfig, Meeting, Vergadering } from '../model/meeting.js';
import type { PdfFacts } from '../model/pdf-facts.js';
import type { SaveBalance } from '../pdf/content-balance.js';
import { listAttachmentFolder } from './attachment-folder.js';
import { resolveAttachment } from './attachment-path.js';
import { meetingDeadlines } from './deadlines.js';
import { asRecord, asText, get } from './normalize.js';
import type { Converter } from '../convert/index.js';
// Not convert/index.js: that loads pdf-lib, which a lint from the facts cache does without.
import { formatOf } from '../convert/formats.js';
import { inspectAttachment, type Inspection } from './attachment-inspection.js';
import { readSentVersions } from './sent.js';
import { AttachmentTexts } from './attachment-text.js';
import { loadItem, readBoundary } from './agenda-item.js';
import { readTextFile } from './text-file.js';
import { createLimiter, mapLimit, MAX_OPEN_FILES } from '../util/limit.js';
import { toPosix } from '../util/paths.js';
import { ISO_PREFIX } from './meeting-dir.js';
import { parseYamlSource } from './yaml-source.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';

export const MEETING_FILE = 'vergadering.yaml';
export { listMeetings, meetingOfCwd, openRepository, resolveMeetingDir, resolveMeetingTarget } from './meeting-dir.js';

export interface LoadOptions {
  /** Keep the parsed attachment documents for the assembler. */
  keepDocuments?: boolean;
  password?: string;
  /** Where LibreOffice is looked for (`PATH`, `BUNDEL_SOFFICE`); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Converts Office files and images (a build); without it they are only checked (lint). */
  converter?: Converter;
  /**
   * Read the text of the attachments that go into the public bundle (cached by sha256 in `cacheDir`);
   * `pdfjsOnly`: with pdfjs alone, never the fast reader (tests compare the two).
   */
  text?: { cacheDir?: string; pdfjsOnly?: boolean };
  /** Return before every text is read (`textsRead` says when): what needs no text can go on meanwhile. */
  deferText?: boolean;
  /** Take the facts of unchanged attachment PDFs from this cache folder, and keep new ones there (lint). */
  factsCacheDir?: string;
  /**
   * Told once the items are read, while their attachments are still being read (the build starts
   * laying out early): `facts` resolves once that bijlage's file has been read.
   */
  onItems?: (vergadering: Vergadering, items: Agendapunt[], facts: (bijlage: Bijlage) => Promise<PdfFacts | undefined>) => void;
}

export interface LoadedMeeting {
  meeting: Meeting;
  /** Parsed attachments by absolute path (only with keepDocuments). */
  documents: Map<string, PDFDocument>;
  /** Per attachment (only with keepDocuments), per page index: how its `q`/`Q` pair up. */
  balances: Map<string, (SaveBalance | undefined)[]>;
  /** With `deferText`: resolves once the attachments' text is in their facts (`facts.text`); a failure once the thread has ended. */
  textsRead?: Promise<void>;
  /** With `deferText`: resolves once, after that, the text thread has ended and the text cache is pruned; await it before ending. */
  textsDone?: Promise<void>;
}

export async function loadVergadering(config: BundelConfig, dir: string, diagnostics: Diagnostic[]): Promise<Vergadering> {
  const relDir = toPosix(path.relative(config.root, dir)) || '.';
  const file = relDir === '.' ? MEETING_FILE : `${relDir}/${MEETING_FILE}`;
  const folderDate = ISO_PREFIX.exec(path.basename(dir))?.[1];
  const empty: Vergadering = {
    dir,
    relDir,
    folderDate,
    file,
    orgaan: '',
    datum: folderDate ?? '',
    tijd: undefined,
    locatie: undefined,
    voorzitter: undefined,
    aanleverdatum: undefined,
    verzenddatum: undefined,
    positions: new Map(),
    raw: undefined,
  };
  const read = await readTextFile(path.join(dir, MEETING_FILE), file, { root: readBoundary(config, dir) });
  if (!read.ok) {
    diagnostics.push({
      ...read.diagnostic,
      rule: LOAD_DIAGNOSTICS.vergaderingBestand.id,
      ...(read.problem === 'ontbreekt'
        ? { message: `De vergadering heeft geen \`${MEETING_FILE}\`.`, hint: 'Maak het bestand met ten minste `orgaan:` en `datum:`.' }
        : {}),
    });
    return empty;
  }
  const parsed = parseYamlSource(read.text, { file });
  diagnostics.push(...parsed.diagnostics);
  const data = asRecord(parsed.data);
  return {
    ...empty,
    orgaan: asText(get(data, 'orgaan')) ?? '',
    datum: asText(get(data, 'datum')) ?? folderDate ?? '',
    tijd: asText(get(data, 'tijd')),
    locatie: asText(get(data, 'locatie')),
    voorzitter: asText(get(data, 'voorzitter')),
    aanleverdatum: asText(get(data, 'aanleverdatum')),
    verzenddatum: asText(get(data, 'verzenddatum')),
    positions: parsed.positions,
    raw: parsed.ok ? (parsed.data ?? null) : undefined,
  };
}

export async function loadMeeting(config: BundelConfig, dir: string, options: LoadOptions = {}): Promise<LoadedMeeting> {
  const loadDiagnostics: Diagnostic[] = [];
  const vergadering = await loadVergadering(config, dir, loadDiagnostics);
  // Every `.md` entry, also a link, folder or FIFO: the reader reports what is not a readable file.
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.name.toLowerCase().endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => e.name)
    .sort();
  const items = await mapLimit(names, MAX_OPEN_FILES, (name) => loadItem(config, path.join(dir, name), loadDiagnostics));
  // Text: read once per file, only for files that go into the public bundle.
  const texts = options.text && new AttachmentTexts(config, { cacheDir: options.text.cacheDir, password: options.password, pdfjsOnly: options.text.pdfjsOnly });
  if (items.some((item) => !item.vertrouwelijk && item.bijlagen.some((b) => !b.vertrouwelijk && b.bestand !== undefined))) texts?.coldStart();

  // Attachment facts, each distinct file read once.
  const documents = new Map<string, PDFDocument>();
  const balances = new Map<string, (SaveBalance | undefined)[]>();
  const factsByPath = new Map<string, Promise<PdfFacts>>();
  // Bounded: every path check and inspection opens files; waiting for a shared file's facts holds none.
  const limit = createLimiter(MAX_OPEN_FILES);
  // For a build that lays out while reading (`onItems`), PDFs are parsed one at a time, in the order
  // asked: parsing is this thread's work either way, and so the first items' facts are there early.
  // Otherwise (lint) side by side, so reading and hashing files (and the facts cache) overlap.
  // Conversions (LibreOffice, another process) always run side by side.
  const parseInTurn = options.onItems ? createLimiter(1) : <T>(fn: () => Promise<T>): Promise<T> => fn();
  const saves: (() => Promise<void>)[] = [];
  const jobs: Promise<void>[] = [];
  const jobOf = new Map<Bijlage, Promise<void>>();
  for (const item of items) {
    const itemDir = path.dirname(item.absFile);
    for (const bijlage of item.bijlagen) {
      if (bijlage.bestand === undefined) continue;
      const bestand = bijlage.bestand;
      const job = (async () => {
        const resolved = await limit(() => resolveAttachment(dir, itemDir, bestand));
        const absGuess = path.resolve(itemDir, bestand);
        if (!resolved.ok) {
          bijlage.facts = { path: absGuess, relPath: toPosix(path.relative(config.root, absGuess)), exists: resolved.exists, pathProblem: resolved.problem, warnings: [] };
          return;
        }
        let pending = factsByPath.get(resolved.absPath);
        if (!pending) {
          const relPath = toPosix(path.relative(config.root, resolved.absPath));
          const format = formatOf(resolved.absPath);
          const keepContent = texts !== undefined && !options.text?.pdfjsOnly;
          // A public attachment's file whose text is not cached: the text thread may start early.
          const onHashed = texts && !item.vertrouwelijk && !bijlage.vertrouwelijk ? (sha256: string) => texts.hashed(sha256) : undefined;
          const inspect = (): Promise<Inspection> =>
            limit(() => inspectAttachment(resolved.absPath, relPath, { ...options, format, env: options.env ?? process.env, keepContent, onHashed }));
          const inspected = format ? inspect() : parseInTurn(inspect);
          pending = inspected.then(({ inspected: r, text, save }) => {
            saves.push(save);
            if (texts && text) texts.offer(resolved.absPath, text);
            if (options.keepDocuments && r.doc) {
              // pdf-lib keeps the file's bytes for incremental saves, which a source never gets.
              r.doc.context.pdfFileDetails.originalBytes = undefined;
              documents.set(resolved.absPath, r.doc);
              if (r.balances) balances.set(resolved.absPath, r.balances);
            }
            return r.facts;
          });
          factsByPath.set(resolved.absPath, pending);
        }
        const facts = await pending;
        bijlage.facts = facts;
        if (!item.vertrouwelijk && !bijlage.vertrouwelijk) texts?.want(resolved.absPath, facts);
      })();
      jobs.push(job);
      jobOf.set(bijlage, job);
    }
  }
  options.onItems?.(vergadering, items, (bijlage) => (jobOf.get(bijlage) ?? Promise.resolve()).then(() => bijlage.facts, () => undefined));
  await Promise.all(jobs).catch(async (err: unknown) => {
    await texts?.finish();
    throw err;
  });
  // The last texts are read while the rest is loaded (and, with `deferText`, after this returns).
  const textsDone = texts?.finish();
  textsDone?.catch(() => {});
  const textsRead = textsDone && texts?.read().catch(async (err: unknown) => {
    await textsDone.catch(() => {});
    throw err;
  });
  textsRead?.catch(() => {});
  let verzonden: Meeting['verzonden'];
  let attachmentFolder: Meeting['attachmentFolder'];
  try {
    await Promise.all(saves.map((save) => save()));
    verzonden = await readSentVersions(config, dir, loadDiagnostics);
    attachmentFolder = await listAttachmentFolder(config, dir);
    if (!options.deferText) await textsDone;
  } catch (err) {
    await textsDone?.catch(() => {});
    throw err;
  }
  return { meeting: { config, vergadering, deadlines: meetingDeadlines(config, vergadering), items, loadDiagnostics, verzonden, attachmentFolder }, documents, balances, textsRead, textsDone };
}
