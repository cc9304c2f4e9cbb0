/*
** fl_tm.c -- metamethod names, type names and metamethod lookup.
*/
#include "fl_core.h"

/* indexed by type + 1, so that LUA_TNONE (-1) gives "no value" */
const char *const flT_typenames[] = {
  "no value", "nil", "boolean", "userdata", "number", "string", "table",
  "function", "userdata", "thread", "proto", "upval"
};

/* in TMS order */
static const char *const tm_names[TM_N] = {
  "__index", "__newindex", "__gc", "__mode", "__eq",
  "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__len",
  "__lt", "__le", "__concat", "__call"
};

void flT_init(lua_State *L) {
  int i;
  for (i = 0; i < TM_N; i++) {
    FString *s = flS_new(L, tm_names[i]);
    if (!flC_isro(fl_obj2gco(s))) flS_fix(s);   /* fixed before the next allocation */
    G(L)->tmname[i] = s;
  }
}

/* Raw lookup of a metamethod in a metatable. An absent TM_INDEX..TM_EQ is remembered in
** `flags` (reset by whoever writes the table) -- except in a read-only table, which is never
** written (and whose overlay, if patched, is consulted). */
const FValue *flT_gettm(FGlobal *g, FTable *events, TMS event, FString *ename) {
  const FValue *tm;
  if (flC_isro(fl_obj2gco(events))) {
    lua_State *L = g->mainthread;        /* (flH_rawgetx only uses its global state) */
    FValue k;
    fl_setstr(L, &k, ename);
    tm = flH_rawgetx(L, events, &k);
    return fl_isnil(tm) ? NULL : tm;
  }
  tm = flH_getstr(events, ename);
  if (fl_isnil(tm)) {
    if (event <= TM_EQ)
      events->flags = fl_castbyte(events->flags | (1u << event));
    return NULL;
  }
  return tm;
}

const FValue *flT_gettmbyobj(lua_State *L, const FValue *o, TMS event) {
  FTable *mt;
  FValue k;
  switch (fl_ttype(o)) {
    case LUA_TTABLE: mt = fl_tabmt(L, fl_tabv(o)); break;
    case LUA_TUSERDATA: mt = fl_udv(o)->uv.metatable; break;
    default: mt = (fl_ttype(o) >= 0 && fl_ttype(o) <= LUA_TTHREAD) ? G(L)->mt[fl_ttype(o)] : NULL;
  }
  if (mt == NULL) return flO_nilobject;
  if (!flC_isro(fl_obj2gco(mt))) return flH_getstr(mt, G(L)->tmname[event]);
  fl_setstr(L, &k, G(L)->tmname[event]);
  return flH_rawgetx(L, mt, &k);
}
