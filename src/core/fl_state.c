/*
** fl_state.c -- creation and destruction of states and threads.
**
** The main thread and the global state are one allocation (FLG). The main thread is never
** collected (FL_SFIXEDBIT) and is the last element of rootgc; all userdata follow it.
*/
#include "fl_core.h"
#if defined(FL_ROM)
#include "fl_rom.h"
#endif

typedef struct FLG {
  lua_State l;
  FGlobal g;
} FLG;

static void stack_init(lua_State *L1, lua_State *L) {
  int i;
  FCallInfo *ci;
  L1->base_ci = flM_newvector(L, FL_BASIC_CI_SIZE, FCallInfo);
  L1->ci = L1->base_ci;
  L1->size_ci = FL_BASIC_CI_SIZE;
  L1->end_ci = L1->base_ci + L1->size_ci - 1;
  L1->stack = flM_newvector(L, FL_BASIC_STACK_SIZE + FL_EXTRA_STACK, FValue);
  L1->stacksize = FL_BASIC_STACK_SIZE + FL_EXTRA_STACK;
  for (i = 0; i < L1->stacksize; i++) fl_setnil(&L1->stack[i]);
  L1->top = L1->stack;
  L1->stack_last = L1->stack + (L1->stacksize - FL_EXTRA_STACK) - 1;
  ci = L1->ci;   /* the base CallInfo: a dummy function slot, then LUA_MINSTACK slots */
  ci->func = L1->top;
  fl_setnil(L1->top++);
  L1->base = ci->base = L1->top;
  ci->top = L1->top + LUA_MINSTACK;
  ci->savedpc = NULL;
  ci->nresults = 0;
  ci->tailcalls = 0;
}

static void freestack(lua_State *L, lua_State *L1) {
  if (L1->base_ci != NULL) flM_freearray(L, L1->base_ci, L1->size_ci, FCallInfo);
  if (L1->stack != NULL) flM_freearray(L, L1->stack, L1->stacksize, FValue);
  L1->base_ci = NULL;
  L1->stack = NULL;
}

/* fields common to the main thread and coroutines, before anything is allocated */
static void preinit_state(lua_State *L, FGlobal *g) {
  L->l_G = g;
  L->status = 0;
  L->stack = NULL;
  L->stack_last = NULL;
  L->stacksize = 0;
  L->top = L->base = NULL;
  L->ci = L->base_ci = L->end_ci = NULL;
  L->size_ci = 0;
  L->savedpc = NULL;
  L->nCcalls = L->baseCcalls = 0;
  L->hook = NULL;
  L->hookmask = 0;
  L->basehookcount = 0;
  L->allowhook = 1;
  fl_resethookcount(L);
  L->openupval = NULL;
  L->gclist = NULL;
  L->errorJmp = NULL;
  L->errfunc = 0;
  fl_setnil(fl_gt(L));
  fl_setnil(&L->env);
}

/* everything that allocates; runs protected so that a memory error leaves a closable state */
static void f_open(lua_State *L, void *ud) {
  FGlobal *g = G(L);
  fl_unused(ud);
  stack_init(L, L);
  fl_settab(L, fl_gt(L), flH_new(L, 0, 2));          /* globals */
  fl_settab(L, fl_registry(L), flH_new(L, 0, 2));    /* registry */
#if defined(FL_ROM)
  flH_setback(L, fl_tabv(fl_registry(L)), &flR_REG);  /* the libraries' metatables */
#endif
  flS_resize(L, FL_MINSTRTABSIZE);
  flT_init(L);
  flX_init(L);
  {
    FString *m = flS_newliteral(L, FL_MEMERRMSG);   /* must exist when memory is exhausted */
    if (!flC_isro(fl_obj2gco(m))) flS_fix(m);
  }
  g->GCthreshold = 4 * g->totalbytes;
}

static void close_state(lua_State *L) {
  FGlobal *g = G(L);
  flF_close(L, L->stack);   /* close all upvalues of the main thread */
  flC_freeall(L);           /* every collectable object */
  if (g->strt.hash != NULL) flM_freearray(L, g->strt.hash, g->strt.size, FGCObj *);
  g->strt.hash = NULL;
  g->strt.size = 0;
  flZ_freebuffer(L, &g->buff);
  freestack(L, L);
  (*g->frealloc)(g->ud, L, sizeof(FLG), 0);
}

/* The fixed strings compiled into this runtime (FL_ROM builds, tools/genrom.py), sorted
** bytewise: a flash store image refers to them by index (src/lfs). None (NULL, 0) otherwise. */
const FString *const *flE_fixedstrings(unsigned int *n) {
#if defined(FL_ROM)
  *n = (unsigned int)(sizeof(flR_fixed) / sizeof(flR_fixed[0]));
  return flR_fixed;
#else
  *n = 0;
  return NULL;
#endif
}

LUA_API lua_State *lua_newstate(lua_Alloc f, void *ud) {
  return flE_newstate(f, ud, NULL);
}

/* A state whose interning consults `store` (a flash store's ROstrt, in rostrt[1]; rostrt[0]
** is left for strings compiled into the firmware) before its first string is created. */
lua_State *flE_newstate(lua_Alloc f, void *ud, const FROStrTab *store) {
  int i;
  lua_State *L;
  FGlobal *g;
  FLG *lg = fl_cast(FLG *, (*f)(ud, NULL, 0, sizeof(FLG)));
  if (lg == NULL) return NULL;
  L = &lg->l;
  g = &lg->g;
  L->next = NULL;
  L->tt = LUA_TTHREAD;
  g->currentwhite = fl_castbyte(fl_bitmask(FL_WHITE0BIT));
  L->marked = fl_castbyte(flC_white(g) | fl_bitmask(FL_FIXEDBIT) | fl_bitmask(FL_SFIXEDBIT));
  preinit_state(L, g);
  g->frealloc = f;
  g->ud = ud;
  g->mainthread = L;
  g->uvhead.u.l.prev = &g->uvhead;
  g->uvhead.u.l.next = &g->uvhead;
  g->uvhead.next = NULL;
  g->uvhead.tt = FL_TUPVAL;
  g->uvhead.marked = 0;
  g->uvhead.v = NULL;
  g->GCthreshold = 0;
  g->strt.size = 0;
  g->strt.nuse = 0;
  g->strt.hash = NULL;
  for (i = 0; i < FL_NROSTRTAB; i++) g->rostrt[i] = NULL;
  g->rostrt[1] = store;
#if defined(FL_ROM)
  g->rostrt[0] = &flR_strtab;   /* the fixed strings compiled in (tools/genrom.py) */
#endif
  g->rooverlay = NULL;
  for (i = 0; i < FL_NBACKED; i++) {
    g->backed[i].front = g->backed[i].shadow = NULL;
    g->backed[i].back = NULL;
  }
  fl_setnil(fl_registry(L));
  flZ_initbuffer(L, &g->buff);
  g->panic = NULL;
  g->gcstate = GCSpause;
  g->gcemergency = 0;
  g->gcstopped = 0;
  g->gcbusy = 1;             /* no collection until the state is complete */
  g->rootgc = fl_obj2gco(L);
  g->sweepstrgc = 0;
  g->sweepgc = &g->rootgc;
  g->gray = NULL;
  g->grayagain = NULL;
  g->weak = NULL;
  g->tmudata = NULL;
  g->totalbytes = sizeof(FLG);
  g->estimate = 0;
  g->gcpause = LUAI_GCPAUSE;
  g->gcstepmul = LUAI_GCMUL;
  g->gcdept = 0;
  for (i = 0; i <= LUA_TTHREAD; i++) g->mt[i] = NULL;
  for (i = 0; i < TM_N; i++) g->tmname[i] = NULL;
  g->seed = 0;
  g->userdata = NULL;
  if (flD_rawrunprotected(L, f_open, NULL) != 0) {
    close_state(L);   /* memory error while building */
    return NULL;
  }
  g->gcbusy = 0;
  return L;
}

static void callallgcTM(lua_State *L, void *ud) {
  fl_unused(ud);
  flC_callGCTM(L);
}

LUA_API void lua_close(lua_State *L) {
  L = G(L)->mainthread;     /* only the main thread can be closed */
  flF_close(L, L->stack);
  flC_separateudata(L, 1);  /* every userdata with a __gc, reachable or not */
  L->errfunc = 0;           /* no error handler during the finalizers */
  do {                      /* an error only skips the failing finalizer */
    L->ci = L->base_ci;
    L->base = L->top = L->ci->base;
    L->nCcalls = L->baseCcalls = 0;
  } while (flD_rawrunprotected(L, callallgcTM, NULL) != 0);
  close_state(L);
}

/* A coroutine: shares the globals table and the hook settings of its creator. */
lua_State *flE_newthread(lua_State *L) {
  lua_State *L1 = fl_cast(lua_State *, flM_malloc(L, sizeof(lua_State)));
  preinit_state(L1, G(L));
  flC_link(L, fl_obj2gco(L1), LUA_TTHREAD);
  /* not anchored yet: fixed while its stack is allocated, so no collection frees it */
  L1->marked |= fl_bitmask(FL_FIXEDBIT);
  stack_init(L1, L);
  L1->marked &= fl_castbyte(~fl_bitmask(FL_FIXEDBIT));
  fl_setobj(L, fl_gt(L1), fl_gt(L));
  L1->hookmask = L->hookmask;
  L1->basehookcount = L->basehookcount;
  L1->hook = L->hook;
  fl_resethookcount(L1);
  return L1;
}

void flE_freethread(lua_State *L, lua_State *L1) {
  flF_close(L1, L1->stack);   /* close its upvalues (their values live in its stack) */
  freestack(L, L1);
  flM_freemem(L, L1, sizeof(lua_State));
}
