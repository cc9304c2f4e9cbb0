/*
** fl_rotab.c -- monkey-patching of compiled-in read-only tables (see docs/ram-at-rest.md).
**
** A read-only table cannot be written, so the first write into one (FL_ROPATCH set in its flags)
** creates a RAM overlay table; G->rooverlay maps each patched read-only table to its overlay and
** is a GC root. Reads look in the overlay first, then in the read-only table. A key of the
** read-only table assigned nil is kept in the overlay with the value `deleted` (a light userdata
** no Lua code can see). next() walks the overlay, then the read-only keys it does not shadow.
** Cost: nothing until a first write; then one table lookup per read of a read-only table.
*/
#include "fl_core.h"

static const char deleted_;
#define isdeleted(v)  (fl_islud(v) && fl_ptrv(v) == fl_cast(void *, &deleted_))

static FTable *overlayof(lua_State *L, FTable *t) {
  FValue k;
  const FValue *v;
  if (G(L)->rooverlay == NULL) return NULL;
  fl_settab(L, &k, t);
  v = flH_get(G(L)->rooverlay, &k);
  return fl_istab(v) ? fl_tabv(v) : NULL;
}

const FValue *flH_roget(lua_State *L, FTable *t, const FValue *key) {
  FTable *ov = overlayof(L, t);
  if (ov != NULL) {
    const FValue *v = flH_get(ov, key);
    if (!fl_isnil(v)) return isdeleted(v) ? flO_nilobject : v;
  }
  return flH_get(t, key);
}

void flH_roset(lua_State *L, FTable *t, const FValue *key, const FValue *val) {
  FGlobal *g = G(L);
  FTable *ov;
  FValue *slot;
  if (!(t->flags & FL_ROPATCH))
    flG_runerror(L, "attempt to write to a read-only table");
  if (g->rooverlay == NULL)
    g->rooverlay = flH_new(L, 0, 0);     /* a root from now on (markmt) */
  ov = overlayof(L, t);
  if (ov == NULL) {
    FValue k;
    /* the new overlay is anchored at top while rooverlay may grow (a collection there would
    ** free it), and the slot is filled at once (a collection would make its key dead) */
    ov = flH_new(L, 0, 0);
    fl_settab(L, L->top, ov);
    L->top++;
    fl_settab(L, &k, t);
    slot = flH_set(L, g->rooverlay, &k); /* (read-only key: no barrier needed) */
    fl_settab(L, slot, ov);
    L->top--;
    flC_barriert(L, g->rooverlay, slot);
  }
  slot = flH_set(L, ov, key);
  if (fl_isnil(val) && !fl_isnil(flH_get(t, key)))
    fl_setptr(slot, fl_cast(void *, &deleted_))   /* hide the read-only value */
  else
    fl_setobj(L, slot, val);
  flC_barriert(L, ov, val);
}

int flH_ronext(lua_State *L, FTable *t, StkId key) {
  FTable *ov = overlayof(L, t);
  if (ov == NULL) return flH_next(L, t, key);
  /* a key of the read-only table not in the overlay: the walk is in its second part */
  if (fl_isnil(key) || !fl_isnil(flH_get(ov, key)) || fl_isnil(flH_get(t, key))) {
    while (flH_next(L, ov, key))
      if (!isdeleted(key + 1)) return 1;
    fl_setnil(key);
  }
  while (flH_next(L, t, key))
    if (fl_isnil(flH_get(ov, key))) return 1;
  return 0;
}

/* generated read-only tables have string keys only: the border is the overlay's */
int flH_rogetn(lua_State *L, FTable *t) {
  FTable *ov = overlayof(L, t);
  return ov != NULL ? flH_getn(ov) : flH_getn(t);
}

/* ---- library opening for FL_ROM builds (called by src/lib through fl_romlib.h) ---- */

void flR_pushtable(lua_State *L, const FTable *t) {
  fl_settab(L, L->top, fl_cast(FTable *, t));   /* never written: FL_READONLY_MARK */
  L->top++;
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
  lua_setfield(L, -3, name);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_GLOBALSINDEX, name);
  lua_remove(L, -2);
}
