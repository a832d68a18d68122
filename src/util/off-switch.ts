// The words that switch a setting from the environment off (`BUNDEL_CACHE=uit`, `BUNDEL_CODE_CACHE=0`):
// one list, so every switch understands the same ones. Kept free of imports: src/cli/start.ts, which
// is bundled on its own, uses it too.

const OFF = new Set(['uit', 'off', '0', 'false', 'nee']);

/** Whether an environment value (already trimmed) says "off". */
export const saysOff = (value: string): boolean => OFF.has(value.toLowerCase());
