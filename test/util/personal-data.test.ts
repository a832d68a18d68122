// The personal-data detectors, as properties: every number that passes its check is found where it
// stands in any surrounding text, with its exact span; one changed digit is never found; masks
// reveal at most four characters.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findBsns,
  findEmails,
  findIbans,
  findMobiles,
  findPattern,
  findPersonalData,
  isBsn,
  isIban,
  maskEmail,
  maskValue,
  normalizePhone,
} from '../../src/util/personal-data.js';

const digit = fc.integer({ min: 0, max: 9 });

/** Eight digits and the ninth that passes the 11-test, or undefined when none does. */
function completeBsn(first8: number[]): string | undefined {
  const sum = first8.reduce((s, d, i) => s + (9 - i) * d, 0);
  const last = sum % 11;
  if (last > 9) return undefined;
  const bsn = [...first8, last].join('');
  return /^0+$/.test(bsn) ? undefined : bsn;
}
const bsnArb = fc.array(digit, { minLength: 8, maxLength: 8 }).map(completeBsn).filter((b): b is string => b !== undefined);

function mod97(numeric: string): number {
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}
const toNumeric = (s: string): string => [...s].map((ch) => (ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch)).join('');
/** A Dutch IBAN with correct check digits from a bank code and an account number. */
function nlIban(bank: string, account: string): string {
  const check = 98 - mod97(toNumeric(`${bank}${account}NL00`));
  return `NL${String(check).padStart(2, '0')}${bank}${account}`;
}
const ibanArb = fc
  .tuple(fc.stringMatching(/^[A-Z]{4}$/), fc.stringMatching(/^\d{10}$/))
  .map(([bank, account]) => nlIban(bank, account));
const grouped = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** Words without digits, @ or capitals-with-digits: nothing in them is personal data. */
const prose = fc.array(fc.constantFrom('de', 'vergadering', 'besluit', 'het', 'bestuur', 'zie', 'bijlage', 'pagina', 'en', 'regio', '—', '(', ')', ':', '.'), { maxLength: 12 }).map((w) => w.join(' '));
const around = (value: string) => fc.tuple(prose, prose).map(([a, b]) => ({ text: `${a} ${value} ${b}`, at: a.length + 1 }));

describe('BSN', () => {
  it('a number passing the 11-test is found, with its span, wherever it stands', () => {
    fc.assert(
      fc.property(bsnArb.chain((bsn) => around(bsn).map((c) => ({ bsn, ...c }))), ({ bsn, text, at }) => {
        const found = findBsns(text);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ offset: at, length: 9, normalized: bsn, masked: `${bsn.slice(0, 2)}•••••${bsn.slice(7)}` });
      }),
    );
  });

  it('one changed digit fails the 11-test', () => {
    fc.assert(
      fc.property(bsnArb, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, pos, delta) => {
        const changed = bsn.slice(0, pos) + String((Number(bsn[pos]) + delta) % 10) + bsn.slice(pos + 1);
        expect(isBsn(changed)).toBe(false);
        expect(findBsns(`BSN ${changed}`)).toEqual([]);
      }),
    );
  });

  it('is not found inside longer numbers, amounts, dates or codes', () => {
    // 123456782 passes the 11-test.
    expect(isBsn('123456782')).toBe(true);
    for (const text of ['1234567820', '0123456782', '€ 123.456.782', 'kenmerk 2024-123456782', 'AB123456782', '123456782-1', '1,123456782']) {
      expect(findBsns(text), text).toEqual([]);
    }
    expect(findBsns('BSN: 1234.56.782.').map((m) => m.normalized)).toEqual(['123456782']);
    expect(findBsns('(123456782)').map((m) => m.normalized)).toEqual(['123456782']);
  });
});

describe('IBAN', () => {
  it('a valid IBAN is found, printed solid or in groups of four', () => {
    fc.assert(
      fc.property(ibanArb, fc.boolean(), prose, (iban, spaced, before) => {
        const written = spaced ? grouped(iban) : iban;
        const found = findIbans(`${before} ${written}, t.n.v. de stichting`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ offset: before.length + 1, length: written.length, normalized: iban });
        expect(found[0].masked).toBe(`NL${'•'.repeat(14)}${iban.slice(-2)}`);
      }),
    );
  });

  it('one changed character fails mod-97', () => {
    fc.assert(
      fc.property(ibanArb, fc.integer({ min: 4, max: 17 }), fc.integer({ min: 1, max: 9 }), (iban, pos, delta) => {
        const ch = iban[pos];
        const changed = iban.slice(0, pos) + (ch >= 'A' ? String.fromCharCode(((ch.charCodeAt(0) - 65 + delta) % 26) + 65) : String((Number(ch) + delta) % 10)) + iban.slice(pos + 1);
        expect(isIban(changed)).toBe(false);
      }),
    );
  });

  it('knows the published example and other countries', () => {
    expect(isIban('NL91ABNA0417164300')).toBe(true);
    expect(isIban('BE68539007547034')).toBe(true);
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(findIbans('rekening DE89 3704 0044 0532 0130 00 van').map((m) => m.normalized)).toEqual(['DE89370400440532013000']);
    expect(findIbans('NL91ABNA0417164300X')).toEqual([]);
    // Not inside a word: after a letter or digit (also one outside the BMP, or a non-Latin digit) it is no IBAN.
    for (const before of ['x', 'é', '7', '\u{1D400}', '\u0663', 'NL']) expect(findIbans(`${before}NL91ABNA0417164300`), before).toEqual([]);
    for (const before of ['(', ' ', '-', '\n', '\uD835']) expect(findIbans(`${before}NL91ABNA0417164300`).map((m) => m.offset), before).toEqual([before.length]);
  });
});

describe('Dutch mobile numbers', () => {
  const separators = fc.constantFrom('', ' ', '-', '.');
  const formats = fc.tuple(fc.stringMatching(/^\d{8}$/), fc.constantFrom('06', '+31 6', '+316', '0031 6', '+31 (0)6', '(06)'), separators, separators).map(([rest, prefix, s1, s2]) => ({
    written: `${prefix}${s1}${rest.slice(0, 2)}${s2}${rest.slice(2, 4)}${s2}${rest.slice(4, 6)}${s2}${rest.slice(6)}`,
    e164: `+316${rest}`,
  }));

  it('is found in every usual notation, as E.164', () => {
    fc.assert(
      fc.property(formats, prose, ({ written, e164 }, before) => {
        const found = findMobiles(`${before} ${written} (privé)`);
        expect(found.map((m) => m.normalized)).toEqual([e164]);
        expect(found[0].text).toBe(written);
        expect(found[0].masked).toBe(`06${'•'.repeat(6)}${e164.slice(-2)}`);
      }),
    );
  });

  it('landlines, service numbers and longer digit runs are not mobile numbers', () => {
    for (const text of ['0314 123 456', '+31 314 123456', '088 123 45 67', '0800-1234', '061234567890', 'art. 06123456789']) {
      expect(findMobiles(text), text).toEqual([]);
    }
    expect(findMobiles('Tel.nr.: 06 39 25 41 80').map((m) => m.normalized)).toEqual(['+31639254180']);
    expect(findMobiles('+31 614 63 74 35').map((m) => m.normalized)).toEqual(['+31614637435']);
  });
});

describe('e-mail addresses', () => {
  it('an address is found with its exact span', () => {
    const address = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), fc.constantFrom('nl', 'com', 'org', 'eu'))
      .filter(([local]) => !local.includes('..'))
      .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
    fc.assert(
      fc.property(address, prose, (a, before) => {
        const found = findEmails(`${before} ${a}.`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ offset: before.length + 1, text: a, normalized: a.toLowerCase() });
      }),
    );
  });

  it('masks the local part and keeps the domain', () => {
    expect(maskEmail('j.jansen@gmail.com')).toBe('j•••••••@gmail.com');
    expect(findEmails('Mail <Piet@Voorbeeld.NL> of niet')[0]).toMatchObject({ text: 'Piet@Voorbeeld.NL', normalized: 'piet@voorbeeld.nl' });
    expect(findEmails('geen adres: @twitter, a@b, x@y.z')).toEqual([]);
  });
});

describe('masking', () => {
  it('keeps the length and shows at most four characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (s) => {
        const masked = maskValue(s);
        expect([...masked]).toHaveLength(Math.max([...s].length, 2));
        expect([...masked].filter((c) => c !== '•').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('patterns and everything together', () => {
  it('a pattern of the body is found by name', () => {
    const found = findPattern('Woont aan de Dorpsstraat 12 in Lochem; Kerkstraat 3a.', { naam: 'huisadres', regex: /\p{Lu}\p{Ll}+straat \d+\w?/u });
    expect(found.map((m) => [m.text, m.pattern])).toEqual([
      ['Dorpsstraat 12', 'huisadres'],
      ['Kerkstraat 3a', 'huisadres'],
    ]);
  });

  it('plain prose has no findings', () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(findPersonalData(text)).toEqual([]);
      }),
    );
  });

  it('finds each kind in one text, in order', () => {
    const text = 'BSN 123456782, IBAN NL91 ABNA 0417 1643 00, mobiel 06-12345678, mail p.devries@gmail.com.';
    expect(findPersonalData(text).map((m) => `${m.kind}:${m.masked}`)).toEqual([
      'bsn:12•••••82',
      'iban:NL••••••••••••••00',
      'telefoon:06••••••78',
      'email:p••••••••@gmail.com',
    ]);
  });
});

describe('the quick gate before the candidate patterns', () => {
  // The detectors first look for what every candidate contains (a pattern without look-arounds); the
  // findings must be those of the candidate patterns alone, for any text made of the characters that matter.
  const BSN_CANDIDATE = /(?<![\p{L}\p{N}]|\p{N}[.,\-/])(?:\d{9}|\d{4}[. ]\d{2}[. ]\d{3})(?![\p{L}\p{N}]|[.,\-/]\p{N})/gu;
  const MOBILE_CANDIDATE = /(?<![\p{N}+])(?:(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?|\(?0)6\)?(?:[ .\-]?\d){8}(?![\p{N}])/gu;
  const ungated = {
    bsn: (text: string) => [...text.matchAll(BSN_CANDIDATE)].filter((m) => isBsn(m[0].replace(/\D/g, ''))).map((m) => [m.index, m[0]]),
    mobile: (text: string) => [...text.matchAll(MOBILE_CANDIDATE)].filter((m) => normalizePhone(m[0])?.startsWith('+316')).map((m) => [m.index, m[0]]),
  };
  const chars = fc.constantFrom(...'0123456789012345678906 .-/()+,a\nN3١'.split(''));
  const numberish = fc.oneof(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), fc
      .tuple(prose, bsnArb, fc.constantFrom('', ' ', '.', '6', '06 '), fc.constantFrom('', ' ', '.'), fc.constantFrom('', ' ', '.'))
      .map(([p, b, s, s1, s2]) => `${p}${s}${b.slice(0, 4)}${s1}${b.slice(4, 6)}${s2}${b.slice(6)}`));

  it('hides no BSN candidate', () => {
    fc.assert(fc.property(numberish, (text) => {
        expect(findBsns(text).map((m) => [m.offset, m.text])).toEqual(ungated.bsn(text));
      }), { numRuns: 3000 });
  });

  it('hides no mobile-number candidate', () => {
    const mobiles = fc.tuple(prose, fc.constantFrom('06', '+31 6', '0031-6', '(06)', '+31 (0)6', '6'), fc.array(digit, { minLength: 8, maxLength: 8 }), fc.constantFrom('', ' ', '-'));
    const text = fc.oneof(numberish, mobiles.map(([p, pre, d, sep]) => `${p} ${pre}${sep}${d.join('')}`));
    fc.assert(fc.property(text, (t) => {
        expect(findMobiles(t).map((m) => [m.offset, m.text])).toEqual(ungated.mobile(t));
      }), { numRuns: 3000 });
  });
});
