import { createHash } from 'node:crypto';
import { verzondenGewijzigd } from '../../../src/validate/rules/verzonden-gewijzigd.js';
import type { SentDocument } from '../../../src/model/sent.js';
import { md, pdfBytes, ruleTester, VOORSTEL } from '../helpers.js';

const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const item = (...files: string[]): string => md(`${VOORSTEL}bijlagen:\n${files.map((f, i) => `  - titel: Stuk ${i + 1}\n    bestand: ${f}\n`).join('')}`);
const one = await pdfBytes(1);
const two = await pdfBytes(2);
const three = await pdfBytes(3);
const at = (first: number, last: number) => ({ versie: 1, bestand: 'Bundel.pdf', eerstePagina: first, laatstePagina: last, paginas: first === last ? `${first}` : `${first}–${last}` });
const doc = (sleutel: string, content: string | Uint8Array, first: number, last: number): SentDocument => ({
  sleutel,
  agendapunt: '2',
  onderwerp: 'Lobby',
  soort: sleutel.endsWith('voorstel') ? 'voorstel' : 'bijlage',
  label: sleutel.endsWith('voorstel') ? 'Voorstel' : `Bijlage ${sleutel.split('/')[2]}`,
  titel: sleutel.endsWith('voorstel') ? 'Lobby' : `Stuk ${sleutel.split('/')[2]}`,
  sha256: sha(content),
  vertrouwelijk: false,
  leden: at(first, last),
  openbaar: at(first, last),
});
const sent = (...documenten: SentDocument[]): string =>
  JSON.stringify({ formaat: 'bundel-verzonden/1', versie: 1, vergadering: '2025-03-05', verzonden: '2025-02-20', bestanden: { leden: 'Bundel.pdf' }, documenten });
const TWO = item('a.pdf', 'b.pdf');

ruleTester(verzondenGewijzigd, {
  valid: [
    { name: 'nothing sent yet', files: { 'a.md': TWO, 'a.pdf': one, 'b.pdf': two } },
    { name: 'nothing changed', files: { 'a.md': TWO, 'a.pdf': one, 'b.pdf': two, 'verzonden/1.json': sent(doc('2/voorstel', TWO, 2, 3), doc('2/bijlage/1', one, 4, 4), doc('2/bijlage/2', two, 5, 6)) } },
    { name: 'a new document is not a change', files: { 'a.md': TWO, 'a.pdf': one, 'b.pdf': two, 'verzonden/1.json': sent(doc('2/voorstel', TWO, 2, 3), doc('2/bijlage/1', one, 4, 4)) } },
  ],
  invalid: [
    {
      name: 'a sent attachment changed',
      files: { 'a.md': TWO, 'a.pdf': one, 'b.pdf': three, 'verzonden/1.json': sent(doc('2/voorstel', TWO, 2, 3), doc('2/bijlage/1', one, 4, 4), doc('2/bijlage/2', two, 5, 6)) },
      errors: [{ line: 12, column: 14, message: "Bijlage 2 (`b.pdf`) is gewijzigd sinds versie 1 (verzonden op 20 februari 2025); daar stond het op pagina's 5–6." }],
    },
    {
      name: 'a bijlage removed: the memo changed and the bijlage is withdrawn',
      files: { 'a.md': item('a.pdf'), 'a.pdf': one, 'verzonden/1.json': sent(doc('2/voorstel', TWO, 2, 3), doc('2/bijlage/1', one, 4, 4), doc('2/bijlage/2', two, 5, 6)) },
      errors: [
        { line: 4, column: 12, message: "Het voorstel is gewijzigd sinds versie 1 (verzonden op 20 februari 2025); daar stond het op pagina's 2–3." },
        { line: 8, column: 1, message: 'Bijlage 2 `Stuk 2` van agendapunt 2 zat in versie 1' },
      ],
    },
  ],
});
