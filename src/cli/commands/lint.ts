// bundel lint [vergadering...]: load and validate, print every finding. Without a meeting: the one
// the current directory is in, else all. A file of a meeting: only that file's findings, with the
// errors in vergadering.yaml and bundel.yaml that block it.

import path from 'node:path';
import { Option } from 'commander';
import type { Diagnostic } from '../../model/diagnostic.js';
import { hasErrors } from '../../model/diagnostic.js';
import { listMeetings, loadMeeting, meetingOfCwd, resolveMeetingTarget } from '../../load/meeting.js';
import type { BundelConfig } from '../../model/meeting.js';
import { cacheDirFor } from '../../load/text-cache.js';
import { validateWhileReading } from '../../validate/index.js';
import type { CliCommand } from '../command.js';
import { count } from '../words.js';
import { FORMATS, type FormatName } from '../format/index.js';
import { parseDate } from '../options.js';
import { todayInNetherlands } from '../../util/calendar.js';
import { readerLines } from '../reader-debug.js';

export const lintCommand: CliCommand = {
  register(program, { io, cwd, chalk, openRepository, printDiagnostics, setExitCode, globals }) {
    program
      .command('lint')
      .description('controleer of de stukken van een of meer vergaderingen compleet en correct zijn')
      .argument('[vergadering...]', 'datum (JJJJ-MM-DD), map van de vergadering of een bestand daarin; zonder: de vergadering van de huidige map, anders alle')
      .addOption(new Option('-f, --formaat <formaat>', 'hoe de bevindingen worden getoond').choices([...FORMATS]).default('stylish'))
      .option('--datum <JJJJ-MM-DD>', 'doe alsof het vandaag deze datum is (voor de aanleverdatum); standaard vandaag', parseDate)
      .option('--pdfa', 'controleer ook of de bijlagen een PDF/A-bundel (archief) toelaten')
      .action(async (meetings: string[], opts: { formaat: FormatName; datum?: string; pdfa?: boolean }) => {
        const today = opts.datum ?? todayInNetherlands();
        const { config, diagnostics: configDiagnostics } = await openRepository();
        const targets = await lintTargets(config, meetings, cwd);
        const all: Diagnostic[] = [...configDiagnostics];
        for (const [i, { dir, files }] of targets.entries()) {
          // With the text of the public attachments, for the privacy, scan and title checks; the facts
          // of unchanged attachments from the cache.
          const cacheDir = cacheDirFor(config, io.env);
          // BUNDEL_BENCH_NO_TEXT: for the bench only (docs/performance.md), a lint that reads no attachment text.
          const text = io.env.BUNDEL_BENCH_NO_TEXT === '1' ? undefined : { cacheDir };
          // The rules that need no text run while the last texts are read.
          const { meeting, textsRead, textsDone } = await loadMeeting(config, dir, { env: io.env, text, deferText: true, factsCacheDir: cacheDir });
          if (globals().debug) {
            await textsRead;
            readerLines(meeting).forEach((l) => io.stderr(l));
          }
          // bundel.yaml findings once, not once per meeting.
          // The checks run while the text thread ends and the text cache is pruned.
          const found = await validateWhileReading(meeting, { config: i === 0, today, pdfa: opts.pdfa }, textsRead).finally(() => textsDone);
          all.push(...(files ? onlyFiles(found, files, meeting.vergadering.file) : found));
        }
        printDiagnostics(all, opts.formaat, 'stdout');
        const files = targets.every((t) => t.files) ? targets.flatMap((t) => t.files ?? []) : [];
        const where = files.length > 0 ? files.map((f) => `\`${path.posix.basename(f)}\``).join(', ') : count(targets.length, 'vergadering');
        if (opts.formaat === 'stylish' && all.length === 0) io.stdout(chalk.green(`✔ Geen problemen gevonden in ${where}.\n`));
        setExitCode(hasErrors(all) ? 1 : 0);
      });
  },
};

/** The meetings named (with the files named in each, if only files were), else the one of the current directory, else all. */
async function lintTargets(config: BundelConfig, typed: string[], cwd: string): Promise<{ dir: string; files?: string[] }[]> {
  if (typed.length === 0) {
    const here = meetingOfCwd(config, cwd);
    return here ? [{ dir: here }] : (await listMeetings(config, cwd)).map((dir) => ({ dir }));
  }
  const byDir = new Map<string, string[] | undefined>();
  for (const { dir, file } of await Promise.all(typed.map((t) => resolveMeetingTarget(config, t, cwd)))) {
    const before = byDir.get(dir);
    // A meeting named whole once is linted whole.
    byDir.set(dir, byDir.has(dir) && before === undefined ? undefined : file === undefined ? undefined : [...(before ?? []), file]);
  }
  return [...byDir].map(([dir, files]) => ({ dir, files }));
}

/** The findings in `files`, and the errors in vergadering.yaml and bundel.yaml (they block every item). */
function onlyFiles(diagnostics: Diagnostic[], files: string[], meetingFile: string): Diagnostic[] {
  return diagnostics.filter((d) => files.includes(d.file) || (d.severity === 'error' && (d.file === meetingFile || d.file === 'bundel.yaml')));
}
