// bundel build --watch: rebuild when a file of the meeting changes. Debounced, one build at a time
// (a change during a build queues exactly one more), the last good bundle kept when a build fails
// (writes are atomic), one short line per build; stops when the signal aborts (Ctrl-C).

import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { BuildOutcome } from './build-once.js';

/** Quiet time after the last change before a rebuild: editors save in several steps. */
export const WATCH_DEBOUNCE_MS = 300;

export interface WatchOptions {
  /** The meeting folder: watched with everything below it. */
  meetingDir: string;
  /** Other files whose change matters (bundel.yaml, bijlagen outside the meeting folder). */
  extraFiles: string[];
  build: () => Promise<BuildOutcome>;
  /** Called after every build with its outcome and how long it took. */
  report: (outcome: BuildOutcome, ms: number) => void;
  signal: AbortSignal;
  debounceMs?: number;
}

/**
 * The files a build writes, the folders it made for them (`uitvoer:` inside the meeting folder) and
 * the temporary names it writes them under first: never a reason to rebuild.
 */
function isOwnOutput(file: string, outputs: ReadonlySet<string>): boolean {
  if (outputs.has(file) || [...outputs].some((o) => o.startsWith(file + path.sep))) return true;
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(path.basename(file));
}

/** Runs the first build at once, then one per burst of changes, until the signal aborts. */
export async function watchMeeting(options: WatchOptions): Promise<void> {
  const { meetingDir, signal } = options;
  const debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
  const watchers: FSWatcher[] = [];
  const watchedDirs = new Set<string>();
  let sources = new Set<string>([...options.extraFiles].map((f) => path.resolve(f)));
  let outputs = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  let wake: (() => void) | undefined;
  // Changes seen while a build runs: judged once it is done, when the files it wrote are known (the
  // first build's own output would otherwise start a second).
  let building = false;
  const seenDuringBuild = new Set<string | null>();

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      pending = true;
      wake?.();
    }, debounceMs);
  };
  // Below the meeting folder every file counts (a new item, a bijlage dropped in); elsewhere only
  // the files the last build read. An event without a name counts.
  const matters = (file: string | null): boolean =>
    file === null || (!isOwnOutput(file, outputs) && (file.startsWith(meetingDir + path.sep) || sources.has(file)));
  const onChange = (dir: string) => (_event: string, name: string | Buffer | null) => {
    const file = name === null ? null : path.resolve(dir, name.toString());
    if (building) seenDuringBuild.add(file);
    else if (matters(file)) schedule();
  };
  const watchDir = (dir: string, recursive: boolean): void => {
    if (watchedDirs.has(dir)) return;
    watchedDirs.add(dir);
    try {
      watchers.push(watch(dir, { recursive, signal }, onChange(dir)));
    } catch {
      // A folder that vanished: the next build reports the missing files.
    }
  };

  watchDir(meetingDir, true);
  for (const f of sources) watchDir(path.dirname(f), false);
  pending = true;
  try {
    while (!signal.aborted) {
      if (!pending) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        wake = undefined;
        continue;
      }
      pending = false;
      const started = Date.now();
      building = true;
      let outcome: BuildOutcome;
      try {
        outcome = await options.build();
      } finally {
        building = false;
      }
      if (outcome.ok) {
        outputs = new Set(outcome.written.map((f) => path.resolve(f)));
        sources = new Set([...sources, ...outcome.sources.map((f) => path.resolve(f))]);
        for (const f of outcome.sources) if (!path.resolve(f).startsWith(meetingDir + path.sep)) watchDir(path.dirname(path.resolve(f)), false);
      }
      if ([...seenDuringBuild].some(matters)) schedule();
      seenDuringBuild.clear();
      if (!signal.aborted) options.report(outcome, Date.now() - started);
    }
  } finally {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  }
}
