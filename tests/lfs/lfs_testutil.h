/*
** lfs_testutil.h -- helpers of the flash store C tests: build an image in-process from Lua
** sources (as flashluac -f does) and map it read-only at its own address.
*/
#ifndef lfs_testutil_h
#define lfs_testutil_h

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_core.h"
#include "lfs_format.h"
#include "lfs_writer.h"
#include "lfs_loader.h"

typedef struct TMod { const char *name, *src; } TMod;

/* the image (malloc'ed) of the modules for `abi` (NULL: native), with the runtime's strings */
static inline unsigned char *tu_build(const TMod *mods, int n, const LfsAbi *abi, int strip, size_t *len) {
  lua_State *L = luaL_newstate();
  LfsWriterOpts o;
  LfsWriter *w;
  LfsStats st;
  unsigned char *img = NULL;
  char why[256];
  int i;
  luaL_openlibs(L);
  lua_gc(L, LUA_GCCOLLECT, 0);
  if (abi) o.abi = *abi; else lfs_native_abi(&o.abi);
  o.strip = strip;
  o.base = 0;
  o.time = 1234567890u;
  o.embed = 0;            /* refer to the runtime's compiled-in strings (FL_ROM builds) */
  w = lfs_writer_new(L, &o);
  if (w == NULL || !lfs_writer_fixed(w)) { fprintf(stderr, "writer\n"); exit(2); }
  lua_checkstack(L, 2 * n + 4);
  for (i = 0; i < n; i++) {
    char chunk[128];
    snprintf(chunk, sizeof chunk, "@%s.lua", mods[i].name);
    lua_pushstring(L, mods[i].name);
    if (luaL_loadbuffer(L, mods[i].src, strlen(mods[i].src), chunk) != 0) {
      fprintf(stderr, "compile: %s\n", lua_tostring(L, -1));
      exit(2);
    }
    if (!lfs_writer_module(w, fl_strv(L->top - 2), fl_clv(L->top - 1)->l.p, why, sizeof why)) {
      fprintf(stderr, "module: %s\n", why);
      exit(2);
    }
  }
  if (!lfs_writer_finish(w, &img, len, &st, why, sizeof why)) {
    fprintf(stderr, "finish: %s\n", why);
    exit(2);
  }
  lfs_writer_free(w);
  lua_close(L);
  return img;
}

/* a page-aligned read-write copy of the image, relocated to its own address */
static inline unsigned char *tu_map(const unsigned char *img, size_t len, size_t *maplen) {
  size_t pg = (size_t)sysconf(_SC_PAGESIZE);
  unsigned char *m;
  *maplen = (len + pg - 1) / pg * pg;
  m = (unsigned char *)mmap(NULL, *maplen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) { perror("mmap"); exit(2); }
  memcpy(m, img, len);
  lfs_relocate(m, (uint64_t)(uintptr_t)m);
  return m;
}

static inline void *tu_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud; (void)osize;
  if (nsize == 0) { free(ptr); return NULL; }
  return realloc(ptr, nsize);
}

#endif
