/*
** fl_vm.c -- the interpreter loop and the generic operations behind it: indexing through
** __index/__newindex chains, arithmetic and comparison metamethods, concatenation and the
** number <-> string coercions.
*/
#include "fl_core.h"
#include "fl_opcodes.h"

#if defined(__GNUC__)
#define fl_likely(x)    __builtin_expect(!!(x), 1)
#define fl_unlikely(x)  __builtin_expect(!!(x), 0)
#else
#define fl_likely(x)    (x)
#define fl_unlikely(x)  (x)
#endif

/* Threaded dispatch (one indirect jump per instruction, GNU "labels as values") is used
** when available, except in builds optimised for size where the plain switch is smaller. */
#if !defined(FL_NO_JUMPTABLE) && defined(__GNUC__) && !defined(__OPTIMIZE_SIZE__)
#define FL_JUMPTABLE 1
#else
#define FL_JUMPTABLE 0
#endif


/* ============================================================== coercions */

const FValue *flV_tonumber(const FValue *obj, FValue *n) {
  lua_Number num;
  if (fl_isnum(obj))
    return obj;
  if (fl_isstr(obj) && flO_str2d(fl_svalue(obj), &num)) {
    fl_setnum(n, num);
    return n;
  }
  return NULL;
}

int flV_tostring(lua_State *L, StkId obj) {
  char buf[LUAI_MAXNUMBER2STR];
  int len;
  if (!fl_isnum(obj))
    return 0;
  len = flO_num2str(buf, fl_numv(obj));
  fl_setstr(L, obj, flS_newlstr(L, buf, (size_t)len));
  return 1;
}


/* ===================================================== metamethod calls */

/* Call f(p1, p2) and store its one result in `res`. The operands are copied first:
** they may live in the stack, which moves if it has to grow. */
static void callTMres(lua_State *L, StkId res, const FValue *f, const FValue *p1,
                      const FValue *p2) {
  ptrdiff_t result = fl_savestack(L, res);
  FValue a = *f, b = *p1, c = *p2;
  flD_checkstack(L, 3);
  fl_setobj(L, L->top, &a);
  fl_setobj(L, L->top + 1, &b);
  fl_setobj(L, L->top + 2, &c);
  L->top += 3;
  flD_call(L, L->top - 3, 1);
  res = fl_restorestack(L, result);
  L->top--;
  fl_setobj(L, res, L->top);
}

/* Call f(p1, p2, p3) with no result (__newindex). */
static void callTM(lua_State *L, const FValue *f, const FValue *p1, const FValue *p2,
                   const FValue *p3) {
  FValue a = *f, b = *p1, c = *p2, d = *p3;
  flD_checkstack(L, 4);
  fl_setobj(L, L->top, &a);
  fl_setobj(L, L->top + 1, &b);
  fl_setobj(L, L->top + 2, &c);
  fl_setobj(L, L->top + 3, &d);
  L->top += 4;
  flD_call(L, L->top - 4, 0);
}

/* Binary metamethod of the first operand, else of the second; 0 if neither has one. */
static int call_binTM(lua_State *L, const FValue *p1, const FValue *p2, StkId res,
                      TMS event) {
  const FValue *tm = flT_gettmbyobj(L, p1, event);
  if (fl_isnil(tm))
    tm = flT_gettmbyobj(L, p2, event);
  if (fl_isnil(tm))
    return 0;
  callTMres(L, res, tm, p1, p2);
  return 1;
}

/* __eq/__lt/__le are used only when both operands agree on the metamethod. */
static const FValue *get_compTM(lua_State *L, FTable *mt1, FTable *mt2, TMS event) {
  const FValue *tm1 = fl_fasttm(L, mt1, event);
  const FValue *tm2;
  if (tm1 == NULL)
    return NULL;
  if (mt1 == mt2)
    return tm1;
  tm2 = fl_fasttm(L, mt2, event);
  if (tm2 == NULL || !flO_rawequalObj(tm1, tm2))
    return NULL;
  return tm1;
}

/* Order metamethod: -1 if not applicable, else the boolean result. */
static int call_orderTM(lua_State *L, const FValue *p1, const FValue *p2, TMS event) {
  const FValue *tm1 = flT_gettmbyobj(L, p1, event);
  const FValue *tm2;
  if (fl_isnil(tm1))
    return -1;
  tm2 = flT_gettmbyobj(L, p2, event);
  if (!flO_rawequalObj(tm1, tm2))
    return -1;
  callTMres(L, L->top, tm1, p1, p2);
  return !fl_isfalse(L->top);
}


/* ============================================================== indexing */

/* The array slot for numeric key n, or NULL when n is not an integer index of it. */
static FValue *arrayslot(const FTable *h, lua_Number n) {
#if defined(FL_NUMBER_INTEGRAL)
  lu_int32 u = (lu_int32)n - 1u;
  return (u < (lu_int32)h->sizearray) ? &h->array[u] : NULL;
#else
  if (n >= 1 && n <= h->sizearray) {       /* range first: the cast is then defined */
    int ik = (int)n;
    if ((lua_Number)ik == n)
      return &h->array[ik - 1];
  }
  return NULL;
#endif
}

/* Raw read with the cheap cases first (string keys, array part). */
static const FValue *rawget_(FTable *h, const FValue *key) {
  if (fl_isstr(key))
    return flH_getstr(h, fl_strv(key));
  if (fl_isnum(key)) {
    const FValue *v = arrayslot(h, fl_numv(key));
    if (v != NULL)
      return v;
  }
  return flH_get(h, key);
}

/* A global missing from a backed globals table (fl_rotab.c): its value in the read-only back
** table, or NULL when the full path must decide (shadowed key, absent, flash store copies). */
static const FValue *backedglobal(FGlobal *g, const FTable *h, FString *key) {
  const FBacked *b = g->backed;
  const FValue *v;
  while (b->front != h)
    if (++b == g->backed + FL_NBACKED) return NULL;
  if (b->shadow != NULL && !fl_isnil(flH_getstr(b->shadow, key))) return NULL;
  for (h = b->back; h != NULL; h = flH_nextback(h))
    if (!fl_isnil(v = flH_getstr(fl_cast(FTable *, h), key))) return v;
  return NULL;
}

/* a patched read-only table (fl_rotab.c) is read through its overlay; `L` is in scope at
** every use */
#define rawget(h, key) (fl_unlikely(flH_hasoverlay(L, h)) ? flH_roget(L, h, key) : rawget_(h, key))

void flV_gettable(lua_State *L, const FValue *t, FValue *key, StkId val) {
  int loop;
  for (loop = 0; loop < FL_MAXTAGLOOP; loop++) {
    const FValue *tm;
    if (fl_istab(t)) {
      FTable *h = fl_tabv(t);
      const FValue *res = rawget(h, key);
      if (fl_isnil(res) && flH_slowmiss(h)) {
        FValue f;
        if (flH_isbacked(h))
          res = flH_bkget(L, h, key);
        else if (flH_lazypending(L, h, &f)) {   /* its filler creates the field, returns it */
          callTMres(L, val, &f, t, key);
          return;
        }
        else
          res = flH_rawgetx(L, h, key);          /* (a flash store's copy of a fixed string) */
      }
      if (!fl_isnil(res) || (tm = fl_fasttm(L, fl_tabmt(L, h), TM_INDEX)) == NULL) {
        fl_setobj(L, val, res);
        return;
      }
    }
    else if (fl_isnil(tm = flT_gettmbyobj(L, t, TM_INDEX)))
      flG_typeerror(L, t, "index");
    if (fl_isfunc(tm)) {
      callTMres(L, val, tm, t, key);
      return;
    }
    t = tm;                                /* repeat the access on the __index value */
  }
  flG_runerror(L, "loop in gettable");
}

static void readonlyerror(lua_State *L) {
  flG_runerror(L, "attempt to write to a read-only table");
}

void flV_settable(lua_State *L, const FValue *t, FValue *key, StkId val) {
  FValue temp;
  int loop;
  for (loop = 0; loop < FL_MAXTAGLOOP; loop++) {
    const FValue *tm = NULL;
    if (fl_istab(t)) {
      FTable *h = fl_tabv(t);
      if (flC_isro(fl_obj2gco(h))) {
        FValue f;
        if (flH_lazypending(L, h, &f)) {   /* fields first: the filler then does the write */
          callTM(L, &f, t, key, val);
          return;
        }
        /* a read-only table can only forward new keys to its __newindex */
        if (!fl_isnil(rawget(h, key)) ||
            (tm = fl_fasttm(L, fl_tabmt(L, h), TM_NEWINDEX)) == NULL) {
          flH_roset(L, h, key, val);       /* overlay, or "attempt to write..." */
          return;
        }
      }
      else if (flH_isbacked(h)) {
        if (!fl_isnil(flH_rawgetx(L, h, key)) ||
            (tm = fl_fasttm(L, h->metatable, TM_NEWINDEX)) == NULL) {
          flH_bkset(L, h, key, val);
          return;
        }
      }
      else {
        /* as in 5.1, the key is created before __newindex is looked at */
        FValue *slot = flH_set(L, h, key);
        if (!fl_isnil(slot) || (tm = fl_fasttm(L, h->metatable, TM_NEWINDEX)) == NULL) {
          fl_setobj(L, slot, val);
          h->flags = 0;                    /* it may be a metatable: forget cached absences */
          flC_barriert(L, h, val);
          return;
        }
      }
    }
    else if (fl_isnil(tm = flT_gettmbyobj(L, t, TM_NEWINDEX)))
      flG_typeerror(L, t, "index");
    if (fl_isfunc(tm)) {
      callTM(L, tm, t, key, val);
      return;
    }
    temp = *tm;                            /* the table holding tm may be resized */
    t = &temp;
  }
  flG_runerror(L, "loop in settable");
}


/* ============================================================ comparisons */

/* String order: byte-wise (the C locale's order), embedded zeros included. */
static int l_strcmp(const FString *ls, const FString *rs) {
  size_t ll = ls->tsv.len, lr = rs->tsv.len;
  int r = memcmp(fl_getstr(ls), fl_getstr(rs), (ll < lr) ? ll : lr);
  if (r != 0)
    return r;
  return (ll < lr) ? -1 : (ll > lr);
}

int flV_lessthan(lua_State *L, const FValue *l, const FValue *r) {
  int res;
  if (fl_ttype(l) != fl_ttype(r))
    return flG_ordererror(L, l, r);
  if (fl_isnum(l))
    return fl_numlt(fl_numv(l), fl_numv(r));
  if (fl_isstr(l))
    return l_strcmp(fl_strv(l), fl_strv(r)) < 0;
  if ((res = call_orderTM(L, l, r, TM_LT)) != -1)
    return res;
  return flG_ordererror(L, l, r);
}

static int lessequal(lua_State *L, const FValue *l, const FValue *r) {
  int res;
  if (fl_ttype(l) != fl_ttype(r))
    return flG_ordererror(L, l, r);
  if (fl_isnum(l))
    return fl_numle(fl_numv(l), fl_numv(r));
  if (fl_isstr(l))
    return l_strcmp(fl_strv(l), fl_strv(r)) <= 0;
  if ((res = call_orderTM(L, l, r, TM_LE)) != -1)
    return res;
  if ((res = call_orderTM(L, r, l, TM_LT)) != -1)   /* a <= b as not (b < a) */
    return !res;
  return flG_ordererror(L, l, r);
}

int flV_equalval(lua_State *L, const FValue *t1, const FValue *t2) {
  const FValue *tm;
  switch (fl_ttype(t1)) {
    case LUA_TNIL: return 1;
    case LUA_TNUMBER: return fl_numeq(fl_numv(t1), fl_numv(t2));
    case LUA_TBOOLEAN: return fl_boolv(t1) == fl_boolv(t2);
    case LUA_TLIGHTUSERDATA: return fl_ptrv(t1) == fl_ptrv(t2);
    case LUA_TUSERDATA:
      if (fl_udv(t1) == fl_udv(t2))
        return 1;
      tm = get_compTM(L, fl_udv(t1)->uv.metatable, fl_udv(t2)->uv.metatable, TM_EQ);
      break;
    case LUA_TTABLE:
      if (fl_tabv(t1) == fl_tabv(t2))
        return 1;
      tm = get_compTM(L, fl_tabmt(L, fl_tabv(t1)), fl_tabmt(L, fl_tabv(t2)), TM_EQ);
      break;
    default:
      return fl_gcv(t1) == fl_gcv(t2);
  }
  if (tm == NULL)
    return 0;
  callTMres(L, L->top, tm, t1, t2);
  return !fl_isfalse(L->top);
}


/* ======================================================= concat, arithmetic */

/* Concatenate the `total` values ending at register `last` (relative to base), leaving
** the result in the first of them. Runs of strings/numbers are joined in one go. */
void flV_concat(lua_State *L, int total, int last) {
  do {
    StkId top = L->base + last + 1;
    int n = 2;
    if (!(fl_isstr(top - 2) || fl_isnum(top - 2)) || !fl_tostring(L, top - 1)) {
      if (!call_binTM(L, top - 2, top - 1, top - 2, TM_CONCAT))
        flG_concaterror(L, top - 2, top - 1);
    }
    else if (fl_strv(top - 1)->tsv.len == 0)   /* x .. "" is x, as a string */
      (void)fl_tostring(L, top - 2);
    else {
      size_t tl = fl_strv(top - 1)->tsv.len;
      char *buffer;
      int j;
      for (n = 1; n < total && fl_tostring(L, top - n - 1); n++) {
        size_t l = fl_strv(top - n - 1)->tsv.len;
        if (l >= FL_MAX_SIZET - tl)
          flG_runerror(L, "string length overflow");
        tl += l;
      }
      buffer = flZ_openspace(L, &G(L)->buff, tl);
      tl = 0;
      for (j = n; j > 0; j--) {
        size_t l = fl_strv(top - j)->tsv.len;
        memcpy(buffer + tl, fl_svalue(top - j), l);
        tl += l;
      }
      fl_setstr(L, top - n, flS_newlstr(L, buffer, tl));
    }
    total -= n - 1;
    last -= n - 1;
  } while (total > 1);
}

/* Arithmetic on non-numbers: coercible strings, else the metamethod. */
static void arith(lua_State *L, StkId ra, const FValue *rb, const FValue *rc, TMS op) {
  FValue tb, tc;
  const FValue *b, *c;
  if ((b = flV_tonumber(rb, &tb)) != NULL && (c = flV_tonumber(rc, &tc)) != NULL) {
    lua_Number x = fl_numv(b), y = fl_numv(c), r;
    switch (op) {
      case TM_ADD: r = fl_numadd(x, y); break;
      case TM_SUB: r = fl_numsub(x, y); break;
      case TM_MUL: r = fl_nummul(x, y); break;
      case TM_DIV: r = fl_numdiv(x, y); break;
      case TM_MOD: r = fl_nummod(x, y); break;
      case TM_POW: r = fl_numpow(x, y); break;
      default:     r = fl_numunm(x); break;   /* TM_UNM */
    }
    fl_setnumop(ra, r);
  }
  else if (!call_binTM(L, rb, rc, ra, op))
    flG_aritherror(L, rb, rc);
}


/* ================================================================ hooks */

/* Count and line hooks, called before an instruction (pc points past it) while such a
** hook is set. L->savedpc still points past the previously executed instruction: a line
** event fires on entering a function, on a backward jump and on reaching a new line. */
static void traceexec(lua_State *L, const Instr *pc, int count) {
  lu_byte mask = L->hookmask;
  const Instr *oldpc = L->savedpc;
  L->savedpc = pc;
  if (count) {
    fl_resethookcount(L);
    flD_callhook(L, LUA_HOOKCOUNT, -1);
  }
  if (mask & LUA_MASKLINE) {
    FProto *p = fl_ci_func(L->ci)->l.p;
    int npc = fl_pcRel(pc, p);
    int newline = fl_getline(p, npc);
    int oldnpc = fl_pcRel(oldpc, p);       /* -1 if no instruction ran yet */
    if (npc == 0 || pc <= oldpc || oldnpc < 0 || newline != fl_getline(p, oldnpc))
      flD_callhook(L, LUA_HOOKLINE, newline);
  }
}

/* Returns 1 if a hook yielded. A count of 0 never fires. */
static int vmhook(lua_State *L, const Instr *pc) {
  int count = (L->hookmask & LUA_MASKCOUNT) && L->basehookcount > 0 &&
              --L->hookcount <= 0;
  if (!count && !(L->hookmask & LUA_MASKLINE))
    return 0;
  traceexec(L, pc, count);
  return L->status == LUA_YIELD;
}


/* ====================================================== the interpreter */

#define RA(i)    (base + GETARG_A(i))
#define RB(i)    (base + GETARG_B(i))
#define RC(i)    (base + GETARG_C(i))
#define RKB(i)   (ISK(GETARG_B(i)) ? k + INDEXK(GETARG_B(i)) : base + GETARG_B(i))
#define RKC(i)   (ISK(GETARG_C(i)) ? k + INDEXK(GETARG_C(i)) : base + GETARG_C(i))
#define KBx(i)   (k + GETARG_Bx(i))

#define dojump(n)   (pc += (n))
#define savepc()    (L->savedpc = pc)
/* anything that may raise an error or call back into Lua (which may move the stack) */
#define Protect(x)  { savepc(); x; base = L->base; }

/* the conditional jump that follows a test instruction */
#define condjump(c) { if (c) dojump(GETARG_sBx(*pc) + 1); else pc++; }

#if defined(FL_NUMBER_FLOAT)
#define FL_MODMAX  8388607.0                /* 2^23 - 1 */
#else
#define FL_MODMAX  2147483647.0             /* 2^31 - 1 */
#endif

#define arith_op(op, tm) { \
    FValue *rb = RKB(i); FValue *rc = RKC(i); \
    if (fl_isnum(rb) && fl_isnum(rc)) { \
      lua_Number nb = fl_numv(rb), nc = fl_numv(rc); \
      fl_setnumop(ra, op(nb, nc)); \
    } \
    else Protect(arith(L, ra, rb, rc, tm)); }

#define vmfetch() { \
    i = *pc++; \
    if (fl_unlikely(L->hookmask & (LUA_MASKLINE | LUA_MASKCOUNT))) { \
      if (vmhook(L, pc)) { L->savedpc = pc - 1; return; } \
      base = L->base; \
    } }

#if FL_JUMPTABLE
#define vmdispatch(o)  goto *disptab[o];
#define vmcase(l)      L_##l: ra = RA(i);
#define vmbreak        { vmfetch(); goto *disptab[GET_OP(i)]; }
#else
#define vmdispatch(o)  switch (o)
#define vmcase(l)      case l: ra = RA(i);
#define vmbreak        continue
#endif

void flV_execute(lua_State *L, int nexeccalls) {
  FLClosure *cl;
  StkId base;
  FValue *k;
  const Instr *pc;
  Instr i;
  StkId ra;
#if FL_JUMPTABLE
#define L_BAD4 &&L_bad, &&L_bad, &&L_bad, &&L_bad
  static const void *const disptab[1 << FL_SIZE_OP] = {
    &&L_OP_MOVE, &&L_OP_LOADK, &&L_OP_LOADBOOL, &&L_OP_LOADNIL, &&L_OP_GETUPVAL,
    &&L_OP_GETGLOBAL, &&L_OP_GETTABLE, &&L_OP_SETGLOBAL, &&L_OP_SETUPVAL, &&L_OP_SETTABLE,
    &&L_OP_NEWTABLE, &&L_OP_SELF, &&L_OP_ADD, &&L_OP_SUB, &&L_OP_MUL, &&L_OP_DIV,
    &&L_OP_MOD, &&L_OP_POW, &&L_OP_UNM, &&L_OP_NOT, &&L_OP_LEN, &&L_OP_CONCAT, &&L_OP_JMP,
    &&L_OP_EQ, &&L_OP_LT, &&L_OP_LE, &&L_OP_TEST, &&L_OP_TESTSET, &&L_OP_CALL,
    &&L_OP_TAILCALL, &&L_OP_RETURN, &&L_OP_FORLOOP, &&L_OP_FORPREP, &&L_OP_TFORLOOP,
    &&L_OP_SETLIST, &&L_OP_CLOSE, &&L_OP_CLOSURE, &&L_OP_VARARG,
    &&L_bad, &&L_bad, L_BAD4, L_BAD4, L_BAD4, L_BAD4, L_BAD4, L_BAD4
  };
#undef L_BAD4
#endif
 reentry:
  pc = L->savedpc;
  cl = &fl_clv(L->ci->func)->l;
  base = L->base;
  k = cl->p->k;
  for (;;) {
    vmfetch();
    vmdispatch(GET_OP(i)) {
      vmcase(OP_MOVE) {
        fl_setobj(L, ra, RB(i));
        vmbreak;
      }
      vmcase(OP_LOADK) {
        fl_setobj(L, ra, KBx(i));
        vmbreak;
      }
      vmcase(OP_LOADBOOL) {
        fl_setbool(ra, GETARG_B(i));
        if (GETARG_C(i))
          pc++;
        vmbreak;
      }
      vmcase(OP_LOADNIL) {
        int n = GETARG_B(i) - GETARG_A(i);
        do {
          fl_setnil(ra++);
        } while (n-- > 0);
        vmbreak;
      }
      vmcase(OP_GETUPVAL) {
        fl_setobj(L, ra, cl->upvals[GETARG_B(i)]->v);
        vmbreak;
      }
      vmcase(OP_GETGLOBAL) {
        FValue *rb = KBx(i);
        FTable *h = cl->env;
        const FValue *v = flH_getstr(h, fl_strv(rb));
        /* a hit in a RAM table, or a plain miss; the rest (read-only or backed globals) is
        ** flV_gettable's */
        if (fl_likely(!fl_isnil(v)) ? !flC_isro(fl_obj2gco(h)) :
            (!flH_slowmiss(h) && fl_fasttm(L, h->metatable, TM_INDEX) == NULL)) {
          fl_setobj(L, ra, v);
        }
        else if (fl_isnil(v) && flH_isbacked(h) &&
                 (v = backedglobal(G(L), h, fl_strv(rb))) != NULL) {
          fl_setobj(L, ra, v);                 /* a library or base function */
        }
        else {
          FValue g;
          fl_settab(L, &g, h);
          Protect(flV_gettable(L, &g, rb, ra));
        }
        vmbreak;
      }
      vmcase(OP_GETTABLE) {
        StkId rb = RB(i);
        FValue *rc = RKC(i);
        if (fl_likely(fl_istab(rb))) {
          FTable *h = fl_tabv(rb);
          const FValue *v = rawget(h, rc);
          if (fl_likely(!fl_isnil(v)) ||
              (!flH_slowmiss(h) && fl_fasttm(L, h->metatable, TM_INDEX) == NULL)) {
            fl_setobj(L, ra, v);
            vmbreak;
          }
        }
        Protect(flV_gettable(L, rb, rc, ra));
        vmbreak;
      }
      vmcase(OP_SETGLOBAL) {
        FTable *h = cl->env;
        FValue *slot = fl_cast(FValue *, flH_getstr(h, fl_strv(KBx(i))));
        if (fl_likely(!fl_isnil(slot)) && !flC_isro(fl_obj2gco(h))) {
          fl_setobj(L, slot, ra);          /* existing global: plain store */
          flC_barriert(L, h, ra);
        }
        else {
          FValue g;
          fl_settab(L, &g, h);
          Protect(flV_settable(L, &g, KBx(i), ra));
        }
        vmbreak;
      }
      vmcase(OP_SETUPVAL) {
        FUpval *uv = cl->upvals[GETARG_B(i)];
        fl_setobj(L, uv->v, ra);
        flC_barrier(L, uv, ra);
        vmbreak;
      }
      vmcase(OP_SETTABLE) {
        FValue *rb = RKB(i);
        FValue *rc = RKC(i);
        if (fl_likely(fl_istab(ra))) {
          FTable *h = fl_tabv(ra);
          FValue *slot = NULL;
          if (fl_isnum(rb)) {
            slot = arrayslot(h, fl_numv(rb));
            if (slot != NULL && fl_isnil(slot) &&
                fl_fasttm(L, h->metatable, TM_NEWINDEX) != NULL)
              slot = NULL;
          }
          else if (fl_isstr(rb)) {
            slot = fl_cast(FValue *, flH_getstr(h, fl_strv(rb)));
            if (fl_isnil(slot))            /* absent (nilobject) or dead: full path */
              slot = NULL;
          }
          if (slot != NULL && !flC_isro(fl_obj2gco(h))) {
            fl_setobj(L, slot, rc);
            flC_barriert(L, h, rc);
            vmbreak;
          }
        }
        Protect(flV_settable(L, ra, rb, rc));
        vmbreak;
      }
      vmcase(OP_NEWTABLE) {
        int b = GETARG_B(i);
        int c = GETARG_C(i);
        FTable *t;
        savepc();
        t = flH_new(L, flO_fb2int(b), flO_fb2int(c));
        fl_settab(L, ra, t);
        Protect(flC_checkGC(L));
        vmbreak;
      }
      vmcase(OP_SELF) {
        StkId rb = RB(i);
        FValue *rc = RKC(i);
        fl_setobj(L, ra + 1, rb);
        /* ra may be rb: the table is read before ra is written (also by flV_gettable) */
        if (fl_likely(fl_istab(rb))) {
          FTable *h = fl_tabv(rb);
          const FValue *v = rawget(h, rc);
          if (!fl_isnil(v) || (!flH_slowmiss(h) && fl_fasttm(L, h->metatable, TM_INDEX) == NULL)) {
            fl_setobj(L, ra, v);
            vmbreak;
          }
        }
        Protect(flV_gettable(L, rb, rc, ra));
        vmbreak;
      }
      vmcase(OP_ADD) {
        arith_op(fl_numadd, TM_ADD);
        vmbreak;
      }
      vmcase(OP_SUB) {
        arith_op(fl_numsub, TM_SUB);
        vmbreak;
      }
      vmcase(OP_MUL) {
        arith_op(fl_nummul, TM_MUL);
        vmbreak;
      }
      vmcase(OP_DIV) {
        arith_op(fl_numdiv, TM_DIV);
        vmbreak;
      }
      vmcase(OP_MOD) {
#if !defined(FL_NUMBER_INTEGRAL)
        FValue *rb = RKB(i);
        FValue *rc = RKC(i);
        if (fl_isnum(rb) && fl_isnum(rc)) {
          lua_Number nb = fl_numv(rb), nc = fl_numv(rc);
          /* small integral operands: the integer remainder is exactly what the formula
          ** a - floor(a/b)*b gives (the quotient cannot round across an integer and the
          ** product is exact), but much cheaper */
          if (nb >= -FL_MODMAX && nb <= FL_MODMAX && nc >= -FL_MODMAX && nc <= FL_MODMAX &&
              nc != 0) {
            long ib = (long)nb, ic = (long)nc;
            if ((lua_Number)ib == nb && (lua_Number)ic == nc) {
              long r = ib % ic;
              if (r != 0 && (r ^ ic) < 0)
                r += ic;
              fl_setnumop(ra, (lua_Number)r);
              vmbreak;
            }
          }
          fl_setnumop(ra, fl_nummod(nb, nc));
        }
        else
          Protect(arith(L, ra, rb, rc, TM_MOD));
#else
        arith_op(fl_nummod, TM_MOD);
#endif
        vmbreak;
      }
      vmcase(OP_POW) {
        arith_op(fl_numpow, TM_POW);
        vmbreak;
      }
      vmcase(OP_UNM) {
        StkId rb = RB(i);
        if (fl_isnum(rb)) {
          lua_Number nb = fl_numv(rb);
          fl_setnumop(ra, fl_numunm(nb));
        }
        else
          Protect(arith(L, ra, rb, rb, TM_UNM));
        vmbreak;
      }
      vmcase(OP_NOT) {
        int res = fl_isfalse(RB(i));
        fl_setbool(ra, res);
        vmbreak;
      }
      vmcase(OP_LEN) {
        StkId rb = RB(i);
        if (fl_istab(rb)) {
          fl_setnumop(ra, fl_castnum(flH_getnL(L, fl_tabv(rb))));
        }
        else if (fl_isstr(rb)) {
          fl_setnumop(ra, fl_castnum(fl_strv(rb)->tsv.len));
        }
        else {
          Protect(
            if (!call_binTM(L, rb, flO_nilobject, ra, TM_LEN))
              flG_typeerror(L, rb, "get length of");
          )
        }
        vmbreak;
      }
      vmcase(OP_CONCAT) {
        int b = GETARG_B(i);
        int c = GETARG_C(i);
        Protect(flV_concat(L, c - b + 1, c); flC_checkGC(L));
        fl_setobj(L, RA(i), base + b);
        vmbreak;
      }
      vmcase(OP_JMP) {
        dojump(GETARG_sBx(i));
        vmbreak;
      }
      vmcase(OP_EQ) {
        FValue *rb = RKB(i);
        FValue *rc = RKC(i);
        int res;
        if (fl_ttype(rb) != fl_ttype(rc))
          res = 0;
        else if (fl_isnum(rb))
          res = fl_numeq(fl_numv(rb), fl_numv(rc));
        else if (fl_isstr(rb))             /* strings are interned */
          res = (fl_gcv(rb) == fl_gcv(rc));
        else if (!fl_istab(rb) && !fl_isud(rb))   /* no metamethod possible */
          res = flV_equalval(L, rb, rc);
        else
          Protect(res = flV_equalval(L, rb, rc));
        condjump(res == GETARG_A(i));
        vmbreak;
      }
      vmcase(OP_LT) {
        FValue *rb = RKB(i);
        FValue *rc = RKC(i);
        int res;
        if (fl_isnum(rb) && fl_isnum(rc))
          res = fl_numlt(fl_numv(rb), fl_numv(rc));
        else
          Protect(res = flV_lessthan(L, rb, rc));
        condjump(res == GETARG_A(i));
        vmbreak;
      }
      vmcase(OP_LE) {
        FValue *rb = RKB(i);
        FValue *rc = RKC(i);
        int res;
        if (fl_isnum(rb) && fl_isnum(rc))
          res = fl_numle(fl_numv(rb), fl_numv(rc));
        else
          Protect(res = lessequal(L, rb, rc));
        condjump(res == GETARG_A(i));
        vmbreak;
      }
      vmcase(OP_TEST) {
        condjump(fl_isfalse(ra) != GETARG_C(i));
        vmbreak;
      }
      vmcase(OP_TESTSET) {
        StkId rb = RB(i);
        if (fl_isfalse(rb) != GETARG_C(i)) {
          fl_setobj(L, ra, rb);
          dojump(GETARG_sBx(*pc) + 1);
        }
        else
          pc++;
        vmbreak;
      }
      vmcase(OP_CALL) {
        int b = GETARG_B(i);
        int nresults = GETARG_C(i) - 1;
        if (b != 0)
          L->top = ra + b;                 /* else the previous instruction set top */
        savepc();
        if (fl_likely(fl_isfunc(ra)) && !fl_clv(ra)->c.isC && !(L->hookmask & LUA_MASKCALL)) {
          /* fast path for the common call: a non-vararg Lua function, enough stack and
          ** CallInfo space; the general case is flD_precall */
          FLClosure *ncl = &fl_clv(ra)->l;
          FProto *np = ncl->p;
          if (!np->is_vararg && L->ci != L->end_ci &&
              L->stack_last - L->top > np->maxstacksize) {
            FCallInfo *ci;
            StkId nbase = ra + 1;
            StkId st = nbase + np->numparams;
            L->ci->savedpc = pc;
            ci = ++L->ci;
            ci->func = ra;
            L->base = ci->base = nbase;
            ci->top = nbase + np->maxstacksize;
            ci->nresults = nresults;
            ci->tailcalls = 0;
            if (L->top < st)
              st = L->top;                 /* missing arguments become nil */
            for (; st < ci->top; st++)
              fl_setnil(st);
            L->top = ci->top;
            L->savedpc = pc = np->code;
            nexeccalls++;
            cl = ncl;
            base = nbase;
            k = np->k;
            vmbreak;
          }
        }
        switch (flD_precall(L, ra, nresults)) {
          case FL_PCRLUA:
            nexeccalls++;
            goto reentry;                  /* run the new Lua function here */
          case FL_PCRC:
            if (nresults >= 0)
              L->top = L->ci->top;
            base = L->base;
            vmbreak;
          default:
            return;                        /* yield */
        }
      }
      vmcase(OP_TAILCALL) {
        int b = GETARG_B(i);
        if (b != 0)
          L->top = ra + b;
        savepc();
        switch (flD_precall(L, ra, LUA_MULTRET)) {
          case FL_PCRLUA: {
            /* move the new frame down over the current one */
            FCallInfo *ci = L->ci - 1;
            StkId func = ci->func;
            StkId pfunc = (ci + 1)->func;
            int aux;
            if (L->openupval != NULL && fl_gco2uv(L->openupval)->v >= ci->base)
              flF_close(L, ci->base);
            L->base = ci->base = ci->func + ((ci + 1)->base - pfunc);
            for (aux = 0; pfunc + aux < L->top; aux++)
              fl_setobj(L, func + aux, pfunc + aux);
            ci->top = L->top = func + aux;
            ci->savedpc = L->savedpc;
            ci->tailcalls++;
            L->ci--;
            goto reentry;
          }
          case FL_PCRC:                    /* a C function: results are at ra..top */
            base = L->base;
            vmbreak;
          default:
            return;
        }
      }
      vmcase(OP_RETURN) {
        int b = GETARG_B(i);
        if (b != 0)
          L->top = ra + b - 1;
        if (L->openupval != NULL && fl_gco2uv(L->openupval)->v >= base)
          flF_close(L, base);              /* (the list is sorted, highest level first) */
        savepc();
        b = flD_poscall(L, ra);
        if (--nexeccalls == 0)             /* the caller is not running in this loop */
          return;
        if (b)
          L->top = L->ci->top;
        goto reentry;
      }
      vmcase(OP_FORLOOP) {
        lua_Number step = fl_numv(ra + 2);
        lua_Number idx = fl_numadd(fl_numv(ra), step);
        lua_Number limit = fl_numv(ra + 1);
        if (fl_numlt(0, step) ? fl_numle(idx, limit) : fl_numle(limit, idx)) {
          dojump(GETARG_sBx(i));
          fl_setnumop(ra, idx);
          fl_setnumop(ra + 3, idx);
        }
        vmbreak;
      }
      vmcase(OP_FORPREP) {
        const FValue *init = ra;
        const FValue *plimit = ra + 1;
        const FValue *pstep = ra + 2;
        savepc();
        if (!fl_tonumber(init, ra))
          flG_runerror(L, "'for' initial value must be a number");
        else if (!fl_tonumber(plimit, ra + 1))
          flG_runerror(L, "'for' limit must be a number");
        else if (!fl_tonumber(pstep, ra + 2))
          flG_runerror(L, "'for' step must be a number");
        fl_setnumop(ra, fl_numsub(fl_numv(ra), fl_numv(pstep)));
        dojump(GETARG_sBx(i));
        vmbreak;
      }
      vmcase(OP_TFORLOOP) {
        StkId cb = ra + 3;                 /* call base */
        fl_setobj(L, cb + 2, ra + 2);
        fl_setobj(L, cb + 1, ra + 1);
        fl_setobj(L, cb, ra);
        L->top = cb + 3;
        Protect(flD_call(L, cb, GETARG_C(i)));
        L->top = L->ci->top;
        cb = RA(i) + 3;
        if (!fl_isnil(cb)) {
          fl_setobj(L, cb - 1, cb);        /* the control variable */
          dojump(GETARG_sBx(*pc));
        }
        pc++;
        vmbreak;
      }
      vmcase(OP_SETLIST) {
        int n = GETARG_B(i);
        lu_int32 c = (lu_int32)GETARG_C(i);
        int last;
        FTable *h;
        if (n == 0) {
          n = fl_castint(L->top - ra) - 1;
          if (n < 0)
            n = 0;
          /* L->top stays above the values until they are stored: the resize below may
          ** collect, and the collector clears the stack above L->top */
        }
        if (c == 0)
          c = *pc++;                       /* batch number in the next word */
        if (!fl_istab(ra)) {
          L->top = L->ci->top;
          vmbreak;
        }
        h = fl_tabv(ra);
        if (c == 0 || c - 1 > (lu_int32)(FL_MAX_INT - n) / LFIELDS_PER_FLUSH)
          Protect(flG_runerror(L, "invalid instruction"));
        if (flC_isro(fl_obj2gco(h)))
          Protect(readonlyerror(L));
        last = fl_castint(c - 1) * LFIELDS_PER_FLUSH + n;
        savepc();
        if (last > h->sizearray)
          flH_resizearray(L, h, last);     /* allocate all at once */
        for (; n > 0; n--) {
          FValue *val = ra + n;
          FValue *slot = flH_setnum(L, h, last--);
          fl_setobj(L, slot, val);
          flC_barriert(L, h, val);
        }
        L->top = L->ci->top;
        vmbreak;
      }
      vmcase(OP_CLOSE) {
        flF_close(L, ra);
        vmbreak;
      }
      vmcase(OP_CLOSURE) {
        FProto *p = cl->p->p[GETARG_Bx(i)];
        int nup = p->nups;
        int j;
        FClosure *ncl;
        savepc();
        ncl = flF_newLclosure(L, nup, cl->env);
        ncl->l.p = p;                      /* (the upvalues start NULL) */
        fl_setcl(L, ra, ncl);              /* anchored before upvalues are allocated */
        for (j = 0; j < nup; j++, pc++) {
          Instr u = *pc;                   /* pseudo-instruction naming the upvalue */
          if (GET_OP(u) == OP_GETUPVAL)
            ncl->l.upvals[j] = cl->upvals[GETARG_B(u)];
          else
            ncl->l.upvals[j] = flF_findupval(L, base + GETARG_B(u));
        }
        Protect(flC_checkGC(L));
        vmbreak;
      }
      vmcase(OP_VARARG) {
        int b = GETARG_B(i) - 1;
        FCallInfo *ci = L->ci;
        int n = fl_castint(ci->base - ci->func) - cl->p->numparams - 1;
        int j;
        if (b == LUA_MULTRET) {
          L->top = ci->top;
          Protect(flD_checkstack(L, n));
          ra = RA(i);
          ci = L->ci;
          b = n;
          L->top = ra + n;
        }
        for (j = 0; j < b; j++) {
          if (j < n) {
            fl_setobj(L, ra + j, ci->base - n + j);
          }
          else
            fl_setnil(ra + j);
        }
        vmbreak;
      }
#if FL_JUMPTABLE
    L_bad:
#else
      default:
#endif
      Protect(flG_runerror(L, "invalid instruction"));
      vmbreak;
    }
  }
}
