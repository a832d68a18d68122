// Helpers for rules that look inside text: plain reads of raw front matter (which can hold anything)
// and exact positions of a match inside a YAML scalar or the Markdown body.

import type { SourceRange } from '../model/diagnostic.js';
import type { Agendapunt } from '../model/meeting.js';
import { asRecord, get } from '../load/normalize.js';

/** A field of parsed YAML, whatever the shape around it. */
export function rawField(raw: unknown, key: string): unknown {
  return get(asRecord(raw), key);
}

/** Not filled in: absent, `key:` with nothing after it, or only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Every string in parsed YAML with its dotted path (`bijlagen.1.titel`); keys are not visited. */
export function* stringsIn(value: unknown, path = '', depth = 0): Generator<{ path: string; value: string }> {
  if (depth > 64) return;
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], path ? `${path}.${i}` : String(i), depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) yield* stringsIn((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1);
  }
}

/**
 * The position of `value.slice(offset, offset + length)` inside a scalar whose parser range is `range`.
 * Exact for one-line plain and quoted scalars (told apart by the width of the range); for block
 * scalars and escaped strings the start of the value is the best that is known.
 */
export function positionInScalar(range: SourceRange | undefined, value: string, offset: number, length: number): SourceRange | undefined {
  if (!range) return undefined;
  if (range.endLine === range.line && range.endColumn !== undefined && !value.includes('\n')) {
    const width = range.endColumn - range.column;
    const shift = width === value.length ? 0 : width === value.length + 2 ? 1 : undefined;
    if (shift !== undefined) {
      const column = range.column + shift + offset;
      return { line: range.line, column, endLine: range.line, endColumn: column + length };
    }
  }
  return { line: range.line, column: range.column };
}

/** The Markdown body line by line, with file line numbers, leaving out fenced code blocks. */
export function* bodyLines(item: Agendapunt): Generator<{ line: number; text: string }> {
  let fence: string | undefined;
  const lines = item.body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (!fence) yield { line: item.bodyLine + i, text };
  }
}

/** The range of `length` characters at `index` on a body line. */
export function bodyRange(line: number, index: number, length: number): SourceRange {
  return { line, column: index + 1, endLine: line, endColumn: index + 1 + length };
}
