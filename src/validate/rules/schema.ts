// schema: required fields, types and unknown keys in item front matter, vergadering.yaml and bundel.yaml.

import type { SourceRange } from '../../model/diagnostic.js';
import type { Positions } from '../../model/meeting.js';
import { at, type Rule, type RuleContext } from '../rule.js';
import type { SchemaKind } from '../../model/schema.js';
import { checkSchema } from '../schema-problems.js';

const FILE_START: SourceRange = { line: 1, column: 1 };

function reportFile(context: RuleContext, kind: SchemaKind, file: string, raw: unknown, positions: Positions): void {
  for (const problem of checkSchema(kind, raw)) {
    const range =
      (problem.target === 'key' ? positions.get(`${problem.path}#key`) : undefined) ??
      (problem.path === '' ? positions.get('') : at(positions, problem.path)) ??
      FILE_START;
    context.report({ file, range, message: problem.message, hint: problem.hint });
  }
}

export const schema: Rule = {
  id: 'schema',
  description: 'Verplichte velden, soorten waarden en onbekende velden in front matter, vergadering.yaml en bundel.yaml.',
  severity: 'error',
  check(context) {
    const { config, vergadering, items } = context.meeting;
    // `raw` is undefined when the file is missing or did not parse; the loader reported that.
    if (config.file && config.raw !== undefined) reportFile(context, 'bundel', config.file, config.raw, config.positions);
    if (vergadering.raw !== undefined) reportFile(context, 'vergadering', vergadering.file, vergadering.raw, vergadering.positions);
    for (const item of items) reportFile(context, 'agendapunt', item.file, item.raw, item.positions);
  },
};
