// A probe, not part of bundel: the content-stream tokenizer of src/pdf/fast-text/lexer.ts written in C
// and compiled to WebAssembly, to measure what a reader in WebAssembly would gain (issue 15; see
// ../wasm-lexer.mjs and docs/performance.md). It does the lexer's work — numbers, hex and literal
// strings decoded into an arena, names, arrays, operators by the same open-addressed table — and
// writes a tape of 32-bit words instead of handing operands over one operator at a time:
//   operator: -(code + 1)       number: 1, then the double in two words
//   string: 2, from, to (arena)  name: 3, start, end (stream)
//   other: 4   array open: 5   array close: 6
// Not bounded like the real lexer (no operand limit, no nesting limit): the caller gives it room.

typedef unsigned char u8;
typedef unsigned int u32;

static u8 WHITE[256], DELIM[256];
static signed char HEX[256];
static u32 OP_KEYS[256];
static signed char OP_CODES[256];

static u32 slot(u32 key) { return (key * 0x9e3779b1u) >> 24; }

void init(void) {
  const char white[] = {0, 9, 10, 12, 13, 32};
  for (int i = 0; i < 6; i++) WHITE[(u8)white[i]] = 1;
  const char *delim = "()<>[]{}/%";
  for (int i = 0; delim[i]; i++) DELIM[(u8)delim[i]] = 1;
  for (int c = 0; c < 256; c++) HEX[c] = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 55 : c >= 'a' && c <= 'f' ? c - 87 : -1;
}

/** An operator of one to three bytes: key = length | b0 << 2 | b1 << 10 | b2 << 18, as tokens.ts. */
void add_operator(u32 key, int code) {
  u32 s = slot(key);
  while (OP_KEYS[s]) s = (s + 1) & 255;
  OP_KEYS[s] = key;
  OP_CODES[s] = (signed char)code;
}

static int operator_at(const u8 *d, u32 a, u32 b) {
  u32 len = b - a;
  if (len > 3) return 0;
  u32 key = len | ((u32)d[a] << 2) | ((u32)(len > 1 ? d[a + 1] : 0) << 10) | ((u32)(len > 2 ? d[a + 2] : 0) << 18);
  for (u32 s = slot(key); OP_KEYS[s]; s = (s + 1) & 255)
    if (OP_KEYS[s] == key) return OP_CODES[s];
  return 0;
}

static u8 at(const u8 *d, u32 i, u32 n) { return i < n ? d[i] : 0; }

/** Tokenize `d[0..n)` onto `tape`, strings into `arena`; the number of words written. */
u32 lex(const u8 *d, u32 n, int *tape, u8 *arena) {
  u32 pos = 0, t = 0, used = 0;
  while (pos < n) {
    u8 c = d[pos];
    if (WHITE[c]) {
      pos++;
    } else if (c == '%') {
      while (pos < n && d[pos] != 10 && d[pos] != 13) pos++;
    } else if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      // The same arithmetic as lexer.ts, so the same doubles.
      double sign = 1, v = 0;
      while (c == '-' || c == '+') {
        if (c == '-') sign = -sign;
        c = at(d, ++pos, n);
      }
      while (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        c = at(d, ++pos, n);
      }
      if (c == '.') {
        double scale = 0.1;
        c = at(d, ++pos, n);
        while (c >= '0' && c <= '9') {
          v += (c - '0') * scale;
          scale /= 10;
          c = at(d, ++pos, n);
        }
      }
      v = sign * v;
      tape[t++] = 1;
      __builtin_memcpy(&tape[t], &v, 8);
      t += 2;
    } else if (c == '<' && at(d, pos + 1, n) != '<') {
      u32 i = pos + 1, from = used;
      while (i + 1 < n) {
        int v = (HEX[d[i]] << 4) | HEX[d[i + 1]];
        if (v < 0) break;
        arena[used++] = (u8)v;
        i += 2;
      }
      if (i >= n || d[i] != '>') {
        int high = -1;
        for (; i < n && d[i] != '>'; i++) {
          int v = HEX[d[i]];
          if (v < 0) continue;
          if (high < 0) high = v;
          else {
            arena[used++] = (u8)((high << 4) | v);
            high = -1;
          }
        }
        if (high >= 0) arena[used++] = (u8)(high << 4);
      }
      pos = i + 1 < n ? i + 1 : n;
      tape[t++] = 2;
      tape[t++] = (int)from;
      tape[t++] = (int)used;
    } else if (c == '(') {
      u32 i = pos + 1, from = used;
      int nest = 0;
      while (i < n) {
        u8 x = d[i++];
        if (x == '(') nest++;
        else if (x == ')') {
          if (!nest) break;
          nest--;
        } else if (x == '\\') {
          u8 e = at(d, i++, n);
          if (e == 'n') x = 10;
          else if (e == 'r') x = 13;
          else if (e == 't') x = 9;
          else if (e == 'b') x = 8;
          else if (e == 'f') x = 12;
          else if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int k = 0; k < 2 && i < n && d[i] >= '0' && d[i] <= '7'; k++) v = v * 8 + (d[i++] - '0');
            x = (u8)v;
          } else if (e == 13) {
            if (at(d, i, n) == 10) i++;
            continue;
          } else if (e == 10) continue;
          else x = e;
        }
        arena[used++] = x;
      }
      pos = i;
      tape[t++] = 2;
      tape[t++] = (int)from;
      tape[t++] = (int)used;
    } else if (c == '/') {
      u32 s = ++pos;
      while (pos < n && !WHITE[d[pos]] && !DELIM[d[pos]]) pos++;
      tape[t++] = 3;
      tape[t++] = (int)s;
      tape[t++] = (int)pos;
    } else if (c == '[' || c == ']') {
      pos++;
      tape[t++] = c == '[' ? 5 : 6;
    } else if (c == '<' || c == '>') {
      pos += at(d, pos + 1, n) == c ? 2 : 1;
      tape[t++] = 4;
    } else if (DELIM[c]) {
      pos++;
      tape[t++] = 4;
    } else {
      u32 s = pos;
      while (pos < n && !WHITE[d[pos]] && !DELIM[d[pos]]) pos++;
      tape[t++] = -(operator_at(d, s, pos) + 1);
    }
  }
  return t;
}
