/*
** fl_do.c -- the call machinery: calling and returning, errors (setjmp/longjmp), growth of
** the value stack and of the CallInfo array, hooks for calls/returns, coroutines
** (lua_resume/lua_yield) and protected parsing of chunks.
*/
#include <stdlib.h>

#include "fl_core.h"
#include "fl_opcodes.h"

/* Last resort when an error has no protected caller and the panic function returned.
** A port may override it (for example with a reset of the microcontroller). */
#ifndef FL_ABORT
#define FL_ABORT()  exit(EXIT_FAILURE)
#endif

/* One protected region: errors longjmp to `b` and leave their code in `status`. */
struct fl_longjmp {
  struct fl_longjmp *previous;
  jmp_buf b;
  volatile int status;
};


/* =============================================================== errors */

/* Put the error object for `errcode` at `oldtop` and make it the top of the stack. */
void flD_seterrorobj(lua_State *L, int errcode, StkId oldtop) {
  if (errcode == LUA_ERRMEM) {
    fl_setstr(L, oldtop, flS_newliteral(L, FL_MEMERRMSG));
  }
  else if (errcode == LUA_ERRERR) {
    fl_setstr(L, oldtop, flS_newliteral(L, "error in error handling"));
  }
  else {   /* runtime or syntax error: the message is on the top of the stack */
    fl_setobj(L, oldtop, L->top - 1);
  }
  L->top = oldtop + 1;
}

/* After a stack overflow the CallInfo array is bigger than LUAI_MAXCALLS (that size is
** also the marker "overflow being handled"); shrink it back once the error is caught. */
static void restore_stack_limit(lua_State *L) {
  if (L->size_ci > LUAI_MAXCALLS) {
    int inuse = fl_castint(L->ci - L->base_ci);
    if (inuse + 1 < LUAI_MAXCALLS)
      flD_reallocCI(L, LUAI_MAXCALLS);
  }
}

/* Unprotected error: unwind the whole thread before calling the panic function. */
static void resetstack(lua_State *L, int errcode) {
  L->ci = L->base_ci;
  L->base = L->ci->base;
  flF_close(L, L->base);
  flD_seterrorobj(L, errcode, L->base);
  L->nCcalls = L->baseCcalls;
  L->allowhook = 1;
  restore_stack_limit(L);
  L->errfunc = 0;
  L->errorJmp = NULL;
}

void flD_throw(lua_State *L, int errcode) {
  if (L->errorJmp != NULL) {
    L->errorJmp->status = errcode;
    longjmp(L->errorJmp->b, 1);
  }
  L->status = fl_castbyte(errcode);
  if (G(L)->panic != NULL) {
    resetstack(L, errcode);
    G(L)->panic(L);
  }
  FL_ABORT();
}

int flD_rawrunprotected(lua_State *L, FPfunc f, void *ud) {
  struct fl_longjmp lj;
  lj.status = 0;
  lj.previous = L->errorJmp;
  L->errorJmp = &lj;
  if (setjmp(lj.b) == 0)
    f(L, ud);
  L->errorJmp = lj.previous;
  return lj.status;
}


/* ======================================================== stack and CallInfo */

/* Both arrays are moved by allocating the new block, copying and freeing the old one:
** every pointer into the old block can then be rebased while it is still valid. The
** sizes are read after the allocation, which may run an emergency collection. */

void flD_reallocstack(lua_State *L, int newsize) {
  int realsize = newsize + 1 + FL_EXTRA_STACK;
  FValue *ns = flM_newvector(L, realsize, FValue);
  FValue *old = L->stack;
  int oldsize = L->stacksize;
  int n = (oldsize < realsize) ? oldsize : realsize;
  int i;
  FCallInfo *ci;
  FGCObj *up;
  for (i = 0; i < n; i++)
    ns[i] = old[i];
  for (; i < realsize; i++)
    fl_setnil(ns + i);
  /* rebase every pointer into the stack */
  for (up = L->openupval; up != NULL; up = up->gch.next) {
    FUpval *uv = fl_gco2uv(up);
    uv->v = ns + (uv->v - old);
  }
  for (ci = L->base_ci; ci <= L->ci; ci++) {
    ci->top = ns + (ci->top - old);
    ci->base = ns + (ci->base - old);
    ci->func = ns + (ci->func - old);
  }
  L->top = ns + (L->top - old);
  L->base = ns + (L->base - old);
  L->stack = ns;
  L->stacksize = realsize;
  L->stack_last = ns + newsize;
  flM_freearray(L, old, oldsize, FValue);
}

void flD_reallocCI(lua_State *L, int newsize) {
  FCallInfo *nci = flM_newvector(L, newsize, FCallInfo);
  FCallInfo *old = L->base_ci;
  int oldsize = L->size_ci;
  int cur = fl_castint(L->ci - old);
  int n = (oldsize < newsize) ? oldsize : newsize;
  int i;
  for (i = 0; i < n; i++)
    nci[i] = old[i];
  L->base_ci = nci;
  L->size_ci = newsize;
  L->ci = nci + cur;
  L->end_ci = nci + newsize - 1;
  flM_freearray(L, old, oldsize, FCallInfo);
}

void flD_growstack(lua_State *L, int n) {
  if (n <= L->stacksize)
    flD_reallocstack(L, 2 * L->stacksize);
  else
    flD_reallocstack(L, L->stacksize + n);
}

/* Grow the CallInfo array; "stack overflow" past LUAI_MAXCALLS nested calls. */
static FCallInfo *growci(lua_State *L) {
  if (L->size_ci > LUAI_MAXCALLS)          /* overflowing while handling an overflow */
    flD_throw(L, LUA_ERRERR);
  flD_reallocCI(L, 2 * L->size_ci);
  if (L->size_ci > LUAI_MAXCALLS)
    flG_runerror(L, "stack overflow");
  return ++L->ci;
}

#define nextci(L)  (((L)->ci == (L)->end_ci) ? growci(L) : ++(L)->ci)

/* Called after nCcalls was incremented. Past the limit there is a margin of 1/8 so that
** the error itself can still be handled; beyond it, give up with LUA_ERRERR. */
void flD_checkCstack(lua_State *L) {
  int low = luai_cstacklow();              /* the port's measure of the real C stack */
  if (low == 1) flG_runerror(L, "C stack overflow");
  if (low > 1) flD_throw(L, LUA_ERRERR);
  if (L->nCcalls >= LUAI_MAXCCALLS) {
    if (L->nCcalls == LUAI_MAXCCALLS)
      flG_runerror(L, "C stack overflow");
    else if (L->nCcalls >= LUAI_MAXCCALLS + (LUAI_MAXCCALLS >> 3))
      flD_throw(L, LUA_ERRERR);
  }
}


/* ================================================================== hooks */

void flD_callhook(lua_State *L, int event, int line) {
  lua_Hook hook = L->hook;
  if (hook != NULL && L->allowhook) {
    ptrdiff_t top = fl_savestack(L, L->top);
    ptrdiff_t citop = fl_savestack(L, L->ci->top);
    lua_Debug ar;
    ar.event = event;
    ar.currentline = line;
    /* a lost tail call has no frame to describe */
    ar.i_ci = (event == LUA_HOOKTAILRET) ? 0 : fl_castint(L->ci - L->base_ci);
    flD_checkstack(L, LUA_MINSTACK);
    L->ci->top = L->top + LUA_MINSTACK;
    L->allowhook = 0;                      /* no hooks inside a hook */
    hook(L, &ar);
    L->allowhook = 1;
    L->ci->top = fl_restorestack(L, citop);
    L->top = fl_restorestack(L, top);
  }
}


/* ======================================================= calls and returns */

/* `func` is not a function: call its __call metamethod with `func` as first argument. */
static StkId callmeta(lua_State *L, StkId func) {
  const FValue *tm = flT_gettmbyobj(L, func, TM_CALL);
  ptrdiff_t funcr = fl_savestack(L, func);
  FValue f;
  StkId p;
  if (!fl_isfunc(tm))
    flG_typeerror(L, func, "call");
  f = *tm;                                 /* copy: growing the stack may collect */
  flD_checkstack(L, 1);
  func = fl_restorestack(L, funcr);
  for (p = L->top; p > func; p--)          /* open a slot at func */
    fl_setobj(L, p, p - 1);
  L->top++;
  fl_setobj(L, func, &f);
  return func;
}

/* Vararg function entry. The actual arguments stay below the new frame (VARARG reads
** them there); the fixed parameters are moved to the new base. With the 5.1
** compatibility flag NEEDSARG the extra arguments also go into a table `arg`
** (with field n) placed right after the fixed parameters. */
static StkId adjust_varargs(lua_State *L, FProto *p, int actual) {
  int nfix = p->numparams;
  FTable *argt = NULL;
  StkId fixed, base;
  int i;
  for (; actual < nfix; actual++)
    fl_setnil(L->top++);
#if defined(LUA_COMPAT_VARARG)
  if (p->is_vararg & FL_VARARG_NEEDSARG) {
    int nvar = actual - nfix;
    FValue *slot;
    argt = flH_new(L, nvar, 1);
    fl_settab(L, L->top, argt);            /* anchor it while it is filled */
    L->top++;
    for (i = 0; i < nvar; i++) {
      slot = flH_setnum(L, argt, i + 1);
      fl_setobj(L, slot, L->top - 1 - nvar + i);
    }
    slot = flH_setstr(L, argt, flS_newliteral(L, "n"));
    fl_setnum(slot, fl_castnum(nvar));
    L->top--;                              /* no allocation until it is stored again */
  }
#endif
  fixed = L->top - actual;
  base = L->top;
  for (i = 0; i < nfix; i++) {
    fl_setobj(L, L->top, fixed + i);
    L->top++;
    fl_setnil(fixed + i);
  }
  if (argt != NULL) {
    fl_settab(L, L->top, argt);
    L->top++;
  }
  return base;
}

int flD_precall(lua_State *L, StkId func, int nresults) {
  FLClosure *cl;
  ptrdiff_t funcr;
  if (!fl_isfunc(func))
    func = callmeta(L, func);
  funcr = fl_savestack(L, func);
  cl = &fl_clv(func)->l;
  L->ci->savedpc = L->savedpc;
  if (!cl->isC) {
    FCallInfo *ci;
    StkId st, base;
    FProto *p = cl->p;
    if (!p->is_vararg) {
      flD_checkstack(L, p->maxstacksize);
      func = fl_restorestack(L, funcr);
      base = func + 1;
      if (L->top > base + p->numparams)    /* drop extra arguments */
        L->top = base + p->numparams;
    }
    else {
      int nargs;
      if (p->is_vararg & FL_VARARG_NEEDSARG)   /* a table will be created: collect first */
        flC_checkGC(L);                    /* (a step may shrink the stack: check after) */
      /* room for the moved parameters, the arg table and the frame itself */
      flD_checkstack(L, p->maxstacksize + p->numparams + 1);
      func = fl_restorestack(L, funcr);
      nargs = fl_castint(L->top - func) - 1;
      base = adjust_varargs(L, p, nargs);
      func = fl_restorestack(L, funcr);
    }
    ci = nextci(L);
    ci->func = func;
    L->base = ci->base = base;
    ci->top = base + p->maxstacksize;
    L->savedpc = p->code;
    ci->tailcalls = 0;
    ci->nresults = nresults;
    for (st = L->top; st < ci->top; st++)
      fl_setnil(st);
    L->top = ci->top;
    if (L->hookmask & LUA_MASKCALL) {
      L->savedpc++;                        /* hooks expect pc past the instruction */
      flD_callhook(L, LUA_HOOKCALL, -1);
      L->savedpc--;
    }
    return FL_PCRLUA;
  }
  else {
    FCallInfo *ci;
    int n;
    flD_checkstack(L, LUA_MINSTACK);
    ci = nextci(L);
    ci->func = fl_restorestack(L, funcr);
    L->base = ci->base = ci->func + 1;
    ci->top = L->top + LUA_MINSTACK;
    ci->nresults = nresults;
    if (L->hookmask & LUA_MASKCALL)
      flD_callhook(L, LUA_HOOKCALL, -1);
    n = (*fl_curr_func(L)->c.f)(L);
    if (n < 0)                             /* lua_yield was called */
      return FL_PCRYIELD;
    flD_poscall(L, L->top - n);
    return FL_PCRC;
  }
}

/* Return hooks, plus one "tail return" per tail call lost under this frame. */
static StkId callrethooks(lua_State *L, StkId firstResult) {
  ptrdiff_t fr = fl_savestack(L, firstResult);
  flD_callhook(L, LUA_HOOKRET, -1);
  if (fl_isLua(L->ci)) {
    while ((L->hookmask & LUA_MASKRET) && L->ci->tailcalls > 0) {
      L->ci->tailcalls--;
      flD_callhook(L, LUA_HOOKTAILRET, -1);
    }
  }
  return fl_restorestack(L, fr);
}

/* Finish a call: move the results to the function slot, adjusted to the wanted number.
** Returns 0 if the caller wanted all results (LUA_MULTRET). */
int flD_poscall(lua_State *L, StkId firstResult) {
  FCallInfo *ci;
  StkId res;
  int wanted, i;
  if (L->hookmask & LUA_MASKRET)
    firstResult = callrethooks(L, firstResult);
  ci = L->ci--;
  res = ci->func;
  wanted = ci->nresults;
  L->base = (ci - 1)->base;
  L->savedpc = (ci - 1)->savedpc;
  for (i = wanted; i != 0 && firstResult < L->top; i--) {
    fl_setobj(L, res, firstResult);
    res++;
    firstResult++;
  }
  while (i-- > 0)
    fl_setnil(res++);
  L->top = res;
  return wanted - LUA_MULTRET;
}

/* Call the function at `func` with the arguments above it (up to top). Used by C code
** and metamethods: every such call counts as a C level. */
void flD_call(lua_State *L, StkId func, int nresults) {
  if (++L->nCcalls >= LUAI_MAXCCALLS || luai_cstacklow())
    flD_checkCstack(L);
  if (flD_precall(L, func, nresults) == FL_PCRLUA)
    flV_execute(L, 1);
  L->nCcalls--;
  flC_checkGC(L);
}

int flD_pcall(lua_State *L, FPfunc func, void *u, ptrdiff_t oldtop, ptrdiff_t ef) {
  int status;
  unsigned short oldnCcalls = L->nCcalls;
  ptrdiff_t oldci = fl_saveci(L, L->ci);
  lu_byte oldallowhook = L->allowhook;
  ptrdiff_t olderrfunc = L->errfunc;
  L->errfunc = ef;
  status = flD_rawrunprotected(L, func, u);
  if (status != 0) {
    StkId top = fl_restorestack(L, oldtop);
    flF_close(L, top);                     /* close upvalues of the unwound frames */
    flD_seterrorobj(L, status, top);
    L->nCcalls = oldnCcalls;
    L->ci = fl_restoreci(L, oldci);
    L->base = L->ci->base;
    L->savedpc = L->ci->savedpc;
    L->allowhook = oldallowhook;
    restore_stack_limit(L);
  }
  L->errfunc = olderrfunc;
  return status;
}


/* ============================================================== coroutines */

static void resume(lua_State *L, void *ud) {
  StkId firstArg = fl_cast(StkId, ud);
  FCallInfo *ci = L->ci;
  if (L->status == 0) {                    /* starting the coroutine */
    if (flD_precall(L, firstArg - 1, LUA_MULTRET) != FL_PCRLUA)
      return;
  }
  else {                                   /* continuing after a yield */
    L->status = 0;
    if (!fl_isLua(ci)) {
      /* a C function yielded: its call completes with the resume arguments */
      if (flD_poscall(L, firstArg))
        L->top = L->ci->top;
      if (L->ci == L->base_ci)             /* it was the coroutine body itself */
        return;
    }
    else                                   /* a hook yielded: just go on */
      L->base = L->ci->base;
  }
  flV_execute(L, fl_castint(L->ci - L->base_ci));
}

static int resume_error(lua_State *L, const char *msg) {
  L->top = L->ci->base;
  fl_setstr(L, L->top, flS_new(L, msg));
  flD_incr_top(L);
  return LUA_ERRRUN;
}

LUA_API int lua_resume(lua_State *L, int nargs) {
  int status;
  if (L->status != LUA_YIELD && (L->status != 0 || L->ci != L->base_ci))
    return resume_error(L, "cannot resume non-suspended coroutine");
  if (L->nCcalls >= LUAI_MAXCCALLS || luai_cstacklow())
    return resume_error(L, "C stack overflow");
  L->baseCcalls = ++L->nCcalls;
  status = flD_rawrunprotected(L, resume, L->top - nargs);
  if (status != 0) {                       /* the coroutine dies with this status */
    L->status = fl_castbyte(status);
    flD_seterrorobj(L, status, L->top);
    L->ci->top = L->top;
  }
  else
    status = L->status;
  --L->nCcalls;
  return status;
}

LUA_API int lua_yield(lua_State *L, int nresults) {
  if (L->nCcalls > L->baseCcalls)
    flG_runerror(L, "attempt to yield across metamethod/C-call boundary");
  L->base = L->top - nresults;             /* the results are the values above base */
  L->status = LUA_YIELD;
  return -1;
}


/* ========================================================= protected parser */

struct SParser {
  FZio *z;
  FMbuf buff;                              /* scratch buffer of the lexer/undump */
  const char *name;
};

static void f_parser(lua_State *L, void *ud) {
  struct SParser *sp = fl_cast(struct SParser *, ud);
  FProto *tf;
  FClosure *cl;
  int i, c;
  flC_checkGC(L);
  flD_checkstack(L, 2);                    /* room to anchor the result (see below) */
  c = flZ_lookahead(sp->z);
  if (c == LUA_SIGNATURE[0])
    tf = flU_undump(L, sp->z, &sp->buff, sp->name);
  else
    tf = flY_parser(L, sp->z, &sp->buff, sp->name);
  /* anchor the prototype while its closure is allocated (no allocation before this:
  ** the slot was reserved above) */
  fl_setproto(L, L->top, tf);
  L->top++;
  cl = flF_newLclosure(L, tf->nups, fl_tabv(fl_gt(L)));
  cl->l.p = tf;                            /* (the upvalues start NULL) */
  fl_setcl(L, L->top - 1, cl);
  for (i = 0; i < tf->nups; i++)           /* fresh closed upvalues (nil) */
    cl->l.upvals[i] = flF_newupval(L);
}

int flD_protectedparser(lua_State *L, FZio *z, const char *name) {
  struct SParser sp;
  int status;
  sp.z = z;
  sp.name = name;
  flZ_initbuffer(L, &sp.buff);
  status = flD_pcall(L, f_parser, &sp, fl_savestack(L, L->top), L->errfunc);
  flZ_freebuffer(L, &sp.buff);
  return status;
}
