/*
** fl_port_posix.c -- fl_port.h for POSIX hosts: dlopen, popen, system, mkstemp.
*/
#if !defined(_POSIX_C_SOURCE) && !defined(_GNU_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua.h"
#include "fl_port.h"

const char fl_port_dlfail[] = "open";

void *fl_port_dlopen(lua_State *L, const char *path) {
  void *lib = dlopen(path, RTLD_NOW);
  if (lib == NULL) lua_pushstring(L, dlerror());
  return lib;
}

lua_CFunction fl_port_dlsym(lua_State *L, void *lib, const char *sym) {
  /* POSIX guarantees that a data pointer from dlsym converts to a function pointer */
  lua_CFunction f = (lua_CFunction)dlsym(lib, sym);
  if (f == NULL) lua_pushstring(L, dlerror());
  return f;
}

void fl_port_dlclose(void *lib) {
  dlclose(lib);
}

FILE *fl_port_popen(lua_State *L, const char *cmd, const char *mode) {
  (void)L;
  return popen(cmd, mode);
}

int fl_port_pclose(lua_State *L, FILE *f) {
  (void)L;
  return pclose(f) != -1;
}

int fl_port_system(const char *cmd) {
  return system(cmd);
}

int fl_port_tmpname(char *buf, size_t size) {
  static const char templ[] = "/tmp/lua_XXXXXX";
  int fd;
  if (size < sizeof(templ)) return -1;
  memcpy(buf, templ, sizeof(templ));
  fd = mkstemp(buf);
  if (fd == -1) return -1;
  close(fd);  /* only the name is wanted; the empty file reserves it */
  return 0;
}
