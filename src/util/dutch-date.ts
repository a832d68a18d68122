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

/**
 * A date as a Dutch secretariat types it, `12-02-2025`, `12-2-2025`, `12/2/2025` or `12.2.2025`
 * (day first), as ISO `2025-02-12`; anything else, an impossible date included, is returned as it is.
 */
export function isoFromDutch(value: string): string {
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value.trim());
  if (!match) return value;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  try {
    dutchDate(iso);
    return iso;
  } catch {
    return value;
  }
}
