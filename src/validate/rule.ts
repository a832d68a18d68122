// A lint rule: a permanent id, a one-line description, a default severity and a pure check.
// Rules do no I/O: facts about attachment files were gathered by the loader.

import type { Diagnostic, Severity, SourceRange } from '../model/diagnostic.js';
import type { Agendapunt, Bijlage, Meeting } from '../model/meeting.js';

export interface Report {
  file: string;
  /** A position, usually from `at(item, 'bijlagen.2.bestand')`. */
  range?: SourceRange;
  message: string;
  hint?: string;
  /** Technical detail (PDF object numbers), shown only with `--debug`. */
  detail?: string;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  /**
   * Something the secretariat must still deliver (a beslispunt, a bijlage, a document, a placeholder
   * to fill in): weighed against the aanleverdatum when lint knows today's date (./deadline.ts).
   */
  missing?: boolean;
}

export interface RuleContext {
  meeting: Meeting;
  /** The bundle is to be PDF/A (`--pdfa`): rules about archiving apply. */
  pdfa?: boolean;
  report(report: Report): void;
}

export interface Rule {
  /** Permanent kebab-case id; also the name of the file, the test and docs/rules/<id>.md. */
  id: string;
  description: string;
  severity: Severity;
  /**
   * `openbaar`: about what goes into the public bundle only; lint and `build --public` run it, the
   * members' build does not. Only these rules may read the attachments' text (`facts.text`): a lint
   * runs them once the text is read, the others while it is (validateWhileReading).
   */
  scope?: 'openbaar';
  /**
   * Looks at all items together (gaps in the numbering, what was sent, files nobody uses): skipped
   * while an item's front matter cannot be read, as the missing item would give false findings.
   */
  allItems?: boolean;
  check(context: RuleContext): void;
}

/** The source range of a front-matter value (`path`) or of its key (`path#key`); falls back to the parent. */
export function at(positions: ReadonlyMap<string, SourceRange>, path: string): SourceRange | undefined {
  let p = path;
  for (;;) {
    const found = positions.get(p);
    if (found) return found;
    const cut = p.lastIndexOf('.');
    if (cut < 0) return positions.get('') ?? undefined;
    p = p.slice(0, cut);
  }
}

export function itemAt(item: Agendapunt, path: string): SourceRange | undefined {
  return at(item.positions, path);
}

export function toDiagnostic(rule: Rule, r: Report): Diagnostic {
  return {
    file: r.file,
    line: r.range?.line,
    column: r.range?.column,
    endLine: r.range?.endLine,
    endColumn: r.range?.endColumn,
    rule: rule.id,
    severity: r.severity ?? rule.severity,
    message: r.message,
    hint: r.hint,
    ...(r.detail ? { detail: r.detail } : {}),
  };
}

/** The source range of the key `path` itself (`bijlagen:`), else of its value. */
export function keyAt(positions: ReadonlyMap<string, SourceRange>, path: string): SourceRange | undefined {
  return positions.get(`${path}#key`) ?? at(positions, path);
}

/**
 * Every attachment file once, at its first mention (same content, same file): for rules about the
 * file itself, which would otherwise repeat themselves at an item that shares it.
 */
export function eachFileOnce(meeting: Meeting): { item: Agendapunt; bijlage: Bijlage }[] {
  const seen = new Set<string>();
  const out: { item: Agendapunt; bijlage: Bijlage }[] = [];
  for (const item of meeting.items) {
    for (const bijlage of item.bijlagen) {
      const key = bijlage.facts?.sha256 ?? bijlage.facts?.path;
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push({ item, bijlage });
    }
  }
  return out;
}
