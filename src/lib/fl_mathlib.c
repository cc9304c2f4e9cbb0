/*
** fl_mathlib.c -- the mathematical library (manual 5.6). Uses only the public C API.
** With FL_NUMBER_INT only the functions that make sense on integers exist.
*/
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"

#define NUM(L, i) luaL_checknumber(L, i)

static int m_min(lua_State *L) {
  int n = lua_gettop(L), i;
  lua_Number r = NUM(L, 1);
  for (i = 2; i <= n; i++) {
    lua_Number v = NUM(L, i);
    if (v < r) r = v;
  }
  lua_pushnumber(L, r);
  return 1;
}

static int m_max(lua_State *L) {
  int n = lua_gettop(L), i;
  lua_Number r = NUM(L, 1);
  for (i = 2; i <= n; i++) {
    lua_Number v = NUM(L, i);
    if (v > r) r = v;
  }
  lua_pushnumber(L, r);
  return 1;
}

static int m_randomseed(lua_State *L) {
  srand((unsigned int)luaL_checkint(L, 1));
  return 0;
}

#if defined(FL_NUMBER_INTEGRAL)
/* ---- integer numbers ----------------------------------------------------------------- */

static int m_abs(lua_State *L) {
  lua_Number x = NUM(L, 1);
  lua_pushnumber(L, (x < 0 && x != INT32_MIN) ? -x : x);  /* INT32_MIN has no opposite */
  return 1;
}

static int m_identity(lua_State *L) {  /* floor and ceil */
  lua_pushnumber(L, NUM(L, 1));
  return 1;
}

static int m_fmod(lua_State *L) {  /* C's fmod: the result has the dividend's sign */
  lua_Number a = NUM(L, 1), b = NUM(L, 2);
  luaL_argcheck(L, b != 0, 2, "zero");
  lua_pushnumber(L, b == -1 ? 0 : a % b);
  return 1;
}

static int m_pow(lua_State *L) {
  lua_Number b = NUM(L, 1), e = NUM(L, 2);
  uint32_t r = 1, base = (uint32_t)b;  /* unsigned: overflow wraps, never UB */
  if (e < 0) {
    lua_pushnumber(L, b == 1 ? 1 : b == -1 ? (e % 2 != 0 ? -1 : 1) : 0);
    return 1;
  }
  while (e > 0) {
    if (e % 2 != 0) r *= base;
    base *= base;
    e /= 2;
  }
  lua_pushnumber(L, (lua_Number)r);
  return 1;
}

/* same draws as lua5.1, scaled with integer arithmetic */
static int m_random(lua_State *L) {
  long long r = rand() % RAND_MAX;
  switch (lua_gettop(L)) {
    case 0:  /* no [0,1) interval here: the raw draw */
      lua_pushnumber(L, (lua_Number)r);
      break;
    case 1: {
      int u = luaL_checkint(L, 1);
      luaL_argcheck(L, 1 <= u, 1, "interval is empty");
      lua_pushnumber(L, (lua_Number)(r * u / RAND_MAX + 1));
      break;
    }
    case 2: {
      int l = luaL_checkint(L, 1), u = luaL_checkint(L, 2);
      luaL_argcheck(L, l <= u, 2, "interval is empty");
      lua_pushnumber(L, (lua_Number)(r * ((long long)u - l + 1) / RAND_MAX + l));
      break;
    }
    default:
      return luaL_error(L, "wrong number of arguments");
  }
  return 1;
}

static const luaL_Reg math_funcs[] = {
  {"abs", m_abs},
  {"ceil", m_identity},
  {"floor", m_identity},
  {"fmod", m_fmod},
  {"max", m_max},
  {"min", m_min},
  {"mod", m_fmod},
  {"pow", m_pow},
  {"random", m_random},
  {"randomseed", m_randomseed},
  {NULL, NULL}
};

LUALIB_API int luaopen_math(lua_State *L) {
#if defined(FL_ROM)
  flR_openlib(L, LUA_MATHLIBNAME, &flR_math);
  (void)math_funcs;   /* huge is in the generated table */
#else
  luaL_register(L, LUA_MATHLIBNAME, math_funcs);
  lua_pushnumber(L, INT32_MAX);
  lua_setfield(L, -2, "huge");
#endif
  return 1;
}

#else
/* ---- floating-point numbers ---------------------------------------------------------- */
#include <math.h>

#if defined(FL_NUMBER_FLOAT)
#define MF(fn) fn##f  /* the float variants: no double arithmetic pulled in */
#define NUM_HUGE HUGE_VALF
#else
#define MF(fn) fn
#define NUM_HUGE HUGE_VAL
#endif

#define PI ((lua_Number)3.14159265358979323846)
#define RAD_PER_DEG (PI / 180)

/* the one-argument functions */
#define FUNC1(name, expr) \
  static int m_##name(lua_State *L) { \
    lua_Number x = NUM(L, 1); \
    lua_pushnumber(L, expr); \
    return 1; \
  }

FUNC1(abs, MF(fabs)(x))
FUNC1(sin, MF(sin)(x))
FUNC1(cos, MF(cos)(x))
FUNC1(tan, MF(tan)(x))
FUNC1(asin, MF(asin)(x))
FUNC1(acos, MF(acos)(x))
FUNC1(atan, MF(atan)(x))
FUNC1(sinh, MF(sinh)(x))
FUNC1(cosh, MF(cosh)(x))
FUNC1(tanh, MF(tanh)(x))
FUNC1(ceil, MF(ceil)(x))
FUNC1(floor, MF(floor)(x))
FUNC1(sqrt, MF(sqrt)(x))
FUNC1(exp, MF(exp)(x))
FUNC1(log, MF(log)(x))
FUNC1(log10, MF(log10)(x))
FUNC1(deg, x / RAD_PER_DEG)
FUNC1(rad, x * RAD_PER_DEG)

static int m_atan2(lua_State *L) {
  lua_pushnumber(L, MF(atan2)(NUM(L, 1), NUM(L, 2)));
  return 1;
}

static int m_fmod(lua_State *L) {
  lua_pushnumber(L, MF(fmod)(NUM(L, 1), NUM(L, 2)));
  return 1;
}

static int m_pow(lua_State *L) {
  lua_pushnumber(L, MF(pow)(NUM(L, 1), NUM(L, 2)));
  return 1;
}

static int m_modf(lua_State *L) {
  lua_Number ip;
  lua_Number fp = MF(modf)(NUM(L, 1), &ip);
  lua_pushnumber(L, ip);
  lua_pushnumber(L, fp);
  return 2;
}

static int m_frexp(lua_State *L) {
  int e;
  lua_pushnumber(L, MF(frexp)(NUM(L, 1), &e));
  lua_pushinteger(L, e);
  return 2;
}

static int m_ldexp(lua_State *L) {
  lua_pushnumber(L, MF(ldexp)(NUM(L, 1), luaL_checkint(L, 2)));
  return 1;
}

static int m_random(lua_State *L) {
#if defined(FL_NUMBER_FLOAT)
  /* 24 random bits: exact in a float, so r stays below 1 */
  lua_Number r = (lua_Number)(rand() % 0x1000000) / (lua_Number)0x1000000;
#else
  /* lua5.1's scaling, so that seeded sequences match on the same C library */
  lua_Number r = (lua_Number)(rand() % RAND_MAX) / (lua_Number)RAND_MAX;
#endif
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, r);
      break;
    case 1: {
      int u = luaL_checkint(L, 1);
      luaL_argcheck(L, 1 <= u, 1, "interval is empty");
      lua_pushnumber(L, MF(floor)(r * (lua_Number)u) + 1);
      break;
    }
    case 2: {
      int l = luaL_checkint(L, 1), u = luaL_checkint(L, 2);
      luaL_argcheck(L, l <= u, 2, "interval is empty");
      /* the width is computed in lua_Number: u - l + 1 may not fit in an int */
      lua_pushnumber(L, MF(floor)(r * ((lua_Number)u - (lua_Number)l + 1)) + (lua_Number)l);
      break;
    }
    default:
      return luaL_error(L, "wrong number of arguments");
  }
  return 1;
}

static const luaL_Reg math_funcs[] = {
  {"abs", m_abs},
  {"acos", m_acos},
  {"asin", m_asin},
  {"atan2", m_atan2},
  {"atan", m_atan},
  {"ceil", m_ceil},
  {"cosh", m_cosh},
  {"cos", m_cos},
  {"deg", m_deg},
  {"exp", m_exp},
  {"floor", m_floor},
  {"fmod", m_fmod},
  {"frexp", m_frexp},
  {"ldexp", m_ldexp},
  {"log10", m_log10},
  {"log", m_log},
  {"max", m_max},
  {"min", m_min},
  {"modf", m_modf},
  {"pow", m_pow},
  {"rad", m_rad},
  {"random", m_random},
  {"randomseed", m_randomseed},
  {"sinh", m_sinh},
  {"sin", m_sin},
  {"sqrt", m_sqrt},
  {"tanh", m_tanh},
  {"tan", m_tan},
  {NULL, NULL}
};

LUALIB_API int luaopen_math(lua_State *L) {
#if defined(FL_ROM)
  flR_openlib(L, LUA_MATHLIBNAME, &flR_math);
  (void)math_funcs;   /* the RAM build's array (genrom.py checks it against the table) */    /* pi, huge, mod are in the generated table */
#else
  luaL_register(L, LUA_MATHLIBNAME, math_funcs);
  lua_pushnumber(L, PI);
  lua_setfield(L, -2, "pi");
  lua_pushnumber(L, NUM_HUGE);
  lua_setfield(L, -2, "huge");
  lua_getfield(L, -1, "fmod");
  lua_setfield(L, -2, "mod");  /* 5.0 name, kept by lua5.1 */
#endif
  return 1;
}
#endif

#if defined(FL_ROM)
#include "rom_fl_mathlib.inc"   /* the library as a read-only table (both variants) */
#endif
