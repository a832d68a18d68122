// SARIF output checked against the OASIS SARIF 2.1.0 schema (vendored in test/vendor/sarif).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, formatFailure } from '../../src/cli/format/index.js';
import { RULES_DOCS_URL } from '../../src/cli/format/sarif.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { validateSarif } from '../helpers/sarif-schema.js';

const DOCS = path.resolve(import.meta.dirname, '../../docs/rules');

function valid(text: string): unknown {
  const log = JSON.parse(text) as unknown;
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
  return log;
}

interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: Record<string, number> } }[] }[];
    invocations: { executionSuccessful: boolean; exitCode?: number; toolExecutionNotifications?: { level: string; message: { text: string }; descriptor: { id: string } }[] }[];
  }[];
}

const diagnostics: Diagnostic[] = [
  { file: 'sub map/vergaderingen/2025-03-05/02 lobby#1.md', line: 8, column: 1, endLine: 8, endColumn: 18, rule: 'schema', severity: 'error', message: 'Onbekend veld `portefeuilehouder`.', hint: 'Bedoelde u `portefeuillehouder`?' },
  { file: 'vergaderingen/2025-03-05/05-é.md', line: 12, column: 29, rule: 'placeholder', severity: 'warning', message: 'Er staat nog `TODO`.' },
  { file: 'vergaderingen/2025-03-05/vergadering.yaml', rule: 'vergadering-bestand', severity: 'error', message: 'Geen `vergadering.yaml`.' },
  { file: 'bundel.yaml', line: 3, rule: 'nieuwe-regel', severity: 'warning', message: 'Een id die de catalogus nog niet kent.' },
];

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema: one result per diagnostic, regions where known', () => {
    const log = valid(formatDiagnostics(diagnostics, 'sarif', { color: false, version: '1.2.3' })) as Log;
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('bundel');
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['schema', 'error'],
      ['placeholder', 'warning'],
      ['vergadering-bestand', 'error'],
      ['nieuwe-regel', 'warning'],
    ]);
    expect(run.results[0].message.text).toBe('Onbekend veld `portefeuilehouder`.\nBedoelde u `portefeuillehouder`?');
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'sub%20map/vergaderingen/2025-03-05/02%20lobby%231.md' },
      region: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 18 },
    });
    expect(run.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('vergaderingen/2025-03-05/05-%C3%A9.md');
    expect(run.results[2].locations[0].physicalLocation.region).toBeUndefined();
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('has one rule entry per id, each result points at its own, each help page exists', () => {
    const log = JSON.parse(formatDiagnostics(diagnostics, 'sarif')) as Log;
    const { rules } = log.runs[0].tool.driver;
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of log.runs[0].results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    for (const rule of rules.filter((r) => r.id !== 'nieuwe-regel')) {
      expect(rule.helpUri).toBe(`${RULES_DOCS_URL}${rule.id}.md`);
      expect(existsSync(path.join(DOCS, `${rule.id}.md`)), rule.id).toBe(true);
    }
    expect(rules.find((r) => r.id === 'placeholder')?.defaultConfiguration.level).toBe('warning');
  });

  it('an empty run is valid too', () => {
    const log = valid(formatDiagnostics([], 'sarif')) as Log;
    expect(log.runs[0].results).toEqual([]);
  });

  it('a run that stopped is a failed invocation with the reason as a notification', () => {
    const log = valid(
      formatFailure({ code: 'vergadering-ontbreekt', message: 'Er is geen vergadering op 2031-01-01.', hint: 'Controleer de datum.', file: 'sub map/bundel.yaml', exitCode: 2 }, 'sarif'),
    ) as Log;
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.exitCode).toBe(2);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Er is geen vergadering op 2031-01-01.\nControleer de datum.' },
        descriptor: { id: 'vergadering-ontbreekt' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'sub%20map/bundel.yaml' } } }],
      },
    ]);
    expect(log.runs[0].results).toEqual([]);
  });

  it('the schema really rejects a broken log (the check can fail)', () => {
    const log = JSON.parse(formatDiagnostics(diagnostics, 'sarif')) as { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fout';
    expect(validateSarif(log)).toBe(false);
  });
});
