// Machine-readable output: one JSON array, every field present (null when unknown). Control
// characters are escaped as JSON allows (`\u009b`), so the values are exact and print harmlessly.

import type { Diagnostic } from '../../model/diagnostic.js';
import { escapeJsonText } from './escape.js';

export interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
  };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${escapeJsonText(JSON.stringify(diagnostics.map(toJson), null, 2))}\n`;
}
