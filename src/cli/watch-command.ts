// The CLI side of `bundel build --bewaken`: one short line per build, Ctrl-C stops it cleanly.

import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { BundelError } from '../model/errors.js';
import type { BundelConfig } from '../model/meeting.js';
import { buildOnce, madeWhat, shownPath, type BuildFlags, type BuildOutcome } from './build-once.js';
import { printable } from './format/escape.js';
import type { Io } from './io.js';
import { watchMeeting } from './watch.js';
import { count, seconds } from './words.js';

export interface WatchBuildOptions {
  io: Io;
  chalk: ChalkInstance;
  /** Where messages show paths from (`io.cwd` as main resolved it). */
  cwd: string;
  config: BundelConfig;
  dir: string;
  flags: BuildFlags;
  sourceDateEpoch?: number;
}

const clock = (): string => new Date().toTimeString().slice(0, 8);

export async function watchBuild({ io, chalk, cwd, config, dir, flags, sourceDateEpoch }: WatchBuildOptions): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  io.signal?.addEventListener('abort', stop, { once: true });
  if (io.signal?.aborted) stop();
  // Without an injected signal (a real terminal), Ctrl-C ends the watch instead of the process.
  const onSigint = (): void => stop();
  if (!io.signal) process.once('SIGINT', onSigint);
  const what = madeWhat(flags);
  io.stderr(`Bewaakt ${printable(shownPath(dir, cwd))}: elke wijziging maakt de ${what.toLowerCase()} opnieuw. Stoppen met Ctrl-C.\n`);
  try {
    await watchMeeting({
      meetingDir: path.resolve(dir),
      extraFiles: config.file ? [path.join(config.root, config.file)] : [],
      build: async (): Promise<BuildOutcome> => {
        try {
          return await buildOnce(config, dir, flags, { env: io.env, sourceDateEpoch, cwd });
        } catch (err) {
          // A build that stops (a layout or write that fails) is one failed build, not the end of the watch.
          if (!(err instanceof BundelError)) throw err;
          io.stderr(`${err.file ? `${printable(err.file)}: ` : ''}${chalk.red(printable(err.message))}\n`);
          return { ok: false, diagnostics: [{ file: err.file ?? '', rule: err.code, severity: 'error', message: err.message, hint: err.hint }] };
        }
      },
      signal: controller.signal,
      report: (outcome, ms) => {
        const errors = outcome.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = outcome.diagnostics.length - errors;
        const findings = errors + warnings > 0 ? `; ${count(errors, 'fout')}, ${count(warnings, 'waarschuwing')}` : '';
        if (outcome.ok) {
          io.stdout(`${chalk.dim(clock())} ${chalk.green('✔')} ${what} gemaakt: ${printable(shownPath(outcome.pdfPath, cwd))} (${count(outcome.pageCount, 'pagina')}, ${seconds(ms)}${findings})
`);
        } else {
          io.stdout(`${chalk.dim(clock())} ${chalk.red('✖')} Niet gemaakt${findings}: de vorige ${what.toLowerCase()} blijft staan. Zie \`bundel lint\`.\n`);
        }
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    io.signal?.removeEventListener('abort', stop);
  }
  io.stderr('Gestopt met bewaken.\n');
}
