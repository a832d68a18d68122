// The start of every command on one meeting: the repository's bundel.yaml (its errors printed, exit
// 1) and the meeting folder named on the command line.

import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import type { BundelConfig } from '../model/meeting.js';
import { openRepository, resolveMeetingDir } from '../load/meeting.js';
import type { CommandContext } from './command.js';

export async function openMeeting(
  { globals, printDiagnostics, setExitCode }: CommandContext,
  meetingArg: string,
): Promise<{ config: BundelConfig; configDiagnostics: Diagnostic[]; dir: string } | undefined> {
  const { config, diagnostics: configDiagnostics } = await openRepository(globals().root);
  if (hasErrors(configDiagnostics)) {
    printDiagnostics(configDiagnostics, 'stylish', 'stderr');
    setExitCode(1);
    return undefined;
  }
  return { config, configDiagnostics, dir: await resolveMeetingDir(config, meetingArg) };
}
