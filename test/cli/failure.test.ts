// A run that stops before it can report (no such meeting, no repository) in each format.

import { describe, expect, it } from 'vitest';
import { formatFailure, type Failure } from '../../src/cli/format/index.js';

const failure: Failure = { code: 'vergadering-ontbreekt', message: 'Er is geen vergadering op 2031-01-01, 100%: a,b.', hint: 'Controleer de datum.', file: 'sub/bundel.yaml', exitCode: 2 };

describe('failure formats', () => {
  it('stylish: file, message, hint below', () => {
    expect(formatFailure(failure, 'stylish')).toBe('sub/bundel.yaml: Er is geen vergadering op 2031-01-01, 100%: a,b.\nControleer de datum.\n');
    expect(formatFailure({ ...failure, file: undefined, hint: undefined }, 'stylish')).toBe('Er is geen vergadering op 2031-01-01, 100%: a,b.\n');
  });

  it('json: one object under `error`, every field present', () => {
    expect(JSON.parse(formatFailure(failure, 'json'))).toEqual({
      error: { code: 'vergadering-ontbreekt', file: 'sub/bundel.yaml', message: 'Er is geen vergadering op 2031-01-01, 100%: a,b.', hint: 'Controleer de datum.', exitCode: 2 },
    });
    expect(JSON.parse(formatFailure({ ...failure, file: undefined, hint: undefined }, 'json')).error).toMatchObject({ file: null, hint: null });
  });

  it('github: one ::error:: workflow command, escaped', () => {
    expect(formatFailure(failure, 'github')).toBe('::error file=sub/bundel.yaml,title=vergadering-ontbreekt::Er is geen vergadering op 2031-01-01, 100%25: a,b.%0AControleer de datum.\n');
    expect(formatFailure({ ...failure, file: undefined }, 'github')).toMatch(/^::error title=vergadering-ontbreekt::/);
  });
});
