import { describe, expect, it } from 'vitest';
import { dutchDate, isoFromDutch } from '../../src/util/dutch-date.js';

describe('dutchDate', () => {
  it.each([
    ['2025-03-05', '5 maart 2025'],
    ['2025-01-29', '29 januari 2025'],
    ['2024-12-31', '31 december 2024'],
    ['2024-02-29', '29 februari 2024'],
  ])('%s -> %s', (iso, dutch) => {
    expect(dutchDate(iso)).toBe(dutch);
  });

  it.each(['2025-02-29', '2025-13-01', '5 maart 2025', '2025-3-5', ''])('refuses %j', (bad) => {
    expect(() => dutchDate(bad)).toThrow(RangeError);
  });
});

describe('isoFromDutch', () => {
  it.each([
    ['12-02-2025', '2025-02-12'],
    ['12-2-2025', '2025-02-12'],
    ['5-3-2025', '2025-03-05'],
    ['05/03/2025', '2025-03-05'],
    ['5.3.2025', '2025-03-05'],
  ])('reads %s as %s', (typed, iso) => {
    expect(isoFromDutch(typed)).toBe(iso);
  });

  it.each(['2025-03-05', '31-02-2025', '13-13-2025', '1-2-25', 'vergaderingen/2025-03-05', ''])('leaves %j as it is', (typed) => {
    expect(isoFromDutch(typed)).toBe(typed);
  });
});
