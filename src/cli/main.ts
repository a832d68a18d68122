// The command line: parses arguments, owns stdout/stderr and exit codes. Nothing else prints.
// Exit codes: 0 no errors (warnings allowed), 1 errors in the input, 2 usage or internal error.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import { Command, CommanderError, Option } from 'commander';
import type { ProgressEvent } from '../bundle/build.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../model/diagnostic.js';
import { BundelError } from '../model/errors.js';
import { listMeetings, loadMeeting, openRepository, resolveMeetingDir } from '../load/meeting.js';
import { validate } from '../validate/index.js';
import { jsonSchemas } from '../validate/schema.js';
import { writeAtomically } from '../write/atomic.js';
import { formatDiagnostics, type FormatName } from './format/index.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
}

function defaultIo(): Io {
  const env = process.env;
  const isTTY = Boolean(process.stderr.isTTY);
  const color = !('NO_COLOR' in env) && (env.FORCE_COLOR !== undefined ? env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY));
  return { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), isTTY, color, env };
}

const USAGE_MESSAGES: Record<string, (m: string) => string> = {
  'commander.unknownOption': (m) => `Onbekende optie ${m.match(/'([^']+)'/)?.[1] ?? ''}.`,
  'commander.unknownCommand': (m) => `Onbekend commando ${m.match(/'([^']+)'/)?.[1] ?? ''}.`,
  'commander.missingArgument': (m) => `Er ontbreekt een argument: ${m.match(/'([^']+)'/)?.[1] ?? ''}.`,
  'commander.optionMissingArgument': (m) => `De optie ${m.match(/'([^']+)'/)?.[1] ?? ''} heeft een waarde nodig.`,
  'commander.invalidArgument': (m) => `Ongeldige waarde: ${m.replace(/^error: /, '')}`,
  'commander.excessArguments': () => 'Te veel argumenten.',
};

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const chalk = new Chalk({ level: io.color ? 1 : 0 });
  const debug = argv.includes('--debug');
  let exitCode = 0;

  const printDiagnostics = (diagnostics: Diagnostic[], format: FormatName, to: 'stdout' | 'stderr'): void => {
    const text = formatDiagnostics(sortDiagnostics(diagnostics), format, { color: io.color });
    if (text) io[to](text.endsWith('\n') ? text : `${text}\n`);
  };

  const program = new Command()
    .name('bundel')
    .description('Maakt van de agendapunten en bijlagen van een vergadering één genummerde, doorzoekbare bundel-PDF.')
    .helpOption('-h, --help', 'toon deze hulp')
    .version(process.env.npm_package_version ?? '0.1.0', '-V, --version', 'toon het versienummer')
    .addHelpCommand('help [commando]', 'toon hulp bij een commando')
    .option('--root <map>', 'de repository met vergaderingen (standaard: de map met bundel.yaml, zoekend vanaf de huidige map)')
    .option('--debug', 'toon bij een interne fout de technische details')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: () => {},
    });

  program
    .command('lint')
    .description('controleer of de stukken van een of meer vergaderingen compleet en correct zijn')
    .argument('[vergadering...]', 'datum (JJJJ-MM-DD) of map van de vergadering; zonder: alle vergaderingen')
    .addOption(new Option('-f, --format <formaat>', 'uitvoer: stylish, json of github').choices(['stylish', 'json', 'github']).default('stylish'))
    .action(async (meetings: string[], opts: { format: FormatName }) => {
      const { config, diagnostics: configDiagnostics } = await openRepository(program.opts().root);
      const dirs = meetings.length > 0 ? await Promise.all(meetings.map((m) => resolveMeetingDir(config, m))) : await listMeetings(config);
      const all: Diagnostic[] = [...configDiagnostics];
      for (const [i, dir] of dirs.entries()) {
        const { meeting } = await loadMeeting(config, dir);
        // bundel.yaml findings once, not once per meeting.
        all.push(...validate(meeting, { config: i === 0 }));
      }
      printDiagnostics(all, opts.format, 'stdout');
      if (opts.format === 'stylish' && all.length === 0) io.stdout(chalk.green(`✔ Geen problemen gevonden in ${dirs.length} ${dirs.length === 1 ? 'vergadering' : 'vergaderingen'}.\n`));
      exitCode = hasErrors(all) ? 1 : 0;
    });

  program
    .command('build')
    .description('maak de bundel-PDF van een vergadering, met index (.json) en webpagina (.html)')
    .argument('<vergadering>', 'datum (JJJJ-MM-DD) of map van de vergadering')
    .option('-o, --output <bestand>', 'waar de PDF komt (standaard: in de map van de vergadering, "Bundel <orgaan> <datum>.pdf")')
    .option('--public', 'openbare versie: laat vertrouwelijke agendapunten en bijlagen weg')
    .option('--no-dedupe', 'neem een bestand dat bij meer agendapunten hoort elke keer op')
    .option('--wachtwoord <wachtwoord>', 'wachtwoord voor beveiligde bijlagen')
    .action(async (meetingArg: string, opts: { output?: string; public?: boolean; dedupe: boolean; wachtwoord?: string }) => {
      const started = Date.now();
      const { config, diagnostics: configDiagnostics } = await openRepository(program.opts().root);
      if (hasErrors(configDiagnostics)) {
        printDiagnostics(configDiagnostics, 'stylish', 'stderr');
        exitCode = 1;
        return;
      }
      const dir = await resolveMeetingDir(config, meetingArg);
      const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(2)} s`;
      const line = (text: string): void => io.stderr(io.isTTY ? `${chalk.dim('›')} ${text} ${chalk.dim(elapsed())}\n` : `${text} (${elapsed()})\n`);
      const onProgress = (e: ProgressEvent): void => {
        if (e.step === 'load') line(`Ingelezen: ${e.items} agendapunten, ${e.attachments} bijlagen`);
        else if (e.step === 'validate') line(`Gecontroleerd: ${e.errors} fouten, ${e.warnings} waarschuwingen`);
        else if (e.step === 'render') line(`Opgemaakt: agenda en ${e.documents - 1} andere pagina's`);
        else if (e.step === 'assemble') line(`Samengevoegd: ${e.pages} pagina's`);
      };
      const sourceDateEpoch = io.env.SOURCE_DATE_EPOCH !== undefined ? Number(io.env.SOURCE_DATE_EPOCH) : undefined;
      // Loaded here so `lint` and `schema` do not pay for the layout engine.
      const { buildMeeting } = await import('../bundle/build.js');
      const result = await buildMeeting(config, dir, { public: opts.public, dedupe: opts.dedupe, password: opts.wachtwoord, sourceDateEpoch, onProgress });
      printDiagnostics([...configDiagnostics, ...result.diagnostics], 'stylish', 'stderr');
      if (!result.ok) {
        io.stderr(chalk.red('De bundel is niet gemaakt: los eerst de fouten hierboven op.\n'));
        exitCode = 1;
        return;
      }
      const { bundle } = result;
      const pdfPath = path.resolve(opts.output ?? path.join(dir, bundle.fileName));
      const base = pdfPath.toLowerCase().endsWith('.pdf') ? pdfPath.slice(0, -4) : pdfPath;
      await writeAtomically([
        { path: pdfPath, data: bundle.pdf },
        { path: `${base}.json`, data: `${JSON.stringify({ ...bundle.index, bundel: { ...bundle.index.bundel, bestand: path.basename(pdfPath) } }, null, 2)}\n` },
        { path: `${base}.html`, data: bundle.html(encodeURI(path.basename(pdfPath))) },
      ]);
      const shown = path.relative(process.cwd(), pdfPath) || pdfPath;
      io.stdout(`${chalk.green('✔')} Bundel gemaakt: ${shown} (${bundle.pageCount} pagina's, ${elapsed()})\n`);
      exitCode = 0;
    });

  program
    .command('schema')
    .description('JSON Schema van de front matter, vergadering.yaml en bundel.yaml (voor editors)')
    .option('--out <map>', 'schrijf agendapunt.schema.json, vergadering.schema.json en bundel.schema.json in deze map')
    .action(async (opts: { out?: string }) => {
      const schemas = jsonSchemas();
      if (!opts.out) {
        io.stdout(`${JSON.stringify(schemas, null, 2)}\n`);
        return;
      }
      await mkdir(opts.out, { recursive: true });
      for (const [name, schema] of Object.entries(schemas)) {
        await writeFile(path.join(opts.out, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
      }
      io.stdout(`Schema's geschreven in ${opts.out}\n`);
    });

  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const translate = USAGE_MESSAGES[err.code];
      io.stderr(`${chalk.red(translate ? translate(err.message) : err.message.replace(/^error: /, ''))}\n${chalk.dim('Zie `bundel --help`.')}\n`);
      return 2;
    }
    if (err instanceof BundelError) {
      io.stderr(`${err.file ? `${err.file}: ` : ''}${chalk.red(err.message)}\n`);
      if (err.hint) io.stderr(`${chalk.dim(err.hint)}\n`);
      if (debug && err.cause) io.stderr(`${String((err.cause as Error).stack ?? err.cause)}\n`);
      return err.exitCode;
    }
    io.stderr(`${chalk.red('Er ging iets mis in bundel zelf; dat ligt niet aan uw bestanden.')}\n`);
    io.stderr(debug ? `${(err as Error).stack ?? String(err)}\n` : `${chalk.dim('Start opnieuw met --debug voor de technische details, en meld die bij de beheerders.')}\n`);
    return 2;
  }
}
