/*
** fl_object.c -- small value utilities: raw equality, number <-> string conversion,
** formatted string pushing, chunk ids, and the number primitives of the integer build.
*/
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#if !defined(FL_NUMBER_INTEGRAL)
#include <math.h>
#include <float.h>
#endif

#include "fl_core.h"

const FValue flO_nilobject_ = FL_VINIT_NIL;

/* floor(log2(x)); -1 for x == 0 */
int flO_log2(unsigned int x) {
  int l = -1;
  while (x >= 256) { l += 8; x >>= 8; }
  while (x != 0) { l++; x >>= 1; }
  return l;
}

/* "Floating point byte" eeeeexxx: value xxx if eeeee == 0, else (1xxx) * 2^(eeeee-1).
** int2fb rounds up. */
int flO_int2fb(unsigned int x) {
  int e = 0;
  while (x >= 16) {
    x = (x + 1) >> 1;
    e++;
  }
  if (x < 8) return fl_castint(x);
  return ((e + 1) << 3) | (fl_castint(x) - 8);
}

int flO_fb2int(int x) {
  int e = (x >> 3) & 31;
  if (e == 0) return x;
  if (e - 1 > 27) return FL_MAX_INT;   /* would overflow an int: clamp (never from luac) */
  return ((x & 7) + 8) << (e - 1);
}

int flO_rawequalObj(const FValue *t1, const FValue *t2) {
  if (fl_ttype(t1) != fl_ttype(t2)) return 0;
  switch (fl_ttype(t1)) {
    case LUA_TNIL: return 1;
    case LUA_TNUMBER: return fl_numeq(fl_numv(t1), fl_numv(t2));
    case LUA_TBOOLEAN: return fl_boolv(t1) == fl_boolv(t2);
    case LUA_TLIGHTUSERDATA: return fl_ptrv(t1) == fl_ptrv(t2);
    default: return fl_gcv(t1) == fl_gcv(t2);
  }
}

/* ------------------------------------------------------------ string -> number */

#if defined(FL_NUMBER_INTEGRAL)
/* Integer build. Accepted: [spaces][sign](decimal digits[.digits] | 0x hexdigits)[spaces].
** A decimal fraction is truncated towards zero ("3.7" -> 3, "-2.5" -> -2, "1." -> 1) so that
** ordinary integral literals such as 1.0 keep working; exponents are rejected. Decimal values
** outside int32 are rejected; hex values up to 0xFFFFFFFF wrap to the 32-bit pattern
** (0xFFFFFFFF -> -1), as masks on microcontrollers expect. */
int flO_str2d(const char *s, lua_Number *result) {
  const unsigned char *p = (const unsigned char *)s;
  lu_int32 v = 0;
  int neg = 0, digits = 0;
  while (isspace(*p)) p++;
  if (*p == '-') { neg = 1; p++; }
  else if (*p == '+') p++;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    p += 2;
    for (; isxdigit(*p); p++, digits++) {
      int d = isdigit(*p) ? *p - '0' : (tolower(*p) - 'a' + 10);
      if (v > 0x0FFFFFFFu) return 0;   /* more than 32 bits */
      v = (v << 4) | (lu_int32)d;
    }
  }
  else {
    for (; isdigit(*p); p++, digits++) {
      if (v > (0x80000000u - (lu_int32)(*p - '0')) / 10u) return 0;   /* > 2^31 */
      v = v * 10u + (lu_int32)(*p - '0');
    }
    if (*p == '.') {
      for (p++; isdigit(*p); p++) digits++;
    }
    if (!neg && v > 0x7FFFFFFFu) return 0;
  }
  if (digits == 0) return 0;
  while (isspace(*p)) p++;
  if (*p != '\0') return 0;
  if (neg) v = 0u - v;
  /* portable two's complement conversion of the 32-bit pattern */
  *result = (v <= 0x7FFFFFFFu) ? (lua_Number)v
                                : (lua_Number)(-(lua_Number)(0xFFFFFFFFu - v) - 1);
  return 1;
}

#else

/* strtod's syntax (which includes hex, inf and nan on C99 libraries), a hex fallback via
** strtoul for libraries whose strtod stops at the 'x', then only trailing spaces. */
int flO_str2d(const char *s, lua_Number *result) {
  char *end;
#if defined(FL_NUMBER_FLOAT)
  *result = strtof(s, &end);
#else
  *result = strtod(s, &end);
#endif
  if (end == s) return 0;
  if (*end == 'x' || *end == 'X')
    *result = fl_castnum(strtoul(s, &end, 16));
  while (isspace((unsigned char)*end)) end++;
  return *end == '\0';
}
#endif

/* ------------------------------------------------------------ number -> string */

int flO_num2str(char *buf, lua_Number n) {
#if defined(FL_NUMBER_INTEGRAL)
  return snprintf(buf, LUAI_MAXNUMBER2STR, LUA_NUMBER_FMT, (LUAI_UACNUMBER)n);
#else
  return snprintf(buf, LUAI_MAXNUMBER2STR, LUA_NUMBER_FMT, (double)n);
#endif
}

/* ------------------------------------------------------------ formatted strings */

static void pushstr(lua_State *L, const char *s) {
  fl_setstr(L, L->top, flS_new(L, s));
  flD_incr_top(L);
}

#if defined(FL_NUMBER_FLOAT)
/* double -> float without the UB of an out-of-range conversion */
static lua_Number clampnum(double d) {
  if (d > FLT_MAX) return HUGE_VALF;
  if (d < -FLT_MAX) return -HUGE_VALF;
  return (lua_Number)d;
}
#else
#define clampnum(d)  fl_castnum(d)
#endif

/* Pushes the pieces (literal text and converted arguments) and concatenates them once.
** Only %% %s %c %d %f %p are directives; any other "%x" is copied as is. */
const char *flO_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  int n = 1;
  pushstr(L, "");
  for (;;) {
    const char *e = strchr(fmt, '%');
    if (e == NULL) break;
    fl_setstr(L, L->top, flS_newlstr(L, fmt, (size_t)(e - fmt)));
    flD_incr_top(L);
    switch (e[1]) {
      case 's': {
        const char *s = va_arg(argp, char *);
        pushstr(L, s != NULL ? s : "(null)");
        break;
      }
      case 'c': {
        char buff[2];
        buff[0] = fl_cast(char, va_arg(argp, int));
        buff[1] = '\0';
        pushstr(L, buff);
        break;
      }
      case 'd':
        fl_setnum(L->top, fl_castnum(va_arg(argp, int)));
        flD_incr_top(L);
        break;
      case 'f':
        fl_setnum(L->top, clampnum(va_arg(argp, LUAI_UACNUMBER)));
        flD_incr_top(L);
        break;
      case 'p': {
        char buff[4 * sizeof(void *) + 8];
        snprintf(buff, sizeof(buff), "%p", va_arg(argp, void *));
        pushstr(L, buff);
        break;
      }
      case '%':
        pushstr(L, "%");
        break;
      default: {
        char buff[3];
        buff[0] = '%';
        buff[1] = e[1];
        buff[2] = '\0';
        pushstr(L, buff);
        if (e[1] == '\0') { n += 2; fmt = e + 1; goto done; }   /* trailing lone '%' */
        break;
      }
    }
    n += 2;
    fmt = e + 2;
  }
done:
  pushstr(L, fmt);
  flV_concat(L, n + 1, fl_castint(L->top - L->base) - 1);
  L->top -= n;
  return fl_svalue(L->top - 1);
}

const char *flO_pushfstring(lua_State *L, const char *fmt, ...) {
  const char *msg;
  va_list argp;
  va_start(argp, fmt);
  msg = flO_pushvfstring(L, fmt, argp);
  va_end(argp);
  return msg;
}

/* ------------------------------------------------------------------- chunk ids */

/* "=name" -> name; "@file" -> file (keeping its end, "..." in front, when too long);
** otherwise [string "first line..."]. Output fits in bufflen bytes (LUA_IDSIZE). */
void flO_chunkid(char *out, const char *source, size_t bufflen) {
  if (bufflen < 20) {   /* too small for anything useful (never with LUA_IDSIZE) */
    if (bufflen > 0) out[0] = '\0';
    return;
  }
  if (*source == '=') {
    size_t l = strlen(source + 1);
    if (l > bufflen - 1) l = bufflen - 1;
    memcpy(out, source + 1, l);
    out[l] = '\0';
  }
  else if (*source == '@') {
    size_t room = bufflen - sizeof(" '...' ");
    size_t l = strlen(++source);
    char *p = out;
    if (l > room) {
      memcpy(p, "...", 3);
      p += 3;
      source += l - room;
      l = room;
    }
    memcpy(p, source, l + 1);
  }
  else {
    size_t room = bufflen - sizeof(" [string \"...\"] ");
    size_t l = strcspn(source, "\n\r");   /* first line only */
    char *p = out;
    int cut;
    if (l > room) l = room;
    cut = (source[l] != '\0');
    memcpy(p, "[string \"", 9);
    p += 9;
    memcpy(p, source, l);
    p += l;
    if (cut) { memcpy(p, "...", 3); p += 3; }
    memcpy(p, "\"]", 3);
  }
}

/* ------------------------------------------------------------- number primitives */

#if defined(FL_NUMBER_INTEGRAL)

lua_Number flO_floor(lua_Number x) {
  return x;
}

lua_Number flO_pow(lua_Number a, lua_Number b) {
  return flO_intpow(a, b);
}

/* floor division; x / 0 gives 0 (there is no infinity); INT_MIN / -1 wraps */
lua_Number flO_intdiv(lua_Number a, lua_Number b) {
  lua_Number q;
  if (b == 0) return 0;
  if (b == -1) return fl_numunm(a);
  q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) q--;
  return q;
}

/* modulo with the sign of the divisor (Lua's a - floor(a/b)*b); x % 0 gives 0 */
lua_Number flO_intmod(lua_Number a, lua_Number b) {
  lua_Number r;
  if (b == 0 || b == -1) return 0;
  r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

/* integer power, wrapping like the other operators; negative exponents give the integer
** part of 1/a^-b (so 0 unless a is 1 or -1) */
lua_Number flO_intpow(lua_Number a, lua_Number b) {
  lu_int32 r = 1, base = (lu_int32)a;
  if (b < 0) {
    if (a == 1) return 1;
    if (a == -1) return (b & 1) ? -1 : 1;
    return 0;
  }
  while (b > 0) {
    if (b & 1) r *= base;
    base *= base;
    b >>= 1;
  }
  /* back to int32 without an implementation-defined conversion */
  return (r <= 0x7FFFFFFFu) ? (lua_Number)r : (lua_Number)(-(lua_Number)(0xFFFFFFFFu - r) - 1);
}

#else

lua_Number flO_floor(lua_Number x) {
#if defined(FL_NUMBER_FLOAT)
  return floorf(x);
#else
  return floor(x);
#endif
}

lua_Number flO_pow(lua_Number a, lua_Number b) {
#if defined(FL_NUMBER_FLOAT)
  return powf(a, b);
#else
  return pow(a, b);
#endif
}

#endif
