// Issue 10 (9): a value from a file or the command line is printed, never obeyed: no control
// characters reach the terminal, and no line of any format, nor any build message, can be taken by
// GitHub Actions for a workflow command (`::error …`, `::stop-commands::`, `::add-mask::`).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;

/** A line the runner reads as a command: it trims leading white space first. */
const commands = (text: string): string[] => text.split(/\r\n|\r|\n/).filter((l) => /^(::|##\[)/.test(l.trimStart()));
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;

function hostileMeeting(): string {
  // YAML double quotes turn \n and \e into a real line break and ESC.
  const key = '"x\\n::error file=nep.md,line=1::nep\\n::stop-commands::kaping\\e[2J"';
  return writeRepo({
    'bundel.yaml': 'organisatie: Test\n',
    [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n${key}: 1\nportefeuillehouder: "\\e]0;titel\\a::add-mask::geheim"`),
  });
}

describe('terminal and CI output (issue 10, item 9)', () => {
  it.each(['stylish', 'json', 'github'])('lint --format %s: values escaped, only its own commands', async (format) => {
    const root = hostileMeeting();
    const r = await runMain(['--root', root, 'lint', '--format', format, DATE], {}, root);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(CONTROL);
    const own = commands(r.stdout);
    if (format === 'github') {
      const count = own.length;
      expect(count).toBeGreaterThan(0);
      for (const line of own) expect(line).toMatch(/^::(error|warning) file=vergaderingen\/2025-03-05\/01-opening\.md,/);
    } else expect(own).toEqual([]);
    expect(commands(r.stderr)).toEqual([]);
  });

  it('build messages and errors escape what the user typed', async () => {
    const root = hostileMeeting();
    const bad = await runMain(['--root', root, 'build', `${DATE}\n::error file=x::nep\u001b[2J`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('\\n::error file=x::nep\\u001b[2J');
    expect(bad.stderr).not.toMatch(CONTROL);
    expect(commands(bad.stderr)).toEqual([]);
    const option = await runMain(['--root', root, 'lint', '--x\n::warning::y']);
    expect(option.code).toBe(2);
    expect(commands(option.stderr)).toEqual([]);
    expect(option.stderr).not.toMatch(CONTROL);
  });

  it('the success message of a build escapes the output path', async () => {
    const root = writeRepo({
      'bundel.yaml': 'organisatie: Test\n',
      [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
      [`${DIR}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    });
    const out = path.join(root, 'uit', 'a\n::add-mask::b\u001b[31m.pdf');
    const r = await runMain(['--root', root, 'build', DATE, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bundel gemaakt:');
    expect(r.stdout + r.stderr).not.toMatch(CONTROL);
    expect(commands(r.stdout + r.stderr)).toEqual([]);
  });
});
