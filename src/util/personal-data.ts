// Personal data in free text: BSNs (11-test), IBANs (mod-97), Dutch mobile numbers, e-mail
// addresses and a body's own patterns. Pure functions over a string; the rules decide what is allowed.
// Every match keeps its offset and length in the text it was found in, and a masked form that is
// safe to print and to record in the public index.

import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PageMatch, PersonalDataKind } from '../model/pdf-facts.js';

export type PrivacyKind = PersonalDataKind;

/** Raise when what the built-in detectors find changes: cached findings of attachments are then redone. */
export const DETECTORS_VERSION = 1;

export interface PrivacyMatch {
  kind: PrivacyKind;
  /** Offset and length of the match in the searched text. */
  offset: number;
  length: number;
  /** The text as written. */
  text: string;
  /** Comparable form: digits only (BSN), upper case without spaces (IBAN), E.164 (telefoon), lower case (e-mail). */
  normalized: string;
  /** Safe to show: `12•••••82`. */
  masked: string;
  /** For `patroon`: the name of the body's pattern that matched. */
  pattern?: string;
}

const MASK = '•';

/** Keep the first and last `keep` characters, mask the rest; short values keep only their first. */
export function maskValue(value: string, keep = 2): string {
  const chars = [...value];
  if (chars.length <= keep * 2 + 1) return chars[0] + MASK.repeat(Math.max(chars.length - 1, 1));
  return chars.slice(0, keep).join('') + MASK.repeat(chars.length - keep * 2) + chars.slice(-keep).join('');
}

/** An e-mail address keeps its first character and its domain (`j••••••@gmail.com`). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return maskValue(address);
  const local = [...address.slice(0, at)];
  return local[0] + MASK.repeat(Math.max(local.length - 1, 1)) + address.slice(at);
}

// ---------------------------------------------------------------------------------------------
// BSN

/** The 11-test ("elfproef") of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Nine digits, or written 1234.56.782 / 1234 56 782; not part of a longer number, amount or code.
const BSN_CANDIDATE = /(?<![\p{L}\p{N}]|\p{N}[.,\-/])(?:\d{9}|\d{4}[. ]\d{2}[. ]\d{3})(?![\p{L}\p{N}]|[.,\-/]\p{N})/gu;

// What every candidate contains, as a pattern without look-arounds or Unicode classes: a text without
// it (nearly every page) is passed over at a fraction of the candidate pattern's cost.
const BSN_QUICK = /\d{4}[. ]?\d{2}[. ]?\d{3}/;

export function findBsns(text: string): PrivacyMatch[] {
  const out: PrivacyMatch[] = [];
  if (!BSN_QUICK.test(text)) return out;
  for (const m of text.matchAll(BSN_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    if (!isBsn(digits)) continue;
    out.push({ kind: 'bsn', offset: m.index, length: m[0].length, text: m[0], normalized: digits, masked: maskValue(digits) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// IBAN

/** IBAN lengths of the countries a Dutch body meets most; others are checked for 15–34 characters. */
const IBAN_LENGTH: Record<string, number> = {
  NL: 18, BE: 16, DE: 22, FR: 27, LU: 20, GB: 22, ES: 24, IT: 27, AT: 20, CH: 21, DK: 18, IE: 22, PL: 28, PT: 25, SE: 24,
};

/** The ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 is 1. */
export function isIban(value: string): boolean {
  const iban = value.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTH[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  let rest = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    rest = (n >= 10 ? rest * 100 + n : rest * 10 + n) % 97;
  }
  return rest === 1;
}

// Two letters and two digits, not inside a word. The scan itself has no look-behind (with Unicode
// classes at every position it was most of the detectors' time over long texts); the character before
// is checked per candidate. A candidate refused for it hides no other: one starting inside it would
// follow a letter or start with a digit.
const IBAN_START = /[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])/g;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

export function findIbans(text: string): PrivacyMatch[] {
  const out: PrivacyMatch[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const start = m.index;
    // The last code point before it (two code units, for a surrogate pair) is no letter or digit.
    if (start > 0 && ENDS_IN_WORD.test(text.slice(Math.max(0, start - 2), start))) continue;
    const country = m[0].slice(0, 2).toUpperCase();
    const lengths = IBAN_LENGTH[country] !== undefined ? [IBAN_LENGTH[country]] : Array.from({ length: 20 }, (_, i) => 34 - i);
    // Walk the characters, allowing single spaces between them (groups of four as printed).
    const chars: { ch: string; end: number }[] = [];
    let i = start;
    while (i < text.length && chars.length < 34) {
      if (/[A-Za-z0-9]/.test(text[i])) chars.push({ ch: text[i], end: ++i });
      else if (text[i] === ' ' && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) i++;
      else break;
    }
    for (const len of lengths) {
      if (chars.length < len) continue;
      const end = chars[len - 1].end;
      // The IBAN must end where a word ends: not in the middle of letters or digits.
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      const value = chars.slice(0, len).map((c) => c.ch).join('').toUpperCase();
      if (!isIban(value)) continue;
      out.push({ kind: 'iban', offset: start, length: end - start, text: text.slice(start, end), normalized: value, masked: maskValue(value) });
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dutch mobile numbers

// 06 and eight digits, or +31 / 0031 with 6 and eight digits, with the usual separators; "(0)" is
// tolerated after the country code.
const MOBILE_CANDIDATE = /(?<![\p{N}+])(?:(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?|\(?0)6\)?(?:[ .\-]?\d){8}(?![\p{N}])/gu;

/** A phone number in E.164 (`+31612345678`), or undefined when it is not a valid number. */
export function normalizePhone(value: string): string | undefined {
  const parsed = parsePhoneNumberFromString(value.replace('(0)', ''), 'NL');
  return parsed?.isValid() ? parsed.number : undefined;
}

/** What every candidate contains (see BSN_QUICK). */
const MOBILE_QUICK = /6\)?(?:[ .\-]?\d){8}/;

export function findMobiles(text: string): PrivacyMatch[] {
  const out: PrivacyMatch[] = [];
  if (!MOBILE_QUICK.test(text)) return out;
  for (const m of text.matchAll(MOBILE_CANDIDATE)) {
    const e164 = normalizePhone(m[0]);
    if (!e164 || !e164.startsWith('+316')) continue;
    out.push({ kind: 'telefoon', offset: m.index, length: m[0].length, text: m[0], normalized: e164, masked: maskValue(`0${e164.slice(3)}`) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses

const EMAIL = /[\p{L}\p{N}][\p{L}\p{N}._%+\-]{0,63}@[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,62}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,62}[\p{L}\p{N}])?)*\.\p{L}{2,24}(?![\p{L}\p{N}\-]|\.\p{L})/gu;
const LOCAL_CHAR = /[\p{L}\p{N}._%+\-]/u;

export function findEmails(text: string): PrivacyMatch[] {
  const out: PrivacyMatch[] = [];
  // Only around an `@`: trying the pattern at every letter of a long text is slow.
  let end = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < end) continue;
    const from = Math.max(end, at - 64);
    const window = text.slice(from, Math.min(text.length, at + 256));
    EMAIL.lastIndex = 0;
    for (const m of window.matchAll(EMAIL)) {
      const offset = from + m.index;
      if (offset > at || offset + m[0].length <= at) continue;
      // The address starts where a word starts, not inside a longer run of address characters.
      if (offset > 0 && LOCAL_CHAR.test(text[offset - 1])) break;
      const normalized = m[0].toLowerCase();
      out.push({ kind: 'email', offset, length: m[0].length, text: m[0], normalized, masked: maskEmail(m[0]) });
      end = offset + m[0].length;
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A body's own patterns

export interface CompiledPattern {
  /** The name the body gave the pattern, e.g. `huisadres`. */
  naam: string;
  regex: RegExp;
}

export function findPattern(text: string, pattern: CompiledPattern): PrivacyMatch[] {
  const out: PrivacyMatch[] = [];
  const regex = new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`);
  for (const m of text.matchAll(regex)) {
    if (m[0].length === 0) continue;
    out.push({ kind: 'patroon', offset: m.index, length: m[0].length, text: m[0], normalized: m[0].toLowerCase(), masked: maskValue(m[0]), pattern: pattern.naam });
  }
  return out;
}

/** Every finding of the built-in detectors, in text order. */
export function findPersonalData(text: string, patterns: readonly CompiledPattern[] = []): PrivacyMatch[] {
  const all = [...findBsns(text), ...findIbans(text), ...findMobiles(text), ...findEmails(text)];
  for (const p of patterns) all.push(...findPattern(text, p));
  return all.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
}

/** The built-in detectors over the pages of an attachment: each value once per page. */
export function findOnPages(pages: readonly string[]): PageMatch[] {
  const out: PageMatch[] = [];
  pages.forEach((text, i) => {
    const seen = new Set<string>();
    for (const m of findPersonalData(text)) {
      if (m.kind === 'patroon' || seen.has(`${m.kind}:${m.normalized}`)) continue;
      seen.add(`${m.kind}:${m.normalized}`);
      out.push({ kind: m.kind, page: i + 1, text: m.text, normalized: m.normalized, masked: m.masked });
    }
  });
  return out;
}
