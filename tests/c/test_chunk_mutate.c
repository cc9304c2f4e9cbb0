/*
** test_chunk_mutate.c -- deterministic mutation test of the loader, the bytecode verifier and
** the compiler:   test_chunk_mutate [N]     (default 20000 mutants of each kind)
** Binary chunks of a few programs are made with lua_dump; each mutant is a copy with bit flips,
** random bytes, interesting words or a truncation, loaded with luaL_loadbuffer. A chunk the
** loader accepts (it passed the verifier) is run in a sandbox (no io/os, an instruction limit,
** a capped heap): it may fail with any Lua error, but must never crash or misbehave. Sources are
** mutated the same way and go through the compiler. Each mutant sits at the end of an exactly
** sized heap block so that ASan sees any read past it.
** Prints how many mutants were accepted; exits 0 unless something crashed or misbehaved.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static const char *const progs[] = {
  "local t = {} for i = 1, 10 do t[i] = i * i end\n"
  "local s = 0 for _, v in ipairs(t) do s = s + v end\n"
  "local function f(a, ...) return select('#', ...), a end\n"
  "local u = 1 local function g() u = u + 1 return u end g()\n"
  "return s, f(1, 2, 3), tostring(g()), #t, t[3] % 7, -t[2], not t\n",

  "local M = {} M.__index = M\n"
  "function M.new(x) return setmetatable({ x = x }, M) end\n"
  "function M:get() return self.x end\n"
  "local o = M.new('v') local r = {}\n"
  "for k, v in pairs({ a = 1, b = 2 }) do r[#r + 1] = k .. v end\n"
  "while #r < 5 do r[#r + 1] = o:get() end\n"
  "repeat r[#r] = nil until #r < 3\n"
  "return table.concat(r, ','), o:get() .. 'x', 2 ^ 3, 7 / 2, 'a' < 'b'\n",

  "local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)\n"
  "local x = co(1) local y = co(x)\n"
  "local ok, e = pcall(error, { code = 1 })\n"
  "local s = string.format('%d %s %5.2f', 3, 'q', 1.5):rep(2):upper()\n"
  "for w in s:gmatch('%a+') do x = x + #w end\n"
  "return x, y, ok, type(e), s:sub(2, -2), s:find('Q', 1, true)\n",

  "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\n"
  "local a, b, c = 1, 2 local t = { fib(10), [2] = 'two', x = { y = { z = c } } }\n"
  "local i = 10 repeat i = i - 1 until i <= a or i == b\n"
  "local v = t.x.y.z or t[2] and #t[2] or 0\n"
  "for k = 10, 1, -3 do v = v .. k end\n"
  "return v, i, t[1], unpack({ 1, 2, 3 })\n",
};

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint32_t next32(void) {   /* xorshift64* */
  rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ull) >> 32);
}

/* ---- a capped allocator, an instruction limit and a sandbox for running accepted mutants */
static size_t heap_used, heap_cap = 32u << 20;
static void *cap_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  if (nsize == 0) {
    if (ptr != NULL) heap_used -= osize;
    free(ptr);
    return NULL;
  }
  if (ptr == NULL) osize = 0;
  if (nsize > osize && heap_used + (nsize - osize) > heap_cap) return NULL;
  ptr = realloc(ptr, nsize);
  if (ptr != NULL) heap_used = heap_used - osize + nsize;
  return ptr;
}

static int steps;
static void limit_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  if (++steps > 200) luaL_error(L, "instruction limit");
}

static int quiet_print(lua_State *L) { (void)L; return 0; }

static lua_State *sandbox(void) {
  static const char *const drop[] = { "dofile", "loadfile", "load", "loadstring", "require",
                                      "module", "collectgarbage", "setfenv", "getfenv", NULL };
  lua_State *L = lua_newstate(cap_alloc, NULL);
  int i;
  if (L == NULL) return NULL;
  lua_pushcfunction(L, luaopen_base); lua_pcall(L, 0, 0, 0);
  lua_pushcfunction(L, luaopen_string); lua_pcall(L, 0, 0, 0);
  lua_pushcfunction(L, luaopen_table); lua_pcall(L, 0, 0, 0);
  lua_pushcfunction(L, luaopen_math); lua_pcall(L, 0, 0, 0);
  for (i = 0; drop[i] != NULL; i++) {
    lua_pushnil(L);
    lua_setglobal(L, drop[i]);
  }
  lua_pushcfunction(L, quiet_print);
  lua_setglobal(L, "print");
  lua_sethook(L, limit_hook, LUA_MASKCOUNT, 100);
  return L;
}

/* loads (and if accepted runs) one buffer; returns 1 if the loader accepted it */
static int try_chunk(const unsigned char *p, size_t n, int run) {
  lua_State *L = sandbox();
  int ok;
  if (L == NULL) return 0;
  ok = luaL_loadbuffer(L, (const char *)p, n, "=mutant") == 0;
  if (ok && run) {
    steps = 0;
    lua_pcall(L, 0, LUA_MULTRET, 0);
  } else if (!ok && !lua_isstring(L, -1)) {
    fprintf(stderr, "load error is not a string\n");
    exit(1);
  }
  lua_close(L);
  if (heap_used != 0) {
    fprintf(stderr, "leak: %lu bytes after lua_close\n", (unsigned long)heap_used);
    exit(1);
  }
  return ok;
}

typedef struct Buf { unsigned char *p; size_t n; } Buf;
static int writer(lua_State *L, const void *p, size_t sz, void *ud) {
  Buf *b = (Buf *)ud;
  (void)L;
  b->p = (unsigned char *)realloc(b->p, b->n + sz);
  if (b->p == NULL) return 1;
  memcpy(b->p + b->n, p, sz);
  b->n += sz;
  return 0;
}

static Buf compile(const char *src, int strip_lines) {
  Buf b = { NULL, 0 };
  lua_State *L = luaL_newstate();
  (void)strip_lines;
  if (luaL_loadstring(L, src) != 0) {
    fprintf(stderr, "seed does not compile: %s\n", lua_tostring(L, -1));
    exit(1);
  }
  if (lua_dump(L, writer, &b) != 0 || b.p == NULL) {
    fprintf(stderr, "lua_dump failed\n");
    exit(1);
  }
  lua_close(L);
  return b;
}

static void mutate(unsigned char *m, size_t *n, size_t hdr) {
  static const uint32_t words[] = { 0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0xffff, 0x10000,
                                    0x7fffffff, 0x80000000u, 0xffffffffu, 0xfffffffeu, 250, 255 };
  int k, edits = 1 + (int)(next32() % 4);
  for (k = 0; k < edits && *n > hdr; k++) {
    size_t at = hdr + next32() % (*n - hdr);
    switch (next32() % 5) {
      case 0: m[at] ^= (unsigned char)(1u << (next32() % 8)); break;
      case 1: m[at] = (unsigned char)next32(); break;
      case 2: {   /* an interesting 32-bit word, little-endian */
        uint32_t w = words[next32() % (sizeof words / sizeof words[0])];
        size_t i;
        for (i = 0; i < 4 && at + i < *n; i++) m[at + i] = (unsigned char)(w >> (8 * i));
        break;
      }
      case 3: if (next32() % 8 == 0) *n = at; break;   /* truncate, now and then */
      default: {   /* a random instruction-sized word: opcodes and operands at random */
        size_t i;
        uint32_t w = next32();
        at &= ~(size_t)3;
        for (i = 0; i < 4 && at + i < *n; i++) m[at + i] = (unsigned char)(w >> (8 * i));
        break;
      }
    }
  }
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 20000;
  long i, accepted_bin = 0, accepted_src = 0;
  size_t np = sizeof progs / sizeof progs[0], j;
  Buf seeds[sizeof progs / sizeof progs[0]];
  for (j = 0; j < np; j++) {
    seeds[j] = compile(progs[j], 0);
    if (!try_chunk(seeds[j].p, seeds[j].n, 1)) {   /* the unmutated chunk must load */
      fprintf(stderr, "seed %u is refused\n", (unsigned)j);
      return 1;
    }
  }
  for (i = 0; i < n; i++) {   /* binary chunks: past the 12-byte header, mostly */
    const Buf *s = &seeds[i % (long)np];
    size_t len = s->n;
    unsigned char *m = (unsigned char *)malloc(len), *exact;
    memcpy(m, s->p, len);
    mutate(m, &len, (next32() % 16 == 0) ? 0 : 12);
    exact = (unsigned char *)malloc(len ? len : 1);   /* the mutant ends where its block ends */
    memcpy(exact, m, len);
    accepted_bin += try_chunk(exact, len, 1);
    free(exact);
    free(m);
  }
  for (i = 0; i < n; i++) {   /* sources: through the lexer, the parser and the code generator */
    const char *src = progs[i % (long)np];
    size_t len = strlen(src);
    unsigned char *m = (unsigned char *)malloc(len), *exact;
    memcpy(m, src, len);
    mutate(m, &len, 0);
    if (len > 0 && m[0] == 0x1b) m[0] = ' ';   /* stay a source */
    exact = (unsigned char *)malloc(len ? len : 1);
    memcpy(exact, m, len);
    accepted_src += try_chunk(exact, len, 1);
    free(exact);
    free(m);
  }
  for (j = 0; j < np; j++) free(seeds[j].p);
  printf("%ld binary mutants, %ld accepted and run; %ld source mutants, %ld compiled and run\n",
         n, accepted_bin, n, accepted_src);
  /* a mutation test that accepts nothing, or everything, is not testing the verifier */
  if (accepted_bin == 0 || accepted_bin == n || accepted_src == 0 || accepted_src == n) {
    fprintf(stderr, "implausible acceptance counts\n");
    return 1;
  }
  return 0;
}
