/*
** fl_debug.c -- debug interface (stack levels, function info, locals, hooks), runtime error
** messages with variable names found by symbolic execution, and the bytecode verifier.
*/
#include "fl_core.h"
#include "fl_opcodes.h"

/* A frame runs Lua code. Unlike fl_isLua this also accepts the base frame of a thread,
** whose function slot holds no function. */
#define isLuaFrame(ci)  (fl_isfunc((ci)->func) && !fl_ci_func(ci)->c.isC)


/* ===================================================================== hooks */

LUA_API int lua_sethook(lua_State *L, lua_Hook func, int mask, int count) {
  if (func == NULL || mask == 0) {
    mask = 0;
    func = NULL;
  }
  L->hook = func;
  L->basehookcount = count;
  fl_resethookcount(L);
  L->hookmask = fl_castbyte(mask);
  return 1;
}

LUA_API lua_Hook lua_gethook(lua_State *L) {
  return L->hook;
}

LUA_API int lua_gethookmask(lua_State *L) {
  return L->hookmask;
}

LUA_API int lua_gethookcount(lua_State *L) {
  return L->basehookcount;
}


/* ============================================================ stack levels */

LUA_API int lua_getstack(lua_State *L, int level, lua_Debug *ar) {
  FCallInfo *ci;
  for (ci = L->ci; level > 0 && ci > L->base_ci; ci--) {
    level--;
    if (isLuaFrame(ci))
      level -= ci->tailcalls;             /* tail calls have no frame of their own */
  }
  if (level == 0 && ci > L->base_ci) {
    ar->i_ci = fl_castint(ci - L->base_ci);
    return 1;
  }
  if (level < 0) {                         /* a lost tail call */
    ar->i_ci = 0;
    return 1;
  }
  return 0;
}

static int currentpc(lua_State *L, FCallInfo *ci) {
  if (!isLuaFrame(ci))
    return -1;
  if (ci == L->ci)
    ci->savedpc = L->savedpc;
  return fl_pcRel(ci->savedpc, fl_ci_func(ci)->l.p);
}

static int currentline(lua_State *L, FCallInfo *ci) {
  int pc = currentpc(L, ci);
  if (pc < 0)
    return -1;
  return fl_getline(fl_ci_func(ci)->l.p, pc);
}


/* ================================================================== locals */

static const char *findlocal(lua_State *L, FCallInfo *ci, int n) {
  const char *name = NULL;
  StkId limit;
  if (isLuaFrame(ci))
    name = flF_getlocalname(fl_ci_func(ci)->l.p, n, currentpc(L, ci));
  if (name != NULL)
    return name;
  limit = (ci == L->ci) ? L->top : (ci + 1)->func;
  if (n > 0 && limit - ci->base >= n)      /* a live register without a name */
    return "(*temporary)";
  return NULL;
}

LUA_API const char *lua_getlocal(lua_State *L, const lua_Debug *ar, int n) {
  FCallInfo *ci = L->base_ci + ar->i_ci;
  const char *name = findlocal(L, ci, n);
  if (name != NULL) {
    fl_setobj(L, L->top, ci->base + (n - 1));
    L->top++;
  }
  return name;
}

LUA_API const char *lua_setlocal(lua_State *L, const lua_Debug *ar, int n) {
  FCallInfo *ci = L->base_ci + ar->i_ci;
  const char *name = findlocal(L, ci, n);
  if (name != NULL)
    fl_setobj(L, ci->base + (n - 1), L->top - 1);
  L->top--;
  return name;
}


/* ================================================ names by symbolic execution */

/* The instruction that last set register `reg` before `lastpc`, following forward jumps
** that do not skip lastpc (the code is already verified). Without one, the final RETURN,
** which names nothing. */
static Instr findsetreg(const FProto *p, int lastpc, int reg) {
  int pc;
  int setter = p->sizecode - 1;
  for (pc = 0; pc < lastpc; pc++) {
    Instr i = p->code[pc];
    OpCode op = GET_OP(i);
    int a = GETARG_A(i);
    if (testAMode(op) && a == reg)
      setter = pc;
    switch (op) {
      case OP_LOADNIL:
        if (a <= reg && reg <= GETARG_B(i))
          setter = pc;
        break;
      case OP_SELF:
        if (reg == a + 1)
          setter = pc;
        break;
      case OP_TFORLOOP:
        if (reg >= a + 2)
          setter = pc;
        break;
      case OP_CALL:
      case OP_TAILCALL:
        if (reg >= a)                      /* results clobber everything above a */
          setter = pc;
        break;
      case OP_JMP:
      case OP_FORLOOP:
      case OP_FORPREP: {
        int dest = pc + 1 + GETARG_sBx(i);
        if (pc < dest && dest <= lastpc)
          pc = dest - 1;
        break;
      }
      case OP_SETLIST:
        if (GETARG_C(i) == 0)
          pc++;                            /* skip the batch-number word */
        break;
      case OP_CLOSURE:
        pc += p->p[GETARG_Bx(i)]->nups;    /* skip the upvalue pseudo-instructions */
        break;
      default:
        break;
    }
  }
  return p->code[setter];
}

static const char *kname(const FProto *p, int c) {
  if (ISK(c) && fl_isstr(&p->k[INDEXK(c)]))
    return fl_svalue(&p->k[INDEXK(c)]);
  return "?";
}

/* Describe register `reg` of frame `ci`: "local", "global", "field", "upvalue",
** "method", or NULL when nothing useful is known. */
static const char *getobjname(lua_State *L, FCallInfo *ci, int reg, const char **name) {
  while (isLuaFrame(ci)) {
    const FProto *p = fl_ci_func(ci)->l.p;
    int pc = currentpc(L, ci);
    Instr i;
    *name = flF_getlocalname(p, reg + 1, pc);
    if (*name != NULL)
      return "local";
    i = findsetreg(p, pc, reg);
    switch (GET_OP(i)) {
      case OP_GETGLOBAL:
        *name = fl_svalue(&p->k[GETARG_Bx(i)]);
        return "global";
      case OP_MOVE:
        if (GETARG_B(i) < GETARG_A(i)) {   /* copied from a lower register: name that */
          reg = GETARG_B(i);
          continue;
        }
        return NULL;
      case OP_GETTABLE:
        *name = kname(p, GETARG_C(i));
        return "field";
      case OP_GETUPVAL: {
        int u = GETARG_B(i);
        *name = (u < fl_pdbg(p)->sizeupvalues) ? fl_getstr(fl_pdbg(p)->upvalues[u]) : "?";
        return "upvalue";
      }
      case OP_SELF:
        *name = kname(p, GETARG_C(i));
        return "method";
      default:
        return NULL;
    }
  }
  return NULL;
}

/* Name of the function running in `ci`, from the instruction that called it. */
static const char *getfuncname(lua_State *L, FCallInfo *ci, const char **name) {
  Instr i;
  if (ci <= L->base_ci)
    return NULL;
  if ((isLuaFrame(ci) && ci->tailcalls > 0) || !isLuaFrame(ci - 1))
    return NULL;                           /* called from C, or the caller is unknown */
  ci--;
  i = fl_ci_func(ci)->l.p->code[currentpc(L, ci)];
  if (GET_OP(i) == OP_CALL || GET_OP(i) == OP_TAILCALL || GET_OP(i) == OP_TFORLOOP)
    return getobjname(L, ci, GETARG_A(i), name);
  return NULL;                             /* a metamethod call */
}


/* ================================================================ getinfo */

static void funcinfo(lua_Debug *ar, FClosure *cl) {
  if (cl->c.isC) {
    ar->source = "=[C]";
    ar->linedefined = -1;
    ar->lastlinedefined = -1;
    ar->what = "C";
  }
  else {
    ar->source = fl_getstr(cl->l.p->source);
    ar->linedefined = cl->l.p->linedefined;
    ar->lastlinedefined = cl->l.p->lastlinedefined;
    ar->what = (ar->linedefined == 0) ? "main" : "Lua";
  }
  flO_chunkid(ar->short_src, ar->source, LUA_IDSIZE);
}

static void info_tailcall(lua_Debug *ar) {
  ar->name = ar->namewhat = "";
  ar->what = "tail";
  ar->lastlinedefined = ar->linedefined = ar->currentline = -1;
  ar->source = "=(tail call)";
  flO_chunkid(ar->short_src, ar->source, LUA_IDSIZE);
  ar->nups = 0;
}

/* push a table whose keys are the lines holding code (or nil for a C function) */
static void collectvalidlines(lua_State *L, FClosure *f) {
  flD_checkstack(L, 1);
  if (f == NULL || f->c.isC) {
    fl_setnil(L->top);
    L->top++;
  }
  else {
    const FProto *p = f->l.p;
    FTable *t = flH_new(L, 0, 0);
    int j;
    fl_settab(L, L->top, t);               /* anchored before it grows */
    L->top++;
    for (j = 0; j < fl_pdbg(p)->sizelineinfo; j++) {
      FValue *v = flH_setnum(L, t, fl_pdbg(p)->lineinfo[j]);
      fl_setbool(v, 1);
    }
  }
}

static int auxgetinfo(lua_State *L, const char *what, lua_Debug *ar, FClosure *f,
                      FCallInfo *ci) {
  int status = 1;
  if (f == NULL) {
    info_tailcall(ar);
    return status;
  }
  for (; *what; what++) {
    switch (*what) {
      case 'S':
        funcinfo(ar, f);
        break;
      case 'l':
        ar->currentline = (ci != NULL) ? currentline(L, ci) : -1;
        break;
      case 'u':
        ar->nups = f->c.nupvalues;
        break;
      case 'n':
        ar->namewhat = (ci != NULL) ? getfuncname(L, ci, &ar->name) : NULL;
        if (ar->namewhat == NULL) {
          ar->namewhat = "";
          ar->name = NULL;
        }
        break;
      case 'L':
      case 'f':                            /* pushed by lua_getinfo */
        break;
      default:
        status = 0;
    }
  }
  return status;
}

LUA_API int lua_getinfo(lua_State *L, const char *what, lua_Debug *ar) {
  FClosure *f = NULL;
  FCallInfo *ci = NULL;
  ptrdiff_t fslot = -1;
  int status;
  if (*what == '>') {                      /* the function is on the top of the stack */
    what++;
    f = fl_clv(L->top - 1);
    fslot = fl_savestack(L, L->top - 1);   /* it stays there (anchored) until the end */
  }
  else if (ar->i_ci != 0) {
    ci = L->base_ci + ar->i_ci;
    f = fl_clv(ci->func);
  }
  status = auxgetinfo(L, what, ar, f, ci);
  if (strchr(what, 'f') != NULL) {
    flD_checkstack(L, 1);
    if (f == NULL)
      fl_setnil(L->top);
    else
      fl_setcl(L, L->top, f);
    L->top++;
  }
  if (strchr(what, 'L') != NULL)
    collectvalidlines(L, f);
  if (fslot >= 0) {                        /* now pop the function from under the results */
    StkId p;
    for (p = fl_restorestack(L, fslot); p + 1 < L->top; p++)
      fl_setobj(L, p, p + 1);
    L->top--;
  }
  return status;
}


/* ========================================================= error messages */

/* Is `o` one of the registers of frame ci? (compared one by one: `o` may point anywhere) */
static int isinstack(FCallInfo *ci, const FValue *o) {
  StkId p;
  for (p = ci->base; p < ci->top; p++)
    if (o == p)
      return 1;
  return 0;
}

void flG_typeerror(lua_State *L, const FValue *o, const char *op) {
  const char *name = NULL;
  const char *t = fl_typename(fl_ttype(o));
  const char *kind = NULL;
  if (isinstack(L->ci, o))
    kind = getobjname(L, L->ci, fl_castint(o - L->base), &name);
  if (kind != NULL)
    flG_runerror(L, "attempt to %s %s '%s' (a %s value)", op, kind, name, t);
  else
    flG_runerror(L, "attempt to %s a %s value", op, t);
}

void flG_concaterror(lua_State *L, StkId p1, StkId p2) {
  if (fl_isstr(p1) || fl_isnum(p1))
    p1 = p2;                               /* the first operand was fine */
  flG_typeerror(L, p1, "concatenate");
}

void flG_aritherror(lua_State *L, const FValue *p1, const FValue *p2) {
  FValue temp;
  if (flV_tonumber(p1, &temp) == NULL)
    p2 = p1;                               /* blame the first operand that fails */
  flG_typeerror(L, p2, "perform arithmetic on");
}

int flG_ordererror(lua_State *L, const FValue *p1, const FValue *p2) {
  const char *t1 = fl_typename(fl_ttype(p1));
  const char *t2 = fl_typename(fl_ttype(p2));
  if (strcmp(t1, t2) == 0)
    flG_runerror(L, "attempt to compare two %s values", t1);
  else
    flG_runerror(L, "attempt to compare %s with %s", t1, t2);
  return 0;
}

/* prefix "chunk:line:" when the error comes from Lua code */
static void addinfo(lua_State *L, const char *msg) {
  FCallInfo *ci = L->ci;
  if (isLuaFrame(ci)) {
    char buff[LUA_IDSIZE];
    int line = currentline(L, ci);
    flO_chunkid(buff, fl_getstr(fl_ci_func(ci)->l.p->source), LUA_IDSIZE);
    flO_pushfstring(L, "%s:%d: %s", buff, line, msg);
  }
}

void flG_errormsg(lua_State *L) {
  if (L->errfunc != 0) {                   /* call the message handler */
    StkId errfunc = fl_restorestack(L, L->errfunc);
    if (!fl_isfunc(errfunc))
      flD_throw(L, LUA_ERRERR);
    fl_setobj(L, L->top, L->top - 1);      /* the message becomes the argument */
    fl_setobj(L, L->top - 1, errfunc);
    flD_incr_top(L);
    flD_call(L, L->top - 2, 1);
  }
  flD_throw(L, LUA_ERRRUN);
}

void flG_runerror(lua_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  addinfo(L, flO_pushvfstring(L, fmt, argp));
  va_end(argp);
  flG_errormsg(L);
}


/* ======================================================= bytecode verifier */

/* The verifier guarantees that running the code cannot read or write outside the
** registers of its frame, the constants, the upvalues or the nested prototypes, and that
** control never leaves the code array or lands on a SETLIST batch-number word.
** (Value types are not tracked: e.g. a FORLOOP on non-numbers reads garbage numbers,
** which is harmless.) */

#define check(c)         do { if (!(c)) return 0; } while (0)
#define checkreg(r)      check((r) < maxs)
#define checkrk(r)       check(ISK(r) ? INDEXK(r) < pt->sizek : (r) < maxs)

/* Is word `pc` the batch-number word of a SETLIST? Consecutive words that look like
** "SETLIST with C == 0" alternate between instruction and data, starting with an
** instruction; so it is data iff an odd number of such words precede it. */
static int isdataword(const FProto *pt, int pc) {
  int j = 0;
  while (pc - 1 - j >= 0) {
    Instr d = pt->code[pc - 1 - j];
    if (GET_OP(d) != OP_SETLIST || GETARG_C(d) != 0)
      break;
    j++;
  }
  return j & 1;
}

/* the instruction after an open call/vararg must take all values up to top */
int flG_checkopenop(Instr i) {
  switch (GET_OP(i)) {
    case OP_CALL:
    case OP_TAILCALL:
    case OP_RETURN:
    case OP_SETLIST:
      return GETARG_B(i) == 0;
    default:
      return 0;
  }
}

static int checkproto(const FProto *pt, int depth) {
  int n = pt->sizecode;
  int maxs = pt->maxstacksize;
  int pc, j;
  check(depth < LUAI_MAXCCALLS && !luai_cstacklow());
  check(n > 0 && pt->code != NULL && GET_OP(pt->code[n - 1]) == OP_RETURN);
  check(maxs <= FL_MAXSTACK);
  check(pt->numparams + (pt->is_vararg & FL_VARARG_HASARG) <= maxs);
  check(!(pt->is_vararg & FL_VARARG_NEEDSARG) || (pt->is_vararg & FL_VARARG_HASARG));
  check(pt->sizek >= 0 && pt->sizep >= 0 && fl_pdbg(pt)->sizelocvars >= 0);
  check(fl_pdbg(pt)->sizeupvalues <= pt->nups);
  check(fl_pdbg(pt)->sizelineinfo == n ||
        (fl_pdbg(pt)->sizelineinfo == 0 && fl_pdbg(pt)->lineinfo == NULL));
  check(pt->source != NULL);
  for (j = 0; j < fl_pdbg(pt)->sizeupvalues; j++)
    check(fl_pdbg(pt)->upvalues[j] != NULL);
  for (j = 0; j < fl_pdbg(pt)->sizelocvars; j++)
    check(fl_pdbg(pt)->locvars[j].varname != NULL);
  for (j = 0; j < pt->sizek; j++) {
    int tt = fl_ttype(&pt->k[j]);
    check(tt == LUA_TNIL || tt == LUA_TBOOLEAN || tt == LUA_TNUMBER || tt == LUA_TSTRING);
  }
  for (j = 0; j < pt->sizep; j++)
    check(pt->p[j] != NULL && checkproto(pt->p[j], depth + 1));
  for (pc = 0; pc < n; pc++) {
    Instr i = pt->code[pc];
    int op = fl_castint(GET_OP(i));
    int a = GETARG_A(i);
    int b = GETARG_B(i);
    int c = GETARG_C(i);
    int bx = GETARG_Bx(i);
    int dest = pc + 1 + GETARG_sBx(i);
    check(op < FL_NUM_OPCODES);
    checkreg(a);
    switch (op) {
      case OP_MOVE: case OP_LOADNIL: case OP_UNM: case OP_NOT: case OP_LEN:
        checkreg(b);
        break;
      case OP_LOADK:
        check(bx < pt->sizek);
        break;
      case OP_LOADBOOL:
        if (c != 0)                        /* skips the next instruction */
          check(pc + 2 < n && !isdataword(pt, pc + 2));
        break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        check(b < pt->nups);
        break;
      case OP_GETGLOBAL: case OP_SETGLOBAL:
        check(bx < pt->sizek && fl_isstr(&pt->k[bx]));
        break;
      case OP_GETTABLE:
        checkreg(b);
        checkrk(c);
        break;
      case OP_SETTABLE: case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_MOD:
      case OP_POW:
        checkrk(b);
        checkrk(c);
        break;
      case OP_SELF:
        checkreg(a + 1);
        checkreg(b);
        checkrk(c);
        break;
      case OP_CONCAT:
        checkreg(c);
        check(b < c);
        break;
      case OP_JMP:
        check(dest >= 0 && dest < n && !isdataword(pt, dest));
        break;
      case OP_EQ: case OP_LT: case OP_LE:
        checkrk(b);
        checkrk(c);
        /* fall through */
      case OP_TEST: case OP_TESTSET: case OP_TFORLOOP:
        if (op == OP_TESTSET)
          checkreg(b);
        if (op == OP_TFORLOOP) {
          check(c >= 1);
          checkreg(a + 2 + c);
        }
        /* the next word is a jump (verified as an instruction), then a fall-through */
        check(pc + 2 < n && GET_OP(pt->code[pc + 1]) == OP_JMP);
        break;
      case OP_CALL: case OP_TAILCALL:
        if (b != 0)
          checkreg(a + b - 1);
        if (c == 0)
          check(pc + 1 < n && flG_checkopenop(pt->code[pc + 1]));
        else if (c >= 2)
          checkreg(a + c - 2);
        break;
      case OP_RETURN:
        if (b >= 2)
          checkreg(a + b - 2);
        break;
      case OP_FORLOOP: case OP_FORPREP:
        checkreg(a + 3);
        check(dest >= 0 && dest < n && !isdataword(pt, dest));
        break;
      case OP_SETLIST:
        if (b > 0)
          checkreg(a + b);
        if (c == 0) {                      /* the batch number is the next word */
          Instr w;
          pc++;
          check(pc < n - 1);
          w = pt->code[pc];
          check(w >= 1 && w - 1 <= (lu_int32)(FL_MAX_INT - FL_MAXSTACK) / LFIELDS_PER_FLUSH);
        }
        break;
      case OP_CLOSE:
        break;
      case OP_CLOSURE: {
        int nup;
        check(bx < pt->sizep);
        nup = pt->p[bx]->nups;
        check(pc + nup < n);
        /* the pseudo-instructions are also verified as ordinary instructions */
        for (j = 1; j <= nup; j++) {
          OpCode op1 = GET_OP(pt->code[pc + j]);
          check(op1 == OP_GETUPVAL || op1 == OP_MOVE);
        }
        break;
      }
      case OP_VARARG:
        check((pt->is_vararg & FL_VARARG_ISVARARG) &&
              !(pt->is_vararg & FL_VARARG_NEEDSARG));
        if (b == 0)
          check(pc + 1 < n && flG_checkopenop(pt->code[pc + 1]));
        else if (b >= 2)
          checkreg(a + b - 2);
        break;
      default:                             /* NEWTABLE: any sizes (fb2int clamps) */
        break;
    }
  }
  return 1;
}

int flG_checkcode(const FProto *pt) {
  return checkproto(pt, 0);
}
