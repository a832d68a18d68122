// The privacy rules report the same way: one finding per value and place, masked, with the fix and
// how to accept it; accepted findings are not reported (the public index records them).

import type { RuleContext } from '../rule.js';
import type { PrivacyKind } from '../../util/personal-data.js';
import { findingPlace, privacyFindings, type PrivacyFinding } from './findings.js';

export function reportFindings(context: RuleContext, kind: PrivacyKind, what: (f: PrivacyFinding) => string, why: string): void {
  for (const f of privacyFindings(context.meeting)) {
    if (f.kind !== kind || f.accepted) continue;
    context.report({
      file: f.item.file,
      range: f.range,
      message: `${what(f)} \`${f.masked}\` ${findingPlace(f)}.`,
      hint: `${why} Haal het weg${f.bijlage ? ' (of maak het onleesbaar in de PDF)' : ''}; is publicatie toch bedoeld, zet dan in de front matter onder \`privacy_akkoord:\` een regel \`- waarde: "${f.masked}"\` met een \`reden:\`.`,
    });
  }
}
