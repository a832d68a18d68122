// Issue 11: `uitvoer:` in bundel.yaml puts a meeting's bundle, index, web page and DiWoo XML in one
// output folder per meeting (made when missing); status, build --nagezonden and verzonden look for
// the bundle there; `-o` still wins; a folder outside the repository is refused before anything is
// written. Without the setting nothing changes (the meeting's own folder).

import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';
import { pdfBytes } from '../validate/helpers.js';

const DATE = '2025-04-16';
const MEETING = `vergaderingen/${DATE}`;
const NAME = `Bundel Algemeen Bestuur ${DATE}`;

async function repo(settings: string): Promise<string> {
  return writeRepo({
    'bundel.yaml': `organisatie: Regio Test\n${settings}`,
    [`${MEETING}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
    [`${MEETING}/01-opening.md`]: item(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling`),
    [`${MEETING}/02-verslag.md`]: item(`vergadering: ${DATE}\nagendapunt: 2\nonderwerp: Verslag\nsoort: stukken\nbijlagen:\n  - titel: Verslag 12 maart\n    bestand: bijlagen/verslag.pdf`),
    [`${MEETING}/bijlagen/verslag.pdf`]: await pdfBytes(2),
  });
}

type Status = { vergaderingen: { bundel: { staat: string; bestand?: string; gewijzigd?: string[] } }[] };

describe('uitvoer: one output folder per meeting (issue 11)', () => {
  it('builds into the folder, made when missing; status, nagezonden and verzonden follow it', async () => {
    const root = await repo('uitvoer: "uit/{{orgaan}}/{{iso}}"\n');
    const run = (...args: string[]) => runMain(['--root', root, ...args]);
    const out = path.join(root, 'uit', 'Algemeen Bestuur', DATE);
    const status = async (): Promise<Status['vergaderingen'][number]['bundel']> => (JSON.parse((await run('status', DATE, '--formaat', 'json')).stdout) as Status).vergaderingen[0].bundel;

    const lint = await run('lint', DATE, '--formaat', 'json');
    expect(lint.code, lint.stdout).toBe(0);
    expect(await status()).toEqual({ staat: 'niet gemaakt' });
    const members = await run('build', DATE);
    expect(members.code, members.stderr).toBe(0);
    expect(members.stdout).toContain(`uit/Algemeen Bestuur/${DATE}/${NAME}.pdf`);
    const pub = await run('build', DATE, '--openbaar');
    expect(pub.code, pub.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${NAME} (openbaar).diwoo.xml`, `${NAME} (openbaar).html`, `${NAME} (openbaar).json`, `${NAME} (openbaar).pdf`, `${NAME}.html`, `${NAME}.json`, `${NAME}.pdf`]);
    // Nothing in the meeting's own folder but its sources.
    expect(readdirSync(path.join(root, MEETING)).sort()).toEqual(['01-opening.md', '02-verslag.md', 'bijlagen', 'vergadering.yaml']);
    expect(await status()).toEqual({ staat: 'actueel', bestand: `uit/Algemeen Bestuur/${DATE}/${NAME}.pdf` });

    // verzonden compares with the bundle on disk in the output folder: no "bestaat niet" warning.
    const sent = await run('verzonden', DATE, '--op', '2025-04-01');
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).not.toContain('bestaat niet');
    // The record of what went out stays with the meeting (it belongs in git).
    expect(existsSync(path.join(root, MEETING, 'verzonden', '1.json'))).toBe(true);

    appendFileSync(path.join(root, MEETING, '01-opening.md'), 'De voorzitter opent.\n');
    expect(await status()).toMatchObject({ staat: 'verouderd', gewijzigd: [`${MEETING}/01-opening.md`] });

    // A new item after sending: the supplement goes to the same folder.
    writeRepo({
      [`${MEETING}/03-jaarverslag.md`]: item(`vergadering: ${DATE}\nagendapunt: 3\nonderwerp: Jaarverslag\nsoort: stukken\nbijlagen:\n  - titel: Jaarverslag 2024\n    bestand: bijlagen/jaarverslag.pdf`),
      [`${MEETING}/bijlagen/jaarverslag.pdf`]: await pdfBytes(3),
    }, root);
    const late = await run('build', DATE, '--nagezonden');
    expect(late.code, late.stderr).toBe(0);
    expect(existsSync(path.join(out, `${NAME} nagezonden 2.pdf`))).toBe(true);
    expect(existsSync(path.join(out, `${NAME} nagezonden 2.json`))).toBe(true);

    // -o still wins.
    const elsewhere = path.join(tempDir(), 'los.pdf');
    expect((await run('build', DATE, '-o', elsewhere)).code).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });

  it('without the setting, builds into the meeting folder as before', async () => {
    const root = await repo('');
    expect((await runMain(['--root', root, 'build', DATE])).code).toBe(0);
    expect(existsSync(path.join(root, MEETING, `${NAME}.pdf`))).toBe(true);
    expect(existsSync(path.join(root, 'uitvoer'))).toBe(false);
  });

  it('refuses a folder outside the repository before anything is written', async () => {
    const root = await repo('uitvoer: "../buiten/{{iso}}"\n');
    const build = await runMain(['--root', root, 'build', DATE]);
    expect(build.code).toBe(1);
    expect(existsSync(path.join(root, '..', 'buiten'))).toBe(false);
    const status = await runMain(['--root', root, 'status', DATE, '--formaat', 'json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ error: { code: 'uitvoer-buiten-repository', exitCode: 1 } });
  });

  it('lint checks the template like the other templates (sjabloon), at its position', async () => {
    const root = await repo('uitvoer: "uit/{{jaar}}"\n');
    const lint = await runMain(['lint', DATE, '--formaat', 'json'], {}, root);
    const found = (JSON.parse(lint.stdout) as { rule: string; file: string; line: number; column: number }[]).filter((d) => d.rule === 'sjabloon');
    expect(found).toEqual([expect.objectContaining({ file: 'bundel.yaml', line: 2, column: 17 })]);
  });
});
