import { privacyEmail } from '../../../src/validate/rules/privacy-email.js';
import { md, ruleTester, VOORSTEL } from '../helpers.js';

const text = { text: true };

ruleTester(privacyEmail, {
  valid: [
    { name: "the contact's address", files: { 'a.md': md(`${VOORSTEL}contact:\n  naam: L. Dennenberg\n  email: l.dennenberg@8rhk.nl\n`, 'Mail L.Dennenberg@8rhk.nl.\n') }, options: text },
    { name: 'an allowed domain', files: { 'a.md': md(VOORSTEL, 'Mail secretariaat@8rhk.nl.\n') }, options: { ...text, bundel: 'privacy:\n  toegestaan:\n    - "@8rhk.nl"\n' } },
    { name: 'in a fenced code block', files: { 'a.md': md(VOORSTEL, '```\nvoorbeeld@gmail.com\n```\n') }, options: text },
  ],
  invalid: [
    { name: 'a private address', files: { 'a.md': md(VOORSTEL, 'Mail j.jansen@gmail.com of bel.\n') }, options: text, errors: [{ line: 9, column: 6, message: 'E-mailadres `j•••••••@gmail.com`' }] },
    { name: 'another domain than the allowed one', files: { 'a.md': md(VOORSTEL, 'Mail info@8rhk.nl.evil.com\n') }, options: { ...text, bundel: 'privacy:\n  toegestaan:\n    - "@8rhk.nl"\n' }, errors: [{ line: 9, column: 6 }] },
  ],
});
