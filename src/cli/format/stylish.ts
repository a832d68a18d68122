// ESLint-style output for people: problems grouped per file, `line:col  severity  message  rule`,
// the hint dimmed on the line below, and a summary in Dutch.

import { Chalk } from 'chalk';
import type { Diagnostic } from '../../model/diagnostic.js';

export interface StylishOptions {
  color: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Visible width: ignores nothing fancy, but counts astral characters once. */
const width = (s: string): number => [...s].length;
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(diagnostics.length, 'probleem', 'problemen')} (${plural(errors, 'fout', 'fouten')}, ${plural(warnings, 'waarschuwing', 'waarschuwingen')})`;
}

export function formatStylish(diagnostics: readonly Diagnostic[], { color }: StylishOptions): string {
  if (diagnostics.length === 0) return '';
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const files = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) files.set(d.file, [...(files.get(d.file) ?? []), d]);

  const out: string[] = [];
  for (const [file, list] of files) {
    out.push('', chalk.underline(file));
    const rows = list.map((d) => ({
      position: d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '',
      severity: d.severity === 'error' ? 'fout' : 'waarschuwing',
      d,
    }));
    const positionWidth = Math.max(...rows.map((r) => width(r.position)));
    const severityWidth = Math.max(...rows.map((r) => width(r.severity)));
    const firstLine = (s: string): string => s.split('\n')[0];
    const messageWidth = Math.max(...rows.map((r) => width(firstLine(r.d.message))));
    const indent = ' '.repeat(positionWidth + severityWidth + 6);
    for (const { position, severity, d } of rows) {
      const paint = d.severity === 'error' ? chalk.red : chalk.yellow;
      const [first, ...more] = d.message.split('\n');
      out.push(`  ${chalk.dim(pad(position, positionWidth))}  ${paint(pad(severity, severityWidth))}  ${pad(first, messageWidth)}  ${chalk.dim(d.rule)}`);
      for (const line of more) out.push(`${indent}${line}`);
      for (const line of d.hint?.split('\n') ?? []) out.push(`${indent}${chalk.dim(line)}`);
    }
  }
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  out.push('', (hasErrors ? chalk.red.bold : chalk.yellow.bold)(`✖ ${summary(diagnostics)}`), '');
  return out.join('\n');
}
