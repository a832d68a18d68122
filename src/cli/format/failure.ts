// A run that stops before it can report diagnostics (no repository, no such meeting, bad usage):
// the same facts as a BundelError, shown in whichever format the user chose.

import { Chalk } from 'chalk';
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
  return `${f.file ? `${f.file}: ` : ''}${chalk.red(f.message)}\n${f.hint ? `${chalk.dim(f.hint)}\n` : ''}`;
}

export function formatFailureJson(f: Failure): string {
  const error = { code: f.code, file: f.file ?? null, message: f.message, hint: f.hint ?? null, exitCode: f.exitCode };
  return `${JSON.stringify({ error }, null, 2)}\n`;
}

export function formatFailureGithub(f: Failure): string {
  const props = [...(f.file ? [`file=${escapeProperty(f.file)}`] : []), `title=${escapeProperty(f.code)}`].join(',');
  return `::error ${props}::${escapeData(f.hint ? `${f.message}\n${f.hint}` : f.message)}\n`;
}
