/*
** fl_parse.h -- private interface between the parser (fl_parse.c) and the code
** generator (fl_code.c): expression descriptors and per-function compile state.
*/
#ifndef fl_parse_h
#define fl_parse_h

#include "fl_core.h"
#include "fl_opcodes.h"
#include "fl_lex.h"

#define FL_NO_JUMP (-1)   /* end of a jump list / "no jump" */

/* What an expression currently is. The order matters: VLOCAL..VINDEXED are assignable. */
typedef enum {
  VVOID,        /* no value (empty expression list) */
  VNIL,
  VTRUE,
  VFALSE,
  VK,           /* constant; info = index in k */
  VKNUM,        /* numeric constant; nval = value */
  VLOCAL,       /* local variable; info = register */
  VUPVAL,       /* upvalue; info = upvalue index */
  VGLOBAL,      /* global; info = constant index of its name */
  VINDEXED,     /* t[k]; info = table register, aux = key RK */
  VJMP,         /* comparison; info = pc of its jump */
  VRELOCABLE,   /* instruction at pc info whose target register A is still free */
  VNONRELOC,    /* value in register info */
  VCALL,        /* call instruction at pc info */
  VVARARG       /* vararg instruction at pc info */
} FExpKind;

typedef struct FExpDesc {
  FExpKind k;
  union {
    struct { int info, aux; } s;
    lua_Number nval;
  } u;
  int t;        /* jumps taken when the expression is true */
  int f;        /* jumps taken when it is false */
} FExpDesc;

typedef struct FUpvalDesc {
  lu_byte k;    /* VLOCAL or VUPVAL in the enclosing function */
  lu_byte info; /* its register or upvalue index */
} FUpvalDesc;

struct FBlockCnt;

typedef struct FFuncState {
  FProto *f;
  FTable *h;                    /* constant -> index lookup (also anchors strings) */
  struct FFuncState *prev;      /* enclosing function */
  struct FLexState *ls;
  lua_State *L;
  struct FBlockCnt *bl;         /* innermost block */
  int pc;                       /* next instruction */
  int lasttarget;               /* pc of the last jump target */
  int jpc;                      /* jumps waiting for the next instruction */
  int freereg;                  /* first free register */
  int nk;                       /* constants used */
  int np;                       /* nested protos */
  short nlocvars;               /* entries in f->locvars */
  lu_byte nactvar;              /* active locals */
  FUpvalDesc upvalues[LUAI_MAXUPVALUES];
  unsigned short actvar[LUAI_MAXVARS];   /* locvars index of each active local */
} FFuncState;

typedef enum {
  OPR_ADD, OPR_SUB, OPR_MUL, OPR_DIV, OPR_MOD, OPR_POW,
  OPR_CONCAT,
  OPR_NE, OPR_EQ, OPR_LT, OPR_LE, OPR_GT, OPR_GE,
  OPR_AND, OPR_OR,
  OPR_NOBINOPR
} FBinOpr;

typedef enum { OPR_MINUS, OPR_NOT, OPR_LEN, OPR_NOUNOPR } FUnOpr;

#define flK_getcode(fs, e)       ((fs)->f->code[(e)->u.s.info])
#define flK_codeAsBx(fs,o,A,sBx) flK_codeABx(fs, o, A, (sBx) + FL_MAXARG_sBx)
#define flK_setmultret(fs, e)    flK_setreturns(fs, e, LUA_MULTRET)

int flK_code(FFuncState *fs, Instr i, int line);
int flK_codeABC(FFuncState *fs, OpCode o, int a, int b, int c);
int flK_codeABx(FFuncState *fs, OpCode o, int a, int bx);
void flK_fixline(FFuncState *fs, int line);
void flK_nil(FFuncState *fs, int from, int n);
void flK_reserveregs(FFuncState *fs, int n);
void flK_checkstack(FFuncState *fs, int n);
int flK_stringK(FFuncState *fs, FString *s);
int flK_numberK(FFuncState *fs, lua_Number r);
void flK_dischargevars(FFuncState *fs, FExpDesc *e);
int flK_exp2anyreg(FFuncState *fs, FExpDesc *e);
void flK_exp2nextreg(FFuncState *fs, FExpDesc *e);
void flK_exp2val(FFuncState *fs, FExpDesc *e);
int flK_exp2RK(FFuncState *fs, FExpDesc *e);
void flK_self(FFuncState *fs, FExpDesc *e, FExpDesc *key);
void flK_indexed(FFuncState *fs, FExpDesc *t, FExpDesc *k);
void flK_goiftrue(FFuncState *fs, FExpDesc *e);
void flK_storevar(FFuncState *fs, FExpDesc *var, FExpDesc *e);
void flK_setreturns(FFuncState *fs, FExpDesc *e, int nresults);
void flK_setoneret(FFuncState *fs, FExpDesc *e);
int flK_jump(FFuncState *fs);
void flK_ret(FFuncState *fs, int first, int nret);
void flK_patchlist(FFuncState *fs, int list, int target);
void flK_patchtohere(FFuncState *fs, int list);
void flK_concat(FFuncState *fs, int *l1, int l2);
int flK_getlabel(FFuncState *fs);
void flK_prefix(FFuncState *fs, FUnOpr op, FExpDesc *e);
void flK_infix(FFuncState *fs, FBinOpr op, FExpDesc *v);
void flK_posfix(FFuncState *fs, FBinOpr op, FExpDesc *e1, FExpDesc *e2);
void flK_setlist(FFuncState *fs, int base, int nelems, int tostore);

#endif
