// The order of the bundle: agenda, then per item its memo and attachments. Decides what is included,
// what is deduplicated (same content hash), and what a public bundle withholds.

import { hasMemo, type Agendapunt, type Bijlage, type Meeting } from '../model/meeting.js';
import type { PdfFacts } from '../model/pdf-facts.js';

export interface PlanOptions {
  public: boolean;
  dedupe: boolean;
  /** A concept: a bijlage that is missing or cannot be read gets a "volgt" placeholder page. */
  concept?: boolean;
  /** Only the agenda page(s): every document keeps its place in the agenda, without page numbers. */
  agendaOnly?: boolean;
}

export type Part =
  | { kind: 'agenda' }
  | { kind: 'memo'; item: Agendapunt }
  | { kind: 'bijlage'; item: Agendapunt; bijlage: Bijlage; path: string; sha256: string; pageCount: number }
  | { kind: 'withheld'; item: Agendapunt; bijlage?: Bijlage }
  | { kind: 'volgt'; item: Agendapunt; bijlage: Bijlage };

/** Where each bijlage of each item went. */
export type Placement =
  | { status: 'opgenomen'; part: Part }
  | { status: 'eerder-opgenomen'; part: Part; firstItem: Agendapunt; firstBijlage: Bijlage }
  /** Withheld from a public bundle: a placeholder page (`part`), or nothing for one only ter inzage. */
  | { status: 'weggelaten'; part?: Part }
  | { status: 'ter-inzage' }
  | { status: 'volgt'; part: Part }
  | { status: 'ontbreekt' };

export interface Plan {
  parts: Part[];
  /** Memo or withheld page per item (absent for mondeling/stukken items without their own page). */
  itemPart: Map<Agendapunt, Part>;
  placements: Map<Bijlage, Placement>;
  /** Items withheld as a whole (public bundle, vertrouwelijk item). */
  withheldItems: Set<Agendapunt>;
  hasConfidential: boolean;
  /** A concept (placeholder pages, CONCEPT on every page). */
  concept: boolean;
}

/** `factsOf`: what is known of each bijlage's file (an early layout guesses it before the file is read). */
export function makePlan(meeting: Meeting, options: PlanOptions, factsOf: (bijlage: Bijlage) => PdfFacts | undefined = (b) => b.facts): Plan {
  const parts: Part[] = [{ kind: 'agenda' }];
  const itemPart = new Map<Agendapunt, Part>();
  const placements = new Map<Bijlage, Placement>();
  const withheldItems = new Set<Agendapunt>();
  const firstBySha = new Map<string, { part: Part; item: Agendapunt; bijlage: Bijlage }>();
  let hasConfidential = false;

  for (const item of meeting.items) {
    if (item.vertrouwelijk || item.bijlagen.some((b) => b.vertrouwelijk)) hasConfidential = true;
    if (item.vertrouwelijk && options.public) {
      const part: Part = { kind: 'withheld', item };
      parts.push(part);
      itemPart.set(item, part);
      withheldItems.add(item);
      for (const b of item.bijlagen) placements.set(b, b.terInzage !== undefined && b.bestand === undefined ? { status: 'ter-inzage' } : { status: 'weggelaten', part });
      continue;
    }
    if (hasMemo(item.soort)) {
      const part: Part = { kind: 'memo', item };
      parts.push(part);
      itemPart.set(item, part);
    }
    for (const bijlage of item.bijlagen) {
      const facts = factsOf(bijlage);
      if (bijlage.vertrouwelijk && options.public && bijlage.bestand === undefined) {
        // Confidential and only ter inzage: neither its title nor its place goes public.
        placements.set(bijlage, bijlage.terInzage !== undefined ? { status: 'weggelaten' } : { status: 'ontbreekt' });
        continue;
      }
      const missing = (): void => {
        if (!options.concept && !options.agendaOnly) return void placements.set(bijlage, { status: 'ontbreekt' });
        const part: Part = { kind: 'volgt', item, bijlage };
        parts.push(part);
        placements.set(bijlage, { status: 'volgt', part });
      };
      if (bijlage.bestand === undefined) {
        if (bijlage.terInzage !== undefined) placements.set(bijlage, { status: 'ter-inzage' });
        else missing();
        continue;
      }
      if (bijlage.vertrouwelijk && options.public) {
        const part: Part = { kind: 'withheld', item, bijlage };
        parts.push(part);
        placements.set(bijlage, { status: 'weggelaten', part });
        continue;
      }
      if (!facts?.sha256 || facts.pageCount === undefined || facts.problem || facts.pathProblem) {
        missing();
        continue;
      }
      const first = options.dedupe ? firstBySha.get(facts.sha256) : undefined;
      if (first) {
        placements.set(bijlage, { status: 'eerder-opgenomen', part: first.part, firstItem: first.item, firstBijlage: first.bijlage });
        continue;
      }
      const part: Part = { kind: 'bijlage', item, bijlage, path: facts.path, sha256: facts.sha256, pageCount: facts.pageCount };
      parts.push(part);
      placements.set(bijlage, { status: 'opgenomen', part });
      firstBySha.set(facts.sha256, { part, item, bijlage });
    }
  }
  // Only the agenda is laid out; the documents keep their entries, without pages.
  return { parts: options.agendaOnly ? parts.slice(0, 1) : parts, itemPart, placements, withheldItems, hasConfidential, concept: options.concept ?? false };
}

/** A memo or bijlage (or its placeholder) of a confidential item, or a confidential bijlage. */
export const confidentialPart = (part: Part): boolean => part.kind !== 'agenda' && (part.item.vertrouwelijk || ('bijlage' in part && part.bijlage?.vertrouwelijk === true));

/** The bundle pages (1-based) of confidential documents: the members' bundle stamps "Vertrouwelijk" on them. */
export function confidentialPages(plan: Plan, pages: ReadonlyMap<Part, { first: number; last: number }>): Set<number> {
  const out = new Set<number>();
  for (const part of plan.parts.filter(confidentialPart)) {
    const at = pages.get(part);
    for (let p = at?.first ?? 1; at && p <= at.last; p++) out.add(p);
  }
  return out;
}
