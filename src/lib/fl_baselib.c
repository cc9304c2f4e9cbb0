/*
** fl_baselib.c -- the basic library and the coroutine library (manual 5.1, 5.2).
** Uses only the public C API.
*/
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"

/* print's output channel; a port may redirect it to its console */
#ifndef fl_writestring
#define fl_writestring(s) fputs((s), stdout)
#endif

static int b_print(lua_State *L) {
  int n = lua_gettop(L), i;
  lua_getglobal(L, "tostring");  /* looked up at each call, as the manual says */
  for (i = 1; i <= n; i++) {
    const char *s;
    lua_pushvalue(L, -1);
    lua_pushvalue(L, i);
    lua_call(L, 1, 1);
    s = lua_tostring(L, -1);
    if (s == NULL) return luaL_error(L, "'tostring' must return a string to 'print'");
    if (i > 1) fl_writestring("\t");
    fl_writestring(s);
    lua_pop(L, 1);
  }
  fl_writestring("\n");
  return 0;
}

static int b_tonumber(lua_State *L) {
  int base = luaL_optint(L, 2, 10);
  if (base == 10) {
    luaL_checkany(L, 1);
    if (lua_isnumber(L, 1)) {
      lua_pushnumber(L, lua_tonumber(L, 1));
      return 1;
    }
  } else {
    /* strtoul gives lua5.1's exact behaviour (signs, "0x" in base 16, spaces) */
    const char *s = luaL_checkstring(L, 1);
    char *end;
    unsigned long v;
    luaL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
    v = strtoul(s, &end, base);
    if (end != s) {
      while (isspace((unsigned char)*end)) end++;
      if (*end == '\0') {
        lua_pushnumber(L, (lua_Number)v);
        return 1;
      }
    }
  }
  lua_pushnil(L);
  return 1;
}

static int b_error(lua_State *L) {
  int level = luaL_optint(L, 2, 1);
  lua_settop(L, 1);
  if (lua_isstring(L, 1) && level > 0) {  /* prefix the position of that level */
    luaL_where(L, level);
    lua_pushvalue(L, 1);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

static int b_getmetatable(lua_State *L) {
  luaL_checkany(L, 1);
  if (!lua_getmetatable(L, 1)) {
    lua_pushnil(L);
    return 1;
  }
  luaL_getmetafield(L, 1, "__metatable");  /* if present, it hides the metatable */
  return 1;
}

static int b_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argcheck(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table expected");
  if (luaL_getmetafield(L, 1, "__metatable"))
    return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

/* pushes the function given by argument 1: a function, or a stack level */
static void push_level_func(lua_State *L, int optional) {
  if (lua_isfunction(L, 1)) {
    lua_pushvalue(L, 1);
  } else {
    lua_Debug ar;
    int level = optional ? luaL_optint(L, 1, 1) : luaL_checkint(L, 1);
    luaL_argcheck(L, level >= 0, 1, "level must be non-negative");
    if (lua_getstack(L, level, &ar) == 0) luaL_argerror(L, 1, "invalid level");
    lua_getinfo(L, "f", &ar);
    if (lua_isnil(L, -1))
      luaL_error(L, "no function environment for tail call at level %d", level);
  }
}

static int b_getfenv(lua_State *L) {
  push_level_func(L, 1);
  if (lua_iscfunction(L, -1))  /* C functions report the thread's globals */
    lua_pushvalue(L, LUA_GLOBALSINDEX);
  else
    lua_getfenv(L, -1);
  return 1;
}

static int b_setfenv(lua_State *L) {
  luaL_checktype(L, 2, LUA_TTABLE);
  push_level_func(L, 0);
  lua_pushvalue(L, 2);
  if (lua_isnumber(L, 1) && lua_tonumber(L, 1) == 0) {  /* level 0: the thread */
    lua_pushthread(L);
    lua_insert(L, -2);
    lua_setfenv(L, -2);
    return 0;
  }
  if (lua_iscfunction(L, -2) || lua_setfenv(L, -2) == 0)
    return luaL_error(L, "'setfenv' cannot change environment of given object");
  return 1;
}

static int b_rawequal(lua_State *L) {
  luaL_checkany(L, 1);
  luaL_checkany(L, 2);
  lua_pushboolean(L, lua_rawequal(L, 1, 2));
  return 1;
}

static int b_rawget(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  lua_rawget(L, 1);
  return 1;
}

static int b_rawset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

static int b_gcinfo(lua_State *L) {
  lua_pushinteger(L, lua_getgccount(L));
  return 1;
}

static int b_collectgarbage(lua_State *L) {
  static const char *const opts[] = {"stop", "restart", "collect", "count", "step",
                                     "setpause", "setstepmul", NULL};
  static const unsigned char what[] = {LUA_GCSTOP, LUA_GCRESTART, LUA_GCCOLLECT,
                                       LUA_GCCOUNT, LUA_GCSTEP, LUA_GCSETPAUSE,
                                       LUA_GCSETSTEPMUL};
  int o = luaL_checkoption(L, 1, "collect", opts);
  int arg = luaL_optint(L, 2, 0);
  int res = lua_gc(L, what[o], arg);
  switch (what[o]) {
    case LUA_GCCOUNT: {  /* kilobytes, with the bytes as fraction */
      int bytes = lua_gc(L, LUA_GCCOUNTB, 0);
      lua_pushnumber(L, (lua_Number)res + (lua_Number)bytes / 1024);
      break;
    }
    case LUA_GCSTEP:
      lua_pushboolean(L, res);
      break;
    default:
      lua_pushnumber(L, (lua_Number)res);
      break;
  }
  return 1;
}

static int b_type(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushstring(L, luaL_typename(L, 1));
  return 1;
}

static int b_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

/* pairs and ipairs hand out their iterator: the read-only closure (FL_ROM), else the one kept
** in their first upvalue */
#if defined(FL_ROM)
#define pushiter(L, rom)  flR_pushclosure(L, &rom)
#else
#define pushiter(L, rom)  lua_pushvalue(L, lua_upvalueindex(1))
#endif

#if defined(FL_ROM)
static int pairs_next(lua_State *L) {   /* as in 5.1, pairs' iterator is not the global next */
  return b_next(L);
}
#endif

static int b_pairs(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  pushiter(L, flR_f_fl_baselib_pairs_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

static int ipairs_step(lua_State *L) {
  int i = luaL_checkint(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  if (i == INT_MAX) return 0;
  i++;
  lua_pushinteger(L, i);
  lua_rawgeti(L, 1, i);
  return lua_isnil(L, -1) ? 0 : 2;
}

static int b_ipairs(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  pushiter(L, flR_f_fl_baselib_ipairs_step);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

/* the results of a load: the function, or nil plus the message */
static int load_result(lua_State *L, int status) {
  if (status == 0) return 1;
  lua_pushnil(L);
  lua_insert(L, -2);
  return 2;
}

static int b_loadstring(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  const char *name = luaL_optstring(L, 2, s);
  return load_result(L, luaL_loadbuffer(L, s, len, name));
}

static int b_loadfile(lua_State *L) {
  const char *fname = luaL_optstring(L, 1, NULL);
  return load_result(L, luaL_loadfile(L, fname));
}

/* load's reader: calls argument 1; slot 3 anchors the piece being parsed */
static const char *call_reader(lua_State *L, void *ud, size_t *size) {
  (void)ud;
  luaL_checkstack(L, 2, "too many nested functions");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  if (lua_isnil(L, -1)) {
    *size = 0;
    return NULL;
  }
  if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
  lua_replace(L, 3);
  return lua_tolstring(L, 3, size);
}

static int b_load(lua_State *L) {
  const char *name = luaL_optstring(L, 2, "=(load)");
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 3);
  return load_result(L, lua_load(L, call_reader, NULL, name));
}

static int b_dofile(lua_State *L) {
  const char *fname = luaL_optstring(L, 1, NULL);
  int base = lua_gettop(L);
  if (luaL_loadfile(L, fname) != 0) lua_error(L);
  lua_call(L, 0, LUA_MULTRET);
  return lua_gettop(L) - base;
}

static int b_assert(lua_State *L) {
  luaL_checkany(L, 1);
  if (!lua_toboolean(L, 1))
    return luaL_error(L, "%s", luaL_optstring(L, 2, "assertion failed!"));
  return lua_gettop(L);
}

static int b_unpack(lua_State *L) {
  int i, e;
  unsigned int n;
  luaL_checktype(L, 1, LUA_TTABLE);
  i = luaL_optint(L, 2, 1);
  e = luaL_opt(L, luaL_checkint, 3, luaL_getn(L, 1));
  if (i > e) return 0;
  n = (unsigned int)e - (unsigned int)i;  /* count - 1, computed without overflow */
  if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)n + 1))
    return luaL_error(L, "too many results to unpack");
  for (;; i++) {
    lua_rawgeti(L, 1, i);
    if (i == e) break;
  }
  return (int)n + 1;
}

static int b_select(lua_State *L) {
  int n = lua_gettop(L);
  if (lua_type(L, 1) == LUA_TSTRING && *lua_tostring(L, 1) == '#') {
    lua_pushinteger(L, n - 1);
    return 1;
  } else {
    int i = luaL_checkint(L, 1);
    if (i < 0) i = n + i;
    else if (i > n) i = n;
    luaL_argcheck(L, 1 <= i, 1, "index out of range");
    return n - i;
  }
}

static int b_pcall(lua_State *L) {
  int status;
  luaL_checkany(L, 1);
  status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  lua_pushboolean(L, status == 0);
  lua_insert(L, 1);
  return lua_gettop(L);
}

static int b_xpcall(lua_State *L) {
  int status;
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  lua_insert(L, 1);  /* handler below the function */
  status = lua_pcall(L, 0, LUA_MULTRET, 1);
  lua_pushboolean(L, status == 0);
  lua_replace(L, 1);
  return lua_gettop(L);
}

static int b_tostring(lua_State *L) {
  luaL_checkany(L, 1);
  if (luaL_callmeta(L, 1, "__tostring")) return 1;
  switch (lua_type(L, 1)) {
    case LUA_TNUMBER:
      lua_pushstring(L, lua_tostring(L, 1));
      break;
    case LUA_TSTRING:
      lua_pushvalue(L, 1);
      break;
    case LUA_TBOOLEAN:
      lua_pushstring(L, lua_toboolean(L, 1) ? "true" : "false");
      break;
    case LUA_TNIL:
      lua_pushliteral(L, "nil");
      break;
    default:
      lua_pushfstring(L, "%s: %p", luaL_typename(L, 1), lua_topointer(L, 1));
      break;
  }
  return 1;
}

/* A weak table whose keys are the metatables that newproxy made: newproxy's upvalue in a RAM
** build, registry[&proxykey] (made on first use) in an FL_ROM build. */
static void newproxies(lua_State *L) {
  lua_createtable(L, 0, 1);     /* weak, and its own metatable */
  lua_pushvalue(L, -1);
  lua_setmetatable(L, -2);
  lua_pushliteral(L, "kv");
  lua_setfield(L, -2, "__mode");
}

#if defined(FL_ROM)
static char proxykey;

static void pushproxies(lua_State *L) {
  lua_pushlightuserdata(L, &proxykey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    newproxies(L);
    lua_pushlightuserdata(L, &proxykey);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
  }
}
#else
#define pushproxies(L)  lua_pushvalue(L, lua_upvalueindex(1))
#endif

static int b_newproxy(lua_State *L) {
  lua_settop(L, 1);
  lua_newuserdata(L, 0);
  if (!lua_toboolean(L, 1)) return 1;  /* no metatable wanted */
  pushproxies(L);                      /* index 3 */
  if (lua_isboolean(L, 1)) {
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_pushboolean(L, 1);
    lua_rawset(L, 3);
  } else {  /* share the metatable of another proxy */
    int ok = 0;
    if (lua_getmetatable(L, 1)) {
      lua_rawget(L, 3);
      ok = lua_toboolean(L, -1);
      lua_pop(L, 1);
    }
    luaL_argcheck(L, ok, 1, "boolean or proxy expected");
    lua_getmetatable(L, 1);
  }
  lua_setmetatable(L, 2);
  lua_settop(L, 2);
  return 1;
}

static const luaL_Reg base_funcs[] = {
  {"assert", b_assert},
  {"collectgarbage", b_collectgarbage},
  {"dofile", b_dofile},
  {"error", b_error},
  {"gcinfo", b_gcinfo},
  {"getfenv", b_getfenv},
  {"getmetatable", b_getmetatable},
  {"loadfile", b_loadfile},
  {"load", b_load},
  {"loadstring", b_loadstring},
  {"next", b_next},
  {"pcall", b_pcall},
  {"print", b_print},
  {"rawequal", b_rawequal},
  {"rawget", b_rawget},
  {"rawset", b_rawset},
  {"select", b_select},
  {"setfenv", b_setfenv},
  {"setmetatable", b_setmetatable},
  {"tonumber", b_tonumber},
  {"tostring", b_tostring},
  {"type", b_type},
  {"unpack", b_unpack},
  {"xpcall", b_xpcall},
  {NULL, NULL}
};

/* ---- coroutines -------------------------------------------------------------------- */

enum { CO_RUNNING, CO_SUSPENDED, CO_NORMAL, CO_DEAD };
static const char *const co_names[] = {"running", "suspended", "normal", "dead"};

static int co_status(lua_State *L, lua_State *co) {
  lua_Debug ar;
  if (L == co) return CO_RUNNING;
  switch (lua_status(co)) {
    case LUA_YIELD:
      return CO_SUSPENDED;
    case 0:
      if (lua_getstack(co, 0, &ar) > 0) return CO_NORMAL;  /* it resumed another one */
      return lua_gettop(co) == 0 ? CO_DEAD : CO_SUSPENDED;  /* finished / not started */
    default:  /* died with an error */
      return CO_DEAD;
  }
}

/* resumes co with narg values from L's top; returns the result count, or -1 with
** the error message on L's top */
static int co_resume(lua_State *L, lua_State *co, int narg) {
  int status = co_status(L, co);
  if (!lua_checkstack(co, narg)) luaL_error(L, "too many arguments to resume");
  if (status != CO_SUSPENDED) {
    lua_pushfstring(L, "cannot resume %s coroutine", co_names[status]);
    return -1;
  }
  lua_xmove(L, co, narg);
  lua_setlevel(L, co);
  status = lua_resume(co, narg);
  if (status == 0 || status == LUA_YIELD) {
    int nres = lua_gettop(co);
    if (!lua_checkstack(L, nres + 1)) luaL_error(L, "too many results to resume");
    lua_xmove(co, L, nres);
    return nres;
  }
  lua_xmove(co, L, 1);
  return -1;
}

static lua_State *check_co(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  luaL_argcheck(L, co, 1, "coroutine expected");
  return co;
}

static int co_resumef(lua_State *L) {
  lua_State *co = check_co(L);
  int r = co_resume(L, co, lua_gettop(L) - 1);
  if (r < 0) {
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
  }
  lua_pushboolean(L, 1);
  lua_insert(L, -(r + 1));
  return r + 1;
}

static int co_wrapped(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int r = co_resume(L, co, lua_gettop(L));
  if (r < 0) {
    if (lua_isstring(L, -1)) {  /* add the caller's position, as lua5.1 does */
      luaL_where(L, 1);
      lua_insert(L, -2);
      lua_concat(L, 2);
    }
    lua_error(L);
  }
  return r;
}

static int co_create(lua_State *L) {
  lua_State *co = lua_newthread(L);
  luaL_argcheck(L, lua_isfunction(L, 1) && !lua_iscfunction(L, 1), 1,
                "Lua function expected");
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  return 1;
}

static int co_wrap(lua_State *L) {
  co_create(L);
  lua_pushcclosure(L, co_wrapped, 1);
  return 1;
}

static int co_yield(lua_State *L) {
  return lua_yield(L, lua_gettop(L));
}

static int co_statusf(lua_State *L) {
  lua_pushstring(L, co_names[co_status(L, check_co(L))]);
  return 1;
}

static int co_running(lua_State *L) {
  if (lua_pushthread(L)) lua_pushnil(L);  /* the main thread is reported as nil */
  return 1;
}

static const luaL_Reg co_funcs[] = {
  {"create", co_create},
  {"resume", co_resumef},
  {"running", co_running},
  {"status", co_statusf},
  {"wrap", co_wrap},
  {"yield", co_yield},
  {NULL, NULL}
};

/* ---- opening ----------------------------------------------------------------------- */

#if !defined(FL_ROM)
static void set_with_upvalue(lua_State *L, const char *name, lua_CFunction f,
                             lua_CFunction up) {
  lua_pushcfunction(L, up);
  lua_pushcclosure(L, f, 1);
  lua_setfield(L, -2, name);
}
#endif

LUALIB_API int luaopen_base(lua_State *L) {
  lua_pushvalue(L, LUA_GLOBALSINDEX);
  lua_setglobal(L, "_G");
#if defined(FL_ROM)
  /* the base functions are read-only closures in a read-only table that _G's misses fall
  ** through to (luaL_openlibs: one with every library); _G holds only _G and _VERSION */
  (void)base_funcs;   /* the RAM build's array (genrom.py checks it against the table) */
  flR_setback(L, LUA_GLOBALSINDEX, &flR_base, 0);
  {
    static const luaL_Reg none[] = {{NULL, NULL}};
    luaL_register(L, "_G", none);      /* package.loaded._G = _G, left on the stack */
  }
  lua_pushliteral(L, LUA_VERSION);
  lua_setglobal(L, "_VERSION");
  flR_openlib(L, LUA_COLIBNAME, &flR_coroutine);
  (void)co_funcs;
#else
  luaL_register(L, "_G", base_funcs);
  lua_pushliteral(L, LUA_VERSION);
  lua_setglobal(L, "_VERSION");
  set_with_upvalue(L, "ipairs", b_ipairs, ipairs_step);
  set_with_upvalue(L, "pairs", b_pairs, b_next);
  newproxies(L);
  lua_pushcclosure(L, b_newproxy, 1);
  lua_setglobal(L, "newproxy");
  luaL_register(L, LUA_COLIBNAME, co_funcs);
#endif
  return 2;
}

#if defined(FL_ROM)
#include "rom_fl_baselib.inc"   /* the closures of the read-only tables */
#endif
