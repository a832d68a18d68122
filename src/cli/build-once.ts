// One build as `bundel build` runs it: load, check, lay out, write atomically; shared by the plain
// build and the watch mode (src/cli/watch.ts), which prints one line per build instead of progress.

import path from 'node:path';
import { toPosix } from '../util/paths.js';
import type { ProgressEvent } from '../bundle/build.js';
import type { IndexNagezonden } from '../bundle/index-data.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SentVersion } from '../model/sent.js';
import type { BundelConfig } from '../model/meeting.js';
import { filesRead } from '../load/files-read.js';
import { cacheDirFor } from '../load/text-cache.js';
import { writeAtomically } from '../write/atomic.js';

export interface BuildFlags {
  uitvoer?: string;
  openbaar?: boolean;
  nietOntdubbelen?: boolean;
  wachtwoord?: string;
  concept?: boolean;
  alleenAgenda?: boolean;
  nagezonden?: boolean;
  pdfa?: boolean;
}

export type BuildOutcome =
  | { ok: false; diagnostics: Diagnostic[]; /** `--nagezonden` with nothing new since this version. */ ongewijzigd?: SentVersion }
  | { ok: true; diagnostics: Diagnostic[]; nagezonden?: IndexNagezonden; pdfPath: string; pageCount: number; /** Every file the meeting read. */ sources: string[]; /** Every file the build wrote. */ written: string[] };

export async function buildOnce(
  config: BundelConfig,
  dir: string,
  flags: BuildFlags,
  { env, sourceDateEpoch, cwd }: { env: NodeJS.ProcessEnv; sourceDateEpoch?: number; /** Where messages show paths from. */ cwd: string },
  onProgress?: (e: ProgressEvent) => void,
): Promise<BuildOutcome> {
  // Loaded here so `lint` and `schema` do not pay for the layout engine.
  const { buildMeeting } = await import('../bundle/build.js');
  const result = await buildMeeting(config, dir, {
    public: flags.openbaar,
    dedupe: !flags.nietOntdubbelen,
    password: flags.wachtwoord,
    output: flags.uitvoer,
    sourceDateEpoch,
    env,
    onProgress,
    cacheDir: cacheDirFor(config, env),
    concept: flags.concept,
    agendaOnly: flags.alleenAgenda,
    nagezonden: flags.nagezonden,
    pdfa: flags.pdfa,
  });
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics, ongewijzigd: result.ongewijzigd };
  const sources = filesRead(result.meeting);
  // Never onto a file the meeting reads, nor onto a device or FIFO (checked before writing).
  await writeAtomically(result.files, { protect: { files: sources, meetingDir: result.meeting.vergadering.dir }, cwd });
  return { ok: true, diagnostics: result.diagnostics, nagezonden: result.bundle.index.nagezonden, pdfPath: result.bundle.pdfPath, pageCount: result.bundle.pageCount, sources, written: result.files.map((f) => f.path) };
}

/** What a build made, as the CLI names it. */
export function madeWhat(flags: BuildFlags): string {
  if (flags.alleenAgenda) return flags.concept ? 'Conceptagenda' : 'Agenda';
  return flags.concept ? 'Conceptbundel' : 'Bundel';
}

/** A path as the user finds it from `cwd` (forward slashes). */
export const shownPath = (p: string, cwd: string): string => toPosix(path.relative(cwd, p)) || p;
