// Formatters: pure functions from Diagnostic[] (or the one Failure that stopped a run) to text.
// The CLI decides where the text goes.

import type { Diagnostic } from '../../model/diagnostic.js';
import { type Failure, formatFailureGithub, formatFailureJson, formatFailureStylish } from './failure.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif, formatSarifFailure } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** bundel's version (sarif only). */
  version?: string;
}

const DEFAULTS: FormatOptions = { color: false };

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: FormatName, { color, version = '0.0.0' }: FormatOptions = DEFAULTS): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, { version });
    case 'stylish':
      return formatStylish(diagnostics, { color });
  }
}

export function formatFailure(failure: Failure, format: FormatName, { color, version = '0.0.0' }: FormatOptions = DEFAULTS): string {
  switch (format) {
    case 'json':
      return formatFailureJson(failure);
    case 'github':
      return formatFailureGithub(failure);
    case 'sarif':
      return formatSarifFailure(failure, { version });
    case 'stylish':
      return formatFailureStylish(failure, { color });
  }
}

export type { Failure };
export { formatGithub, formatJson, formatSarif, formatStylish };
export { summary } from './stylish.js';
