import { voorstelContact } from '../../../src/validate/rules/voorstel-contact.js';
import { DATE, md, ruleTester, VOORSTEL } from '../helpers.js';

const CONTACT = 'contact:\n  naam: Joram van Donk\n  telefoon: "+31 614 63 74 35"\n';

ruleTester(voorstelContact, {
  valid: [
    { name: 'voorstel with a contact', files: { 'a.md': md(`${VOORSTEL}${CONTACT}`) } },
    { name: 'mondeling needs none', files: { 'a.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Opening\nsoort: mondeling\n`) } },
    { name: 'stukken need none', files: { 'a.md': md(`vergadering: ${DATE}\nagendapunt: 1\nonderwerp: Verslag\nsoort: stukken\n`) } },
    { name: 'a misspelt contact is the schema rule\'s', files: { 'a.md': md(`${VOORSTEL}kontact:\n  naam: Joram van Donk\n`) } },
    { name: 'contact as plain text is the schema rule\'s', files: { 'a.md': md(`${VOORSTEL}contact: Joram van Donk\n`) } },
  ],
  invalid: [
    {
      name: 'voorstel without contact: at `onderwerp`, a warning',
      files: { 'a.md': md(VOORSTEL) },
      errors: [{ line: 4, column: 1, severity: 'warning', message: 'Het voorstel noemt geen contactpersoon.' }],
    },
    {
      name: 'contact without a name: at `contact`',
      files: { 'a.md': md(`${VOORSTEL}contact:\n  telefoon: "+31 614 63 74 35"\n`) },
      errors: [{ line: 8, column: 1, severity: 'warning', message: 'geen `naam`' }],
    },
  ],
});
