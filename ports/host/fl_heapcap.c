/*
** fl_heapcap.c -- a heap with a size limit (see fl_heapcap.h), and the port's answer to
** "how big is the heap?" for node.heap() (fl_port.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fl_heapcap.h"
#include "fl_port.h"

void *fl_heapcap_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  FlHeapCap *c = (FlHeapCap *)ud;
  size_t old = ptr != NULL ? osize : 0;   /* with ptr NULL, osize says nothing about a block */
  void *p;
  /* a block that grows must fit in what is left once its old size is given back */
  if (nsize > old && (c->used >= c->limit || nsize - old > c->limit - c->used)) return NULL;
  p = (*c->f)(c->ud, ptr, osize, nsize);
  if (p == NULL && nsize > 0) return NULL;   /* nothing changed */
  c->used = c->used - old + nsize;
  if (c->used > c->peak) c->peak = c->used;
  return p;
}

void fl_heapcap_attach(lua_State *L, FlHeapCap *c, size_t limit) {
  c->limit = limit;
  c->used = (size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB, 0);
  c->peak = c->used;
  c->f = lua_getallocf(L, &c->ud);
  lua_setallocf(L, fl_heapcap_alloc, c);
}

static size_t parse_size(const char *s) {
  char *end;
  unsigned long v;
  if (*s < '0' || *s > '9') return 0;
  v = strtoul(s, &end, 10);
  if (*end == 'K' || *end == 'k') { v *= 1024UL; end++; }
  else if (*end == 'M' || *end == 'm') { v *= 1024UL * 1024UL; end++; }
  return *end == '\0' ? (size_t)v : 0;
}

size_t fl_heapcap_option(int *argc, char **argv) {
  int i, k, used;
  size_t size;
  const char *v;
  for (i = 1; i < *argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0 || strcmp(a, "--") == 0) return 0;   /* the script */
    if ((a[1] == 'e' || a[1] == 'l') && a[2] == '\0') { i++; continue; }      /* -e stat */
    if (strncmp(a, "--heap", 6) != 0 || (a[6] != '\0' && a[6] != '=')) {
      if (a[1] == '-' && strchr(a, '=') == NULL) i++;   /* the port's --flash FILE etc. */
      continue;
    }
    v = a[6] == '=' ? a + 7 : argv[i + 1];
    used = a[6] == '=' ? 1 : 2;
    size = v != NULL ? parse_size(v) : 0;
    if (size == 0) {
      fprintf(stderr, "%s: --heap needs a size in bytes (K and M suffixes allowed)\n", argv[0]);
      exit(EXIT_FAILURE);
    }
    for (k = i; k + used <= *argc; k++) argv[k] = argv[k + used];
    *argc -= used;
    return size;
  }
  return 0;
}

size_t fl_port_heaplimit(lua_State *L) {
  void *ud;
  return lua_getallocf(L, &ud) == fl_heapcap_alloc ? ((FlHeapCap *)ud)->limit : 0;
}
