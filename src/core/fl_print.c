/*
** fl_print.c -- bytecode listings in the format of `luac5.1 -l` (and `-l -l` for the constant,
** local and upvalue tables), written through a callback so the core does no I/O.
*/
#include <stdio.h>
#include <ctype.h>

#include "fl_core.h"
#include "fl_opcodes.h"

typedef struct Out {
  void (*out)(const char *s, void *ud);
  void *ud;
} Out;

static void emit(Out *o, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  o->out(buf, o->ud);
}

static void emit_quoted(Out *o, const FString *ts) {
  const char *s = fl_getstr(ts);
  size_t i, n = ts->tsv.len;
  emit(o, "%c", '"');
  for (i = 0; i < n; i++) {
    int c = (unsigned char)s[i];
    switch (c) {
      case '"':  emit(o, "\\\""); break;
      case '\\': emit(o, "\\\\"); break;
      case '\a': emit(o, "\\a"); break;
      case '\b': emit(o, "\\b"); break;
      case '\f': emit(o, "\\f"); break;
      case '\n': emit(o, "\\n"); break;
      case '\r': emit(o, "\\r"); break;
      case '\t': emit(o, "\\t"); break;
      case '\v': emit(o, "\\v"); break;
      default:
        if (isprint(c)) emit(o, "%c", c);
        else emit(o, "\\%03u", (unsigned)c);
    }
  }
  emit(o, "%c", '"');
}

static void emit_constant(Out *o, const FProto *f, int i) {
  const FValue *k = &f->k[i];
  char buf[LUAI_MAXNUMBER2STR + 8];
  switch (fl_ttype(k)) {
    case LUA_TNIL: emit(o, "nil"); break;
    case LUA_TBOOLEAN: emit(o, fl_boolv(k) ? "true" : "false"); break;
    case LUA_TNUMBER: flO_num2str(buf, fl_numv(k)); emit(o, "%s", buf); break;
    case LUA_TSTRING: emit_quoted(o, fl_strv(k)); break;
    default: emit(o, "? type=%d", fl_ttype(k)); break;
  }
}

static const char *plural(int n) { return n == 1 ? "" : "s"; }

static void emit_header(Out *o, const FProto *f) {
  const char *s = f->source ? fl_getstr(f->source) : "=?";
  if (*s == '@' || *s == '=') s++;
  else if (*s == LUA_SIGNATURE[0]) s = "(bstring)";
  else s = "(string)";
  emit(o, "\n%s <", f->linedefined == 0 ? "main" : "function");
  o->out(s, o->ud);   /* a source name may be longer than emit's buffer */
  emit(o, ":%d,%d> (%d instruction%s, %d bytes at %p)\n", f->linedefined, f->lastlinedefined,
       f->sizecode, plural(f->sizecode), f->sizecode * (int)sizeof(Instr), (const void *)f);
  emit(o, "%d%s param%s, %d slot%s, %d upvalue%s, ", (int)f->numparams,
       f->is_vararg ? "+" : "", plural(f->numparams), (int)f->maxstacksize,
       plural(f->maxstacksize), (int)f->nups, plural(f->nups));
  emit(o, "%d local%s, %d constant%s, %d function%s\n", fl_pdbg(f)->sizelocvars,
       plural(fl_pdbg(f)->sizelocvars),
       f->sizek, plural(f->sizek), f->sizep, plural(f->sizep));
}

/* operand as luac shows it: constants as -1-index */
static int rk(int x) { return ISK(x) ? -1 - INDEXK(x) : x; }

static void emit_rk_pair(Out *o, const FProto *f, int b, int c) {
  if (!ISK(b) && !ISK(c)) return;
  emit(o, "\t; ");
  if (ISK(b)) emit_constant(o, f, INDEXK(b)); else emit(o, "-");
  emit(o, " ");
  if (ISK(c)) emit_constant(o, f, INDEXK(c)); else emit(o, "-");
}

static void emit_code(Out *o, const FProto *f) {
  int pc;
  for (pc = 0; pc < f->sizecode; pc++) {
    Instr i = f->code[pc];
    OpCode op = GET_OP(i);
    int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
    int bx = GETARG_Bx(i), sbx = GETARG_sBx(i);
    int line = fl_getline(f, pc);
    if ((int)op >= FL_NUM_OPCODES) {
      emit(o, "\t%d\t[-]\t(bad opcode %d)\n", pc + 1, (int)op);
      continue;
    }
    emit(o, "\t%d\t", pc + 1);
    if (line > 0) emit(o, "[%d]\t", line); else emit(o, "[-]\t");
    emit(o, "%-9s\t", flP_opnames[op]);
    switch (getOpMode(op)) {
      case iABC:
        emit(o, "%d", a);
        if (getBMode(op) != OpArgN) emit(o, " %d", rk(b));
        if (getCMode(op) != OpArgN) emit(o, " %d", rk(c));
        break;
      case iABx:
        emit(o, "%d %d", a, getBMode(op) == OpArgK ? -1 - bx : bx);
        break;
      case iAsBx:
        if (op == OP_JMP) emit(o, "%d", sbx); else emit(o, "%d %d", a, sbx);
        break;
    }
    switch (op) {
      case OP_LOADK:
        if (bx < f->sizek) { emit(o, "\t; "); emit_constant(o, f, bx); }
        break;
      case OP_GETUPVAL: case OP_SETUPVAL:
        emit(o, "\t; %s", (fl_pdbg(f)->sizeupvalues > b && fl_pdbg(f)->upvalues[b])
                           ? fl_getstr(fl_pdbg(f)->upvalues[b]) : "-");
        break;
      case OP_GETGLOBAL: case OP_SETGLOBAL:
        if (bx < f->sizek && fl_isstr(&f->k[bx])) {
          emit(o, "\t; ");
          o->out(fl_svalue(&f->k[bx]), o->ud);
        }
        break;
      case OP_GETTABLE: case OP_SELF:
        if (ISK(c)) { emit(o, "\t; "); emit_constant(o, f, INDEXK(c)); }
        break;
      case OP_SETTABLE: case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_POW:
      case OP_EQ: case OP_LT: case OP_LE:
        emit_rk_pair(o, f, b, c);
        break;
      case OP_JMP: case OP_FORLOOP: case OP_FORPREP:
        emit(o, "\t; to %d", sbx + pc + 2);
        break;
      case OP_CLOSURE:
        if (bx < f->sizep) emit(o, "\t; %p", (const void *)f->p[bx]);
        break;
      case OP_SETLIST:
        if (c == 0 && pc + 1 < f->sizecode) emit(o, "\t; %d", (int)f->code[++pc]);
        else emit(o, "\t; %d", c);
        break;
      default:
        break;
    }
    emit(o, "\n");
  }
}

static void emit_debug(Out *o, const FProto *f) {
  const FProtoDbg *d = fl_pdbg(f);
  int i;
  emit(o, "constants (%d) for %p:\n", f->sizek, (const void *)f);
  for (i = 0; i < f->sizek; i++) {
    emit(o, "\t%d\t", i + 1);
    emit_constant(o, f, i);
    emit(o, "\n");
  }
  emit(o, "locals (%d) for %p:\n", d->sizelocvars, (const void *)f);
  for (i = 0; i < d->sizelocvars; i++)
    emit(o, "\t%d\t%s\t%d\t%d\n", i,
         d->locvars[i].varname ? fl_getstr(d->locvars[i].varname) : "?",
         d->locvars[i].startpc + 1, d->locvars[i].endpc + 1);
  emit(o, "upvalues (%d) for %p:\n", d->sizeupvalues, (const void *)f);
  for (i = 0; i < d->sizeupvalues; i++)
    emit(o, "\t%d\t%s\n", i, d->upvalues[i] ? fl_getstr(d->upvalues[i]) : "?");
}

static void print_function(Out *o, const FProto *f, int full) {
  int i;
  emit_header(o, f);
  emit_code(o, f);
  if (full) emit_debug(o, f);
  for (i = 0; i < f->sizep; i++) print_function(o, f->p[i], full);
}

void flL_print(const FProto *f, int full, void (*out)(const char *s, void *ud), void *ud) {
  Out o;
  o.out = out;
  o.ud = ud;
  print_function(&o, f, full);
}
