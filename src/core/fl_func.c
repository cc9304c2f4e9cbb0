/*
** fl_func.c -- function prototypes, closures and upvalues.
**
** An open upvalue points into a thread's stack. It is in two lists: the thread's
** L->openupval (through `next`, sorted by decreasing stack level, so closing a scope only
** looks at the head), and the global doubly linked list G->uvhead (through u.l), which the
** collector walks in its atomic phase to re-mark the values of open upvalues.
** Open upvalues are not on rootgc: the collector sweeps them with their thread. When closed,
** the value moves into the upvalue itself and the upvalue joins rootgc.
*/
#include "fl_core.h"

const FProtoDbg flF_nodebug = { NULL, NULL, NULL, 0, 0, 0 };

FProto *flF_newproto(lua_State *L) {
  FProtoRAM *r = flM_new(L, FProtoRAM);   /* one block: proto, gray link, debug part */
  FProto *f = &r->p;
  flC_link(L, fl_obj2gco(f), FL_TPROTO);
  f->k = NULL; f->sizek = 0;
  f->code = NULL; f->sizecode = 0;
  f->p = NULL; f->sizep = 0;
  f->dbg = &r->d;
  r->d = flF_nodebug;
  f->source = NULL;
  f->linedefined = f->lastlinedefined = 0;
  r->gclist = NULL;
  f->nups = f->numparams = f->is_vararg = f->maxstacksize = 0;
  return f;
}

void flF_freeproto(lua_State *L, FProto *f) {
  FProtoDbg *d = f->dbg;
  flM_freearray(L, f->code, f->sizecode, Instr);
  flM_freearray(L, f->p, f->sizep, FProto *);
  flM_freearray(L, f->k, f->sizek, FValue);
  flM_freearray(L, d->lineinfo, d->sizelineinfo, int);
  flM_freearray(L, d->locvars, d->sizelocvars, FLocVar);
  flM_freearray(L, d->upvalues, d->sizeupvalues, FString *);
  flM_free(L, fl_cast(FProtoRAM *, f));
}

FClosure *flF_newCclosure(lua_State *L, int nelems, FTable *e) {
  FClosure *c = fl_cast(FClosure *, flM_malloc(L, (size_t)fl_sizeCclosure(nelems)));
  int i;
  flC_link(L, fl_obj2gco(c), LUA_TFUNCTION);
  c->c.isC = 1;
  c->c.nupvalues = fl_castbyte(nelems);
  c->c.gclist = NULL;
  c->c.env = e;
  c->c.f = NULL;
  for (i = 0; i < nelems; i++) fl_setnil(&c->c.upvalue[i]);
  return c;
}

/* The caller fills p and upvals[]; until then the collector skips the NULL entries. */
FClosure *flF_newLclosure(lua_State *L, int nelems, FTable *e) {
  FClosure *c = fl_cast(FClosure *, flM_malloc(L, (size_t)fl_sizeLclosure(nelems)));
  int i;
  flC_link(L, fl_obj2gco(c), LUA_TFUNCTION);
  c->l.isC = 0;
  c->l.nupvalues = fl_castbyte(nelems);
  c->l.gclist = NULL;
  c->l.env = e;
  c->l.p = NULL;
  for (i = 0; i < nelems; i++) c->l.upvals[i] = NULL;
  return c;
}

void flF_freeclosure(lua_State *L, FClosure *c) {
  size_t sz = c->c.isC ? (size_t)fl_sizeCclosure(c->c.nupvalues)
                       : (size_t)fl_sizeLclosure(c->l.nupvalues);
  flM_freemem(L, c, sz);
}

/* a closed upvalue (OP_CLOSURE for a main chunk's upvalues, lua_load...) */
FUpval *flF_newupval(lua_State *L) {
  FUpval *uv = flM_new(L, FUpval);
  flC_link(L, fl_obj2gco(uv), FL_TUPVAL);
  uv->v = &uv->u.value;
  fl_setnil(uv->v);
  return uv;
}

FUpval *flF_findupval(lua_State *L, StkId level) {
  FGlobal *g = G(L);
  FGCObj **pp;
  FUpval *p, *uv;
  for (pp = &L->openupval; *pp != NULL && (p = fl_gco2uv(*pp))->v >= level; pp = &p->next) {
    if (p->v == level) {
      if (fl_isdead(g, fl_obj2gco(p))) fl_changewhite(fl_obj2gco(p));   /* resurrect */
      return p;
    }
  }
  /* Not found. Allocate first (a collection may free dead open upvalues, so the insertion
  ** point is searched again after the allocation). */
  uv = flM_new(L, FUpval);
  uv->tt = FL_TUPVAL;
  uv->marked = flC_white(g);
  uv->v = level;
  for (pp = &L->openupval; *pp != NULL && fl_gco2uv(*pp)->v > level; pp = &fl_gco2uv(*pp)->next)
    ;
  uv->next = *pp;
  *pp = fl_obj2gco(uv);
  uv->u.l.prev = &g->uvhead;      /* and at the front of the global list */
  uv->u.l.next = g->uvhead.u.l.next;
  uv->u.l.next->u.l.prev = uv;
  g->uvhead.u.l.next = uv;
  return uv;
}

static void unlinkupval(FUpval *uv) {
  uv->u.l.next->u.l.prev = uv->u.l.prev;
  uv->u.l.prev->u.l.next = uv->u.l.next;
}

void flF_freeupval(lua_State *L, FUpval *uv) {
  if (uv->v != &uv->u.value) unlinkupval(uv);   /* still open */
  flM_free(L, uv);
}

/* Close every open upvalue at or above `level`. */
void flF_close(lua_State *L, StkId level) {
  FGlobal *g = G(L);
  FUpval *uv;
  while (L->openupval != NULL && (uv = fl_gco2uv(L->openupval))->v >= level) {
    FGCObj *o = fl_obj2gco(uv);
    L->openupval = uv->next;
    if (fl_isdead(g, o)) {
      flF_freeupval(L, uv);   /* nobody can see it any more */
    } else {
      unlinkupval(uv);
      fl_setobj(L, &uv->u.value, uv->v);
      uv->v = &uv->u.value;
      flC_linkupval(L, uv);
    }
  }
}

/* Name of the local_number-th (1-based) local variable active at pc, or NULL. */
const char *flF_getlocalname(const FProto *f, int local_number, int pc) {
  int i;
  const FProtoDbg *d = fl_pdbg(f);
  for (i = 0; i < d->sizelocvars && d->locvars[i].startpc <= pc; i++) {
    if (pc < d->locvars[i].endpc) {
      local_number--;
      if (local_number == 0) return fl_getstr(d->locvars[i].varname);
    }
  }
  return NULL;
}
