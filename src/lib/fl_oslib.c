/*
** fl_oslib.c -- the os library (reference manual section 5.8), on the public C API only.
** Everything here is ISO C except os.execute and os.tmpname, which go through fl_port.h.
*/
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"
#include "fl_port.h"

/* true, or nil + "name: reason" + errno */
static int os_result(lua_State *L, int ok, const char *fname) {
  int en = errno;
  if (ok) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushnil(L);
  lua_pushfstring(L, "%s: %s", fname, strerror(en));
  lua_pushinteger(L, en);
  return 3;
}

static int os_execute(lua_State *L) {
  lua_pushinteger(L, fl_port_system(luaL_optstring(L, 1, NULL)));
  return 1;
}

static int os_remove(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  return os_result(L, remove(name) == 0, name);
}

static int os_rename(lua_State *L) {
  const char *from = luaL_checkstring(L, 1);
  const char *to = luaL_checkstring(L, 2);
  return os_result(L, rename(from, to) == 0, from);
}

static int os_tmpname(lua_State *L) {
  char buf[FL_PORT_TMPNAMSIZE];
  if (fl_port_tmpname(buf, sizeof buf) != 0)
    return luaL_error(L, "unable to generate a unique filename");
  lua_pushstring(L, buf);
  return 1;
}

static int os_getenv(lua_State *L) {
  lua_pushstring(L, getenv(luaL_checkstring(L, 1)));  /* NULL pushes nil */
  return 1;
}

static int os_clock(lua_State *L) {
  lua_pushnumber(L, (lua_Number)clock() / (lua_Number)CLOCKS_PER_SEC);
  return 1;
}

static int os_exit(lua_State *L) {
  exit(luaL_optint(L, 1, EXIT_SUCCESS));
  return 0;
}

/* ---- time and date */

/* Convert a Lua number to time_t (truncating, like 5.1's cast); 0 if it does not fit.
** time_t is assumed to be a signed integer type, as on every target we know. */
static int num2time(lua_Number n, time_t *t) {
#if defined(FL_NUMBER_INTEGRAL)
  *t = (time_t)n;
  return 1;
#else
  lua_Number lim = 1;  /* 2^(bits of time_t - 1), exact in binary floating point */
  size_t i;
  for (i = 1; i < sizeof(time_t) * CHAR_BIT; i++) lim *= 2;
  if (!(n > -lim && n < lim)) return 0;  /* also rejects NaN */
  *t = (time_t)n;
  return 1;
#endif
}

static void setfield(lua_State *L, const char *key, int v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, key);
}

static int os_date(lua_State *L) {
  const char *s = luaL_optstring(L, 1, "%c");
  time_t t;
  struct tm *stm;
  int ok = 1;
  if (lua_isnoneornil(L, 2)) t = time(NULL);
  else ok = num2time(luaL_checknumber(L, 2), &t);
  if (*s == '!') {
    s++;
    stm = ok ? gmtime(&t) : NULL;
  }
  else
    stm = ok ? localtime(&t) : NULL;
  if (stm == NULL) {  /* the time cannot be represented */
    lua_pushnil(L);
  }
  else if (strcmp(s, "*t") == 0) {
    lua_createtable(L, 0, 9);
    setfield(L, "sec", stm->tm_sec);
    setfield(L, "min", stm->tm_min);
    setfield(L, "hour", stm->tm_hour);
    setfield(L, "day", stm->tm_mday);
    setfield(L, "month", stm->tm_mon + 1);
    setfield(L, "year", stm->tm_year + 1900);
    setfield(L, "wday", stm->tm_wday + 1);
    setfield(L, "yday", stm->tm_yday + 1);
    if (stm->tm_isdst >= 0) {  /* negative: unknown, field left out */
      lua_pushboolean(L, stm->tm_isdst);
      lua_setfield(L, -2, "isdst");
    }
  }
  else {
    /* each "%x" goes to strftime on its own (whatever x is, as 5.1 does); the rest is copied */
    char spec[3], out[200];
    luaL_Buffer b;
    spec[0] = '%';
    spec[2] = '\0';
    luaL_buffinit(L, &b);
    for (; *s != '\0'; s++) {
      if (*s == '%' && s[1] != '\0') {
        spec[1] = *++s;
        luaL_addlstring(&b, out, strftime(out, sizeof out, spec, stm));
      }
      else
        luaL_addchar(&b, *s);
    }
    luaL_pushresult(&b);
  }
  return 1;
}

/* unsigned -> int, wrapping modulo 2^bits as a two's complement machine does */
static int wrapint(unsigned u) {
  return u <= (unsigned)INT_MAX ? (int)u : -(int)(UINT_MAX - u) - 1;
}

/* Field of the date table on the stack top; d < 0: the field is required. Out-of-range
** values wrap like 5.1's int casts on common hosts (defined here, not undefined). */
static int getfield(lua_State *L, const char *key, int d, unsigned delta) {
  int v = d;
  lua_getfield(L, -1, key);
  if (lua_isnumber(L, -1))
    v = wrapint((unsigned)lua_tointeger(L, -1) - delta);
  else if (d < 0)
    return luaL_error(L, "field '%s' missing in date table", key);
  lua_pop(L, 1);
  return v;
}

static int os_time(lua_State *L) {
  time_t t;
  if (lua_isnoneornil(L, 1))
    t = time(NULL);
  else {
    struct tm ts;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    ts.tm_sec = getfield(L, "sec", 0, 0);
    ts.tm_min = getfield(L, "min", 0, 0);
    ts.tm_hour = getfield(L, "hour", 12, 0);
    ts.tm_mday = getfield(L, "day", -1, 0);
    ts.tm_mon = getfield(L, "month", -1, 1);
    ts.tm_year = getfield(L, "year", -1, 1900);
    lua_getfield(L, -1, "isdst");
    ts.tm_isdst = lua_isnil(L, -1) ? -1 : lua_toboolean(L, -1);
    lua_pop(L, 1);
    t = mktime(&ts);  /* 5.1 does not write the normalised fields back */
  }
  if (t == (time_t)-1) lua_pushnil(L);
  else lua_pushnumber(L, (lua_Number)t);
  return 1;
}

static int os_difftime(lua_State *L) {
  lua_Number a = luaL_checknumber(L, 1);
  lua_Number b = luaL_optnumber(L, 2, 0);
#if defined(FL_NUMBER_INTEGRAL)
  lua_pushnumber(L, (lua_Number)((long long)a - (long long)b));
#else
  time_t ta, tb;
  if (num2time(a, &ta) && num2time(b, &tb))
    lua_pushnumber(L, (lua_Number)difftime(ta, tb));
  else
    lua_pushnumber(L, a - b);  /* beyond time_t: plain subtraction */
#endif
  return 1;
}

static int os_setlocale(lua_State *L) {
  static const int cats[] = { LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC, LC_TIME };
  static const char *const names[] =
    { "all", "collate", "ctype", "monetary", "numeric", "time", NULL };
  const char *loc = luaL_optstring(L, 1, NULL);
  int op = luaL_checkoption(L, 2, "all", names);
  lua_pushstring(L, setlocale(cats[op], loc));
  return 1;
}

static const luaL_Reg os_funcs[] = {
  { "clock", os_clock },
  { "date", os_date },
  { "difftime", os_difftime },
  { "execute", os_execute },
  { "exit", os_exit },
  { "getenv", os_getenv },
  { "remove", os_remove },
  { "rename", os_rename },
  { "setlocale", os_setlocale },
  { "time", os_time },
  { "tmpname", os_tmpname },
  { NULL, NULL }
};

LUALIB_API int luaopen_os(lua_State *L) {
#if defined(FL_ROM)
  flR_openlib(L, LUA_OSLIBNAME, &flR_os);
  (void)os_funcs;   /* the RAM build's array (genrom.py checks it against the table) */
#else
  luaL_register(L, LUA_OSLIBNAME, os_funcs);
#endif
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_oslib.inc"   /* the library as a read-only table */
#endif
