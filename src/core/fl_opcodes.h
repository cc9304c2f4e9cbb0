/*
** fl_opcodes.h -- the instruction set. flashlua executes Lua 5.1's own instruction set and
** encoding, so its binary chunks and luac5.1's are interchangeable on the same ABI.
**
** An instruction is 32 bits:  op:6 (bits 0-5) | A:8 (6-13) | C:9 (14-22) | B:9 (23-31)
**                       or:  op:6 | A:8 | Bx:18 (14-31)   (sBx = Bx - FL_MAXARG_sBx)
** B and C values >= FL_BITRK name constant (k[x - FL_BITRK]) instead of a register.
*/
#ifndef fl_opcodes_h
#define fl_opcodes_h

#include "fl_core.h"

enum FlOpMode { iABC, iABx, iAsBx };

#define FL_SIZE_OP  6
#define FL_SIZE_A   8
#define FL_SIZE_B   9
#define FL_SIZE_C   9
#define FL_SIZE_Bx  (FL_SIZE_B + FL_SIZE_C)
#define FL_POS_OP   0
#define FL_POS_A    (FL_POS_OP + FL_SIZE_OP)
#define FL_POS_C    (FL_POS_A + FL_SIZE_A)
#define FL_POS_B    (FL_POS_C + FL_SIZE_C)
#define FL_POS_Bx   FL_POS_C

#define FL_MAXARG_A   ((1 << FL_SIZE_A) - 1)
#define FL_MAXARG_B   ((1 << FL_SIZE_B) - 1)
#define FL_MAXARG_C   ((1 << FL_SIZE_C) - 1)
#define FL_MAXARG_Bx  ((1 << FL_SIZE_Bx) - 1)
#define FL_MAXARG_sBx (FL_MAXARG_Bx >> 1)

#define FL_MASK1(n,p) ((~((~(Instr)0) << (n))) << (p))   /* n ones at position p */
#define FL_MASK0(n,p) (~FL_MASK1(n,p))

#define GET_OP(i)     ((OpCode)(((i) >> FL_POS_OP) & FL_MASK1(FL_SIZE_OP,0)))
#define GETARG_A(i)   ((int)(((i) >> FL_POS_A) & FL_MASK1(FL_SIZE_A,0)))
#define GETARG_B(i)   ((int)(((i) >> FL_POS_B) & FL_MASK1(FL_SIZE_B,0)))
#define GETARG_C(i)   ((int)(((i) >> FL_POS_C) & FL_MASK1(FL_SIZE_C,0)))
#define GETARG_Bx(i)  ((int)(((i) >> FL_POS_Bx) & FL_MASK1(FL_SIZE_Bx,0)))
#define GETARG_sBx(i) (GETARG_Bx(i) - FL_MAXARG_sBx)

#define SET_OP(i,o)     ((i) = (((i) & FL_MASK0(FL_SIZE_OP,FL_POS_OP)) | \
                          (((Instr)(o) << FL_POS_OP) & FL_MASK1(FL_SIZE_OP,FL_POS_OP))))
#define SETARG_A(i,u)   ((i) = (((i) & FL_MASK0(FL_SIZE_A,FL_POS_A)) | \
                          (((Instr)(u) << FL_POS_A) & FL_MASK1(FL_SIZE_A,FL_POS_A))))
#define SETARG_B(i,u)   ((i) = (((i) & FL_MASK0(FL_SIZE_B,FL_POS_B)) | \
                          (((Instr)(u) << FL_POS_B) & FL_MASK1(FL_SIZE_B,FL_POS_B))))
#define SETARG_C(i,u)   ((i) = (((i) & FL_MASK0(FL_SIZE_C,FL_POS_C)) | \
                          (((Instr)(u) << FL_POS_C) & FL_MASK1(FL_SIZE_C,FL_POS_C))))
#define SETARG_Bx(i,u)  ((i) = (((i) & FL_MASK0(FL_SIZE_Bx,FL_POS_Bx)) | \
                          (((Instr)(u) << FL_POS_Bx) & FL_MASK1(FL_SIZE_Bx,FL_POS_Bx))))
#define SETARG_sBx(i,u) SETARG_Bx((i), (unsigned int)((u) + FL_MAXARG_sBx))

#define CREATE_ABC(o,a,b,c) (((Instr)(o) << FL_POS_OP) | ((Instr)(a) << FL_POS_A) | \
                             ((Instr)(b) << FL_POS_B) | ((Instr)(c) << FL_POS_C))
#define CREATE_ABx(o,a,bc)  (((Instr)(o) << FL_POS_OP) | ((Instr)(a) << FL_POS_A) | \
                             ((Instr)(bc) << FL_POS_Bx))

/* register-or-constant operands */
#define FL_BITRK      (1 << (FL_SIZE_B - 1))
#define ISK(x)        ((x) & FL_BITRK)
#define INDEXK(r)     ((int)(r) & ~FL_BITRK)
#define FL_MAXINDEXRK (FL_BITRK - 1)
#define RKASK(x)      ((x) | FL_BITRK)

#define NO_REG        FL_MAXARG_A   /* "no register" marker in code generation */

/* The opcodes, in 5.1's numbering (the binary chunk format depends on it). */
typedef enum {
  OP_MOVE,      /* A B     R(A) := R(B)                                  */
  OP_LOADK,     /* A Bx    R(A) := Kst(Bx)                               */
  OP_LOADBOOL,  /* A B C   R(A) := (Bool)B; if (C) pc++                  */
  OP_LOADNIL,   /* A B     R(A) := ... := R(B) := nil                    */
  OP_GETUPVAL,  /* A B     R(A) := UpValue[B]                            */
  OP_GETGLOBAL, /* A Bx    R(A) := Gbl[Kst(Bx)]                          */
  OP_GETTABLE,  /* A B C   R(A) := R(B)[RK(C)]                           */
  OP_SETGLOBAL, /* A Bx    Gbl[Kst(Bx)] := R(A)                          */
  OP_SETUPVAL,  /* A B     UpValue[B] := R(A)                            */
  OP_SETTABLE,  /* A B C   R(A)[RK(B)] := RK(C)                          */
  OP_NEWTABLE,  /* A B C   R(A) := {} (size = B,C, "floating point byte") */
  OP_SELF,      /* A B C   R(A+1) := R(B); R(A) := R(B)[RK(C)]           */
  OP_ADD,       /* A B C   R(A) := RK(B) + RK(C)                         */
  OP_SUB,
  OP_MUL,
  OP_DIV,
  OP_MOD,
  OP_POW,
  OP_UNM,       /* A B     R(A) := -R(B)                                 */
  OP_NOT,       /* A B     R(A) := not R(B)                              */
  OP_LEN,       /* A B     R(A) := length of R(B)                        */
  OP_CONCAT,    /* A B C   R(A) := R(B).. ... ..R(C)                     */
  OP_JMP,       /* sBx     pc += sBx                                     */
  OP_EQ,        /* A B C   if ((RK(B) == RK(C)) ~= A) then pc++          */
  OP_LT,        /* A B C   if ((RK(B) <  RK(C)) ~= A) then pc++          */
  OP_LE,        /* A B C   if ((RK(B) <= RK(C)) ~= A) then pc++          */
  OP_TEST,      /* A C     if not (R(A) <=> C) then pc++                 */
  OP_TESTSET,   /* A B C   if (R(B) <=> C) then R(A) := R(B) else pc++   */
  OP_CALL,      /* A B C   R(A), ... ,R(A+C-2) := R(A)(R(A+1), ... ,R(A+B-1)) */
  OP_TAILCALL,  /* A B C   return R(A)(R(A+1), ... ,R(A+B-1))            */
  OP_RETURN,    /* A B     return R(A), ... ,R(A+B-2)                    */
  OP_FORLOOP,   /* A sBx   R(A)+=R(A+2); if R(A) <?= R(A+1) then { pc+=sBx; R(A+3)=R(A) } */
  OP_FORPREP,   /* A sBx   R(A)-=R(A+2); pc+=sBx                         */
  OP_TFORLOOP,  /* A C     R(A+3), ... ,R(A+2+C) := R(A)(R(A+1), R(A+2));
                           if R(A+3) ~= nil then R(A+2)=R(A+3) else pc++ */
  OP_SETLIST,   /* A B C   R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B      */
  OP_CLOSE,     /* A       close all variables in the stack up to (>=) R(A) */
  OP_CLOSURE,   /* A Bx    R(A) := closure(KPROTO[Bx], R(A), ... ,R(A+n)) */
  OP_VARARG     /* A B     R(A), R(A+1), ..., R(A+B-1) = vararg          */
} OpCode;

#define FL_NUM_OPCODES ((int)OP_VARARG + 1)

/* operand kinds, for the verifier and the listing */
enum FlOpArgMask { OpArgN, OpArgU, OpArgR, OpArgK };

/* per-opcode mode byte: bits 0-1 format, 2-3 C kind, 4-5 B kind, 6 sets A, 7 is a test */
extern const lu_byte flP_opmodes[FL_NUM_OPCODES];
extern const char *const flP_opnames[FL_NUM_OPCODES + 1];   /* "MOVE", ... , NULL */

#define getOpMode(m)  ((enum FlOpMode)(flP_opmodes[m] & 3))
#define getCMode(m)   ((enum FlOpArgMask)((flP_opmodes[m] >> 2) & 3))
#define getBMode(m)   ((enum FlOpArgMask)((flP_opmodes[m] >> 4) & 3))
#define testAMode(m)  (flP_opmodes[m] & (1 << 6))
#define testTMode(m)  (flP_opmodes[m] & (1 << 7))

#define LFIELDS_PER_FLUSH 50   /* SETLIST batch size */

#endif
