/*
** alloc.h -- the firmware's heap allocator (alloc.c): Lua's and, through malloc/free, libc's.
*/
#ifndef alloc_h
#define alloc_h

#include <stddef.h>

/* lua_Alloc without ud: ptr/osize as Lua gives them (osize is the block's size when ptr is not
** NULL), nsize 0 frees. NULL when the heap has no room (the block is then left as it was). */
void *fw_heap_alloc(void *ptr, size_t osize, size_t nsize);
size_t fw_heap_free(void);        /* bytes free in the heap */

#endif
