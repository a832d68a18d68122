// Every diagnostic id bundel can report, in one list: the lint rules (each declared in its own file)
// and the loader's and the build's ids (src/model/diagnostic-ids.ts). Each id has docs/rules/<id>.md.

import { BUILD_DIAGNOSTICS, LOAD_DIAGNOSTICS, type DiagnosticKind } from '../model/diagnostic-ids.js';
import { rules } from './index.js';

export interface RegisteredId extends DiagnosticKind {
  reportedBy: 'lint' | 'load' | 'build';
}

export function diagnosticIds(): RegisteredId[] {
  return [
    ...rules.map((r) => ({ id: r.id, description: r.description, reportedBy: 'lint' as const })),
    ...Object.values(LOAD_DIAGNOSTICS).map((k) => ({ ...k, reportedBy: 'load' as const })),
    ...Object.values(BUILD_DIAGNOSTICS).map((k) => ({ ...k, reportedBy: 'build' as const })),
  ];
}
