// What may be published although it looks like personal data: the contact persons' own numbers
// and addresses (the `contact` fields of the meeting) and the organisation's values in the allow-list
// of bundel.yaml (`privacy.toegestaan`): phone numbers, e-mail addresses or whole domains (`@8rhk.nl`),
// IBANs and numbers such as the organisation's RSIN.

import type { Meeting } from '../../model/meeting.js';
import { isIban, normalizePhone, type CompiledPattern, type PrivacyMatch } from '../../util/personal-data.js';

/** The comparable forms an allow-list entry or acceptance can stand for (see PrivacyMatch.normalized). */
export function normalizedForms(value: string): string[] {
  const trimmed = value.trim();
  const forms = new Set<string>([trimmed.toLowerCase()]);
  const compact = trimmed.replace(/[\s.\-]/g, '');
  if (/^\d+$/.test(compact)) forms.add(compact);
  if (isIban(compact)) forms.add(compact.toUpperCase());
  const phone = /^[+\d\s().\-]+$/.test(trimmed) ? normalizePhone(trimmed) : undefined;
  if (phone) forms.add(phone);
  return [...forms];
}

export function allowed(meeting: Meeting): (m: Pick<PrivacyMatch, 'kind' | 'normalized'>) => boolean {
  const values = new Set<string>();
  const domains: string[] = [];
  const add = (entry: string | undefined): void => {
    if (!entry?.trim()) return;
    const t = entry.trim().toLowerCase();
    if (t.startsWith('@')) domains.push(t);
    else for (const form of normalizedForms(entry)) values.add(form);
  };
  for (const entry of meeting.config.privacy?.toegestaan ?? []) add(entry);
  for (const item of meeting.items) {
    add(item.contact?.telefoon);
    add(item.contact?.email);
  }
  return (m) => m.kind !== 'patroon' && (values.has(m.normalized) || (m.kind === 'email' && domains.some((d) => m.normalized.endsWith(d))));
}

export interface PatternError {
  index: number;
  patroon: string;
  reason: string;
}

/** The body's patterns as regular expressions (Unicode, case-insensitive); the ones that do not compile, with why. */
export function compilePatterns(patronen: readonly { naam: string; patroon: string }[]): { compiled: CompiledPattern[]; errors: PatternError[] } {
  const compiled: CompiledPattern[] = [];
  const errors: PatternError[] = [];
  patronen.forEach(({ naam, patroon }, index) => {
    try {
      const regex = new RegExp(patroon, 'giu');
      if (regex.test('')) errors.push({ index, patroon, reason: 'het patroon past ook op lege tekst' });
      else compiled.push({ naam, regex });
    } catch (err) {
      errors.push({ index, patroon, reason: (err as Error).message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/, '') });
    }
  });
  return { compiled, errors };
}
