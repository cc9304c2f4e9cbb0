/*
** fl_port_none.c -- fl_port.h for targets without an operating system: no dynamic libraries,
** no pipes, no shell. The answers are those of a Lua 5.1 built without these features.
** A port with a flash store of its own (reload, restart, a known heap) defines
** FL_PORT_NODE_HOOKS and provides the last three functions itself.
*/
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "fl_port.h"

#define FL_NODL "dynamic libraries not enabled; check your Lua installation"

const char fl_port_dlfail[] = "absent";

void *fl_port_dlopen(lua_State *L, const char *path) {
  (void)path;
  lua_pushliteral(L, FL_NODL);
  return NULL;
}

lua_CFunction fl_port_dlsym(lua_State *L, void *lib, const char *sym) {
  (void)lib; (void)sym;
  lua_pushliteral(L, FL_NODL);
  return NULL;
}

void fl_port_dlclose(void *lib) {
  (void)lib;
}

FILE *fl_port_popen(lua_State *L, const char *cmd, const char *mode) {
  (void)cmd; (void)mode;
  luaL_error(L, "'popen' not supported");
  return NULL;
}

int fl_port_pclose(lua_State *L, FILE *f) {
  (void)L; (void)f;
  return 0;
}

int fl_port_system(const char *cmd) {
  return cmd == NULL ? 0 : -1;  /* ISO C: 0 for NULL means "no command processor" */
}

int fl_port_tmpname(char *buf, size_t size) {
  char tmp[L_tmpnam];
  if (tmpnam(tmp) == NULL || strlen(tmp) >= size) return -1;
  strcpy(buf, tmp);
  return 0;
}

#if !defined(FL_PORT_NODE_HOOKS)
size_t fl_port_heaplimit(lua_State *L) {
  (void)L;
  return 0;   /* not known here */
}

int fl_port_reload(lua_State *L, const char *path, char *why, size_t whylen) {
  (void)L; (void)path;
  snprintf(why, whylen, "node.LFS.reload is not supported by this port");
  return 0;
}

void fl_port_restart(lua_State *L) {
  luaL_error(L, "node.restart is not supported by this port");
}
#endif
