import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dutchHolidays, easterSunday, isWorkingDay, todayInNetherlands, workingDayOnOrBefore, workingDaysBefore } from '../../src/util/calendar.js';

describe('calendar', () => {
  it('finds Easter with the computus (published dates)', () => {
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('lists the Dutch public holidays of 2025 and 2026', () => {
    expect([...dutchHolidays(2025).keys()].sort()).toEqual([
      '2025-01-01', '2025-04-20', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-08', '2025-06-09', '2025-12-25', '2025-12-26',
    ]);
    // 27 April 2025 is a Sunday: Koningsdag is the Saturday before; in 2026 it is on the 27th.
    expect(dutchHolidays(2025).get('2025-04-26')).toBe('Koningsdag');
    expect(dutchHolidays(2026).get('2026-04-27')).toBe('Koningsdag');
    expect(dutchHolidays(2026).get('2026-05-14')).toBe('Hemelvaartsdag');
    expect(dutchHolidays(2026).get('2026-05-25')).toBe('Tweede Pinksterdag');
  });

  it('knows weekends, holidays and Goede Vrijdag (a working day)', () => {
    expect(isWorkingDay('2025-04-16')).toBe(true); // Wednesday
    expect(isWorkingDay('2025-04-19')).toBe(false); // Saturday
    expect(isWorkingDay('2025-04-21')).toBe(false); // Tweede Paasdag
    expect(isWorkingDay('2025-04-18')).toBe(true); // Goede Vrijdag
    expect(isWorkingDay('2026-05-05')).toBe(false); // Bevrijdingsdag, not a lustrum year
  });

  it('counts working days back over weekends and holidays', () => {
    // 5 May 2025 is a Monday and Bevrijdingsdag.
    expect(workingDaysBefore('2025-05-06', 3)).toBe('2025-04-30');
    // Around Easter 2026: Tweede Paasdag skipped, Goede Vrijdag counted.
    expect(workingDaysBefore('2026-04-08', 3)).toBe('2026-04-02');
    // Over Christmas and New Year 2025/2026.
    expect(workingDaysBefore('2026-01-05', 5)).toBe('2025-12-24');
    expect(workingDayOnOrBefore('2025-12-28')).toBe('2025-12-24');
    expect(workingDayOnOrBefore('2025-12-29')).toBe('2025-12-29');
  });

  it('does calendar arithmetic across months and years', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(daysBetween('2025-04-16', '2025-04-01')).toBe(-15);
  });

  it('takes today in Dutch time', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(todayInNetherlands(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInNetherlands(new Date('2025-06-30T21:59:00Z'))).toBe('2025-06-30');
  });
});
