/*
** alloc.c -- the firmware's heap: [__heap_start, __heap_end) of the linker script.
**
** Lua tells its allocator the size of every block it frees or resizes, so blocks carry no
** header at all: sizes are rounded to 8 bytes (the alignment of a double) and that is the only
** overhead (picolibc's malloc takes 8 bytes more per block: 64 bytes for a table with a one-slot
** array instead of 48). The free space is one list of ranges in address order, neighbours
** merged; a request takes the start of the first range large enough, so the heap fills from
** its low end and what is free gathers at the top. (Lists per small size in front of it were
** faster but scattered the small blocks over the whole heap: large requests then failed with
** kilobytes free in pieces, e.g. two programs of qemu_diff in --batch runs.)
** A resize that shrinks gives the tail back and never moves or fails; one that grows takes
** the free range right after the block if it can, else it is a new block, a copy and a free.
** malloc/free/realloc/calloc (libc, the port) take the same heap with an 8-byte size header:
** picolibc's allocator is then not linked at all.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define GRAIN 8u

typedef struct Free {               /* a free range; its first 8 bytes */
  struct Free *next;
  size_t size;                      /* bytes, a multiple of GRAIN */
} Free;

typedef char free_fits_grain[sizeof(Free) <= GRAIN ? 1 : -1];   /* 32-bit targets only */

extern unsigned char __heap_start[], __heap_end[];

static Free *pool;                  /* address order, no two ranges adjacent */
static size_t nfree;                /* bytes free */
static int ready;

static void init(void) {
  ready = 1;
  nfree = (size_t)(__heap_end - __heap_start) & ~(size_t)(GRAIN - 1);
  pool = (Free *)(void *)__heap_start;     /* the linker script aligns it to 8 */
  pool->next = NULL;
  pool->size = nfree;
}

/* Takes n bytes from the start of the range *link (n <= its size). */
static void cut(Free **link, size_t n) {
  Free *f = *link, *r;
  if (f->size == n) {
    *link = f->next;
  } else {                                /* the rest of the range, n bytes further */
    r = (Free *)(void *)((unsigned char *)f + n);
    r->next = f->next;
    r->size = f->size - n;
    *link = r;
  }
  nfree -= n;
}

/* First fit; NULL if no range is large enough. */
static void *take(size_t n) {
  Free **link, *f;
  for (link = &pool; (f = *link) != NULL; link = &f->next)
    if (f->size >= n) {
      cut(link, n);
      return f;
    }
  return NULL;
}

/* Grows the block [p, p + o) by d bytes if the range right after it is free and large enough. */
static int grow(unsigned char *p, size_t o, size_t d) {
  Free **link = &pool, *f;
  while ((f = *link) != NULL && (uintptr_t)f < (uintptr_t)(p + o)) link = &f->next;
  if (f == NULL || (unsigned char *)f != p + o || f->size < d) return 0;
  cut(link, d);
  return 1;
}

/* Inserts [p, p + n) in address order, merging it with the ranges it touches. */
static void give(unsigned char *p, size_t n) {
  Free **link = &pool, *prev = NULL, *f, *b;
  nfree += n;
  while ((f = *link) != NULL && (uintptr_t)f < (uintptr_t)p) {
    prev = f;
    link = &f->next;
  }
  if (prev != NULL && (unsigned char *)prev + prev->size == p) {
    b = prev;                             /* joins the range before it */
    b->size += n;
  } else {
    b = (Free *)(void *)p;
    b->size = n;
    b->next = f;
    *link = b;
  }
  if (f != NULL && (unsigned char *)b + b->size == (unsigned char *)f) {
    b->size += f->size;                   /* and the one after it */
    b->next = f->next;
  }
}

#define ROUND(n) (((n) + (GRAIN - 1)) & ~(size_t)(GRAIN - 1))

void *fw_heap_alloc(void *ptr, size_t osize, size_t nsize) {
  size_t o, n;
  unsigned char *p;
  if (!ready) init();
  o = ptr != NULL ? ROUND(osize) : 0;
  if (nsize == 0) {
    if (o != 0) give((unsigned char *)ptr, o);
    return NULL;
  }
  if (nsize > (size_t)(__heap_end - __heap_start)) return NULL;   /* (and ROUND cannot wrap) */
  n = ROUND(nsize);
  if (ptr != NULL && n <= o) {            /* shrinks in place */
    if (n < o) give((unsigned char *)ptr + n, o - n);
    return ptr;
  }
  if (ptr != NULL && grow((unsigned char *)ptr, o, n - o)) return ptr;
  p = (unsigned char *)take(n);
  if (p != NULL && ptr != NULL) {
    memcpy(p, ptr, osize);
    give((unsigned char *)ptr, o);
  }
  return p;
}

size_t fw_heap_free(void) {
  if (!ready) init();
  return nfree;
}

/* ------------------------------------------------------------------ libc's allocator */

#define HDR GRAIN                   /* the size, in a header that keeps the 8-byte alignment */

void *malloc(size_t n) {
  unsigned char *p;
  if (n > SIZE_MAX - HDR || (p = (unsigned char *)fw_heap_alloc(NULL, 0, n + HDR)) == NULL)
    return NULL;
  memcpy(p, &n, sizeof n);
  return p + HDR;
}

void free(void *q) {
  size_t n;
  if (q == NULL) return;
  memcpy(&n, (unsigned char *)q - HDR, sizeof n);
  fw_heap_alloc((unsigned char *)q - HDR, n + HDR, 0);
}

void *realloc(void *q, size_t n) {
  size_t o;
  unsigned char *p;
  if (q == NULL) return malloc(n);
  if (n == 0 || n > SIZE_MAX - HDR) {     /* (C17 leaves realloc(q, 0) to the implementation) */
    if (n == 0) free(q);
    return NULL;
  }
  memcpy(&o, (unsigned char *)q - HDR, sizeof o);
  p = (unsigned char *)fw_heap_alloc((unsigned char *)q - HDR, o + HDR, n + HDR);
  if (p == NULL) return NULL;
  memcpy(p, &n, sizeof n);
  return p + HDR;
}

void *calloc(size_t k, size_t n) {
  void *p;
  if (n != 0 && k > SIZE_MAX / n) return NULL;
  p = malloc(k * n);
  if (p != NULL) memset(p, 0, k * n);
  return p;
}
