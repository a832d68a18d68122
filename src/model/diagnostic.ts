// Every problem bundel finds — lint finding, broken PDF, missing file — is one Diagnostic value.
// Formatters are pure functions of Diagnostic[]; nothing here prints.

export type Severity = 'error' | 'warning';

export interface SourceRange {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic {
  /** Relative to the repository root, forward slashes. */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Permanent kebab-case id, e.g. `agendapunt-uniek`. */
  rule: string;
  severity: Severity;
  /** What is wrong, in Dutch, values in backticks. */
  message: string;
  /** What to do about it, in Dutch. */
  hint?: string;
  /** Technical detail for a developer (PDF object numbers such as `4 0 R`); the CLI shows it only with `--debug`. */
  detail?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then line, then column, then rule. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}
