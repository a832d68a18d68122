// afbeelding and afbeelding-alt: images in an item's text, checked on real files by rule id and
// position (VOORSTEL has 6 lines: the body starts on line 9).

import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeeting, openRepository } from '../../../src/load/meeting.js';
import { afbeelding } from '../../../src/validate/rules/afbeelding.js';
import { afbeeldingAlt } from '../../../src/validate/rules/afbeelding-alt.js';
import { gradientPng, photoJpeg, SCHEMA_SVG } from '../../helpers/images.js';
import { makeMeeting, md, ruleTester, runRule, VOORSTEL } from '../helpers.js';

const withBody = (body: string) => ({ 'a.md': md(VOORSTEL, body) });
const PNG = gradientPng(40, 20);
const svg = (inner: string): string => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${inner}</svg>`;

ruleTester(afbeelding, {
  valid: [
    { name: 'a PNG, a JPEG and an SVG beside the item', files: { ...withBody('![Grafiek](bijlagen/g.png)\n\n![Foto](foto.jpg)\n\n![Schema](bijlagen/s.svg)\n'), 'bijlagen/g.png': PNG, 'foto.jpg': photoJpeg(16, 16), 'bijlagen/s.svg': SCHEMA_SVG } },
    { name: 'a reference image and a space in the name', files: { ...withBody('Zie ![Grafiek][g].\n\n![Plan](<bijlagen/mijn plan.png>)\n\n[g]: bijlagen/g.png\n'), 'bijlagen/g.png': PNG, 'bijlagen/mijn plan.png': PNG } },
    { name: 'an SVG linking to its own elements', files: { ...withBody('![Pijl](p.svg)\n'), 'p.svg': svg('<defs><path id="a" d="M0 0L5 5"/></defs><use xlink:href="#a"/><rect fill="url(#a)" width="1" height="1"/>') } },
    { name: 'an image inside a code block is text', files: withBody('```\n![Weg](weg.png)\n```\n') },
  ],
  invalid: [
    { name: 'missing file', files: withBody('Tekst.\n\n![Grafiek](bijlagen/weg.png)\n'), errors: [{ line: 11, column: 1, message: 'bestaat niet' }] },
    { name: 'path outside the meeting folder', files: withBody('Voor ![Grafiek](../../elders/g.png) na.\n'), errors: [{ line: 9, column: 6, message: 'buiten de map' }] },
    { name: 'absolute path', files: withBody('![Grafiek](/etc/passwd)\n'), errors: [{ line: 9, column: 1, message: 'absoluut' }] },
    { name: 'a web address', files: withBody('![Logo](https://example.org/logo.png)\n'), errors: [{ line: 9, column: 1, message: 'niets van internet' }] },
    { name: 'a text file named .png', files: { ...withBody('![Grafiek](g.png)\n'), 'g.png': 'dit is geen plaatje\n' }, errors: [{ line: 9, column: 1, message: 'geen PNG, JPEG, GIF of SVG' }] },
    { name: 'an SVG with an external href', files: { ...withBody('\n![Schema](s.svg)\n'), 's.svg': svg('<image href="https://example.org/x.png" width="5" height="5"/>') }, errors: [{ line: 10, column: 1, message: 'https://example.org/x.png' }] },
    { name: 'an SVG with a script', files: { ...withBody('![Schema](s.svg)\n'), 's.svg': svg('<script>alert(1)</script>') }, errors: [{ line: 9, column: 1, message: 'script' }] },
    { name: 'an SVG with a foreign object', files: { ...withBody('![Schema](s.svg)\n'), 's.svg': svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>') }, errors: [{ line: 9, column: 1, message: 'foreignObject' }] },
    { name: 'an SVG fetching a font by url()', files: { ...withBody('![Schema](s.svg)\n'), 's.svg': svg('<style>text { src: url(http://example.org/f.woff) }</style>') }, errors: [{ line: 9, column: 1, message: 'url(' }] },
    { name: 'too many pixels', files: { ...withBody('![Groot](g.png)\n'), 'g.png': gradientPng(9000, 1) }, errors: [{ line: 9, column: 1, message: '9000 × 1' }] },
    { name: 'a file too large', files: { ...withBody('![Groot](g.png)\n'), 'g.png': new Uint8Array(6 * 1024 * 1024) }, errors: [{ line: 9, column: 1, message: '6.0 MiB' }] },
    { name: 'wrong case', files: { ...withBody('![Grafiek](G.png)\n'), 'g.png': PNG }, errors: [{ line: 9, column: 1, message: 'hoofdletters' }] },
    { name: 'each image of a list item', files: { ...withBody('- een\n\n  ![A](a.png) en ![B](b.png)\n'), 'b.png': PNG }, errors: [{ line: 11, column: 3, message: '`a.png`' }] },
  ],
});

ruleTester(afbeeldingAlt, {
  valid: [{ name: 'with alt text', files: { ...withBody('![Grafiek van de uitgaven](g.png)\n'), 'g.png': PNG } }],
  invalid: [
    { name: 'no alt text', files: { ...withBody('Tekst.\n![](g.png)\n'), 'g.png': PNG }, errors: [{ line: 10, column: 1, message: '`g.png`' }] },
    { name: 'only spaces', files: { ...withBody('![  ](g.png)\n'), 'g.png': PNG }, errors: [{ line: 9, column: 1 }] },
  ],
});

describe('afbeelding: symlinks', () => {
  it('a link out of the meeting folder is an error, and nothing of the file is read', async () => {
    const { root, dir } = await makeMeeting(withBody('![Grafiek](g.png)\n'), { repo: { 'elders/g.png': PNG } });
    await symlink(path.join(root, 'elders/g.png'), path.join(dir, 'g.png'));
    const { config } = await openRepository(root);
    const { meeting } = await loadMeeting(config, dir);
    expect(meeting.items[0].images[0]).toMatchObject({ pad: 'g.png' });
    expect(meeting.items[0].images[0].sha256).toBeUndefined();
    const found = runRule(afbeelding, meeting);
    expect(found.map((d) => [d.line, d.column, d.rule])).toEqual([[9, 1, 'afbeelding']]);
    expect(found[0].message).toContain('symlink');
  });
});
