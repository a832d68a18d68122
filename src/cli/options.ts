// Option values shared by several commands, checked while commander parses them.

import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../model/schema.js';
import { isoFromDutch } from '../util/dutch-date.js';

/** A meeting date or `--datum`: an ISO date. */
export function parseDate(typed: string): string {
  const value = isoFromDutch(typed);
  if (!isIsoDate(value)) throw new InvalidArgumentError(`\`${value}\` is geen datum; schrijf die als JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld \`2025-04-16\` of \`16-04-2025\`.`);
  return value;
}
