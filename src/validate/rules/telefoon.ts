// telefoon: the contact's phone number is a valid number (Dutch unless it starts with +).

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { at, type Rule } from '../rule.js';
import { rawField } from '../source-text.js';

/** Digits and the usual separators; anything else (a name, "mobiel") does not belong in the field. */
const PHONE_CHARACTERS = /^\+?[\d\s\-().\/]+$/;

export function isValidPhone(value: string): boolean {
  if (!PHONE_CHARACTERS.test(value.trim())) return false;
  return parsePhoneNumberFromString(value, 'NL')?.isValid() ?? false;
}

export const telefoon: Rule = {
  id: 'telefoon',
  description: 'Het telefoonnummer van de contactpersoon is een geldig nummer.',
  severity: 'error',
  check(context) {
    for (const item of context.meeting.items) {
      const value = rawField(rawField(item.raw, 'contact'), 'telefoon');
      if (typeof value !== 'string' || value.trim() === '' || isValidPhone(value)) continue;
      context.report({
        file: item.file,
        range: at(item.positions, 'contact.telefoon'),
        message: `\`${value.trim()}\` is geen geldig telefoonnummer.`,
        hint: 'Schrijf een Nederlands nummer van tien cijfers, zoals `0314 123 456` of `06 12 34 56 78`, of een internationaal nummer dat begint met `+`.',
      });
    }
  },
};
