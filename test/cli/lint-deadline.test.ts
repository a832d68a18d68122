// Lint against the calendar: "today" is fixed with --datum, so the deadline arithmetic (weekends,
// Goede Vrijdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag) is checked on real 2025 dates.

import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';

// Meeting on Wednesday 7 May 2025. 11 working days back: 6 May, (5 May Bevrijdingsdag), 2, 1 May,
// 30, 29, 28 April, (26 Koningsdag on a Saturday), 25, 24, 23, 22 April, (21 Tweede Paasdag),
// 18 April (Goede Vrijdag, a working day) = the aanleverdatum.
const repo = (terms = 'aanleveren: 11 werkdagen'): string =>
  writeRepo({
    'bundel.yaml': `organen:\n  Algemeen Bestuur:\n    ${terms}\n`,
    'vergaderingen/2025-05-07/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-05-07\n',
    'vergaderingen/2025-05-07/02-begroting.md': item('vergadering: 2025-05-07\nagendapunt: 1\nonderwerp: Begroting 2026\nportefeuillehouder: De heer J. Jansen\ncontact:\n  naam: J. Jansen\n'),
  });

const lint = (root: string, datum: string) => runMain(['--root', root, 'lint', '--datum', datum, '--formaat', 'json']);
const only = (stdout: string): { severity: string; message: string; rule: string } => {
  const found = JSON.parse(stdout) as { severity: string; message: string; rule: string }[];
  expect(found).toHaveLength(1);
  return found[0];
};

describe('lint --datum', () => {
  it('gives a missing beslispunt as a warning before the aanleverdatum, with the days left', async () => {
    const r = await lint(repo(), '2025-04-17');
    expect(r.code).toBe(0);
    const d = only(r.stdout);
    expect(d).toMatchObject({ rule: 'soort-consistent', severity: 'warning' });
    expect(d.message).toContain('Nog 1 dag tot de aanleverdatum (18 april 2025).');
  });

  it('still a warning on the aanleverdatum itself', async () => {
    const d = only((await lint(repo(), '2025-04-18')).stdout);
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('Vandaag (18 april 2025) is de aanleverdatum.');
  });

  it('an error after the aanleverdatum, saying how late', async () => {
    const r = await lint(repo(), '2025-04-22');
    expect(r.code).toBe(1);
    const d = only(r.stdout);
    expect(d.severity).toBe('error');
    expect(d.message).toContain('De aanleverdatum (18 april 2025) is 4 dagen verstreken.');
  });

  it('counts calendar days back to the working day before a weekend', async () => {
    // 21 days before 7 May is Wednesday 16 April; 24 days is Sunday 13 April -> Friday 11 April.
    expect(only((await lint(repo('aanleveren: 21 dagen'), '2025-04-01')).stdout).message).toContain('Nog 15 dagen tot de aanleverdatum (16 april 2025).');
    expect(only((await lint(repo('aanleveren: 24 dagen'), '2025-04-01')).stdout).message).toContain('(11 april 2025)');
  });

  it('leaves severities alone without a deadline, or once the meeting was held', async () => {
    const none = only((await lint(repo('verzenden: 5 dagen'), '2025-04-17')).stdout);
    expect(none.severity).toBe('error');
    expect(none.message).not.toMatch(/aanleverdatum/);
    const held = only((await lint(repo(), '2025-05-08')).stdout);
    expect(held.severity).toBe('error');
    expect(held.message).not.toMatch(/aanleverdatum/);
  });

  it('lets vergadering.yaml override the term', async () => {
    const root = repo();
    writeRepo({ 'vergaderingen/2025-05-07/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-05-07\naanleverdatum: 2025-04-25\n' }, root);
    expect(only((await lint(root, '2025-04-22')).stdout).message).toContain('Nog 3 dagen tot de aanleverdatum (25 april 2025).');
  });

  it('refuses a --datum that is not a date (31 February; 17-04-2025 is read as 2025-04-17)', async () => {
    const r = await runMain(['--root', repo(), 'lint', '--datum', '31-02-2025']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`31-02-2025` is geen datum');
  });
});
