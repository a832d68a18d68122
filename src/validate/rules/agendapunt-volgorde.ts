// agendapunt-volgorde: the agenda numbers run without gaps: 1, 2, 3; 4a, 4b; 5.1, 5.2.

import type { Agendapunt } from '../../model/meeting.js';
import { at, type Rule, type RuleContext } from '../rule.js';

interface Parsed {
  main: number;
  /** 0 for a plain number; the letter's place (a = 1) or the sub-number otherwise. */
  sub: number;
  style: 'plain' | 'letter' | 'decimal';
  item: Agendapunt;
}

function parse(item: Agendapunt): Parsed | undefined {
  const m = /^([1-9]\d{0,5})(?:([a-z])|\.([1-9]\d{0,5}))?$/i.exec(item.nummer.trim());
  if (!m) return undefined;
  if (m[2]) return { main: Number(m[1]), sub: m[2].toLowerCase().charCodeAt(0) - 96, style: 'letter', item };
  if (m[3]) return { main: Number(m[1]), sub: Number(m[3]), style: 'decimal', item };
  return { main: Number(m[1]), sub: 0, style: 'plain', item };
}

const subName = (main: number, style: Parsed['style'], sub: number): string =>
  style === 'letter' ? `${main}${String.fromCharCode(96 + sub)}` : `${main}.${sub}`;

function report(context: RuleContext, item: Agendapunt, message: string): void {
  context.report({
    file: item.file,
    range: at(item.positions, 'agendapunt'),
    message,
    hint: 'Nummer de agendapunten door (1, 2, 3, of 4a, 4b); staat er een agendapunt niet bij, voeg het dan toe.',
  });
}

export const agendapuntVolgorde: Rule = {
  id: 'agendapunt-volgorde',
  description: 'De nummers van de agendapunten lopen door, zonder gaten.',
  severity: 'warning',
  allItems: true,
  check(context) {
    const parsed = context.meeting.items.map(parse).filter((p): p is Parsed => p !== undefined);
    // An item whose number cannot be read (the schema rule reports it) may be the one that looks
    // missing: a gap is not reported until every number reads.
    if (parsed.length < context.meeting.items.length) return;
    const byMain = new Map<number, Parsed[]>();
    for (const p of parsed) byMain.set(p.main, [...(byMain.get(p.main) ?? []), p]);
    const mains = [...byMain.keys()].sort((a, b) => a - b);

    let previous = 0;
    for (const main of mains) {
      const first = byMain.get(main)!.sort((a, b) => a.sub - b.sub)[0];
      if (main > previous + 1) {
        const missing = main - previous - 1 === 1 ? `agendapunt \`${previous + 1}\` ontbreekt` : `agendapunten \`${previous + 1}\` tot en met \`${main - 1}\` ontbreken`;
        report(context, first.item, previous === 0 ? `De agenda begint bij \`${first.item.nummer}\`; ${missing}.` : `Na agendapunt \`${previous}\` komt \`${first.item.nummer}\`; ${missing}.`);
      }
      previous = main;

      // Within one number: the letters run from a, the sub-numbers from 1.
      for (const style of ['letter', 'decimal'] as const) {
        const subs = [...new Map(byMain.get(main)!.filter((p) => p.style === style).map((p) => [p.sub, p])).values()].sort((a, b) => a.sub - b.sub);
        let prevSub = 0;
        for (const p of subs) {
          if (p.sub > prevSub + 1) {
            const expected = subName(main, style, prevSub + 1);
            report(
              context,
              p.item,
              prevSub === 0 ? `Agendapunt \`${p.item.nummer}\` is het eerste onder \`${main}\`; \`${expected}\` ontbreekt.` : `Na agendapunt \`${subName(main, style, prevSub)}\` komt \`${p.item.nummer}\`; \`${expected}\` ontbreekt.`,
            );
          }
          prevSub = p.sub;
        }
      }
    }
  },
};
