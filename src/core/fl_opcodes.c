/*
** fl_opcodes.c -- opcode names (as luac -l prints them) and operand modes.
*/
#include "fl_opcodes.h"

const char *const flP_opnames[FL_NUM_OPCODES + 1] = {
  "MOVE", "LOADK", "LOADBOOL", "LOADNIL", "GETUPVAL", "GETGLOBAL", "GETTABLE",
  "SETGLOBAL", "SETUPVAL", "SETTABLE", "NEWTABLE", "SELF", "ADD", "SUB", "MUL", "DIV",
  "MOD", "POW", "UNM", "NOT", "LEN", "CONCAT", "JMP", "EQ", "LT", "LE", "TEST", "TESTSET",
  "CALL", "TAILCALL", "RETURN", "FORLOOP", "FORPREP", "TFORLOOP", "SETLIST", "CLOSE",
  "CLOSURE", "VARARG", NULL
};

/* t: is a test (next instruction is a jump); a: writes register A; b, c: operand kinds */
#define M(t, a, b, c, fmt) \
  ((lu_byte)(((t) << 7) | ((a) << 6) | ((b) << 4) | ((c) << 2) | (fmt)))

const lu_byte flP_opmodes[FL_NUM_OPCODES] = {
  M(0, 1, OpArgR, OpArgN, iABC),    /* MOVE */
  M(0, 1, OpArgK, OpArgN, iABx),    /* LOADK */
  M(0, 1, OpArgU, OpArgU, iABC),    /* LOADBOOL */
  M(0, 1, OpArgR, OpArgN, iABC),    /* LOADNIL */
  M(0, 1, OpArgU, OpArgN, iABC),    /* GETUPVAL */
  M(0, 1, OpArgK, OpArgN, iABx),    /* GETGLOBAL */
  M(0, 1, OpArgR, OpArgK, iABC),    /* GETTABLE */
  M(0, 0, OpArgK, OpArgN, iABx),    /* SETGLOBAL */
  M(0, 0, OpArgU, OpArgN, iABC),    /* SETUPVAL */
  M(0, 0, OpArgK, OpArgK, iABC),    /* SETTABLE */
  M(0, 1, OpArgU, OpArgU, iABC),    /* NEWTABLE */
  M(0, 1, OpArgR, OpArgK, iABC),    /* SELF */
  M(0, 1, OpArgK, OpArgK, iABC),    /* ADD */
  M(0, 1, OpArgK, OpArgK, iABC),    /* SUB */
  M(0, 1, OpArgK, OpArgK, iABC),    /* MUL */
  M(0, 1, OpArgK, OpArgK, iABC),    /* DIV */
  M(0, 1, OpArgK, OpArgK, iABC),    /* MOD */
  M(0, 1, OpArgK, OpArgK, iABC),    /* POW */
  M(0, 1, OpArgR, OpArgN, iABC),    /* UNM */
  M(0, 1, OpArgR, OpArgN, iABC),    /* NOT */
  M(0, 1, OpArgR, OpArgN, iABC),    /* LEN */
  M(0, 1, OpArgR, OpArgR, iABC),    /* CONCAT */
  M(0, 0, OpArgR, OpArgN, iAsBx),   /* JMP */
  M(1, 0, OpArgK, OpArgK, iABC),    /* EQ */
  M(1, 0, OpArgK, OpArgK, iABC),    /* LT */
  M(1, 0, OpArgK, OpArgK, iABC),    /* LE */
  M(1, 1, OpArgR, OpArgU, iABC),    /* TEST */
  M(1, 1, OpArgR, OpArgU, iABC),    /* TESTSET */
  M(0, 1, OpArgU, OpArgU, iABC),    /* CALL */
  M(0, 1, OpArgU, OpArgU, iABC),    /* TAILCALL */
  M(0, 0, OpArgU, OpArgN, iABC),    /* RETURN */
  M(0, 1, OpArgR, OpArgN, iAsBx),   /* FORLOOP */
  M(0, 1, OpArgR, OpArgN, iAsBx),   /* FORPREP */
  M(1, 0, OpArgN, OpArgU, iABC),    /* TFORLOOP */
  M(0, 0, OpArgU, OpArgU, iABC),    /* SETLIST */
  M(0, 0, OpArgN, OpArgN, iABC),    /* CLOSE */
  M(0, 1, OpArgU, OpArgN, iABx),    /* CLOSURE */
  M(0, 1, OpArgU, OpArgN, iABC)     /* VARARG */
};
