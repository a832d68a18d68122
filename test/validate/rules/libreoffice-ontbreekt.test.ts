import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeeting, openRepository } from '../../../src/load/meeting.js';
import { libreofficeOntbreekt } from '../../../src/validate/rules/libreoffice-ontbreekt.js';
import { makeMeeting, md, runRule, VOORSTEL } from '../helpers.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../../fixtures/office/vergaderingen/2025-06-11/bijlagen');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(BIJLAGEN, name)));
const files = {
  'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Notitie\n    bestand: notitie.docx\n  - titel: Scan\n    bestand: scan.tif\n`),
  'notitie.docx': fixture('notitie.docx'),
  'scan.tif': fixture('scan.tif'),
};

async function lint(env: NodeJS.ProcessEnv) {
  const { root, dir } = await makeMeeting(files);
  const { config } = await openRepository(root);
  return runRule(libreofficeOntbreekt, (await loadMeeting(config, dir, { env })).meeting);
}

describe('libreoffice-ontbreekt', () => {
  it('without soffice on PATH: an error at the Office bijlage that says what to install; the image needs nothing', async () => {
    const found = await lint({ PATH: '/nonexistent' });
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([[10, 14, 'error']]);
    expect(found[0].message).toBe('Het bestand `notitie.docx` is een Word-document (.docx); om het om te zetten naar PDF is LibreOffice nodig, maar `soffice` is niet gevonden.');
    expect(found[0].hint).toMatch(/^Installeer LibreOffice: op Debian\/Ubuntu `sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui`, op Windows en macOS de download van https:\/\/www\.libreoffice\.org\/download\//);
  });

  it('BUNDEL_SOFFICE pointing nowhere is named', async () => {
    const found = await lint({ PATH: process.env.PATH, BUNDEL_SOFFICE: '/opt/geen/soffice' });
    expect(found[0].message).toContain('`BUNDEL_SOFFICE` wijst naar `/opt/geen/soffice`');
  });

  it('with LibreOffice found: nothing', async () => {
    expect(await lint({ BUNDEL_SOFFICE: process.execPath })).toEqual([]);
  });
});
