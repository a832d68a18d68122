// Counts read as Dutch: "1 pagina", not "1 pagina's" (issue 11).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { count } from '../../src/cli/words.js';
import { runMain } from '../helpers/cli.js';
import { item, writeRepo } from '../helpers/repo.js';

describe('counts', () => {
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
    expect(r.stdout).toMatch(/\(1 pagina, /);
  });
});
