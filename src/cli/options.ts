// Option values shared by several commands, checked while commander parses them.

import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../model/schema.js';

/** `--datum`: an ISO date that stands in for today. */
export function parseToday(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`\`${value}\` is geen datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld \`2025-04-01\`.`);
  return value;
}
