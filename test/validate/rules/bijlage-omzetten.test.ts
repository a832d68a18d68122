import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Converter } from '../../../src/convert/index.js';
import { loadMeeting, openRepository } from '../../../src/load/meeting.js';
import { bijlageOmzetten } from '../../../src/validate/rules/bijlage-omzetten.js';
import { makeMeeting, md, runRule, VOORSTEL } from '../helpers.js';
import { tempDir } from '../../helpers/temp.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../../fixtures/office/vergaderingen/2025-06-11/bijlagen');
const work = tempDir('bundel-omzetten-');

/** A "LibreOffice" that knows its version and fails every conversion. */
const soffice = path.join(work, 'soffice');
writeFileSync(soffice, '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "LibreOffice 0.0.0 nep"; exit 0; fi\necho "Error: source file could not be loaded" >&2\n');
chmodSync(soffice, 0o755);

describe('bijlage-omzetten', () => {
  it('lint converts nothing, so reports nothing; a build whose conversion fails names the file', async () => {
    const { root, dir } = await makeMeeting({
      'a.md': md(`${VOORSTEL}bijlagen:\n  - titel: Notitie\n    bestand: notitie.docx\n`),
      'notitie.docx': new Uint8Array(readFileSync(path.join(BIJLAGEN, 'notitie.docx'))),
    });
    const { config } = await openRepository(root);
    const env = { ...process.env, BUNDEL_SOFFICE: soffice };
    expect(runRule(bijlageOmzetten, (await loadMeeting(config, dir, { env })).meeting)).toEqual([]);
    const converter = new Converter({ env, cacheDir: path.join(work, 'cache') });
    const found = runRule(bijlageOmzetten, (await loadMeeting(config, dir, { env, converter, keepDocuments: true })).meeting);
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([[10, 14, 'error']]);
    expect(found[0].message).toBe('Het omzetten van `notitie.docx` naar PDF met LibreOffice 0.0.0 nep is mislukt (`Error: source file could not be loaded`).');
  });
});
