/*
** test_lfs_mutate.c -- deterministic mutation test of the image validator:
**   test_lfs_mutate [N]     (default 100000 mutants)
** Images of a few modules are built in-process for this host (validated with the bytecode
** verifier, at the buffer's own address) and for le32-double (validated generically, position
** independent). Each mutant is a copy with bit flips, random bytes, interesting words or a
** truncation; most get their CRC fixed so that the structural checks are reached. The mutant
** sits at the end of an exactly sized heap block, so ASan sees any read past it. An accepted
** native mutant must also relocate and re-validate, open as a store, and run its modules
** (sandboxed libraries, instruction and memory limits) without crashing.
** Prints how many mutants were accepted; exits 0 unless something crashed or misbehaved.
*/
#include "lfs_testutil.h"

static const TMod mods[] = {
  { "alpha",
    "local M = {}\n"
    "local t = { 1, 2.5, 'three', true, nil, x = 'ex' }\n"
    "function M.sum(a, ...) local s = a or 0 for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s end\n"
    "function M.cat(t) local r = {} for k, v in pairs(t) do r[#r + 1] = tostring(k) .. '=' .. tostring(v) end return table.concat(r, ',') end\n"
    "function M.loop(n) local c = 0 while c < n do c = c + 1 if c % 7 == 0 then c = c + 1 end end return c end\n"
    "function M.closure() local u = 0 return function(d) u = u + (d or 1) return u end end\n"
    "M.t = t\n"
    "return M\n" },
  { "beta",
    "local a = require and 1 or 2\n"
    "local s = string.format('%d-%s', 42, 'beta')\n"
    "local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\n"
    "return { s = s, f = fib(12), up = ('x'):upper(), n = #s, cmp = a < 3 and 'lt' or 'ge' }\n" },
  { "gamma", "return function(...) return select('#', ...), ... end\n" },
};

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t next32(void) {   /* xorshift64* */
  rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
  return (uint32_t)((rng * 2685821657736338717ull) >> 32);
}

/* ---- a capped allocator and an instruction limit for running accepted mutants */
static size_t heap_used, heap_cap = 64u << 20;
static void *capped(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  if (nsize == 0) { if (ptr) heap_used -= osize; free(ptr); return NULL; }
  void *np;
  if (nsize > osize && heap_used + (nsize - osize) > heap_cap) return NULL;
  np = realloc(ptr, nsize);
  if (np != NULL) heap_used = heap_used - (ptr ? osize : 0) + nsize;
  return np;
}
static void stop_hook(lua_State *L, lua_Debug *ar) { (void)ar; luaL_error(L, "instruction limit"); }

static int runs = 0;
static void run_store(unsigned char *img, size_t len) {
  LfsStore *s;
  lua_State *L;
  static const luaL_Reg safe[] = {
    { "", luaopen_base }, { "table", luaopen_table }, { "string", luaopen_string },
    { "math", luaopen_math }, { "node", luaopen_node }, { NULL, NULL } };
  const luaL_Reg *r;
  heap_used = 0;
  if (!lfs_store_open(&s, img, len, NULL, capped, NULL)) {
    fprintf(stderr, "accepted image does not open as a store: %s\n", lfs_store_reason(s));
    exit(1);
  }
  L = lfs_newstate(capped, NULL, s);
  if (L != NULL) {
    for (r = safe; r->func; r++) { lua_pushcfunction(L, r->func); lua_pushstring(L, r->name); lua_pcall(L, 1, 0, 0); }
    lua_sethook(L, stop_hook, LUA_MASKCOUNT, 20000);
    luaL_loadstring(L,
      "local n = 0 for _, s in ipairs(debug and debug.getstrings('ROM') or {}) do n = n + #s end\n"
      "for _, name in ipairs(node.LFS.list()) do\n"
      "  local f = node.LFS.get(name)\n"
      "  local ok, m = pcall(f, name)\n"
      "  if ok and type(m) == 'table' then for k, v in pairs(m) do if type(v) == 'function' then pcall(v, 3, 4, 5) end end end\n"
      "  if ok and type(m) == 'function' then pcall(m, 1, 2) end\n"
      "end\n"
      "collectgarbage()\n");
    lua_pcall(L, 0, 0, 0);
    lua_close(L);
    runs++;
  }
  lfs_store_free(s, capped, NULL);
}

static void mutate(unsigned char *b, size_t len, uint64_t base, unsigned ptrsize, size_t *avail) {
  int k, n = 1 + (int)(next32() % 3);
  for (k = 0; k < n; k++) {
    uint32_t r = next32() % 100;
    size_t at = (next32() % 10 == 0) ? next32() % LFS_HEADER_SIZE
                                     : LFS_HEADER_SIZE + next32() % (uint32_t)(len - LFS_HEADER_SIZE);
    if (r < 40)
      b[at] ^= (unsigned char)(1u << (next32() % 8));
    else if (r < 60)
      b[at] = (unsigned char)next32();
    else if (r < 95) {   /* an interesting value in an aligned word */
      uint64_t vals[8];
      uint64_t v;
      at = at / ptrsize * ptrsize;
      if (at + ptrsize > len) continue;
      uint32_t r1 = next32(), r2 = next32(), r3 = next32(), pick = next32() % 8;
      vals[0] = 0; vals[1] = ~0ull; vals[2] = 1 + r1 % 16; vals[3] = base + r2 % len;
      vals[4] = base + (r3 % len) / 8 * 8; vals[5] = 0x80000000u; vals[6] = base + len;
      vals[7] = lfs_getn(b + at, ptrsize, 0) + (r1 % 2 ? 8 : (uint64_t)-8);
      v = vals[pick];   /* (the random draws do not depend on addresses: deterministic) */
      lfs_putn(b + at, ptrsize, 0, v);
    } else {
      *avail = LFS_HEADER_SIZE + next32() % (uint32_t)(len - LFS_HEADER_SIZE);
    }
  }
}

static long campaign(const unsigned char *pristine, size_t len, int native, long count) {
  long i, accepted = 0;
  char why[LFS_REASON_SIZE];
  LfsAbi abi;
  lfs_native_abi(&abi);
  unsigned char *block = (unsigned char *)malloc(len), *tmpl = (unsigned char *)malloc(len);
  memcpy(tmpl, pristine, len);
  if (native) lfs_relocate(tmpl, (uint64_t)(uintptr_t)block);   /* absolute for the block */
  for (i = 0; i < count; i++) {
    unsigned char *b = block;
    size_t avail = len;
    uint64_t base;
    int ok;
    memcpy(b, tmpl, len);
    base = native ? (uint64_t)(uintptr_t)b : 0;
    mutate(b, len, base, native ? abi.ptrsize : 4, &avail);
    if (next32() % 100 < 85 && avail >= LFS_HEADER_SIZE) {   /* fix the CRC: reach the structure */
      uint32_t sz = lfs_get32le(b + LFS_H_SIZE);
      if (sz >= LFS_HEADER_SIZE && sz <= avail) lfs_put32le(b + LFS_H_CRC, lfs_image_crc(b, sz));
    }
    if (avail < len) {   /* truncated: move to an exactly sized block */
      unsigned char *t = (unsigned char *)malloc(avail);
      memcpy(t, b, avail);
      b = t;
      if (native) base = (uint64_t)(uintptr_t)b;   /* (the header still names the old block) */
    }
    ok = lfs_validate(b, avail, base, native ? LFS_V_CODE : LFS_V_ANYABI, tu_alloc, NULL, why, sizeof why);
    if (ok) {
      accepted++;
      if (native) {
        /* valid means usable: relocation keeps it valid, and it runs */
        uint32_t sz = lfs_get32le(b + LFS_H_SIZE);
        unsigned char *c = (unsigned char *)malloc(sz);
        memcpy(c, b, sz);
        lfs_relocate(c, (uint64_t)(uintptr_t)c);
        if (!lfs_validate(c, sz, (uint64_t)(uintptr_t)c, LFS_V_CODE, tu_alloc, NULL, why, sizeof why)) {
          fprintf(stderr, "mutant %ld: valid, but not after relocation: %s\n", i, why);
          if (getenv("LFS_MUTATE_DUMP")) {
            FILE *fp = fopen("mutant-before.img", "wb");
            fwrite(b, 1, sz, fp); fclose(fp);
            fp = fopen("mutant-after.img", "wb");
            fwrite(c, 1, sz, fp); fclose(fp);
            fprintf(stderr, "block %p -> %p\n", (void *)b, (void *)c);
          }
          exit(1);
        }
        if (accepted % 4 == 1 && !getenv("LFS_MUTATE_NORUN")) run_store(c, sz);
        free(c);
      }
    } else if (why[0] == '\0') {
      fprintf(stderr, "mutant %ld: rejected without a reason\n", i);
      exit(1);
    }
    if (b != block) free(b);
  }
  free(block);
  free(tmpl);
  return accepted;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000, a1, a2, a3;
  size_t l1, l2, l3;
  unsigned char *host = tu_build(mods, 3, NULL, 0, &l1);
  unsigned char *hosts = tu_build(mods, 3, NULL, 2, &l2);
  unsigned char *le32;
  char why[LFS_REASON_SIZE];
  LfsAbi abi;
  lfs_native_abi(&abi);
  abi = lfs_targets[0].abi;   /* le32-double */
#if defined(FL_NUMBER_INTEGRAL)
  abi = lfs_targets[2].abi;
#elif defined(FL_NUMBER_FLOAT)
  abi = lfs_targets[1].abi;
#endif
  le32 = tu_build(mods, 3, &abi, 1, &l3);
  if (!lfs_validate(le32, l3, 0, LFS_V_ANYABI, tu_alloc, NULL, why, sizeof why)) {
    fprintf(stderr, "pristine le32 image rejected: %s\n", why);
    return 1;
  }
  a1 = campaign(host, l1, 1, n / 2);
  a2 = campaign(hosts, l2, 1, n / 4);
  a3 = campaign(le32, l3, 0, n - n / 2 - n / 4);
  printf("%ld mutants: host %ld of %ld accepted (%d run), host stripped %ld of %ld, le32 %ld of %ld\n",
         n, a1, n / 2, runs, a2, n / 4, a3, n - n / 2 - n / 4);
  free(host); free(hosts); free(le32);
  return 0;
}
