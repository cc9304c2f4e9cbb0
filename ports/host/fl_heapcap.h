/*
** fl_heapcap.h -- a heap with a size limit, like a device's (flashlua --heap BYTES).
** It wraps another allocator and counts the blocks it holds at the sizes Lua asked for, which
** is exactly what collectgarbage("count") reports; an allocation that would take the total over
** the limit returns NULL, so the core runs its emergency collection, retries, and then raises
** "not enough memory".
*/
#ifndef fl_heapcap_h
#define fl_heapcap_h

#include <stddef.h>
#include "lua.h"

typedef struct FlHeapCap {
  size_t limit;        /* bytes */
  size_t used;         /* bytes held now */
  size_t peak;         /* most bytes ever held */
  lua_Alloc f;         /* the allocator underneath */
  void *ud;
} FlHeapCap;

void *fl_heapcap_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Puts the cap between state L and its current allocator. The blocks L holds already count
** (they are freed through the cap later). Only L's own blocks count: a store, image buffers
** and the like that the port allocates with the allocator it was given stay outside. */
void fl_heapcap_attach(lua_State *L, FlHeapCap *c, size_t limit);

/* Removes `--heap SIZE` / `--heap=SIZE` from the options before the script (SIZE: bytes, or
** with a K or M suffix) and returns SIZE; 0 when absent. A bad SIZE ends the process. */
size_t fl_heapcap_option(int *argc, char **argv);

#endif
