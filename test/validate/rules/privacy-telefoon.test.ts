import { privacyTelefoon } from '../../../src/validate/rules/privacy-telefoon.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };
const contact = 'contact:\n  naam: Leonie Dennenberg\n  telefoon: "06 39 25 41 80"\n';

ruleTester(privacyTelefoon, {
  valid: [
    { name: "the contact's own number, written otherwise", files: { 'a.md': md(VOORSTEL + contact, 'Bel 0639254180.\n') }, options: text },
    { name: "another item's contact", files: { 'a.md': md(VOORSTEL + contact), 'b.md': md(VOORSTEL.replace('agendapunt: 2', 'agendapunt: 3'), 'Bel +31 6 39 25 41 80.\n') }, options: text },
    { name: 'a landline', files: { 'a.md': md(VOORSTEL, 'Bel 0314 123 456.\n') }, options: text },
    { name: 'allowed in bundel.yaml', files: { 'a.md': md(VOORSTEL, 'Servicedesk 06-11223344.\n') }, options: { ...text, bundel: 'privacy:\n  toegestaan:\n    - "06 11 22 33 44"\n' } },
    { name: 'accepted with a pattern', files: { 'a.md': md(`${VOORSTEL}privacy_akkoord:\n  - patroon: "^06-1122"\n    reden: Zakelijk.\n`, 'Bel 06-11223344.\n') }, options: text },
  ],
  invalid: [
    { name: 'a private number in the body', files: { 'a.md': md(VOORSTEL + contact, 'Privé: 06-12345678.\n') }, options: text, errors: [{ line: 12, column: 8, message: 'Mobiel nummer `06••••••78` in de tekst' }] },
    { name: 'in the agenda subject of a confidential item', files: { 'a.md': md(`${VOORSTEL.replace('onderwerp: Lobby', 'onderwerp: Bel 06 12345678')}vertrouwelijk: true\n`) }, options: text, errors: [{ line: 4, column: 16 }] },
  ],
});
