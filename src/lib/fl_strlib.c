/*
** fl_strlib.c -- the string library of flashlua (reference manual section 5.4).
** Written only against the public C API (lua.h, lauxlib.h), like any third-party module.
** Behaviour, quirks and error messages follow lua5.1, which is the oracle.
*/
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"

#define uchar(c)  ((unsigned char)(c))

/* A relative string position: negative counts from the end. Never below 0. */
static ptrdiff_t relpos(lua_Integer pos, size_t len) {
  if (pos < 0) pos += (ptrdiff_t)len + 1;
  return pos >= 0 ? pos : 0;
}

static int str_len(lua_State *L) {
  size_t l;
  luaL_checklstring(L, 1, &l);
  lua_pushinteger(L, (lua_Integer)l);
  return 1;
}

static int str_sub(lua_State *L) {
  size_t l;
  const char *s = luaL_checklstring(L, 1, &l);
  ptrdiff_t i = relpos(luaL_checkinteger(L, 2), l);
  ptrdiff_t j = relpos(luaL_optinteger(L, 3, -1), l);
  if (i < 1) i = 1;
  if (j > (ptrdiff_t)l) j = (ptrdiff_t)l;
  if (i <= j) lua_pushlstring(L, s + i - 1, (size_t)(j - i + 1));
  else lua_pushliteral(L, "");
  return 1;
}

static int str_reverse(lua_State *L) {
  size_t l;
  const char *s = luaL_checklstring(L, 1, &l);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (l > 0) luaL_addchar(&b, s[--l]);
  luaL_pushresult(&b);
  return 1;
}

static int caseconv(lua_State *L, int (*conv)(int)) {
  size_t l;
  const char *s = luaL_checklstring(L, 1, &l);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (l--) luaL_addchar(&b, conv(uchar(*s++)));
  luaL_pushresult(&b);
  return 1;
}

static int str_lower(lua_State *L) { return caseconv(L, tolower); }
static int str_upper(lua_State *L) { return caseconv(L, toupper); }

static int str_rep(lua_State *L) {
  size_t l;
  const char *s = luaL_checklstring(L, 1, &l);
  int n = luaL_checkint(L, 2);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  if (l > 0)  /* an empty string needs no loop (lua5.1 would spin n times) */
    while (n-- > 0) luaL_addlstring(&b, s, l);
  luaL_pushresult(&b);
  return 1;
}

static int str_byte(lua_State *L) {
  size_t l;
  const char *s = luaL_checklstring(L, 1, &l);
  ptrdiff_t i = relpos(luaL_optinteger(L, 2, 1), l);
  ptrdiff_t j = relpos(luaL_optinteger(L, 3, i), l);  /* default: the adjusted i */
  ptrdiff_t k;
  if (i < 1) i = 1;
  if (j > (ptrdiff_t)l) j = (ptrdiff_t)l;
  if (i > j) return 0;
  if (j - i >= INT_MAX) luaL_error(L, "string slice too long");
  luaL_checkstack(L, (int)(j - i + 1), "string slice too long");
  for (k = i; k <= j; k++) lua_pushinteger(L, uchar(s[k - 1]));
  return (int)(j - i + 1);
}

static int str_char(lua_State *L) {
  int i, n = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (i = 1; i <= n; i++) {
    int c = luaL_checkint(L, i);
    luaL_argcheck(L, uchar(c) == c, i, "invalid value");
    luaL_addchar(&b, uchar(c));
  }
  luaL_pushresult(&b);
  return 1;
}

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  (void)L;
  luaL_addlstring((luaL_Buffer *)ud, (const char *)p, sz);
  return 0;
}

static int str_dump(lua_State *L) {
  luaL_Buffer b;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  luaL_buffinit(L, &b);
  if (lua_dump(L, dump_writer, &b) != 0)
    luaL_error(L, "unable to dump given function");
  luaL_pushresult(&b);
  return 1;
}

/* ---- pattern matching ----------------------------------------------------------------
** A backtracking matcher over lua5.1's pattern language. As in lua5.1, a pattern ends at
** its first '\0' byte (use %z to match zeros). Recursion happens only at quantifiers and
** captures; its depth is bounded so that no pattern can overflow the C stack.          */

#define MAXCAPS    32            /* LUA_MAXCAPTURES of 5.1 */
#define CAP_OPEN   (-1)          /* capture started, not closed yet */
#define CAP_POS    (-2)          /* position capture "()" */
#ifndef FL_MAXMATCHDEPTH
#define FL_MAXMATCHDEPTH LUAI_MAXCCALLS
#endif

typedef struct MatchState {
  const char *src, *end;         /* subject string */
  lua_State *L;
  int level;                     /* number of captures in use */
  int depth;                     /* recursion budget left */
  struct { const char *init; ptrdiff_t len; } cap[MAXCAPS];
} MatchState;

static const char *match(MatchState *ms, const char *s, const char *p);

/* Does byte c belong to class %cl? An unknown class letter stands for itself. */
static int class_match(int c, int cl) {
  int r;
  switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    case 'z': r = (c == 0); break;
    default: return cl == c;
  }
  return (r != 0) ^ (isupper(cl) != 0);   /* upper-case letter: complement */
}

/* End of the single-character class starting at p. */
static const char *class_end(MatchState *ms, const char *p) {
  char c = *p++;
  if (c == '%') {
    if (*p == '\0') luaL_error(ms->L, "malformed pattern (ends with '%%')");
    return p + 1;
  }
  if (c == '[') {
    if (*p == '^') p++;
    do {  /* the first item is always taken, so "[]]" is a set holding ']' */
      if (*p == '\0') luaL_error(ms->L, "malformed pattern (missing ']')");
      if (*p++ == '%' && *p != '\0') p++;
    } while (*p != ']');
    return p + 1;
  }
  return p;
}

/* Set [...] from p (at '[') to ec (at the closing ']'). */
static int set_match(int c, const char *p, const char *ec) {
  int neg = 0;
  if (*++p == '^') { neg = 1; p++; }
  for (; p < ec; p++) {
    if (*p == '%') {
      p++;
      if (class_match(c, uchar(*p))) return !neg;
    } else if (p[1] == '-' && p + 2 < ec) {
      p += 2;
      if (uchar(p[-2]) <= c && c <= uchar(*p)) return !neg;
    } else if (uchar(*p) == c) return !neg;
  }
  return neg;
}

/* Does the subject byte at s match the class p..ep? */
static int single_match(MatchState *ms, const char *s, const char *p, const char *ep) {
  int c;
  if (s >= ms->end) return 0;
  c = uchar(*s);
  switch (*p) {
    case '.': return 1;
    case '%': return class_match(c, uchar(p[1]));
    case '[': return set_match(c, p, ep - 1);
    default: return uchar(*p) == c;
  }
}

/* %bxy: p points at x. */
static const char *balance(MatchState *ms, const char *s, const char *p) {
  int n = 1;
  if (p[0] == '\0' || p[1] == '\0') luaL_error(ms->L, "unbalanced pattern");
  if (s >= ms->end || *s != p[0]) return NULL;
  while (++s < ms->end) {
    if (*s == p[1]) {   /* the closer is tested first: "%baa" works */
      if (--n == 0) return s + 1;
    } else if (*s == p[0]) n++;
  }
  return NULL;
}

/* Greedy: take as many as possible, then give back one at a time. */
static const char *expand_max(MatchState *ms, const char *s, const char *p, const char *ep) {
  ptrdiff_t i = 0;
  while (single_match(ms, s + i, p, ep)) i++;
  for (; i >= 0; i--) {
    const char *r = match(ms, s + i, ep + 1);
    if (r) return r;
  }
  return NULL;
}

/* Lazy: take one more only when the rest fails. */
static const char *expand_min(MatchState *ms, const char *s, const char *p, const char *ep) {
  for (;;) {
    const char *r = match(ms, s, ep + 1);
    if (r) return r;
    if (!single_match(ms, s, p, ep)) return NULL;
    s++;
  }
}

static const char *open_cap(MatchState *ms, const char *s, const char *p, ptrdiff_t what) {
  const char *r;
  if (ms->level >= MAXCAPS) luaL_error(ms->L, "too many captures");
  ms->cap[ms->level].init = s;
  ms->cap[ms->level].len = what;
  ms->level++;
  if ((r = match(ms, s, p)) == NULL) ms->level--;   /* undo on failure */
  return r;
}

static const char *close_cap(MatchState *ms, const char *s, const char *p) {
  const char *r;
  int l = ms->level;
  while (--l >= 0 && ms->cap[l].len != CAP_OPEN) {}
  if (l < 0) luaL_error(ms->L, "invalid pattern capture");
  ms->cap[l].len = s - ms->cap[l].init;
  if ((r = match(ms, s, p)) == NULL) ms->cap[l].len = CAP_OPEN;
  return r;
}

/* Back-reference %1-%9. A position capture never matches (as in lua5.1). */
static const char *backref(MatchState *ms, const char *s, int d) {
  int i = d - '1';
  ptrdiff_t len;
  if (i < 0 || i >= ms->level || ms->cap[i].len == CAP_OPEN)
    luaL_error(ms->L, "invalid capture index");
  len = ms->cap[i].len;
  if (len >= 0 && ms->end - s >= len && memcmp(ms->cap[i].init, s, (size_t)len) == 0)
    return s + len;
  return NULL;
}

static const char *match(MatchState *ms, const char *s, const char *p) {
  const char *ep, *r;
  if (ms->depth-- == 0) luaL_error(ms->L, "pattern too complex");
  if (luai_cstacklow()) luaL_error(ms->L, "C stack overflow");   /* (a port's real C stack) */
  for (;;) {
    switch (*p) {
      case '\0': r = s; goto done;                     /* end of pattern */
      case '(':
        r = (p[1] == ')') ? open_cap(ms, s, p + 2, CAP_POS)
                          : open_cap(ms, s, p + 1, CAP_OPEN);
        goto done;
      case ')': r = close_cap(ms, s, p + 1); goto done;
      case '$':
        if (p[1] == '\0') { r = (s == ms->end) ? s : NULL; goto done; }
        break;                                         /* a plain '$' */
      case '%':
        if (p[1] == 'b') {
          if ((s = balance(ms, s, p + 2)) == NULL) { r = NULL; goto done; }
          p += 4;
          continue;
        }
        if (p[1] == 'f') {                             /* frontier */
          int prev, cur;
          p += 2;
          if (*p != '[') luaL_error(ms->L, "missing '[' after '%%f' in pattern");
          ep = class_end(ms, p);
          prev = (s == ms->src) ? 0 : uchar(s[-1]);
          cur = (s < ms->end) ? uchar(*s) : 0;
          if (set_match(prev, p, ep - 1) || !set_match(cur, p, ep - 1)) { r = NULL; goto done; }
          p = ep;
          continue;
        }
        if (isdigit(uchar(p[1]))) {
          if ((s = backref(ms, s, uchar(p[1]))) == NULL) { r = NULL; goto done; }
          p += 2;
          continue;
        }
        break;
      default: break;
    }
    /* one class, maybe followed by a quantifier */
    ep = class_end(ms, p);
    switch (*ep) {
      case '?':
        if (single_match(ms, s, p, ep) && (r = match(ms, s + 1, ep + 1)) != NULL) goto done;
        p = ep + 1;
        continue;
      case '*': r = expand_max(ms, s, p, ep); goto done;
      case '+': r = single_match(ms, s, p, ep) ? expand_max(ms, s + 1, p, ep) : NULL; goto done;
      case '-': r = expand_min(ms, s, p, ep); goto done;
      default:
        if (!single_match(ms, s, p, ep)) { r = NULL; goto done; }
        s++;
        p = ep;
    }
  }
done:
  ms->depth++;
  return r;
}

static void ms_init(MatchState *ms, lua_State *L, const char *s, size_t l) {
  ms->L = L;
  ms->src = s;
  ms->end = s + l;
  ms->depth = FL_MAXMATCHDEPTH;
}

/* Push capture i; with no captures, capture 0 is the whole match s..e. */
static void push_capture(MatchState *ms, int i, const char *s, const char *e) {
  if (i >= ms->level) {
    if (i != 0) luaL_error(ms->L, "invalid capture index");
    lua_pushlstring(ms->L, s, (size_t)(e - s));
  } else {
    ptrdiff_t len = ms->cap[i].len;
    if (len == CAP_OPEN) luaL_error(ms->L, "unfinished capture");
    if (len == CAP_POS) lua_pushinteger(ms->L, ms->cap[i].init - ms->src + 1);
    else lua_pushlstring(ms->L, ms->cap[i].init, (size_t)len);
  }
}

static int push_captures(MatchState *ms, const char *s, const char *e) {
  int i, n = (ms->level == 0 && s) ? 1 : ms->level;
  luaL_checkstack(ms->L, n, "too many captures");
  for (i = 0; i < n; i++) push_capture(ms, i, s, e);
  return n;
}

static const char *plain_find(const char *s, size_t ls, const char *p, size_t lp) {
  if (lp == 0) return s;
  while (lp <= ls) {
    const char *q = (const char *)memchr(s, *p, ls - lp + 1);
    if (q == NULL) break;
    if (memcmp(q + 1, p + 1, lp - 1) == 0) return q;
    ls -= (size_t)(q + 1 - s);
    s = q + 1;
  }
  return NULL;
}

static int find_aux(lua_State *L, int find) {
  size_t ls, lp;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  ptrdiff_t init = relpos(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init < 0) init = 0;
  else if ((size_t)init > ls) init = (ptrdiff_t)ls;
  /* like lua5.1, the scan for specials stops at the pattern's first zero */
  if (find && (lua_toboolean(L, 4) || strpbrk(p, "^$*+?.([%-") == NULL)) {
    const char *q = plain_find(s + init, ls - (size_t)init, p, lp);
    if (q) {
      lua_pushinteger(L, q - s + 1);
      lua_pushinteger(L, (lua_Integer)((size_t)(q - s) + lp));
      return 2;
    }
  } else {
    MatchState ms;
    const char *s1 = s + init;
    int anchor = (*p == '^');
    if (anchor) p++;
    ms_init(&ms, L, s, ls);
    for (;;) {
      const char *e;
      ms.level = 0;
      if ((e = match(&ms, s1, p)) != NULL) {
        if (!find) return push_captures(&ms, s1, e);
        lua_pushinteger(L, s1 - s + 1);
        lua_pushinteger(L, e - s);
        return push_captures(&ms, NULL, NULL) + 2;
      }
      if (anchor || s1 >= ms.end) break;
      s1++;
    }
  }
  lua_pushnil(L);
  return 1;
}

static int str_find(lua_State *L) { return find_aux(L, 1); }
static int str_match(lua_State *L) { return find_aux(L, 0); }

/* gmatch's iterator; upvalues: subject, pattern, position to resume from.
** As in lua5.1, '^' has no special meaning here. */
static int gmatch_step(lua_State *L) {
  MatchState ms;
  size_t ls, i;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
  const char *p = lua_tostring(L, lua_upvalueindex(2));
  ms_init(&ms, L, s, ls);
  for (i = (size_t)lua_tointeger(L, lua_upvalueindex(3)); i <= ls; i++) {
    const char *e;
    ms.level = 0;
    if ((e = match(&ms, s + i, p)) != NULL) {
      size_t next = (size_t)(e - s);
      if (next == i) next++;   /* empty match: step over one byte */
      lua_pushinteger(L, (lua_Integer)next);
      lua_replace(L, lua_upvalueindex(3));
      return push_captures(&ms, s + i, e);
    }
  }
  return 0;
}

static int str_gmatch(lua_State *L) {
  luaL_checkstring(L, 1);
  luaL_checkstring(L, 2);
  lua_settop(L, 2);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, gmatch_step, 3);
  return 1;
}

/* Replacement string: %0-%9 are captures, '%' before anything else quotes it.
** A '%' at the very end quotes the terminating zero, adding a '\0' (lua5.1 does so). */
static void add_string(MatchState *ms, luaL_Buffer *b, const char *s, const char *e) {
  size_t l, i;
  const char *r = lua_tolstring(ms->L, 3, &l);
  for (i = 0; i < l; i++) {
    char c = r[i];
    if (c == '%') {
      c = r[++i];
      if (isdigit(uchar(c))) {
        if (c == '0') luaL_addlstring(b, s, (size_t)(e - s));
        else {
          push_capture(ms, c - '1', s, e);
          luaL_addvalue(b);
        }
        continue;
      }
    }
    luaL_addchar(b, c);
  }
}

static void add_value(MatchState *ms, luaL_Buffer *b, const char *s, const char *e) {
  lua_State *L = ms->L;
  switch (lua_type(L, 3)) {
    case LUA_TFUNCTION: {
      int n;
      lua_pushvalue(L, 3);
      n = push_captures(ms, s, e);
      lua_call(L, n, 1);
      break;
    }
    case LUA_TTABLE:
      push_capture(ms, 0, s, e);
      lua_gettable(L, 3);
      break;
    default:
      add_string(ms, b, s, e);
      return;
  }
  if (!lua_toboolean(L, -1)) {      /* nil or false: keep the original text */
    lua_pop(L, 1);
    lua_pushlstring(L, s, (size_t)(e - s));
  } else if (!lua_isstring(L, -1))
    luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
  luaL_addvalue(b);
}

static int str_gsub(lua_State *L) {
  size_t ls, i = 0;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checkstring(L, 2);
  int tr = lua_type(L, 3);
  int maxn = luaL_optint(L, 4, (lua_Integer)ls + 1);
  int anchor = (*p == '^'), n = 0;
  MatchState ms;
  luaL_Buffer b;
  if (anchor) p++;
  luaL_argcheck(L, tr == LUA_TNUMBER || tr == LUA_TSTRING ||
                   tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
                "string/function/table expected");
  luaL_buffinit(L, &b);
  ms_init(&ms, L, s, ls);
  while (n < maxn) {
    const char *e;
    ms.level = 0;
    e = match(&ms, s + i, p);
    if (e) {
      n++;
      add_value(&ms, &b, s + i, e);
    }
    if (e && e > s + i) i = (size_t)(e - s);
    else if (i < ls) luaL_addchar(&b, s[i++]);
    else break;
    if (anchor) break;
  }
  luaL_addlstring(&b, s + i, ls - i);
  luaL_pushresult(&b);
  lua_pushinteger(L, n);
  return 2;
}

/* ---- format ----------------------------------------------------------------------- */

/* Largest item: "%99.99f" of a double near 1e308 takes ~410 bytes. */
#if FL_NUMBER_KIND == 0
#define FMT_ITEM 512
#else
#define FMT_ITEM 160
#endif

/* lua5.1 casts numbers to (unsigned) long or int. An out-of-range cast is undefined in C;
** these give what lua5.1 gives on x86 hosts (the most negative value, or its unsigned
** counterpart), without undefined behaviour. */
#if defined(FL_NUMBER_INTEGRAL)
#define num2long(n)   ((long)(n))
#define num2ulong(n)  ((unsigned long)(long)(n))
#define num2int(n)    ((int)(n))
#else
static long num2long(double d) {
  return (d >= (double)LONG_MIN && d < -(double)LONG_MIN) ? (long)d : LONG_MIN;
}
static unsigned long num2ulong(double d) {
  double h = -(double)LONG_MIN;   /* 2^(bits of long - 1) */
  if (d >= h) return (unsigned long)num2long(d - h) ^ ((unsigned long)LONG_MAX + 1u);
  return (unsigned long)num2long(d);
}
static int num2int(double d) {
  return (d >= (double)INT_MIN && d < -(double)INT_MIN) ? (int)d : INT_MIN;
}
#endif

static void add_quoted(lua_State *L, luaL_Buffer *b, int arg) {
  size_t l;
  const char *s = luaL_checklstring(L, arg, &l);
  luaL_addchar(b, '"');
  for (; l > 0; l--, s++) {
    switch (*s) {
      case '"': case '\\': case '\n':
        luaL_addchar(b, '\\');
        luaL_addchar(b, *s);
        break;
      case '\r': luaL_addlstring(b, "\\r", 2); break;
      case '\0': luaL_addlstring(b, "\\000", 4); break;
      default: luaL_addchar(b, *s);
    }
  }
  luaL_addchar(b, '"');
}

static int str_format(lua_State *L) {
  int top = lua_gettop(L), arg = 1;
  size_t lf;
  const char *f = luaL_checklstring(L, 1, &lf), *fend = f + lf;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (f < fend) {
    char spec[16];        /* '%' flags(5) width(2) '.' precision(2) 'l' conversion '\0' */
    char item[FMT_ITEM];
    const char *q;
    size_t n;
    if (*f != '%') { luaL_addchar(&b, *f++); continue; }
    if (*++f == '%') { luaL_addchar(&b, *f++); continue; }
    if (++arg > top) luaL_argerror(L, arg, "no value");
    for (q = f; *q != '\0' && strchr("-+ #0", *q) != NULL; q++) {}
    if (q - f > 5) luaL_error(L, "invalid format (repeated flags)");
    if (isdigit(uchar(*q))) q++;   /* width: at most 2 digits */
    if (isdigit(uchar(*q))) q++;
    if (*q == '.') {
      q++;
      if (isdigit(uchar(*q))) q++; /* precision: at most 2 digits */
      if (isdigit(uchar(*q))) q++;
    }
    if (isdigit(uchar(*q))) luaL_error(L, "invalid format (width or precision too long)");
    spec[0] = '%';
    n = (size_t)(q - f) + 1;       /* spec[n] is the conversion */
    memcpy(spec + 1, f, n);
    spec[n + 1] = '\0';
    f = q + 1;
    switch (*q) {
      case 'c':
        snprintf(item, sizeof item, spec, num2int(luaL_checknumber(L, arg)));
        break;
      case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        spec[n] = 'l';             /* print as long, like lua5.1 */
        spec[n + 1] = *q;
        spec[n + 2] = '\0';
        if (*q == 'd' || *q == 'i')
          snprintf(item, sizeof item, spec, num2long(luaL_checknumber(L, arg)));
        else
          snprintf(item, sizeof item, spec, num2ulong(luaL_checknumber(L, arg)));
        break;
      case 'e': case 'E': case 'f': case 'g': case 'G':
        snprintf(item, sizeof item, spec, (double)luaL_checknumber(L, arg));
        break;
      case 'q':
        add_quoted(L, &b, arg);
        continue;
      case 's': {
        size_t l;
        const char *s = luaL_checklstring(L, arg, &l);
        if (memchr(spec, '.', n) == NULL && l >= 100) {
          /* no precision and too long to format: the whole string, zeros included */
          lua_pushvalue(L, arg);
          luaL_addvalue(&b);
          continue;
        }
        snprintf(item, sizeof item, spec, s);
        break;
      }
      default: {
        char opt[2];               /* via %s: the option may be the final '\0' */
        opt[0] = *q;
        opt[1] = '\0';
        return luaL_error(L, "invalid option '%%%s' to 'format'", opt);
      }
    }
    /* strlen, not snprintf's count: "%c" of 0 adds nothing, as in lua5.1 */
    luaL_addlstring(&b, item, strlen(item));
  }
  luaL_pushresult(&b);
  return 1;
}

static const luaL_Reg strlib[] = {
  {"byte", str_byte},
  {"char", str_char},
  {"dump", str_dump},
  {"find", str_find},
  {"format", str_format},
  {"gmatch", str_gmatch},
  {"gsub", str_gsub},
  {"len", str_len},
  {"lower", str_lower},
  {"match", str_match},
  {"rep", str_rep},
  {"reverse", str_reverse},
  {"sub", str_sub},
  {"upper", str_upper},
  {NULL, NULL}
};

LUALIB_API int luaopen_string(lua_State *L) {
#if defined(FL_ROM)
  flR_openlib(L, LUA_STRLIBNAME, &flR_string);
  (void)strlib;   /* the RAM build's array (genrom.py checks it against the table) */   /* gfind is in the generated table */
#else
  luaL_register(L, LUA_STRLIBNAME, strlib);
  lua_getfield(L, -1, "gmatch");   /* 5.1's compatibility alias: the same function */
  lua_setfield(L, -2, "gfind");
#endif
#if defined(FL_ROM)
  flR_pushtable(L, &flR_strmt);    /* metatable of strings: {__index = string}, read-only */
#else
  lua_createtable(L, 0, 1);        /* metatable of strings: {__index = string} */
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "__index");
#endif
  lua_pushliteral(L, "");
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_pop(L, 2);
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_strlib.inc"   /* the closures of the read-only tables */
#endif
