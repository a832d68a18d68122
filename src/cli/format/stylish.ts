// ESLint-style output for people: problems grouped per file, `line:col  severity  message  rule`,
// the hint dimmed on the line below, and a summary in Dutch. Every value is printed escaped (one
// line each, no control characters), so a value can neither fake a line nor steer the terminal.

import { Chalk } from 'chalk';
import type { Diagnostic } from '../../model/diagnostic.js';
import { count } from '../words.js';
import { escapeControl, guardLine } from './escape.js';

export interface StylishOptions {
  color: boolean;
}

/** Visible width: ignores nothing fancy, but counts astral characters once. */
const width = (s: string): number => [...s].length;
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${count(diagnostics.length, 'probleem')} (${count(errors, 'fout')}, ${count(warnings, 'waarschuwing')})`;
}

export function formatStylish(diagnostics: readonly Diagnostic[], { color }: StylishOptions): string {
  if (diagnostics.length === 0) return '';
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const files = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) files.set(d.file, [...(files.get(d.file) ?? []), d]);

  const out: string[] = [];
  for (const [file, list] of files) {
    out.push('', chalk.underline(guardLine(escapeControl(file))));
    const rows = list.map((d) => ({
      position: d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '',
      severity: d.severity === 'error' ? 'fout' : 'waarschuwing',
      message: escapeControl(d.message),
      hint: d.hint === undefined ? undefined : escapeControl(d.hint),
      rule: escapeControl(d.rule),
      d,
    }));
    const positionWidth = Math.max(...rows.map((r) => width(r.position)));
    const severityWidth = Math.max(...rows.map((r) => width(r.severity)));
    const messageWidth = Math.max(...rows.map((r) => width(r.message)));
    const indent = ' '.repeat(positionWidth + severityWidth + 6);
    for (const { position, severity, message, hint, rule, d } of rows) {
      const paint = d.severity === 'error' ? chalk.red : chalk.yellow;
      out.push(`  ${chalk.dim(pad(position, positionWidth))}  ${paint(pad(severity, severityWidth))}  ${pad(message, messageWidth)}  ${chalk.dim(rule)}`);
      if (hint !== undefined) out.push(chalk.dim(guardLine(`${indent}${hint}`)));
    }
  }
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  out.push('', (hasErrors ? chalk.red.bold : chalk.yellow.bold)(`✖ ${summary(diagnostics)}`), '');
  return out.join('\n');
}
