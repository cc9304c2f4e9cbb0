/*
** fl_parse.c -- recursive-descent parser for Lua 5.1; generates code as it goes (one pass).
**
** Every function being compiled keeps its FProto and its constant lookup table anchored on
** the Lua stack (2 slots per nesting level) so that collections during compilation keep them;
** a syntax error simply unwinds: the caller's protected call drops the stack slots and the
** collector reclaims the half-built protos.
*/
#include "fl_parse.h"

#define hasmultret(k)     ((k) == VCALL || (k) == VVARARG)
#define getlocvar(fs, i)  ((fs)->f->dbg->locvars[(fs)->actvar[i]])
#define checklimit(fs, v, l, m)  { if ((v) > (l)) errorlimit(fs, l, m); }

typedef struct FBlockCnt {
  struct FBlockCnt *previous;
  int breaklist;          /* jumps out of this loop */
  lu_byte nactvar;        /* active locals outside the block */
  lu_byte upval;          /* some local of the block is captured as an upvalue */
  lu_byte isbreakable;    /* the block is a loop */
} FBlockCnt;

static void chunk(FLexState *ls);
static void expr(FLexState *ls, FExpDesc *v);

/* re-enters the current token's string into the (new) current function's table */
static void anchor_token(FLexState *ls) {
  if (ls->t.token == TK_NAME || ls->t.token == TK_STRING) {
    FString *ts = ls->t.seminfo.ts;
    flX_newstring(ls, fl_getstr(ts), ts->tsv.len);
  }
}

static void error_expected(FLexState *ls, int token) {
  flX_syntaxerror(ls, flO_pushfstring(ls->L, "'%s' expected", flX_token2str(ls, token)));
}

static void errorlimit(FFuncState *fs, int limit, const char *what) {
  const char *msg = (fs->f->linedefined == 0) ?
    flO_pushfstring(fs->L, "main function has more than %d %s", limit, what) :
    flO_pushfstring(fs->L, "function at line %d has more than %d %s",
                    fs->f->linedefined, limit, what);
  flX_lexerror(fs->ls, msg, 0);
}

static int testnext(FLexState *ls, int c) {
  if (ls->t.token != c) return 0;
  flX_next(ls);
  return 1;
}

static void check(FLexState *ls, int c) {
  if (ls->t.token != c) error_expected(ls, c);
}

static void checknext(FLexState *ls, int c) {
  check(ls, c);
  flX_next(ls);
}

#define check_condition(ls, c, msg)  { if (!(c)) flX_syntaxerror(ls, msg); }

static void check_match(FLexState *ls, int what, int who, int where) {
  if (!testnext(ls, what)) {
    if (where == ls->linenumber)
      error_expected(ls, what);
    else
      flX_syntaxerror(ls, flO_pushfstring(ls->L, "'%s' expected (to close '%s' at line %d)",
                      flX_token2str(ls, what), flX_token2str(ls, who), where));
  }
}

static FString *str_checkname(FLexState *ls) {
  FString *ts;
  check(ls, TK_NAME);
  ts = ls->t.seminfo.ts;
  flX_next(ls);
  return ts;
}

static void init_exp(FExpDesc *e, FExpKind k, int info) {
  e->f = e->t = FL_NO_JUMP;
  e->k = k;
  e->u.s.info = info;
}

static void codestring(FLexState *ls, FExpDesc *e, FString *s) {
  init_exp(e, VK, flK_stringK(ls->fs, s));
}

static void checkname(FLexState *ls, FExpDesc *e) {
  codestring(ls, e, str_checkname(ls));
}

/* ------------------------------------------------------------------ variables */

static int registerlocalvar(FLexState *ls, FString *name) {
  FFuncState *fs = ls->fs;
  FProto *f = fs->f;
  int old = f->dbg->sizelocvars;
  flM_growvector(ls->L, f->dbg->locvars, fs->nlocvars, f->dbg->sizelocvars, FLocVar, SHRT_MAX,
                 "too many local variables");
  while (old < f->dbg->sizelocvars) f->dbg->locvars[old++].varname = NULL;
  f->dbg->locvars[fs->nlocvars].varname = name;
  flC_objbarrier(ls->L, f, name);
  return fs->nlocvars++;
}

/* declares local number n (counting from the first not yet active one) */
static void new_localvar(FLexState *ls, FString *name, int n) {
  FFuncState *fs = ls->fs;
  checklimit(fs, fs->nactvar + n + 1, LUAI_MAXVARS, "local variables");
  fs->actvar[fs->nactvar + n] = (unsigned short)registerlocalvar(ls, name);
}

#define new_localvarliteral(ls, s, n) \
  new_localvar(ls, flX_newstring(ls, "" s, sizeof(s) - 1), n)

static void adjustlocalvars(FLexState *ls, int nvars) {
  FFuncState *fs = ls->fs;
  fs->nactvar = fl_castbyte(fs->nactvar + nvars);
  for (; nvars; nvars--)
    getlocvar(fs, fs->nactvar - nvars).startpc = fs->pc;
}

static void removevars(FLexState *ls, int tolevel) {
  FFuncState *fs = ls->fs;
  while (fs->nactvar > tolevel)
    getlocvar(fs, --fs->nactvar).endpc = fs->pc;
}

static int indexupvalue(FFuncState *fs, FString *name, FExpDesc *v) {
  FProto *f = fs->f;
  int old = f->dbg->sizeupvalues, size = old;   /* sizeupvalues is a byte: grow through an int */
  int i;
  for (i = 0; i < f->nups; i++)
    if (fs->upvalues[i].k == v->k && fs->upvalues[i].info == v->u.s.info)
      return i;
  checklimit(fs, f->nups + 1, LUAI_MAXUPVALUES, "upvalues");
  flM_growvector(fs->L, f->dbg->upvalues, f->nups, size, FString *, LUAI_MAXUPVALUES, "upvalues");
  f->dbg->sizeupvalues = fl_castbyte(size);
  while (old < size) f->dbg->upvalues[old++] = NULL;
  f->dbg->upvalues[f->nups] = name;
  flC_objbarrier(fs->L, f, name);
  fs->upvalues[f->nups].k = fl_castbyte(v->k);
  fs->upvalues[f->nups].info = fl_castbyte(v->u.s.info);
  return f->nups++;
}

static int searchvar(FFuncState *fs, FString *n) {
  int i;
  for (i = fs->nactvar - 1; i >= 0; i--)
    if (n == getlocvar(fs, i).varname) return i;
  return -1;
}

/* the block declaring local `level` must close it on exit */
static void markupval(FFuncState *fs, int level) {
  FBlockCnt *bl = fs->bl;
  while (bl && bl->nactvar > level) bl = bl->previous;
  if (bl) bl->upval = 1;
}

static FExpKind singlevaraux(FFuncState *fs, FString *n, FExpDesc *var, int base) {
  int v;
  if (fs == NULL) {
    init_exp(var, VGLOBAL, NO_REG);
    return VGLOBAL;
  }
  v = searchvar(fs, n);
  if (v >= 0) {
    init_exp(var, VLOCAL, v);
    if (!base) markupval(fs, v);
    return VLOCAL;
  }
  if (singlevaraux(fs->prev, n, var, 0) == VGLOBAL)
    return VGLOBAL;
  var->u.s.info = indexupvalue(fs, n, var);
  var->k = VUPVAL;
  return VUPVAL;
}

static void singlevar(FLexState *ls, FExpDesc *var) {
  FString *name = str_checkname(ls);
  FFuncState *fs = ls->fs;
  if (singlevaraux(fs, name, var, 1) == VGLOBAL)
    var->u.s.info = flK_stringK(fs, name);
}

static void adjust_assign(FLexState *ls, int nvars, int nexps, FExpDesc *e) {
  FFuncState *fs = ls->fs;
  int extra = nvars - nexps;
  if (hasmultret(e->k)) {
    extra++;                          /* the call itself provides one */
    if (extra < 0) extra = 0;
    flK_setreturns(fs, e, extra);
    if (extra > 1) flK_reserveregs(fs, extra - 1);
  }
  else {
    if (e->k != VVOID) flK_exp2nextreg(fs, e);
    if (extra > 0) {
      int reg = fs->freereg;
      flK_reserveregs(fs, extra);
      flK_nil(fs, reg, extra);
    }
  }
}

static void enterlevel(FLexState *ls) {
  if (++ls->L->nCcalls > LUAI_MAXCCALLS || luai_cstacklow())
    flX_lexerror(ls, "chunk has too many syntax levels", 0);
}

#define leavelevel(ls)  ((ls)->L->nCcalls--)

static void enterblock(FFuncState *fs, FBlockCnt *bl, lu_byte isbreakable) {
  bl->breaklist = FL_NO_JUMP;
  bl->isbreakable = isbreakable;
  bl->nactvar = fs->nactvar;
  bl->upval = 0;
  bl->previous = fs->bl;
  fs->bl = bl;
}

static void leaveblock(FFuncState *fs) {
  FBlockCnt *bl = fs->bl;
  fs->bl = bl->previous;
  removevars(fs->ls, bl->nactvar);
  if (bl->upval)
    flK_codeABC(fs, OP_CLOSE, bl->nactvar, 0, 0);
  fs->freereg = fs->nactvar;
  flK_patchtohere(fs, bl->breaklist);
}

/* ------------------------------------------------------------------ functions */

static void open_func(FLexState *ls, FFuncState *fs) {
  lua_State *L = ls->L;
  FProto *f;
  flD_checkstack(L, 2);               /* (may allocate: before the proto exists) */
  f = flF_newproto(L);
  fl_setproto(L, L->top, f);          /* anchor before the next allocation */
  L->top++;
  fs->f = f;
  fs->prev = ls->fs;
  fs->ls = ls;
  fs->L = L;
  fs->pc = 0;
  fs->lasttarget = -1;
  fs->jpc = FL_NO_JUMP;
  fs->freereg = 0;
  fs->nk = 0;
  fs->np = 0;
  fs->nlocvars = 0;
  fs->nactvar = 0;
  fs->bl = NULL;
  f->source = ls->source;
  f->maxstacksize = 2;                /* registers 0 and 1 are always valid */
  fs->h = flH_new(L, 0, 0);
  fl_settab(L, L->top, fs->h);
  L->top++;
  ls->fs = fs;
}

/* finishes the current function; its proto and table stay on the stack (caller pops) */
static void close_func(FLexState *ls) {
  lua_State *L = ls->L;
  FFuncState *fs = ls->fs;
  FProto *f = fs->f;
  removevars(ls, 0);
  flK_ret(fs, 0, 0);
  flM_reallocvector(L, f->code, f->sizecode, fs->pc, Instr);
  f->sizecode = fs->pc;
  flM_reallocvector(L, f->dbg->lineinfo, f->dbg->sizelineinfo, fs->pc, int);
  f->dbg->sizelineinfo = fs->pc;
  flM_reallocvector(L, f->k, f->sizek, fs->nk, FValue);
  f->sizek = fs->nk;
  flM_reallocvector(L, f->p, f->sizep, fs->np, FProto *);
  f->sizep = fs->np;
  flM_reallocvector(L, f->dbg->locvars, f->dbg->sizelocvars, fs->nlocvars, FLocVar);
  f->dbg->sizelocvars = fs->nlocvars;
  flM_reallocvector(L, f->dbg->upvalues, f->dbg->sizeupvalues, f->nups, FString *);
  f->dbg->sizeupvalues = f->nups;
  ls->fs = fs->prev;
  if (ls->fs) anchor_token(ls);       /* the token read last was anchored in fs->h */
}

/* links the finished function `func` into the current one and emits its CLOSURE */
static void pushclosure(FLexState *ls, FFuncState *func, FExpDesc *v) {
  FFuncState *fs = ls->fs;
  FProto *f = fs->f;
  int old = f->sizep;
  int i;
  flM_growvector(ls->L, f->p, fs->np, f->sizep, FProto *, FL_MAXARG_Bx,
                 "constant table overflow");
  while (old < f->sizep) f->p[old++] = NULL;
  f->p[fs->np++] = func->f;
  flC_objbarrier(ls->L, f, func->f);
  ls->L->top -= 2;                    /* func's proto is reachable from f now */
  init_exp(v, VRELOCABLE, flK_codeABx(fs, OP_CLOSURE, 0, fs->np - 1));
  for (i = 0; i < func->f->nups; i++) {
    OpCode o = (func->upvalues[i].k == VLOCAL) ? OP_MOVE : OP_GETUPVAL;
    flK_codeABC(fs, o, 0, func->upvalues[i].info, 0);
  }
}

FProto *flY_parser(lua_State *L, FZio *z, FMbuf *buff, const char *name) {
  FLexState ls;
  FFuncState fs;
  FString *src;
  flD_checkstack(L, 1);
  src = flS_new(L, name);
  fl_setstr(L, L->top, src);          /* anchored until the main proto refers to it */
  L->top++;
  ls.buff = buff;
  flX_setinput(L, &ls, z, src);
  open_func(&ls, &fs);
  fs.f->is_vararg = FL_VARARG_ISVARARG;   /* the main chunk is always vararg */
  flX_next(&ls);
  chunk(&ls);
  check(&ls, TK_EOS);
  close_func(&ls);
  L->top -= 3;
  return fs.f;
}

/* ------------------------------------------------------------------ expressions */

static void field(FLexState *ls, FExpDesc *v) {
  /* field -> ['.' | ':'] NAME */
  FFuncState *fs = ls->fs;
  FExpDesc key;
  flK_exp2anyreg(fs, v);
  flX_next(ls);
  checkname(ls, &key);
  flK_indexed(fs, v, &key);
}

static void yindex(FLexState *ls, FExpDesc *v) {
  /* index -> '[' expr ']' */
  flX_next(ls);
  expr(ls, v);
  flK_exp2val(ls->fs, v);
  checknext(ls, ']');
}

typedef struct FConsControl {
  FExpDesc v;             /* last list item read */
  FExpDesc *t;            /* the table */
  int nh;                 /* record fields */
  int na;                 /* list items */
  int tostore;            /* list items not yet stored */
} FConsControl;

static void recfield(FLexState *ls, FConsControl *cc) {
  /* recfield -> (NAME | '[' exp ']') = exp */
  FFuncState *fs = ls->fs;
  int reg = fs->freereg;
  FExpDesc key, val;
  int rkkey;
  if (ls->t.token == TK_NAME) {
    checklimit(fs, cc->nh, FL_MAX_INT, "items in a constructor");
    checkname(ls, &key);
  }
  else
    yindex(ls, &key);
  cc->nh++;
  checknext(ls, '=');
  rkkey = flK_exp2RK(fs, &key);
  expr(ls, &val);
  flK_codeABC(fs, OP_SETTABLE, cc->t->u.s.info, rkkey, flK_exp2RK(fs, &val));
  fs->freereg = reg;
}

static void closelistfield(FFuncState *fs, FConsControl *cc) {
  if (cc->v.k == VVOID) return;
  flK_exp2nextreg(fs, &cc->v);
  cc->v.k = VVOID;
  if (cc->tostore == LFIELDS_PER_FLUSH) {
    flK_setlist(fs, cc->t->u.s.info, cc->na, cc->tostore);
    cc->tostore = 0;
  }
}

static void lastlistfield(FFuncState *fs, FConsControl *cc) {
  if (cc->tostore == 0) return;
  if (hasmultret(cc->v.k)) {
    flK_setmultret(fs, &cc->v);
    flK_setlist(fs, cc->t->u.s.info, cc->na, LUA_MULTRET);
    cc->na--;             /* the open item is not counted in the size hint */
  }
  else {
    if (cc->v.k != VVOID) flK_exp2nextreg(fs, &cc->v);
    flK_setlist(fs, cc->t->u.s.info, cc->na, cc->tostore);
  }
}

static void listfield(FLexState *ls, FConsControl *cc) {
  expr(ls, &cc->v);
  checklimit(ls->fs, cc->na, FL_MAX_INT, "items in a constructor");
  cc->na++;
  cc->tostore++;
}

static void constructor(FLexState *ls, FExpDesc *t) {
  FFuncState *fs = ls->fs;
  int line = ls->linenumber;
  int pc = flK_codeABC(fs, OP_NEWTABLE, 0, 0, 0);
  FConsControl cc;
  cc.na = cc.nh = cc.tostore = 0;
  cc.t = t;
  init_exp(t, VRELOCABLE, pc);
  init_exp(&cc.v, VVOID, 0);
  flK_exp2nextreg(fs, t);
  checknext(ls, '{');
  do {
    if (ls->t.token == '}') break;
    closelistfield(fs, &cc);
    switch (ls->t.token) {
      case TK_NAME:               /* a list item or NAME = exp */
        flX_lookahead(ls);
        if (ls->lookahead.token != '=')
          listfield(ls, &cc);
        else
          recfield(ls, &cc);
        break;
      case '[':
        recfield(ls, &cc);
        break;
      default:
        listfield(ls, &cc);
        break;
    }
  } while (testnext(ls, ',') || testnext(ls, ';'));
  check_match(ls, '}', '{', line);
  lastlistfield(fs, &cc);
  SETARG_B(fs->f->code[pc], flO_int2fb((unsigned int)cc.na));
  SETARG_C(fs->f->code[pc], flO_int2fb((unsigned int)cc.nh));
}

static void parlist(FLexState *ls) {
  /* parlist -> [ param { ',' param } ] */
  FFuncState *fs = ls->fs;
  FProto *f = fs->f;
  int nparams = 0;
  f->is_vararg = 0;
  if (ls->t.token != ')') {
    do {
      switch (ls->t.token) {
        case TK_NAME:
          new_localvar(ls, str_checkname(ls), nparams++);
          break;
        case TK_DOTS:
          flX_next(ls);
          /* 5.1 compatibility: a vararg function has a local `arg` table, built at
          ** call time unless the function uses `...` itself */
          new_localvarliteral(ls, "arg", nparams++);
          f->is_vararg = FL_VARARG_HASARG | FL_VARARG_NEEDSARG | FL_VARARG_ISVARARG;
          break;
        default:
          flX_syntaxerror(ls, "<name> or '...' expected");
      }
    } while (!f->is_vararg && testnext(ls, ','));
  }
  adjustlocalvars(ls, nparams);
  f->numparams = fl_castbyte(fs->nactvar - (f->is_vararg & FL_VARARG_HASARG));
  flK_reserveregs(fs, fs->nactvar);
}

static void body(FLexState *ls, FExpDesc *e, int needself, int line) {
  /* body -> '(' parlist ')' chunk END */
  FFuncState nfs;
  open_func(ls, &nfs);
  nfs.f->linedefined = line;
  checknext(ls, '(');
  if (needself) {
    new_localvarliteral(ls, "self", 0);
    adjustlocalvars(ls, 1);
  }
  parlist(ls);
  checknext(ls, ')');
  chunk(ls);
  nfs.f->lastlinedefined = ls->linenumber;
  check_match(ls, TK_END, TK_FUNCTION, line);
  close_func(ls);
  pushclosure(ls, &nfs, e);
}

static int explist1(FLexState *ls, FExpDesc *v) {
  int n = 1;
  expr(ls, v);
  while (testnext(ls, ',')) {
    flK_exp2nextreg(ls->fs, v);
    expr(ls, v);
    n++;
  }
  return n;
}

static void funcargs(FLexState *ls, FExpDesc *f) {
  FFuncState *fs = ls->fs;
  FExpDesc args;
  int base, nparams;
  int line = ls->linenumber;
  switch (ls->t.token) {
    case '(':
      if (line != ls->lastline)
        flX_syntaxerror(ls, "ambiguous syntax (function call x new statement)");
      flX_next(ls);
      if (ls->t.token == ')')
        args.k = VVOID;
      else {
        explist1(ls, &args);
        flK_setmultret(fs, &args);
      }
      check_match(ls, ')', '(', line);
      break;
    case '{':
      constructor(ls, &args);
      break;
    case TK_STRING:
      codestring(ls, &args, ls->t.seminfo.ts);
      flX_next(ls);
      break;
    default:
      flX_syntaxerror(ls, "function arguments expected");
      return;
  }
  base = f->u.s.info;
  if (hasmultret(args.k))
    nparams = LUA_MULTRET;
  else {
    if (args.k != VVOID) flK_exp2nextreg(fs, &args);
    nparams = fs->freereg - (base + 1);
  }
  init_exp(f, VCALL, flK_codeABC(fs, OP_CALL, base, nparams + 1, 2));
  flK_fixline(fs, line);
  fs->freereg = base + 1;   /* the call leaves one result (unless changed later) */
}

static void prefixexp(FLexState *ls, FExpDesc *v) {
  /* prefixexp -> NAME | '(' expr ')' */
  switch (ls->t.token) {
    case '(': {
      int line = ls->linenumber;
      flX_next(ls);
      expr(ls, v);
      check_match(ls, ')', '(', line);
      flK_dischargevars(ls->fs, v);
      return;
    }
    case TK_NAME:
      singlevar(ls, v);
      return;
    default:
      flX_syntaxerror(ls, "unexpected symbol");
  }
}

static void primaryexp(FLexState *ls, FExpDesc *v) {
  /* primaryexp -> prefixexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs } */
  FFuncState *fs = ls->fs;
  prefixexp(ls, v);
  for (;;) {
    switch (ls->t.token) {
      case '.':
        field(ls, v);
        break;
      case '[': {
        FExpDesc key;
        flK_exp2anyreg(fs, v);
        yindex(ls, &key);
        flK_indexed(fs, v, &key);
        break;
      }
      case ':': {
        FExpDesc key;
        flX_next(ls);
        checkname(ls, &key);
        flK_self(fs, v, &key);
        funcargs(ls, v);
        break;
      }
      case '(': case TK_STRING: case '{':
        flK_exp2nextreg(fs, v);
        funcargs(ls, v);
        break;
      default:
        return;
    }
  }
}

static void simpleexp(FLexState *ls, FExpDesc *v) {
  switch (ls->t.token) {
    case TK_NUMBER:
      init_exp(v, VKNUM, 0);
      v->u.nval = ls->t.seminfo.r;
      break;
    case TK_STRING:
      codestring(ls, v, ls->t.seminfo.ts);
      break;
    case TK_NIL:
      init_exp(v, VNIL, 0);
      break;
    case TK_TRUE:
      init_exp(v, VTRUE, 0);
      break;
    case TK_FALSE:
      init_exp(v, VFALSE, 0);
      break;
    case TK_DOTS: {
      FFuncState *fs = ls->fs;
      check_condition(ls, fs->f->is_vararg, "cannot use '...' outside a vararg function");
      fs->f->is_vararg &= ~FL_VARARG_NEEDSARG;   /* `arg` table not needed */
      init_exp(v, VVARARG, flK_codeABC(fs, OP_VARARG, 0, 1, 0));
      break;
    }
    case '{':
      constructor(ls, v);
      return;
    case TK_FUNCTION:
      flX_next(ls);
      body(ls, v, 0, ls->linenumber);
      return;
    default:
      primaryexp(ls, v);
      return;
  }
  flX_next(ls);
}

static FUnOpr getunopr(int op) {
  switch (op) {
    case TK_NOT: return OPR_NOT;
    case '-': return OPR_MINUS;
    case '#': return OPR_LEN;
    default: return OPR_NOUNOPR;
  }
}

static FBinOpr getbinopr(int op) {
  switch (op) {
    case '+': return OPR_ADD;
    case '-': return OPR_SUB;
    case '*': return OPR_MUL;
    case '/': return OPR_DIV;
    case '%': return OPR_MOD;
    case '^': return OPR_POW;
    case TK_CONCAT: return OPR_CONCAT;
    case TK_NE: return OPR_NE;
    case TK_EQ: return OPR_EQ;
    case '<': return OPR_LT;
    case TK_LE: return OPR_LE;
    case '>': return OPR_GT;
    case TK_GE: return OPR_GE;
    case TK_AND: return OPR_AND;
    case TK_OR: return OPR_OR;
    default: return OPR_NOBINOPR;
  }
}

/* left and right binding power of each binary operator (in FBinOpr order);
** right < left makes an operator right associative (.. and ^) */
static const lu_byte prio_left[] =  { 6, 6, 7, 7, 7, 10, 5, 3, 3, 3, 3, 3, 3, 2, 1 };
static const lu_byte prio_right[] = { 6, 6, 7, 7, 7, 9,  4, 3, 3, 3, 3, 3, 3, 2, 1 };

#define UNARY_PRIORITY 8

/* subexpr -> (simpleexp | unop subexpr) { binop subexpr }, for operators binding tighter
** than `limit`; returns the first operator it did not handle */
static FBinOpr subexpr(FLexState *ls, FExpDesc *v, unsigned int limit) {
  FBinOpr op;
  FUnOpr uop;
  enterlevel(ls);
  uop = getunopr(ls->t.token);
  if (uop != OPR_NOUNOPR) {
    flX_next(ls);
    subexpr(ls, v, UNARY_PRIORITY);
    flK_prefix(ls->fs, uop, v);
  }
  else
    simpleexp(ls, v);
  op = getbinopr(ls->t.token);
  while (op != OPR_NOBINOPR && prio_left[op] > limit) {
    FExpDesc v2;
    FBinOpr nextop;
    flX_next(ls);
    flK_infix(ls->fs, op, v);
    nextop = subexpr(ls, &v2, prio_right[op]);
    flK_posfix(ls->fs, op, v, &v2);
    op = nextop;
  }
  leavelevel(ls);
  return op;
}

static void expr(FLexState *ls, FExpDesc *v) {
  subexpr(ls, v, 0);
}

/* ------------------------------------------------------------------ statements */

static int block_follow(int token) {
  switch (token) {
    case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_UNTIL: case TK_EOS:
      return 1;
    default:
      return 0;
  }
}

static void block(FLexState *ls) {
  FFuncState *fs = ls->fs;
  FBlockCnt bl;
  enterblock(fs, &bl, 0);
  chunk(ls);
  leaveblock(fs);
}

/* the chain of variables on the left side of a multiple assignment */
typedef struct FLHS {
  struct FLHS *prev;
  FExpDesc v;
} FLHS;

/* When a local assigned later in the list is used as table or key of an indexed target
** earlier in the list, that target must use a copy of the local's old value. */
static void check_conflict(FLexState *ls, FLHS *lh, FExpDesc *v) {
  FFuncState *fs = ls->fs;
  int extra = fs->freereg;
  int conflict = 0;
  for (; lh; lh = lh->prev) {
    if (lh->v.k == VINDEXED) {
      if (lh->v.u.s.info == v->u.s.info) {
        conflict = 1;
        lh->v.u.s.info = extra;
      }
      if (lh->v.u.s.aux == v->u.s.info) {
        conflict = 1;
        lh->v.u.s.aux = extra;
      }
    }
  }
  if (conflict) {
    flK_codeABC(fs, OP_MOVE, fs->freereg, v->u.s.info, 0);
    flK_reserveregs(fs, 1);
  }
}

static void assignment(FLexState *ls, FLHS *lh, int nvars) {
  FExpDesc e;
  check_condition(ls, VLOCAL <= lh->v.k && lh->v.k <= VINDEXED, "syntax error");
  if (testnext(ls, ',')) {
    FLHS nv;
    nv.prev = lh;
    primaryexp(ls, &nv.v);
    if (nv.v.k == VLOCAL)
      check_conflict(ls, lh, &nv.v);
    checklimit(ls->fs, nvars, LUAI_MAXCCALLS - ls->L->nCcalls, "variables in assignment");
    if (luai_cstacklow()) flX_lexerror(ls, "chunk has too many syntax levels", 0);
    assignment(ls, &nv, nvars + 1);
  }
  else {
    int nexps;
    checknext(ls, '=');
    nexps = explist1(ls, &e);
    if (nexps != nvars) {
      adjust_assign(ls, nvars, nexps, &e);
      if (nexps > nvars)
        ls->fs->freereg -= nexps - nvars;   /* drop the extra values */
    }
    else {
      flK_setoneret(ls->fs, &e);
      flK_storevar(ls->fs, &lh->v, &e);
      return;
    }
  }
  /* the values are in consecutive registers: store them right to left */
  init_exp(&e, VNONRELOC, ls->fs->freereg - 1);
  flK_storevar(ls->fs, &lh->v, &e);
}

static int cond(FLexState *ls) {
  FExpDesc v;
  expr(ls, &v);
  if (v.k == VNIL) v.k = VFALSE;
  flK_goiftrue(ls->fs, &v);
  return v.f;
}

static void breakstat(FLexState *ls) {
  FFuncState *fs = ls->fs;
  FBlockCnt *bl = fs->bl;
  int upval = 0;
  while (bl && !bl->isbreakable) {
    upval |= bl->upval;
    bl = bl->previous;
  }
  if (!bl)
    flX_syntaxerror(ls, "no loop to break");
  if (upval)
    flK_codeABC(fs, OP_CLOSE, bl->nactvar, 0, 0);
  flK_concat(fs, &bl->breaklist, flK_jump(fs));
}

static void whilestat(FLexState *ls, int line) {
  /* whilestat -> WHILE cond DO block END */
  FFuncState *fs = ls->fs;
  int start, exit;
  FBlockCnt bl;
  flX_next(ls);
  start = flK_getlabel(fs);
  exit = cond(ls);
  enterblock(fs, &bl, 1);
  checknext(ls, TK_DO);
  block(ls);
  flK_patchlist(fs, flK_jump(fs), start);
  check_match(ls, TK_END, TK_WHILE, line);
  leaveblock(fs);
  flK_patchtohere(fs, exit);
}

static void repeatstat(FLexState *ls, int line) {
  /* repeatstat -> REPEAT block UNTIL cond */
  FFuncState *fs = ls->fs;
  int start = flK_getlabel(fs);
  int exit;
  FBlockCnt loop, scope;
  enterblock(fs, &loop, 1);
  enterblock(fs, &scope, 0);
  flX_next(ls);
  chunk(ls);
  check_match(ls, TK_UNTIL, TK_REPEAT, line);
  exit = cond(ls);                    /* the condition sees the body's locals */
  if (!scope.upval) {
    leaveblock(fs);
    flK_patchlist(ls->fs, exit, start);
  }
  else {                              /* upvalues must be closed on both paths */
    breakstat(ls);
    flK_patchtohere(ls->fs, exit);
    leaveblock(fs);
    flK_patchlist(ls->fs, flK_jump(fs), start);
  }
  leaveblock(fs);
}

static int exp1(FLexState *ls) {
  FExpDesc e;
  int k;
  expr(ls, &e);
  k = e.k;
  flK_exp2nextreg(ls->fs, &e);
  return k;
}

static void forbody(FLexState *ls, int base, int line, int nvars, int isnum) {
  /* forbody -> DO block */
  FBlockCnt bl;
  FFuncState *fs = ls->fs;
  int prep, endfor;
  adjustlocalvars(ls, 3);             /* the hidden control variables */
  checknext(ls, TK_DO);
  prep = isnum ? flK_codeAsBx(fs, OP_FORPREP, base, FL_NO_JUMP) : flK_jump(fs);
  enterblock(fs, &bl, 0);
  adjustlocalvars(ls, nvars);
  flK_reserveregs(fs, nvars);
  block(ls);
  leaveblock(fs);
  flK_patchtohere(fs, prep);
  endfor = isnum ? flK_codeAsBx(fs, OP_FORLOOP, base, FL_NO_JUMP)
                 : flK_codeABC(fs, OP_TFORLOOP, base, 0, nvars);
  flK_fixline(fs, line);
  flK_patchlist(fs, isnum ? endfor : flK_jump(fs), prep + 1);
}

static void fornum(FLexState *ls, FString *varname, int line) {
  /* fornum -> NAME = exp1, exp1 [, exp1] forbody */
  FFuncState *fs = ls->fs;
  int base = fs->freereg;
  new_localvarliteral(ls, "(for index)", 0);
  new_localvarliteral(ls, "(for limit)", 1);
  new_localvarliteral(ls, "(for step)", 2);
  new_localvar(ls, varname, 3);
  checknext(ls, '=');
  exp1(ls);
  checknext(ls, ',');
  exp1(ls);
  if (testnext(ls, ','))
    exp1(ls);
  else {
    flK_codeABx(fs, OP_LOADK, fs->freereg, flK_numberK(fs, 1));
    flK_reserveregs(fs, 1);
  }
  forbody(ls, base, line, 1, 1);
}

static void forlist(FLexState *ls, FString *first) {
  /* forlist -> NAME {, NAME} IN explist1 forbody */
  FFuncState *fs = ls->fs;
  FExpDesc e;
  int nvars = 0;
  int line;
  int base = fs->freereg;
  new_localvarliteral(ls, "(for generator)", nvars++);
  new_localvarliteral(ls, "(for state)", nvars++);
  new_localvarliteral(ls, "(for control)", nvars++);
  new_localvar(ls, first, nvars++);
  while (testnext(ls, ','))
    new_localvar(ls, str_checkname(ls), nvars++);
  checknext(ls, TK_IN);
  line = ls->linenumber;
  adjust_assign(ls, 3, explist1(ls, &e), &e);
  flK_checkstack(fs, 3);              /* room to call the generator */
  forbody(ls, base, line, nvars - 3, 0);
}

static void forstat(FLexState *ls, int line) {
  /* forstat -> FOR (fornum | forlist) END */
  FFuncState *fs = ls->fs;
  FString *varname;
  FBlockCnt bl;
  enterblock(fs, &bl, 1);
  flX_next(ls);
  varname = str_checkname(ls);
  switch (ls->t.token) {
    case '=':
      fornum(ls, varname, line);
      break;
    case ',': case TK_IN:
      forlist(ls, varname);
      break;
    default:
      flX_syntaxerror(ls, "'=' or 'in' expected");
  }
  check_match(ls, TK_END, TK_FOR, line);
  leaveblock(fs);
}

static int test_then_block(FLexState *ls) {
  /* [IF | ELSEIF] cond THEN block */
  int exit;
  flX_next(ls);
  exit = cond(ls);
  checknext(ls, TK_THEN);
  block(ls);
  return exit;
}

static void ifstat(FLexState *ls, int line) {
  /* ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END */
  FFuncState *fs = ls->fs;
  int flist;
  int escapes = FL_NO_JUMP;
  flist = test_then_block(ls);
  while (ls->t.token == TK_ELSEIF) {
    flK_concat(fs, &escapes, flK_jump(fs));
    flK_patchtohere(fs, flist);
    flist = test_then_block(ls);
  }
  if (ls->t.token == TK_ELSE) {
    flK_concat(fs, &escapes, flK_jump(fs));
    flK_patchtohere(fs, flist);
    flX_next(ls);                     /* after the patch: the jump gets the right line */
    block(ls);
  }
  else
    flK_concat(fs, &escapes, flist);
  flK_patchtohere(fs, escapes);
  check_match(ls, TK_END, TK_IF, line);
}

static void localfunc(FLexState *ls) {
  FExpDesc v, b;
  FFuncState *fs = ls->fs;
  new_localvar(ls, str_checkname(ls), 0);
  init_exp(&v, VLOCAL, fs->freereg);
  flK_reserveregs(fs, 1);
  adjustlocalvars(ls, 1);             /* visible inside its body (recursion) */
  body(ls, &b, 0, ls->linenumber);
  flK_storevar(fs, &v, &b);
  getlocvar(fs, fs->nactvar - 1).startpc = fs->pc;   /* debug info: live from here */
}

static void localstat(FLexState *ls) {
  /* stat -> LOCAL NAME {',' NAME} ['=' explist1] */
  int nvars = 0;
  int nexps;
  FExpDesc e;
  do {
    new_localvar(ls, str_checkname(ls), nvars++);
  } while (testnext(ls, ','));
  if (testnext(ls, '='))
    nexps = explist1(ls, &e);
  else {
    e.k = VVOID;
    nexps = 0;
  }
  adjust_assign(ls, nvars, nexps, &e);
  adjustlocalvars(ls, nvars);
}

static int funcname(FLexState *ls, FExpDesc *v) {
  /* funcname -> NAME {'.' NAME} [':' NAME] */
  int needself = 0;
  singlevar(ls, v);
  while (ls->t.token == '.')
    field(ls, v);
  if (ls->t.token == ':') {
    needself = 1;
    field(ls, v);
  }
  return needself;
}

static void funcstat(FLexState *ls, int line) {
  /* funcstat -> FUNCTION funcname body */
  int needself;
  FExpDesc v, b;
  flX_next(ls);
  needself = funcname(ls, &v);
  body(ls, &b, needself, line);
  flK_storevar(ls->fs, &v, &b);
  flK_fixline(ls->fs, line);          /* the definition "happens" on the first line */
}

static void exprstat(FLexState *ls) {
  /* stat -> func | assignment */
  FFuncState *fs = ls->fs;
  FLHS v;
  primaryexp(ls, &v.v);
  if (v.v.k == VCALL)
    SETARG_C(flK_getcode(fs, &v.v), 1);   /* statement call: no results */
  else {
    v.prev = NULL;
    assignment(ls, &v, 1);
  }
}

static void retstat(FLexState *ls) {
  /* stat -> RETURN explist */
  FFuncState *fs = ls->fs;
  FExpDesc e;
  int first, nret;
  flX_next(ls);
  if (block_follow(ls->t.token) || ls->t.token == ';')
    first = nret = 0;
  else {
    nret = explist1(ls, &e);
    if (hasmultret(e.k)) {
      flK_setmultret(fs, &e);
      if (e.k == VCALL && nret == 1)
        SET_OP(flK_getcode(fs, &e), OP_TAILCALL);
      first = fs->nactvar;
      nret = LUA_MULTRET;
    }
    else if (nret == 1)
      first = flK_exp2anyreg(fs, &e);
    else {
      flK_exp2nextreg(fs, &e);
      first = fs->nactvar;
    }
  }
  flK_ret(fs, first, nret);
}

/* returns 1 for statements that must end a block (return, break) */
static int statement(FLexState *ls) {
  int line = ls->linenumber;
  switch (ls->t.token) {
    case TK_IF:
      ifstat(ls, line);
      return 0;
    case TK_WHILE:
      whilestat(ls, line);
      return 0;
    case TK_DO:
      flX_next(ls);
      block(ls);
      check_match(ls, TK_END, TK_DO, line);
      return 0;
    case TK_FOR:
      forstat(ls, line);
      return 0;
    case TK_REPEAT:
      repeatstat(ls, line);
      return 0;
    case TK_FUNCTION:
      funcstat(ls, line);
      return 0;
    case TK_LOCAL:
      flX_next(ls);
      if (testnext(ls, TK_FUNCTION))
        localfunc(ls);
      else
        localstat(ls);
      return 0;
    case TK_RETURN:
      retstat(ls);
      return 1;
    case TK_BREAK:
      flX_next(ls);
      breakstat(ls);
      return 1;
    default:
      exprstat(ls);
      return 0;
  }
}

static void chunk(FLexState *ls) {
  /* chunk -> { stat [';'] } */
  int islast = 0;
  enterlevel(ls);
  while (!islast && !block_follow(ls->t.token)) {
    islast = statement(ls);
    testnext(ls, ';');
    ls->fs->freereg = ls->fs->nactvar;   /* statements leave no temporaries */
  }
  leavelevel(ls);
}
