/*
** fl_nodelib.c -- the `node` library: the Lua view of the flash store (NodeMCU's node.LFS).
**   node.LFS.get(name)   the module's main function, or nil
**   node.LFS.list()      sorted array of the module names
**   node.LFS.time        build time stamp of the image (nil without an image)
**   node.LFS.config      { base, size, used, modules, strings, protos, reason,
**                          slots, slotsize, slot, slotbase, generation }
**   node.LFS.<name>      same as get(name) (fields get/list/time/config/reload win)
**   node.LFS.reload(path)  validate an image file, write it, restart (fl_port_reload); on a
**                        refused image: the reason (a string), the store untouched
**   node.restart()       restart the VM (fl_port_restart); neither returns when it works
**   node.heap()          bytes of heap left (nil when the heap has no limit, e.g. the host
**                        without --heap), then the bytes in use (collectgarbage("count") * 1024)
**   debug.getstrings('ROM'|'RAM')  sorted list of the interned strings of each table
** When a store holds an image, a searcher is inserted at package.loaders[2] (after preload,
** before the Lua file searcher): require finds flash modules first. It adds nothing to the
** "module not found" message. Move or remove it like any entry of package.loaders.
*/
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lfs_loader.h"
#include "fl_port.h"
#include "fl_romlib.h"

static int lfs_get(lua_State *L) {
  size_t len;
  const char *name = luaL_checklstring(L, 1, &len);
  if (!lfs_pushmodule(L, name, len)) lua_pushnil(L);
  return 1;
}

static int lfs_list(lua_State *L) {
  lfs_pushnames(L);
  return 1;
}

static void pushconfig(lua_State *L) {
  LfsConfig c;
  lfs_config(L, &c);
  lua_createtable(L, 0, 12);
  lua_pushnumber(L, (lua_Number)(size_t)c.base);
  lua_setfield(L, -2, "base");
  lua_pushnumber(L, (lua_Number)c.size);
  lua_setfield(L, -2, "size");
  lua_pushnumber(L, (lua_Number)c.used);
  lua_setfield(L, -2, "used");
  lua_pushnumber(L, (lua_Number)c.nmodules);
  lua_setfield(L, -2, "modules");
  lua_pushnumber(L, (lua_Number)c.nstrings);
  lua_setfield(L, -2, "strings");
  lua_pushnumber(L, (lua_Number)c.nprotos);
  lua_setfield(L, -2, "protos");
  lua_pushnumber(L, (lua_Number)c.nslots);
  lua_setfield(L, -2, "slots");
  lua_pushnumber(L, (lua_Number)c.slotsize);
  lua_setfield(L, -2, "slotsize");
  if (c.slot >= 0) {
    char name[2];
    name[0] = (char)('A' + c.slot);
    name[1] = '\0';
    lua_pushstring(L, name);
    lua_setfield(L, -2, "slot");
    lua_pushnumber(L, (lua_Number)(size_t)c.slotbase);
    lua_setfield(L, -2, "slotbase");
    lua_pushnumber(L, (lua_Number)c.gen);
    lua_setfield(L, -2, "generation");
  }
  if (c.reason != NULL && c.reason[0] != '\0') {
    lua_pushstring(L, c.reason);
    lua_setfield(L, -2, "reason");
  }
}

/* node.LFS.time, node.LFS.config, node.LFS.<module> */
static int lfs_index(lua_State *L) {
  size_t len;
  const char *k = lua_tolstring(L, 2, &len);
  if (k == NULL || lua_type(L, 2) != LUA_TSTRING) return 0;
  if (strcmp(k, "time") == 0) {
    LfsConfig c;
    if (lfs_config(L, &c) && c.used != 0) lua_pushnumber(L, (lua_Number)c.time);
    else lua_pushnil(L);
  } else if (strcmp(k, "config") == 0)
    pushconfig(L);
  else if (!lfs_pushmodule(L, k, len))
    lua_pushnil(L);
  return 1;
}

/* package.loaders searcher: the module's function, or nothing (no text in the error) */
static int lfs_searcher(lua_State *L) {
  size_t len;
  const char *name = luaL_checklstring(L, 1, &len);
  return lfs_pushmodule(L, name, len);
}

/* The port restarts the VM; if its fl_port_restart returns (the host), this error unwinds the
** running code back to the port's main loop, which starts a fresh state. */
static int node_restart(lua_State *L) {
  fl_port_restart(L);
  return luaL_error(L, "restarting");
}

static int lfs_reload(lua_State *L) {
  char why[LFS_REASON_SIZE];
  if (!fl_port_reload(L, luaL_checkstring(L, 1), why, sizeof why)) {
    lua_pushstring(L, why);
    return 1;
  }
  return node_restart(L);
}

static int db_getstrings(lua_State *L) {
  static const char *const opts[] = { "ROM", "RAM", NULL };
  lfs_pushstrings(L, luaL_checkoption(L, 1, "RAM", opts) == 0);
  return 1;
}

static int node_heap(lua_State *L) {
  size_t used = (size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB, 0);
  size_t limit = fl_port_heaplimit(L);
  if (limit != 0) lua_pushnumber(L, (lua_Number)(limit > used ? limit - used : 0));
  else lua_pushnil(L);
  lua_pushnumber(L, (lua_Number)used);
  return 2;
}

static const luaL_Reg node_funcs[] = {
  { "heap", node_heap },
  { "restart", node_restart },
  { NULL, NULL }
};

static const luaL_Reg lfs_funcs[] = {
  { "get", lfs_get },
  { "list", lfs_list },
  { "reload", lfs_reload },
  { NULL, NULL }
};

/* inserts the store's searcher at position 2 of the table on the top (package.loaders) when
** the store holds an image; the filler of package's lazy fields (FL_ROM) calls this too */
void flN_insertsearcher(lua_State *L) {
  LfsConfig c;
  int i, n;
  if (!lfs_config(L, &c) || c.used == 0) return;
  n = (int)lua_objlen(L, -1);
  for (i = n; i >= 2; i--) {
    lua_rawgeti(L, -1, i);
    lua_rawseti(L, -2, i + 1);
  }
  lua_pushcfunction(L, lfs_searcher);
  lua_rawseti(L, -2, n >= 1 ? 2 : 1);
}

LUALIB_API int luaopen_node(lua_State *L) {
#if defined(FL_ROM)
  /* node, node.LFS and its metatable are read-only; debug.getstrings is in the debug table */
  (void)node_funcs;
  (void)lfs_funcs;
  flR_openlib(L, LUA_NODELIBNAME, &flR_node);
#else
  luaL_register(L, LUA_NODELIBNAME, node_funcs);
  lua_createtable(L, 0, 3);
  luaL_register(L, NULL, lfs_funcs);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, lfs_index);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  lua_setfield(L, -2, "LFS");
  /* debug.getstrings, unless the debug library provides it */
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
  lua_getfield(L, -1, LUA_DBLIBNAME);
  if (lua_istable(L, -1)) {
    lua_getfield(L, -1, "getstrings");
    if (lua_isnil(L, -1)) {
      lua_pushcfunction(L, db_getstrings);
      lua_setfield(L, -3, "getstrings");
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  /* package.loaders, if the package library is there */
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
  lua_getfield(L, -1, LUA_LOADLIBNAME);
  if (lua_istable(L, -1)) {
    lua_getfield(L, -1, "loaders");
    if (lua_istable(L, -1)) flN_insertsearcher(L);
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
#endif
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_nodelib.inc"   /* the closures of the read-only tables */
#endif
