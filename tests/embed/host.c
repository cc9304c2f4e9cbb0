/*
** host.c -- a small program embedding flashlua through the installed libflashlua, headers and
** flashlua.pc (see run.cmake). It runs Lua code, registers C functions (plain, closure,
** userdata type), moves values both ways and checks the results; exits 0 when all is well.
*/
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static int failures = 0;

#define CHECK(cond) \
  do { if (!(cond)) { fprintf(stderr, "host.c:%d: check failed: %s\n", __LINE__, #cond); failures++; } } while (0)

/* Compares the string on top of the stack with `want` and pops it. */
#define CHECK_TOP(L, want) check_top(L, want, __LINE__)
static void check_top(lua_State *L, const char *want, int line) {
  const char *got = lua_tostring(L, -1);
  if (got == NULL || strcmp(got, want) != 0) {
    fprintf(stderr, "host.c:%d: got \"%s\", want \"%s\"\n", line, got ? got : "(not a string)", want);
    failures++;
  }
  lua_pop(L, 1);
}

/* sum(...) -> sum of its number arguments, and how many there were */
static int c_sum(lua_State *L) {
  int i, n = lua_gettop(L);
  lua_Number s = 0;
  for (i = 1; i <= n; i++) s += luaL_checknumber(L, i);
  lua_pushnumber(L, s);
  lua_pushinteger(L, n);
  return 2;
}

/* a closure counting its calls in an upvalue */
static int c_counter(lua_State *L) {
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
  lua_pushinteger(L, n);
  lua_replace(L, lua_upvalueindex(1));
  lua_pushinteger(L, n);
  return 1;
}

/* a userdata type: vec.new(x, y), v:len2(), tostring(v) */
typedef struct { double x, y; } Vec;

static int vec_new(lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1), y = luaL_optnumber(L, 2, 0);
  Vec *v = (Vec *)lua_newuserdata(L, sizeof(Vec));
  v->x = x;
  v->y = y;
  luaL_getmetatable(L, "host.Vec");
  lua_setmetatable(L, -2);
  return 1;
}

static int vec_len2(lua_State *L) {
  Vec *v = (Vec *)luaL_checkudata(L, 1, "host.Vec");
  lua_pushnumber(L, v->x * v->x + v->y * v->y);
  return 1;
}

static int vec_tostring(lua_State *L) {
  Vec *v = (Vec *)luaL_checkudata(L, 1, "host.Vec");
  lua_pushfstring(L, "Vec(%f, %f)", v->x, v->y);   /* %f: LUA_NUMBER_FMT */
  return 1;
}

static const luaL_Reg vec_funcs[] = { { "new", vec_new }, { NULL, NULL } };

static void open_vec(lua_State *L) {
  luaL_newmetatable(L, "host.Vec");
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, vec_len2);
  lua_setfield(L, -2, "len2");
  lua_pushcfunction(L, vec_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  luaL_register(L, "vec", vec_funcs);
  lua_pop(L, 1);
}

/* Runs a chunk that returns one value; leaves it on the stack. */
static int run(lua_State *L, const char *code) {
  if (luaL_loadstring(L, code) != 0 || lua_pcall(L, 0, 1, 0) != 0) {
    fprintf(stderr, "error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
    failures++;
    lua_pushnil(L);
    return 0;
  }
  return 1;
}

static const char *chunk_text = "local a, b = ... return a * b";

static const char *reader(lua_State *L, void *ud, size_t *size) {
  int *done = (int *)ud;
  (void)L;
  if (*done) return NULL;
  *done = 1;
  *size = strlen(chunk_text);
  return chunk_text;
}

static int writer(lua_State *L, const void *p, size_t sz, void *ud) {
  luaL_addlstring((luaL_Buffer *)ud, (const char *)p, sz);
  (void)L;
  return 0;
}

int main(void) {
  int done = 0, top;
  luaL_Buffer b;
  lua_State *L = luaL_newstate();
  CHECK(L != NULL);
  if (L == NULL) return 1;
  luaL_openlibs(L);
  lua_register(L, "sum", c_sum);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, c_counter, 1);
  lua_setglobal(L, "counter");
  open_vec(L);
  top = lua_gettop(L);

  /* Lua calling C */
  run(L, "local s, n = sum(1, 2, 3.5) return s .. '/' .. n");
  CHECK_TOP(L, "6.5/3");
  run(L, "counter() counter() return counter()");
  CHECK(lua_tointeger(L, -1) == 3);
  lua_pop(L, 1);
  run(L, "local v = vec.new(3, 4) return v:len2() .. ' ' .. tostring(v)");
  CHECK_TOP(L, "25 Vec(3, 4)");

  /* errors raised by C functions come back with 5.1's messages */
  run(L, "local ok, e = pcall(sum, 1, 'x') return e");
  CHECK_TOP(L, "bad argument #2 to '?' (number expected, got string)");
  run(L, "local ok, e = pcall(function() return vec.new(1):len2() + sum(nil) end) return e");
  CHECK_TOP(L, "[string \"local ok, e = pcall(function() return vec.n...\"]:1: "
                                    "bad argument #1 to 'sum' (number expected, got nil)");
  CHECK(luaL_dostring(L, "error({code = 7})") != 0);
  CHECK(lua_istable(L, -1));
  lua_getfield(L, -1, "code");
  CHECK(lua_tointeger(L, -1) == 7);
  lua_pop(L, 2);
  CHECK(luaL_loadstring(L, "x = = 1") == LUA_ERRSYNTAX);
  CHECK_TOP(L, "[string \"x = = 1\"]:1: unexpected symbol near '='");

  /* C calling Lua: globals, tables, a Lua function called with arguments */
  CHECK(luaL_dostring(L, "config = { size = 10, list = { 'a', 'b', 'c' } }") == 0);
  lua_getglobal(L, "config");
  lua_getfield(L, -1, "size");
  CHECK(lua_tonumber(L, -1) == 10);
  lua_getfield(L, -2, "list");
  CHECK(lua_objlen(L, -1) == 3);
  lua_rawgeti(L, -1, 2);
  CHECK(strcmp(lua_tostring(L, -1), "b") == 0);
  lua_pop(L, 4);
  lua_getglobal(L, "string");
  lua_getfield(L, -1, "format");
  lua_pushstring(L, "%d-%s-%5.2f");
  lua_pushinteger(L, 42);
  lua_pushliteral(L, "x");
  lua_pushnumber(L, 3.14159);
  CHECK(lua_pcall(L, 4, 1, 0) == 0);
  CHECK(strcmp(lua_tostring(L, -1), "42-x- 3.14") == 0);
  lua_pop(L, 2);

  /* lua_load with a reader, lua_dump into a buffer, load the dump back */
  CHECK(lua_load(L, reader, &done, "=reader") == 0);
  lua_pushvalue(L, -1);
  lua_pushinteger(L, 6);
  lua_pushinteger(L, 7);
  CHECK(lua_pcall(L, 2, 1, 0) == 0 && lua_tointeger(L, -1) == 42);
  lua_pop(L, 1);
  luaL_buffinit(L, &b);
  CHECK(lua_dump(L, writer, &b) == 0);
  luaL_pushresult(&b);
  {
    size_t len;
    const char *bin = lua_tolstring(L, -1, &len);
    CHECK(len > 12 && bin[0] == '\033' && memcmp(bin + 1, "Lua", 3) == 0);
    CHECK(luaL_loadbuffer(L, bin, len, "=dumped") == 0);
    lua_pushinteger(L, 5);
    lua_pushinteger(L, 5);
    CHECK(lua_pcall(L, 2, 1, 0) == 0 && lua_tointeger(L, -1) == 25);
    lua_pop(L, 3);
  }

  /* a coroutine driven from C */
  CHECK(luaL_dostring(L, "co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)") == 0);
  lua_getglobal(L, "co");
  {
    lua_State *co = lua_tothread(L, -1);
    lua_pushinteger(co, 1);
    CHECK(lua_resume(co, 1) == LUA_YIELD && lua_tointeger(co, -1) == 2);
    lua_pop(co, 1);
    lua_pushinteger(co, 10);
    CHECK(lua_resume(co, 1) == 0 && lua_tointeger(co, -1) == 20);
  }
  lua_pop(L, 1);

  /* the garbage collector is reachable and the stack is balanced */
  CHECK(lua_gc(L, LUA_GCCOLLECT, 0) == 0);
  CHECK(lua_gc(L, LUA_GCCOUNT, 0) > 0);
  CHECK(lua_gettop(L) == top);

  /* Debian's compiled modules load in an embedding host too (when lua-lpeg is installed) */
  run(L, "local ok, lpeg = pcall(require, 'lpeg')"
         "if not ok then return 'lpeg absent' end "
         "return 'lpeg ' .. lpeg.match(lpeg.C(lpeg.R('az')^1), 'embedded!')");
  printf("%s\n", lua_tostring(L, -1));
  CHECK(strcmp(lua_tostring(L, -1), "lpeg embedded") == 0 || strcmp(lua_tostring(L, -1), "lpeg absent") == 0);
  lua_pop(L, 1);

  lua_close(L);
  printf("%s (%d failures)\n", failures ? "embed FAILED" : "embed ok", failures);
  return failures != 0;
}
