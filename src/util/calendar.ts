// Dates as ISO strings (`2025-04-16`) and the Dutch working-day calendar: weekends and the national
// public holidays are not working days. Choices: Goede Vrijdag counts as a working day (it is no
// general day off in the Netherlands, nor in the CAO Gemeenten); Bevrijdingsdag (5 May) is a day off
// every year, as for government staff, not only in lustrum years.

/** `2025-04-16` → the UTC midnight of that day. */
function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `iso` moved by `days` calendar days (negative: earlier). */
export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

/** Easter Sunday of `year` (Gregorian calendar; the anonymous "Meeus/Jones/Butcher" computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The Dutch public holidays of `year`, date → name. */
export function dutchHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const y = String(year);
  // Koningsdag moves to the Saturday before when 27 April is a Sunday.
  const kingsDay = toDate(`${y}-04-27`).getUTCDay() === 0 ? `${y}-04-26` : `${y}-04-27`;
  return new Map([
    [`${y}-01-01`, 'Nieuwjaarsdag'],
    [easter, 'Eerste Paasdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [`${y}-05-05`, 'Bevrijdingsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste Pinksterdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [`${y}-12-25`, 'Eerste Kerstdag'],
    [`${y}-12-26`, 'Tweede Kerstdag'],
  ]);
}

const holidayCache = new Map<number, Map<string, string>>();

/** The name of the public holiday on `iso`, if it is one. */
export function holidayName(iso: string): string | undefined {
  const year = Number(iso.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = dutchHolidays(year);
    holidayCache.set(year, holidays);
  }
  return holidays.get(iso);
}

export function isWorkingDay(iso: string): boolean {
  const weekday = toDate(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6 && holidayName(iso) === undefined;
}

/** The working day `n` working days before `iso` (n ≥ 1): stepping back, counting only working days. */
export function workingDaysBefore(iso: string, n: number): string {
  let day = iso;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}

/** `iso` itself when it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/** Today in the Netherlands, as an ISO date. */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
