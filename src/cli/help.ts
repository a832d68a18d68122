// Help in Dutch: commander's own headings and notes ("Usage:", "Options:", "(default: …)") through
// its Help configuration, and the English flag names of earlier versions accepted as aliases.

import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Arguments:': 'Argumenten:',
  'Options:': 'Opties:',
  'Global Options:': 'Algemene opties:',
  'Commands:': 'Commando’s:',
};

/** commander's usage placeholders in Dutch. */
const dutchUsage = (usage: string): string => usage.replace('[options]', '[opties]').replace('[command]', '[commando]');

/** Choices and default as "(keuze: …, standaard: …)". */
function extras(description: string, choices: readonly string[] | undefined, defaultValue: unknown, shown: boolean, defaultDescription?: string): string {
  const extra: string[] = [];
  if (choices) extra.push(`keuze: ${choices.join(', ')}`);
  if (shown && defaultValue !== undefined) extra.push(`standaard: ${defaultDescription ?? (typeof defaultValue === 'string' ? defaultValue : JSON.stringify(defaultValue))}`);
  return extra.length > 0 ? `${description} (${extra.join('; ')})` : description;
}

export const DUTCH_HELP: HelpConfiguration = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  commandUsage(this: Help, cmd: Command): string {
    return dutchUsage(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command): string {
    return dutchUsage(Help.prototype.subcommandTerm.call(this, cmd));
  },
  optionDescription: (option: Option) =>
    // A boolean flag's default (false) is not worth showing; a value's default is.
    extras(option.description, option.argChoices, option.defaultValue, option.required || option.optional, option.defaultValueDescription),
  argumentDescription: (argument: Argument) =>
    extras(argument.description, argument.argChoices, argument.defaultValue, true, argument.defaultValueDescription),
};

/**
 * Flags of earlier versions, in English, and their Dutch names. Accepted on the command line,
 * not listed in the help.
 */
export const FLAG_ALIASES: Readonly<Record<string, string>> = {
  '--output': '--uitvoer',
  '--out': '--uitvoer',
  '--public': '--openbaar',
  '--no-dedupe': '--niet-ontdubbelen',
  '--format': '--formaat',
  '--watch': '--bewaken',
};

/** `argv` with every English alias (also as `--output=x`) replaced by its Dutch name, up to `--`. */
export function translateFlags(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) => {
    if (end !== -1 && i >= end) return arg;
    const [name, ...value] = arg.split('=');
    const dutch = FLAG_ALIASES[name];
    return dutch === undefined ? arg : [dutch, ...value].join('=');
  });
}
