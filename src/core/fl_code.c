/*
** fl_code.c -- code generator: emits 5.1 instructions for the parser.
**
** Expressions are kept symbolic (FExpDesc) for as long as possible and only materialised
** ("discharged") into a register, a constant or a jump when the context requires it; this
** is what lets the compiler fold constants, use RK operands and reuse target registers.
** Conditional expressions carry two lists of pending jumps (true exits, false exits),
** chained through the jump offsets themselves; FL_NO_JUMP ends a list.
*/
#include <stdlib.h>

#include "fl_parse.h"

#define hasjumps(e)  ((e)->t != (e)->f)

static int isnumeral(const FExpDesc *e) {
  return e->k == VKNUM && e->t == FL_NO_JUMP && e->f == FL_NO_JUMP;
}

/* ------------------------------------------------------------------ emitting */

static void patchlistaux(FFuncState *fs, int list, int vtarget, int reg, int dtarget);

/* jumps to the current pc are resolved now that an instruction lands there */
static void dischargejpc(FFuncState *fs) {
  patchlistaux(fs, fs->jpc, fs->pc, NO_REG, fs->pc);
  fs->jpc = FL_NO_JUMP;
}

int flK_code(FFuncState *fs, Instr i, int line) {
  FProto *f = fs->f;
  dischargejpc(fs);
  flM_growvector(fs->L, f->code, fs->pc, f->sizecode, Instr, FL_MAX_INT, "code size overflow");
  f->code[fs->pc] = i;
  flM_growvector(fs->L, f->dbg->lineinfo, fs->pc, f->dbg->sizelineinfo, int, FL_MAX_INT,
                 "code size overflow");
  f->dbg->lineinfo[fs->pc] = line;
  return fs->pc++;
}

int flK_codeABC(FFuncState *fs, OpCode o, int a, int b, int c) {
  return flK_code(fs, CREATE_ABC(o, a, b, c), fs->ls->lastline);
}

int flK_codeABx(FFuncState *fs, OpCode o, int a, int bx) {
  return flK_code(fs, CREATE_ABx(o, a, bx), fs->ls->lastline);
}

void flK_fixline(FFuncState *fs, int line) {
  fs->f->dbg->lineinfo[fs->pc - 1] = line;
}

/* LOADNIL, merged into a previous LOADNIL or dropped at function start when possible */
void flK_nil(FFuncState *fs, int from, int n) {
  if (fs->pc > fs->lasttarget) {        /* nothing jumps here: previous code is reliable */
    if (fs->pc == 0) {
      if (from >= fs->nactvar) return;  /* fresh registers are nil already */
    }
    else {
      Instr *prev = &fs->f->code[fs->pc - 1];
      if (GET_OP(*prev) == OP_LOADNIL) {
        int pfrom = GETARG_A(*prev), pto = GETARG_B(*prev);
        if (pfrom <= from && from <= pto + 1) {
          if (from + n - 1 > pto) SETARG_B(*prev, from + n - 1);
          return;
        }
      }
    }
  }
  flK_codeABC(fs, OP_LOADNIL, from, from + n - 1, 0);
}

void flK_ret(FFuncState *fs, int first, int nret) {
  flK_codeABC(fs, OP_RETURN, first, nret + 1, 0);
}

/* ------------------------------------------------------------------ jumps */

static int getjump(FFuncState *fs, int pc) {
  int off = GETARG_sBx(fs->f->code[pc]);
  return (off == FL_NO_JUMP) ? FL_NO_JUMP : pc + 1 + off;
}

static void fixjump(FFuncState *fs, int pc, int dest) {
  int off = dest - (pc + 1);
  if (abs(off) > FL_MAXARG_sBx)
    flX_syntaxerror(fs->ls, "control structure too long");
  SETARG_sBx(fs->f->code[pc], off);
}

void flK_concat(FFuncState *fs, int *l1, int l2) {
  if (l2 == FL_NO_JUMP) return;
  if (*l1 == FL_NO_JUMP)
    *l1 = l2;
  else {
    int list = *l1, next;
    while ((next = getjump(fs, list)) != FL_NO_JUMP) list = next;
    fixjump(fs, list, l2);
  }
}

int flK_jump(FFuncState *fs) {
  int pending = fs->jpc;    /* jumps to here now go through the new jump */
  int j;
  fs->jpc = FL_NO_JUMP;
  j = flK_codeAsBx(fs, OP_JMP, 0, FL_NO_JUMP);
  flK_concat(fs, &j, pending);
  return j;
}

static int condjump(FFuncState *fs, OpCode op, int a, int b, int c) {
  flK_codeABC(fs, op, a, b, c);
  return flK_jump(fs);
}

int flK_getlabel(FFuncState *fs) {
  fs->lasttarget = fs->pc;
  return fs->pc;
}

/* the instruction that decides a jump: the test before it, or the jump itself */
static Instr *jumpcontrol(FFuncState *fs, int pc) {
  Instr *pi = &fs->f->code[pc];
  if (pc >= 1 && testTMode(GET_OP(*(pi - 1))))
    return pi - 1;
  return pi;
}

/* does some jump in the list need a value that TESTSET cannot provide? */
static int need_value(FFuncState *fs, int list) {
  for (; list != FL_NO_JUMP; list = getjump(fs, list))
    if (GET_OP(*jumpcontrol(fs, list)) != OP_TESTSET) return 1;
  return 0;
}

/* Makes a TESTSET store into reg, or turns it into a plain TEST when no value is wanted
** (reg == NO_REG) or the value is already there. Returns 0 if the jump is not a TESTSET. */
static int patchtestreg(FFuncState *fs, int node, int reg) {
  Instr *i = jumpcontrol(fs, node);
  if (GET_OP(*i) != OP_TESTSET) return 0;
  if (reg != NO_REG && reg != GETARG_B(*i))
    SETARG_A(*i, reg);
  else
    *i = CREATE_ABC(OP_TEST, GETARG_B(*i), 0, GETARG_C(*i));
  return 1;
}

static void removevalues(FFuncState *fs, int list) {
  for (; list != FL_NO_JUMP; list = getjump(fs, list))
    patchtestreg(fs, list, NO_REG);
}

/* value-producing jumps (TESTSET) go to vtarget storing in reg, the others to dtarget */
static void patchlistaux(FFuncState *fs, int list, int vtarget, int reg, int dtarget) {
  while (list != FL_NO_JUMP) {
    int next = getjump(fs, list);
    fixjump(fs, list, patchtestreg(fs, list, reg) ? vtarget : dtarget);
    list = next;
  }
}

void flK_patchtohere(FFuncState *fs, int list) {
  flK_getlabel(fs);
  flK_concat(fs, &fs->jpc, list);
}

void flK_patchlist(FFuncState *fs, int list, int target) {
  if (target == fs->pc)
    flK_patchtohere(fs, list);
  else
    patchlistaux(fs, list, target, NO_REG, target);
}

/* ------------------------------------------------------------------ registers */

void flK_checkstack(FFuncState *fs, int n) {
  int need = fs->freereg + n;
  if (need > fs->f->maxstacksize) {
    if (need >= FL_MAXSTACK)
      flX_syntaxerror(fs->ls, "function or expression too complex");
    fs->f->maxstacksize = fl_castbyte(need);
  }
}

void flK_reserveregs(FFuncState *fs, int n) {
  flK_checkstack(fs, n);
  fs->freereg += n;
}

/* registers are freed in stack order; locals and constants are never freed */
static void freereg(FFuncState *fs, int reg) {
  if (!ISK(reg) && reg >= fs->nactvar)
    fs->freereg--;
}

static void freeexp(FFuncState *fs, FExpDesc *e) {
  if (e->k == VNONRELOC) freereg(fs, e->u.s.info);
}

/* ------------------------------------------------------------------ constants */

/* Constants get indices in order of first use; fs->h maps each value to its index.
** Strings are already keys there (with value true) because the lexer anchors them. */
static int addk(FFuncState *fs, FValue *key, FValue *v) {
  lua_State *L = fs->L;
  FProto *f = fs->f;
  FValue *idx = flH_set(L, fs->h, key);
  int old = f->sizek;
  if (fl_isnum(idx)) return fl_castint(fl_numv(idx));
  fl_setnum(idx, fl_castnum(fs->nk));
  flM_growvector(L, f->k, fs->nk, f->sizek, FValue, FL_MAXARG_Bx, "constant table overflow");
  while (old < f->sizek) fl_setnil(&f->k[old++]);
  fl_setobj(L, &f->k[fs->nk], v);
  flC_barrier(L, f, v);
  return fs->nk++;
}

int flK_stringK(FFuncState *fs, FString *s) {
  FValue o;
  fl_setstr(fs->L, &o, s);
  return addk(fs, &o, &o);
}

int flK_numberK(FFuncState *fs, lua_Number r) {
  FValue o;
  fl_setnum(&o, r);
  return addk(fs, &o, &o);
}

static int boolK(FFuncState *fs, int b) {
  FValue o;
  fl_setbool(&o, b);
  return addk(fs, &o, &o);
}

static int nilK(FFuncState *fs) {
  FValue k, v;
  fl_setnil(&v);
  fl_settab(fs->L, &k, fs->h);   /* nil cannot be a key: the table itself stands for it */
  return addk(fs, &k, &v);
}

/* ------------------------------------------------------------------ discharging */

void flK_setreturns(FFuncState *fs, FExpDesc *e, int nresults) {
  if (e->k == VCALL)
    SETARG_C(flK_getcode(fs, e), nresults + 1);
  else if (e->k == VVARARG) {
    SETARG_B(flK_getcode(fs, e), nresults + 1);
    SETARG_A(flK_getcode(fs, e), fs->freereg);
    flK_reserveregs(fs, 1);
  }
}

void flK_setoneret(FFuncState *fs, FExpDesc *e) {
  if (e->k == VCALL) {
    e->k = VNONRELOC;
    e->u.s.info = GETARG_A(flK_getcode(fs, e));
  }
  else if (e->k == VVARARG) {
    SETARG_B(flK_getcode(fs, e), 2);
    e->k = VRELOCABLE;
  }
}

/* variables become values: a register (locals) or an instruction with a free target */
void flK_dischargevars(FFuncState *fs, FExpDesc *e) {
  switch (e->k) {
    case VLOCAL:
      e->k = VNONRELOC;
      break;
    case VUPVAL:
      e->u.s.info = flK_codeABC(fs, OP_GETUPVAL, 0, e->u.s.info, 0);
      e->k = VRELOCABLE;
      break;
    case VGLOBAL:
      e->u.s.info = flK_codeABx(fs, OP_GETGLOBAL, 0, e->u.s.info);
      e->k = VRELOCABLE;
      break;
    case VINDEXED:
      freereg(fs, e->u.s.aux);
      freereg(fs, e->u.s.info);
      e->u.s.info = flK_codeABC(fs, OP_GETTABLE, 0, e->u.s.info, e->u.s.aux);
      e->k = VRELOCABLE;
      break;
    case VVARARG: case VCALL:
      flK_setoneret(fs, e);
      break;
    default:
      break;
  }
}

static int code_label(FFuncState *fs, int a, int b, int jump) {
  flK_getlabel(fs);   /* these LOADBOOLs are jump targets */
  return flK_codeABC(fs, OP_LOADBOOL, a, b, jump);
}

static void discharge2reg(FFuncState *fs, FExpDesc *e, int reg) {
  flK_dischargevars(fs, e);
  switch (e->k) {
    case VNIL:
      flK_nil(fs, reg, 1);
      break;
    case VFALSE: case VTRUE:
      flK_codeABC(fs, OP_LOADBOOL, reg, e->k == VTRUE, 0);
      break;
    case VK:
      flK_codeABx(fs, OP_LOADK, reg, e->u.s.info);
      break;
    case VKNUM:
      flK_codeABx(fs, OP_LOADK, reg, flK_numberK(fs, e->u.nval));
      break;
    case VRELOCABLE:
      SETARG_A(flK_getcode(fs, e), reg);
      break;
    case VNONRELOC:
      if (reg != e->u.s.info)
        flK_codeABC(fs, OP_MOVE, reg, e->u.s.info, 0);
      break;
    default:
      return;         /* VVOID or VJMP: nothing to load */
  }
  e->u.s.info = reg;
  e->k = VNONRELOC;
}

static void discharge2anyreg(FFuncState *fs, FExpDesc *e) {
  if (e->k != VNONRELOC) {
    flK_reserveregs(fs, 1);
    discharge2reg(fs, e, fs->freereg - 1);
  }
}

/* full materialisation into reg, including the values of pending conditional jumps */
static void exp2reg(FFuncState *fs, FExpDesc *e, int reg) {
  discharge2reg(fs, e, reg);
  if (e->k == VJMP)
    flK_concat(fs, &e->t, e->u.s.info);
  if (hasjumps(e)) {
    int end;
    int load_false = FL_NO_JUMP, load_true = FL_NO_JUMP;
    if (need_value(fs, e->t) || need_value(fs, e->f)) {
      int skip = (e->k == VJMP) ? FL_NO_JUMP : flK_jump(fs);
      load_false = code_label(fs, reg, 0, 1);
      load_true = code_label(fs, reg, 1, 0);
      flK_patchtohere(fs, skip);
    }
    end = flK_getlabel(fs);
    patchlistaux(fs, e->f, end, reg, load_false);
    patchlistaux(fs, e->t, end, reg, load_true);
  }
  e->f = e->t = FL_NO_JUMP;
  e->u.s.info = reg;
  e->k = VNONRELOC;
}

void flK_exp2nextreg(FFuncState *fs, FExpDesc *e) {
  flK_dischargevars(fs, e);
  freeexp(fs, e);
  flK_reserveregs(fs, 1);
  exp2reg(fs, e, fs->freereg - 1);
}

int flK_exp2anyreg(FFuncState *fs, FExpDesc *e) {
  flK_dischargevars(fs, e);
  if (e->k == VNONRELOC) {
    if (!hasjumps(e)) return e->u.s.info;
    if (e->u.s.info >= fs->nactvar) {   /* a temporary: the jumps may write into it */
      exp2reg(fs, e, e->u.s.info);
      return e->u.s.info;
    }
  }
  flK_exp2nextreg(fs, e);
  return e->u.s.info;
}

void flK_exp2val(FFuncState *fs, FExpDesc *e) {
  if (hasjumps(e))
    flK_exp2anyreg(fs, e);
  else
    flK_dischargevars(fs, e);
}

/* an operand for a B/C field: a constant index (with FL_BITRK) when it fits, else a register */
int flK_exp2RK(FFuncState *fs, FExpDesc *e) {
  flK_exp2val(fs, e);
  switch (e->k) {
    case VKNUM: case VTRUE: case VFALSE: case VNIL:
      if (fs->nk <= FL_MAXINDEXRK) {
        e->u.s.info = (e->k == VNIL) ? nilK(fs) :
                      (e->k == VKNUM) ? flK_numberK(fs, e->u.nval) :
                      boolK(fs, e->k == VTRUE);
        e->k = VK;
        return RKASK(e->u.s.info);
      }
      break;
    case VK:
      if (e->u.s.info <= FL_MAXINDEXRK) return RKASK(e->u.s.info);
      break;
    default:
      break;
  }
  return flK_exp2anyreg(fs, e);
}

void flK_storevar(FFuncState *fs, FExpDesc *var, FExpDesc *ex) {
  switch (var->k) {
    case VLOCAL:
      freeexp(fs, ex);
      exp2reg(fs, ex, var->u.s.info);
      return;
    case VUPVAL: {
      int r = flK_exp2anyreg(fs, ex);
      flK_codeABC(fs, OP_SETUPVAL, r, var->u.s.info, 0);
      break;
    }
    case VGLOBAL: {
      int r = flK_exp2anyreg(fs, ex);
      flK_codeABx(fs, OP_SETGLOBAL, r, var->u.s.info);
      break;
    }
    case VINDEXED: {
      int r = flK_exp2RK(fs, ex);
      flK_codeABC(fs, OP_SETTABLE, var->u.s.info, var->u.s.aux, r);
      break;
    }
    default:
      break;
  }
  freeexp(fs, ex);
}

void flK_self(FFuncState *fs, FExpDesc *e, FExpDesc *key) {
  int func;
  flK_exp2anyreg(fs, e);
  freeexp(fs, e);
  func = fs->freereg;
  flK_reserveregs(fs, 2);
  flK_codeABC(fs, OP_SELF, func, e->u.s.info, flK_exp2RK(fs, key));
  freeexp(fs, key);
  e->u.s.info = func;
  e->k = VNONRELOC;
}

void flK_indexed(FFuncState *fs, FExpDesc *t, FExpDesc *k) {
  t->u.s.aux = flK_exp2RK(fs, k);
  t->k = VINDEXED;
}

/* ------------------------------------------------------------------ conditions */

static void invertjump(FFuncState *fs, FExpDesc *e) {
  Instr *pc = jumpcontrol(fs, e->u.s.info);
  SETARG_A(*pc, !(GETARG_A(*pc)));
}

static int jumponcond(FFuncState *fs, FExpDesc *e, int cond) {
  if (e->k == VRELOCABLE) {
    Instr ie = flK_getcode(fs, e);
    if (GET_OP(ie) == OP_NOT) {       /* test the operand of `not` directly */
      fs->pc--;
      return condjump(fs, OP_TEST, GETARG_B(ie), 0, !cond);
    }
  }
  discharge2anyreg(fs, e);
  freeexp(fs, e);
  return condjump(fs, OP_TESTSET, NO_REG, e->u.s.info, cond);
}

/* falls through when e is true, jumps (list e->f) when it is false */
void flK_goiftrue(FFuncState *fs, FExpDesc *e) {
  int pc;
  flK_dischargevars(fs, e);
  switch (e->k) {
    case VK: case VKNUM: case VTRUE:
      pc = FL_NO_JUMP;
      break;
    case VJMP:
      invertjump(fs, e);
      pc = e->u.s.info;
      break;
    default:
      pc = jumponcond(fs, e, 0);
      break;
  }
  flK_concat(fs, &e->f, pc);
  flK_patchtohere(fs, e->t);
  e->t = FL_NO_JUMP;
}

static void goiffalse(FFuncState *fs, FExpDesc *e) {
  int pc;
  flK_dischargevars(fs, e);
  switch (e->k) {
    case VNIL: case VFALSE:
      pc = FL_NO_JUMP;
      break;
    case VJMP:
      pc = e->u.s.info;
      break;
    default:
      pc = jumponcond(fs, e, 1);
      break;
  }
  flK_concat(fs, &e->t, pc);
  flK_patchtohere(fs, e->f);
  e->f = FL_NO_JUMP;
}

static void codenot(FFuncState *fs, FExpDesc *e) {
  flK_dischargevars(fs, e);
  switch (e->k) {
    case VNIL: case VFALSE:
      e->k = VTRUE;
      break;
    case VK: case VKNUM: case VTRUE:
      e->k = VFALSE;
      break;
    case VJMP:
      invertjump(fs, e);
      break;
    case VRELOCABLE: case VNONRELOC:
      discharge2anyreg(fs, e);
      freeexp(fs, e);
      e->u.s.info = flK_codeABC(fs, OP_NOT, 0, e->u.s.info, 0);
      e->k = VRELOCABLE;
      break;
    default:
      break;
  }
  { int tmp = e->f; e->f = e->t; e->t = tmp; }
  removevalues(fs, e->f);
  removevalues(fs, e->t);
}

/* ------------------------------------------------------------------ operators */

/* 5.1 folds numeric operations on numerals, except division/modulo by zero, `#`,
** and results that are NaN */
static int constfolding(OpCode op, FExpDesc *e1, FExpDesc *e2) {
  lua_Number a, b, r;
  if (!isnumeral(e1) || !isnumeral(e2)) return 0;
  a = e1->u.nval;
  b = e2->u.nval;
  switch (op) {
    case OP_ADD: r = fl_numadd(a, b); break;
    case OP_SUB: r = fl_numsub(a, b); break;
    case OP_MUL: r = fl_nummul(a, b); break;
    case OP_DIV:
      if (b == 0) return 0;
      r = fl_numdiv(a, b); break;
    case OP_MOD:
      if (b == 0) return 0;
      r = fl_nummod(a, b); break;
    case OP_POW: r = fl_numpow(a, b); break;
    case OP_UNM: r = fl_numunm(a); break;
    default: return 0;
  }
  if (fl_numisnan(r)) return 0;
  e1->u.nval = r;
  return 1;
}

static void codearith(FFuncState *fs, OpCode op, FExpDesc *e1, FExpDesc *e2) {
  int o1, o2;
  if (constfolding(op, e1, e2)) return;
  o2 = (op != OP_UNM && op != OP_LEN) ? flK_exp2RK(fs, e2) : 0;
  o1 = flK_exp2RK(fs, e1);
  if (o1 > o2) {     /* free the higher register first */
    freeexp(fs, e1);
    freeexp(fs, e2);
  }
  else {
    freeexp(fs, e2);
    freeexp(fs, e1);
  }
  e1->u.s.info = flK_codeABC(fs, op, 0, o1, o2);
  e1->k = VRELOCABLE;
}

static void codecomp(FFuncState *fs, OpCode op, int cond, FExpDesc *e1, FExpDesc *e2) {
  int o1 = flK_exp2RK(fs, e1);
  int o2 = flK_exp2RK(fs, e2);
  freeexp(fs, e2);
  freeexp(fs, e1);
  if (cond == 0 && op != OP_EQ) {   /* a > b is b < a, a >= b is b <= a */
    int tmp = o1; o1 = o2; o2 = tmp;
    cond = 1;
  }
  e1->u.s.info = condjump(fs, op, cond, o1, o2);
  e1->k = VJMP;
}

void flK_prefix(FFuncState *fs, FUnOpr op, FExpDesc *e) {
  FExpDesc e2;
  e2.t = e2.f = FL_NO_JUMP;
  e2.k = VKNUM;
  e2.u.nval = 0;
  switch (op) {
    case OPR_MINUS:
      if (!isnumeral(e)) flK_exp2anyreg(fs, e);
      codearith(fs, OP_UNM, e, &e2);
      break;
    case OPR_NOT:
      codenot(fs, e);
      break;
    default:   /* OPR_LEN */
      flK_exp2anyreg(fs, e);
      codearith(fs, OP_LEN, e, &e2);
      break;
  }
}

/* first operand of a binary operator, before the second one is parsed */
void flK_infix(FFuncState *fs, FBinOpr op, FExpDesc *v) {
  switch (op) {
    case OPR_AND:
      flK_goiftrue(fs, v);
      break;
    case OPR_OR:
      goiffalse(fs, v);
      break;
    case OPR_CONCAT:
      flK_exp2nextreg(fs, v);   /* CONCAT needs consecutive registers */
      break;
    case OPR_ADD: case OPR_SUB: case OPR_MUL: case OPR_DIV: case OPR_MOD: case OPR_POW:
      if (!isnumeral(v)) flK_exp2RK(fs, v);   /* numerals wait: they may fold */
      break;
    default:
      flK_exp2RK(fs, v);
      break;
  }
}

void flK_posfix(FFuncState *fs, FBinOpr op, FExpDesc *e1, FExpDesc *e2) {
  switch (op) {
    case OPR_AND:
      flK_dischargevars(fs, e2);
      flK_concat(fs, &e2->f, e1->f);
      *e1 = *e2;
      break;
    case OPR_OR:
      flK_dischargevars(fs, e2);
      flK_concat(fs, &e2->t, e1->t);
      *e1 = *e2;
      break;
    case OPR_CONCAT:
      flK_exp2val(fs, e2);
      if (e2->k == VRELOCABLE && GET_OP(flK_getcode(fs, e2)) == OP_CONCAT) {
        /* a .. (b .. c): extend the right CONCAT downwards to include a */
        freeexp(fs, e1);
        SETARG_B(flK_getcode(fs, e2), e1->u.s.info);
        e1->k = VRELOCABLE;
        e1->u.s.info = e2->u.s.info;
      }
      else {
        flK_exp2nextreg(fs, e2);
        codearith(fs, OP_CONCAT, e1, e2);
      }
      break;
    case OPR_ADD: codearith(fs, OP_ADD, e1, e2); break;
    case OPR_SUB: codearith(fs, OP_SUB, e1, e2); break;
    case OPR_MUL: codearith(fs, OP_MUL, e1, e2); break;
    case OPR_DIV: codearith(fs, OP_DIV, e1, e2); break;
    case OPR_MOD: codearith(fs, OP_MOD, e1, e2); break;
    case OPR_POW: codearith(fs, OP_POW, e1, e2); break;
    case OPR_EQ: codecomp(fs, OP_EQ, 1, e1, e2); break;
    case OPR_NE: codecomp(fs, OP_EQ, 0, e1, e2); break;
    case OPR_LT: codecomp(fs, OP_LT, 1, e1, e2); break;
    case OPR_LE: codecomp(fs, OP_LE, 1, e1, e2); break;
    case OPR_GT: codecomp(fs, OP_LT, 0, e1, e2); break;
    case OPR_GE: codecomp(fs, OP_LE, 0, e1, e2); break;
    default: break;
  }
}

/* SETLIST for `tostore` items ending at item nelems; C holds the batch number (or, when
** too big, the next instruction does) */
void flK_setlist(FFuncState *fs, int base, int nelems, int tostore) {
  int c = (nelems - 1) / LFIELDS_PER_FLUSH + 1;
  int b = (tostore == LUA_MULTRET) ? 0 : tostore;
  if (c <= FL_MAXARG_C)
    flK_codeABC(fs, OP_SETLIST, base, b, c);
  else {
    flK_codeABC(fs, OP_SETLIST, base, b, 0);
    flK_code(fs, (Instr)c, fs->ls->lastline);
  }
  fs->freereg = base + 1;
}
