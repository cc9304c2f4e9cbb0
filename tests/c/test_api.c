/*
** test_api.c -- exercises every function of the public C API (lua.h) with exact checks.
** Prints "N passed, M failed" and exits non-zero on any failure.
**
** Only the public API is used, except one test that marks a table read-only through the
** internal header (fl_core.h) to check that raw writes into such a table raise an error.
*/
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "fl_core.h"   /* only for the read-only mark and overlay in test_readonly() */

static int passed, failed;

#define CHECK(c) do { if (c) passed++; else { failed++; \
  fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); } } while (0)
#define CHECKINT(a, b) do { long a_ = (long)(a), b_ = (long)(b); if (a_ == b_) passed++; \
  else { failed++; fprintf(stderr, "%s:%d: %s == %ld, expected %ld\n", __FILE__, __LINE__, \
  #a, a_, b_); } } while (0)
#define CHECKSTR(a, b) do { const char *a_ = (a), *b_ = (b); \
  if (a_ != NULL && strcmp(a_, b_) == 0) passed++; \
  else { failed++; fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, \
  __LINE__, #a, a_ ? a_ : "(NULL)", b_); } } while (0)

/* ------------------------------------------------------------ counting allocator */

typedef struct Mem {
  size_t inuse;      /* bytes currently allocated */
  size_t blocks;     /* blocks currently allocated */
  size_t limit;      /* 0: no limit; else fail allocations that would exceed it */
  size_t calls;
} Mem;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Mem *m = (Mem *)ud;
  m->calls++;
  if (nsize == 0) {
    if (ptr != NULL) { m->inuse -= osize; m->blocks--; }
    free(ptr);
    return NULL;
  }
  if (ptr == NULL) osize = 0;
  if (m->limit != 0 && nsize > osize && m->inuse - osize + nsize > m->limit)
    return NULL;
  {
    void *nb = realloc(ptr, nsize);
    if (nb == NULL) return NULL;
    if (ptr == NULL) m->blocks++;
    m->inuse = m->inuse - osize + nsize;
    return nb;
  }
}

static size_t wrapped_calls;
static void *wrapped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  wrapped_calls++;
  return counting_alloc(ud, ptr, osize, nsize);
}

static lua_State *newstate(Mem *m) {
  memset(m, 0, sizeof(*m));
  return lua_newstate(counting_alloc, m);
}

/* ------------------------------------------------------------- readers, writers */

typedef struct StrReader {
  const char *s;
  size_t len;
  size_t chunk;      /* bytes handed out per call */
  int calls;
} StrReader;

static const char *str_reader(lua_State *L, void *ud, size_t *size) {
  StrReader *r = (StrReader *)ud;
  size_t n = r->len < r->chunk ? r->len : r->chunk;
  const char *p = r->s;
  (void)L;
  r->calls++;
  if (n == 0) { *size = 0; return NULL; }
  r->s += n;
  r->len -= n;
  *size = n;
  return p;
}

static int load_chunked(lua_State *L, const char *s, size_t len, size_t chunk, const char *name) {
  StrReader r;
  r.s = s; r.len = len; r.chunk = chunk; r.calls = 0;
  return lua_load(L, str_reader, &r, name);
}

static int load_str(lua_State *L, const char *s, const char *name) {
  return load_chunked(L, s, strlen(s), 7, name);
}

typedef struct Buf {
  char data[8192];
  size_t n;
} Buf;

static int buf_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  Buf *b = (Buf *)ud;
  (void)L;
  if (b->n + sz > sizeof(b->data)) return 1;
  memcpy(b->data + b->n, p, sz);
  b->n += sz;
  return 0;
}

/* ------------------------------------------------------------------ C functions */

static int c_add(lua_State *L) {   /* returns the sum of its arguments and their count */
  int i, n = lua_gettop(L);
  lua_Number s = 0;
  for (i = 1; i <= n; i++) s += lua_tonumber(L, i);
  lua_pushnumber(L, s);
  lua_pushinteger(L, n);
  return 2;
}

static int c_upvals(lua_State *L) {   /* returns its upvalues 1..3, then replaces upvalue 1 */
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_pushvalue(L, lua_upvalueindex(3));
  lua_pushboolean(L, lua_isnone(L, lua_upvalueindex(4)));
  lua_pushinteger(L, lua_tointeger(L, lua_upvalueindex(1)) + 1);
  lua_replace(L, lua_upvalueindex(1));
  return 4;
}

static int c_throw_value(lua_State *L) {   /* lua_error with whatever is at index 1 */
  lua_settop(L, 1);
  return lua_error(L);
}

static int c_handler(lua_State *L) {   /* message handler: "handled: " .. msg */
  lua_pushstring(L, "handled: ");
  lua_insert(L, 1);
  lua_concat(L, 2);
  return 1;
}

static int c_bad_handler(lua_State *L) {
  lua_pushstring(L, "again");
  return lua_error(L);
}

static int c_yield(lua_State *L) {
  return lua_yield(L, lua_gettop(L));
}

static int gc_count;
static int c_gc(lua_State *L) {
  int *p = (int *)lua_touserdata(L, 1);
  if (p != NULL && *p == 1234) gc_count++;
  return 0;
}

static int cp_result;
static int c_cpcall_ok(lua_State *L) {
  int *p = (int *)lua_touserdata(L, 1);
  cp_result = (lua_gettop(L) == 1 && lua_islightuserdata(L, 1)) ? *p : -1;
  lua_pushstring(L, "ignored result");
  return 1;
}

static int c_cpcall_err(lua_State *L) {
  lua_pushfstring(L, "cp error %d", *(int *)lua_touserdata(L, 1));
  return lua_error(L);
}

static int c_env(lua_State *L) {   /* returns its environment, then installs arg 1 as the new one */
  lua_pushvalue(L, LUA_ENVIRONINDEX);
  if (lua_istable(L, 1)) {
    lua_pushvalue(L, 1);
    lua_replace(L, LUA_ENVIRONINDEX);
  }
  return 1;
}

static int c_bigpush(lua_State *L) {   /* pushes 500 values without lua_checkstack */
  int i;
  for (i = 0; i < 500; i++) lua_pushinteger(L, i);
  return 1;
}

static int c_readonly_write(lua_State *L) {
  int how = (int)lua_tointeger(L, 2);
  lua_settop(L, 1);
  if (how == 0) { lua_pushstring(L, "k"); lua_pushinteger(L, 1); lua_rawset(L, 1); }
  else if (how == 1) { lua_pushinteger(L, 1); lua_rawseti(L, 1, 1); }
  else { lua_newtable(L); lua_setmetatable(L, 1); }
  return 0;
}

/* --------------------------------------------------------------------- the tests */

static void test_stack(void) {
  Mem m;
  lua_State *L = newstate(&m);
  CHECK(L != NULL);
  CHECKINT(lua_gettop(L), 0);
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_pushinteger(L, 3);
  lua_pushinteger(L, 4);
  CHECKINT(lua_gettop(L), 4);
  lua_pushvalue(L, 2);            /* 1 2 3 4 2 */
  CHECKINT(lua_tointeger(L, -1), 2);
  lua_remove(L, 1);               /* 2 3 4 2 */
  CHECKINT(lua_tointeger(L, 1), 2);
  CHECKINT(lua_gettop(L), 4);
  lua_pushinteger(L, 9);
  lua_insert(L, 2);               /* 2 9 3 4 2 */
  CHECKINT(lua_tointeger(L, 2), 9);
  CHECKINT(lua_tointeger(L, 3), 3);
  lua_pushinteger(L, 7);
  lua_replace(L, 1);              /* 7 9 3 4 2 */
  CHECKINT(lua_tointeger(L, 1), 7);
  CHECKINT(lua_gettop(L), 5);
  CHECKINT(lua_tointeger(L, -2), 4);
  lua_settop(L, 7);               /* two nils */
  CHECKINT(lua_type(L, 7), LUA_TNIL);
  CHECKINT(lua_type(L, 8), LUA_TNONE);
  CHECK(lua_isnone(L, 8));
  CHECK(lua_isnoneornil(L, 6));
  lua_pop(L, 3);
  CHECKINT(lua_gettop(L), 4);
  lua_settop(L, 0);
  CHECKINT(lua_gettop(L), 0);
  CHECK(lua_checkstack(L, 100));
  CHECK(!lua_checkstack(L, LUAI_MAXCSTACK + 1));
  {
    int i;
    for (i = 0; i < 100; i++) lua_pushinteger(L, i);
    CHECKINT(lua_tointeger(L, -1), 99);
    CHECKINT(lua_tointeger(L, 1), 0);
    lua_settop(L, 0);
  }
  /* a C function that pushes far more than LUA_MINSTACK without checking */
  lua_pushcfunction(L, c_bigpush);
  lua_call(L, 0, 1);
  CHECKINT(lua_tointeger(L, -1), 499);
  lua_pop(L, 1);
  /* types and names */
  lua_pushnil(L);
  lua_pushboolean(L, 5);
  lua_pushlightuserdata(L, &m);
  lua_pushnumber(L, 1.5);
  lua_pushstring(L, "s");
  lua_newtable(L);
  lua_pushcfunction(L, c_add);
  lua_newuserdata(L, 4);
  lua_pushthread(L);
  {
    static const char *const names[] = {"nil", "boolean", "userdata", "number", "string",
                                        "table", "function", "userdata", "thread"};
    int i;
    for (i = 1; i <= 9; i++) {
      CHECKINT(lua_type(L, i), i - 1);
      CHECKSTR(lua_typename(L, lua_type(L, i)), names[i - 1]);
    }
    CHECKSTR(lua_typename(L, LUA_TNONE), "no value");
  }
  CHECKINT(lua_toboolean(L, 2), 1);
  CHECKINT(lua_toboolean(L, 1), 0);
  CHECKINT(lua_toboolean(L, 4), 1);
  CHECK(lua_touserdata(L, 3) == (void *)&m);
  CHECK(lua_isuserdata(L, 3) && lua_isuserdata(L, 8) && !lua_isuserdata(L, 6));
  CHECK(lua_iscfunction(L, 7) && !lua_iscfunction(L, 6));
  CHECK(lua_tocfunction(L, 7) == c_add);
  CHECK(lua_tocfunction(L, 6) == NULL);
  CHECK(lua_tothread(L, 9) == L);
  CHECK(lua_tothread(L, 1) == NULL);
  CHECK(lua_topointer(L, 6) != NULL && lua_topointer(L, 7) != NULL);
  CHECK(lua_topointer(L, 8) == lua_touserdata(L, 8));
  CHECK(lua_topointer(L, 9) == (const void *)L);
  CHECK(lua_topointer(L, 4) == NULL);
  lua_pushvalue(L, 6);
  CHECK(lua_topointer(L, -1) == lua_topointer(L, 6));
  CHECK(lua_rawequal(L, -1, 6));
  CHECK(!lua_rawequal(L, -1, 100));
  lua_close(L);
  CHECKINT(m.inuse, 0);
  CHECKINT(m.blocks, 0);
}

static void test_conversions(void) {
  Mem m;
  lua_State *L = newstate(&m);
  size_t len = 99;
  const char *s;
  lua_pushstring(L, "0x10");
  CHECK(lua_isnumber(L, -1));
  CHECK(lua_tonumber(L, -1) == 16);
  lua_pushstring(L, " 12  ");
  CHECK(lua_tonumber(L, -1) == 12);
#if !defined(FL_NUMBER_INTEGRAL)
  lua_pushstring(L, "1e2");
  CHECK(lua_tonumber(L, -1) == 100);
#endif
  lua_pushstring(L, "12a");
  CHECK(!lua_isnumber(L, -1));
  CHECK(lua_tonumber(L, -1) == 0);
  CHECKINT(lua_tointeger(L, -1), 0);
#if !defined(FL_NUMBER_INTEGRAL)
  lua_pushnumber(L, 3.75);
  CHECKINT(lua_tointeger(L, -1), 3);
  lua_pushnumber(L, -3.75);
  CHECKINT(lua_tointeger(L, -1), -3);
  lua_pushnumber(L, 1e30);
  CHECK(lua_tointeger(L, -1) < 0);   /* out of range: the minimum, like lua5.1 on x86-64 */
#endif
  lua_settop(L, 0);
  /* tolstring converts numbers in place */
  lua_pushnumber(L, 42);
  CHECK(lua_isstring(L, 1));
  CHECKINT(lua_type(L, 1), LUA_TNUMBER);
  s = lua_tolstring(L, 1, &len);
  CHECKSTR(s, "42");
  CHECKINT(len, 2);
  CHECKINT(lua_type(L, 1), LUA_TSTRING);
#if !defined(FL_NUMBER_INTEGRAL)
  lua_pushnumber(L, 0.1);
  CHECKSTR(lua_tostring(L, -1), "0.1");
  lua_pushnumber(L, 1e15);
  CHECKSTR(lua_tostring(L, -1), "1e+15");
#endif
#if !defined(FL_NUMBER_INTEGRAL) && !defined(FL_NUMBER_FLOAT)
  lua_pushnumber(L, -123456.25);
  CHECKSTR(lua_tostring(L, -1), "-123456.25");
#endif
  lua_pushnumber(L, -1234567);
  CHECKSTR(lua_tostring(L, -1), "-1234567");
  lua_pushboolean(L, 1);
  len = 99;
  CHECK(lua_tolstring(L, -1, &len) == NULL);
  CHECKINT(len, 0);
  CHECK(!lua_isstring(L, -1));
  lua_pushlstring(L, "a\0b", 3);
  s = lua_tolstring(L, -1, &len);
  CHECKINT(len, 3);
  CHECK(s[0] == 'a' && s[1] == '\0' && s[2] == 'b' && s[3] == '\0');
  CHECKINT(lua_objlen(L, -1), 3);
  lua_pushstring(L, NULL);
  CHECK(lua_isnil(L, -1));
  /* objlen */
  lua_pushnumber(L, -1234);
  CHECKINT(lua_objlen(L, -1), 5);
  CHECKINT(lua_type(L, -1), LUA_TSTRING);
  lua_newuserdata(L, 13);
  CHECKINT(lua_objlen(L, -1), 13);
  lua_pushnil(L);
  CHECKINT(lua_objlen(L, -1), 0);
  lua_createtable(L, 4, 0);
  lua_pushinteger(L, 1); lua_rawseti(L, -2, 1);
  lua_pushinteger(L, 2); lua_rawseti(L, -2, 2);
  lua_pushinteger(L, 3); lua_rawseti(L, -2, 3);
  CHECKINT(lua_objlen(L, -1), 3);
  /* comparisons */
  lua_settop(L, 0);
  lua_pushinteger(L, 1);
  lua_pushstring(L, "1");
  lua_pushinteger(L, 2);
  lua_pushstring(L, "a");
  lua_pushstring(L, "b");
  CHECK(!lua_equal(L, 1, 2));
  CHECK(!lua_rawequal(L, 1, 2));
  CHECK(lua_lessthan(L, 1, 3));
  CHECK(!lua_lessthan(L, 3, 1));
  CHECK(lua_lessthan(L, 4, 5));
  CHECK(!lua_lessthan(L, 1, 10));   /* invalid index */
  CHECK(!lua_equal(L, 1, 10));
  lua_pushinteger(L, 1);
  CHECK(lua_equal(L, 1, -1) && lua_rawequal(L, 1, -1));
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_fstring(void) {
  Mem m;
  lua_State *L = newstate(&m);
  char ptrbuf[64];
  int top;
  CHECKSTR(lua_pushfstring(L, "a%db%sc%fd%ce%%f", 42, "xyz", (LUAI_UACNUMBER)35, 'Q'),
           "a42bxyzc35dQe%f");
  CHECKSTR(lua_pushfstring(L, "%s|%d", (char *)NULL, -7), "(null)|-7");
  CHECKSTR(lua_pushfstring(L, "%q%"), "%q%");
  CHECKSTR(lua_pushfstring(L, ""), "");
#if !defined(FL_NUMBER_INTEGRAL)
  CHECKSTR(lua_pushfstring(L, "%f", (LUAI_UACNUMBER)0.1), "0.1");
#else
  CHECKSTR(lua_pushfstring(L, "%f", (LUAI_UACNUMBER)-3), "-3");
#endif
  snprintf(ptrbuf, sizeof ptrbuf, "<%p>", (void *)&m);
  CHECKSTR(lua_pushfstring(L, "<%p>", (void *)&m), ptrbuf);
  top = lua_gettop(L);
  CHECKINT(top, 6);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_pseudo(void) {
  Mem m;
  lua_State *L = newstate(&m);
  /* registry */
  lua_pushstring(L, "regval");
  lua_setfield(L, LUA_REGISTRYINDEX, "mykey");
  lua_getfield(L, LUA_REGISTRYINDEX, "mykey");
  CHECKSTR(lua_tostring(L, -1), "regval");
  lua_pop(L, 1);
  lua_pushvalue(L, LUA_REGISTRYINDEX);
  CHECK(lua_istable(L, -1));
  lua_pop(L, 1);
  /* globals */
  lua_pushinteger(L, 77);
  lua_setglobal(L, "g");
  lua_getglobal(L, "g");
  CHECKINT(lua_tointeger(L, -1), 77);
  lua_pop(L, 1);
  lua_pushvalue(L, LUA_GLOBALSINDEX);
  lua_getfield(L, -1, "g");
  CHECKINT(lua_tointeger(L, -1), 77);
  lua_pop(L, 2);
  /* C closure upvalues */
  lua_pushinteger(L, 10);
  lua_pushstring(L, "two");
  lua_pushboolean(L, 1);
  lua_pushcclosure(L, c_upvals, 3);
  CHECKINT(lua_gettop(L), 1);
  lua_pushvalue(L, 1);
  lua_call(L, 0, LUA_MULTRET);
  CHECKINT(lua_gettop(L), 5);
  CHECKINT(lua_tointeger(L, 2), 10);
  CHECKSTR(lua_tostring(L, 3), "two");
  CHECK(lua_toboolean(L, 4));
  CHECK(lua_toboolean(L, 5));
  lua_settop(L, 1);
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);               /* upvalue 1 was replaced by 11 */
  CHECKINT(lua_tointeger(L, -1), 11);
  lua_pop(L, 1);
  CHECKSTR(lua_getupvalue(L, 1, 2), "");
  CHECKSTR(lua_tostring(L, -1), "two");
  lua_pop(L, 1);
  CHECK(lua_getupvalue(L, 1, 4) == NULL);
  CHECK(lua_getupvalue(L, 1, 0) == NULL);
  lua_pushstring(L, "new");
  CHECKSTR(lua_setupvalue(L, 1, 2), "");
  CHECKINT(lua_gettop(L), 1);
  lua_pushnil(L);
  CHECK(lua_setupvalue(L, 1, 5) == NULL);
  lua_pop(L, 1);
  lua_getupvalue(L, 1, 2);
  CHECKSTR(lua_tostring(L, -1), "new");
  lua_settop(L, 0);
  /* Lua closure upvalues, with names */
  CHECKINT(load_str(L, "local a, b = 1, 2\nreturn function() return a + b end", "=up"), 0);
  lua_call(L, 0, 1);
  CHECKSTR(lua_getupvalue(L, 1, 1), "a");
  CHECKINT(lua_tointeger(L, -1), 1);
  lua_pop(L, 1);
  CHECKSTR(lua_getupvalue(L, 1, 2), "b");
  lua_pop(L, 1);
  CHECK(lua_getupvalue(L, 1, 3) == NULL);
  lua_pushinteger(L, 40);
  CHECKSTR(lua_setupvalue(L, 1, 2), "b");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  CHECKINT(lua_tointeger(L, -1), 41);
  lua_settop(L, 0);
  /* environment of C functions: LUA_ENVIRONINDEX */
  lua_pushcfunction(L, c_env);
  lua_pushvalue(L, -1);
  lua_call(L, 0, 1);
  CHECK(lua_rawequal(L, -1, LUA_GLOBALSINDEX));   /* created at base level: globals */
  lua_pop(L, 1);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, "envt");
  lua_pushvalue(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, "envt");
  lua_call(L, 1, 1);                  /* installs envt */
  lua_pop(L, 1);
  lua_getfenv(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, "envt");
  CHECK(lua_rawequal(L, -1, -2));
  lua_settop(L, 0);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static int c_index(lua_State *L) {   /* __index: "idx:" .. key */
  lua_pushfstring(L, "idx:%s", lua_tostring(L, 2));
  return 1;
}

static int c_newindex(lua_State *L) {   /* __newindex: rawset(t, "nw_" .. k, v) */
  lua_pushfstring(L, "nw_%s", lua_tostring(L, 2));
  lua_pushvalue(L, 3);
  lua_rawset(L, 1);
  return 0;
}

static void test_tables(void) {
  Mem m;
  lua_State *L = newstate(&m);
  int i, n;
  lua_createtable(L, 10, 10);
  CHECKINT(lua_objlen(L, 1), 0);
  for (i = 1; i <= 10; i++) {
    lua_pushinteger(L, i * i);
    lua_rawseti(L, 1, i);
  }
  CHECKINT(lua_objlen(L, 1), 10);
  lua_rawgeti(L, 1, 7);
  CHECKINT(lua_tointeger(L, -1), 49);
  lua_pop(L, 1);
  lua_rawgeti(L, 1, 11);
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 1);
  lua_pushstring(L, "x");
  lua_pushstring(L, "y");
  lua_settable(L, 1);
  lua_pushstring(L, "x");
  lua_gettable(L, 1);
  CHECKSTR(lua_tostring(L, -1), "y");
  lua_pop(L, 1);
  lua_pushboolean(L, 1);
  lua_pushstring(L, "bool");
  lua_rawset(L, 1);
  lua_pushboolean(L, 1);
  lua_rawget(L, 1);
  CHECKSTR(lua_tostring(L, -1), "bool");
  lua_pop(L, 1);
  lua_pushnumber(L, (lua_Number)-7);
  lua_pushstring(L, "float");
  lua_rawset(L, 1);
  lua_pushnumber(L, 3);       /* integral float key goes to the array slot */
  lua_rawget(L, 1);
  CHECKINT(lua_tointeger(L, -1), 9);
  lua_pop(L, 1);
  /* lua_next: every entry exactly once */
  n = 0;
  {
    int sum = 0, others = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
      n++;
      if (lua_type(L, -2) == LUA_TNUMBER && lua_tonumber(L, -2) == (int)lua_tonumber(L, -2))
        sum += (int)lua_tointeger(L, -1);
      else
        others++;
      lua_pop(L, 1);
    }
    CHECKINT(n, 13);
    CHECKINT(sum, 385);
    CHECKINT(others, 2);   /* "x" and true; -7 counts as an integer key */
    CHECKINT(lua_gettop(L), 1);
  }
  /* metatables and metamethods */
  lua_newtable(L);                        /* 2: metatable */
  lua_pushcfunction(L, c_index);
  lua_setfield(L, 2, "__index");
  lua_pushcfunction(L, c_newindex);
  lua_setfield(L, 2, "__newindex");
  lua_newtable(L);                        /* 3: object */
  CHECKINT(lua_getmetatable(L, 3), 0);
  CHECKINT(lua_gettop(L), 3);
  lua_pushvalue(L, 2);
  CHECKINT(lua_setmetatable(L, 3), 1);
  CHECKINT(lua_getmetatable(L, 3), 1);
  CHECK(lua_rawequal(L, -1, 2));
  lua_pop(L, 1);
  lua_getfield(L, 3, "abc");
  CHECKSTR(lua_tostring(L, -1), "idx:abc");
  lua_pop(L, 1);
  lua_pushstring(L, "val");
  lua_setfield(L, 3, "k");
  lua_getfield(L, 3, "nw_k");
  CHECKSTR(lua_tostring(L, -1), "val");
  lua_pop(L, 1);
  lua_pushstring(L, "k");
  lua_rawget(L, 3);
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 1);
  lua_pushnil(L);
  lua_setmetatable(L, 3);
  CHECKINT(lua_getmetatable(L, 3), 0);
  lua_getfield(L, 3, "abc");
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 1);
  /* metatable for a basic type (numbers) */
  lua_pushinteger(L, 5);
  lua_pushvalue(L, 2);
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
  lua_pushinteger(L, 6);
  CHECKINT(lua_getmetatable(L, -1), 1);
  CHECK(lua_rawequal(L, -1, 2));
  lua_pop(L, 2);
  lua_pushinteger(L, 6);
  lua_getfield(L, -1, "zz");
  CHECKSTR(lua_tostring(L, -1), "idx:zz");
  lua_pop(L, 1);
  lua_pushnil(L);
  lua_setmetatable(L, -2);
  CHECKINT(lua_getmetatable(L, -1), 0);
  lua_pop(L, 1);
  /* userdata metatables and environments */
  {
    void *u = lua_newuserdata(L, 8);
    int top = lua_gettop(L);
    CHECK(u != NULL);
    CHECKINT(lua_getmetatable(L, top), 0);
    lua_pushvalue(L, 2);
    lua_setmetatable(L, top);
    CHECKINT(lua_getmetatable(L, top), 1);
    lua_pop(L, 1);
    lua_getfield(L, top, "q");
    CHECKSTR(lua_tostring(L, -1), "idx:q");
    lua_pop(L, 1);
    lua_getfenv(L, top);
    CHECK(lua_rawequal(L, -1, LUA_GLOBALSINDEX));
    lua_pop(L, 1);
    lua_newtable(L);
    CHECKINT(lua_setfenv(L, top), 1);
    lua_getfenv(L, top);
    CHECK(lua_istable(L, -1) && !lua_rawequal(L, -1, LUA_GLOBALSINDEX));
    lua_pop(L, 1);
    lua_pushinteger(L, 3);
    lua_newtable(L);
    CHECKINT(lua_setfenv(L, -2), 0);
    lua_getfenv(L, -1);
    CHECK(lua_isnil(L, -1));
    lua_settop(L, top - 1);
  }
  lua_settop(L, 0);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static int c_next_bad(lua_State *L) {
  lua_newtable(L);
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 1);
  lua_rawset(L, -3);
  lua_pushstring(L, "nokey");
  lua_next(L, -2);
  return 0;
}

static int c_rawset_nil(lua_State *L) {
  lua_newtable(L);
  lua_pushnil(L);
  lua_pushinteger(L, 1);
  lua_rawset(L, -3);
  return 0;
}

#if !defined(FL_NUMBER_INTEGRAL)
static int c_rawset_nan(lua_State *L) {
  lua_newtable(L);
  lua_pushstring(L, "nan");
  lua_pushnumber(L, lua_tonumber(L, -1));   /* strtod's NaN, without a division by zero */
  lua_remove(L, -2);
  lua_pushinteger(L, 1);
  lua_rawset(L, -3);
  return 0;
}
#endif

static void test_calls(void) {
  Mem m;
  lua_State *L = newstate(&m);
  int st;
  /* lua_call with fixed and multiple results */
  lua_pushcfunction(L, c_add);
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_pushnumber(L, 30);
  lua_call(L, 3, 1);
  CHECKINT(lua_gettop(L), 1);
  CHECK(lua_tonumber(L, 1) == 33);
  lua_pop(L, 1);
  lua_pushcfunction(L, c_add);
  lua_call(L, 0, LUA_MULTRET);
  CHECKINT(lua_gettop(L), 2);
  lua_pushcfunction(L, c_add);
  lua_pushinteger(L, 5);
  lua_call(L, 1, 4);
  CHECKINT(lua_gettop(L), 6);
  CHECK(lua_isnil(L, 6) && lua_isnil(L, 5) && lua_tointeger(L, 4) == 1);
  lua_settop(L, 0);
  /* Lua code calling C */
  lua_register(L, "add", c_add);
  CHECKINT(load_str(L, "local s, n = add(...) return s * 10 + n", "=calls"), 0);
  lua_pushinteger(L, 2);
  lua_pushinteger(L, 3);
  lua_call(L, 2, 1);
  CHECKINT(lua_tointeger(L, -1), 52);
  lua_pop(L, 1);
  /* pcall: runtime error message with position */
  CHECKINT(load_str(L, "local x; return x.y", "=c"), 0);
  st = lua_pcall(L, 0, 0, 0);
  CHECKINT(st, LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "c:1: attempt to index local 'x' (a nil value)");
  lua_pop(L, 1);
  CHECKINT(load_str(L, "return 1 < 'x'", "=c"), 0);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "c:1: attempt to compare number with string");
  lua_pop(L, 1);
  CHECKINT(lua_gettop(L), 0);
  /* pcall success keeps the results */
  CHECKINT(load_str(L, "return 1, 2, 3", "=ok"), 0);
  CHECKINT(lua_pcall(L, 0, LUA_MULTRET, 0), 0);
  CHECKINT(lua_gettop(L), 3);
  lua_settop(L, 0);
  /* message handler */
  lua_pushcfunction(L, c_handler);
  CHECKINT(load_str(L, "local t = nil; t()", "=h"), 0);
  CHECKINT(lua_pcall(L, 0, 0, 1), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "handled: h:1: attempt to call local 't' (a nil value)");
  lua_settop(L, 0);
  /* error in the message handler */
  lua_pushcfunction(L, c_bad_handler);
  lua_pushcfunction(L, c_throw_value);
  lua_pushstring(L, "first");
  CHECKINT(lua_pcall(L, 1, 0, 1), LUA_ERRERR);
  CHECKSTR(lua_tostring(L, -1), "error in error handling");
  lua_settop(L, 0);
  /* lua_error with non-string values: the value itself comes back */
  lua_newtable(L);
  lua_pushcfunction(L, c_throw_value);
  lua_pushvalue(L, 1);
  CHECKINT(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  CHECK(lua_rawequal(L, -1, 1));
  lua_pop(L, 1);
  lua_pushcfunction(L, c_throw_value);
  lua_pushnumber(L, 125);
  CHECKINT(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  CHECKINT(lua_type(L, -1), LUA_TNUMBER);
  CHECK(lua_tonumber(L, -1) == 125);
  lua_pop(L, 1);
  lua_pushcfunction(L, c_throw_value);
  lua_pushnil(L);
  CHECKINT(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  CHECK(lua_isnil(L, -1));
  lua_pop(L, 1);
  lua_pushcfunction(L, c_throw_value);
  lua_pushboolean(L, 0);
  CHECKINT(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  CHECK(lua_isboolean(L, -1) && !lua_toboolean(L, -1));
  lua_settop(L, 0);
  /* errors raised by the table code */
  lua_pushcfunction(L, c_next_bad);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "invalid key to 'next'");
  lua_pop(L, 1);
  lua_pushcfunction(L, c_rawset_nil);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "table index is nil");
  lua_pop(L, 1);
#if !defined(FL_NUMBER_INTEGRAL)
  lua_pushcfunction(L, c_rawset_nan);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "table index is NaN");
  lua_pop(L, 1);
#endif
  /* lua_cpcall */
  {
    int v = 31;
    cp_result = 0;
    CHECKINT(lua_cpcall(L, c_cpcall_ok, &v), 0);
    CHECKINT(cp_result, 31);
    CHECKINT(lua_gettop(L), 0);
    CHECKINT(lua_cpcall(L, c_cpcall_err, &v), LUA_ERRRUN);
    CHECKSTR(lua_tostring(L, -1), "cp error 31");
    lua_pop(L, 1);
  }
  /* lua_setlevel: copies the C call depth (used by coroutines); harmless here */
  {
    lua_State *L1 = lua_newthread(L);
    lua_setlevel(L, L1);
    lua_pop(L, 1);
  }
  CHECKINT(lua_gettop(L), 0);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_load_dump(void) {
  Mem m;
  lua_State *L = newstate(&m);
  static const char prog[] =
    "local t = {}\n"
    "for i = 1, 10 do t[i] = i * 2 end\n"
    "local s = 0\n"
    "for i = 1, #t do s = s + t[i] end\n"
    "return s, ...";
  static const char prog2[] =
    "local a, b = ...\n"
    "local function f(x) return x .. '!' end\n"
    "return f(a) .. b, #a, 2^10, 7 % 3, -7 % 3";
  Buf b;
  int st;
  /* one byte at a time */
  CHECKINT(load_chunked(L, prog2, sizeof(prog2) - 1, 1, "=prog2"), 0);
  lua_pushstring(L, "hey");
  lua_pushstring(L, "?");
  lua_call(L, 2, 5);
  CHECKSTR(lua_tostring(L, 1), "hey!?");
  CHECKINT(lua_tointeger(L, 2), 3);
  CHECKINT(lua_tointeger(L, 3), 1024);
  CHECKINT(lua_tointeger(L, 4), 1);
  CHECKINT(lua_tointeger(L, 5), 2);
  lua_settop(L, 0);
  /* syntax errors */
  st = load_str(L, "x = = 1", "=t");
  CHECKINT(st, LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "t:1: unexpected symbol near '='");
  lua_pop(L, 1);
  st = load_str(L, "x = 1 +", "x = 1 +");
  CHECKINT(st, LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "[string \"x = 1 +\"]:1: unexpected symbol near '<eof>'");
  lua_pop(L, 1);
  st = load_str(L, "return 'a'\n.. 'b' +", NULL);
  CHECKINT(st, LUA_ERRSYNTAX);
  CHECKSTR(lua_tostring(L, -1), "[string \"?\"]:2: unexpected symbol near '<eof>'");
  lua_pop(L, 1);
  st = load_str(L, "return error", "@" "a_very_long_file_name_that_goes_on_and_on_and_on_and_on_and_on.lua");
  CHECKINT(st, 0);
  lua_pop(L, 1);
  /* runtime error positions use the chunk id rules */
  CHECKINT(load_str(L, "local x = nil + 1",
                    "@a_very_long_file_name_that_goes_on_and_on_and_on_and_on_and_on.lua"), 0);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "...le_name_that_goes_on_and_on_and_on_and_on_and_on.lua:1: "
                                "attempt to perform arithmetic on a nil value");
  lua_pop(L, 1);
  CHECKINT(load_str(L, "local x = {} .. 1", "ab\ncd"), 0);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L, -1), "[string \"ab...\"]:1: attempt to concatenate a table value");
  lua_pop(L, 1);
  /* an empty chunk */
  CHECKINT(load_chunked(L, "", 0, 4, "=empty"), 0);
  lua_call(L, 0, LUA_MULTRET);
  CHECKINT(lua_gettop(L), 0);
  /* dump + load round trip */
  CHECKINT(load_str(L, prog, "=prog"), 0);
  b.n = 0;
  CHECKINT(lua_dump(L, buf_writer, &b), 0);
  CHECK(b.n > 12 && memcmp(b.data, LUA_SIGNATURE, 4) == 0);
  lua_pushinteger(L, 5);
  lua_call(L, 1, 2);
  CHECKINT(lua_tointeger(L, -2), 110);
  CHECKINT(lua_tointeger(L, -1), 5);
  lua_settop(L, 0);
  CHECKINT(load_chunked(L, b.data, b.n, 3, "=binary"), 0);
  CHECK(lua_isfunction(L, -1));
  lua_pushinteger(L, 6);
  lua_call(L, 1, 2);
  CHECKINT(lua_tointeger(L, -2), 110);
  CHECKINT(lua_tointeger(L, -1), 6);
  lua_settop(L, 0);
  /* truncated binary chunk */
  CHECK(load_chunked(L, b.data, b.n / 2, 5, "=trunc") == LUA_ERRSYNTAX);
  CHECK(lua_isstring(L, -1));
  lua_settop(L, 0);
  /* dumping a C function fails */
  lua_pushcfunction(L, c_add);
  b.n = 0;
  CHECKINT(lua_dump(L, buf_writer, &b), 1);
  CHECKINT(b.n, 0);
  lua_settop(L, 0);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_threads(void) {
  Mem m;
  lua_State *L = newstate(&m);
  lua_State *L1;
  lua_register(L, "yield", c_yield);
  CHECKINT(lua_pushthread(L), 1);
  lua_pop(L, 1);
  L1 = lua_newthread(L);
  CHECK(L1 != NULL && L1 != L);
  CHECK(lua_tothread(L, -1) == L1);
  CHECKINT(lua_status(L1), 0);
  CHECKINT(lua_pushthread(L1), 0);
  lua_pop(L1, 1);
  CHECKINT(load_str(L1, "local a = ...\nlocal b, c = yield(a + 1, 'y')\nreturn b * 2, c", "=co"), 0);
  lua_pushinteger(L1, 1);
  CHECKINT(lua_resume(L1, 1), LUA_YIELD);
  CHECKINT(lua_status(L1), LUA_YIELD);
  CHECKINT(lua_gettop(L1), 2);
  CHECKINT(lua_tointeger(L1, 1), 2);
  CHECKSTR(lua_tostring(L1, 2), "y");
  lua_xmove(L1, L, 2);               /* results move to the main thread */
  CHECKINT(lua_gettop(L1), 0);
  CHECKINT(lua_gettop(L), 3);
  CHECKSTR(lua_tostring(L, -1), "y");
  lua_pop(L, 2);
  lua_pushinteger(L1, 10);
  lua_pushstring(L1, "c");
  CHECKINT(lua_resume(L1, 2), 0);
  CHECKINT(lua_status(L1), 0);
  CHECKINT(lua_gettop(L1), 2);
  CHECKINT(lua_tointeger(L1, 1), 20);
  CHECKSTR(lua_tostring(L1, 2), "c");
  lua_settop(L1, 0);
  /* an error inside a coroutine */
  CHECKINT(load_str(L1, "yield(1) local z; z.q = 1", "=coerr"), 0);
  CHECKINT(lua_resume(L1, 0), LUA_YIELD);
  lua_settop(L1, 0);
  CHECKINT(lua_resume(L1, 0), LUA_ERRRUN);
  CHECKSTR(lua_tostring(L1, -1), "coerr:1: attempt to index local 'z' (a nil value)");
  CHECKINT(lua_status(L1), LUA_ERRRUN);
  /* thread environments */
  lua_getfenv(L, 1);
  CHECK(lua_rawequal(L, -1, LUA_GLOBALSINDEX));
  lua_pop(L, 1);
  lua_newtable(L);
  CHECKINT(lua_setfenv(L, 1), 1);
  lua_getfenv(L, 1);
  CHECK(!lua_rawequal(L, -1, LUA_GLOBALSINDEX));
  lua_pop(L, 1);
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);   /* the thread is garbage now */
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_gc(void) {
  Mem m;
  lua_State *L = newstate(&m);
  int i, kb, b, cycles;
  /* totalbytes is exact: the allocator agrees */
  kb = lua_gc(L, LUA_GCCOUNT, 0);
  b = lua_gc(L, LUA_GCCOUNTB, 0);
  CHECKINT((size_t)kb * 1024 + (size_t)b, m.inuse);
  CHECKINT(lua_gc(L, LUA_GCSETPAUSE, 150), LUAI_GCPAUSE);
  CHECKINT(lua_gc(L, LUA_GCSETPAUSE, LUAI_GCPAUSE), 150);
  CHECKINT(lua_gc(L, LUA_GCSETSTEPMUL, 400), LUAI_GCMUL);
  CHECKINT(lua_gc(L, LUA_GCSETSTEPMUL, LUAI_GCMUL), 400);
  CHECKINT(lua_gc(L, 99, 0), -1);
  /* finalizers */
  gc_count = 0;
  lua_newtable(L);
  lua_pushcfunction(L, c_gc);
  lua_setfield(L, -2, "__gc");
  lua_setfield(L, LUA_REGISTRYINDEX, "udmt");
  for (i = 0; i < 10; i++) {
    int *p = (int *)lua_newuserdata(L, sizeof(int));
    *p = 1234;
    lua_getfield(L, LUA_REGISTRYINDEX, "udmt");
    lua_setmetatable(L, -2);
    if (i < 5) lua_pop(L, 1);   /* garbage */
  }
  CHECKINT(lua_gettop(L), 5);
  lua_gc(L, LUA_GCCOLLECT, 0);
  CHECKINT(gc_count, 5);
  /* a lot of garbage, then collect: memory goes back down */
  kb = lua_gc(L, LUA_GCCOUNT, 0);
  for (i = 0; i < 2000; i++) {
    lua_createtable(L, 4, 4);
    lua_pop(L, 1);
  }
  lua_gc(L, LUA_GCCOLLECT, 0);
  CHECK(lua_gc(L, LUA_GCCOUNT, 0) <= kb + 1);
  CHECKINT((size_t)lua_gc(L, LUA_GCCOUNT, 0) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB, 0), m.inuse);
  /* stop / step / restart */
  lua_gc(L, LUA_GCSTOP, 0);
  kb = lua_gc(L, LUA_GCCOUNT, 0);
  for (i = 0; i < 2000; i++) {
    lua_newtable(L);
    lua_pop(L, 1);
  }
#if !defined(FL_GC_STRESS)   /* (stress mode collects at every allocation) */
  CHECK(lua_gc(L, LUA_GCCOUNT, 0) > kb + 10);   /* nothing was collected */
#endif
  cycles = 0;
  for (i = 0; i < 10000 && !cycles; i++)
    cycles = lua_gc(L, LUA_GCSTEP, 0);
  CHECKINT(cycles, 1);                         /* a step finished a cycle */
  lua_gc(L, LUA_GCRESTART, 0);
  CHECKINT(lua_gc(L, LUA_GCSTEP, 1000000), 1);   /* a huge step completes a cycle */
  lua_gc(L, LUA_GCCOLLECT, 0);
  CHECK(lua_gc(L, LUA_GCCOUNT, 0) <= kb + 1);
  /* getallocf / setallocf */
  {
    void *ud = NULL;
    lua_Alloc f = lua_getallocf(L, &ud);
    CHECK(f == counting_alloc);
    CHECK(ud == (void *)&m);
    lua_setallocf(L, wrapped_alloc, &m);
    wrapped_calls = 0;
    lua_pushstring(L, "a fresh string for the wrapped allocator");
    lua_pop(L, 1);
    CHECK(wrapped_calls > 0);
    CHECK(lua_getallocf(L, NULL) == wrapped_alloc);
    lua_setallocf(L, counting_alloc, &m);
  }
  gc_count = 0;
  lua_close(L);                  /* the 5 remaining userdata are finalized */
  CHECKINT(gc_count, 5);
  CHECKINT(m.inuse, 0);
  CHECKINT(m.blocks, 0);
}

static int c_alloc_loop(lua_State *L) {
  int i;
  lua_newtable(L);
  for (i = 1; ; i++) {
    lua_pushfstring(L, "string number %d, padded to use memory quickly ................", i);
    lua_rawseti(L, 1, i);
  }
  return 0;
}

static void test_memerr(void) {
  Mem m;
  lua_State *L = newstate(&m);
  m.limit = m.inuse + 64 * 1024;
  lua_pushcfunction(L, c_alloc_loop);
  CHECKINT(lua_pcall(L, 0, 0, 0), LUA_ERRMEM);
  CHECKSTR(lua_tostring(L, -1), "not enough memory");
  lua_settop(L, 0);
  m.limit = 0;
  lua_gc(L, LUA_GCCOLLECT, 0);
  /* the state still works */
  CHECKINT(load_str(L, "return 6 * 7", "=after"), 0);
  lua_call(L, 0, 1);
  CHECKINT(lua_tointeger(L, -1), 42);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_concat_misc(void) {
  Mem m;
  lua_State *L = newstate(&m);
  lua_concat(L, 0);
  CHECKSTR(lua_tostring(L, -1), "");
  CHECKINT(lua_gettop(L), 1);
  lua_pushinteger(L, 5);
  lua_concat(L, 1);                 /* unchanged, still a number */
  CHECKINT(lua_type(L, -1), LUA_TNUMBER);
  lua_pushstring(L, "x");
  lua_pushnumber(L, -25);
  lua_concat(L, 4);
  CHECKSTR(lua_tostring(L, -1), "5x-25");
  CHECKINT(lua_gettop(L), 1);
  lua_settop(L, 0);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static void test_readonly(void) {
  Mem m;
  lua_State *L = newstate(&m);
  FGCObj *o;
  lu_byte saved, saved_flags;
  int how;
  lua_gc(L, LUA_GCSTOP, 0);   /* no collection while the table wears the read-only mark */
  lua_newtable(L);
  lua_pushinteger(L, 5);
  lua_rawseti(L, 1, 1);
  o = (FGCObj *)lua_topointer(L, 1);
  saved = o->gch.marked;
  o->gch.marked = (lu_byte)FL_READONLY_MARK;
  saved_flags = o->h.flags;
  o->h.flags = (lu_byte)(saved_flags & ~FL_ROPATCH);   /* not patchable: writes are errors */
  for (how = 0; how < 3; how++) {
    lua_pushcfunction(L, c_readonly_write);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, how);
    CHECKINT(lua_pcall(L, 2, 0, 0), LUA_ERRRUN);
    CHECKSTR(lua_tostring(L, -1), "attempt to write to a read-only table");
    lua_pop(L, 1);
  }
  lua_rawgeti(L, 1, 1);   /* reads work */
  CHECKINT(lua_tointeger(L, -1), 5);
  lua_pop(L, 1);
  CHECKINT(lua_objlen(L, 1), 1);
  CHECKINT(lua_getmetatable(L, 1), 0);
  /* a patchable read-only table: raw writes go to the RAM overlay, the table is untouched */
  o->h.flags = (lu_byte)(o->h.flags | FL_ROPATCH);
  lua_pushstring(L, "k");
  lua_pushinteger(L, 8);
  lua_rawset(L, 1);
  lua_pushinteger(L, 7);
  lua_rawseti(L, 1, 1);
  CHECKINT(fl_numv(&o->h.array[0]), 5);
  CHECKINT(o->h.sizearray, 1);
  lua_rawgeti(L, 1, 1);
  CHECKINT(lua_tointeger(L, -1), 7);
  lua_getfield(L, 1, "k");
  CHECKINT(lua_tointeger(L, -1), 8);
  lua_pop(L, 2);
  {
    int n = 0, sum = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) { n++; sum += (int)lua_tointeger(L, -1); lua_pop(L, 1); }
    CHECKINT(n, 2);
    CHECKINT(sum, 15);
    lua_pushnil(L);
    lua_rawseti(L, 1, 1);   /* deleting a read-only key hides it */
    lua_rawgeti(L, 1, 1);
    CHECK(lua_isnil(L, -1));
    lua_pop(L, 1);
    n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) { n++; lua_pop(L, 1); }
    CHECKINT(n, 1);
    CHECKINT(fl_numv(&o->h.array[0]), 5);
  }
  /* a metatable is kept in the overlay too; the table itself is unchanged */
  lua_newtable(L);
  lua_pushvalue(L, -1);
  CHECKINT(lua_setmetatable(L, 1), 1);
  CHECK(lua_getmetatable(L, 1) && lua_rawequal(L, -1, -2));
  CHECK(o->h.metatable == NULL);
  lua_pushnil(L);
  lua_setmetatable(L, 1);
  CHECK(!lua_getmetatable(L, 1));
  lua_pop(L, 2);
  o->h.flags = saved_flags;
  /* back to a white of the current cycle */
  o->gch.marked = (lu_byte)((saved & ~FL_WHITEBITS) | (G(L)->currentwhite & FL_WHITEBITS));
  lua_gc(L, LUA_GCRESTART, 0);
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

static jmp_buf panic_jmp;
static char panic_msg[128];
static int c_panic(lua_State *L) {
  const char *s = lua_tostring(L, -1);
  snprintf(panic_msg, sizeof panic_msg, "%s", s ? s : "?");
  longjmp(panic_jmp, 1);
  return 0;
}

static void test_panic(void) {
  Mem m;
  lua_State *L = newstate(&m);
  volatile int reached = 0;
  CHECK(lua_atpanic(L, c_panic) == NULL);
  CHECK(lua_atpanic(L, c_panic) == c_panic);
  panic_msg[0] = '\0';
  if (setjmp(panic_jmp) == 0) {
    lua_pushstring(L, "unprotected");
    lua_error(L);
    reached = 1;
  }
  CHECKINT(reached, 0);
  CHECKSTR(panic_msg, "unprotected");
  panic_msg[0] = '\0';
  if (setjmp(panic_jmp) == 0) {
    lua_replace(L, LUA_ENVIRONINDEX);   /* at base level: no calling environment */
    reached = 1;
  }
  CHECKINT(reached, 0);
  CHECKSTR(panic_msg, "no calling environment");
  lua_close(L);
  CHECKINT(m.inuse, 0);
}

int main(void) {
  test_stack();
  test_conversions();
  test_fstring();
  test_pseudo();
  test_tables();
  test_calls();
  test_load_dump();
  test_threads();
  test_gc();
  test_memerr();
  test_concat_misc();
  test_readonly();
  test_panic();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
