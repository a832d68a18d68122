// The public bundle follows the same versions: a public supplement holds only what the public bundle
// showed, and never a word of a confidential document — not its title, text or file, not as changed
// or withdrawn. Only confidential changes: no public supplement at all.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SentVersion } from '../../src/model/sent.js';
import { runMain } from '../helpers/cli.js';
import { portrait } from '../helpers/make-pdf.js';
import { readPages } from '../helpers/pdf-text.js';
import { item, writeRepo } from '../helpers/repo.js';

const DATE = '2025-03-05';
const DIR = `vergaderingen/${DATE}`;
const SECRET = 'Qzx geheime nota';

describe('the public supplement', () => {
  it('shows only public changes, and nothing when only confidential documents changed', async () => {
    const root = writeRepo({
      [`${DIR}/vergadering.yaml`]: `orgaan: Algemeen Bestuur\ndatum: ${DATE}\n`,
      [`${DIR}/02-lobby.md`]: item(
        `vergadering: ${DATE}\nagendapunt: 2\nonderwerp: Lobby\nportefeuillehouder: De heer J. Bengevoord\nbeslispunten:\n  - Kennis te nemen van de lobby.\nbijlagen:\n  - titel: Openbare notitie\n    bestand: bijlagen/open.pdf\n  - titel: ${SECRET}\n    bestand: bijlagen/qzx-geheim.pdf\n    vertrouwelijk: true\n`,
        'Zie de notitie (bijlage 1).\n',
      ),
      [`${DIR}/bijlagen/open.pdf`]: await portrait('Openbare notitie versie een', 1),
      [`${DIR}/bijlagen/qzx-geheim.pdf`]: await portrait('QzxGeheimEen', 2),
    });
    const dir = path.join(root, DIR);
    const v1 = await runMain(['--root', root, 'verzonden', DATE, '--op', '2025-02-20']);
    expect(v1.code, v1.stderr).toBe(0);
    const record = JSON.parse(readFileSync(path.join(dir, 'verzonden', '1.json'), 'utf8')) as SentVersion;
    const secret = record.documenten.find((d) => d.titel === SECRET)!;
    expect(secret.vertrouwelijk).toBe(true);
    expect(secret.openbaar).toBeUndefined();
    expect(record.documenten.find((d) => d.titel === 'Openbare notitie')!.openbaar?.bestand).toBe('Bundel Algemeen Bestuur 2025-03-05 (openbaar).pdf');

    // Only the confidential bijlage changed: a members' supplement, no public one.
    writeFileSync(path.join(dir, 'bijlagen', 'qzx-geheim.pdf'), await portrait('QzxGeheimTwee', 2));
    const quiet = await runMain(['--root', root, 'build', DATE, '--nagezonden', '--openbaar']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toContain('Niets na te zenden');
    expect(readdirSync(dir).filter((f) => f.includes('nagezonden'))).toEqual([]);
    const members = await runMain(['--root', root, 'build', DATE, '--nagezonden']);
    expect(members.code, members.stderr).toBe(0);
    const membersPdf = readFileSync(path.join(dir, 'Bundel Algemeen Bestuur 2025-03-05 nagezonden 2.pdf'));
    expect((await readPages(membersPdf)).map((p) => p.runs.map((r) => r.str).join(' ')).join(' ')).toContain('QzxGeheimTwee');

    // Now the public one changes too: the public supplement holds it, and nothing of the secret.
    writeFileSync(path.join(dir, 'bijlagen', 'open.pdf'), await portrait('Openbare notitie versie twee', 1));
    const pub = await runMain(['--root', root, 'build', DATE, '--nagezonden', '--openbaar']);
    expect(pub.code, pub.stderr).toBe(0);
    const base = path.join(dir, 'Bundel Algemeen Bestuur 2025-03-05 (openbaar) nagezonden 2');
    const text = (await readPages(readFileSync(`${base}.pdf`))).map((p) => p.runs.map((r) => r.str).join(' ')).join(' ');
    expect(text).toContain('Openbare notitie versie twee');
    expect(text).toContain('Openbare versie: vertrouwelijke stukken zijn niet opgenomen.');
    for (const output of [text, readFileSync(`${base}.json`, 'utf8'), readFileSync(`${base}.html`, 'utf8'), readFileSync(`${base}.pdf`, 'latin1')]) {
      expect(output).not.toMatch(/Qzx|qzx/);
    }
    expect(existsSync(path.join(dir, 'verzonden', '2.json'))).toBe(false);
  }, 300_000);
});
