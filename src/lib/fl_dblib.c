/*
** fl_dblib.c -- the debug library (reference manual section 5.9), on the public C API only.
**
** Most functions accept an optional thread as first argument: 'arg' is then 1 and every
** other argument moves one place right. Lua hooks are kept as 5.1 does: the registry entry
** keyed by the address of hook_key holds a table mapping each thread (as a light userdata)
** to its Lua hook function; the C hook 'hook_call' looks the function up there.
*/
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"

static char hook_key;  /* its address keys the hook table in the registry */

/* the thread being inspected: an explicit first argument, or L itself */
static lua_State *getthread(lua_State *L, int *arg) {
  if (lua_isthread(L, 1)) {
    *arg = 1;
    return lua_tothread(L, 1);
  }
  *arg = 0;
  return L;
}

static int db_getregistry(lua_State *L) {
  lua_pushvalue(L, LUA_REGISTRYINDEX);
  return 1;
}

static int db_getmetatable(lua_State *L) {
  luaL_checkany(L, 1);
  if (!lua_getmetatable(L, 1)) lua_pushnil(L);
  return 1;
}

static int db_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_argcheck(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table expected");
  lua_settop(L, 2);
  lua_pushboolean(L, lua_setmetatable(L, 1));
  return 1;
}

static int db_getfenv(lua_State *L) {
  luaL_checkany(L, 1);
  lua_getfenv(L, 1);
  return 1;
}

static int db_setfenv(lua_State *L) {
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  if (lua_setfenv(L, 1) == 0)
    luaL_error(L, "'setfenv' cannot change environment of given object");
  return 1;
}

/* ---- getinfo */

static void set_str(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, int v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

/* Move a value that lua_getinfo pushed on L1 into field k of the result table on L's top.
** When L1 == L the value sits just below the table. */
static void set_pushed(lua_State *L, lua_State *L1, const char *k) {
  if (L == L1) {
    lua_pushvalue(L, -2);
    lua_remove(L, -3);
  }
  else
    lua_xmove(L1, L, 1);
  lua_setfield(L, -2, k);
}

static int db_getinfo(lua_State *L) {
  lua_Debug ar;
  int arg;
  lua_State *L1 = getthread(L, &arg);
  const char *opts = luaL_optstring(L, arg + 2, "flnSu");
  if (strchr(opts, '>') != NULL)  /* reserved for the C API: never from Lua */
    return luaL_argerror(L, arg + 2, "invalid option");
  if (lua_isnumber(L, arg + 1)) {
    if (!lua_getstack(L1, (int)lua_tointeger(L, arg + 1), &ar)) {
      lua_pushnil(L);  /* level out of range */
      return 1;
    }
  }
  else if (lua_isfunction(L, arg + 1)) {
    lua_pushfstring(L, ">%s", opts);
    opts = lua_tostring(L, -1);
    lua_pushvalue(L, arg + 1);
    lua_xmove(L, L1, 1);
  }
  else
    return luaL_argerror(L, arg + 1, "function or level expected");
  if (!lua_getinfo(L1, opts, &ar))
    return luaL_argerror(L, arg + 2, "invalid option");
  lua_createtable(L, 0, 2);
  if (strchr(opts, 'S') != NULL) {
    set_str(L, "source", ar.source);
    set_str(L, "short_src", ar.short_src);
    set_int(L, "linedefined", ar.linedefined);
    set_int(L, "lastlinedefined", ar.lastlinedefined);
    set_str(L, "what", ar.what);
  }
  if (strchr(opts, 'l') != NULL) set_int(L, "currentline", ar.currentline);
  if (strchr(opts, 'u') != NULL) set_int(L, "nups", ar.nups);
  if (strchr(opts, 'n') != NULL) {
    set_str(L, "name", ar.name);
    set_str(L, "namewhat", ar.namewhat);
  }
  /* lua_getinfo pushed 'f' before 'L': take them from the top down */
  if (strchr(opts, 'L') != NULL) set_pushed(L, L1, "activelines");
  if (strchr(opts, 'f') != NULL) set_pushed(L, L1, "func");
  return 1;
}

/* ---- locals and upvalues */

static int db_getlocal(lua_State *L) {
  int arg;
  lua_State *L1 = getthread(L, &arg);
  lua_Debug ar;
  const char *name;
  if (!lua_getstack(L1, luaL_checkint(L, arg + 1), &ar))
    return luaL_argerror(L, arg + 1, "level out of range");
  name = lua_getlocal(L1, &ar, luaL_checkint(L, arg + 2));
  if (name == NULL) {
    lua_pushnil(L);
    return 1;
  }
  lua_xmove(L1, L, 1);
  lua_pushstring(L, name);
  lua_insert(L, -2);
  return 2;
}

static int db_setlocal(lua_State *L) {
  int arg;
  lua_State *L1 = getthread(L, &arg);
  lua_Debug ar;
  if (!lua_getstack(L1, luaL_checkint(L, arg + 1), &ar))
    return luaL_argerror(L, arg + 1, "level out of range");
  luaL_checkany(L, arg + 3);
  lua_settop(L, arg + 3);
  lua_xmove(L, L1, 1);
  lua_pushstring(L, lua_setlocal(L1, &ar, luaL_checkint(L, arg + 2)));
  return 1;
}

/* get (get != 0) or set an upvalue of a Lua function; C upvalues are not reachable */
static int upvalue(lua_State *L, int get) {
  int n = luaL_checkint(L, 2);
  const char *name;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  if (lua_iscfunction(L, 1)) return 0;
  name = get ? lua_getupvalue(L, 1, n) : lua_setupvalue(L, 1, n);
  if (name == NULL) return 0;
  lua_pushstring(L, name);
  if (get) lua_insert(L, -2);  /* name, value */
  return get + 1;
}

static int db_getupvalue(lua_State *L) {
  return upvalue(L, 1);
}

static int db_setupvalue(lua_State *L) {
  luaL_checkany(L, 3);
  return upvalue(L, 0);
}

/* ---- hooks */

/* push the hook table of the registry, creating it on first use */
static void push_hooktable(lua_State *L) {
  lua_pushlightuserdata(L, &hook_key);
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 1);
    lua_pushlightuserdata(L, &hook_key);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
  }
}

static void hook_call(lua_State *L, lua_Debug *ar) {
  static const char *const events[] = { "call", "return", "line", "count", "tail return" };
  lua_pushlightuserdata(L, &hook_key);
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    return;
  }
  lua_pushlightuserdata(L, L);
  lua_rawget(L, -2);
  if (lua_isfunction(L, -1) && ar->event >= 0 && ar->event <= LUA_HOOKTAILRET) {
    lua_pushstring(L, events[ar->event]);
    if (ar->event == LUA_HOOKLINE) lua_pushinteger(L, ar->currentline);
    else lua_pushnil(L);
    lua_call(L, 2, 0);
  }
  else
    lua_pop(L, 1);
  lua_pop(L, 1);
}

static int db_sethook(lua_State *L) {
  int arg, mask = 0, count = 0;
  lua_Hook fn = NULL;
  lua_State *L1 = getthread(L, &arg);
  if (lua_isnoneornil(L, arg + 1))
    lua_settop(L, arg + 1);  /* turn hooks off; nil is stored below */
  else {
    const char *smask = luaL_checkstring(L, arg + 2);
    luaL_checktype(L, arg + 1, LUA_TFUNCTION);
    count = luaL_optint(L, arg + 3, 0);
    if (strchr(smask, 'c') != NULL) mask |= LUA_MASKCALL;
    if (strchr(smask, 'r') != NULL) mask |= LUA_MASKRET;
    if (strchr(smask, 'l') != NULL) mask |= LUA_MASKLINE;
    if (count > 0) mask |= LUA_MASKCOUNT;
    fn = hook_call;
  }
  lua_sethook(L1, fn, mask, count);
  push_hooktable(L1);
  lua_pushlightuserdata(L1, L1);
  lua_pushvalue(L, arg + 1);
  lua_xmove(L, L1, 1);
  lua_rawset(L1, -3);
  lua_pop(L1, 1);
  return 0;
}

static int db_gethook(lua_State *L) {
  int arg, mask, i = 0;
  lua_State *L1 = getthread(L, &arg);
  lua_Hook fn = lua_gethook(L1);
  char smask[4];
  if (fn != NULL && fn != hook_call)
    lua_pushliteral(L, "external hook");
  else {
    push_hooktable(L1);
    lua_pushlightuserdata(L1, L1);
    lua_rawget(L1, -2);
    lua_remove(L1, -2);
    lua_xmove(L1, L, 1);
  }
  mask = lua_gethookmask(L1);
  if (mask & LUA_MASKCALL) smask[i++] = 'c';
  if (mask & LUA_MASKRET) smask[i++] = 'r';
  if (mask & LUA_MASKLINE) smask[i++] = 'l';
  smask[i] = '\0';
  lua_pushstring(L, smask);
  lua_pushinteger(L, lua_gethookcount(L1));
  return 3;
}

/* ---- interactive debugging */

static int db_debug(lua_State *L) {
  for (;;) {
    char line[250];
    fputs("lua_debug> ", stderr);
    if (fgets(line, sizeof line, stdin) == NULL || strcmp(line, "cont\n") == 0)
      return 0;
    if (luaL_loadbuffer(L, line, strlen(line), "=(debug command)") != 0 ||
        lua_pcall(L, 0, 0, 0) != 0) {
      const char *msg = lua_tostring(L, -1);  /* 5.1 crashes on a non-string error */
      fputs(msg != NULL ? msg : "(error object is not a string)", stderr);
      fputs("\n", stderr);
    }
    lua_settop(L, 0);
  }
}

/* ---- traceback */

#define TB_HEAD  12  /* levels below this one are always shown */
#define TB_TAIL  10  /* levels shown at the bottom of a long stack */

/* the deepest valid level, known to be at least 'from' */
static int last_level(lua_State *L1, int from) {
  lua_Debug ar;
  int lo = from, step = 1;
  while (lua_getstack(L1, lo + step, &ar)) {  /* gallop, then bisect */
    lo += step;
    if (step < (1 << 20)) step *= 2;
  }
  while (step > 1) {
    step /= 2;
    if (lua_getstack(L1, lo + step, &ar)) lo += step;
  }
  return lo;
}

/*
** debug.traceback([thread,] [msg [, level]]). The stack operations follow 5.1 closely
** because its odd cases are observable: a numeric level is removed by popping the top,
** a non-string message is returned as the stack top, and the result is the concatenation
** of everything above the thread argument.
*/
static int db_traceback(lua_State *L) {
  int arg, level, head = 1;
  lua_State *L1 = getthread(L, &arg);
  lua_Debug ar;
  if (lua_isnumber(L, arg + 2)) {
    level = (int)lua_tointeger(L, arg + 2);
    lua_pop(L, 1);
  }
  else
    level = (L == L1) ? 1 : 0;  /* skip traceback itself */
  if (lua_gettop(L) == arg)
    lua_pushliteral(L, "");
  else if (!lua_isstring(L, arg + 1))
    return 1;
  else
    lua_pushliteral(L, "\n");
  lua_pushliteral(L, "stack traceback:");
  while (lua_getstack(L1, level, &ar)) {
    if (head && level >= TB_HEAD) {
      head = 0;
      if (lua_getstack(L1, level + TB_TAIL + 1, &ar)) {  /* too many: show the last ones */
        lua_pushliteral(L, "\n\t...");
        level = last_level(L1, level + TB_TAIL + 1) - TB_TAIL + 1;
        continue;
      }
    }
    lua_getinfo(L1, "Snl", &ar);
    lua_pushfstring(L, "\n\t%s:", ar.short_src);
    if (ar.currentline > 0) lua_pushfstring(L, "%d:", ar.currentline);
    if (*ar.namewhat != '\0')
      lua_pushfstring(L, " in function '%s'", ar.name);
    else if (*ar.what == 'm')
      lua_pushliteral(L, " in main chunk");
    else if (*ar.what == 'C' || *ar.what == 't')
      lua_pushliteral(L, " ?");
    else
      lua_pushfstring(L, " in function <%s:%d>", ar.short_src, ar.linedefined);
    lua_concat(L, lua_gettop(L) - arg);
    level++;
  }
  lua_concat(L, lua_gettop(L) - arg);
  return 1;
}

static const luaL_Reg db_funcs[] = {
  { "debug", db_debug },
  { "getfenv", db_getfenv },
  { "gethook", db_gethook },
  { "getinfo", db_getinfo },
  { "getlocal", db_getlocal },
  { "getregistry", db_getregistry },
  { "getmetatable", db_getmetatable },
  { "getupvalue", db_getupvalue },
  { "setfenv", db_setfenv },
  { "sethook", db_sethook },
  { "setlocal", db_setlocal },
  { "setmetatable", db_setmetatable },
  { "setupvalue", db_setupvalue },
  { "traceback", db_traceback },
  { NULL, NULL }
};

LUALIB_API int luaopen_debug(lua_State *L) {
#if defined(FL_ROM)
  flR_openlib(L, LUA_DBLIBNAME, &flR_debug);
  (void)db_funcs;   /* the RAM build's array (genrom.py checks it against the table) */
#else
  luaL_register(L, LUA_DBLIBNAME, db_funcs);
#endif
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_dblib.inc"   /* the library as a read-only table */
#endif
