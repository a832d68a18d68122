// A run that stops before it can report diagnostics (no repository, no such meeting, bad usage):
// the same facts as a BundelError, shown in whichever format the user chose, its values escaped as
// the diagnostics' are (they carry paths and names the user typed).

import { Chalk } from 'chalk';
import { escapeControl, escapeJsonText, printable } from './escape.js';
import { escapeData, escapeProperty } from './github.js';

export interface Failure {
  /** Stable code, e.g. `vergadering-ontbreekt`. */
  code: string;
  message: string;
  hint?: string;
  /** Relative to the current directory, forward slashes. */
  file?: string;
  exitCode: number;
}

export function formatFailureStylish(f: Failure, { color }: { color: boolean }): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return `${f.file ? `${printable(f.file)}: ` : ''}${chalk.red(printable(f.message))}\n${f.hint ? `${chalk.dim(printable(f.hint))}\n` : ''}`;
}

export function formatFailureJson(f: Failure): string {
  const error = { code: f.code, file: f.file ?? null, message: f.message, hint: f.hint ?? null, exitCode: f.exitCode };
  return `${escapeJsonText(JSON.stringify({ error }, null, 2))}\n`;
}

export function formatFailureGithub(f: Failure): string {
  const props = [...(f.file ? [`file=${escapeProperty(escapeControl(f.file))}`] : []), `title=${escapeProperty(f.code)}`].join(',');
  // The one line break that is ours: between message and hint.
  return `::error ${props}::${escapeData(f.hint ? `${escapeControl(f.message)}\n${escapeControl(f.hint)}` : escapeControl(f.message))}\n`;
}
