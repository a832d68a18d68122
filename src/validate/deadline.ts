// Lint against the calendar: with today's date and an aanleverdatum, a finding about something the
// secretariat must still deliver (a missing beslispunt, bijlage or document, a placeholder) is a
// warning before the aanleverdatum and an error after it, and says how many days are left or how
// late it is. Without a date or a deadline, and for meetings already held, findings keep their severity.

import type { Diagnostic } from '../model/diagnostic.js';
import type { Meeting } from '../model/meeting.js';
import { daysBetween } from '../util/calendar.js';
import { dutchDate } from '../util/dutch-date.js';

const days = (n: number): string => (n === 1 ? '1 dag' : `${n} dagen`);

/** How a "still missing" finding reads and weighs on `today`; identity when the calendar does not apply. */
export function deadlineAdjuster(meeting: Meeting, today: string | undefined): (d: Diagnostic) => Diagnostic {
  const due = meeting.deadlines?.aanleveren;
  if (!today || !due || daysBetween(today, meeting.vergadering.datum) < 0) return (d) => d;
  const left = daysBetween(today, due.datum);
  const when = dutchDate(due.datum);
  const note =
    left > 0
      ? `Nog ${days(left)} tot de aanleverdatum (${when}).`
      : left === 0
        ? `Vandaag (${when}) is de aanleverdatum.`
        : `De aanleverdatum (${when}) is ${days(-left)} verstreken.`;
  const severity = left >= 0 ? 'warning' : 'error';
  return (d) => ({ ...d, severity, message: `${d.message} ${note}` });
}
