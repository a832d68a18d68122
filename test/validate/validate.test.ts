import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agendapunt, Meeting } from '../../src/model/meeting.js';
import type { PdfFacts } from '../../src/model/pdf-facts.js';
import path from 'node:path';
import { loadMeeting, openRepository } from '../../src/load/meeting.js';
import { rules, validate, validateWhileReading } from '../../src/validate/index.js';
import type { Rule } from '../../src/validate/rule.js';
import { stringify } from 'yaml';
import { DATE, loadFiles, md, pdf, taggedPdf, VOORSTEL } from './helpers.js';


describe('validate', () => {
  it('a correct meeting has no findings', async () => {
    const meeting = await loadFiles({
      '01-opening.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening en mededelingen\nsoort: mondeling\n`),
      '02-lobby.md': md(`${VOORSTEL}contact: { naam: Joram van Donk, telefoon: "+31 614 63 74 35" }\nbijlagen:\n  - titel: Kamerbrief\n    bestand: bijlagen/kamerbrief.pdf\n`, 'Zie de Kamerbrief (bijlage 1).\n'),
      'bijlagen/kamerbrief.pdf': taggedPdf(3),
    }, { bundel: 'organisatie: 8RHK ambassadeurs\nportefeuillehouders:\n  - De heer J. Bengevoord\n' });
    expect(validate(meeting)).toEqual([]);
  });

  it('includes the loader findings, skips unparsed items (and rules over all items), sorts by file and line', async () => {
    const meeting = await loadFiles({
      '01-kapot.md': md('vergadering: [\n'),
      '02-lobby.md': md(`${VOORSTEL}portefeuilehouder: X\n`),
      '03-js.md': '---js\n{ onderwerp: "x" }\n---\n',
      '04-dubbel.md': md(`${VOORSTEL}agendapunt: 3\n`),
    });
    const found = validate(meeting);
    expect(found.map((d) => [d.file.split('/').pop(), d.line, d.rule])).toEqual([
      ['01-kapot.md', 2, 'yaml-syntax'],
      ['02-lobby.md', 4, 'voorstel-contact'],
      ['02-lobby.md', 8, 'schema'],
      ['03-js.md', 1, 'front-matter'],
      ['04-dubbel.md', 8, 'yaml-syntax'],
    ]);
  });

  it('reports a missing vergadering.yaml as vergadering-bestand', async () => {
    const found = validate(await loadFiles({ 'vergadering.yaml': null }));
    expect(found.map((d) => d.rule)).toEqual(['vergadering-bestand']);
  });

  it('lists bundel.yaml problems only when asked', async () => {
    const meeting = await loadFiles({ '01-opening.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n`) }, { bundel: 'organisatie: 12\n' });
    expect(validate(meeting).map((d) => d.file)).toEqual(['bundel.yaml']);
    expect(validate(meeting, { config: false })).toEqual([]);
  });
});

// --- Never throw, whatever the YAML held -------------------------------------------------------

const KEYS = ['vergadering', 'agendapunt', 'onderwerp', 'soort', 'portefeuillehouder', 'beslispunten', 'procedure', 'consequenties', 'contact', 'vertrouwelijk', 'bijlagen', 'titel', 'bestand', 'ter_inzage', 'naam', 'telefoon', 'datum', 'orgaan', '__proto__', 'constructor', 'x'];
const leaf = fc.oneof(fc.string(), fc.constantFrom('TODO', '…', 'bijlage 7', '2025-03-05', '4a', 'voorstel', 'mondeling', '06 12', ''), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { value: junk } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6, noNullPrototype: false }),
}));
const facts: fc.Arbitrary<PdfFacts | undefined> = fc.option(
  fc.record({
    path: fc.constantFrom('/tmp/a.pdf', '/tmp/b.pdf'),
    relPath: fc.constant('a.pdf'),
    exists: fc.boolean(),
    sha256: fc.option(fc.constantFrom('aa', 'bb'), { nil: undefined }),
    pathProblem: fc.option(fc.record({ code: fc.string(), message: fc.string(), hint: fc.option(fc.string(), { nil: undefined }) }), { nil: undefined }),
    problem: fc.option(fc.record({ code: fc.string(), message: fc.string() }), { nil: undefined }),
    warnings: fc.array(fc.record({ code: fc.string(), message: fc.string() }), { maxLength: 2 }),
  }),
  { nil: undefined },
);

const item: fc.Arbitrary<Agendapunt> = fc
  .record({ raw: junk, body: fc.string(), nummer: fc.string(), bijlagen: fc.array(fc.record({ bestand: fc.option(fc.string(), { nil: undefined }), facts }), { maxLength: 3 }), parsed: fc.boolean() })
  .map(({ raw, body, nummer, bijlagen, parsed }) => ({
    file: 'vergaderingen/2025-03-05/a.md',
    absFile: '/tmp/a.md',
    nummer,
    onderwerp: '',
    soort: 'voorstel',
    titel: undefined,
    agendatekst: undefined,
    aan: undefined,
    van: undefined,
    portefeuillehouder: undefined,
    beslispunten: [],
    procedure: [],
    vervolgactie: undefined,
    communicatie: undefined,
    mededelingBeslissingAan: undefined,
    consequenties: {},
    vertrouwelijk: false,
    openbareTitel: undefined,
    bijlagen: bijlagen.map((b, i) => ({ nummer: i + 1, titel: '', terInzage: undefined, vertrouwelijk: false, openbareTitel: undefined, ...b })),
    body,
    bodyLine: 5,
    images: [],
    positions: new Map(),
    raw,
    parsed,
  }));

const meeting: fc.Arbitrary<Meeting> = fc
  .record({ items: fc.array(item, { maxLength: 4 }), vergaderingRaw: junk, configRaw: junk, portefeuillehouders: fc.array(fc.string(), { maxLength: 2 }) })
  .map(({ items, vergaderingRaw, configRaw, portefeuillehouders }) => ({
    config: { root: '/tmp', file: 'bundel.yaml', organisatie: undefined, portefeuillehouders, vergaderingen: 'vergaderingen', stempel: undefined, titel: undefined, bestandsnaam: undefined, uitvoer: undefined, cachemap: undefined, positions: new Map(), raw: configRaw },
    vergadering: { dir: '/tmp/v', relDir: 'vergaderingen/2025-03-05', folderDate: DATE, file: 'vergaderingen/2025-03-05/vergadering.yaml', orgaan: '', datum: DATE, tijd: undefined, locatie: undefined, voorzitter: undefined, aanleverdatum: undefined, verzenddatum: undefined, positions: new Map(), raw: vergaderingRaw },
    items,
    loadDiagnostics: [],
    verzonden: [],
  }));

describe('validate on arbitrary data', () => {
  it('never throws and returns well-formed diagnostics', () => {
    fc.assert(
      fc.property(meeting, (m) => {
        const found = validate(m);
        expect(Array.isArray(found)).toBe(true);
        for (const d of found) {
          expect(typeof d.message).toBe('string');
          expect(['error', 'warning']).toContain(d.severity);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('validate on arbitrary files', () => {
  it('loads and validates any front matter and vergadering.yaml without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(junk, junk, fc.string(), async (front, vergadering, body) => {
        const meeting = await loadFiles({
          'a.md': `---\n${stringify(front)}---\n${body}`,
          'b.md': md(`${VOORSTEL}bijlagen:\n  - titel: x\n    bestand: x.pdf\n`, body),
          'x.pdf': 'not a pdf',
          'vergadering.yaml': stringify(vergadering),
        });
        expect(Array.isArray(validate(meeting))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('validateWhileReading (a lint runs the rules that need no text while the text is read)', () => {
  const lintFixture = path.resolve(import.meta.dirname, '../../fixtures/lint/andere-titel');

  it('gives what validate gives once the text is read, and runs the text rules only then', async () => {
    const { config } = await openRepository(lintFixture);
    const dir = path.join(lintFixture, 'vergaderingen/2025-03-05');
    const expected = validate((await loadMeeting(config, dir, { text: {} })).meeting);
    expect(expected.map((d) => d.rule)).toContain('bijlage-titel');

    const { meeting, textsRead } = await loadMeeting(config, dir, { text: {}, deferText: true });
    expect(await validateWhileReading(meeting, {}, textsRead)).toEqual(expected);

    // Held back: the rules about the public bundle (the only ones that read text) wait for it.
    const ran: string[] = [];
    const spy = [...rules].map((rule) => ({ ...rule, check: (c: Parameters<Rule['check']>[0]) => (ran.push(rule.id), rule.check(c)) }));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const found = validateWhileReading(meeting, { rules: spy }, held);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((id) => rules.find((r) => r.id === id)!.scope === 'openbaar')).toEqual([]);
    release();
    expect(await found).toEqual(expected);
    expect(ran.length).toBe(rules.length);
  });
});
