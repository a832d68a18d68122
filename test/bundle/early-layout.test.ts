// Issue 18: the build starts laying out as soon as the items are read, with page counts guessed from
// the attachments' bytes, and its own layout after the checks reuses every layout asked for with the
// same data. These tests load the reference meeting with the early layout running, through a layout
// engine without Typst that records every layout it makes, and compare with a layout made afterwards
// from the checked meeting alone: the same layouts, made once; a wrong guess costs layouts, never
// a wrong page number.

import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remembering, startEarlyLayout, type EarlyLayout } from '../../src/bundle/early-layout.js';
import { defaultInputs, renderLayout } from '../../src/bundle/layout.js';
import { makePlan } from '../../src/bundle/plan.js';
import { loadConfig } from '../../src/load/config.js';
import { loadMeeting } from '../../src/load/meeting.js';
import type { AsyncRenderer } from '../../src/render/pool.js';
import type { AgendaInput, MemoInput, RenderedPdf } from '../../src/render/types.js';
import { copyFixture } from '../helpers/repo.js';

interface Call {
  kind: string;
  countOnly: boolean;
  input: unknown;
}

/** Page counts that depend on the page numbers printed (a memo citing a page past 40 takes one more). */
function recorder(): { renderer: AsyncRenderer; calls: Call[] } {
  const calls: Call[] = [];
  const out = (pageCount: number): RenderedPdf => ({ pdf: new Uint8Array(0), pageCount });
  const memoPages = (input: MemoInput): number => (input.meegezonden.some((m) => (m.pagina ?? 0) > 40) ? 3 : 2);
  const agendaPages = (input: AgendaInput): number => 1 + (input.items.some((i) => i.documenten.some((d) => (d.pagina ?? 0) > 60)) ? 1 : 0);
  return {
    calls,
    renderer: {
      renderAgenda: async (input, o) => (calls.push({ kind: 'agenda', countOnly: o?.countOnly ?? false, input }), out(agendaPages(input))),
      renderMemo: async (input, o) => (calls.push({ kind: 'memo', countOnly: o?.countOnly ?? false, input }), out(memoPages(input))),
      renderWithheld: async (input) => (calls.push({ kind: 'withheld', countOnly: false, input }), out(1)),
      setCreationDate: () => {},
      close: async () => {},
    },
  };
}

/** Loads `root`'s meeting with the early layout running, then lays out from the checked meeting through the same renderer. */
async function build(root: string) {
  const { config } = await loadConfig(root);
  const engine = recorder();
  const renderer = remembering(engine.renderer);
  let early: EarlyLayout | undefined;
  const { meeting } = await loadMeeting(config, path.join(root, 'vergaderingen/2025-03-05'), {
    onItems: (vergadering, items, facts) => (early = startEarlyLayout(config, vergadering, items, facts, renderer, { public: false, dedupe: true, openbaar: false })),
  });
  await early!.settled;
  const earlyCalls = engine.calls.length;
  const plan = makePlan(meeting, { public: false, dedupe: true });
  const layout = await renderLayout(meeting, plan, renderer, defaultInputs(meeting, plan, false));
  // The same layout made from scratch, without an early start.
  const alone = recorder();
  const plain = await renderLayout(meeting, plan, alone.renderer, defaultInputs(meeting, plan, false));
  const pagesOf = (l: typeof layout) => plan.parts.map((p) => l.pages.get(p));
  return { calls: engine.calls, early: earlyCalls, plain: alone.calls, pages: pagesOf(layout), plainPages: pagesOf(plain) };
}

describe('early layout (issue 18)', () => {
  it('lays out the whole meeting while it is read; the layout after the checks makes nothing again', async () => {
    const r = await build(path.resolve('fixtures/reference'));
    expect(r.plain.length).toBeGreaterThan(8);
    // Everything was laid out early, in the order and with the data of a layout made afterwards.
    expect(r.early).toBe(r.calls.length);
    expect(r.calls).toEqual(r.plain);
    expect(r.pages).toEqual(r.plainPages);
  });

  it('lays out again what a wrong guess moved, and ends with the right page numbers', async () => {
    const root = copyFixture('reference');
    // Bytes after the end that look like a page tree of 40 pages: the guess is wrong, the checked count is not.
    appendFileSync(path.join(root, 'vergaderingen/2025-03-05/bijlagen/kamerbrief-elke-regio-telt.pdf'), '\n% << /Type /Pages /Count 40 >>\n');
    const r = await build(root);
    expect(r.pages).toEqual(r.plainPages);
    expect(r.calls.length).toBeGreaterThan(r.plain.length);
    // What a layout from scratch asks for was made: each final layout is among the recorded ones.
    for (const call of r.plain) expect(r.calls).toContainEqual(call);
  });

  it('asks ahead for the next memo\'s count, and still ends with the layouts made from scratch when counts change', async () => {
    const root = path.resolve('fixtures/reference');
    const { config } = await loadConfig(root);
    const { meeting } = await loadMeeting(config, path.join(root, 'vergaderingen/2025-03-05'));
    const plan = makePlan(meeting, { public: false, dedupe: true });
    // Memos citing a page past 20 come out a page longer than counted: some counts asked ahead are wrong.
    const engine = (): { renderer: AsyncRenderer; calls: Call[] } => {
      const r = recorder();
      const memo = r.renderer.renderMemo;
      r.renderer.renderMemo = async (input, o) => {
        const out = await memo(input, o);
        return !o?.countOnly && input.meegezonden.some((m) => (m.pagina ?? 0) > 20) ? { ...out, pageCount: out.pageCount + 1 } : out;
      };
      return r;
    };
    const ahead = engine();
    const layout = await renderLayout(meeting, plan, remembering(ahead.renderer), { ...defaultInputs(meeting, plan, false), lookAhead: true });
    const alone = engine();
    const plain = await renderLayout(meeting, plan, alone.renderer, defaultInputs(meeting, plan, false));
    expect(plan.parts.map((p) => layout.pages.get(p))).toEqual(plan.parts.map((p) => plain.pages.get(p)));
    const finals = (calls: Call[]): Call[] => calls.filter((c) => !c.countOnly);
    expect(finals(ahead.calls)).toEqual(finals(alone.calls));
    // Every count made from scratch was asked ahead (and answered once); a wrong guess ahead costs one count more.
    for (const call of alone.calls) expect(ahead.calls).toContainEqual(call);
    expect(ahead.calls.length).toBeGreaterThan(alone.calls.length);
  });
});
