// bundel verzonden <vergadering>: record what went out as the next version (`verzonden/<n>.json`):
// the whole bundle the first time, the supplement (`build --nagezonden`) after that. The record is
// made by building again in memory — builds are byte-identical — for the members and the public.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { SENT_FOLDER } from '../../model/sent.js';
import { dutchDate } from '../../util/dutch-date.js';
import { todayInNetherlands } from '../../util/calendar.js';
import { writeAtomically } from '../../write/atomic.js';
import type { CliCommand } from '../command.js';
import { openMeeting } from '../open-meeting.js';
import { printable } from '../format/escape.js';
import { parseDate } from '../options.js';
import { nothingNewText, sourceDateEpochOf } from './build.js';

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const verzondenCommand: CliCommand = {
  register(program, context) {
    const { io, cwd, chalk, printDiagnostics, setExitCode } = context;
    program
      .command('verzonden')
      .description('leg vast dat de bundel (of de nagezonden stukken) is verstuurd: de volgende versie in verzonden/<n>.json')
      .argument('<vergadering>', 'datum (JJJJ-MM-DD) of map van de vergadering')
      .option('--op <JJJJ-MM-DD>', 'de dag van verzending; standaard vandaag', parseDate)
      .option('--wachtwoord <wachtwoord>', 'wachtwoord voor beveiligde bijlagen')
      .action(async (meetingArg: string, opts: { op?: string; wachtwoord?: string }) => {
        const sourceDateEpoch = sourceDateEpochOf(io.env.SOURCE_DATE_EPOCH);
        const opened = await openMeeting(context, meetingArg, 'verzonden');
        if (!opened) return;
        const { config, configDiagnostics, dir } = opened;
        const sentBefore = await stat(path.join(dir, SENT_FOLDER, '1.json')).then(() => true, () => false);
        const { buildMeeting } = await import('../../bundle/build.js');
        const { makeSentVersion } = await import('../../bundle/sent-record.js');
        const common = { password: opts.wachtwoord, nagezonden: sentBefore, sourceDateEpoch, env: io.env };
        const leden = await buildMeeting(config, dir, common);
        if (!leden.ok && leden.ongewijzigd) {
          io.stdout(`${nothingNewText(leden.ongewijzigd)} Er is niets vastgelegd.\n`);
          setExitCode(0);
          return;
        }
        const openbaar = leden.ok ? await buildMeeting(config, dir, { ...common, public: true }) : leden;
        printDiagnostics([...configDiagnostics, ...leden.diagnostics.filter((d) => d.severity === 'error')], 'stylish', 'stderr');
        if (!leden.ok || (!openbaar.ok && !openbaar.ongewijzigd)) {
          if (!openbaar.ok && leden.ok) printDiagnostics(openbaar.diagnostics, 'stylish', 'stderr');
          io.stderr(chalk.red('Er is niets vastgelegd: los eerst de fouten hierboven op.\n'));
          setExitCode(1);
          return;
        }
        const record = makeSentVersion({ meeting: leden.meeting, leden: leden.bundle, openbaar: openbaar.ok ? openbaar.bundle : undefined, verzonden: opts.op ?? todayInNetherlands() });
        const file = path.join(dir, SENT_FOLDER, `${record.versie}.json`);
        await writeAtomically([{ path: file, data: `${JSON.stringify(record, null, 2)}\n` }], { cwd });
        const shown = (p: string): string => printable(path.relative(cwd, p) || p);
        // What is recorded is what the sources give now; say so when the file on disk is not that.
        const onDisk = await readFile(leden.bundle.pdfPath).catch(() => undefined);
        if (!onDisk) io.stderr(`Let op: ${shown(leden.bundle.pdfPath)} bestaat niet; vastgelegd is de bundel zoals de bronnen hem nu geven.\n`);
        else if (sha(onDisk) !== sha(leden.bundle.pdf)) {
          io.stderr(`Let op: ${shown(leden.bundle.pdfPath)} verschilt van wat de bronnen nu geven; vastgelegd is de stand van de bronnen. Was er na het maken nog iets gewijzigd, verstuur dan ook dat.\n`);
        }
        const kind = record.versie === 1 ? 'de bundel' : `nagezonden stukken (versie ${record.versie})`;
        io.stdout(`${chalk.green('✔')} Vastgelegd: ${kind}, verzonden op ${dutchDate(record.verzonden)}, in ${shown(file)} (${record.documenten.length} stukken). Zet het bestand in git.\n`);
        setExitCode(0);
      });
  },
};
