// Parse YAML text safely (1.2 core schema) into plain data plus a position for every value.
// Size and nesting are bounded before the parser sees the text: yaml 2 can abort the process on absurd nesting.

import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceRange } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import { yamlErrorText } from './yaml-errors.js';

export const MAX_YAML_BYTES = 64 * 1024;
export const MAX_YAML_DEPTH = 32;
export const MAX_ALIAS_COUNT = 50;

export interface ParsedYaml {
  data: unknown;
  positions: Map<string, SourceRange>;
  diagnostics: Diagnostic[];
  ok: boolean;
}

interface ParseOptions {
  file: string;
  /** Added to every line number: the line in the file where `text` starts, minus one. */
  lineOffset?: number;
}

/**
 * An upper bound on the nesting depth, without parsing: yaml's lexer is linear and flat (the
 * composer is what recurses), and its tokens tell quoted text, comments and block scalars apart
 * from real brackets. Depth = open flow brackets + block levels (a stack of strictly increasing
 * indentations) + compact `- `/`? ` indicators on the line.
 */
function estimateDepth(text: string): { depth: number; line: number } {
  let line = 1;
  let flow = 0;
  let compact = 0;
  let block = 0;
  let max = 0;
  let maxLine = 1;
  const indents: number[] = [];
  let pendingIndent: number | null = 0;
  for (const token of new Lexer().lex(text)) {
    const blank = /^[ \t]+$/.test(token);
    if (pendingIndent !== null && blank) pendingIndent = token.length;
    else if (pendingIndent !== null && token !== '\n' && token[0] !== '#' && token !== '\u0002') {
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= pendingIndent) indents.pop();
        indents.push(pendingIndent);
        block = indents.length;
        compact = 0;
      }
      pendingIndent = null;
    }
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if ((token === '-' || token === '?') && flow === 0) compact++;
    if (block + compact + flow > max) {
      max = block + compact + flow;
      maxLine = line;
    }
    const newlines = token.split('\n').length - 1;
    if (newlines > 0) {
      line += newlines;
      if (token.endsWith('\n')) pendingIndent = 0;
    }
  }
  return { depth: max, line: maxLine };
}

function toPlain(
  node: unknown,
  path: string,
  positions: Map<string, SourceRange>,
  range: (n: Node) => SourceRange,
  doc: Document,
  depth = 0,
): unknown {
  if (node == null) return null;
  const n = node as Node;
  if (isAlias(n)) {
    // toJS has already enforced the alias budget; the depth bound stops self-reference.
    if (n.range) positions.set(path, range(n));
    const target = n.resolve(doc);
    if (!target || depth > MAX_YAML_DEPTH) return null;
    return toPlain(target, path, new Map(), range, doc, depth + 1);
  }
  if (n.range) positions.set(path, range(n));
  if (isMap(n)) {
    // Null prototype: a `__proto__` or `constructor` key is just a key.
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const childPath = path ? `${path}.${key}` : key;
      if (keyNode?.range) positions.set(`${childPath}#key`, range(keyNode));
      out[key] = toPlain(pair.value, childPath, positions, range, doc, depth + 1);
      if (pair.value == null && keyNode?.range) positions.set(childPath, range(keyNode));
    }
    return out;
  }
  if (isSeq(n)) {
    return n.items.map((item, i) => toPlain(item, path ? `${path}.${i}` : String(i), positions, range, doc, depth + 1));
  }
  if (isScalar(n)) return n.value;
  return undefined;
}

export function parseYamlSource(text: string, { file, lineOffset = 0 }: ParseOptions): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  const positions = new Map<string, SourceRange>();
  const fail = (rule: string, message: string, hint: string, line?: number, column?: number): ParsedYaml => {
    diagnostics.push({ file, line, column, rule, severity: 'error', message, hint });
    return { data: undefined, positions, diagnostics, ok: false };
  };

  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    return fail(
      'yaml-syntax',
      `De YAML is ${Math.round(bytes / 1024)} KiB groot; de grens is ${MAX_YAML_BYTES / 1024} KiB.`,
      'Houd de front matter kort: zet lange tekst in de Markdown-tekst eronder.',
      lineOffset + 1,
      1,
    );
  }
  const { depth, line: deepLine } = estimateDepth(text);
  if (depth > MAX_YAML_DEPTH) {
    return fail(
      'yaml-syntax',
      `De YAML is ${depth} niveaus diep genest; de grens is ${MAX_YAML_DEPTH}.`,
      'Controleer de inspringing en de haakjes; zo diep genest is geen geldig bundel-bestand.',
      lineOffset + deepLine,
      1,
    );
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
    keepSourceTokens: false,
    // Warnings become diagnostics or nothing; yaml must not print to the terminal itself.
    logLevel: 'error',
  });
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const range = (n: Node): SourceRange => {
    const [start, valueEnd] = n.range ?? [0, 0];
    const s = pos(start);
    const e = pos(valueEnd);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };

  // One finding per line: the parser's later errors on a broken line only repeat the first.
  const lines = text.split('\n');
  const seenLines = new Set<number>();
  for (const err of doc.errors) {
    const p = pos(err.pos[0]);
    if (seenLines.has(p.line)) continue;
    seenLines.add(p.line);
    const { message, hint } = yamlErrorText(err.code, lines[p.line - lineOffset - 1] ?? '', text.charAt(err.pos[0]));
    diagnostics.push({ file, line: p.line, column: p.column, rule: LOAD_DIAGNOSTICS.yamlSyntax.id, severity: 'error', message, hint });
  }
  if (doc.errors.length > 0) return { data: undefined, positions, diagnostics, ok: false };

  let data: unknown;
  try {
    // toJS enforces the alias budget (billion-laughs); our own walk keeps positions and null prototypes.
    // mapAsMap: a collection as a key (`? [a]: b`) would otherwise print a Node warning.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
    data = toPlain(doc.contents, '', positions, range, doc);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(
      'yaml-syntax',
      /alias/i.test(message)
        ? 'De YAML gebruikt te veel aliassen (`*naam`); dat lijkt op een alias-bom.'
        : `De YAML kan niet worden gelezen: ${message}`,
      'Schrijf de waarden uit in plaats van aliassen te gebruiken.',
      lineOffset + 1,
      1,
    );
  }
  return { data, positions, diagnostics, ok: true };
}
