// bijlage-ongebruikt: the files in the meeting's bijlagen/ folder that no item uses, found by the
// loader in real folders.

import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate/index.js';
import { bijlageOngebruikt } from '../../../src/validate/rules/bijlage-ongebruikt.js';
import { loadFiles, md, pdf, runRule, VOORSTEL } from '../helpers.js';

const ITEM = md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: bijlagen/brief.pdf\n`, 'Het schema:\n\n![Governance](bijlagen/schema%20governance.png)\n');

describe('bijlage-ongebruikt', () => {
  it('names each unused PDF, Office file and image, also in a subfolder; ignores other files', async () => {
    const meeting = await loadFiles({
      '02-lobby.md': ITEM,
      'bijlagen/brief.pdf': pdf(),
      'bijlagen/schema governance.png': 'png',
      'bijlagen/oud.pdf': pdf(),
      'bijlagen/concept/notitie.docx': 'docx',
      'bijlagen/aantekeningen.txt': 'tekst',
      'bijlagen/.DS_Store': 'x',
    });
    expect(meeting.attachmentFolder).toEqual([
      'vergaderingen/2025-03-05/bijlagen/brief.pdf',
      'vergaderingen/2025-03-05/bijlagen/concept/notitie.docx',
      'vergaderingen/2025-03-05/bijlagen/oud.pdf',
      'vergaderingen/2025-03-05/bijlagen/schema governance.png',
    ]);
    const found = runRule(bijlageOngebruikt, meeting);
    expect(found.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['vergaderingen/2025-03-05/bijlagen/concept/notitie.docx', undefined, 'warning'],
      ['vergaderingen/2025-03-05/bijlagen/oud.pdf', undefined, 'warning'],
    ]);
    expect(found[1].message).toContain('`bijlagen/oud.pdf`');
  });

  it('an image written as a reference (`![alt][ref]` with its definition below) counts as used', async () => {
    const item = md(VOORSTEL, 'Het schema:\n\n![Governance][schema]\n\n[schema]: bijlagen/schema.png\n');
    const meeting = await loadFiles({ '02-lobby.md': item, 'bijlagen/schema.png': 'png', 'bijlagen/oud.pdf': pdf() });
    expect(runRule(bijlageOngebruikt, meeting).map((d) => d.file)).toEqual(['vergaderingen/2025-03-05/bijlagen/oud.pdf']);
  });

  it('a file linked by reference (`[tekst][ref]` with `[ref]: bijlagen/x.pdf` below, also `<…>` or on the next line) counts as used', async () => {
    const body = 'Zie [de brief][brief] en [het advies][advies].\n\n[brief]: bijlagen/brief%20gemeente.pdf "De brief"\n  [advies]:\n    <bijlagen/advies.pdf>\n';
    const item = md(VOORSTEL, body);
    const meeting = await loadFiles({ '02-lobby.md': item, 'bijlagen/brief gemeente.pdf': pdf(), 'bijlagen/advies.pdf': pdf(), 'bijlagen/oud.pdf': pdf() });
    expect(runRule(bijlageOngebruikt, meeting).map((d) => d.file)).toEqual(['vergaderingen/2025-03-05/bijlagen/oud.pdf']);
  });

  it('a meeting without a bijlagen folder: nothing', async () => {
    expect(runRule(bijlageOngebruikt, await loadFiles({ '02-lobby.md': md(VOORSTEL) }))).toEqual([]);
  });

  it('not run while an item does not parse (the file may be that item\'s)', async () => {
    const meeting = await loadFiles({ '02-lobby.md': md('onderwerp: Lobby: stand\n'), 'bijlagen/brief.pdf': pdf() });
    expect(validate(meeting).map((d) => d.rule)).toEqual(['yaml-syntax']);
  });
});
