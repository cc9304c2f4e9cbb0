/*
** test_gc_readonly.c -- the collector and the core must never write a read-only object.
**
** Builds by hand, in an mmap'ed page, a read-only string, a second one used as source name,
** an empty read-only table and a read-only Proto (LOADK 0 0; RETURN 0 2; RETURN 0 1, the
** constant being the read-only string), plugs a FROStrTab that finds those strings, then
** write-protects the page. Interning the same characters must return the page's string;
** RAM objects then refer to all of them (table fields and keys, a Lua closure over the
** Proto, the read-only table as a metatable), and full and incremental collections run,
** with Lua code producing garbage. Any write to the page faults. The allocator checks that
** every block is freed with the size it was allocated with, that G->totalbytes equals the
** bytes really allocated, and that nothing is left after lua_close.
** Host only (mmap/mprotect).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fl_core.h"
#include "fl_opcodes.h"

static size_t live_bytes = 0;
static int failures = 0;

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", \
                                          __FILE__, __LINE__, #c); failures++; } } while (0)

/* every block carries its size in front, to check the osize the core passes */
typedef union { size_t n; FAlign a; } Hdr;

static void *talloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Hdr *h = ptr ? (Hdr *)ptr - 1 : NULL;
  (void)ud;
  if (h != NULL && h->n != osize) {
    fprintf(stderr, "allocator: block of %lu bytes passed with osize %lu\n",
            (unsigned long)h->n, (unsigned long)osize);
    abort();
  }
  if (nsize == 0) {
    if (h != NULL) { live_bytes -= h->n; free(h); }
    return NULL;
  }
  h = (Hdr *)realloc(h, sizeof(Hdr) + nsize);
  if (h == NULL) return NULL;
  live_bytes = live_bytes - (ptr ? osize : 0) + nsize;
  h->n = nsize;
  return h + 1;
}

/* ----------------------------------------------------------- the read-only "flash" */

static const char ROSTR[] = "flashlua-read-only-string";
static const char ROSRC[] = "=rom";

static unsigned char *page;
static size_t pagesize;
static FString *ro_str, *ro_src;
static FTable *ro_table;
static FProto *ro_proto;

static size_t align_up(size_t x) {
  return (x + sizeof(FAlign) - 1) / sizeof(FAlign) * sizeof(FAlign);
}

static FString *make_rostring(size_t *off, const char *s, unsigned int seed) {
  size_t l = strlen(s);
  FString *ts = (FString *)(page + *off);
  ts->tsv.next = NULL;
  ts->tsv.tt = LUA_TSTRING;
  ts->tsv.marked = FL_READONLY_MARK;
  ts->tsv.reserved = 0;
  ts->tsv.hash = flS_hash(s, l, seed);
  ts->tsv.len = l;
  memcpy((char *)(ts + 1), s, l + 1);
  *off = align_up(*off + fl_sizestring(l));
  return ts;
}

static FString *ro_find(const FROStrTab *t, const char *s, size_t l, unsigned int h) {
  FString *const *list = (FString *const *)t->data;
  int i;
  for (i = 0; list[i] != NULL; i++) {
    FString *ts = list[i];
    if (ts->tsv.hash == h && ts->tsv.len == l && memcmp(fl_getstr(ts), s, l) == 0) return ts;
  }
  return NULL;
}

static void ro_each(const FROStrTab *t, void (*f)(FString *s, void *ud), void *ud) {
  FString *const *list = (FString *const *)t->data;
  int i;
  for (i = 0; list[i] != NULL; i++) f(list[i], ud);
}

static FString *ro_list[3];
static FROStrTab ro_tab = { ro_find, ro_each, ro_list };

static void build_page(unsigned int seed) {
  size_t off = 0;
  FValue *k;
  Instr *code;
  pagesize = (size_t)sysconf(_SC_PAGESIZE);
  page = (unsigned char *)mmap(NULL, pagesize, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == (unsigned char *)MAP_FAILED) { perror("mmap"); exit(2); }
  ro_str = make_rostring(&off, ROSTR, seed);
  ro_src = make_rostring(&off, ROSRC, seed);
  ro_list[0] = ro_str; ro_list[1] = ro_src; ro_list[2] = NULL;

  /* an empty table: no array, the shared dummy node */
  ro_table = (FTable *)(page + off);
  off = align_up(off + sizeof(FTable));
  ro_table->next = NULL;
  ro_table->tt = LUA_TTABLE;
  ro_table->marked = FL_READONLY_MARK;
  ro_table->flags = 0;   /* no "absent" cache: lookups must still never write it */
  ro_table->lsizenode = 0;
  ro_table->metatable = NULL;
  ro_table->array = NULL;
  ro_table->node = (FNode *)&flH_dummynode_;
  ro_table->lastfree = (FNode *)&flH_dummynode_;
  ro_table->gclist = NULL;
  ro_table->sizearray = 0;

  k = (FValue *)(page + off);
  off = align_up(off + sizeof(FValue));
  fl_setstr(NULL, &k[0], ro_str);

  code = (Instr *)(page + off);
  off = align_up(off + 3 * sizeof(Instr));
  code[0] = CREATE_ABx(OP_LOADK, 0, 0);
  code[1] = CREATE_ABC(OP_RETURN, 0, 2, 0);
  code[2] = CREATE_ABC(OP_RETURN, 0, 1, 0);

  ro_proto = (FProto *)(page + off);
  off = align_up(off + sizeof(FProto));
  memset(ro_proto, 0, sizeof(FProto));
  ro_proto->next = NULL;
  ro_proto->tt = FL_TPROTO;
  ro_proto->marked = FL_READONLY_MARK;
  ro_proto->k = k;
  ro_proto->sizek = 1;
  ro_proto->code = code;
  ro_proto->sizecode = 3;
  ro_proto->source = ro_src;
  ro_proto->maxstacksize = 2;
  ro_proto->dbg = NULL;            /* stripped: no debug part */
  if (off > pagesize) { fprintf(stderr, "page too small\n"); exit(2); }
}

/* ----------------------------------------------------------------------- helpers */

typedef struct { const char *s; int done; } RD;

static const char *reader(lua_State *L, void *ud, size_t *sz) {
  RD *r = (RD *)ud;
  (void)L;
  if (r->done) { *sz = 0; return NULL; }
  r->done = 1;
  *sz = strlen(r->s);
  return r->s;
}

/* run a chunk, expect it to return true */
static void run(lua_State *L, const char *code) {
  RD r;
  int st;
  r.s = code;
  r.done = 0;
  st = lua_load(L, reader, &r, "=test");
  if (st == 0) st = lua_pcall(L, 0, 1, 0);
  if (st != 0) {
    fprintf(stderr, "error: %s\n", lua_tostring(L, -1));
    failures++;
  } else if (!lua_toboolean(L, -1)) {
    fprintf(stderr, "chunk returned false: %s\n", code);
    failures++;
  }
  lua_pop(L, 1);
}

static void check_totals(lua_State *L) {
  CHECK(G(L)->totalbytes == live_bytes);
}

/* -------------------------------------------------------------------------- test */

int main(void) {
  lua_State *L;
  FClosure *cl;
  int i;

  L = lua_newstate(talloc, NULL);
  CHECK(L != NULL);
  if (L == NULL) return 1;
  check_totals(L);

  build_page(G(L)->seed);
#if defined(FL_ROM)
  G(L)->rostrt[1] = &ro_tab;   /* slot 0 holds the compiled-in fixed strings */
#else
  G(L)->rostrt[0] = &ro_tab;
#endif
  if (mprotect(page, pagesize, PROT_READ) != 0) { perror("mprotect"); return 2; }

  /* interning the same characters gives the read-only string, no RAM copy */
  lua_pushlstring(L, ROSTR, strlen(ROSTR));
  CHECK(lua_tostring(L, -1) == fl_getstr(ro_str));
  lua_pop(L, 1);

  /* T = { s = <ro string>, [<ro string>] = 1, f = <closure over ro proto> },
  ** setmetatable(T, <ro table>) */
  lua_createtable(L, 0, 0);
  lua_pushstring(L, ROSTR);
  lua_setfield(L, -2, "s");
  lua_pushstring(L, ROSTR);
  lua_pushnumber(L, 1);
  lua_settable(L, -3);
  cl = flF_newLclosure(L, 0, fl_tabv(fl_gt(L)));
  cl->l.p = ro_proto;
  fl_setcl(L, L->top, cl);
  L->top++;
  lua_setfield(L, -2, "f");
  fl_tabv(L->top - 1)->metatable = ro_table;   /* ro objects are never white: no barrier */
  lua_setfield(L, LUA_GLOBALSINDEX, "T");

  /* U = { <ro string> } with the read-only metatable: the collector looks up __mode there */
  lua_createtable(L, 0, 0);
  lua_pushstring(L, ROSTR);
  lua_rawseti(L, -2, 1);
  fl_tabv(L->top - 1)->metatable = ro_table;
  lua_setfield(L, LUA_GLOBALSINDEX, "U");

  /* missing field: looks up __index in the read-only metatable (must not cache in it) */
  lua_getfield(L, LUA_GLOBALSINDEX, "T");
  lua_getfield(L, -1, "missing");
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 2);
  CHECK(ro_table->flags == 0);

  lua_gc(L, LUA_GCCOLLECT, 0);
  check_totals(L);

  /* call the read-only function; generate garbage through it and around it */
  run(L, "return T.f() == 'flashlua-read-only-string'");
  run(L, "return T.s == T.f() and T[T.s] == 1 and U[1] == T.s and T.missing == nil");
  for (i = 0; i < 200; i++) {
    lua_gc(L, LUA_GCSTEP, 0);
    run(L, "local x = {} for i = 1, 200 do x[i % 7] = { T.f() .. i, T.f, T } end "
           "local w = setmetatable and 1 or 2 return T.f() == T.s");
    check_totals(L);
  }
  for (i = 0; i < 50; i++) lua_gc(L, LUA_GCSTEP, 1);
  lua_gc(L, LUA_GCCOLLECT, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);
  check_totals(L);
  run(L, "return T.f() == T.s");
  CHECK(ro_str->tsv.marked == FL_READONLY_MARK && ro_proto->marked == FL_READONLY_MARK);

  lua_close(L);
  CHECK(live_bytes == 0);
  munmap(page, pagesize);
  if (failures == 0) printf("test_gc_readonly: ok\n");
  return failures == 0 ? 0 : 1;
}
