// Issue 18: the memos are laid out in one pass, in bundle order, with their final page numbers; the
// agenda is counted first and laid out last. These tests drive the layout of the reference meeting
// with a layout engine whose page counts depend on the numbers it is given, and check that every
// printed page number points at the page the document lands on, and how often each part was laid out.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultInputs, renderLayout } from '../../src/bundle/layout.js';
import { makePlan, type Part } from '../../src/bundle/plan.js';
import { loadConfig } from '../../src/load/config.js';
import { loadMeeting } from '../../src/load/meeting.js';
import type { AsyncRenderer } from '../../src/render/pool.js';
import type { AgendaInput, MemoInput, RenderedPdf } from '../../src/render/types.js';

const ROOT = path.resolve('fixtures/reference');
const DIR = path.join(ROOT, 'vergaderingen/2025-03-05');

interface Call {
  kind: 'agenda' | 'memo' | 'withheld';
  countOnly: boolean;
  input: unknown;
}

/** A layout engine without Typst: page counts from a rule, every call recorded. */
function fakeRenderer(pagesOf: (kind: 'agenda' | 'memo', input: AgendaInput | MemoInput, countOnly: boolean) => number): { renderer: AsyncRenderer; calls: Call[] } {
  const calls: Call[] = [];
  const out = (pageCount: number): RenderedPdf => ({ pdf: new Uint8Array(0), pageCount });
  const renderer: AsyncRenderer = {
    renderAgenda: async (input, o) => (calls.push({ kind: 'agenda', countOnly: o?.countOnly ?? false, input }), out(pagesOf('agenda', input, o?.countOnly ?? false))),
    renderMemo: async (input, o) => (calls.push({ kind: 'memo', countOnly: o?.countOnly ?? false, input }), out(pagesOf('memo', input, o?.countOnly ?? false))),
    renderWithheld: async (input) => (calls.push({ kind: 'withheld', countOnly: false, input }), out(1)),
    setCreationDate: () => {},
    close: async () => {},
  };
  return { renderer, calls };
}

async function reference() {
  const { config } = await loadConfig(ROOT);
  const { meeting } = await loadMeeting(config, DIR);
  const plan = makePlan(meeting, { public: false, dedupe: true });
  return { meeting, plan, inputs: defaultInputs(meeting, plan, false) };
}

/** Every page number a memo printed is the first page of the attachment it names. */
function expectNumbersRight(plan: ReturnType<typeof makePlan>, pages: Map<Part, { first: number }>, lastInput: Map<string, MemoInput>): void {
  for (const part of plan.parts) {
    if (part.kind !== 'memo') continue;
    const input = lastInput.get(part.item.nummer)!;
    for (const m of input.meegezonden) {
      const bijlage = part.item.bijlagen.find((b) => b.nummer === m.nummer)!;
      const placement = plan.placements.get(bijlage)!;
      expect('part' in placement && placement.part ? pages.get(placement.part)!.first : undefined).toBe(m.pagina);
    }
  }
}

describe('one layout pass (issue 18)', () => {
  it('lays out each memo once counted and once with its numbers, the agenda once counted and once at the end', async () => {
    const { meeting, plan, inputs } = await reference();
    const { renderer, calls } = fakeRenderer((kind) => (kind === 'agenda' ? 1 : 3));
    const { pages } = await renderLayout(meeting, plan, renderer, inputs);
    const memos = plan.parts.filter((p) => p.kind === 'memo').length;
    expect(memos).toBeGreaterThan(1);
    expect(calls.filter((c) => c.kind === 'memo' && c.countOnly)).toHaveLength(memos);
    expect(calls.filter((c) => c.kind === 'memo' && !c.countOnly)).toHaveLength(memos);
    expect(calls.filter((c) => c.kind === 'agenda').map((c) => c.countOnly)).toEqual([true, false]);
    const last = new Map(calls.filter((c) => c.kind === 'memo' && !c.countOnly).map((c) => [(c.input as MemoInput).agendapunt, c.input as MemoInput]));
    expectNumbersRight(plan, pages, last);
    // Every page once, in order.
    const all = [...pages.values()].sort((a, b) => a.first - b.first);
    all.forEach((p, i) => expect(p.first).toBe(i === 0 ? 1 : all[i - 1].last + 1));
  });

  it('lays out the memos again when the numbered agenda comes out longer, and a memo again when its numbers lengthen it', async () => {
    const { meeting, plan, inputs } = await reference();
    // The agenda grows by a page once it shows page numbers; a memo takes a page more once it cites a
    // page number of two digits (so the count with guessed numbers can be wrong).
    const { renderer, calls } = fakeRenderer((kind, input, countOnly) => {
      if (kind === 'agenda') return countOnly ? 1 : 2;
      const numbers = (input as MemoInput).meegezonden.map((m) => m.pagina ?? 0);
      return numbers.some((n) => n >= 10) ? 3 : 2;
    });
    const { pages, rendered } = await renderLayout(meeting, plan, renderer, inputs);
    const last = new Map<string, MemoInput>();
    for (const c of calls) if (c.kind === 'memo' && !c.countOnly) last.set((c.input as MemoInput).agendapunt, c.input as MemoInput);
    expectNumbersRight(plan, pages, last);
    for (const part of plan.parts) {
      if (part.kind === 'bijlage') expect(pages.get(part)!.last - pages.get(part)!.first + 1).toBe(part.pageCount);
      else expect(pages.get(part)!.last - pages.get(part)!.first + 1).toBe(rendered.get(part)!.pageCount);
    }
    // The agenda was laid out again with the numbers it caused: counted, 2 pages, then 2 pages again.
    expect(calls.filter((c) => c.kind === 'agenda').map((c) => c.countOnly)).toEqual([true, false, false]);
    // The memos moved by a page: each laid out again, none counted twice.
    const memos = plan.parts.filter((p) => p.kind === 'memo').length;
    expect(calls.filter((c) => c.kind === 'memo' && c.countOnly)).toHaveLength(memos);
    expect(calls.filter((c) => c.kind === 'memo' && !c.countOnly).length).toBeGreaterThanOrEqual(2 * memos);
  });
});
