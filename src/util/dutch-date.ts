// Dates as they are printed on Dutch meeting papers: "5 maart 2025".

const FORMAT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * `2025-03-05` -> `5 maart 2025`. Computed in UTC, so the result never depends on the machine's
 * time zone. Throws a RangeError on anything that is not a real calendar date in ISO form.
 */
export function dutchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
    const date = new Date(0);
    // setUTCFullYear, not Date.UTC: the latter maps years 0-99 to 1900-1999.
    date.setUTCFullYear(year, month, day);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day) return FORMAT.format(date);
  }
  throw new RangeError(`\`${iso}\` is geen datum in de vorm JJJJ-MM-DD`);
}
