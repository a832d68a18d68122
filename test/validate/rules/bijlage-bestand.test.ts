import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeeting, openRepository } from '../../../src/load/meeting.js';
import { bijlageBestand } from '../../../src/validate/rules/bijlage-bestand.js';
import { makeMeeting, md, pdf, ruleTester, runRule, VOORSTEL } from '../helpers.js';

const withBijlage = (bestand: string) => md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    bestand: ${bestand}\n`);
// bestand's value starts on line 10, column 14.
const AT = { line: 10, column: 14 };

ruleTester(bijlageBestand, {
  valid: [
    { name: 'a PDF in bijlagen/', files: { 'a.md': withBijlage('bijlagen/brief.pdf'), 'bijlagen/brief.pdf': pdf(2) } },
    { name: 'ter_inzage has no file', files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Brief\n    ter_inzage: Secretariaat\n`) } },
  ],
  invalid: [
    { name: 'missing, with a near miss', files: { 'a.md': withBijlage('bijlagen/brif.pdf'), 'bijlagen/brief.pdf': pdf() }, errors: [{ ...AT, message: 'bestaat niet' }] },
    { name: 'wrong case', files: { 'a.md': withBijlage('bijlagen/Brief.pdf'), 'bijlagen/brief.pdf': pdf() }, errors: [{ ...AT, message: 'hoofdletters' }] },
    { name: 'outside the meeting folder', files: { 'a.md': withBijlage('../andere/brief.pdf') }, errors: [{ ...AT, message: 'buiten de map' }] },
    { name: 'absolute path', files: { 'a.md': withBijlage('/etc/passwd') }, errors: [{ ...AT, message: 'absoluut' }] },
    { name: 'not a PDF', files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': 'PK\u0003\u0004word/document.xml' }, errors: [{ ...AT, message: 'Het bestand `brief.pdf` is geen PDF' }] },
    { name: 'empty file', files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': '' }, errors: [{ ...AT, message: 'Het bestand `brief.pdf` is leeg' }] },
    { name: 'broken PDF', files: { 'a.md': withBijlage('brief.pdf'), 'brief.pdf': '%PDF-1.7\nthis is not a pdf' }, errors: [{ ...AT, message: /brief\.pdf/ }] },
  ],
});

describe('bijlage-bestand: symlinks', () => {
  it('a symlink out of the meeting folder is an error', async () => {
    const { root, dir } = await makeMeeting({ 'a.md': withBijlage('brief.pdf') }, { repo: { 'elders/brief.pdf': pdf() } });
    await symlink(path.join(root, 'elders/brief.pdf'), path.join(dir, 'brief.pdf'));
    const { config } = await openRepository(root);
    const found = runRule(bijlageBestand, (await loadMeeting(config, dir)).meeting);
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([[10, 14, 'error']]);
    expect(found[0].message).toContain('symlink');
  });
});
