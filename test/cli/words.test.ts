// Counts read as Dutch: "1 pagina", not "1 pagina's" (issue 11).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { count, seconds } from '../../src/cli/words.js';
import { runMain } from '../helpers/cli.js';
import { copyFixture, item, writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

describe('counts', () => {
  it('write durations with a decimal comma', () => {
    expect(seconds(4281, 2)).toBe('4,28 s');
    expect(seconds(960)).toBe('1,0 s');
  });

  it('use the singular for one', () => {
    expect(count(1, 'pagina')).toBe('1 pagina');
    expect(count(0, 'pagina')).toBe("0 pagina's");
    expect(count(4, 'voorstel')).toBe('4 voorstellen');
    expect(count(1, 'fout')).toBe('1 fout');
  });

  it('in the progress of a one-page build: one agendapunt, no bijlagen, one page', async () => {
    const root = writeRepo({
      'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: AB\ndatum: 2025-03-05\n',
      'vergaderingen/2025-03-05/01-opening.md': item('vergadering: 2025-03-05\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling'),
    });
    const r = await runMain(['--root', root, 'build', '2025-03-05', '-o', path.join(root, 'uit', 'b.pdf')]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines.find((l) => l.startsWith('Ingelezen:'))).toMatch(/^Ingelezen: 1 agendapunt, 0 bijlagen /);
    expect(lines.find((l) => l.startsWith('Gecontroleerd:'))).toMatch(/^Gecontroleerd: 0 fouten, 0 waarschuwingen /);
    expect(lines.find((l) => l.startsWith('Opgemaakt:'))).toMatch(/^Opgemaakt: agenda \(1 pagina\)/);
    expect(lines.find((l) => l.startsWith('Samengevoegd:'))).toMatch(/^Samengevoegd: 1 pagina /);
    expect(r.stdout).toMatch(/\(1 pagina, \d+,\d\d s\)/);
  });

  it('one warning is one waarschuwing everywhere: lint summary, build progress, status', async () => {
    const root = copyFixture('toegankelijk');
    // With a contact in each voorstel, its one finding: an attachment without tags (bijlage-niet-toegankelijk) at item 3.
    for (const f of ['02-samenwerking.md', '03-projecten.md']) {
      const file = path.join(root, 'vergaderingen/2025-06-11', f);
      writeFileSync(file, readFileSync(file, 'utf8').replace('vergadering: 2025-06-11\n', 'vergadering: 2025-06-11\ncontact: { naam: A. Jansen, telefoon: 0314 123 456 }\n'));
    }
    const lint = await runMain(['--root', root, 'lint', '2025-06-11']);
    expect(lint.stdout).toContain('1 probleem (0 fouten, 1 waarschuwing)');
    const status = await runMain(['--root', root, 'status', '2025-06-11']);
    expect(status.stdout).toMatch(/3\s+Projecten 2025\s+waarschuwing \(0 fouten, 1 waarschuwing\)/);
    const build = await runMain(['--root', root, 'build', '2025-06-11', '--alleen-agenda', '-o', path.join(tempDir(), 'a.pdf')]);
    expect(build.stderr).toMatch(/^Gecontroleerd: 0 fouten, 1 waarschuwing /m);
    expect(`${lint.stdout}${status.stdout}${build.stdout}${build.stderr}`).not.toMatch(/\b1 (waarschuwingen|fouten|problemen|pagina's|bijlagen|agendapunten|voorstellen)\b/);
  });
});
