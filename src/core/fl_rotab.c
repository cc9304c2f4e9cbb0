/*
** fl_rotab.c -- compiled-in read-only tables at run time (see docs/ram-at-rest.md).
**
** Three mechanisms, all free until used:
**  - Overlay (monkey-patching): a read-only table cannot be written, so the first write into one
**    (FL_ROPATCH set in its flags) creates a RAM overlay table; G->rooverlay maps each patched
**    read-only table to its overlay and is a GC root. Reads look in the overlay first, then in
**    the read-only table. A key of the read-only table assigned nil is kept in the overlay with
**    the value `deleted` (a light userdata no Lua code can see). next() walks the overlay, then
**    the read-only keys it does not shadow.
**  - Lazy fields: a read-only table with FL_ROLAZY has, in its (otherwise unused) `gclist`, a
**    C closure that creates the fields that must be RAM (io.stdout, package.path, ...). It runs
**    before the first miss, write or traversal of the table in a state, and starts by creating
**    the table's overlay, which is what marks the fields as made (flR_lazystart).
**  - Backed tables: a RAM table (globals, registry, _LOADED) with FL_BACKEDBIT whose misses fall
**    through to a read-only table (G->backed[]). A key of the read-only table written into the
**    RAM table (even nil) is recorded in `shadow`; from then on the RAM table alone decides it.
**    next() walks the RAM table, then the read-only keys not shadowed. The read-only table may
**    be a chain (flH_nextback): a key counts in the first table that has it.
*/
#include "fl_core.h"
#include "fl_romlib.h"

static const char deleted_;
#define isdeleted(v)  (fl_islud(v) && fl_ptrv(v) == fl_cast(void *, &deleted_))
/* key of an overlay under which setmetatable() keeps the read-only table's metatable */
static const char mtkey_;
#define ismtkey(k)    (fl_islud(k) && fl_ptrv(k) == fl_cast(void *, &mtkey_))

static void settabv(FValue *o, const FTable *t) {
  fl_settab(NULL, o, fl_cast(void *, fl_cast(FTable *, t)));
}

FTable *flH_overlayof(FGlobal *g, const FTable *t) {
  FValue k;
  const FValue *v;
  if (g->rooverlay == NULL) return NULL;
  settabv(&k, t);
  v = flH_get(g->rooverlay, &k);
  return fl_istab(v) ? fl_tabv(v) : NULL;
}

/* With a flash store attached (G->rostrt[1]), a fixed string that the image holds too exists
** twice: interning returns the image's copy (the one its code uses), but the keys of compiled-in
** tables are the firmware's copies (G->rostrt[0]). So a key missed by pointer is looked up
** again as the firmware's copy, and next() hands out the image's copy. */
static FString *copyin(const FROStrTab *rt, const FValue *key) {
  FString *s = fl_strv(key);
  return rt != NULL ? rt->find(rt, fl_getstr(s), s->tsv.len, s->tsv.hash) : NULL;
}

/* read of a read-only table itself (no overlay) */
static const FValue *romget(FGlobal *g, const FTable *t, const FValue *key) {
  const FValue *v = flH_get(fl_cast(FTable *, t), key);
  if (fl_isnil(v) && g->rostrt[1] != NULL && fl_isstr(key)) {
    FString *f = copyin(g->rostrt[0], key);
    if (f != NULL && f != fl_strv(key)) {
      FValue k;
      fl_setstr(NULL, &k, f);
      v = flH_get(fl_cast(FTable *, t), &k);
    }
  }
  return v;
}

/* next() over a read-only table itself */
static int romnext(lua_State *L, const FTable *t, StkId key) {
  FGlobal *g = G(L);
  FString *f;
  if (g->rostrt[1] == NULL) return flH_next(L, fl_cast(FTable *, t), key);
  if (fl_isstr(key) && (f = copyin(g->rostrt[0], key)) != NULL) fl_setstr(L, key, f);
  if (!flH_next(L, fl_cast(FTable *, t), key)) return 0;
  if (fl_isstr(key) && (f = copyin(g->rostrt[1], key)) != NULL) fl_setstr(L, key, f);
  return 1;
}

static const FValue *rogetg(FGlobal *g, FTable *t, const FValue *key) {
  FTable *ov = flH_overlayof(g, t);
  if (ov != NULL) {
    const FValue *v = flH_get(ov, key);
    if (!fl_isnil(v)) return isdeleted(v) ? flO_nilobject : v;
  }
  return romget(g, t, key);
}

const FValue *flH_roget(lua_State *L, FTable *t, const FValue *key) {
  return rogetg(G(L), t, key);
}

void flH_roset(lua_State *L, FTable *t, const FValue *key, const FValue *val) {
  FGlobal *g = G(L);
  FTable *ov;
  FValue *slot;
  if (!(t->flags & FL_ROPATCH))
    flG_runerror(L, "attempt to write to a read-only table");
  if (g->rooverlay == NULL)
    g->rooverlay = flH_new(L, 0, 0);     /* a root from now on (markmt) */
  ov = flH_overlayof(g, t);
  if (ov == NULL) {
    FValue k;
    /* the new overlay is anchored at top while rooverlay may grow (a collection there would
    ** free it), and the slot is filled at once (a collection would make its key dead) */
    ov = flH_new(L, 0, 0);
    fl_settab(L, L->top, ov);
    L->top++;
    settabv(&k, t);
    slot = flH_set(L, g->rooverlay, &k); /* (read-only key: no barrier needed) */
    fl_settab(L, slot, ov);
    L->top--;
    flC_barriert(L, g->rooverlay, slot);
  }
  if (key == NULL) return;               /* flR_lazystart: only the overlay */
  slot = flH_set(L, ov, key);
  if (fl_isnil(val) && !fl_isnil(romget(g, t, key)))
    fl_setptr(slot, fl_cast(void *, &deleted_))   /* hide the read-only value */
  else
    fl_setobj(L, slot, val);
  flC_barriert(L, ov, val);
}

int flH_ronext(lua_State *L, FTable *t, StkId key) {
  FGlobal *g = G(L);
  FTable *ov = flH_overlayof(g, t);
  if (ov == NULL) return romnext(L, t, key);
  /* a key of the read-only table not in the overlay: the walk is in its second part */
  if (fl_isnil(key) || !fl_isnil(flH_get(ov, key)) || fl_isnil(romget(g, t, key))) {
    while (flH_next(L, ov, key))
      if (!isdeleted(key + 1) && !ismtkey(key)) return 1;
    fl_setnil(key);
  }
  while (romnext(L, t, key))
    if (fl_isnil(flH_get(ov, key))) return 1;
  return 0;
}

/* generated read-only tables have string keys only: the border is the overlay's */
int flH_rogetn(lua_State *L, FTable *t) {
  FTable *ov = flH_overlayof(G(L), t);
  return ov != NULL ? flH_getn(ov) : flH_getn(t);
}

FTable *flH_romt(lua_State *L, FTable *t) {
  FTable *ov = flH_overlayof(G(L), t);
  if (ov != NULL) {
    FValue k;
    const FValue *v;
    fl_setptr(&k, fl_cast(void *, &mtkey_));
    v = flH_get(ov, &k);
    if (fl_istab(v)) return fl_tabv(v);
    if (isdeleted(v)) return NULL;
  }
  return t->metatable;
}

void flH_rosetmt(lua_State *L, FTable *t, FTable *mt) {
  FValue k, *slot;
  FTable *ov;
  flH_roset(L, t, NULL, NULL);           /* the overlay (or "attempt to write...") */
  ov = flH_overlayof(G(L), t);
  fl_setptr(&k, fl_cast(void *, &mtkey_));
  slot = flH_set(L, ov, &k);
  if (mt != NULL) {
    fl_settab(L, slot, mt);
    flC_objbarriert(L, ov, mt);
  }
  else
    fl_setptr(slot, fl_cast(void *, &deleted_));
}

/* ---- lazy fields ---- */

int flH_lazypending(lua_State *L, FTable *t, FValue *f) {
  if (!flC_isro(fl_obj2gco(t)) || !(t->flags & FL_ROLAZY) || t->gclist == NULL ||
      flH_overlayof(G(L), t) != NULL)
    return 0;
  fl_setgc(L, f, t->gclist, LUA_TFUNCTION);
  return 1;
}

/* call the filler of t (if still pending) with t as its only argument */
void flH_runlazy(lua_State *L, FTable *t) {
  FValue f;
  if (!flH_lazypending(L, t, &f)) return;
  flD_checkstack(L, 2);
  fl_setobj(L, L->top, &f);
  settabv(L->top + 1, t);
  L->top += 2;
  flD_call(L, L->top - 2, 0);
}

/* ---- backed tables ---- */

static FBacked *backedof(FGlobal *g, const FTable *t) {
  int i;
  for (i = 0; i < FL_NBACKED - 1; i++)
    if (g->backed[i].front == t) break;
  return &g->backed[i];   /* (only called for a table with FL_BACKEDBIT: found) */
}

/* the first table of the chain from t that holds key, or NULL */
static const FTable *holder(FGlobal *g, const FTable *t, const FValue *key) {
  while (t != NULL && fl_isnil(romget(g, t, key))) t = flH_nextback(t);
  return t;
}

/* the back table's value for key, nil if shadowed */
static const FValue *backval(FGlobal *g, FBacked *b, const FValue *key) {
  const FTable *t;
  const FValue *v;
  if (b->shadow != NULL && !fl_isnil(flH_get(b->shadow, key))) return flO_nilobject;
  for (t = b->back; t != NULL; t = flH_nextback(t))   /* the first holder's value */
    if (!fl_isnil(v = romget(g, t, key))) return v;
  return flO_nilobject;
}

const FValue *flH_bkget(lua_State *L, FTable *t, const FValue *key) {
  FGlobal *g = G(L);
  return backval(g, backedof(g, t), key);
}

void flH_bkset(lua_State *L, FTable *t, const FValue *key, const FValue *val) {
  FGlobal *g = G(L);
  FBacked *b = backedof(g, t);
  FValue *slot;
  if (flH_get(t, key) == flO_nilobject && !fl_isnil(backval(g, b, key))) {
    /* first write of a key of the back table: t decides it from now on (key is anchored) */
    if (b->shadow == NULL) b->shadow = flH_new(L, 0, 0);   /* a root (markmt) */
    slot = flH_set(L, b->shadow, key);
    fl_setbool(slot, 1);
    if (fl_isnil(val)) return;            /* deleted: being shadowed is enough */
  }
  slot = flH_set(L, t, key);
  fl_setobj(L, slot, val);
  flC_barriert(L, t, val);
}

int flH_bknext(lua_State *L, FTable *t, StkId key) {
  FGlobal *g = G(L);
  FBacked *b = backedof(g, t);
  const FTable *bt = fl_isnil(key) ? NULL : holder(g, b->back, key);
  /* a key of the back chain with no node in t is in the second part of the walk (it may have
  ** been shadowed by a deletion since it was handed out), in its first holder's part */
  if (bt == NULL || flH_get(t, key) != flO_nilobject) {
    if (flH_next(L, t, key)) return 1;
    fl_setnil(key);
    bt = b->back;
  }
  for (;;) {
    while (romnext(L, bt, key))
      if ((b->shadow == NULL || fl_isnil(flH_get(b->shadow, key))) &&
          (bt == b->back || holder(g, b->back, key) == bt))
        return 1;
    if ((bt = flH_nextback(bt)) == NULL) return 0;
    fl_setnil(key);
  }
}

/* front's misses fall through to back from now on (a second call replaces the back table) */
void flH_setback(lua_State *L, FTable *front, const FTable *back) {
  FGlobal *g = G(L);
  int i;
  for (i = 0; i < FL_NBACKED; i++)
    if (g->backed[i].front == front) break;
  if (i == FL_NBACKED)
    for (i = 0; i < FL_NBACKED; i++)
      if (g->backed[i].front == NULL) break;
  fl_assert(i < FL_NBACKED);
  if (i == FL_NBACKED) return;
  g->backed[i].front = front;
  g->backed[i].back = back;
  front->marked |= fl_bitmask(FL_BACKEDBIT);
}

const FValue *flH_rawgetx(lua_State *L, FTable *t, const FValue *key) {
  const FValue *v;
  if (flC_isro(fl_obj2gco(t)))
    return rogetg(G(L), t, key);
  v = flH_get(t, key);
  if (fl_isnil(v) && flH_isbacked(t)) v = flH_bkget(L, t, key);
  return v;
}

/* ---- library opening for FL_ROM builds (called by src/lib through fl_romlib.h) ---- */
#if defined(FL_ROM)

void flR_pushtable(lua_State *L, const FTable *t) {
  settabv(L->top, t);   /* never written: FL_READONLY_MARK */
  L->top++;
}

void flR_pushclosure(lua_State *L, const FCClosure *cl) {
  fl_setcl(L, L->top, fl_cast(void *, fl_cast(FCClosure *, cl)));
  L->top++;
}

/* t[name] = v (v on the stack top, popped), unless t[name] already is v (no RAM then) */
void flR_setfield(lua_State *L, int t, const char *name) {
  if (t < 0 && t > LUA_REGISTRYINDEX) t = lua_gettop(L) + t + 1;
  lua_getfield(L, t, name);
  if (lua_rawequal(L, -1, -2)) lua_pop(L, 2);
  else {
    lua_pop(L, 1);
    lua_setfield(L, t, name);
  }
}

/* as luaL_register(L, name, ...) does for a new library: _G[name] = package.loaded[name] = t,
** with t left on the stack */
void flR_openlib(lua_State *L, const char *name, const FTable *t) {
  lua_getfield(L, LUA_REGISTRYINDEX, "_LOADED");
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, "_LOADED");
  }
  flR_pushtable(L, t);
  lua_pushvalue(L, -1);
  flR_setfield(L, -3, name);
  lua_pushvalue(L, -1);
  flR_setfield(L, LUA_GLOBALSINDEX, name);
  lua_remove(L, -2);
}

/* the table at idx (a table with FL_ROLAZY) now has its overlay: its filler is not pending */
void flR_lazystart(lua_State *L, int idx) {
  const FValue *o = (idx > 0) ? L->base + (idx - 1) : L->top + idx;
  fl_apicheck(L, fl_istab(o) && flC_isro(fl_gcv(o)));
  flH_roset(L, fl_tabv(o), NULL, NULL);
}

void flR_runlazy(lua_State *L, const FTable *t) {
  flH_runlazy(L, fl_cast(FTable *, t));
}

int flR_lazydone(lua_State *L, int nargs) {
  if (nargs >= 3) {            /* called for a write */
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
  }
  if (nargs == 2) {            /* called for a read */
    lua_settop(L, 2);
    lua_rawget(L, 1);
    return 1;
  }
  return 0;
}

/* the back table of the globals (idx LUA_GLOBALSINDEX), the registry, or a table on the stack */
void flR_setback(lua_State *L, int idx, const FTable *back, int replace) {
  FTable *front;
  if (idx == LUA_GLOBALSINDEX) front = fl_tabv(fl_gt(L));
  else if (idx == LUA_REGISTRYINDEX) front = fl_tabv(fl_registry(L));
  else front = fl_tabv((idx > 0) ? L->base + (idx - 1) : L->top + idx);
  if (replace || !flH_isbacked(front)) flH_setback(L, front, back);
}
#endif
