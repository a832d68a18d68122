// bundel build <vergadering>: the bundle PDF with its index (.json) and web page (.html).

import path from 'node:path';
import type { ProgressEvent } from '../../bundle/build.js';
import { hasErrors } from '../../model/diagnostic.js';
import { BundelError } from '../../model/errors.js';
import { meetingArgOrCwd } from '../open-meeting.js';
import { buildOnce, madeWhat, shownPath, type BuildFlags } from '../build-once.js';
import { watchBuild } from '../watch-command.js';
import type { CliCommand } from '../command.js';
import { count, seconds } from '../words.js';
import { printable } from '../format/escape.js';
import { readerText } from '../reader-debug.js';
import type { SentVersion } from '../../model/sent.js';
import { dutchDate } from '../../util/dutch-date.js';

/** The last second PDF dates and Typst can write: 31 December 9999. */
const MAX_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH as https://reproducible-builds.org/specs/source-date-epoch/ defines it: whole
 * seconds since 1970 in decimal digits; empty counts as unset; anything else stops the build.
 */
export function sourceDateEpochOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^[0-9]+$/.test(value) && Number(value) <= MAX_EPOCH) return Number(value);
  throw new BundelError('source-date-epoch-ongeldig', `De omgevingsvariabele \`SOURCE_DATE_EPOCH\` is \`${value}\`; dat is geen geheel aantal seconden sinds 1 januari 1970 (tot het jaar 9999).`, {
    hint: 'Zet hem op de uitvoer van `date +%s` of `git log -1 --format=%ct` (bijvoorbeeld `1741132800`), of maak hem leeg om de datum van de vergadering te gebruiken.',
    exitCode: 2,
  });
}

export const nothingNewText = (v: SentVersion): string =>
  `Niets na te zenden: sinds versie ${v.versie} (verzonden op ${dutchDate(v.verzonden)}) is er geen stuk nieuw, gewijzigd of ingetrokken.`;

export const buildCommand: CliCommand = {
  register(program, { io, cwd, chalk, openRepository, printDiagnostics, setExitCode, globals }) {
    program
      .command('build')
      .description('maak de bundel-PDF van een vergadering, met index (.json) en webpagina (.html)')
      .argument('[vergadering]', 'datum (JJJJ-MM-DD) of map van de vergadering; zonder: de vergadering van de huidige map')
      .option('-o, --uitvoer <bestand>', 'waar de PDF komt (standaard: in de map van de vergadering, "Bundel <orgaan> <datum>.pdf")')
      .option('--openbaar', 'openbare versie: laat vertrouwelijke agendapunten en bijlagen weg')
      .option('--niet-ontdubbelen', 'neem een bestand dat bij meer agendapunten hoort elke keer op')
      .option('--wachtwoord <wachtwoord>', 'wachtwoord voor beveiligde bijlagen')
      .option('--concept', 'maak de bundel ondanks fouten: ontbrekende bijlagen worden een pagina "volgt", CONCEPT op elke pagina en in de bestandsnaam')
      .option('--nagezonden', 'alleen wat nieuw, gewijzigd of ingetrokken is sinds de laatst verzonden versie (zie `bundel verzonden`), met een eigen voorblad')
      .option('--alleen-agenda', 'alleen de agenda (voor een vroege oproep), ook als er nog stukken ontbreken')
      .option('--pdfa', 'maak een PDF/A-2b-bundel voor het archief (bijlagen die dat verhinderen zijn een fout)')
      .option('--bewaken', 'blijf kijken: maak de bundel opnieuw zodra een bestand van de vergadering verandert (stoppen met Ctrl-C)')
      .action(async (meetingArg: string | undefined, opts: BuildFlags & { bewaken?: boolean }) => {
        const started = Date.now();
        // Checked first: a bad value stops the build before anything is read.
        const sourceDateEpoch = sourceDateEpochOf(io.env.SOURCE_DATE_EPOCH);
        const { config, diagnostics: configDiagnostics } = await openRepository();
        if (hasErrors(configDiagnostics)) {
          printDiagnostics(configDiagnostics, 'stylish', 'stderr');
          setExitCode(1);
          return;
        }
        const dir = await meetingArgOrCwd(config, meetingArg, cwd, 'build');
        // `--uitvoer` is relative to the current directory.
        const flags = { ...opts, uitvoer: opts.uitvoer === undefined ? undefined : path.resolve(cwd, opts.uitvoer) };
        if (opts.bewaken) {
          await watchBuild({ io, chalk, cwd, config, dir, flags, sourceDateEpoch });
          setExitCode(0);
          return;
        }
        const elapsed = (): string => seconds(Date.now() - started, 2);
        const line = (text: string): void => io.stderr(io.isTTY ? `${chalk.dim('›')} ${text} ${chalk.dim(elapsed())}\n` : `${text} (${elapsed()})\n`);
        const onProgress = (e: ProgressEvent): void => {
          if (e.step === 'convert') {
            // "LibreOffice 7.4.7.2 40(Build:2)" -> "LibreOffice 7.4.7.2"; the index keeps it whole.
            const by = e.converter.split(' ').slice(0, 2).join(' ');
            line(e.cached ? `Uit de cache: ${e.file} — eerder omgezet met ${by}` : `Omgezet naar PDF: ${e.file} — ${by}, ${seconds(e.ms)}`);
          }
          else if (e.step === 'load') {
            const converted = e.converted + e.fromCache > 0 ? `; ${e.converted} omgezet naar PDF, ${e.fromCache} uit de cache` : '';
            // A file that two items share is read once; an unreadable one not at all.
            const read = e.attachments === e.listed ? count(e.listed, 'bijlage') : `${count(e.listed, 'bijlage')} (${count(e.attachments, 'bestand')} ingelezen)`;
            line(`Ingelezen: ${count(e.items, 'agendapunt')}, ${read}${converted}`);
          }
          else if (e.step === 'validate') line(`Gecontroleerd: ${count(e.errors, 'fout')}, ${count(e.warnings, 'waarschuwing')}`);
          else if (e.step === 'render') {
            const own = [e.voorstellen > 0 ? count(e.voorstellen, 'voorstel') : '', e.memos > 0 ? count(e.memos, 'memo') : ''].filter(Boolean);
            line(`Opgemaakt: agenda${own.length > 0 ? `${own.length > 1 ? ', ' : ' en '}${own.join(' en ')}` : ''} (${count(e.pages, 'pagina')})`);
          }
          else if (e.step === 'assemble') line(`Samengevoegd: ${count(e.pages, 'pagina')}`);
          // For developers: which attachments took the raw copy, and why the others did not.
          else if (e.step === 'copy' && globals().debug) {
            if (e.reader) io.stderr(`debug: ${printable(e.file)}: ${readerText(e.reader)}\n`);
            io.stderr(`debug: ${printable(e.file)}: ${e.raw ? 'ruwe kopie' : `pdf-lib (${e.reason})`}\n`);
          }
        };
        const result = await buildOnce(config, dir, flags, { env: io.env, sourceDateEpoch, cwd }, onProgress);
        printDiagnostics([...configDiagnostics, ...result.diagnostics], 'stylish', 'stderr');
        if (!result.ok && result.ongewijzigd) {
          io.stdout(`${nothingNewText(result.ongewijzigd)} Er is geen bestand gemaakt.\n`);
          setExitCode(0);
          return;
        }
        if (!result.ok) {
          io.stderr(chalk.red('De bundel is niet gemaakt: los eerst de fouten hierboven op (of maak een concept met `--concept`).\n'));
          setExitCode(1);
          return;
        }
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
        const despite = errors > 0 ? `, ondanks ${count(errors, 'fout')} hierboven` : '';
        if (result.nagezonden) {
          const { stukken, versie } = result.nagezonden;
          const withdrawn = stukken.filter((x) => x.reden === 'ingetrokken').length;
          io.stdout(`${chalk.green('✔')} Nagezonden stukken gemaakt: ${printable(shownPath(result.pdfPath, cwd))} (versie ${versie}: ${count(stukken.filter((x) => x.paginas !== undefined).length, 'stuk')}${withdrawn ? `, ${withdrawn} ingetrokken` : ''}, ${count(result.pageCount, 'pagina')}, ${elapsed()})\n`);
          io.stdout(`  Na verzending vastleggen met: bundel verzonden ${meetingArg}\n`);
        } else io.stdout(`${chalk.green('✔')} ${madeWhat(opts)} gemaakt: ${printable(shownPath(result.pdfPath, cwd))} (${count(result.pageCount, 'pagina')}${despite}, ${elapsed()})\n`);
        setExitCode(0);
      });
  },
};
