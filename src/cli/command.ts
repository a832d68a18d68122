// The shape of a command: one file in src/cli/commands/ with its arguments, options, help text and
// action, listed once in src/cli/commands/index.ts. `main` only wires them to commander.

import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import type { Diagnostic } from '../model/diagnostic.js';
import type { BundelConfig } from '../model/meeting.js';
import type { FormatName } from './format/index.js';
import type { Io } from './io.js';

export interface CommandContext {
  io: Io;
  /** The current directory (`io.cwd`, else the process's): relative paths are resolved from it and printed relative to it. */
  cwd: string;
  chalk: ChalkInstance;
  /** The global options: `--root`, `--debug`. */
  globals(): { root?: string; debug?: boolean };
  /** The repository of meetings (`--root`, else found from `cwd`) and bundel.yaml's own findings. */
  openRepository(): Promise<{ config: BundelConfig; diagnostics: Diagnostic[] }>;
  /** Sorted and formatted, on stdout or stderr, with paths relative to `cwd`. */
  printDiagnostics(diagnostics: Diagnostic[], format: FormatName, to: 'stdout' | 'stderr'): void;
  /** The exit code when the command ends normally: 0 ok, 1 errors in the input. */
  setExitCode(code: 0 | 1): void;
}

export interface CliCommand {
  /** Add the command to `program`: `program.command(name).description(…).option(…).action(…)`. */
  register(program: Command, context: CommandContext): void;
}
