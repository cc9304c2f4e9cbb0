/*
** fl_tablib.c -- the table library (manual 5.5). Uses only the public C API.
*/
#include <stddef.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"

static int checked_len(lua_State *L, int idx) {
  luaL_checktype(L, idx, LUA_TTABLE);
  return luaL_getn(L, idx);
}

static int t_foreachi(lua_State *L) {
  int i, n = checked_len(L, 1);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  for (i = 1; i <= n; i++) {
    lua_pushvalue(L, 2);
    lua_pushinteger(L, i);
    lua_rawgeti(L, 1, i);
    lua_call(L, 2, 1);
    if (!lua_isnil(L, -1)) return 1;  /* the first non-nil result stops the walk */
    lua_pop(L, 1);
  }
  return 0;
}

static int t_foreach(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -3);
    lua_pushvalue(L, -3);
    lua_call(L, 2, 1);
    if (!lua_isnil(L, -1)) return 1;
    lua_pop(L, 2);  /* result and value; the key stays for lua_next */
  }
  return 0;
}

static int t_maxn(lua_State *L) {
  lua_Number max = 0;
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER) {
      lua_Number v = lua_tonumber(L, -1);
      if (v > max) max = v;
    }
  }
  lua_pushnumber(L, max);
  return 1;
}

static int t_getn(lua_State *L) {
  lua_pushinteger(L, checked_len(L, 1));
  return 1;
}

static int t_setn(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  return luaL_error(L, "'setn' is obsolete");
}

static int t_insert(lua_State *L) {
  int last = checked_len(L, 1) + 1;  /* first free slot */
  int pos, i;
  switch (lua_gettop(L)) {
    case 2:
      pos = last;
      break;
    case 3:
      pos = luaL_checkint(L, 2);
      if (pos > last) last = pos;
      for (i = last; i > pos; i--) {  /* shift t[pos..] up by one */
        lua_rawgeti(L, 1, i - 1);
        lua_rawseti(L, 1, i);
      }
      break;
    default:
      return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  lua_rawseti(L, 1, pos);
  return 0;
}

static int t_remove(lua_State *L) {
  int last = checked_len(L, 1);
  int pos = luaL_optint(L, 2, last);
  if (pos < 1 || pos > last) return 0;  /* nothing there to remove */
  lua_rawgeti(L, 1, pos);
  for (; pos < last; pos++) {
    lua_rawgeti(L, 1, pos + 1);
    lua_rawseti(L, 1, pos);
  }
  lua_pushnil(L);
  lua_rawseti(L, 1, last);
  return 1;
}

static void concat_item(lua_State *L, luaL_Buffer *b, int i) {
  lua_rawgeti(L, 1, i);
  if (!lua_isstring(L, -1))  /* Debian's lua5.1 names the offending type */
    luaL_error(L, "invalid value (%s) at index %d in table for 'concat'",
               luaL_typename(L, -1), i);
  luaL_addvalue(b);
}

static int t_concat(lua_State *L) {
  luaL_Buffer b;
  size_t lsep;
  int i, last;
  const char *sep = luaL_optlstring(L, 2, "", &lsep);
  luaL_checktype(L, 1, LUA_TTABLE);
  i = luaL_optint(L, 3, 1);
  last = luaL_opt(L, luaL_checkint, 4, luaL_getn(L, 1));
  luaL_buffinit(L, &b);
  for (; i < last; i++) {
    concat_item(L, &b, i);
    luaL_addlstring(&b, sep, lsep);
  }
  if (i == last) concat_item(L, &b, i);
  luaL_pushresult(&b);
  return 1;
}

/*
** table.sort: the quicksort that lua5.1 uses (same comparisons in the same order,
** so ties and inconsistent comparators end the same way): median of three,
** pivot parked at hi-1, recursion on the smaller part and a loop on the larger.
*/

/* is the value at stack index a less than the one at b? (a, b negative) */
static int sort_less(lua_State *L, int a, int b) {
  int r;
  if (lua_isnil(L, 2)) return lua_lessthan(L, a, b);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, a - 1);  /* indices shift as we push */
  lua_pushvalue(L, b - 2);
  lua_call(L, 2, 1);
  r = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return r;
}

/* pops two values: the top one goes to t[i], the one below to t[j] */
static void sort_put2(lua_State *L, int i, int j) {
  lua_rawseti(L, 1, i);
  lua_rawseti(L, 1, j);
}

static void sort_range(lua_State *L, int lo, int hi) {
  while (lo < hi) {
    int i, j, mid;
    lua_rawgeti(L, 1, lo);
    lua_rawgeti(L, 1, hi);
    if (sort_less(L, -1, -2)) sort_put2(L, lo, hi);  /* t[hi] < t[lo]: swap */
    else lua_pop(L, 2);
    if (hi - lo == 1) return;
    mid = lo + (hi - lo) / 2;
    lua_rawgeti(L, 1, mid);
    lua_rawgeti(L, 1, lo);
    if (sort_less(L, -2, -1)) {  /* t[mid] < t[lo] */
      sort_put2(L, mid, lo);
    } else {
      lua_pop(L, 1);
      lua_rawgeti(L, 1, hi);
      if (sort_less(L, -1, -2)) sort_put2(L, mid, hi);  /* t[hi] < t[mid] */
      else lua_pop(L, 2);
    }
    if (hi - lo == 2) return;
    lua_rawgeti(L, 1, mid);  /* the pivot P stays on the stack during partitioning */
    lua_pushvalue(L, -1);
    lua_rawgeti(L, 1, hi - 1);
    sort_put2(L, mid, hi - 1);  /* t[hi-1] = P */
    i = lo;
    j = hi - 1;
    for (;;) {  /* t[lo..i] <= P <= t[j..hi] */
      for (;;) {
        lua_rawgeti(L, 1, ++i);
        if (!sort_less(L, -1, -2)) break;
        if (i > hi) luaL_error(L, "invalid order function for sorting");
        lua_pop(L, 1);
      }
      for (;;) {
        lua_rawgeti(L, 1, --j);
        if (!sort_less(L, -3, -1)) break;
        if (j < lo) luaL_error(L, "invalid order function for sorting");
        lua_pop(L, 1);
      }
      if (j < i) {
        lua_pop(L, 3);  /* P, t[i], t[j] */
        break;
      }
      sort_put2(L, i, j);
    }
    lua_rawgeti(L, 1, hi - 1);
    lua_rawgeti(L, 1, i);
    sort_put2(L, hi - 1, i);  /* P into its final place i */
    if (i - lo < hi - i) {
      sort_range(L, lo, i - 1);
      lo = i + 1;
    } else {
      sort_range(L, i + 1, hi);
      hi = i - 1;
    }
  }
}

static int t_sort(lua_State *L) {
  int n = checked_len(L, 1);
  luaL_checkstack(L, 40, "");
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 2);
  sort_range(L, 1, n);
  return 0;
}

static const luaL_Reg tab_funcs[] = {
  {"concat", t_concat},
  {"foreach", t_foreach},
  {"foreachi", t_foreachi},
  {"getn", t_getn},
  {"maxn", t_maxn},
  {"insert", t_insert},
  {"remove", t_remove},
  {"setn", t_setn},
  {"sort", t_sort},
  {NULL, NULL}
};

LUALIB_API int luaopen_table(lua_State *L) {
#if defined(FL_ROM)
  flR_openlib(L, LUA_TABLIBNAME, &flR_table);
  (void)tab_funcs;   /* the RAM build's array (genrom.py checks it against the table) */
#else
  luaL_register(L, LUA_TABLIBNAME, tab_funcs);
#endif
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_tablib.inc"   /* the library as a read-only table */
#endif
