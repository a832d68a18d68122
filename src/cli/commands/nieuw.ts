// bundel nieuw <datum>: a new meeting folder with vergadering.yaml and the orgaan's standing items.
// Never replaces anything: an existing folder for that date is refused.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { newMeeting, allVergaderingen, previousMeeting } from '../../cycle/new-meeting.js';
import { hasErrors } from '../../model/diagnostic.js';
import { BundelError } from '../../model/errors.js';
import { loadVergadering, resolveMeetingDir } from '../../load/meeting.js';
import { dutchDate } from '../../util/dutch-date.js';
import { toPosix } from '../../util/paths.js';
import { writeAtomically } from '../../write/atomic.js';
import type { CliCommand } from '../command.js';
import { parseDate } from '../options.js';

export const nieuwCommand: CliCommand = {
  register(program, { io, cwd, chalk, openRepository, printDiagnostics, setExitCode }) {
    program
      .command('nieuw')
      .description('maak een nieuwe vergadering: de map met vergadering.yaml en de vaste agendapunten')
      .argument('<datum>', 'de datum van de vergadering (JJJJ-MM-DD)', parseDate)
      .option('--orgaan <naam>', 'het orgaan, bijvoorbeeld "Algemeen Bestuur" (standaard: het enige orgaan in bundel.yaml)')
      .option('--van <datum>', 'neem tijd, locatie en voorzitter over van deze vergadering (standaard: de vorige van hetzelfde orgaan)')
      .action(async (datum: string, opts: { orgaan?: string; van?: string }) => {
        const { config, diagnostics } = await openRepository();
        if (hasErrors(diagnostics)) {
          printDiagnostics(diagnostics, 'stylish', 'stderr');
          setExitCode(1);
          return;
        }
        const all = await allVergaderingen(config);
        const van = opts.van ? await loadVergadering(config, await resolveMeetingDir(config, opts.van, cwd), []) : undefined;
        const orgaan = opts.orgaan?.trim() || van?.orgaan || (config.organen?.size === 1 ? [...config.organen.keys()][0] : undefined);
        if (!orgaan) {
          throw new BundelError('orgaan-onbekend', 'Voor welk orgaan is de vergadering?', {
            hint: `Geef het orgaan met \`--orgaan\`, bijvoorbeeld \`bundel nieuw ${datum} --orgaan "Algemeen Bestuur"\`.`,
            exitCode: 2,
          });
        }
        const previous = previousMeeting(all, orgaan, datum);
        const made = newMeeting(config, { datum, orgaan, source: van ?? previous, previous });
        const shown = toPosix(path.relative(cwd, made.dir)) || '.';
        await mkdir(path.dirname(made.dir), { recursive: true });
        // Made here, not recursively: when it exists already, nothing is written at all.
        await mkdir(made.dir).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'EEXIST') throw err;
          throw new BundelError('vergadering-bestaat', `De map \`${shown}\` bestaat al; \`bundel nieuw\` overschrijft niets.`, {
            hint: 'Kies een andere datum, of voeg met `bundel agendapunt` punten toe aan de bestaande vergadering.',
          });
        });
        await writeAtomically(made.files, { subject: 'De nieuwe vergadering', cwd });

        const lines = [`${chalk.green('✔')} Vergadering aangemaakt: ${shown} (${orgaan}, ${dutchDate(datum)})`, '  vergadering.yaml', ...made.itemFiles.map((f) => `  ${f}`)];
        lines.push(made.source ? `Tijd, locatie en voorzitter zijn overgenomen van de vergadering van ${dutchDate(made.source.datum)}.` : 'Vul in vergadering.yaml tijd, locatie en voorzitter in (nu `[invullen]`).');
        const { aanleveren, verzenden } = made.deadlines;
        if (aanleveren || verzenden) {
          lines.push(
            [aanleveren && `Aanleverdatum: ${dutchDate(aanleveren.datum)} (${aanleveren.herkomst})`, verzenden && `verzenddatum: ${dutchDate(verzenden.datum)} (${verzenden.herkomst})`].filter(Boolean).join('; ') + '.',
          );
        }
        lines.push(`Een agendapunt toevoegen: bundel agendapunt ${datum} "<onderwerp>"`);
        io.stdout(`${lines.join('\n')}\n`);
        setExitCode(0);
      });
  },
};
