/*
** fl_loadlib.c -- the package library: require, module and package.* (reference manual
** section 5.3), on the public C API only. Dynamic libraries go through fl_port.h.
**
** As in Lua 5.1, the searchers read package.path, package.cpath, package.preload and
** package.loaders from the package table even if the global 'package' is replaced (a RAM
** build: every function registered here has it as its environment; an FL_ROM build: package
** is a read-only table whose lazy fields -- path, cpath, config, loaded, loaders, preload --
** are made by pk_fill on first use, see docs/ram-at-rest.md).
** package.loaders is an ordinary table: preload, Lua file, C file, C all-in-one. A port may
** insert more searchers (a flash-store one goes right after preload).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_port.h"
#include "fl_romlib.h"

#define LIB_PREFIX  "LOADLIB: "  /* registry key prefix of the loaded libraries */
#define LIB_META    "_LOADLIB"   /* metatable of their handles */
#define OPEN_PREFIX "luaopen_"
#define FUNC_SEP    "_"          /* replaces '.' in the names of C open functions */
#define ERR_LIB     1            /* the library could not be loaded */
#define ERR_FUNC    2            /* the library has no such function */

static char sentinel;  /* package.loaded[name] while the module 'name' is running */

/* push package[f] */
static void pkfield(lua_State *L, const char *f) {
#if defined(FL_ROM)
  flR_pushtable(L, &flR_package);
  lua_getfield(L, -1, f);
  lua_remove(L, -2);
#else
  lua_getfield(L, LUA_ENVIRONINDEX, f);
#endif
}

/* ---- dynamic libraries */

static int lib_gc(lua_State *L) {
  void **lib = (void **)luaL_checkudata(L, 1, LIB_META);
  if (*lib != NULL) fl_port_dlclose(*lib);
  *lib = NULL;
  return 0;
}

/* The slot of library 'path' in the registry, created empty when new (left on the stack). */
static void **lib_slot(lua_State *L, const char *path) {
  void **slot;
  lua_pushfstring(L, LIB_PREFIX "%s", path);
  lua_gettable(L, LUA_REGISTRYINDEX);
  if (!lua_isnil(L, -1))
    return (void **)lua_touserdata(L, -1);
  lua_pop(L, 1);
  slot = (void **)lua_newuserdata(L, sizeof(void *));
  *slot = NULL;
  luaL_getmetatable(L, LIB_META);
  lua_setmetatable(L, -2);
  lua_pushfstring(L, LIB_PREFIX "%s", path);
  lua_pushvalue(L, -2);
  lua_settable(L, LUA_REGISTRYINDEX);
  return slot;
}

/* Push function 'sym' of library 'path' and return 0, or push a message and return ERR_*. */
static int lib_func(lua_State *L, const char *path, const char *sym) {
  void **slot = lib_slot(L, path);
  lua_CFunction f;
  if (*slot == NULL) *slot = fl_port_dlopen(L, path);
  if (*slot == NULL) return ERR_LIB;
  f = fl_port_dlsym(L, *slot, sym);
  if (f == NULL) return ERR_FUNC;
  lua_pushcfunction(L, f);
  return 0;
}

static int pk_loadlib(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *init = luaL_checkstring(L, 2);
  int st = lib_func(L, path, init);
  if (st == 0) return 1;
  lua_pushnil(L);
  lua_insert(L, -2);
  lua_pushstring(L, st == ERR_LIB ? fl_port_dlfail : "init");
  return 3;
}

/* ---- searching paths */

static int readable(const char *name) {
  FILE *f = fopen(name, "r");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

/* Look for module 'name' along package[pfield]. Returns the file name (on the stack), or
** NULL with the list of tried files on the stack ("\n\tno file '...'" each). */
static const char *findfile(lua_State *L, const char *name, const char *pfield) {
  const char *path;
  name = luaL_gsub(L, name, ".", LUA_DIRSEP);
  pkfield(L, pfield);
  path = lua_tostring(L, -1);
  if (path == NULL) luaL_error(L, "'package.%s' must be a string", pfield);
  lua_pushliteral(L, "");
  for (;;) {
    const char *end, *fname;
    while (*path == *LUA_PATHSEP) path++;
    if (*path == '\0') return NULL;
    end = strchr(path, *LUA_PATHSEP);
    if (end == NULL) end = path + strlen(path);
    lua_pushlstring(L, path, (size_t)(end - path));
    path = end;
    fname = luaL_gsub(L, lua_tostring(L, -1), LUA_PATH_MARK, name);
    lua_remove(L, -2);
    if (readable(fname)) return fname;
    lua_pushfstring(L, "\n\tno file '%s'", fname);
    lua_remove(L, -2);
    lua_concat(L, 2);
  }
}

static void load_error(lua_State *L, const char *fname) {
  luaL_error(L, "error loading module '%s' from file '%s':\n\t%s",
             lua_tostring(L, 1), fname, lua_tostring(L, -1));
}

/* "luaopen_" + the module name after any "-", with '.' turned into '_' */
static const char *open_name(lua_State *L, const char *modname) {
  const char *mark = strchr(modname, *LUA_IGMARK);
  if (mark != NULL) modname = mark + 1;
  modname = luaL_gsub(L, modname, ".", FUNC_SEP);
  modname = lua_pushfstring(L, OPEN_PREFIX "%s", modname);
  lua_remove(L, -2);
  return modname;
}

/* ---- the searchers: return a loader function, an error string, or nothing */

static int search_preload(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  pkfield(L, "preload");
  if (!lua_istable(L, -1)) luaL_error(L, "'package.preload' must be a table");
  lua_getfield(L, -1, name);
  if (lua_isnil(L, -1))
    lua_pushfstring(L, "\n\tno field package.preload['%s']", name);
  return 1;
}

static int search_lua(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *fname = findfile(L, name, "path");
  if (fname == NULL) return 1;
  if (luaL_loadfile(L, fname) != 0) load_error(L, fname);
  return 1;
}

static int search_c(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *fname = findfile(L, name, "cpath");
  if (fname == NULL) return 1;
  if (lib_func(L, fname, open_name(L, name)) != 0) load_error(L, fname);
  return 1;
}

/* "a.b.c" in the C library of its root "a" */
static int search_croot(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *dot = strchr(name, '.');
  const char *fname;
  int st;
  if (dot == NULL) return 0;
  lua_pushlstring(L, name, (size_t)(dot - name));
  fname = findfile(L, lua_tostring(L, -1), "cpath");
  if (fname == NULL) return 1;
  st = lib_func(L, fname, open_name(L, name));
  if (st == ERR_LIB) load_error(L, fname);
  if (st == ERR_FUNC)
    lua_pushfstring(L, "\n\tno module '%s' in file '%s'", name, fname);
  return 1;
}

/* ---- require and module */

static int pk_require(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  int i;
  lua_settop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");  /* index 2 */
  lua_getfield(L, 2, name);
  if (lua_toboolean(L, -1)) {
    if (lua_touserdata(L, -1) == &sentinel)
      luaL_error(L, "loop or previous error loading module '%s'", name);
    return 1;
  }
  pkfield(L, "loaders");
  if (!lua_istable(L, -1)) luaL_error(L, "'package.loaders' must be a table");
  lua_pushliteral(L, "");  /* what the searchers tried */
  for (i = 1;; i++) {
    lua_rawgeti(L, -2, i);
    if (lua_isnil(L, -1))
      luaL_error(L, "module '%s' not found:%s", name, lua_tostring(L, -2));
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
    if (lua_isfunction(L, -1)) break;
    if (lua_isstring(L, -1)) lua_concat(L, 2);
    else lua_pop(L, 1);
  }
  lua_pushlightuserdata(L, &sentinel);
  lua_setfield(L, 2, name);
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
  if (!lua_isnil(L, -1)) lua_setfield(L, 2, name);
  lua_getfield(L, 2, name);
  if (lua_touserdata(L, -1) == &sentinel) {  /* the module set no value: true */
    lua_pushboolean(L, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, 2, name);
  }
  return 1;
}

/* make the table on the stack top the environment of the Lua function calling module() */
static void set_caller_env(lua_State *L) {
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar) == 0 || lua_getinfo(L, "f", &ar) == 0 ||
      lua_iscfunction(L, -1))
    luaL_error(L, "'module' not called from a Lua function");
  lua_pushvalue(L, -2);
  lua_setfenv(L, -2);
  lua_pop(L, 1);
}

static int pk_module(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  int nopts = lua_gettop(L);  /* options are arguments 2..nopts */
  int loaded = nopts + 1;
  int i;
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
  lua_getfield(L, loaded, name);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    /* the global of that (dotted) name, created if absent */
    if (luaL_findtable(L, LUA_GLOBALSINDEX, name, 1) != NULL)
      return luaL_error(L, "name conflict for module '%s'", name);
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, name);
  }
  lua_getfield(L, -1, "_NAME");
  if (lua_isnil(L, -1)) {  /* a new module: _M, _NAME, _PACKAGE */
    const char *last = strrchr(name, '.');
    last = (last == NULL) ? name : last + 1;
    lua_pushvalue(L, -2);
    lua_setfield(L, -3, "_M");
    lua_pushstring(L, name);
    lua_setfield(L, -3, "_NAME");
    lua_pushlstring(L, name, (size_t)(last - name));
    lua_setfield(L, -3, "_PACKAGE");
  }
  lua_pop(L, 1);
  lua_pushvalue(L, -1);
  set_caller_env(L);
  for (i = 2; i <= nopts; i++) {  /* each option is called with the module */
    lua_pushvalue(L, i);
    lua_pushvalue(L, -2);
    lua_call(L, 1, 0);
  }
  return 0;
}

static int pk_seeall(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  if (!lua_getmetatable(L, 1)) {
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, -1);
    lua_setmetatable(L, 1);
  }
  lua_pushvalue(L, LUA_GLOBALSINDEX);
  lua_setfield(L, -2, "__index");
  return 0;
}

/* ---- opening */

/* package[field] = the environment variable 'var', with ";;" standing for 'def', or 'def' */
static void set_path(lua_State *L, const char *field, const char *var, const char *def) {
  const char *path = getenv(var);
  if (path == NULL)
    lua_pushstring(L, def);
  else {
    path = luaL_gsub(L, path, LUA_PATHSEP LUA_PATHSEP, LUA_PATHSEP "\1" LUA_PATHSEP);
    luaL_gsub(L, path, "\1", def);
    lua_remove(L, -2);
  }
  lua_setfield(L, -2, field);
}

static const luaL_Reg pk_funcs[] = {
  { "loadlib", pk_loadlib },
  { "seeall", pk_seeall },
  { NULL, NULL }
};

static const luaL_Reg global_funcs[] = {
  { "module", pk_module },
  { "require", pk_require },
  { NULL, NULL }
};

static const lua_CFunction searchers[] = {
  search_preload, search_lua, search_c, search_croot
};

/* the fields of the package table (at 1): loaders, path, cpath, config, loaded, preload */
static int pk_fill(lua_State *L) {
  int i, n = (int)(sizeof searchers / sizeof searchers[0]);
  int nargs = lua_gettop(L);
  flR_lazystart(L, 1);
  lua_pushvalue(L, 1);
  lua_createtable(L, n, 0);
  for (i = 0; i < n; i++) {
    lua_pushcfunction(L, searchers[i]);
    lua_rawseti(L, -2, i + 1);
  }
#if defined(FL_ROM)
  flN_insertsearcher(L);   /* the flash store's searcher (fl_nodelib.c), if it holds an image */
#endif
  lua_setfield(L, -2, "loaders");
  set_path(L, "path", LUA_PATH, LUA_PATH_DEFAULT);
  set_path(L, "cpath", LUA_CPATH, LUA_CPATH_DEFAULT);
  lua_pushliteral(L, LUA_DIRSEP "\n" LUA_PATHSEP "\n" LUA_PATH_MARK "\n"
                     LUA_EXECDIR "\n" LUA_IGMARK);
  lua_setfield(L, -2, "config");
  luaL_findtable(L, LUA_REGISTRYINDEX, "_LOADED", 2);
  lua_setfield(L, -2, "loaded");
  lua_newtable(L);
  lua_setfield(L, -2, "preload");
  lua_pop(L, 1);
  return flR_lazydone(L, nargs);
}

LUALIB_API int luaopen_package(lua_State *L) {
#if defined(FL_ROM)
  /* package, its functions and the metatable of library handles are read-only; require and
  ** module are set in _G unless it already has them (luaL_openlibs) */
  (void)pk_funcs;
  (void)global_funcs;
  flR_openlib(L, LUA_LOADLIBNAME, &flR_package);
  flR_pushclosure(L, &flR_f_fl_loadlib_pk_module);
  flR_setfield(L, LUA_GLOBALSINDEX, "module");
  flR_pushclosure(L, &flR_f_fl_loadlib_pk_require);
  flR_setfield(L, LUA_GLOBALSINDEX, "require");
#else
  luaL_newmetatable(L, LIB_META);
  lua_pushcfunction(L, lib_gc);
  lua_setfield(L, -2, "__gc");
  luaL_register(L, LUA_LOADLIBNAME, pk_funcs);
  lua_pushvalue(L, -1);
  lua_replace(L, LUA_ENVIRONINDEX);  /* functions made from now on see 'package' */
  lua_pushcfunction(L, pk_fill);
  lua_pushvalue(L, -2);
  lua_call(L, 1, 0);
  lua_pushvalue(L, LUA_GLOBALSINDEX);
  luaL_register(L, NULL, global_funcs);
  lua_pop(L, 1);
#endif
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_loadlib.inc"   /* the closures of the read-only tables */
#endif
