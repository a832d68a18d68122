// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, the SARIF viewer in VS Code): one run,
// one rule entry per known rule id with its documentation page, one result per diagnostic.
// A run that stops before it checks anything is a run without results and with a notification.

import type { Diagnostic } from '../../model/diagnostic.js';
import { rules as lintRules } from '../../validate/index.js';
import { diagnosticIds } from '../../validate/registry.js';
import { escapeJsonText } from './escape.js';
import type { Failure } from './failure.js';

/** Where docs/rules/ is published; `<id>.md` is appended. */
export const RULES_DOCS_URL = 'https://github.com/bundel/bundel/blob/main/docs/rules/';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

interface RuleInfo {
  id: string;
  description: string;
  level: 'error' | 'warning';
}

/** Every id bundel reports (the registry), at the lint rule's own severity; the loader's ids are errors, the build's warnings. */
function knownRules(): RuleInfo[] {
  const severity = new Map(lintRules.map((r) => [r.id, r.severity]));
  return diagnosticIds().map((k) => ({ id: k.id, description: k.description, level: severity.get(k.id) ?? (k.reportedBy === 'build' ? 'warning' : 'error') }));
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function toUriReference(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function messageText(message: string, hint: string | undefined): string {
  return hint ? `${message}\n${hint}` : message;
}

function ruleEntries(diagnostics: readonly Diagnostic[]): RuleInfo[] {
  const known = new Map(knownRules().map((r) => [r.id, r]));
  // A diagnostic with an id not in the catalogue still gets an entry, so every ruleIndex resolves.
  for (const d of diagnostics) if (!known.has(d.rule)) known.set(d.rule, { id: d.rule, description: d.rule, level: d.severity });
  return [...known.values()];
}

function run(rules: RuleInfo[], results: object[], invocation: object, version: string): object {
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bundel',
            version,
            informationUri: RULES_DOCS_URL,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: `${RULES_DOCS_URL}${r.id}.md`,
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        invocations: [invocation],
        results,
      },
    ],
  };
}

export interface SarifOptions {
  /** bundel's version, for `tool.driver.version`. */
  version: string;
}

export function formatSarif(diagnostics: readonly Diagnostic[], { version }: SarifOptions): string {
  const rules = ruleEntries(diagnostics);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = diagnostics.map((d) => {
    const region =
      d.line !== undefined
        ? {
            startLine: d.line,
            ...(d.column !== undefined && { startColumn: d.column }),
            ...(d.endLine !== undefined && { endLine: d.endLine }),
            ...(d.endColumn !== undefined && { endColumn: d.endColumn }),
          }
        : undefined;
    return {
      ruleId: d.rule,
      ruleIndex: index.get(d.rule),
      level: d.severity,
      message: { text: messageText(d.message, d.hint) },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUriReference(d.file) }, ...(region && { region }) } }],
    };
  });
  return `${escapeJsonText(JSON.stringify(run(rules, results, { executionSuccessful: true }, version), null, 2))}\n`;
}

/** A run that stopped before checking: no results, the reason as a tool execution notification. */
export function formatSarifFailure(failure: Failure, { version }: SarifOptions): string {
  const notification = {
    level: 'error',
    message: { text: messageText(failure.message, failure.hint) },
    descriptor: { id: failure.code },
    ...(failure.file && { locations: [{ physicalLocation: { artifactLocation: { uri: toUriReference(failure.file) } } }] }),
  };
  const invocation = { executionSuccessful: false, exitCode: failure.exitCode, toolExecutionNotifications: [notification] };
  return `${escapeJsonText(JSON.stringify(run(ruleEntries([]), [], invocation, version), null, 2))}\n`;
}
