import { schema } from '../../../src/validate/rules/schema.js';
import { DATE, md, ruleTester, VOORSTEL } from '../helpers.js';

ruleTester(schema, {
  valid: [
    { name: 'complete voorstel', files: { '02-lobby.md': md(VOORSTEL) } },
    {
      name: 'every optional field',
      files: {
        '02-lobby.md': md(`${VOORSTEL}soort: voorstel
procedure:
  - DB 12 februari
vervolgactie: Uitvoeren.
communicatie: Nieuwsbrief.
mededeling_beslissing_aan: Colleges.
consequenties: { financieel: Geen., personeel: Geen. }
contact: { naam: Joram van Donk, telefoon: "+31 614 63 74 35", email: j.vandonk@8rhk.nl }
vertrouwelijk: false
bijlagen:
  - titel: Werkdocument
    ter_inzage: Secretariaat 8RHK, Doetinchem
    vertrouwelijk: true
`),
      },
    },
    { name: 'agendapunt as text "4a" and "4.1"', files: { 'a.md': md(VOORSTEL.replace('agendapunt: 2', 'agendapunt: 4a')), 'b.md': md(VOORSTEL.replace('agendapunt: 2', 'agendapunt: "4.1"')) } },
    { name: 'empty optional field counts as not filled in', files: { 'a.md': md(`${VOORSTEL}vervolgactie:\n`) } },
    { name: 'vergadering.yaml with every field', files: { 'vergadering.yaml': `orgaan: Algemeen Bestuur\ndatum: ${DATE}\ntijd: "10:00"\nlocatie: De StecK, Doetinchem\nvoorzitter: M. Boumans\n` } },
    { name: 'bundel.yaml with every field', files: {}, options: { bundel: 'organisatie: 8RHK ambassadeurs\nlogo: logo.png\nportefeuillehouders:\n  - M. Boumans\nvergaderingen: vergaderingen\nstempel: "{{pagina}}"\ntitel: "Bundel {{orgaan}}"\nbestandsnaam: "bundel-{{datum}}"\n' } },
    { name: 'empty bundel.yaml', files: {}, options: { bundel: '' } },
  ],
  invalid: [
    {
      name: 'unknown key with a did-you-mean, at the key',
      files: { 'a.md': md(`${VOORSTEL}portefeuilehouder: X\n`) },
      errors: [{ line: 8, column: 1, message: 'Onbekend veld `portefeuilehouder`' }],
    },
    {
      name: 'a misspelt required field: one finding at the key, naming the field meant (not also "onderwerp ontbreekt")',
      files: { 'a.md': md(`vergadering: ${DATE}\nagendapunt: 2\nonderwep: Lobby\nsoort: mondeling\n`) },
      errors: [{ line: 4, column: 1, message: 'Onbekend veld `onderwep`; het veld `onderwerp` ontbreekt' }],
    },
    {
      name: 'missing required fields point at the front matter',
      files: { 'a.md': md(`vergadering: ${DATE}\nsoort: mondeling\n`) },
      errors: [
        { line: 2, column: 1, message: '`agendapunt` ontbreekt' },
        { line: 2, column: 1, message: '`onderwerp` ontbreekt' },
      ],
    },
    {
      name: 'wrong types',
      files: { 'a.md': md(`${VOORSTEL}vertrouwelijk: 3\ncontact:\n  naam: A\n  telefoon: 0612345678\n`) },
      errors: [
        { line: 8, column: 16, message: 'verwacht ja of nee' },
        { line: 11, column: 13, message: 'moet tekst zijn, maar is het getal `612345678`' },
      ],
    },
    {
      name: 'date that is no date, and one that does not exist',
      files: { 'a.md': md(VOORSTEL.replace(DATE, '5 maart 2025')), 'vergadering.yaml': 'orgaan: AB\ndatum: 2025-02-30\n' },
      errors: [
        { file: 'a.md', line: 2, column: 14, message: 'verwacht een datum' },
        { file: 'vergadering.yaml', line: 2, column: 8, message: 'die datum bestaat niet' },
      ],
    },
    {
      name: 'agendapunt 4.1 read as a number',
      files: { 'a.md': md(VOORSTEL.replace('agendapunt: 2', 'agendapunt: 4.1')) },
      errors: [{ line: 3, column: 13, message: 'het getal `4.1`' }],
    },
    {
      name: 'unknown soort with did-you-mean',
      files: { 'a.md': md(`${VOORSTEL}soort: vorstel\n`) },
      errors: [{ line: 8, column: 8, message: '`soort` is `vorstel`' }],
    },
    {
      name: 'bijlagen: empty entry, unknown key inside, not a list entry',
      files: { 'a.md': md(`${VOORSTEL}bijlagen:\n  -\n  - titel: Brief\n    bestnd: brief.pdf\n  - brief.pdf\n`) },
      errors: [
        { line: 9, column: 4, message: "Bijlage 1 is leeg" },
        { line: 11, column: 5, message: 'Onbekend veld `bestnd` in bijlage 2' },
        { line: 12, column: 5, message: 'Bijlage 3 moet een blok met velden zijn' },
      ],
    },
    {
      name: 'empty front matter',
      files: { 'a.md': md('') },
      errors: [{ line: 1, column: 1, message: 'De front matter is leeg' }],
    },
    {
      name: 'vergadering.yaml: missing orgaan, unknown key',
      files: { 'vergadering.yaml': `datum: ${DATE}\nlokatie: Doetinchem\n` },
      errors: [
        { file: 'vergadering.yaml', line: 1, column: 1, message: '`orgaan` ontbreekt' },
        { file: 'vergadering.yaml', line: 2, column: 1, message: 'Onbekend veld `lokatie`' },
      ],
    },
    {
      name: 'bundel.yaml: list expected, unknown key',
      files: {},
      options: { bundel: 'portefeuillehouders: M. Boumans\nlogoo: logo.png\n' },
      errors: [
        { file: 'bundel.yaml', line: 1, column: 22, message: '`portefeuillehouders` moet een lijst zijn' },
        { file: 'bundel.yaml', line: 2, column: 1, message: 'Onbekend veld `logoo`' },
      ],
    },
  ],
});
