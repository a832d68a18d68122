// Accepting a finding in the item's front matter, with the reason the public index records:
//
//   privacy_akkoord:
//     - waarde: "06••••••78"        # as bundel shows it, or the value itself
//       reden: Zakelijk nummer van de projectleider, met diens toestemming.
//     - patroon: "Dorpsstraat \\d+"  # a regular expression on the found text
//       reden: Adres van het gemeentehuis.

import type { Agendapunt } from '../../model/meeting.js';
import { asRecord, asText, get } from '../../load/normalize.js';
import { rawField } from '../source-text.js';
import { normalizedForms } from './allow.js';

export interface Acceptance {
  /** 0-based index in `privacy_akkoord`. */
  index: number;
  waarde?: string;
  patroon?: RegExp;
  reden: string;
}

const MASK = /[•*]/;
const compact = (s: string): string => s.replace(/\s/g, '');

/** The usable entries of an item's `privacy_akkoord` (the schema rule reports the others). */
export function acceptancesOf(item: Agendapunt): Acceptance[] {
  const raw = rawField(item.raw, 'privacy_akkoord');
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry, index): Acceptance[] => {
    const r = asRecord(entry);
    const reden = asText(get(r, 'reden'));
    const waarde = asText(get(r, 'waarde'));
    const patroon = asText(get(r, 'patroon'));
    if (!reden || (!waarde && !patroon)) return [];
    let regex: RegExp | undefined;
    if (patroon) {
      try {
        regex = new RegExp(patroon, 'iu');
      } catch {
        return [];
      }
    }
    return [{ index, waarde, patroon: regex, reden }];
  });
}

/** The first acceptance that covers a finding. A masked `waarde` matches the mask bundel printed. */
export function acceptanceFor(f: { masked: string; normalized: string; text: string }, list: readonly Acceptance[]): Acceptance | undefined {
  return list.find((a) => {
    if (a.patroon) return a.patroon.test(f.text);
    const w = a.waarde!;
    if (MASK.test(w)) return compact(w).replace(/\*/g, '•') === compact(f.masked);
    return normalizedForms(w).includes(f.normalized) || compact(w) === compact(f.text);
  });
}
