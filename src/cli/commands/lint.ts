// bundel lint [vergadering...]: load and validate, print every finding.

import { Option } from 'commander';
import type { Diagnostic } from '../../model/diagnostic.js';
import { hasErrors } from '../../model/diagnostic.js';
import { listMeetings, loadMeeting, resolveMeetingDir } from '../../load/meeting.js';
import { cacheDirFor } from '../../load/text-cache.js';
import { validate } from '../../validate/index.js';
import type { CliCommand } from '../command.js';
import { count } from '../words.js';
import { FORMATS, type FormatName } from '../format/index.js';
import { parseDate } from '../options.js';
import { todayInNetherlands } from '../../util/calendar.js';

export const lintCommand: CliCommand = {
  register(program, { io, cwd, chalk, openRepository, printDiagnostics, setExitCode }) {
    program
      .command('lint')
      .description('controleer of de stukken van een of meer vergaderingen compleet en correct zijn')
      .argument('[vergadering...]', 'datum (JJJJ-MM-DD) of map van de vergadering; zonder: alle vergaderingen')
      .addOption(new Option('-f, --formaat <formaat>', 'hoe de bevindingen worden getoond').choices([...FORMATS]).default('stylish'))
      .option('--datum <JJJJ-MM-DD>', 'doe alsof het vandaag deze datum is (voor de aanleverdatum); standaard vandaag', parseDate)
      .option('--pdfa', 'controleer ook of de bijlagen een PDF/A-bundel (archief) toelaten')
      .action(async (meetings: string[], opts: { formaat: FormatName; datum?: string; pdfa?: boolean }) => {
        const today = opts.datum ?? todayInNetherlands();
        const { config, diagnostics: configDiagnostics } = await openRepository();
        const dirs = meetings.length > 0 ? await Promise.all(meetings.map((m) => resolveMeetingDir(config, m, cwd))) : await listMeetings(config, cwd);
        const all: Diagnostic[] = [...configDiagnostics];
        for (const [i, dir] of dirs.entries()) {
          // With the text of the public attachments, for the privacy, scan and title checks; the facts
          // of unchanged attachments from the cache.
          const cacheDir = cacheDirFor(config, io.env);
          const { meeting } = await loadMeeting(config, dir, { env: io.env, text: { cacheDir }, factsCacheDir: cacheDir });
          // bundel.yaml findings once, not once per meeting.
          all.push(...validate(meeting, { config: i === 0, today, pdfa: opts.pdfa }));
        }
        printDiagnostics(all, opts.formaat, 'stdout');
        if (opts.formaat === 'stylish' && all.length === 0) io.stdout(chalk.green(`✔ Geen problemen gevonden in ${count(dirs.length, 'vergadering')}.\n`));
        setExitCode(hasErrors(all) ? 1 : 0);
      });
  },
};
