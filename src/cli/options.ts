// Option values shared by several commands, checked while commander parses them.

import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../model/schema.js';

/** A meeting date or `--datum`: an ISO date. */
export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`\`${value}\` is geen datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld \`2025-04-16\`.`);
  return value;
}
