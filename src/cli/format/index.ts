// Formatters: pure functions from Diagnostic[] to text. The CLI decides where the text goes.

import type { Diagnostic } from '../../model/diagnostic.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: FormatName, { color }: FormatOptions = { color: false }): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'stylish':
      return formatStylish(diagnostics, { color });
  }
}

export { formatGithub, formatJson, formatStylish };
export { summary } from './stylish.js';
