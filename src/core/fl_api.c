/*
** fl_api.c -- the public C API (reference manual section 3), except the functions defined in
** fl_state.c (lua_newstate, lua_close), fl_do.c (lua_resume, lua_yield) and fl_debug.c
** (lua_getstack, lua_getinfo, lua_[gs]etlocal and the hook functions).
**
** Stack discipline: 5.1 trusts C code to stay within LUA_MINSTACK / lua_checkstack. Here every
** function that pushes first makes room (api_room): a push beyond ci->top grows the stack, so a
** careless C function costs memory instead of corrupting it.
**
** Read-only tables (flash store): raw writes (lua_rawset, lua_rawseti, lua_setmetatable on such
** a table) raise "attempt to write to a read-only table". lua_settable/lua_setfield go through
** flV_settable, which applies the same rule after looking at __newindex.
*/
#include <stdint.h>

#include "fl_core.h"

#define api_checknelems(L, n)  fl_apicheck(L, (n) <= (L)->top - (L)->base)
#define api_checkvalid(L, o)   fl_apicheck(L, (o) != flO_nilobject)

/* make sure there is a slot at L->top (see the header comment) */
static void api_room(lua_State *L) {
  if (L->top >= L->ci->top) {
    flD_checkstack(L, 1);
    L->ci->top = L->top + 1;
  }
}

static FValue *index2adr(lua_State *L, int idx) {
  if (idx > 0) {
    FValue *o = L->base + (idx - 1);
    fl_apicheck(L, idx <= L->ci->top - L->base);
    return (o >= L->top) ? fl_cast(FValue *, flO_nilobject) : o;
  }
  else if (idx > LUA_REGISTRYINDEX) {
    fl_apicheck(L, idx != 0 && -idx <= L->top - L->base);
    return L->top + idx;
  }
  else switch (idx) {
    case LUA_REGISTRYINDEX: return fl_registry(L);
    case LUA_ENVIRONINDEX: {
      FClosure *func = fl_curr_func(L);
      if (func->c.env == NULL) return fl_gt(L);   /* read-only C function: the globals */
      fl_settab(L, &L->env, func->c.env);
      return &L->env;
    }
    case LUA_GLOBALSINDEX: return fl_gt(L);
    default: {   /* upvalues of the running C function */
      FClosure *func = fl_curr_func(L);
      idx = LUA_GLOBALSINDEX - idx;
      return (idx <= func->c.nupvalues) ? &func->c.upvalue[idx - 1]
                                        : fl_cast(FValue *, flO_nilobject);
    }
  }
}

/* environment for new C functions and userdata: that of the running function */
static FTable *getcurrenv(lua_State *L) {
  if (L->ci == L->base_ci)
    return fl_tabv(fl_gt(L));
  /* a read-only C function (FL_ROM) has no environment: it uses the thread's globals */
  return fl_curr_func(L)->c.env != NULL ? fl_curr_func(L)->c.env : fl_tabv(fl_gt(L));
}

static void adjustresults(lua_State *L, int nres) {
  if (nres == LUA_MULTRET && L->top >= L->ci->top)
    L->ci->top = L->top;
}

/* ------------------------------------------------------------------ state, stack */

LUA_API int lua_checkstack(lua_State *L, int size) {
  if (size > LUAI_MAXCSTACK || (L->top - L->base) + size > LUAI_MAXCSTACK)
    return 0;
  if (size > 0) {
    flD_checkstack(L, size);
    if (L->ci->top < L->top + size)
      L->ci->top = L->top + size;
  }
  return 1;
}

LUA_API void lua_xmove(lua_State *from, lua_State *to, int n) {
  int i;
  if (from == to) return;
  api_checknelems(from, n);
  fl_apicheck(from, G(from) == G(to));
  lua_checkstack(to, n);
  from->top -= n;
  for (i = 0; i < n; i++) {
    fl_setobj(to, to->top, from->top + i);
    to->top++;
  }
}

LUA_API void lua_setlevel(lua_State *from, lua_State *to) {
  to->nCcalls = from->nCcalls;
}

LUA_API lua_CFunction lua_atpanic(lua_State *L, lua_CFunction panicf) {
  lua_CFunction old = G(L)->panic;
  G(L)->panic = panicf;
  return old;
}

LUA_API lua_State *lua_newthread(lua_State *L) {
  lua_State *L1;
  flC_checkGC(L);
  api_room(L);
  L1 = flE_newthread(L);
  fl_setth(L, L->top, L1);
  L->top++;
  return L1;
}

LUA_API int lua_gettop(lua_State *L) {
  return fl_castint(L->top - L->base);
}

LUA_API void lua_settop(lua_State *L, int idx) {
  if (idx >= 0) {
    if (idx > L->ci->top - L->base)   /* beyond the granted slots: grow rather than overflow */
      lua_checkstack(L, idx - fl_castint(L->top - L->base));
    while (L->top < L->base + idx)
      fl_setnil(L->top++);
    L->top = L->base + idx;
  }
  else {
    fl_apicheck(L, -(idx + 1) <= L->top - L->base);
    L->top += idx + 1;
  }
}

LUA_API void lua_remove(lua_State *L, int idx) {
  StkId p = index2adr(L, idx);
  api_checkvalid(L, p);
  while (++p < L->top)
    fl_setobj(L, p - 1, p);
  L->top--;
}

LUA_API void lua_insert(lua_State *L, int idx) {
  StkId p = index2adr(L, idx);
  StkId q;
  api_checkvalid(L, p);
  for (q = L->top; q > p; q--)
    fl_setobj(L, q, q - 1);
  fl_setobj(L, p, L->top);
}

LUA_API void lua_replace(lua_State *L, int idx) {
  FValue *o;
  if (idx == LUA_ENVIRONINDEX && L->ci == L->base_ci)
    flG_runerror(L, "no calling environment");
  api_checknelems(L, 1);
  o = index2adr(L, idx);
  api_checkvalid(L, o);
  if (idx == LUA_ENVIRONINDEX) {
    FClosure *func = fl_curr_func(L);
    fl_apicheck(L, fl_istab(L->top - 1));
    func->c.env = fl_tabv(L->top - 1);
    flC_barrier(L, func, L->top - 1);
  }
  else {
    fl_setobj(L, o, L->top - 1);
    if (idx < LUA_GLOBALSINDEX)   /* an upvalue of the running C function */
      flC_barrier(L, fl_curr_func(L), L->top - 1);
  }
  L->top--;
}

LUA_API void lua_pushvalue(lua_State *L, int idx) {
  api_room(L);
  fl_setobj(L, L->top, index2adr(L, idx));
  L->top++;
}

/* ------------------------------------------------------------- access functions */

LUA_API int lua_type(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  return (o == flO_nilobject) ? LUA_TNONE : fl_ttype(o);
}

LUA_API const char *lua_typename(lua_State *L, int t) {
  fl_unused(L);
  return fl_typename(t);
}

LUA_API int lua_iscfunction(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  return fl_iscfunction(o);
}

LUA_API int lua_isnumber(lua_State *L, int idx) {
  FValue n;
  const FValue *o = index2adr(L, idx);
  return fl_tonumber(o, &n);
}

LUA_API int lua_isstring(lua_State *L, int idx) {
  int t = lua_type(L, idx);
  return (t == LUA_TSTRING || t == LUA_TNUMBER);
}

LUA_API int lua_isuserdata(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  return (fl_isud(o) || fl_islud(o));
}

LUA_API int lua_rawequal(lua_State *L, int index1, int index2) {
  const FValue *o1 = index2adr(L, index1);
  const FValue *o2 = index2adr(L, index2);
  return (o1 == flO_nilobject || o2 == flO_nilobject) ? 0 : flO_rawequalObj(o1, o2);
}

LUA_API int lua_equal(lua_State *L, int index1, int index2) {
  const FValue *o1 = index2adr(L, index1);
  const FValue *o2 = index2adr(L, index2);
  return (o1 == flO_nilobject || o2 == flO_nilobject) ? 0 : flV_equalobj(L, o1, o2);
}

LUA_API int lua_lessthan(lua_State *L, int index1, int index2) {
  const FValue *o1 = index2adr(L, index1);
  const FValue *o2 = index2adr(L, index2);
  return (o1 == flO_nilobject || o2 == flO_nilobject) ? 0 : flV_lessthan(L, o1, o2);
}

LUA_API lua_Number lua_tonumber(lua_State *L, int idx) {
  FValue n;
  const FValue *o = index2adr(L, idx);
  if (fl_tonumber(o, &n))
    return fl_numv(o);
  return 0;
}

/* Number -> lua_Integer without UB: out of range and NaN give the minimum, like the x86-64
** conversion instruction lua5.1 relies on (so e.g. ("x"):sub(1, 1e100) == "" as there). */
static lua_Integer num2integer(lua_Number n) {
#if defined(FL_NUMBER_INTEGRAL)
  return (lua_Integer)n;
#else
  if (n > (lua_Number)PTRDIFF_MIN && n < (lua_Number)PTRDIFF_MAX)
    return (lua_Integer)n;
  return PTRDIFF_MIN;
#endif
}

LUA_API lua_Integer lua_tointeger(lua_State *L, int idx) {
  FValue n;
  const FValue *o = index2adr(L, idx);
  if (fl_tonumber(o, &n))
    return num2integer(fl_numv(o));
  return 0;
}

LUA_API int lua_toboolean(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  return !fl_isfalse(o);
}

/* converts a number to a string in place */
LUA_API const char *lua_tolstring(lua_State *L, int idx, size_t *len) {
  StkId o = index2adr(L, idx);
  if (!fl_isstr(o)) {
    if (!flV_tostring(L, o)) {
      if (len != NULL) *len = 0;
      return NULL;
    }
    flC_checkGC(L);
    o = index2adr(L, idx);   /* the collector may have moved the stack */
  }
  if (len != NULL) *len = fl_strv(o)->tsv.len;
  return fl_svalue(o);
}

LUA_API size_t lua_objlen(lua_State *L, int idx) {
  StkId o = index2adr(L, idx);
  switch (fl_ttype(o)) {
    case LUA_TSTRING: return fl_strv(o)->tsv.len;
    case LUA_TUSERDATA: return fl_udv(o)->uv.len;
    case LUA_TTABLE: return fl_cast(size_t, flH_getnL(L, fl_tabv(o)));
    case LUA_TNUMBER: return flV_tostring(L, o) ? fl_strv(o)->tsv.len : 0;
    default: return 0;
  }
}

LUA_API lua_CFunction lua_tocfunction(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  return fl_iscfunction(o) ? fl_clv(o)->c.f : NULL;
}

LUA_API void *lua_touserdata(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  switch (fl_ttype(o)) {
    case LUA_TUSERDATA: return fl_cast(void *, fl_udv(o) + 1);
    case LUA_TLIGHTUSERDATA: return fl_ptrv(o);
    default: return NULL;
  }
}

LUA_API lua_State *lua_tothread(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  return fl_isthread(o) ? fl_thv(o) : NULL;
}

LUA_API const void *lua_topointer(lua_State *L, int idx) {
  const FValue *o = index2adr(L, idx);
  switch (fl_ttype(o)) {
    case LUA_TTABLE: case LUA_TFUNCTION: case LUA_TTHREAD:
      return fl_gcv(o);
    case LUA_TUSERDATA: case LUA_TLIGHTUSERDATA:
      return lua_touserdata(L, idx);
    default: return NULL;
  }
}

/* ---------------------------------------------------------------- push functions */

LUA_API void lua_pushnil(lua_State *L) {
  api_room(L);
  fl_setnil(L->top);
  L->top++;
}

LUA_API void lua_pushnumber(lua_State *L, lua_Number n) {
  api_room(L);
  fl_setnum(L->top, n);
  L->top++;
}

LUA_API void lua_pushinteger(lua_State *L, lua_Integer n) {
  api_room(L);
  fl_setnum(L->top, fl_castnum(n));
  L->top++;
}

LUA_API void lua_pushlstring(lua_State *L, const char *s, size_t len) {
  flC_checkGC(L);
  api_room(L);
  fl_setstr(L, L->top, flS_newlstr(L, s, len));
  L->top++;
}

LUA_API void lua_pushstring(lua_State *L, const char *s) {
  if (s == NULL)
    lua_pushnil(L);
  else
    lua_pushlstring(L, s, strlen(s));
}

LUA_API const char *lua_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  flC_checkGC(L);
  return flO_pushvfstring(L, fmt, argp);
}

LUA_API const char *lua_pushfstring(lua_State *L, const char *fmt, ...) {
  const char *ret;
  va_list argp;
  flC_checkGC(L);
  va_start(argp, fmt);
  ret = flO_pushvfstring(L, fmt, argp);
  va_end(argp);
  return ret;
}

LUA_API void lua_pushcclosure(lua_State *L, lua_CFunction fn, int n) {
  FClosure *cl;
  flC_checkGC(L);
  api_checknelems(L, n);
  api_room(L);
  cl = flF_newCclosure(L, n, getcurrenv(L));   /* the upvalues are still on the stack */
  cl->c.f = fn;
  L->top -= n;
  while (n--)
    fl_setobj(L, &cl->c.upvalue[n], L->top + n);
  fl_setcl(L, L->top, cl);
  L->top++;
}

LUA_API void lua_pushboolean(lua_State *L, int b) {
  api_room(L);
  fl_setbool(L->top, (b != 0));
  L->top++;
}

LUA_API void lua_pushlightuserdata(lua_State *L, void *p) {
  api_room(L);
  fl_setptr(L->top, p);
  L->top++;
}

LUA_API int lua_pushthread(lua_State *L) {
  api_room(L);
  fl_setth(L, L->top, L);
  L->top++;
  return (G(L)->mainthread == L);
}

/* ----------------------------------------------------------------- get functions */

LUA_API void lua_gettable(lua_State *L, int idx) {
  StkId t = index2adr(L, idx);
  api_checkvalid(L, t);
  flV_gettable(L, t, L->top - 1, L->top - 1);
}

LUA_API void lua_getfield(lua_State *L, int idx, const char *k) {
  StkId t;
  api_room(L);
  t = index2adr(L, idx);
  api_checkvalid(L, t);
  fl_setstr(L, L->top, flS_new(L, k));   /* key anchored in the new slot */
  L->top++;
  flV_gettable(L, t, L->top - 1, L->top - 1);
}

/* the table at idx, with the lazy fields of a read-only one made (the stack may move) */
static FTable *rawtable(lua_State *L, int idx) {
  StkId t = index2adr(L, idx);
  fl_apicheck(L, fl_istab(t));
  if (flH_slowmiss(fl_tabv(t))) {
    flH_runlazy(L, fl_tabv(t));
    t = index2adr(L, idx);
  }
  return fl_tabv(t);
}

LUA_API void lua_rawget(lua_State *L, int idx) {
  FTable *h = rawtable(L, idx);
  if (flH_slowmiss(h))
    fl_setobj(L, L->top - 1, flH_rawgetx(L, h, L->top - 1))
  else
    fl_setobj(L, L->top - 1, flH_get(h, L->top - 1));
}

LUA_API void lua_rawgeti(lua_State *L, int idx, int n) {
  FTable *h;
  api_room(L);
  h = rawtable(L, idx);
  if (flH_slowmiss(h)) {
    FValue k;
    fl_setnum(&k, fl_castnum(n));
    fl_setobj(L, L->top, flH_rawgetx(L, h, &k));
  }
  else
    fl_setobj(L, L->top, flH_getnum(h, n));
  L->top++;
}

LUA_API void lua_createtable(lua_State *L, int narray, int nrec) {
  FTable *t;
  flC_checkGC(L);
  api_room(L);
  t = flH_new(L, narray, nrec);
  fl_settab(L, L->top, t);
  L->top++;
}

LUA_API int lua_getmetatable(lua_State *L, int objindex) {
  const FValue *obj;
  FTable *mt;
  api_room(L);
  obj = index2adr(L, objindex);
  switch (fl_ttype(obj)) {
    case LUA_TTABLE: mt = fl_tabmt(L, fl_tabv(obj)); break;
    case LUA_TUSERDATA: mt = fl_udv(obj)->uv.metatable; break;
    default: mt = G(L)->mt[fl_ttype(obj)]; break;
  }
  if (mt == NULL)
    return 0;
  fl_settab(L, L->top, mt);
  L->top++;
  return 1;
}

LUA_API void lua_getfenv(lua_State *L, int idx) {
  StkId o;
  api_room(L);
  o = index2adr(L, idx);
  api_checkvalid(L, o);
  switch (fl_ttype(o)) {
    case LUA_TFUNCTION:   /* no environment (read-only C function): the globals */
      if (fl_clv(o)->c.env == NULL) fl_setobj(L, L->top, fl_gt(L))
      else fl_settab(L, L->top, fl_clv(o)->c.env);
      break;
    case LUA_TUSERDATA: fl_settab(L, L->top, fl_udv(o)->uv.env); break;
    case LUA_TTHREAD: fl_setobj(L, L->top, fl_gt(fl_thv(o))); break;
    default: fl_setnil(L->top); break;
  }
  L->top++;
}

/* ----------------------------------------------------------------- set functions */

LUA_API void lua_settable(lua_State *L, int idx) {
  StkId t;
  api_checknelems(L, 2);
  t = index2adr(L, idx);
  api_checkvalid(L, t);
  flV_settable(L, t, L->top - 2, L->top - 1);
  L->top -= 2;
}

LUA_API void lua_setfield(lua_State *L, int idx, const char *k) {
  StkId t;
  api_checknelems(L, 1);
  api_room(L);
  t = index2adr(L, idx);
  api_checkvalid(L, t);
  fl_setstr(L, L->top, flS_new(L, k));   /* anchor the key: a rehash may collect */
  L->top++;
  flV_settable(L, t, L->top - 1, L->top - 2);
  L->top -= 2;
}

LUA_API void lua_rawset(lua_State *L, int idx) {
  FTable *h;
  api_checknelems(L, 2);
  h = rawtable(L, idx);
  if (flC_isro(fl_obj2gco(h))) {
    flH_roset(L, h, L->top - 2, L->top - 1);   /* overlay, or "attempt to write..." */
    L->top -= 2;
    return;
  }
  if (flH_isbacked(h)) {
    flH_bkset(L, h, L->top - 2, L->top - 1);
    L->top -= 2;
    return;
  }
  fl_setobj(L, flH_set(L, h, L->top - 2), L->top - 1);
  flC_barriert(L, h, L->top - 1);
  L->top -= 2;
}

LUA_API void lua_rawseti(lua_State *L, int idx, int n) {
  FTable *h;
  api_checknelems(L, 1);
  h = rawtable(L, idx);
  if (flC_isro(fl_obj2gco(h))) {
    FValue k;
    fl_setnum(&k, fl_castnum(n));
    flH_roset(L, h, &k, L->top - 1);   /* overlay, or "attempt to write..." */
    L->top--;
    return;
  }
  fl_setobj(L, flH_setnum(L, h, n), L->top - 1);
  flC_barriert(L, h, L->top - 1);
  L->top--;
}

LUA_API int lua_setmetatable(lua_State *L, int objindex) {
  FValue *obj;
  FTable *mt;
  api_checknelems(L, 1);
  obj = index2adr(L, objindex);
  api_checkvalid(L, obj);
  if (fl_isnil(L->top - 1))
    mt = NULL;
  else {
    fl_apicheck(L, fl_istab(L->top - 1));
    mt = fl_tabv(L->top - 1);
  }
  switch (fl_ttype(obj)) {
    case LUA_TTABLE: {
      FTable *h = fl_tabv(obj);
      if (flC_isro(fl_obj2gco(h))) {   /* kept in its overlay, or "attempt to write..." */
        flH_runlazy(L, h);             /* (mt stays anchored at the top) */
        flH_rosetmt(L, h, mt);
        break;
      }
      h->metatable = mt;
      if (mt != NULL) flC_objbarriert(L, h, mt);
      break;
    }
    case LUA_TUSERDATA: {
      FUdata *u = fl_udv(obj);
      u->uv.metatable = mt;
      if (mt != NULL) flC_objbarrier(L, u, mt);
      break;
    }
    default:
      G(L)->mt[fl_ttype(obj)] = mt;
      break;
  }
  L->top--;
  return 1;
}

LUA_API int lua_setfenv(lua_State *L, int idx) {
  StkId o;
  int res = 1;
  FTable *e;
  api_checknelems(L, 1);
  o = index2adr(L, idx);
  api_checkvalid(L, o);
  fl_apicheck(L, fl_istab(L->top - 1));
  e = fl_tabv(L->top - 1);
  switch (fl_ttype(o)) {
    case LUA_TFUNCTION:
      if (flC_isro(fl_gcv(o))) res = 0;   /* a read-only C function keeps no environment */
      else fl_clv(o)->c.env = e;
      break;
    case LUA_TUSERDATA: fl_udv(o)->uv.env = e; break;
    case LUA_TTHREAD: fl_settab(L, fl_gt(fl_thv(o)), e); break;
    default: res = 0; break;
  }
  if (res) flC_objbarrier(L, fl_gcv(o), e);
  L->top--;
  return res;
}

/* ------------------------------------------------------------------ load and call */

struct CallS {
  StkId func;
  int nresults;
};

static void f_call(lua_State *L, void *ud) {
  struct CallS *c = fl_cast(struct CallS *, ud);
  flD_call(L, c->func, c->nresults);
}

LUA_API void lua_call(lua_State *L, int nargs, int nresults) {
  StkId func;
  api_checknelems(L, nargs + 1);
  func = L->top - (nargs + 1);
  flD_call(L, func, nresults);
  adjustresults(L, nresults);
}

LUA_API int lua_pcall(lua_State *L, int nargs, int nresults, int errfunc) {
  struct CallS c;
  int status;
  ptrdiff_t func = 0;
  api_checknelems(L, nargs + 1);
  if (errfunc != 0) {
    StkId o = index2adr(L, errfunc);
    api_checkvalid(L, o);
    func = fl_savestack(L, o);
  }
  c.func = L->top - (nargs + 1);
  c.nresults = nresults;
  status = flD_pcall(L, f_call, &c, fl_savestack(L, c.func), func);
  adjustresults(L, nresults);
  return status;
}

struct CCallS {
  lua_CFunction func;
  void *ud;
};

static void f_Ccall(lua_State *L, void *ud) {
  struct CCallS *c = fl_cast(struct CCallS *, ud);
  FClosure *cl;
  api_room(L);
  cl = flF_newCclosure(L, 0, getcurrenv(L));
  cl->c.f = c->func;
  fl_setcl(L, L->top, cl);
  L->top++;
  api_room(L);
  fl_setptr(L->top, c->ud);
  L->top++;
  flD_call(L, L->top - 2, 0);
}

LUA_API int lua_cpcall(lua_State *L, lua_CFunction func, void *ud) {
  struct CCallS c;
  c.func = func;
  c.ud = ud;
  return flD_pcall(L, f_Ccall, &c, fl_savestack(L, L->top), 0);
}

LUA_API int lua_load(lua_State *L, lua_Reader reader, void *data, const char *chunkname) {
  FZio z;
  if (chunkname == NULL) chunkname = "?";
  flZ_init(L, &z, reader, data);
  return flD_protectedparser(L, &z, chunkname);
}

LUA_API int lua_dump(lua_State *L, lua_Writer writer, void *data) {
  const FValue *o;
  api_checknelems(L, 1);
  o = L->top - 1;
  if (fl_islfunction(o))
    return flU_dump(L, fl_clv(o)->l.p, writer, data, 0);
  return 1;
}

LUA_API int lua_status(lua_State *L) {
  return L->status;
}

/* --------------------------------------------------------------- garbage collection */

LUA_API int lua_gc(lua_State *L, int what, int data) {
  int res = 0;
  FGlobal *g = G(L);
  switch (what) {
    case LUA_GCSTOP:
      g->gcstopped = 1;
      g->GCthreshold = FL_MAX_LUMEM;
      break;
    case LUA_GCRESTART:
      g->gcstopped = 0;
      g->GCthreshold = g->totalbytes;
      break;
    case LUA_GCCOLLECT:
      flC_fullgc(L);
      break;
    case LUA_GCCOUNT:
      res = fl_castint(g->totalbytes >> 10);
      break;
    case LUA_GCCOUNTB:
      res = fl_castint(g->totalbytes & 0x3ff);
      break;
    case LUA_GCSTEP: {
      /* pretend data KB more were allocated, then step until the debt is paid */
      lu_mem a = fl_cast(lu_mem, data) << 10;
      g->GCthreshold = (a <= g->totalbytes) ? g->totalbytes - a : 0;
      while (g->GCthreshold <= g->totalbytes) {
        flC_step(L);
        if (g->gcstate == GCSpause) {   /* end of a cycle */
          res = 1;
          break;
        }
      }
      break;
    }
    case LUA_GCSETPAUSE:
      res = g->gcpause;
      g->gcpause = data;
      break;
    case LUA_GCSETSTEPMUL:
      res = g->gcstepmul;
      g->gcstepmul = data;
      break;
    default:
      res = -1;
      break;
  }
  return res;
}

/* ------------------------------------------------------------------ miscellaneous */

LUA_API int lua_error(lua_State *L) {
  api_checknelems(L, 1);
  flG_errormsg(L);
  return 0;   /* not reached */
}

LUA_API int lua_next(lua_State *L, int idx) {
  FTable *h;
  int more;
  api_room(L);
  h = rawtable(L, idx);
  if (flH_isbacked(h)) more = flH_bknext(L, h, L->top - 1);
  else if (flC_isro(fl_obj2gco(h))) more = flH_ronext(L, h, L->top - 1);
  else more = flH_next(L, h, L->top - 1);
  if (more)
    L->top++;
  else
    L->top--;
  return more;
}

LUA_API void lua_concat(lua_State *L, int n) {
  api_checknelems(L, n);
  if (n >= 2) {
    flC_checkGC(L);
    flV_concat(L, n, fl_castint(L->top - L->base) - 1);
    L->top -= (n - 1);
  }
  else if (n == 0) {   /* the empty string */
    api_room(L);
    fl_setstr(L, L->top, flS_newlstr(L, "", 0));
    L->top++;
  }
  /* n == 1: the value stays as it is */
}

LUA_API lua_Alloc lua_getallocf(lua_State *L, void **ud) {
  if (ud != NULL) *ud = G(L)->ud;
  return G(L)->frealloc;
}

LUA_API void lua_setallocf(lua_State *L, lua_Alloc f, void *ud) {
  G(L)->ud = ud;
  G(L)->frealloc = f;
}

LUA_API void *lua_newuserdata(lua_State *L, size_t size) {
  FUdata *u;
  flC_checkGC(L);
  api_room(L);
  u = flS_newudata(L, size, getcurrenv(L));
  fl_setud(L, L->top, u);
  L->top++;
  return u + 1;
}

/* Upvalue n of the function at fi: its name ("" for C functions, which have no names), its
** slot in *val and the object a barrier must be taken on in *owner. NULL if there is none. */
static const char *aux_upvalue(StkId fi, int n, FValue **val, FGCObj **owner) {
  FClosure *f;
  if (!fl_isfunc(fi)) return NULL;
  f = fl_clv(fi);
  if (f->c.isC) {
    if (!(1 <= n && n <= f->c.nupvalues)) return NULL;
    *val = &f->c.upvalue[n - 1];
    *owner = fl_obj2gco(f);
    return "";
  }
  else {
    const FProto *p = f->l.p;
    if (!(1 <= n && n <= fl_pdbg(p)->sizeupvalues && n <= f->l.nupvalues)) return NULL;
    *val = f->l.upvals[n - 1]->v;
    *owner = fl_obj2gco(f->l.upvals[n - 1]);
    return fl_getstr(fl_pdbg(p)->upvalues[n - 1]);
  }
}

LUA_API const char *lua_getupvalue(lua_State *L, int funcindex, int n) {
  const char *name;
  FValue *val;
  FGCObj *owner;
  api_room(L);
  name = aux_upvalue(index2adr(L, funcindex), n, &val, &owner);
  if (name != NULL) {
    fl_setobj(L, L->top, val);
    L->top++;
  }
  return name;
}

LUA_API const char *lua_setupvalue(lua_State *L, int funcindex, int n) {
  const char *name;
  FValue *val;
  FGCObj *owner;
  StkId fi = index2adr(L, funcindex);
  api_checknelems(L, 1);
  name = aux_upvalue(fi, n, &val, &owner);
  if (name != NULL) {
    L->top--;
    fl_setobj(L, val, L->top);
    flC_barrier(L, owner, L->top);
  }
  return name;
}
