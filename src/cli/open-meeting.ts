// The start of every command on one meeting: the repository's bundel.yaml (its errors printed, exit
// 1) and the meeting folder named on the command line, or the one the current directory is in.

import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { BundelConfig } from '../model/meeting.js';
import { meetingOfCwd, resolveMeetingDir } from '../load/meeting.js';
import { BundelError } from '../model/errors.js';
import type { CommandContext } from './command.js';

export async function openMeeting(
  { openRepository, cwd, printDiagnostics, setExitCode }: CommandContext,
  meetingArg: string | undefined,
  command: string,
): Promise<{ config: BundelConfig; configDiagnostics: Diagnostic[]; dir: string } | undefined> {
  const { config, diagnostics: configDiagnostics } = await openRepository();
  if (hasErrors(configDiagnostics)) {
    printDiagnostics(configDiagnostics, 'stylish', 'stderr');
    setExitCode(1);
    return undefined;
  }
  return { config, configDiagnostics, dir: await meetingArgOrCwd(config, meetingArg, cwd, command) };
}

/** The meeting named on the command line, else the one the current directory is in; else a usage error. */
export async function meetingArgOrCwd(config: BundelConfig, meetingArg: string | undefined, cwd: string, command: string): Promise<string> {
  if (meetingArg !== undefined) return resolveMeetingDir(config, meetingArg, cwd);
  const here = meetingOfCwd(config, cwd);
  if (here) return here;
  throw new BundelError('vergadering-ontbreekt', `Welke vergadering? De huidige map ligt niet in een vergadering in \`${config.vergaderingen}/\`.`, {
    hint: `Geef de datum, bijvoorbeeld \`bundel ${command} 2025-03-05\`, of start bundel in de map van de vergadering.`,
    exitCode: 2,
  });
}
