// The command line: wires the commands (src/cli/commands/) to commander, owns stdout/stderr, turns
// errors into messages and exit codes. Nothing else prints.
// Exit codes: 0 no errors (warnings allowed), 1 errors in the input, 2 usage or internal error.

import { Chalk } from 'chalk';
import { Command, CommanderError } from 'commander';
import { openRepository } from '../load/meeting.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { sortDiagnostics } from '../model/diagnostic.js';
import { BundelError } from '../model/errors.js';
import { VERSION } from '../util/paths.js';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { type Failure, FORMATS, formatDiagnostics, formatFailure, type FormatName } from './format/index.js';
import { DUTCH_HELP, translateFlags } from './help.js';
import { defaultIo, type Io } from './io.js';
import { fromCwd, relocate } from './relative-paths.js';

export type { Io };

const quoted = (m: string): string => m.match(/'([^']+)'/)?.[1] ?? '';
/** Commander's usage errors: a stable code of our own and a Dutch message. */
const USAGE_MESSAGES: Record<string, { code: string; message: (m: string) => string }> = {
  'commander.unknownOption': { code: 'onbekende-optie', message: (m) => `Onbekende optie ${quoted(m)}.` },
  'commander.unknownCommand': { code: 'onbekend-commando', message: (m) => `Onbekend commando ${quoted(m)}.` },
  'commander.missingArgument': { code: 'argument-ontbreekt', message: (m) => `Er ontbreekt een argument: ${quoted(m)}.` },
  'commander.optionMissingArgument': { code: 'waarde-ontbreekt', message: (m) => `De optie ${quoted(m)} heeft een waarde nodig.` },
  'commander.invalidArgument': { code: 'ongeldige-waarde', message: (m) => `Ongeldige waarde: ${m.replace(/^error: /, '')}` },
  'commander.excessArguments': { code: 'te-veel-argumenten', message: () => 'Te veel argumenten.' },
};

/** The output format asked for on the command line (flags already in Dutch), read before (or although) parsing fails. */
function requestedFormat(argv: readonly string[]): FormatName {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '-f' || arg === '--formaat' ? argv[i + 1] : arg.startsWith('--formaat=') ? arg.slice('--formaat='.length) : undefined;
    if (value !== undefined && (FORMATS as readonly string[]).includes(value)) return value as FormatName;
  }
  return 'stylish';
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const chalk = new Chalk({ level: io.color ? 1 : 0 });
  const debug = argv.includes('--debug');
  const cwd = io.cwd ?? process.cwd();
  let exitCode = 0;
  /** The repository once a command has opened it: diagnostics' paths are relative to it. */
  let root: string | undefined;

  const printDiagnostics = (diagnostics: Diagnostic[], format: FormatName, to: 'stdout' | 'stderr'): void => {
    // PDF object numbers are for developers: in the message only with --debug, never as a field.
    const plain = diagnostics.map(({ detail, ...d }) => (debug && detail ? { ...d, message: `${d.message} (technisch: ${detail})` } : d));
    const shown = root === undefined ? plain : relocate(plain, root, cwd);
    const text = formatDiagnostics(sortDiagnostics(shown), format, { color: io.color, version: VERSION });
    if (text) io[to](text.endsWith('\n') ? text : `${text}\n`);
  };

  /** A run that stopped: in the format asked for; machine formats on stdout, where their reader looks. */
  const printFailure = (failure: Failure): number => {
    const format = requestedFormat(translateFlags(argv));
    io[format === 'stylish' ? 'stderr' : 'stdout'](formatFailure(failure, format, { color: io.color, version: VERSION }));
    return failure.exitCode;
  };

  const program = new Command()
    .name('bundel')
    .description('Maakt van de agendapunten en bijlagen van een vergadering één genummerde, doorzoekbare bundel-PDF.')
    .configureHelp(DUTCH_HELP)
    .helpOption('-h, --help', 'toon deze hulp')
    .version(VERSION, '-V, --version', 'toon het versienummer')
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
    cwd,
    chalk,
    globals: () => program.opts<{ root?: string; debug?: boolean }>(),
    openRepository: async () => {
      const opened = await openRepository(program.opts<{ root?: string }>().root, cwd);
      root = opened.config.root;
      return opened;
    },
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
      const usage = USAGE_MESSAGES[err.code];
      return printFailure({
        code: usage?.code ?? 'gebruik',
        message: usage ? usage.message(err.message) : err.message.replace(/^error: /, ''),
        hint: 'Zie `bundel --help`.',
        exitCode: 2,
      });
    }
    if (err instanceof BundelError) {
      const file = err.file === undefined ? undefined : root === undefined ? err.file : fromCwd(err.file, root, cwd);
      const code = printFailure({ code: err.code, message: err.message, hint: err.hint, file, exitCode: err.exitCode });
      if (debug && err.cause) io.stderr(`${String((err.cause as Error).stack ?? err.cause)}\n`);
      return code;
    }
    const code = printFailure({
      code: 'intern',
      message: 'Er ging iets mis in bundel zelf; dat ligt niet aan uw bestanden.',
      hint: debug ? 'De technische details staan hieronder; meld die bij de beheerders.' : 'Start opnieuw met --debug voor de technische details, en meld die bij de beheerders.',
      exitCode: 2,
    });
    if (debug) io.stderr(`${(err as Error).stack ?? String(err)}\n`);
    return code;
  }
}
