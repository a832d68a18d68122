// Personal data in what the public bundle will show: the memo texts (front matter that is printed,
// and the body) of public items, the titles the public agenda shows, and the text of every public
// attachment, page by page. Found once per meeting and shared by the privacy rules and the index,
// which records the findings an item accepted (`privacy_akkoord`).

import type { SourceRange } from '../../model/diagnostic.js';
import type { Agendapunt, Bijlage, Meeting } from '../../model/meeting.js';
import { at, itemAt } from '../rule.js';
import { bodyLines, bodyRange, positionInScalar, rawField, stringsIn } from '../source-text.js';
import { acceptanceFor, acceptancesOf, type Acceptance } from './accept.js';
import { allowed, compilePatterns } from './allow.js';
import { findPattern, findPersonalData, type PrivacyKind } from '../../util/personal-data.js';

export interface PrivacyFinding {
  kind: PrivacyKind;
  /** For `patroon`: the name of the pattern. */
  pattern?: string;
  masked: string;
  normalized: string;
  text: string;
  /** The item whose file the finding is reported in (and whose acceptances count). */
  item: Agendapunt;
  /** In the memo or agenda text: where in the item file. */
  range?: SourceRange;
  /** In an attachment: which, and the pages (1-based, in the attachment). */
  bijlage?: Bijlage;
  pages?: number[];
  /** The acceptance in the front matter that allows it, if any, and the item it stands in. */
  accepted?: Acceptance;
  acceptedBy?: Agendapunt;
}

/** Front-matter fields that are printed in the memo or on the agenda (not the contact: that is allowed). */
const PRINTED = /^(onderwerp|portefeuillehouder|beslispunten|procedure|vervolgactie|communicatie|mededeling_beslissing_aan|consequenties|bijlagen\.\d+\.(titel|ter_inzage))(\.|$)/;

const isPublicBijlage = (item: Agendapunt, b: Bijlage): boolean => !item.vertrouwelijk && !b.vertrouwelijk;

const cache = new WeakMap<Meeting, PrivacyFinding[]>();

/** Every finding in the public parts of a meeting, accepted ones included (marked). */
export function privacyFindings(meeting: Meeting): PrivacyFinding[] {
  let found = cache.get(meeting);
  if (!found) {
    found = collect(meeting);
    cache.set(meeting, found);
  }
  return found;
}

function collect(meeting: Meeting): PrivacyFinding[] {
  const patterns = compilePatterns(meeting.config.privacy?.patronen ?? []).compiled;
  const isAllowed = allowed(meeting);
  const out: PrivacyFinding[] = [];

  for (const item of meeting.items) {
    // What of this item reaches the public bundle: of a confidential item only its subject, of a
    // confidential attachment nothing but its label (the agenda lists both as left out).
    for (const { path, value } of stringsIn(item.raw)) {
      if (!PRINTED.test(path)) continue;
      if (item.vertrouwelijk && path !== 'onderwerp') continue;
      const bijlage = /^bijlagen\.(\d+)\./.exec(path);
      if (bijlage && item.bijlagen[Number(bijlage[1])]?.vertrouwelijk) continue;
      for (const m of findPersonalData(value, patterns)) {
        if (isAllowed(m)) continue;
        out.push({ ...m, item, range: positionInScalar(at(item.positions, path), value, m.offset, m.length) });
      }
    }
    if (!item.vertrouwelijk) {
      for (const { line, text } of bodyLines(item)) {
        for (const m of findPersonalData(text, patterns)) {
          if (!isAllowed(m)) out.push({ ...m, item, range: bodyRange(line, m.offset, m.length) });
        }
      }
    }
  }

  // Attachments: each file once, reported at its first public use; its pages merged per value.
  const seen = new Set<string>();
  for (const item of meeting.items) {
    for (const bijlage of item.bijlagen) {
      const facts = bijlage.facts;
      if (!isPublicBijlage(item, bijlage) || !facts?.text || seen.has(facts.path)) continue;
      seen.add(facts.path);
      const byValue = new Map<string, PrivacyFinding>();
      const range = itemAt(item, `bijlagen.${bijlage.nummer - 1}.bestand`);
      const onPage = (m: Omit<PrivacyFinding, 'item' | 'bijlage' | 'pages' | 'range'>, page: number): void => {
        if (isAllowed(m)) return;
        const key = `${m.kind}:${m.pattern ?? ''}:${m.normalized}`;
        const known = byValue.get(key);
        if (!known) byValue.set(key, { ...m, item, bijlage, pages: [page], range });
        else if (known.pages!.at(-1) !== page) known.pages!.push(page);
      };
      for (const m of facts.text.matches) onPage(m, m.page);
      facts.text.pages?.forEach((text, i) => {
        for (const p of patterns) for (const m of findPattern(text, p)) onPage(m, i + 1);
      });
      out.push(...byValue.values());
    }
  }

  // Acceptances: an item accepts findings in its own texts and in the files it attaches.
  const acceptances = new Map(meeting.items.map((item) => [item, acceptancesOf(item)] as const));
  for (const f of out) {
    const sharing = f.bijlage ? meeting.items.filter((i) => i.bijlagen.some((b) => b.facts?.path === f.bijlage!.facts?.path)) : [f.item];
    for (const item of sharing) {
      if (f.accepted) break;
      f.accepted = acceptanceFor(f, acceptances.get(item) ?? []);
      if (f.accepted) f.acceptedBy = item;
    }
  }
  return out;
}

/** Where a finding is, in words: "in de tekst", "op pagina 7 van bijlage 2 (`bijlagen/x.pdf`)". */
export function findingPlace(f: PrivacyFinding): string {
  if (!f.bijlage) return 'in de tekst van het agendapunt';
  const pages = f.pages ?? [];
  const list = pages.length === 1 ? `pagina ${pages[0]}` : `pagina's ${pages.slice(0, -1).join(', ')} en ${pages.at(-1)}`;
  const name = f.item.soort === 'voorstel' ? `bijlage ${f.bijlage.nummer}` : `het stuk \`${f.bijlage.titel}\``;
  return `op ${list} van ${name} (\`${f.bijlage.facts?.relPath ?? f.bijlage.bestand}\`)`;
}

/** The raw `privacy_akkoord` of an item, for rules that point at its entries. */
export const rawAcceptances = (item: Agendapunt): unknown => rawField(item.raw, 'privacy_akkoord');
