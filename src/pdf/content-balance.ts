// How a page's content pairs its graphics-state saves (`q`) and restores (`Q`). Counted by the
// loader while it scans the content anyway, and used by the assembler before stamping.

const WS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export interface SaveBalance {
  /** `Q`s that pop below the stream's starting state (they would pop a wrapper's `q`). */
  underflow: number;
  /** `q`s still open at the end. */
  unclosed: number;
  /** The content has marked-content operators of its own (`BMC`, `BDC`, `EMC`). */
  marked?: boolean;
}

/** Net `q` depth at the end of a content stream (never below zero), skipping strings, comments and inline images. */
export function unclosedSaves(bytes: Uint8Array): number {
  return saveBalance(bytes).unclosed;
}

type TokenKind = 'word' | 'string' | 'delimiter' | 'name' | 'inline-image';

/**
 * Walk the tokens of a content stream, skipping comments; strings, inline images (`BI … ID … EI`)
 * and names are one token each. `complete` is false for a string or inline image cut off by the end.
 */
function eachToken(bytes: Uint8Array, visit: (kind: TokenKind, start: number, end: number, complete: boolean) => void): void {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i];
    const start = i;
    if (WS[c]) {
      i++;
    } else if (c === 0x25) {
      // % comment
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      // ( literal string ), nested parentheses, backslash escapes
      let level = 1;
      i++;
      while (i < n && level > 0) {
        const s = bytes[i];
        if (s === 0x5c) i += 2;
        else {
          if (s === 0x28) level++;
          else if (s === 0x29) level--;
          i++;
        }
      }
      visit('string', start, Math.min(i, n), level === 0);
    } else if (c === 0x3c && bytes[i + 1] !== 0x3c) {
      // <hex string>
      while (i < n && bytes[i] !== 0x3e) i++;
      visit('string', start, Math.min(++i, n), i <= n);
    } else if (DELIM[c]) {
      i++;
      if (c === 0x2f) {
        while (i < n && !WS[bytes[i]] && !DELIM[bytes[i]]) i++; // /Name
        visit('name', start, i, true);
      } else {
        if ((c === 0x3c || c === 0x3e) && bytes[i] === c) i++; // << >>
        visit('delimiter', start, i, true);
      }
    } else {
      while (i < n && !WS[bytes[i]] && !DELIM[bytes[i]]) i++;
      if (i - start === 2 && c === 0x42 && bytes[start + 1] === 0x49) {
        // BI … ID <binary> EI: skip to an EI surrounded by whitespace
        while (i < n && !(bytes[i] === 0x49 && bytes[i + 1] === 0x44 && WS[bytes[i + 2]])) i++;
        i += 3;
        while (i < n && !(WS[bytes[i - 1]] && bytes[i] === 0x45 && bytes[i + 1] === 0x49 && (i + 2 >= n || WS[bytes[i + 2]]))) i++;
        i += 2;
        visit('inline-image', start, Math.min(i, n), i <= n);
      } else visit('word', start, i, true);
    }
  }
}

/** How a content stream's saves and restores fail to pair up, skipping strings, comments and inline images. */
export function saveBalance(bytes: Uint8Array): SaveBalance {
  let depth = 0;
  let lowest = 0;
  let marked = false;
  eachToken(bytes, (kind, start, end) => {
    if (kind !== 'word') return;
    if (end - start === 3 && bytes[start + 2] === 0x43 && ((bytes[start + 1] === 0x4d && (bytes[start] === 0x42 || bytes[start] === 0x45)) || (bytes[start] === 0x42 && bytes[start + 1] === 0x44))) {
      marked = true; // BMC, EMC, BDC
      return;
    }
    if (end - start !== 1) return;
    if (bytes[start] === 0x71) depth++; // q
    else if (bytes[start] === 0x51) lowest = Math.min(lowest, --depth); // Q
  });
  return marked ? { underflow: Math.abs(lowest), unclosed: depth - lowest, marked } : { underflow: Math.abs(lowest), unclosed: depth - lowest };
}

/**
 * The longest prefix of a cut-off content stream that ends after a whole token outside any array,
 * dictionary, string or inline image: what follows it (the page number stamped after it) is then
 * read as it should be.
 */
export function completePrefix(bytes: Uint8Array): number {
  let nesting = 0;
  let safe = 0;
  eachToken(bytes, (kind, start, end, complete) => {
    // A word or name that runs to the very end may itself be cut (`T` of `Tf`).
    if (!complete || ((kind === 'word' || kind === 'name') && end === bytes.length)) return;
    if (kind === 'delimiter') {
      const c = bytes[start];
      if (c === 0x5b || (c === 0x3c && end - start === 2)) nesting++;
      else if (c === 0x5d || (c === 0x3e && end - start === 2)) nesting = Math.max(0, nesting - 1);
    }
    if (nesting === 0) safe = end;
  });
  return safe;
}

/** A page's content streams as one sequence (a newline between streams, as viewers read them). */
export function joinContent(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((len, p) => len + p.length + 1, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    all[offset + p.length] = 0x0a;
    offset += p.length + 1;
  }
  return all;
}

/** The balance of streams read one after the other, from the balance of each. */
export function chainBalances(parts: readonly SaveBalance[]): SaveBalance {
  let depth = 0;
  let lowest = 0;
  for (const { underflow, unclosed } of parts) {
    lowest = Math.min(lowest, depth - underflow);
    depth += unclosed - underflow;
  }
  const result: SaveBalance = { underflow: Math.abs(lowest), unclosed: depth - lowest };
  if (parts.some((p) => p.marked)) result.marked = true;
  return result;
}
