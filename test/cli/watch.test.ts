// bundel build --bewaken: the first build at once, a rebuild after a change, the last good bundle
// kept when a build fails, a clean stop when the signal aborts. Bounded in time by polling deadlines.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readPages } from '../helpers/pdf-text.js';
import { startWatch, until } from '../helpers/watch.js';
import { item, writeRepo } from '../helpers/repo.js';
import { pdfBytes } from '../validate/helpers.js';

const ITEM = (onderwerp: string): string =>
  item(
    `vergadering: 2025-04-16
agendapunt: 2
onderwerp: ${onderwerp}
portefeuillehouder: De heer J. Jansen
beslispunten:
  - In te stemmen met de begroting.
contact: { naam: J. Jansen, telefoon: 0314 123 456 }
bijlagen:
  - titel: Ontwerpbegroting
    bestand: bijlagen/begroting.pdf
`,
    'De begroting (bijlage 1).\n',
  );

describe('build --bewaken', () => {
  it('rebuilds after a change, keeps the last good bundle on an error, and stops on abort', async () => {
    const root = writeRepo({
      'bundel.yaml': 'organisatie: Regio Test\n',
      'vergaderingen/2025-04-16/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n',
      'vergaderingen/2025-04-16/02-begroting.md': ITEM('Begroting 2026'),
      'vergaderingen/2025-04-16/bijlagen/begroting.pdf': await pdfBytes(2),
    });
    const itemFile = path.join(root, 'vergaderingen/2025-04-16/02-begroting.md');
    const pdf = path.join(root, 'uit', 'bundel.pdf');
    const watch = startWatch(['--root', root, 'build', '2025-04-16', '--bewaken', '--uitvoer', pdf]);
    const made = watch.made;
    try {
      await until('the first build', () => made() === 1);
      expect((await readPages(readFileSync(pdf))).map((p) => p.text).join('\n')).toContain('Begroting 2026');

      writeFileSync(itemFile, ITEM('Kadernota 2027'));
      await until('the rebuild', () => made() === 2);
      const rebuilt = readFileSync(pdf);
      const text = (await readPages(rebuilt)).map((p) => p.text).join('\n');
      expect(text).toContain('Kadernota 2027');
      expect(text).not.toContain('Begroting 2026');

      // A broken item: one line, the bundle of the last good build stays as it was.
      writeFileSync(itemFile, '---\nagendapunt: [\n---\n');
      await until('the failed build', () => watch.stdout().includes('Niet gemaakt'));
      expect(readFileSync(pdf).equals(rebuilt)).toBe(true);
      expect(made()).toBe(2);
      // Writing the bundle itself never starts another build.
      await new Promise((r) => setTimeout(r, 1000));
      expect(watch.stdout().split('\n').filter((l) => l.trim()).length).toBe(3);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
    expect(watch.stderr()).toContain('Gestopt met bewaken.');
  });

  it('with the output folder inside the meeting folder (`uitvoer:`): its own files start no build, a change starts one', async () => {
    const root = writeRepo({
      'bundel.yaml': 'organisatie: Regio Test\nuitvoer: "vergaderingen/{{iso}}/uitvoer"\n',
      'vergaderingen/2025-04-16/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n',
      'vergaderingen/2025-04-16/02-begroting.md': ITEM('Begroting 2026'),
      'vergaderingen/2025-04-16/bijlagen/begroting.pdf': await pdfBytes(1),
    });
    const outDir = path.join(root, 'vergaderingen/2025-04-16/uitvoer');
    const watch = startWatch(['--root', root, 'build', '2025-04-16', '--bewaken']);
    const made = watch.made;
    try {
      await until('the first build', () => made() === 1);
      const pdf = readdirSync(outDir).find((f) => f.endsWith('.pdf'));
      expect(pdf).toBeDefined();
      // The bundle, its JSON and HTML landed in the watched folder: no build follows.
      await new Promise((r) => setTimeout(r, 1500));
      expect(made()).toBe(1);
      writeFileSync(path.join(root, 'vergaderingen/2025-04-16/02-begroting.md'), ITEM('Kadernota 2027'));
      await until('the rebuild', () => made() === 2);
      await new Promise((r) => setTimeout(r, 1500));
      expect(made()).toBe(2);
      expect((await readPages(readFileSync(path.join(outDir, pdf!)))).map((p) => p.text).join('\n')).toContain('Kadernota 2027');
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  });

  it('accepts the English --watch and stops at once when already aborted', async () => {
    const root = writeRepo({
      'bundel.yaml': 'organisatie: Regio Test\n',
      'vergaderingen/2025-04-16/vergadering.yaml': 'orgaan: Algemeen Bestuur\ndatum: 2025-04-16\n',
      'vergaderingen/2025-04-16/02-begroting.md': ITEM('Begroting 2026'),
      'vergaderingen/2025-04-16/bijlagen/begroting.pdf': await pdfBytes(1),
    });
    let stderr = '';
    const controller = new AbortController();
    controller.abort();
    const code = await main(['--root', root, 'build', '2025-04-16', '--watch'], {
      stdout: () => {},
      stderr: (t) => void (stderr += t),
      isTTY: false,
      color: false,
      env: process.env,
      signal: controller.signal,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('Bewaakt');
    expect(stderr).toContain('Gestopt met bewaken.');
  });
});
