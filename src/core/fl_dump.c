/*
** fl_dump.c -- writes a Proto as a Lua 5.1 binary chunk (the format luac5.1 writes, for this
** build's ABI), so chunks from flashluac load in lua5.1 and vice versa.
**
** Layout: 12-byte header (see fl_core.h), then the main function:
**   source:string  linedefined:int  lastlinedefined:int  nups:byte numparams:byte
**   is_vararg:byte maxstacksize:byte  code:int n + n Instr  constants:int n + n (type byte + value)
**   protos:int n + n functions  lineinfo:int n + n ints  locvars:int n + n (string int int)
**   upvalue names:int n + n strings
** A string is a size_t length counting the final '\0' (0 for "no string") then the bytes.
** A nested function whose source equals its parent's stores no source.
*/
#include "fl_core.h"

typedef struct Dumper {
  lua_State *L;
  lua_Writer write;
  void *data;
  int strip;
  int status;
} Dumper;

static void put(Dumper *D, const void *p, size_t n) {
  if (D->status == 0) D->status = (*D->write)(D->L, p, n, D->data);
}

static void put_byte(Dumper *D, int b) {
  char c = (char)b;
  put(D, &c, 1);
}

static void put_int(Dumper *D, int x) {
  put(D, &x, sizeof x);
}

static void put_num(Dumper *D, lua_Number x) {
  put(D, &x, sizeof x);
}

static void put_string(Dumper *D, const FString *s) {
  size_t size = 0;
  if (s == NULL) {
    put(D, &size, sizeof size);
    return;
  }
  size = s->tsv.len + 1;
  put(D, &size, sizeof size);
  put(D, fl_getstr(s), size);
}

static void put_function(Dumper *D, const FProto *f, const FString *parent_source);

static void put_constants(Dumper *D, const FProto *f) {
  int i;
  put_int(D, f->sizek);
  for (i = 0; i < f->sizek; i++) {
    const FValue *o = &f->k[i];
    put_byte(D, fl_ttype(o));
    switch (fl_ttype(o)) {
      case LUA_TBOOLEAN: put_byte(D, fl_boolv(o)); break;
      case LUA_TNUMBER:  put_num(D, fl_numv(o)); break;
      case LUA_TSTRING:  put_string(D, fl_strv(o)); break;
      default: break;   /* nil */
    }
  }
  put_int(D, f->sizep);
  for (i = 0; i < f->sizep; i++) put_function(D, f->p[i], f->source);
}

static void put_debug(Dumper *D, const FProto *f) {
  const FProtoDbg *d = fl_pdbg(f);
  int i, n;
  n = D->strip ? 0 : d->sizelineinfo;
  put_int(D, n);
  for (i = 0; i < n; i++) put_int(D, d->lineinfo[i]);
  n = D->strip ? 0 : d->sizelocvars;
  put_int(D, n);
  for (i = 0; i < n; i++) {
    put_string(D, d->locvars[i].varname);
    put_int(D, d->locvars[i].startpc);
    put_int(D, d->locvars[i].endpc);
  }
  n = D->strip ? 0 : d->sizeupvalues;
  put_int(D, n);
  for (i = 0; i < n; i++) put_string(D, d->upvalues[i]);
}

static void put_function(Dumper *D, const FProto *f, const FString *parent_source) {
  put_string(D, (f->source == parent_source || D->strip) ? NULL : f->source);
  put_int(D, f->linedefined);
  put_int(D, f->lastlinedefined);
  put_byte(D, f->nups);
  put_byte(D, f->numparams);
  put_byte(D, f->is_vararg);
  put_byte(D, f->maxstacksize);
  put_int(D, f->sizecode);
  put(D, f->code, sizeof(Instr) * (size_t)f->sizecode);
  put_constants(D, f);
  put_debug(D, f);
}

void flU_header(char *h) {
  unsigned int probe = 1;
  memcpy(h, LUA_SIGNATURE, 4);
  h[4] = 0x51;                                   /* version 5.1 */
  h[5] = 0;                                      /* official format */
  h[6] = (char)*(unsigned char *)&probe;         /* 1: little endian */
  h[7] = (char)sizeof(int);
  h[8] = (char)sizeof(size_t);
  h[9] = (char)sizeof(Instr);
  h[10] = (char)sizeof(lua_Number);
#if defined(FL_NUMBER_INTEGRAL)
  h[11] = 1;
#else
  h[11] = 0;
#endif
}

int flU_dump(lua_State *L, const FProto *f, lua_Writer w, void *data, int strip) {
  Dumper D;
  char h[FL_CHUNK_HEADERSIZE];
  D.L = L;
  D.write = w;
  D.data = data;
  D.strip = strip;
  D.status = 0;
  flU_header(h);
  put(&D, h, sizeof h);
  put_function(&D, f, NULL);
  return D.status;
}
