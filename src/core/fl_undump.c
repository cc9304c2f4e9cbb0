/*
** fl_undump.c -- loads a Lua 5.1 binary chunk (format in fl_dump.c). Every count is checked,
** the bytecode of every function goes through the verifier (flG_checkcode), and any problem is
** a syntax error "<name>: <why> in precompiled chunk" -- never a crash.
*/
#include "fl_core.h"

typedef struct Loader {
  lua_State *L;
  FZio *z;
  FMbuf *b;
  const char *name;
} Loader;

static void fail(Loader *S, const char *why) {
  flO_pushfstring(S->L, "%s: %s in precompiled chunk", S->name, why);
  flD_throw(S->L, LUA_ERRSYNTAX);
}

static void get_block(Loader *S, void *b, size_t n) {
  if (flZ_read(S->z, b, n) != 0) fail(S, "unexpected end");
}

static int get_byte(Loader *S) {
  int c = fl_zgetc(S->z);
  if (c == FL_EOZ) fail(S, "unexpected end");
  return c;
}

static int get_int(Loader *S) {
  int x;
  get_block(S, &x, sizeof x);
  if (x < 0) fail(S, "bad integer");
  return x;
}

static lua_Number get_num(Loader *S) {
  lua_Number x;
  get_block(S, &x, sizeof x);
  return x;
}

static FString *get_string(Loader *S) {
  size_t size;
  char *s;
  get_block(S, &size, sizeof size);
  if (size == 0) return NULL;
  s = flZ_openspace(S->L, S->b, size);
  get_block(S, s, size);
  return flS_newlstr(S->L, s, size - 1);   /* the last byte is the '\0' */
}

/* A vector of n elements of `elem` bytes: n is bounded so the byte count cannot overflow. */
static int get_count(Loader *S, size_t elem) {
  int n = get_int(S);
  if ((size_t)n > FL_MAX_SIZET / elem) fail(S, "bad size");
  return n;
}

static FProto *get_function(Loader *S, FString *parent_source);

static void get_constants(Loader *S, FProto *f) {
  int i, n;
  lua_State *L = S->L;
  n = get_count(S, sizeof(FValue));
  f->k = flM_newvector(L, n, FValue);
  f->sizek = n;
  for (i = 0; i < n; i++) fl_setnil(&f->k[i]);
  for (i = 0; i < n; i++) {
    FValue *o = &f->k[i];
    int t = get_byte(S);
    switch (t) {
      case LUA_TNIL: fl_setnil(o); break;
      case LUA_TBOOLEAN: fl_setbool(o, get_byte(S) != 0); break;
      case LUA_TNUMBER: fl_setnum(o, get_num(S)); break;
      case LUA_TSTRING: {
        FString *s = get_string(S);
        if (s == NULL) fail(S, "bad constant");
        fl_setstr(L, o, s);
        break;
      }
      default: fail(S, "bad constant");
    }
  }
  n = get_count(S, sizeof(FProto *));
  f->p = flM_newvector(L, n, FProto *);
  f->sizep = n;
  for (i = 0; i < n; i++) f->p[i] = NULL;
  for (i = 0; i < n; i++) f->p[i] = get_function(S, f->source);
}

static void get_debug(Loader *S, FProto *f) {
  int i, n;
  lua_State *L = S->L;
  n = get_count(S, sizeof(int));
  f->dbg->lineinfo = flM_newvector(L, n, int);
  f->dbg->sizelineinfo = n;
  get_block(S, f->dbg->lineinfo, sizeof(int) * (size_t)n);
  n = get_count(S, sizeof(FLocVar));
  f->dbg->locvars = flM_newvector(L, n, FLocVar);
  f->dbg->sizelocvars = n;
  for (i = 0; i < n; i++) f->dbg->locvars[i].varname = NULL;
  for (i = 0; i < n; i++) {
    f->dbg->locvars[i].varname = get_string(S);
    f->dbg->locvars[i].startpc = get_int(S);
    f->dbg->locvars[i].endpc = get_int(S);
  }
  n = get_count(S, sizeof(FString *));
  if (n != 0 && n != f->nups) {   /* refused, may not fit the byte: read the names first */
    for (i = 0; i < n; i++) get_string(S);
    fail(S, "bad code");
  }
  f->dbg->upvalues = flM_newvector(L, n, FString *);
  f->dbg->sizeupvalues = fl_castbyte(n);
  for (i = 0; i < n; i++) f->dbg->upvalues[i] = NULL;
  for (i = 0; i < n; i++) f->dbg->upvalues[i] = get_string(S);
}

static FProto *get_function(Loader *S, FString *parent_source) {
  lua_State *L = S->L;
  FProto *f;
  int n;
  if (++L->nCcalls > LUAI_MAXCCALLS || luai_cstacklow()) fail(S, "code too deep");
  f = flF_newproto(L);
  fl_setproto(L, L->top, f);   /* anchor it while its parts are loaded */
  flD_incr_top(L);
  f->source = get_string(S);
  if (f->source == NULL) f->source = parent_source;
  f->linedefined = get_int(S);
  f->lastlinedefined = get_int(S);
  f->nups = (lu_byte)get_byte(S);
  f->numparams = (lu_byte)get_byte(S);
  f->is_vararg = (lu_byte)get_byte(S);
  f->maxstacksize = (lu_byte)get_byte(S);
  n = get_count(S, sizeof(Instr));
  f->code = flM_newvector(L, n, Instr);
  f->sizecode = n;
  get_block(S, f->code, sizeof(Instr) * (size_t)n);
  get_constants(S, f);
  get_debug(S, f);
  if (f->dbg->sizelineinfo != 0 && f->dbg->sizelineinfo != f->sizecode) fail(S, "bad code");
  if (f->dbg->sizeupvalues != 0 && f->dbg->sizeupvalues != f->nups) fail(S, "bad code");
  if (!flG_checkcode(f)) fail(S, "bad code");
  L->top--;
  L->nCcalls--;
  return f;
}

FProto *flU_undump(lua_State *L, FZio *z, FMbuf *buff, const char *name) {
  Loader S;
  char expect[FL_CHUNK_HEADERSIZE], got[FL_CHUNK_HEADERSIZE];
  if (*name == '@' || *name == '=')
    S.name = name + 1;
  else if (*name == LUA_SIGNATURE[0])
    S.name = "binary string";
  else
    S.name = name;
  S.L = L;
  S.z = z;
  S.b = buff;
  flU_header(expect);
  get_block(&S, got, sizeof got);
  if (memcmp(expect, got, sizeof got) != 0) fail(&S, "bad header");
  {
    FProto *f;
    FString *unknown = flS_newliteral(L, "=?");   /* source of a stripped main chunk */
    fl_setstr(L, L->top, unknown);                  /* anchored while loading */
    flD_incr_top(L);
    f = get_function(&S, unknown);
    L->top--;
    return f;
  }
}
