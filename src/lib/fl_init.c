/*
** fl_init.c -- luaL_openlibs: opens the standard libraries of this build, in
** lua5.1's order. A port leaves a library out with FL_NO_PKGLIB, FL_NO_IOLIB,
** FL_NO_OSLIB or FL_NO_DBLIB.
*/
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_romlib.h"

static const luaL_Reg std_libs[] = {
  {"", luaopen_base},
#if !defined(FL_NO_PKGLIB)
  {LUA_LOADLIBNAME, luaopen_package},
#endif
  {LUA_TABLIBNAME, luaopen_table},
#if !defined(FL_NO_IOLIB)
  {LUA_IOLIBNAME, luaopen_io},
#endif
#if !defined(FL_NO_OSLIB)
  {LUA_OSLIBNAME, luaopen_os},
#endif
  {LUA_STRLIBNAME, luaopen_string},
  {LUA_MATHLIBNAME, luaopen_math},
#if !defined(FL_NO_DBLIB)
  {LUA_DBLIBNAME, luaopen_debug},
#endif
  {LUA_NODELIBNAME, luaopen_node},
  {NULL, NULL}
};

LUALIB_API void luaL_openlibs(lua_State *L) {
  const luaL_Reg *lib;
#if defined(FL_ROM) && !defined(FL_NO_PKGLIB) && !defined(FL_NO_IOLIB) && !defined(FL_NO_OSLIB) \
    && !defined(FL_NO_DBLIB)
  /* every library at once, as back tables of _G and package.loaded (docs/ram-at-rest.md): the
  ** libraries then find their names there and write nothing */
  flR_setback(L, LUA_GLOBALSINDEX, &flR_G, 1);
  luaL_findtable(L, LUA_REGISTRYINDEX, "_LOADED", 1);
  flR_setback(L, -1, &flR_LOADED, 1);
  lua_pop(L, 1);
#endif
  for (lib = std_libs; lib->func; lib++) {
    lua_pushcfunction(L, lib->func);  /* called like require would: name as argument */
    lua_pushstring(L, lib->name);
    lua_call(L, 1, 0);
  }
}
