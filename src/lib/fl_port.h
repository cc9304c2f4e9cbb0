/*
** fl_port.h -- the few operating-system services the standard libraries need beyond ISO C.
**
** A port links exactly one implementation: ports/host/fl_port_posix.c on a POSIX host,
** src/lib/fl_port_none.c on a bare-metal target (every service answers "not available"
** the way Lua 5.1 does when it is built without them).
*/
#ifndef fl_port_h
#define fl_port_h

#include <stddef.h>
#include <stdio.h>
#include "lua.h"

/* Dynamic libraries (package.loadlib, the C searchers).
** fl_port_dlfail is the third result of a failed package.loadlib when the library itself
** could not be loaded: "open" where loading is supported, "absent" where it is not.
** dlopen/dlsym return NULL after pushing an error message on L. */
extern const char fl_port_dlfail[];
void *fl_port_dlopen(lua_State *L, const char *path);
lua_CFunction fl_port_dlsym(lua_State *L, void *lib, const char *sym);
void fl_port_dlclose(void *lib);

/* Pipes (io.popen). fl_port_popen returns NULL with errno set on failure, or raises a Lua
** error when pipes are not supported at all. fl_port_pclose returns 1 on success. */
FILE *fl_port_popen(lua_State *L, const char *cmd, const char *mode);
int fl_port_pclose(lua_State *L, FILE *f);

/* os.execute: like ISO C system(); cmd may be NULL (is there a shell?). */
int fl_port_system(const char *cmd);

/* os.tmpname: write a fresh temporary file name into buf; 0 on success. */
#define FL_PORT_TMPNAMSIZE 32
int fl_port_tmpname(char *buf, size_t size);

/* node.heap: the size of the heap Lua may use, in bytes (the host's --heap), 0 if unlimited. */
size_t fl_port_heaplimit(lua_State *L);

/* node.restart and node.LFS.reload (docs/lfs.md, "Reloading the store").
** fl_port_reload is pass 1 of a reload: it reads the image file and validates it completely for
** the store of L (lfs_prepare), writing nothing. 1: accepted, the image is written when the VM
** restarts; 0: refused with the reason in why, the running store untouched.
** fl_port_restart restarts the VM. A device resets and does not return. The host restarts the
** VM inside its main loop: it records the request and returns; the node library then raises an
** error, and the port makes sure no more Lua code runs in that state (a pcall cannot stop the
** unwinding), so its main loop gets control back and creates a fresh state. */
int fl_port_reload(lua_State *L, const char *path, char *why, size_t whylen);
void fl_port_restart(lua_State *L);

#endif
