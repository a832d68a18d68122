import { DUTCH_BOOLEANS } from '../model/schema.js';

// Best-effort typed views of parsed front matter. Wrong types are left out here and reported by the
// schema rule, so one bad field never hides the problems in the others.

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Strings as written; numbers (agendapunt: 2) as their decimal text. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asTextList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((v): v is string => v !== undefined);
  const single = asText(value);
  return single ? [single] : [];
}

/** `true`, or `ja`/`waar` as a Dutch secretariat writes it (DUTCH_BOOLEANS in the schema). */
export function asBool(value: unknown): boolean {
  if (typeof value === 'string') return DUTCH_BOOLEANS[value.trim().toLowerCase()] === true;
  return value === true;
}

export function get(record: Record<string, unknown> | undefined, key: string): unknown {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
