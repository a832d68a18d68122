// Issue 15, done when: a meeting with a valid BSN in a memo, an IBAN and a private 06 number in an
// attachment's text, an allowed organisational number and a scanned page. Lint reports exactly the
// three findings with page numbers (and the scan); `build --openbaar` refuses; with the findings
// accepted it builds and the public JSON records the acceptance; the members' build is not blocked.
// Through the CLI in-process, on real files.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { runCli, runMain } from '../helpers/cli.js';
import { writeRepo } from '../helpers/repo.js';
import { textPdf } from '../helpers/text-pdf.js';

let root: string;
const MEETING = 'vergaderingen/2025-03-05';
const ITEM = `${MEETING}/02-subsidie.md`;

function frontMatter(extra = ''): string {
  return `---
vergadering: 2025-03-05
agendapunt: 2
onderwerp: Subsidie dorpshuis
portefeuillehouder: De heer J. Bengevoord
beslispunten:
  - In te stemmen met de subsidie voor het dorpshuis.
contact:
  naam: Leonie Dennenberg
  telefoon: "06 39 25 41 80"
bijlagen:
  - titel: Aanvraag subsidie dorpshuis
    bestand: bijlagen/aanvraag.pdf
${extra}---
De aanvrager (BSN 123456782) vraagt een bijdrage voor het dorpshuis (bijlage 1).
Vragen over de regeling: bel Leonie Dennenberg, 06 39 25 41 80.
`;
}

/** What lint reports about this meeting, rule and message. */
const expectedFindings = [
  'privacy-iban IBAN `NL••••••••••••••00` op pagina 2 van bijlage 1 (`vergaderingen/2025-03-05/bijlagen/aanvraag.pdf`).',
  'privacy-telefoon Mobiel nummer `06••••••78` op pagina 4 van bijlage 1 (`vergaderingen/2025-03-05/bijlagen/aanvraag.pdf`).',
  'privacy-bsn BSN `12•••••82` in de tekst van het agendapunt.',
  'bijlage-scan Pagina 3 van bijlage 1 (`vergaderingen/2025-03-05/bijlagen/aanvraag.pdf`) is een scan zonder tekst: niet gecontroleerd op persoonsgegevens en niet toegankelijk voor voorleessoftware.',
];

async function run(...argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runMain(['--root', root, ...argv], { BUNDEL_CACHE: 'uit', SOURCE_DATE_EPOCH: '1740000000' }, root);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const aanvraag = await textPdf({
    title: 'Aanvraag subsidie dorpshuis',
    pages: [
      { lines: [{ text: 'Aanvraag subsidie dorpshuis', size: 18 }, 'Stichting Dorpshuis De Linde vraagt een bijdrage.'] },
      { lines: ['Gegevens van de aanvrager', 'Rekeningnummer: NL91 ABNA 0417 1643 00 t.n.v. J. de Vries'] },
      { scan: true },
      { lines: ['Contact', 'Privé bereikbaar op 06-12345678 (na 18 uur).', 'Servicedesk regio: 06 11 22 33 44, secretariaat@8rhk.nl'] },
    ],
  });
  // The organisation's own mobile number and domain are allowed.
  root = writeRepo({
    'bundel.yaml': 'organisatie: 8RHK ambassadeurs\nprivacy:\n  toegestaan:\n    - "06 11 22 33 44"\n    - "@8rhk.nl"\n',
    [`${MEETING}/vergadering.yaml`]: 'orgaan: Algemeen Bestuur\ndatum: 2025-03-05\n',
    [`${MEETING}/01-opening.md`]: '---\nvergadering: 2025-03-05\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n---\n',
    [ITEM]: frontMatter(),
    [`${MEETING}/bijlagen/aanvraag.pdf`]: aanvraag,
  });
});

describe('the public bundle and personal data (issue 15)', () => {
  it('lint reports exactly the three findings, with page numbers, and the scanned page', async () => {
    const { code, out } = await run('lint', '--formaat', 'json');
    expect(code).toBe(1);
    // The generated attachment has no tags (bijlage-niet-toegankelijk, issue 17): not this issue's.
    const found = (JSON.parse(out) as Diagnostic[]).filter((d) => d.rule !== 'bijlage-niet-toegankelijk');
    const errors = found.filter((d) => d.severity === 'error');
    // In file order: the attachment's findings at its `bestand:` line, then the memo text.
    expect(errors.map((d) => [d.rule, d.line, d.message])).toEqual([
      ['privacy-iban', 13, 'IBAN `NL••••••••••••••00` op pagina 2 van bijlage 1 (`vergaderingen/2025-03-05/bijlagen/aanvraag.pdf`).'],
      ['privacy-telefoon', 13, 'Mobiel nummer `06••••••78` op pagina 4 van bijlage 1 (`vergaderingen/2025-03-05/bijlagen/aanvraag.pdf`).'],
      ['privacy-bsn', 15, 'BSN `12•••••82` in de tekst van het agendapunt.'],
    ]);
    expect(errors.every((d) => d.file === ITEM)).toBe(true);
    // The BSN is pointed at where it stands in the body (line 15 of the file, after "(BSN ").
    expect(errors[2]).toMatchObject({ line: 15, column: 19, endColumn: 28 });
    const warnings = found.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => [d.rule, d.message])).toEqual([
      ['bijlage-scan', 'Pagina 3 van bijlage 1 (`vergaderingen/2025-03-05/bijlagen/aanvraag.pdf`) is een scan zonder tekst: niet gecontroleerd op persoonsgegevens en niet toegankelijk voor voorleessoftware.'],
    ]);
    // Nothing unmasked is printed.
    expect(out).not.toContain('123456782');
    expect(out).not.toMatch(/0417|12345678/);
  });

  it('the CLI reads the text on its own thread, with the same result (smoke test, a real process)', () => {
    const r = runCli(['--root', root, 'lint', '--formaat', 'json'], { env: { BUNDEL_CACHE: 'uit' } });
    expect(r.code, r.stderr).toBe(1);
    const found = (JSON.parse(r.stdout) as Diagnostic[]).filter((d) => d.rule !== 'bijlage-niet-toegankelijk');
    expect(found.map((d) => `${d.rule} ${d.message}`).sort()).toEqual([...expectedFindings].sort());
  });

  it('build --openbaar refuses and writes nothing; the members\' build is not blocked', async () => {
    const dir = path.join(root, MEETING);
    const before = readdirSync(dir).sort();
    const refused = await run('build', '--openbaar', '2025-03-05');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('privacy-bsn');
    expect(refused.err).toContain('De bundel is niet gemaakt');
    expect(readdirSync(dir).sort()).toEqual(before);

    const members = await run('build', '2025-03-05');
    expect(members.code, members.err).toBe(0);
    expect(members.err).not.toContain('privacy-');
    expect(existsSync(path.join(dir, 'Bundel Algemeen Bestuur 2025-03-05.pdf'))).toBe(true);
  });

  it('with the findings accepted, the public bundle is built and its JSON records the acceptances', async () => {
    writeFileSync(
      path.join(root, ITEM),
      frontMatter(`privacy_akkoord:
  - waarde: "12•••••82"
    reden: Aanvrager heeft ingestemd met publicatie van de aanvraag.
  - waarde: NL91 ABNA 0417 1643 00
    reden: Rekening van de stichting, niet van een persoon.
  - patroon: "^06-?1234"
    reden: Nummer van de stichting.
`),
    );
    const built = await run('build', '--openbaar', '2025-03-05');
    expect(built.code, built.err).toBe(0);
    expect(built.err).toContain('bijlage-scan');
    const json = readFileSync(path.join(root, MEETING, 'Bundel Algemeen Bestuur 2025-03-05 (openbaar).json'), 'utf8');
    const index = JSON.parse(json) as { agendapunten: { agendapuntKenmerk: string; privacyAkkoord?: unknown[] }[] };
    expect(index.agendapunten.find((a) => a.agendapuntKenmerk === '2')?.privacyAkkoord).toEqual([
      { regel: 'privacy-bsn', waarde: '12•••••82', reden: 'Aanvrager heeft ingestemd met publicatie van de aanvraag.' },
      { regel: 'privacy-iban', waarde: 'NL••••••••••••••00', bijlage: 1, paginas: [2], reden: 'Rekening van de stichting, niet van een persoon.' },
      { regel: 'privacy-telefoon', waarde: '06••••••78', bijlage: 1, paginas: [4], reden: 'Nummer van de stichting.' },
    ]);
    expect(index.agendapunten.find((a) => a.agendapuntKenmerk === '1')?.privacyAkkoord).toBeUndefined();
    // Woo metadata beside the public bundle (validated against the schema in diwoo.test.ts).
    const diwoo = readFileSync(path.join(root, MEETING, 'Bundel Algemeen Bestuur 2025-03-05 (openbaar).diwoo.xml'), 'utf8');
    expect(diwoo).toContain('<loc>Bundel%20Algemeen%20Bestuur%202025-03-05%20(openbaar).pdf</loc>');
    expect(diwoo).toContain('<diwoo:officieleTitel>Aanvraag subsidie dorpshuis</diwoo:officieleTitel>');
    expect(existsSync(path.join(root, MEETING, 'Bundel Algemeen Bestuur 2025-03-05.diwoo.xml'))).toBe(false);
    // The index holds masks, never the values.
    expect(json).not.toMatch(/123456782|0417164300|12345678/);
    // And lint is clean of errors now: one warning (the scan) is left.
    const lint = await run('lint', '--formaat', 'json');
    expect(lint.code).toBe(0);
    expect((JSON.parse(lint.out) as Diagnostic[]).map((d) => d.rule).filter((r) => r !== 'bijlage-niet-toegankelijk')).toEqual(['bijlage-scan']);
  });
});
