/*
** fl_gc.c -- incremental tri-colour mark & sweep collector (Lua 5.1's phases).
**
** Colours: white (two whites alternate between cycles, so objects created during a sweep are
** not taken for garbage), gray (marked, references not yet traversed: on a gray list), black
** (traversed). Read-only objects are permanently black and never on any list.
**
** Cycle: GCSpause -> markroot -> GCSpropagate (one gray object per step) -> atomic (remark
** what may have changed: open upvalues, weak tables, threads, `grayagain`; separate userdata
** to finalize; clear weak tables; flip the current white) -> GCSsweepstring (one string
** bucket per step) -> GCSsweep (a few objects of rootgc per step) -> GCSfinalize (one __gc
** per step) -> GCSpause.
**
** Userdata are all chained right after the main thread in rootgc; those waiting for their
** __gc are in the circular list G->tmudata (which points at its last element).
*/
#include "fl_core.h"

#define GC_STEPSIZE      1024u
#define GC_SWEEPMAX      40
#define GC_SWEEPCOST     10
#define GC_FINALIZECOST  100

#define FL_MAXLMEM  ((l_mem)(FL_MAX_LUMEM >> 1))

#define maskmarks   fl_castbyte(~(fl_bitmask(FL_BLACKBIT) | FL_WHITEBITS))
#define makewhite(g,x) \
  ((x)->gch.marked = fl_castbyte(((x)->gch.marked & maskmarks) | flC_white(g)))
#define white2gray(x)  ((x)->gch.marked &= fl_castbyte(~FL_WHITEBITS))
#define black2gray(x)  ((x)->gch.marked &= fl_castbyte(~fl_bitmask(FL_BLACKBIT)))
#define isfinalized(u) ((u)->marked & fl_bitmask(FL_FINALIZEDBIT))
#define markfinalized(u) ((u)->marked |= fl_bitmask(FL_FINALIZEDBIT))

#define markvalue(g,o) { if (fl_valiswhite(o)) reallymarkobject(g, fl_gcv(o)); }
#define markobject(g,t) { if ((t) != NULL && fl_iswhite(fl_obj2gco(t))) \
                            reallymarkobject(g, fl_obj2gco(t)); }

static void reallymarkobject(FGlobal *g, FGCObj *o) {
  white2gray(o);
  switch (o->gch.tt) {
    case LUA_TSTRING:
      fl_gray2black(o);
      return;
    case LUA_TUSERDATA: {   /* no gray list: traverse at once */
      FUdata *u = &o->u;
      fl_gray2black(o);
      markobject(g, u->uv.metatable);
      markobject(g, u->uv.env);
      return;
    }
    case FL_TUPVAL: {
      FUpval *uv = fl_gco2uv(o);
      markvalue(g, uv->v);
      if (uv->v == &uv->u.value) fl_gray2black(o);   /* closed: done; open stays gray */
      return;
    }
    case LUA_TFUNCTION:
      fl_gco2cl(o)->c.gclist = g->gray;
      break;
    case LUA_TTABLE:
      fl_gco2h(o)->gclist = g->gray;
      break;
    case LUA_TTHREAD:
      fl_gco2th(o)->gclist = g->gray;
      break;
    case FL_TPROTO:
      fl_pgclist(fl_gco2p(o)) = g->gray;
      break;
    default:
      return;
  }
  g->gray = o;
}

static void markmt(FGlobal *g) {
  int i;
  for (i = 0; i <= LUA_TTHREAD; i++) markobject(g, g->mt[i]);
  markobject(g, g->rooverlay);   /* overlays of patched read-only tables */
  for (i = 0; i < FL_NBACKED; i++) {
    markobject(g, g->backed[i].front);
    markobject(g, g->backed[i].shadow);
  }
}

/* mark the userdata waiting for finalization (they must survive until their __gc ran) */
static void marktmu(FGlobal *g) {
  FGCObj *last = g->tmudata;
  if (last != NULL) {
    FGCObj *o = last;
    do {
      o = o->gch.next;
      makewhite(g, o);   /* it may be black from an earlier cycle */
      reallymarkobject(g, o);
    } while (o != last);
  }
}

/* Move unreached (or, with all, every) userdata having a __gc to tmudata; return their size. */
size_t flC_separateudata(lua_State *L, int all) {
  FGlobal *g = G(L);
  size_t dead = 0;
  FGCObj **p = &g->mainthread->next;
  FGCObj *o;
  while ((o = *p) != NULL) {
    FUdata *u = &o->u;
    if (!(fl_iswhite(o) || all) || isfinalized(&u->uv)) {
      p = &o->gch.next;
    } else if (fl_fasttm(L, u->uv.metatable, TM_GC) == NULL) {
      markfinalized(&u->uv);   /* no finalizer: never look again */
      p = &o->gch.next;
    } else {
      dead += fl_sizeudata(u->uv.len);
      markfinalized(&u->uv);
      *p = o->gch.next;        /* unlink; append to the circular tmudata list */
      if (g->tmudata == NULL) {
        o->gch.next = o;
      } else {
        o->gch.next = g->tmudata->gch.next;
        g->tmudata->gch.next = o;
      }
      g->tmudata = o;
    }
  }
  return dead;
}

/* ------------------------------------------------------------------------ traversal */

static int traversetable(FGlobal *g, FTable *h) {
  int i;
  int weakkey = 0, weakvalue = 0;
  const FValue *mode;
  markobject(g, h->metatable);
  mode = fl_gfasttm(g, h->metatable, TM_MODE);
  if (mode != NULL && fl_isstr(mode)) {
    weakkey = strchr(fl_svalue(mode), 'k') != NULL;
    weakvalue = strchr(fl_svalue(mode), 'v') != NULL;
    if (weakkey || weakvalue) {
      h->marked &= fl_castbyte(~(FL_KEYWEAK | FL_VALUEWEAK));
      h->marked |= fl_castbyte((weakkey << FL_KEYWEAKBIT) | (weakvalue << FL_VALUEWEAKBIT));
      h->gclist = g->weak;     /* to be cleared in the atomic phase */
      g->weak = fl_obj2gco(h);
    }
  }
  if (weakkey && weakvalue) return 1;
  if (!weakvalue) {
    for (i = 0; i < h->sizearray; i++) markvalue(g, &h->array[i]);
  }
  for (i = fl_sizenode(h) - 1; i >= 0; i--) {
    FNode *n = fl_gnode(h, i);
    if (fl_isnil(fl_gval(n))) {
      /* empty entry: a collectable key becomes a dead key (kept for next()) */
      if (fl_iscollectable(fl_key2tval(n))) fl_settag_(fl_gkey(n), FL_TDEADKEY);
    } else {
      if (!weakkey) markvalue(g, fl_key2tval(n));
      if (!weakvalue) markvalue(g, fl_gval(n));
    }
  }
  return weakkey || weakvalue;
}

static void traverseproto(FGlobal *g, FProto *f) {
  const FProtoDbg *d = f->dbg;   /* a RAM proto: always there */
  int i;
  markobject(g, f->source);
  for (i = 0; i < f->sizek; i++) markvalue(g, &f->k[i]);
  for (i = 0; i < d->sizeupvalues; i++) markobject(g, d->upvalues[i]);
  for (i = 0; i < f->sizep; i++) markobject(g, f->p[i]);
  for (i = 0; i < d->sizelocvars; i++) markobject(g, d->locvars[i].varname);
}

static void traverseclosure(FGlobal *g, FClosure *cl) {
  int i;
  markobject(g, cl->c.env);
  if (cl->c.isC) {
    for (i = 0; i < cl->c.nupvalues; i++) markvalue(g, &cl->c.upvalue[i]);
  } else {
    markobject(g, cl->l.p);
    for (i = 0; i < cl->l.nupvalues; i++) markobject(g, cl->l.upvals[i]);
  }
}

/* Give back the unused part of big stacks (not in an emergency: the caller may be holding
** pointers into the stack). The arrays are moved by allocating new ones, which may fail:
** protected, so that a failure just keeps the big arrays (a throw from here could reach a
** suspended thread's stale error handler). */
static void shrinkstacks(lua_State *L, void *ud) {
  const int *sz = (const int *)ud;
  if (sz[0] > 0) flD_reallocCI(L, sz[0]);
  if (sz[1] > 0) flD_reallocstack(L, sz[1]);
}

static void checkstacksizes(lua_State *L, StkId max) {
  int ci_used = fl_castint(L->ci - L->base_ci);
  int s_used = fl_castint(max - L->stack);
  int sz[2];
  if (G(L)->gcemergency || L->size_ci > LUAI_MAXCALLS) return;   /* (handling an overflow) */
  sz[0] = (4 * ci_used < L->size_ci && 2 * FL_BASIC_CI_SIZE < L->size_ci) ? L->size_ci / 2 : 0;
  sz[1] = (4 * s_used < L->stacksize && 2 * (FL_BASIC_STACK_SIZE + FL_EXTRA_STACK) < L->stacksize)
          ? L->stacksize / 2 : 0;
  if (sz[0] > 0 || sz[1] > 0) flD_rawrunprotected(L, shrinkstacks, sz);
}

static void traversestack(FGlobal *g, lua_State *l) {
  StkId o, lim;
  FCallInfo *ci;
  markvalue(g, fl_gt(l));
  if (l->stack == NULL) return;   /* thread still being built */
  lim = l->top;
  for (ci = l->base_ci; ci <= l->ci; ci++)
    if (lim < ci->top) lim = ci->top;
  if (lim > l->stack + l->stacksize - 1) lim = l->stack + l->stacksize - 1;
  for (o = l->stack; o < l->top; o++) markvalue(g, o);
  for (; o <= lim; o++) fl_setnil(o);   /* dead slots must not keep stale references */
  checkstacksizes(l, lim);
}

/* Traverse one gray object, turn it black; return roughly how many bytes were looked at. */
static l_mem propagatemark(FGlobal *g) {
  FGCObj *o = g->gray;
  fl_gray2black(o);
  switch (o->gch.tt) {
    case LUA_TTABLE: {
      FTable *h = fl_gco2h(o);
      g->gray = h->gclist;
      if (traversetable(g, h)) black2gray(o);   /* weak: stays gray, on g->weak */
      return (l_mem)(sizeof(FTable) + sizeof(FValue) * (size_t)h->sizearray +
                     sizeof(FNode) * (size_t)fl_sizenode(h));
    }
    case LUA_TFUNCTION: {
      FClosure *cl = fl_gco2cl(o);
      g->gray = cl->c.gclist;
      traverseclosure(g, cl);
      return cl->c.isC ? fl_sizeCclosure(cl->c.nupvalues) : fl_sizeLclosure(cl->l.nupvalues);
    }
    case LUA_TTHREAD: {
      /* threads stay gray and are traversed again in the atomic phase: stack writes have no
      ** barrier */
      lua_State *th = fl_gco2th(o);
      g->gray = th->gclist;
      th->gclist = g->grayagain;
      g->grayagain = o;
      black2gray(o);
      traversestack(g, th);
      return (l_mem)(sizeof(lua_State) + sizeof(FValue) * (size_t)th->stacksize +
                     sizeof(FCallInfo) * (size_t)th->size_ci);
    }
    case FL_TPROTO: {
      FProto *p = fl_gco2p(o);
      g->gray = fl_pgclist(p);
      traverseproto(g, p);
      return (l_mem)(sizeof(FProtoRAM) + sizeof(Instr) * (size_t)p->sizecode +
                     sizeof(FProto *) * (size_t)p->sizep + sizeof(FValue) * (size_t)p->sizek +
                     sizeof(int) * (size_t)p->dbg->sizelineinfo +
                     sizeof(FLocVar) * (size_t)p->dbg->sizelocvars +
                     sizeof(FString *) * (size_t)p->dbg->sizeupvalues);
    }
    default:
      g->gray = NULL;   /* cannot happen */
      return 0;
  }
}

static size_t propagateall(FGlobal *g) {
  size_t m = 0;
  while (g->gray != NULL) m += (size_t)propagatemark(g);
  return m;
}

/* In a weak table, is this key/value to be removed? Strings are values, never removed. */
static int iscleared(const FValue *o, int iskey) {
  if (!fl_iscollectable(o)) return 0;
  if (fl_isstr(o)) {
    FGCObj *s = fl_gcv(o);
    if (fl_iswhite(s)) { white2gray(s); fl_gray2black(s); }   /* keep it */
    return 0;
  }
  return fl_iswhite(fl_gcv(o)) ||
         (fl_isud(o) && !iskey && isfinalized(&fl_udv(o)->uv));
}

static void cleartable(FGCObj *l) {
  while (l != NULL) {
    FTable *h = fl_gco2h(l);
    int i;
    if (h->marked & FL_VALUEWEAK) {
      for (i = 0; i < h->sizearray; i++)
        if (iscleared(&h->array[i], 0)) fl_setnil(&h->array[i]);
    }
    for (i = fl_sizenode(h) - 1; i >= 0; i--) {
      FNode *n = fl_gnode(h, i);
      if (!fl_isnil(fl_gval(n)) && (iscleared(fl_key2tval(n), 1) || iscleared(fl_gval(n), 0))) {
        fl_setnil(fl_gval(n));
        if (fl_iscollectable(fl_key2tval(n))) fl_settag_(fl_gkey(n), FL_TDEADKEY);
      }
    }
    l = h->gclist;
  }
}

/* -------------------------------------------------------------------------- sweeping */

static void freeobj(lua_State *L, FGCObj *o) {
  switch (o->gch.tt) {
    case FL_TPROTO: flF_freeproto(L, fl_gco2p(o)); break;
    case LUA_TFUNCTION: flF_freeclosure(L, fl_gco2cl(o)); break;
    case FL_TUPVAL: flF_freeupval(L, fl_gco2uv(o)); break;
    case LUA_TTABLE: flH_free(L, fl_gco2h(o)); break;
    case LUA_TTHREAD: flE_freethread(L, fl_gco2th(o)); break;
    case LUA_TSTRING:
      G(L)->strt.nuse--;
      flM_freemem(L, o, fl_sizestring(fl_gco2ts(o)->len));
      break;
    case LUA_TUSERDATA: flM_freemem(L, o, fl_sizeudata(fl_gco2u(o)->len)); break;
    default: break;
  }
}

/* Sweep up to `count` objects of list *p: free the dead, whiten the living. `all` (closing
** the state) frees everything except the main thread. Returns where it stopped. */
static FGCObj **sweeplist(lua_State *L, FGCObj **p, lu_mem count, int all) {
  FGlobal *g = G(L);
  int deadwhite = fl_otherwhite(g) & FL_WHITEBITS;
  FGCObj *o;
  while ((o = *p) != NULL && count-- > 0) {
    int alive;
    if (o->gch.tt == LUA_TTHREAD)   /* open upvalues are swept with their thread */
      sweeplist(L, &fl_gco2th(o)->openupval, FL_MAX_LUMEM, all);
    if (all)   /* (bit 6 is FL_BACKEDBIT in a table) */
      alive = o->gch.tt == LUA_TTHREAD && (o->gch.marked & fl_bitmask(FL_SFIXEDBIT)) != 0;
    else alive = !(o->gch.marked & deadwhite) || (o->gch.marked & fl_bitmask(FL_FIXEDBIT));
    if (alive) {
      makewhite(g, o);
      p = &o->gch.next;
    } else {
      *p = o->gch.next;
      freeobj(L, o);
    }
  }
  return p;
}

#define sweepwholelist(L,p,all)  sweeplist(L, p, FL_MAX_LUMEM, all)

/* Shrink the string table and the concat buffer when mostly unused. */
static void checksizes(lua_State *L) {
  FGlobal *g = G(L);
  if (g->gcemergency) return;   /* an allocation is in progress: touch nothing */
  if (g->strt.nuse < (lu_int32)(g->strt.size / 4) && g->strt.size > FL_MINSTRTABSIZE * 2)
    flS_resize(L, g->strt.size / 2);
  if (g->buff.size > FL_MINBUFFER * 2) {   /* (raw allocator: a failure must not throw) */
    size_t nsz = g->buff.size / 2;
    char *nb = fl_cast(char *, (*g->frealloc)(g->ud, g->buff.buffer, g->buff.size, nsz));
    if (nb != NULL) {
      g->totalbytes -= g->buff.size - nsz;
      g->buff.buffer = nb;
      g->buff.size = nsz;
      if (g->buff.n > nsz) g->buff.n = nsz;
    }
  }
}

/* ------------------------------------------------------------------------ finalizers */

/* Run the __gc of the first userdata waiting in tmudata. Errors propagate (as in 5.1) to
** whatever triggered the collection. */
static void GCTM(lua_State *L) {
  FGlobal *g = G(L);
  FGCObj *o = g->tmudata->gch.next;   /* first element */
  FUdata *u = &o->u;
  const FValue *tm;
  if (o == g->tmudata) g->tmudata = NULL;   /* it was the only one */
  else g->tmudata->gch.next = u->uv.next;
  u->uv.next = g->mainthread->next;          /* back into the udata part of rootgc */
  g->mainthread->next = o;
  makewhite(g, o);
  tm = fl_fasttm(L, u->uv.metatable, TM_GC);
  if (tm != NULL) {
    lu_byte oldah = L->allowhook;
    lu_mem oldt = g->GCthreshold;
    L->allowhook = 0;                         /* no hooks inside __gc */
    g->GCthreshold = 2 * g->totalbytes;       /* no collection steps inside __gc */
    fl_setobj(L, L->top, tm);
    fl_setud(L, L->top + 1, u);
    L->top += 2;
    flD_call(L, L->top - 2, 0);
    L->allowhook = oldah;
    g->GCthreshold = oldt;
  }
}

void flC_callGCTM(lua_State *L) {
  while (G(L)->tmudata != NULL) GCTM(L);
}

/* -------------------------------------------------------------------- the cycle */

static void setthreshold(FGlobal *g) {
  if (g->gcstopped) g->GCthreshold = FL_MAX_LUMEM;
  else g->GCthreshold = (g->estimate / 100) * (lu_mem)g->gcpause;
}

static void markroot(lua_State *L) {
  FGlobal *g = G(L);
  g->gray = NULL;
  g->grayagain = NULL;
  g->weak = NULL;
  markobject(g, g->mainthread);
  markvalue(g, fl_gt(g->mainthread));   /* (also reached through the thread) */
  markvalue(g, fl_registry(L));
  markmt(g);
  g->gcstate = GCSpropagate;
}

/* open upvalues that are marked (gray) may point to values changed since */
static void remarkupvals(FGlobal *g) {
  FUpval *uv;
  for (uv = g->uvhead.u.l.next; uv != &g->uvhead; uv = uv->u.l.next) {
    if (fl_isgray(fl_obj2gco(uv))) markvalue(g, uv->v);
  }
}

static void atomic(lua_State *L) {
  FGlobal *g = G(L);
  size_t udsize;
  remarkupvals(g);
  propagateall(g);
  g->gray = g->weak;        /* weak tables may have gained strong parts */
  g->weak = NULL;
  markobject(g, L);         /* the running thread */
  markmt(g);
  propagateall(g);
  g->gray = g->grayagain;   /* threads and tables hit by the backward barrier */
  g->grayagain = NULL;
  propagateall(g);
  udsize = flC_separateudata(L, 0);
  marktmu(g);               /* finalizable userdata and what they reach survive this cycle */
  udsize += propagateall(g);
  cleartable(g->weak);
  g->currentwhite = fl_castbyte(fl_otherwhite(g));   /* flip: unmarked objects are now dead */
  g->sweepstrgc = 0;
  g->sweepgc = &g->rootgc;
  g->gcstate = GCSsweepstring;
  g->estimate = (g->totalbytes > udsize) ? g->totalbytes - udsize : 0;
}

static void sub_estimate(FGlobal *g, lu_mem old) {
  lu_mem freed = (old > g->totalbytes) ? old - g->totalbytes : 0;
  g->estimate = (g->estimate > freed) ? g->estimate - freed : 0;
}

/* One unit of collector work that runs no Lua code. */
static l_mem busystep(lua_State *L) {
  FGlobal *g = G(L);
  switch (g->gcstate) {
    case GCSpause:
      markroot(L);
      return 0;
    case GCSpropagate:
      if (g->gray != NULL) return propagatemark(g);
      atomic(L);
      return 0;
    case GCSsweepstring: {
      lu_mem old = g->totalbytes;
      sweepwholelist(L, &g->strt.hash[g->sweepstrgc++], 0);
      if (g->sweepstrgc >= g->strt.size) g->gcstate = GCSsweep;
      sub_estimate(g, old);
      return GC_SWEEPCOST;
    }
    case GCSsweep: {
      lu_mem old = g->totalbytes;
      g->sweepgc = sweeplist(L, g->sweepgc, GC_SWEEPMAX, 0);
      if (*g->sweepgc == NULL) {
        checksizes(L);
        g->gcstate = GCSfinalize;
      }
      sub_estimate(g, old);
      return GC_SWEEPMAX * GC_SWEEPCOST;
    }
    default:
      return 0;
  }
}

static l_mem singlestep(lua_State *L) {
  FGlobal *g = G(L);
  l_mem r;
  if (g->gcstate == GCSfinalize) {
    if (g->tmudata != NULL && !g->gcemergency) {
      GCTM(L);   /* runs Lua code: the collector is not busy meanwhile */
      if (g->estimate > GC_FINALIZECOST) g->estimate -= GC_FINALIZECOST;
      return GC_FINALIZECOST;
    }
    g->gcstate = GCSpause;   /* (an emergency leaves pending finalizers for later) */
    g->gcdept = 0;
    return 0;
  }
  g->gcbusy = 1;
  r = busystep(L);
  g->gcbusy = 0;
  return r;
}

void flC_step(lua_State *L) {
  FGlobal *g = G(L);
  l_mem lim;
  int mul = g->gcstepmul;
  g->gcbusy = 0;   /* (never entered from a busy phase; recover if one threw) */
  if (mul == 0) lim = FL_MAXLMEM;   /* no limit */
  else if (mul < 0) lim = 1;
  else if ((lu_mem)mul > (lu_mem)FL_MAXLMEM / (GC_STEPSIZE / 100)) lim = FL_MAXLMEM;
  else lim = (l_mem)(GC_STEPSIZE / 100) * mul;
  if (g->totalbytes > g->GCthreshold) g->gcdept += g->totalbytes - g->GCthreshold;
  do {
    lim -= singlestep(L);
    if (g->gcstate == GCSpause) break;
  } while (lim > 0);
  if (g->gcstate != GCSpause) {
    if (g->gcdept < GC_STEPSIZE) {
      g->GCthreshold = g->totalbytes + GC_STEPSIZE;
    } else {
      g->gcdept -= GC_STEPSIZE;
      g->GCthreshold = g->totalbytes;
    }
    if (g->gcstopped) g->GCthreshold = FL_MAX_LUMEM;
  } else {
    setthreshold(g);
  }
}

static void fullgc(lua_State *L) {
  FGlobal *g = G(L);
  if (g->gcstate <= GCSpropagate) {
    /* abandon the marking: sweep everything back to white, then start afresh */
    g->sweepstrgc = 0;
    g->sweepgc = &g->rootgc;
    g->gray = NULL;
    g->grayagain = NULL;
    g->weak = NULL;
    g->gcstate = GCSsweepstring;
  }
  while (g->gcstate != GCSfinalize) singlestep(L);   /* finish the pending sweep */
  markroot(L);
  while (g->gcstate != GCSpause) singlestep(L);
  setthreshold(g);
}

void flC_fullgc(lua_State *L) {
  G(L)->gcbusy = 0;
  fullgc(L);
}

/* Full collection from inside an allocation: runs no finalizer (pending ones wait for the
** next normal cycle), shrinks neither the string table nor any stack or buffer, allocates
** nothing, so it can neither fail nor move memory the caller is using. */
void flC_emergency(lua_State *L) {
  FGlobal *g = G(L);
  if (g->gcbusy || g->gcemergency) return;
  g->gcemergency = 1;
  fullgc(L);
  g->gcemergency = 0;
  /* finalizers still pending (found now, or an interrupted finalize phase): the next
  ** steps of the normal cycle run them */
  if (g->tmudata != NULL) g->gcstate = GCSfinalize;
}

/* lua_close: free every object (the caller frees the main thread and the global state). */
void flC_freeall(lua_State *L) {
  FGlobal *g = G(L);
  int i;
  g->gcbusy = 1;
  sweepwholelist(L, &g->rootgc, 1);
  for (i = 0; i < g->strt.size; i++) sweepwholelist(L, &g->strt.hash[i], 1);
}

/* -------------------------------------------------------------------------- barriers */

/* black o now points to white v */
void flC_barrierf(lua_State *L, FGCObj *o, FGCObj *v) {
  FGlobal *g = G(L);
  if (g->gcstate == GCSpropagate) reallymarkobject(g, v);   /* keep the invariant */
  else makewhite(g, o);   /* sweeping: o will be white anyway; avoids further barriers */
}

/* a black table was written: make it gray again, traverse it in the atomic phase */
void flC_barrierback(lua_State *L, FTable *t) {
  FGlobal *g = G(L);
  FGCObj *o = fl_obj2gco(t);
  black2gray(o);
  t->gclist = g->grayagain;
  g->grayagain = o;
}

void flC_link(lua_State *L, FGCObj *o, lu_byte tt) {
  FGlobal *g = G(L);
  o->gch.next = g->rootgc;
  g->rootgc = o;
  o->gch.marked = flC_white(g);
  o->gch.tt = tt;
}

/* a closed upvalue joins rootgc */
void flC_linkupval(lua_State *L, FUpval *uv) {
  FGlobal *g = G(L);
  FGCObj *o = fl_obj2gco(uv);
  o->gch.next = g->rootgc;
  g->rootgc = o;
  if (fl_isgray(o)) {   /* it was marked as an open upvalue */
    if (g->gcstate == GCSpropagate) {
      fl_gray2black(o);   /* closed upvalues are black once marked; mark the value too */
      flC_barrier(L, uv, uv->v);
    } else {
      makewhite(g, o);
    }
  }
}
