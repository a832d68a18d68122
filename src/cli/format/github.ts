// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`, shown as
// annotations on the pull request. Escaping follows the runner's toolkit (command.ts): `%`, CR and
// LF in the data, also `:` and `,` in properties, so a value can never end the command or start
// another. Line breaks and control characters inside a value are first written as visible escapes.

import type { Diagnostic } from '../../model/diagnostic.js';
import { escapeControl } from './escape.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties: [string, string | number | undefined][] = [
        ['file', d.file],
        ['line', d.line],
        ['col', d.column],
        ['endLine', d.endLine],
        ['endColumn', d.endColumn],
        ['title', d.rule],
      ];
      const props = properties
        .filter((p): p is [string, string | number] => p[1] !== undefined)
        .map(([k, v]) => `${k}=${escapeProperty(escapeControl(String(v)))}`)
        .join(',');
      // The one line break that is ours: between message and hint.
      const text = d.hint ? `${escapeControl(d.message)}\n${escapeControl(d.hint)}` : escapeControl(d.message);
      return `::${d.severity} ${props}::${escapeData(text)}\n`;
    })
    .join('');
}
