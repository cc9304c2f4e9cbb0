/*
** fl_string.c -- interned strings and full userdata.
**
** Every RAM string lives in G->strt, a chained hash table (power-of-2 buckets). Interning first
** looks there, then in the read-only tables plugged in G->rostrt[] (flash store, constant data);
** a string found read-only is returned as is, never copied to RAM.
*/
#include "fl_core.h"

unsigned int flS_hash(const char *s, size_t l, unsigned int seed) {
  unsigned int h = seed ^ (unsigned int)l;
  size_t step = (l >> 5) + 1;   /* long strings: hash only about 32 characters */
  size_t i;
  for (i = l; i >= step; i -= step)
    h ^= (h << 5) + (h >> 2) + (unsigned char)s[i - 1];
  return h;
}

/* Bucket arrays come straight from the allocator: a bigger or smaller string table is only
** an optimisation, so failing to get one is not an error (except for the very first one). */
static FGCObj **newbuckets(lua_State *L, int n) {
  FGlobal *g = G(L);
  size_t bytes = (size_t)n * sizeof(FGCObj *);
  void *b = (*g->frealloc)(g->ud, NULL, 0, bytes);
  if (b == NULL && !g->gcbusy && !g->gcemergency) {
    flC_emergency(L);
    b = (*g->frealloc)(g->ud, NULL, 0, bytes);
  }
  if (b != NULL) g->totalbytes += bytes;
  return fl_cast(FGCObj **, b);
}

void flS_resize(lua_State *L, int newsize) {
  FGlobal *g = G(L);
  FStrTab *tb = &g->strt;
  FGCObj **nh;
  int i;
  if (g->gcstate == GCSsweepstring) return;   /* the sweep walks the buckets by index */
  nh = newbuckets(L, newsize);
  if (nh == NULL) {
    if (tb->size == 0) flD_throw(L, LUA_ERRMEM);
    return;
  }
  for (i = 0; i < newsize; i++) nh[i] = NULL;
  for (i = 0; i < tb->size; i++) {   /* move every string to its new bucket */
    FGCObj *o = tb->hash[i];
    while (o != NULL) {
      FGCObj *nxt = o->gch.next;
      int b = fl_lmod(fl_gco2ts(o)->hash, newsize);
      o->gch.next = nh[b];
      nh[b] = o;
      o = nxt;
    }
  }
  flM_freearray(L, tb->hash, tb->size, FGCObj *);
  tb->size = newsize;
  tb->hash = nh;
}

FString *flS_newlstr(lua_State *L, const char *str, size_t l) {
  FGlobal *g = G(L);
  FStrTab *tb = &g->strt;
  unsigned int h = flS_hash(str, l, g->seed);
  FGCObj *o;
  FString *ts;
  int i;
  for (o = tb->hash[fl_lmod(h, tb->size)]; o != NULL; o = o->gch.next) {
    ts = &o->ts;
    if (ts->tsv.hash == h && ts->tsv.len == l && memcmp(str, fl_getstr(ts), l) == 0) {
      if (fl_isdead(g, o)) fl_changewhite(o);   /* dead but not swept yet: resurrect */
      return ts;
    }
  }
  for (i = FL_NROSTRTAB - 1; i >= 0; i--) {   /* the flash store's copy first (fl_rotab.c) */
    const FROStrTab *rt = g->rostrt[i];
    if (rt != NULL && (ts = rt->find(rt, str, l, h)) != NULL) return ts;
  }
  if (l > FL_MAX_SIZET - sizeof(FString) - 1) flM_toobig(L);
  /* The table grows when it holds two strings per bucket on average (a RAM-starved device
  ** prefers chains of two to a table twice as large; lua5.1 grows at one per bucket).
  ** Grow first: the new string is not anchored, so no allocation may follow it. (If growing
  ** fails, the table just gets fuller; retry every 64 strings, not at each one.) */
  if (tb->nuse >= 2 * (lu_int32)tb->size && (tb->nuse - 2 * (lu_int32)tb->size) % 64 == 0 &&
      tb->size <= FL_MAX_INT / 2)
    flS_resize(L, tb->size * 2);
  ts = fl_cast(FString *, flM_malloc(L, fl_sizestring(l)));
  ts->tsv.tt = LUA_TSTRING;
  ts->tsv.marked = flC_white(g);
  ts->tsv.reserved = 0;
  ts->tsv.hash = h;
  ts->tsv.len = l;
  memcpy((char *)(ts + 1), str, l);
  ((char *)(ts + 1))[l] = '\0';
  i = fl_lmod(h, tb->size);
  ts->tsv.next = tb->hash[i];
  tb->hash[i] = fl_obj2gco(ts);
  tb->nuse++;
  return ts;
}

FUdata *flS_newudata(lua_State *L, size_t s, FTable *e) {
  FGlobal *g = G(L);
  FUdata *u;
  if (s > FL_MAX_SIZET - sizeof(FUdata)) flM_toobig(L);
  u = fl_cast(FUdata *, flM_malloc(L, fl_sizeudata(s)));
  u->uv.tt = LUA_TUSERDATA;
  u->uv.marked = flC_white(g);   /* not finalized */
  u->uv.len = s;
  u->uv.metatable = NULL;
  u->uv.env = e;
  /* userdata are chained right after the main thread in rootgc (see flC_separateudata) */
  u->uv.next = g->mainthread->next;
  g->mainthread->next = fl_obj2gco(u);
  return u;
}
