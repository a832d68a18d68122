// Values reach a terminal or a CI log to be read, never obeyed. Control characters, line breaks and
// invisible direction marks in them become visible escapes (`\n`, `\u001b`), and no printed line may
// start like a GitHub Actions workflow command (`::error …::`, `##[…]`), which the runner looks for
// after leading spaces.

/** C0 and C1 controls, DEL, Unicode line and paragraph separators, bidirectional overrides. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One printable line: every control character and line break written as an escape. */
export function escapeControl(value: string): string {
  return value.replace(UNSAFE, (ch) => NAMED[ch] ?? hex(ch));
}

/** What JSON.stringify leaves raw in its strings (DEL, C1, U+2028 …); C0 it escapes itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with those characters as `\uXXXX` too: the same value, safe to print. */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, hex);
}

/** A printed line that a CI runner would take for a workflow command gets a visible backslash. */
export function guardLine(line: string): string {
  return line.replace(/^(\s*)(::|##\[)/, '$1\\$2');
}

/** Every value printed: escaped, and never the start of a workflow command. */
export function printable(value: string): string {
  return guardLine(escapeControl(value));
}
