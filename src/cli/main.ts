// The command line: wires the commands (src/cli/commands/) to commander, owns stdout/stderr, turns
// errors into messages and exit codes. Nothing else prints.
// Exit codes: 0 no errors (warnings allowed), 1 errors in the input, 2 usage or internal error.

import { Chalk } from 'chalk';
import { Command, CommanderError } from 'commander';
import type { Diagnostic } from '../model/diagnostic.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import { BundelError } from '../model/errors.js';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { printable } from './format/escape.js';
import { formatDiagnostics, type FormatName } from './format/index.js';
import { DUTCH_HELP, translateFlags } from './help.js';
import { defaultIo, type Io } from './io.js';

export type { Io };

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
    .configureHelp(DUTCH_HELP)
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

  const context: CommandContext = {
    io,
    cwd: io.cwd ?? process.cwd(),
    chalk,
    globals: () => program.opts<{ root?: string; debug?: boolean }>(),
    printDiagnostics,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  for (const command of COMMANDS) command.register(program, context);

  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 2;
    }
    await program.parseAsync(translateFlags(argv), { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const translate = USAGE_MESSAGES[err.code];
      io.stderr(`${chalk.red(printable(translate ? translate(err.message) : err.message.replace(/^error: /, '')))}\n${chalk.dim('Zie `bundel --help`.')}\n`);
      return 2;
    }
    if (err instanceof BundelError) {
      // Messages carry user values (paths, names): printed escaped, like every diagnostic.
      io.stderr(`${err.file ? `${printable(err.file)}: ` : ''}${chalk.red(printable(err.message))}\n`);
      if (err.hint) io.stderr(`${chalk.dim(printable(err.hint))}\n`);
      if (debug && err.cause) io.stderr(`${String((err.cause as Error).stack ?? err.cause)}\n`);
      return err.exitCode;
    }
    io.stderr(`${chalk.red('Er ging iets mis in bundel zelf; dat ligt niet aan uw bestanden.')}\n`);
    io.stderr(debug ? `${(err as Error).stack ?? String(err)}\n` : `${chalk.dim('Start opnieuw met --debug voor de technische details, en meld die bij de beheerders.')}\n`);
    return 2;
  }
}
