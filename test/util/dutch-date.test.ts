import { describe, expect, it } from 'vitest';
import { dutchDate } from '../../src/util/dutch-date.js';

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
