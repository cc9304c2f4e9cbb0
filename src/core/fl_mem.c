/*
** fl_mem.c -- the single entry point for memory: every block the core allocates, resizes or
** frees goes through flM_realloc_, which keeps G(L)->totalbytes exact and turns an allocation
** failure into an emergency collection and, if that does not help, a LUA_ERRMEM error.
*/
#include "fl_core.h"

#define FL_MINSIZEARRAY 4

/* Double a vector (at least FL_MINSIZEARRAY entries), capped at `limit` elements. */
void *flM_growaux_(lua_State *L, void *block, int *size, size_t size_elem, int limit,
                   const char *errormsg) {
  void *nb;
  int newsize;
  if (*size >= limit / 2) {
    if (*size >= limit) {
      /* a full message (5.1 style, e.g. "code size overflow") is used as is; a bare noun
      ** ("upvalues") becomes "too many upvalues (limit is N)" */
      if (strchr(errormsg, ' ') != NULL) flG_runerror(L, "%s", errormsg);
      flG_runerror(L, "too many %s (limit is %d)", errormsg, limit);
    }
    newsize = limit;
  } else {
    newsize = *size * 2;
    if (newsize < FL_MINSIZEARRAY) newsize = FL_MINSIZEARRAY;
  }
  nb = flM_reallocv(L, block, *size, newsize, size_elem);
  *size = newsize;
  return nb;
}

void *flM_toobig(lua_State *L) {
  flG_runerror(L, "memory allocation error: block too big");
  return NULL;
}

/* An emergency collection is possible once the state is complete and the collector is not
** in the middle of a step (gcbusy) or already collecting in emergency. */
#define fl_canemergency(g)  (!(g)->gcbusy && !(g)->gcemergency)

void *flM_realloc_(lua_State *L, void *block, size_t oldsize, size_t size) {
  FGlobal *g = G(L);
  void *nb;
  if (block == NULL) oldsize = 0;
#if defined(FL_GC_STRESS)
  if (size > 0 && fl_canemergency(g)) flC_emergency(L);
#endif
  nb = (*g->frealloc)(g->ud, block, oldsize, size);
  if (nb == NULL && size > 0) {
    if (size > oldsize && fl_canemergency(g)) {
      flC_emergency(L);   /* free what can be freed without running Lua code, retry once */
      nb = (*g->frealloc)(g->ud, block, oldsize, size);
    }
    if (nb == NULL) flD_throw(L, LUA_ERRMEM);
  }
  g->totalbytes = (g->totalbytes - oldsize) + size;
  return nb;
}
