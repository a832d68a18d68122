// The text reader's inner loop in C, compiled to WebAssembly (reader.wasm, embedded in reader-wasm.ts
// by scripts/build-wasm.mjs): one page's content stream read into its text, as the JavaScript reader
// (lexer.ts, job.ts's JobReader.run, run.ts, run-items.ts, units.ts) reads it — the same tokens, the
// same operators, the same arithmetic in the same order on the same doubles, the same items. It reads
// the common page (fonts in its resources, no forms) and gives up on anything else (`BAIL`): a form
// drawn, a font it cannot use, a name with an escape, a code without text; the caller then reads that
// page with the JavaScript reader, which gives the text or the reason only pdfjs can read it.
// Freestanding (no libc): memory is a bump heap reset per job, Math.hypot, the clock, glyph look-ups
// and Unicode normalisation come from JavaScript as imports (wasm.ts).

typedef unsigned char u8;
typedef unsigned short u16;
typedef int i32;
typedef unsigned int u32;

#define IMPORT(name) __attribute__((import_module("env"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

struct Glyph;

/** Math.hypot (the same double as JavaScript's). */
IMPORT("hypot") double js_hypot(double a, double b);
/** Every CLOCK_EVERY operators: nonzero when the job's time is up. */
IMPORT("tick") i32 js_tick(void);
/** Fill the glyph entry of `code` of job font `font` at `entry` (see Glyph). */
IMPORT("glyph") void js_glyph(i32 font, i32 code, struct Glyph *entry);
/** Normalise the units [at, at + length) in place as pdfjs does (room for 3× as many); their new length. */
IMPORT("normalize") i32 js_normalize(u16 *at, i32 length);

enum { OK = 0, BAIL = 1, OUT_OF_TIME = 2 };

// ---- memory: a bump heap, reset per job --------------------------------------------------------

extern u8 __heap_base;
static u32 top;

static void *alloc(u32 size) {
  u32 at = (top + 15) & ~15u;
  u32 end = at + size;
  u32 have = __builtin_wasm_memory_size(0) * 65536u;
  if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (u32)-1) __builtin_trap();
  top = end;
  return (void *)at;
}

EXPORT("alloc") void *alloc_zeroed(u32 size) {
  void *p = alloc(size);
  __builtin_memset(p, 0, size);
  return p;
}

/** A buffer of `size` bytes with what `old` held (`used` bytes) copied in. */
static void *regrow(void *old, u32 used, u32 size) {
  void *p = alloc(size);
  if (used) __builtin_memcpy(p, old, used);
  return p;
}

// ---- the lexer (lexer.ts, tokens.ts, operands.ts, arena.ts) ----------------------------------

static u8 WHITE[256], DELIM[256];
static signed char HEX[256];
static i32 OP_KEYS[256];
static signed char OP_CODES[256];

enum Op {
  End = -1, Other = 0, Ignored, Tj, TJ, Quote, DoubleQuote, Td, TD, TStar, Tm, Tf, Tc, Tw, Tz, TL, Ts, BT, Cm, Save,
  Restore, BMC, BDC, EMC, Gs, Do, BI,
};
enum Kind { Number = 0, String = 1, Name = 2, Array = 3, KOther = 4 };
enum { NOT_AN_OPERATOR = -2, CLOSE = -3, MAX_NESTING = 16, MAX_OPERANDS = 64, MAX_ITEMS = 1000000 };

static u32 slot_of(u32 key) { return (key * 0x9e3779b1u) >> 24; }

/** An operator of one to three bytes (key = length | b0 << 2 | b1 << 10 | b2 << 18, as tokens.ts). */
EXPORT("add_operator") void add_operator(i32 key, i32 code) {
  u32 s = slot_of((u32)key);
  while (OP_KEYS[s]) s = (s + 1) & 255;
  OP_KEYS[s] = key;
  OP_CODES[s] = (signed char)code;
}

EXPORT("init") void init(void) {
  const u8 white[] = {0, 9, 10, 12, 13, 32};
  for (int i = 0; i < 6; i++) WHITE[white[i]] = 1;
  const char *delim = "()<>[]{}/%";
  for (int i = 0; delim[i]; i++) DELIM[(u8)delim[i]] = 1;
  for (int c = 0; c < 256; c++) HEX[c] = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 55 : c >= 'a' && c <= 'f' ? c - 87 : -1;
}

static int operator_at(const u8 *d, u32 a, u32 b) {
  u32 len = b - a;
  if (len > 3) return Other;
  u32 key = len | ((u32)d[a] << 2) | ((u32)(len > 1 ? d[a + 1] : 0) << 10) | ((u32)(len > 2 ? d[a + 2] : 0) << 18);
  for (u32 s = slot_of(key); OP_KEYS[s]; s = (s + 1) & 255)
    if ((u32)OP_KEYS[s] == key) return OP_CODES[s];
  return Other;
}

/** Operands (or the items of an array operand) in parallel arrays, as operands.ts. */
typedef struct {
  i32 length, cap, max;
  u8 *kinds;
  double *nums;
  i32 *from, *to;
} Operands;

static Operands ops, items;

static void operands_make(Operands *o, i32 cap, i32 max) {
  o->length = 0;
  o->cap = cap;
  o->max = max;
  o->kinds = alloc(cap);
  o->nums = alloc(8 * cap);
  o->from = alloc(4 * cap);
  o->to = alloc(4 * cap);
}

/** A slot for one more, or −1 when `max` are there. */
static i32 operands_add(Operands *o, int kind) {
  i32 i = o->length;
  if (i >= o->max) return -1;
  if (i == o->cap) {
    i32 size = o->cap * 2 < o->max ? o->cap * 2 : o->max;
    o->kinds = regrow(o->kinds, i, size);
    o->nums = regrow(o->nums, 8 * i, 8 * size);
    o->from = regrow(o->from, 4 * i, 4 * size);
    o->to = regrow(o->to, 4 * i, 4 * size);
    o->cap = size;
  }
  o->kinds[i] = (u8)kind;
  o->length = i + 1;
  return i;
}

/** Operands.num: NaN when missing, 0 when not a number. */
static double operand_num(i32 i) { return i < ops.length ? (ops.kinds[i] == Number ? ops.nums[i] : 0) : __builtin_nan(""); }
/** job.ts's num: 0 when missing or not a number. */
static double num0(i32 i) { return i < ops.length && ops.kinds[i] == Number ? ops.nums[i] : 0; }
static int is_string(i32 i) { return i < ops.length && ops.kinds[i] == String; }
static int is_name(i32 i) { return i < ops.length && ops.kinds[i] == Name; }

/** The stream being read and where. */
static const u8 *data;
static u32 length, pos;
/** The strings' bytes of the current operator (arena.ts). */
static u8 *arena;
static u32 arena_cap, used;
/** Names' [from, to) in `data` are kept in Operands.from/to; an escape (#) makes the page JavaScript's. */
static int name_escape;
/** The word when `next` gave Other, as [word_from, word_to) of `data`. */
static u32 word_from, word_to;

static u8 *room(u32 more) {
  if (used + more > arena_cap) {
    u32 size = arena_cap * 2 > used + more ? arena_cap * 2 : used + more;
    arena = regrow(arena, used, size);
    arena_cap = size;
  }
  return arena;
}

/** data[i], or a byte that is none of the ones looked for (JavaScript's undefined past the end). */
static inline int AT(u32 i) { return i < length ? (int)data[i] : -1; }

static u32 literal(u32 at) {
  u32 start = at + 1, i = start;
  while (i < length && data[i] != 41 && data[i] != 92 && data[i] != 40) i++;
  if (i < length && data[i] == 41) {
    u8 *a = room(i - start);
    u32 n = used;
    for (u32 k = start; k < i; k++) a[n++] = data[k];
    used = n;
    return i + 1;
  }
  u32 n = used, p = start;
  int nest = 0;
  while (p < length) {
    if (n == arena_cap) {
      used = n;
      room(1);
    }
    int c = data[p++];
    if (c == 40) nest++;
    else if (c == 41) {
      if (nest == 0) break;
      nest--;
    } else if (c == 92) {
      int e = AT(p);
      p++;
      if (e < 0) break;
      int simple = e == 110 ? 10 : e == 114 ? 13 : e == 116 ? 9 : e == 98 ? 8 : e == 102 ? 12 : -1;
      if (simple >= 0) arena[n++] = (u8)simple;
      else if (e >= 48 && e <= 55) {
        int v = e - 48;
        for (int k = 0; k < 2 && AT(p) >= 48 && AT(p) <= 55; k++) v = v * 8 + (data[p++] - 48);
        arena[n++] = (u8)(v & 255);
      } else if (e == 13) {
        if (AT(p) == 10) p++;
      } else if (e != 10) arena[n++] = (u8)e;
      continue;
    }
    arena[n++] = (u8)c;
  }
  used = n;
  return p;
}

static u32 hex(u32 at) {
  u32 i = at + 1, n = used;
  u32 stop = length - 1 < i + 2 * (arena_cap - n) ? length - 1 : i + 2 * (arena_cap - n);
  while (i < stop) {
    int v = (HEX[data[i]] << 4) | HEX[data[i + 1]];
    if (v < 0) break;
    arena[n++] = (u8)v;
    i += 2;
  }
  if (i >= length || data[i] != 62) {
    u32 end = i;
    while (end < length && data[end] != 62) end++;
    used = n;
    room(((end - i) >> 1) + 1);
    int high = -1;
    for (; i < end; i++) {
      int v = HEX[data[i]];
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        arena[n++] = (u8)((high << 4) | v);
        high = -1;
      }
    }
    if (high >= 0) arena[n++] = (u8)(high << 4);
  }
  used = n;
  return i + 1 < length ? i + 1 : length;
}

static double number(void) {
  u32 p = pos;
  double sign = 1, n = 0;
  int c = AT(p);
  while (c == 45 || c == 43) {
    if (c == 45) sign = -sign;
    c = AT(++p);
  }
  while (c >= 48 && c <= 57) {
    n = n * 10 + (c - 48);
    c = AT(++p);
  }
  if (c == 46) {
    double scale = 0.1;
    c = AT(++p);
    while (c >= 48 && c <= 57) {
      n += (c - 48) * scale;
      scale /= 10;
      c = AT(++p);
    }
  }
  pos = p;
  return sign * n;
}

static void skip_space(void) {
  u32 p = pos;
  while (p < length) {
    u8 c = data[p];
    if (WHITE[c]) p++;
    else if (c == 37) {
      while (p < length && data[p] != 10 && data[p] != 13) p++;
    } else break;
  }
  pos = p;
}

static int is_word(u32 a, u32 b, const char *w) {
  u32 i = 0;
  for (; w[i]; i++)
    if (a + i >= b || data[a + i] != (u8)w[i]) return 0;
  return a + i == b;
}

static int token(int depth, Operands *into) {
  skip_space();
  if (pos >= length) return End;
  u8 c = data[pos];
  if ((c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46) {
    double n = number();
    i32 i = into ? operands_add(into, Number) : -1;
    if (i >= 0) into->nums[i] = n;
    return NOT_AN_OPERATOR;
  }
  if (c == 40 || (c == 60 && AT(pos + 1) != 60)) {
    u32 from = used;
    pos = c == 40 ? literal(pos) : hex(pos);
    i32 i = into ? operands_add(into, String) : -1;
    if (i >= 0) {
      into->from[i] = (i32)from;
      into->to[i] = (i32)used;
    }
    return NOT_AN_OPERATOR;
  }
  if (c == 47) {
    u32 start = ++pos, p = start;
    while (p < length && !WHITE[data[p]] && !DELIM[data[p]]) {
      if (data[p] == '#') name_escape = 1;
      p++;
    }
    pos = p;
    i32 i = into ? operands_add(into, Name) : -1;
    if (i >= 0) {
      into->from[i] = (i32)start;
      into->to[i] = (i32)p;
    }
    return NOT_AN_OPERATOR;
  }
  if (c == 91 || c == 60) {
    int array = c == 91;
    pos += array ? 1 : 2;
    int keep = array && depth == 0 && into != 0;
    i32 first = items.length;
    if (depth < MAX_NESTING) {
      for (;;) {
        int t = token(depth + 1, keep ? &items : 0);
        if (t == End || t == CLOSE) break;
      }
    }
    i32 i = into ? operands_add(into, keep ? Array : KOther) : -1;
    if (i >= 0 && keep) {
      into->from[i] = first;
      into->to[i] = items.length;
    }
    return NOT_AN_OPERATOR;
  }
  if (c == 93 || c == 62) {
    pos += c == 62 && AT(pos + 1) == 62 ? 2 : 1;
    return CLOSE;
  }
  if (DELIM[c]) {
    pos++;
    if (into) operands_add(into, KOther);
    return NOT_AN_OPERATOR;
  }
  u32 start = pos, p = start;
  while (p < length && !WHITE[data[p]] && !DELIM[data[p]]) p++;
  pos = p;
  int op = operator_at(data, start, p);
  if (op != Other) return op;
  if (is_word(start, p, "true") || is_word(start, p, "false") || is_word(start, p, "null")) {
    if (into) operands_add(into, KOther);
    return NOT_AN_OPERATOR;
  }
  if (depth > 0) return NOT_AN_OPERATOR;
  word_from = start;
  word_to = p;
  return Other;
}

/** Position of the two-letter word `ab` preceded by white space, from `from`; −1 when absent. */
static i32 find_word(u32 from, u8 a, u8 b) {
  for (u32 i = from > 1 ? from : 1; i + 1 < length; i++)
    if (data[i] == a && data[i + 1] == b && WHITE[data[i - 1]]) return (i32)i;
  return -1;
}

static void skip_inline_image(void) {
  i32 id = find_word(pos, 73, 68);
  if (id < 0) {
    pos = length;
    return;
  }
  u32 i = (u32)id + 3;
  for (;;) {
    i32 ei = find_word(i, 69, 73);
    if (ei < 0) {
      pos = length;
      return;
    }
    i = (u32)ei + 2;
    if (i >= length || WHITE[data[i]]) {
      pos = i;
      return;
    }
  }
}

static int next(void) {
  ops.length = 0;
  items.length = 0;
  used = 0;
  for (;;) {
    int op = token(0, &ops);
    if (op == NOT_AN_OPERATOR) continue;
    if (op == CLOSE) {
      operands_add(&ops, KOther);
      continue;
    }
    if (op == BI) skip_inline_image();
    return op;
  }
}

/** TJ's strings among items [from, to) as one: in place when they lie together, else copied. */
static u8 *scratch;
static u32 scratch_cap;
static const u8 *joined;
static u32 joined_from, joined_to;

static int join(i32 from, i32 to) {
  i32 start = -1, end = -1;
  int apart = 0;
  for (i32 k = from; k < to; k++) {
    if (items.kinds[k] != String) continue;
    if (start < 0) start = items.from[k];
    else if (items.from[k] != end) apart = 1;
    end = items.to[k];
  }
  if (start < 0) return 0;
  if (!apart) {
    joined = arena;
    joined_from = (u32)start;
    joined_to = (u32)end;
    return 1;
  }
  u32 size = 0;
  for (i32 k = from; k < to; k++)
    if (items.kinds[k] == String) size += (u32)(items.to[k] - items.from[k]);
  if (scratch_cap < size) {
    scratch_cap = size > scratch_cap * 2 ? size : scratch_cap * 2;
    scratch = alloc(scratch_cap);
  }
  u32 at = 0;
  for (i32 k = from; k < to; k++) {
    if (items.kinds[k] != String) continue;
    for (i32 i = items.from[k]; i < items.to[k]; i++) scratch[at++] = arena[i];
  }
  joined = scratch;
  joined_from = 0;
  joined_to = size;
  return 1;
}

// ---- the page's text (units.ts) ---------------------------------------------------------------

static u16 *units;
static u32 units_cap, units_len, mark;

static void units_room(u32 more) {
  if (units_len + more > units_cap) {
    u32 size = units_cap * 2 > units_len + more ? units_cap * 2 : units_len + more;
    units = regrow(units, 2 * units_len, 2 * size);
    units_cap = size;
  }
}

static void append_unit(u32 unit) {
  if (units_len == units_cap) units_room(1);
  units[units_len++] = (u16)unit;
}

static void push(int space, int eol) {
  if (space) append_unit(32);
  if (eol) append_unit(10);
  mark = units_len;
}

/** On the first page: each item's units and size (the height of its text matrix), for its heading (units.ts's `sized`). */
typedef struct {
  double size;
  u32 from, to;
} Sized;

static int collect_sized;
static Sized *sized;
static u32 sized_cap, sized_len;

static void end_item(int eol, double size, int normalise) {
  if (normalise) {
    u32 n = units_len - mark;
    units_room(2 * n + 8);
    units_len = mark + (u32)js_normalize(units + mark, (i32)n);
  }
  if (collect_sized) {
    if (sized_len == sized_cap) {
      sized = regrow(sized, sizeof(Sized) * sized_len, sizeof(Sized) * 2 * sized_cap);
      sized_cap *= 2;
    }
    Sized *it = &sized[sized_len++];
    it->size = size;
    it->from = mark;
    it->to = units_len;
  }
  if (eol) append_unit(10);
  mark = units_len;
}

// ---- fonts and resources ----------------------------------------------------------------------

/** A code's glyph: `info` 0 not looked up yet, −1 no text; else 1 | kind << 1 | normalize << 3 | length << 4. */
struct Glyph {
  double width;
  i32 info;
  /** The one UTF-16 unit, or where the units are (length > 1). */
  i32 text;
};

/** A font of the page's resources, as wasm.ts writes it. */
typedef struct {
  i32 name, name_length;
  /** Glyph table, 0: a font only pdfjs reads. */
  struct Glyph *glyphs;
  i32 bytes, size, index;
} Font;

typedef struct {
  i32 fonts;
  Font *font;
  /** Names of graphics states with a font, and of forms: [start, length] pairs. */
  i32 gs, *gs_names, forms, *form_names;
} Resources;

static int same_name(i32 name, i32 name_length, u32 from, u32 to) {
  if ((u32)name_length != to - from) return 0;
  const u8 *n = (const u8 *)name;
  for (u32 i = 0; i < to - from; i++)
    if (n[i] != data[from + i]) return 0;
  return 1;
}

// ---- the text state (state.ts) ----------------------------------------------------------------

typedef struct {
  double ctm[6], tm[6], tlm[6];
  /** Font name as [from, to) of the stream; from < 0: none. */
  i32 font_from, font_to;
  double font_size, char_spacing, word_spacing, h_scale, leading, rise;
} State;

enum { MAX_SAVE_DEPTH = 4096 };
static State stack[MAX_SAVE_DEPTH];

static void multiply(double *out, const double *m1, const double *m2) {
  double r[6];
  r[0] = m1[0] * m2[0] + m1[2] * m2[1];
  r[1] = m1[1] * m2[0] + m1[3] * m2[1];
  r[2] = m1[0] * m2[2] + m1[2] * m2[3];
  r[3] = m1[1] * m2[2] + m1[3] * m2[3];
  r[4] = m1[0] * m2[4] + m1[2] * m2[5] + m1[4];
  r[5] = m1[1] * m2[4] + m1[3] * m2[5] + m1[5];
  for (int k = 0; k < 6; k++) out[k] = r[k];
}

static void new_line(State *s) {
  s->tlm[4] += -s->leading * s->tlm[2];
  s->tlm[5] += -s->leading * s->tlm[3];
  for (int k = 0; k < 6; k++) s->tm[k] = s->tlm[k];
}

static int same_font_name(const State *a, const State *b) {
  if (a->font_from < 0 || b->font_from < 0) return a->font_from < 0 && b->font_from < 0;
  u32 n = (u32)(a->font_to - a->font_from);
  if (n != (u32)(b->font_to - b->font_from)) return 0;
  for (u32 i = 0; i < n; i++)
    if (data[a->font_from + i] != data[b->font_from + i]) return 0;
  return 1;
}

// ---- the run's items (run-items.ts) -----------------------------------------------------------

/** JavaScript's truthiness of a number: not 0, not NaN. */
#define TRUTHY(x) ((x) != 0 && (x) == (x))

static double js_sign(double x) { return x > 0 ? 1 : x < 0 ? -1 : x; }
static double js_abs(double x) { return __builtin_fabs(x); }

static const double TRACKING_SPACE = 0.102, NOT_A_SPACE = 0.03, NEGATIVE_SPACE = -0.2, SPACE_IN_FLOW_MIN = 0.102, SPACE_IN_FLOW_MAX = 0.6,
                    VERTICAL_SHIFT = 0.25;

static int initialized, has_prev, older_space, last_space, eol_flag, normalize_flag;
static double width, height, advance_scale, scaled_by[4], height_by[7], tracking_space_min, negative_space_max, not_a_space, space_in_flow_min,
    space_in_flow_max, prev[6], cur[6], view[4];

static void reset_run(void) {
  initialized = 0;
  width = height = advance_scale = 0;
  for (int k = 0; k < 4; k++) scaled_by[k] = __builtin_nan("");
  for (int k = 0; k < 7; k++) height_by[k] = __builtin_nan("");
  tracking_space_min = __builtin_inf();
  negative_space_max = not_a_space = -__builtin_inf();
  space_in_flow_min = space_in_flow_max = 0;
  has_prev = 0;
  for (int k = 0; k < 6; k++) prev[k] = cur[k] = 0;
  older_space = last_space = 1;
  eol_flag = normalize_flag = 0;
}

static int save_last_char(int space) {
  int add = !older_space && last_space;
  older_space = last_space;
  last_space = space;
  return add;
}

static int should_add_whitespace(void) { return !older_space && last_space; }
static void reset_last_chars(void) { older_space = last_space = 1; }

static void flush(void) {
  if (!initialized) return;
  end_item(eol_flag, height, normalize_flag);
  initialized = 0;
  normalize_flag = 0;
}

static int rescaled(const State *s) {
  double *k = scaled_by;
  if (k[0] == s->ctm[0] && k[1] == s->ctm[1] && k[2] == s->tlm[0] && k[3] == s->tlm[1]) return 0;
  k[0] = s->ctm[0];
  k[1] = s->ctm[1];
  k[2] = s->tlm[0];
  k[3] = s->tlm[1];
  return 1;
}

static void ensure(const State *s) {
  if (initialized) return;
  const double *c = s->ctm, *t = s->tm;
  double fs = s->font_size, *h = height_by;
  if (h[0] != c[0] || h[1] != c[1] || h[2] != c[2] || h[3] != c[3] || h[4] != t[2] || h[5] != t[3] || h[6] != fs) {
    double m2 = t[2] * fs, m3 = t[3] * fs;
    height = js_hypot(c[0] * m2 + c[2] * m3, c[1] * m2 + c[3] * m3);
    for (int k = 0; k < 4; k++) h[k] = c[k];
    h[4] = t[2];
    h[5] = t[3];
    h[6] = fs;
  }
  width = 0;
  if (rescaled(s)) advance_scale = js_hypot(s->ctm[0], s->ctm[1]) * js_hypot(s->tlm[0], s->tlm[1]);
  double size = s->font_size;
  tracking_space_min = size * TRACKING_SPACE;
  not_a_space = size * NOT_A_SPACE;
  negative_space_max = size * NEGATIVE_SPACE;
  space_in_flow_min = size * SPACE_IN_FLOW_MIN;
  space_in_flow_max = size * SPACE_IN_FLOW_MAX;
  eol_flag = 0;
  initialized = 1;
}

static void update_advance_scale(const State *s) {
  if (!initialized) return;
  if (!rescaled(s)) return;
  double scale = js_hypot(s->ctm[0], s->ctm[1]) * js_hypot(s->tlm[0], s->tlm[1]);
  if (scale == advance_scale) return;
  width = 0;
  advance_scale = scale;
}

static void append_eol(void) {
  reset_last_chars();
  if (initialized) {
    eol_flag = 1;
    flush();
  } else push(0, 1);
}

static int add_fake_spaces(double w, double orientation) {
  if (orientation * space_in_flow_min <= w && w <= orientation * space_in_flow_max) {
    if (initialized) {
      reset_last_chars();
      append_unit(32);
    }
    return 0;
  }
  flush();
  reset_last_chars();
  push(1, 0);
  return 1;
}

static void compare_moved(void) {
  double x = cur[4], y = cur[5], lx = prev[4], ly = prev[5];
  if (TRUTHY(cur[0]) && cur[1] == 0 && cur[2] == 0) {
    if (cur[0] < 0) {
      x = -x;
      y = -y;
      lx = -lx;
      ly = -ly;
    }
  } else if (TRUTHY(cur[1]) && cur[0] == 0 && cur[3] == 0) {
    double sign = cur[1] > 0 ? 1 : -1;
    double tx = x, tlx = lx;
    x = sign * y;
    y = sign * tx;
    lx = sign * ly;
    ly = sign * tlx;
  } else {
    double sc = js_hypot(cur[0], cur[1]), sp = js_hypot(prev[0], prev[1]);
    double tx = x, tlx = lx;
    x = (cur[0] * tx + cur[1] * y) / sc;
    y = (cur[2] * tx + cur[3] * y) / sc;
    lx = (prev[0] * tlx + prev[1] * ly) / sp;
    ly = (prev[2] * tlx + prev[3] * ly) / sp;
  }
  double advance_x = (x - lx) / advance_scale;
  double advance_y = y - ly;
  double orientation = js_sign(width);
  if (advance_x < orientation * negative_space_max) {
    if (js_abs(advance_y) > 0.5 * height) {
      append_eol();
      return;
    }
    reset_last_chars();
    flush();
    return;
  }
  if (js_abs(advance_y) > height) {
    append_eol();
    return;
  }
  if (advance_x <= orientation * not_a_space) reset_last_chars();
  if (advance_x <= orientation * tracking_space_min) {
    if (should_add_whitespace()) {
      reset_last_chars();
      flush();
      push(1, 0);
    } else width += advance_x;
  } else if (!add_fake_spaces(advance_x, orientation)) {
    if (units_len - mark == 0) {
      reset_last_chars();
      push(1, 0);
    } else width += advance_x;
  }
  if (js_abs(advance_y) > height * VERTICAL_SHIFT) flush();
}

// ---- glyphs (run.ts) ---------------------------------------------------------------------------

enum { KIND_NORMAL = 0, KIND_WHITESPACE = 1, KIND_DIACRITIC = 2, KIND_INVISIBLE = 3 };

/** This string's text rendering matrix without its translation (in memory: V8 kept it on the stack anyway). */
static double mat[4];

/** Show the codes in bytes[from..to); BAIL where the JavaScript reader falls back. */
static int show(State *s, const Font *font, const u8 *bytes, u32 from, u32 to, double extra_spacing) {
  double *tm = s->tm;
  u32 step = (u32)font->bytes;
  u32 n = to - from;
  if (step == 2 && n % 2 == 1) return BAIL;
  double h_scale = s->h_scale, char_spacing = s->char_spacing;
  if (n == 0) {
    double spacing = char_spacing + extra_spacing;
    if (TRUTHY(spacing)) {
      tm[4] += tm[0] * spacing * h_scale;
      tm[5] += tm[1] * spacing * h_scale;
    }
    return OK;
  }
  double fs = s->font_size, scale = 0.001 * fs, word_spacing = s->word_spacing, rise = s->rise;
  double t0 = tm[0], t1 = tm[1], t2 = tm[2], t3 = tm[3], t4 = tm[4], t5 = tm[5];
  const double *c = s->ctm;
  double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5];
  double m0 = t0 * fs * h_scale, m1 = t1 * fs * h_scale, m2 = t2 * fs, m3 = t3 * fs;
  // The rise's share of the position, the same product for every glyph of the string.
  const double t2r = t2 * rise, t3r = t3 * rise;
  mat[0] = c0 * m0 + c2 * m1;
  mat[1] = c1 * m0 + c3 * m1;
  mat[2] = c0 * m2 + c2 * m3;
  mat[3] = c1 * m2 + c3 * m3;
  double *p = prev;
  double px = p[4], py = p[5];
  int hp = has_prev, at_prev = 0, matrix_set = 0;
  struct Glyph *table = font->glyphs;
  int status = OK;
  for (u32 i = from; i < to; i += step) {
    i32 code = step == 1 ? bytes[i] : (bytes[i] << 8) | bytes[i + 1];
    if (code >= font->size) {
      status = BAIL;
      break;
    }
    struct Glyph *g = &table[code];
    if (g->info == 0) js_glyph(font->index, code, g);
    if (g->info < 0) {
      status = BAIL;
      break;
    }
    int kind = (g->info >> 1) & 3;
    if (kind == KIND_INVISIBLE) continue;
    double spacing = char_spacing + (i + step >= to ? extra_spacing : 0);
    double dim = g->width * scale;
    if (code == 0x20) spacing += word_spacing;
    if (kind == KIND_WHITESPACE) {
      spacing += dim;
      t4 += t0 * spacing * h_scale;
      t5 += t1 * spacing * h_scale;
      at_prev = 0;
      save_last_char(1);
      continue;
    }
    if (kind != KIND_DIACRITIC) {
      double x = px, y = py;
      if (!at_prev) {
        double m4 = t2r + t4, m5 = t3r + t5;
        x = c0 * m4 + c2 * m5 + c4;
        y = c1 * m4 + c3 * m5 + c5;
      }
      if (x + dim < view[0] || x > view[2] || y < view[1] || y > view[3]) {
        t4 += t0 * dim * h_scale;
        t5 += t1 * dim * h_scale;
        at_prev = 0;
        continue;
      }
      if (hp && !at_prev && (px != x || py != y)) {
        for (int k = 0; k < 4; k++) cur[k] = mat[k];
        cur[4] = x;
        cur[5] = y;
        p[4] = px;
        p[5] = py;
        compare_moved();
      }
    }
    ensure(s);
    if (kind == KIND_DIACRITIC) dim = 0;
    dim *= h_scale;
    t4 += t0 * dim;
    t5 += t1 * dim;
    width += dim;
    if (TRUTHY(dim)) {
      double m4 = t2r + t4, m5 = t3r + t5;
      if (!matrix_set) {
        for (int k = 0; k < 4; k++) p[k] = mat[k];
        matrix_set = 1;
      }
      px = c0 * m4 + c2 * m5 + c4;
      py = c1 * m4 + c3 * m5 + c5;
      hp = at_prev = 1;
    } else at_prev = 0;
    if (save_last_char(0)) append_unit(32);
    i32 len = g->info >> 4;
    if (len == 1) append_unit((u32)g->text);
    else {
      units_room((u32)len);
      const u16 *text = (const u16 *)g->text;
      for (i32 k = 0; k < len; k++) units[units_len++] = text[k];
    }
    if ((g->info >> 3) & 1) normalize_flag = 1;
    if (TRUTHY(spacing)) {
      t4 += t0 * spacing * h_scale;
      t5 += t1 * spacing * h_scale;
      at_prev = 0;
    }
  }
  tm[4] = t4;
  tm[5] = t5;
  p[4] = px;
  p[5] = py;
  has_prev = hp;
  return status;
}

// ---- a page (job.ts's JobReader.run) -----------------------------------------------------------

enum { CLOCK_EVERY = 20000 };
static u32 clock;

static const Font *font_named(const Resources *res, const State *s) {
  if (s->font_from < 0 || !res) return 0;
  for (i32 k = 0; k < res->fonts; k++) {
    const Font *f = &res->font[k];
    if (same_name(f->name, f->name_length, (u32)s->font_from, (u32)s->font_to)) return f->glyphs ? f : 0;
  }
  return 0;
}

static int named_in(const i32 *names, i32 count, i32 operand) {
  for (i32 k = 0; k < count; k++)
    if (same_name(names[2 * k], names[2 * k + 1], (u32)ops.from[operand], (u32)ops.to[operand])) return 1;
  return 0;
}

static const double IDENTITY[6] = {1, 0, 0, 1, 0, 0};

static int run(const Resources *res) {
  int depth = 0;
  State state = {0};
  State *s = &state;
  for (int k = 0; k < 6; k++) s->ctm[k] = s->tm[k] = s->tlm[k] = IDENTITY[k];
  s->font_from = s->font_to = -1;
  s->h_scale = 1;
  const Font *font = 0;
  int status = OK;
  reset_run();
  for (int op = next(); op != End; op = next()) {
    if (++clock % CLOCK_EVERY == 1 && js_tick()) return OUT_OF_TIME;
    if (name_escape) return BAIL;
    switch (op) {
      case Tj:
      case Quote:
        if (op == Quote) new_line(s);
        if (is_string(0)) {
          if (!font && !(font = font_named(res, s))) return BAIL;
          status = show(s, font, arena, (u32)ops.from[0], (u32)ops.to[0], 0);
        }
        break;
      case TJ: {
        if (!(ops.length > 0 && ops.kinds[0] == Array)) break;
        if (!font && !(font = font_named(res, s))) return BAIL;
        i32 end = ops.to[0], from = ops.from[0];
        for (i32 k = from; k < end && status == OK; k++) {
          if (items.kinds[k] != Number || items.nums[k] == 0) continue;
          double spacing = (items.nums[k] * -s->font_size) / 1000;
          if (join(from, k)) status = show(s, font, joined, joined_from, joined_to, spacing);
          else status = show(s, font, arena, 0, 0, spacing);
          from = k + 1;
        }
        if (status == OK && join(from, end)) status = show(s, font, joined, joined_from, joined_to, 0);
        break;
      }
      case DoubleQuote:
        s->word_spacing = num0(0);
        s->char_spacing = num0(1);
        new_line(s);
        if (is_string(2)) {
          if (!font && !(font = font_named(res, s))) return BAIL;
          status = show(s, font, arena, (u32)ops.from[2], (u32)ops.to[2], 0);
        }
        break;
      case Td:
      case TD: {
        double tx = num0(0), ty = num0(1);
        if (op == TD) s->leading = -ty;
        s->tlm[4] += s->tlm[0] * tx + s->tlm[2] * ty;
        s->tlm[5] += s->tlm[1] * tx + s->tlm[3] * ty;
        for (int k = 0; k < 6; k++) s->tm[k] = s->tlm[k];
        break;
      }
      case TStar:
        new_line(s);
        break;
      case Tm:
        for (int k = 0; k < 6; k++) s->tm[k] = operand_num(k);
        for (int k = 0; k < 6; k++) s->tlm[k] = s->tm[k];
        update_advance_scale(s);
        break;
      case Tf: {
        State named = *s;
        named.font_from = is_name(0) ? ops.from[0] : -1;
        named.font_to = is_name(0) ? ops.to[0] : -1;
        double size = num0(1);
        if (named.font_from >= 0 && same_font_name(&named, s) && size == s->font_size) break;
        flush();
        s->font_from = named.font_from;
        s->font_to = named.font_to;
        s->font_size = size;
        font = 0;
        break;
      }
      case Tc:
        s->char_spacing = num0(0);
        break;
      case Tw:
        s->word_spacing = num0(0);
        break;
      case Tz:
        s->h_scale = num0(0) / 100;
        break;
      case TL:
        s->leading = num0(0);
        break;
      case Ts:
        s->rise = num0(0);
        break;
      case BT:
        for (int k = 0; k < 6; k++) s->tm[k] = s->tlm[k] = IDENTITY[k];
        break;
      case Cm: {
        double m[6];
        for (int k = 0; k < 6; k++) m[k] = operand_num(k);
        multiply(s->ctm, s->ctm, m);
        break;
      }
      case Save:
        if (depth < MAX_SAVE_DEPTH) {
          stack[depth++] = *s;
          s = &state;
        }
        break;
      case Restore: {
        if (depth == 0) break;
        const State *p = &stack[--depth];
        int same = same_font_name(p, s);
        if (!same || p->font_size != s->font_size) flush();
        if (!same) font = 0;
        state = *p;
        break;
      }
      case BMC:
      case BDC:
      case EMC:
        flush();
        break;
      case Gs:
        if (is_name(0) && res && named_in(res->gs_names, res->gs, 0)) return BAIL;
        break;
      case Do:
        flush();
        if (is_name(0) && res && named_in(res->form_names, res->forms, 0)) return BAIL;
        break;
    }
    if (status != OK) return status;
  }
  flush();
  return OK;
}

// ---- a font's /ToUnicode CMap (cmap.ts) -------------------------------------------------------

/** The map as entries in the order cmap.ts sets them (a later one for the same code wins): code, first unit, unit count. */
static u32 *cmap_entries;
static u32 cmap_cap, cmap_len;
static u16 *cmap_units;
static u32 cmap_units_cap, cmap_units_len;

enum { MAX_RANGE = 65536, MAX_CMAP_ENTRIES = 4000000 };

/** One entry: the UTF-16BE bytes b[from..to) as units (an odd length as if it had a leading zero byte); 0: too many for here. */
static int cmap_set(u32 code, const u8 *b, u32 from, u32 to) {
  u32 n = to - from, units = (n + 1) / 2;
  if (cmap_len == MAX_CMAP_ENTRIES) return 0;
  if (cmap_len == cmap_cap) {
    cmap_entries = regrow(cmap_entries, 12 * cmap_len, 24 * cmap_cap);
    cmap_cap *= 2;
  }
  if (cmap_units_len + units > cmap_units_cap) {
    u32 size = cmap_units_cap * 2 > cmap_units_len + units ? cmap_units_cap * 2 : cmap_units_len + units;
    cmap_units = regrow(cmap_units, 2 * cmap_units_len, 2 * size);
    cmap_units_cap = size;
  }
  u32 *e = &cmap_entries[3 * cmap_len++];
  e[0] = code;
  e[1] = cmap_units_len;
  e[2] = units;
  u32 i = from;
  if (n % 2 == 1) cmap_units[cmap_units_len++] = b[i++];
  for (; i + 1 < to; i += 2) cmap_units[cmap_units_len++] = (u16)((b[i] << 8) | b[i + 1]);
  return 1;
}

static int is_code(i32 i) { return ops.kinds[i] == String && ops.to[i] - ops.from[i] > 0 && ops.to[i] - ops.from[i] <= 4; }

static u32 code_of(u32 from, u32 to) {
  u32 n = 0;
  for (u32 i = from; i < to; i++) n = n * 256 + arena[i];
  return n;
}

/**
 * Read a /ToUnicode CMap `cmap[0..size)` as cmap.ts does: 1 with its entries (`cmap_at`, `cmap_length`,
 * units at `cmap_units_at`); 0 when it cannot be read as a whole (usecmap, a range too wide); −1 when
 * it has more entries than this keeps (cmap.ts reads it). The operand limit is cmap.ts's lexer's.
 */
EXPORT("read_cmap") i32 read_cmap(const u8 *cmap, u32 size) {
  data = cmap;
  length = size;
  pos = 0;
  used = 0;
  name_escape = 0;
  cmap_len = cmap_units_len = 0;
  ops.max = MAX_ITEMS;
  i32 ok = 1, full = 0;
  for (int op = next(); op != End && ok; op = next()) {
    if (op != Other) continue;
    if (is_word(word_from, word_to, "usecmap")) ok = 0;
    else if (is_word(word_from, word_to, "endbfchar")) {
      for (i32 i = 0; i + 1 < ops.length && ok; i += 2)
        if (is_code(i) && ops.kinds[i + 1] == String) full = !(ok = cmap_set(code_of((u32)ops.from[i], (u32)ops.to[i]), arena, (u32)ops.from[i + 1], (u32)ops.to[i + 1]));
    } else if (is_word(word_from, word_to, "endbfrange")) {
      for (i32 i = 0; i + 2 < ops.length && ok; i += 3) {
        if (!is_code(i) || ops.kinds[i + 1] != String) continue;
        u32 from = code_of((u32)ops.from[i], (u32)ops.to[i]);
        u32 to = code_of((u32)ops.from[i + 1], (u32)ops.to[i + 1]);
        if (to < from) continue;
        if (to - from >= MAX_RANGE) {
          ok = 0;
          break;
        }
        i32 dst = i + 2;
        if (ops.kinds[dst] == String) {
          u32 n = (u32)(ops.to[dst] - ops.from[dst]);
          if (n == 0) continue;
          // The destination counts up in its last byte, carrying into the one before (as pdfjs).
          u8 d[64];
          u8 *dd = n <= sizeof d ? d : alloc(n);
          __builtin_memcpy(dd, arena + ops.from[dst], n);
          u32 last = n - 1;
          for (u32 k = 0; k <= to - from && ok; k++) {
            full = !(ok = cmap_set(from + k, dd, 0, n));
            if (dd[last] < 255) dd[last]++;
            else {
              if (last > 0) dd[last - 1] = (u8)(dd[last - 1] + 1);
              dd[last] = 0;
            }
          }
        } else if (ops.kinds[dst] == Array) {
          for (i32 k = ops.from[dst]; k < ops.to[dst] && (u32)(k - ops.from[dst]) <= to - from && ok; k++)
            if (items.kinds[k] == String) full = !(ok = cmap_set(from + (u32)(k - ops.from[dst]), arena, (u32)items.from[k], (u32)items.to[k]));
        }
      }
    }
  }
  ops.max = MAX_OPERANDS;
  return full ? -1 : ok;
}

EXPORT("cmap_at") u32 *cmap_at(void) { return cmap_entries; }
EXPORT("cmap_length") u32 cmap_length(void) { return cmap_len; }
EXPORT("cmap_units_at") u16 *cmap_units_at(void) { return cmap_units; }

// ---- the interface (wasm.ts) ------------------------------------------------------------------

/** A new job: the heap from its start, the reader's buffers made again (their sizes kept). */
EXPORT("begin_job") void begin_job(void) {
  top = (u32)&__heap_base;
  clock = 0;
  operands_make(&ops, 16, MAX_OPERANDS);
  operands_make(&items, items.cap > 16 ? items.cap : 16, MAX_ITEMS);
  arena_cap = arena_cap > 1024 ? arena_cap : 1024;
  arena = alloc(arena_cap);
  scratch_cap = scratch_cap > 256 ? scratch_cap : 256;
  scratch = alloc(scratch_cap);
  units_cap = units_cap > 4096 ? units_cap : 4096;
  units = alloc(2 * units_cap);
  sized_cap = sized_cap > 256 ? sized_cap : 256;
  sized = alloc(sizeof(Sized) * sized_cap);
  cmap_cap = cmap_cap > 1024 ? cmap_cap : 1024;
  cmap_entries = alloc(12 * cmap_cap);
  cmap_units_cap = cmap_units_cap > 4096 ? cmap_units_cap : 4096;
  cmap_units = alloc(2 * cmap_units_cap);
}

/**
 * Read the page content `content[0..size)` with resources `res` (0: none) and visible box
 * [x0 y0 x1 y1]: OK with its text in units (`units_at`, `units_length`) and, when `first`, its items
 * with their sizes (`sized_at`, `sized_length`); BAIL; or OUT_OF_TIME.
 */
EXPORT("read_page") i32 read_page(const u8 *content, u32 size, const Resources *res, double x0, double y0, double x1, double y1, i32 first) {
  collect_sized = first;
  sized_len = 0;
  data = content;
  length = size;
  pos = 0;
  used = 0;
  name_escape = 0;
  units_len = mark = 0;
  view[0] = x0;
  view[1] = y0;
  view[2] = x1;
  view[3] = y1;
  return run(res);
}

EXPORT("units_at") u16 *units_at(void) { return units; }
EXPORT("units_length") u32 units_length(void) { return units_len; }
EXPORT("sized_at") Sized *sized_at(void) { return sized; }
EXPORT("sized_length") u32 sized_length(void) { return sized_len; }
