/*
** test_lfs_store.c -- a store mapped PROT_READ, used from Lua: any write into it crashes.
** Builds an image of two modules in-process, maps it read-only at its own address, attaches
** it to a new state before the first string and checks:
**   - layout self-check, validation with the bytecode verifier;
**   - interning returns the flash string (pointer in the mapping), no RAM copy is made, and
**     debug.getstrings('RAM') does not list module constants, even after string building;
**   - closures over flash protos, upvalues, coroutines, varargs, string.dump, setfenv;
**   - full and incremental collections, weak tables holding flash strings and functions;
**   - error messages, tracebacks and debug.getinfo with flash sources;
**   - node.LFS.get/list/config/time/<name>, the package.loaders searcher, debug.getstrings;
**   - the runtime's fixed strings are in flash: a fresh state has almost no RAM strings.
** Exits 0 on success.
*/
#include "lfs_testutil.h"

static int failures = 0;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", \
                                          __FILE__, __LINE__, #c); failures++; } } while (0)

static const TMod mods[] = {
  { "lfsmod",
    "local M = {}\n"
    "M.name = 'lfs_unique_constant_alpha'\n"
    "M.pi = 3.25\n"
    "M.flag = true\n"
    "local count = 0\n"
    "function M.counter()\n"
    "  count = count + 1\n"
    "  return count\n"
    "end\n"
    "function M.fail(msg)\n"
    "  error(msg or 'boom from flash')\n"                   /* line 11 */
    "end\n"
    "function M.info() return debug.getinfo(1, 'Sl') end\n"
    "function M.gen(n)\n"
    "  return coroutine.wrap(function()\n"
    "    for i = 1, n do coroutine.yield(i * 2) end\n"
    "  end)\n"
    "end\n"
    "function M.concat(...) return table.concat({...}, 'lfs_sep_constant') end\n"
    "function M.tb() return debug.traceback('tb here') end\n"
    "function M.mk(k) local t = {} t[k] = 'lfs_value_constant' return t end\n"
    "function M.varargs(...) return select('#', ...), ... end\n"
    "function M.index(t) return t.nofield.x end\n"           /* line 23 */
    "return M\n" },
  { "lfsother",
    "local name = ...\n"
    "return { greet = function(n) return 'hello ' .. n end, kw = 'while', name = name }\n" },
};

static const unsigned char *map_lo, *map_hi;

static int isflash(lua_State *L) {
  const char *s = lua_tostring(L, 1);
  lua_pushboolean(L, s != NULL && (const unsigned char *)s >= map_lo && (const unsigned char *)s < map_hi);
  return 1;
}

/* the runtime's own copy of a compiled-in string (FL_ROM: an image refers to it instead of
** storing one); without compiled-in strings, the image stores them: a flash string */
static int isfixed(lua_State *L) {
  unsigned n, i;
  const FString *const *fix = flE_fixedstrings(&n);
  const char *s = lua_tostring(L, 1);
  if (n == 0) return isflash(L);
  for (i = 0; i < n && fl_getstr(fix[i]) != s; i++) {}
  lua_pushboolean(L, i < n);
  return 1;
}

static const char *script =
  "local function check(c, msg) if not c then error('check failed: ' .. msg, 2) end end\n"
  "check(package.loaders[2] ~= nil and package.loaders[1] ~= package.loaders[2], 'searcher')\n"
  "local m = require 'lfsmod'\n"
  "check(package.loaded.lfsmod == m, 'loaded')\n"
  "check(isflash(m.name) and m.pi == 3.25 and m.flag == true, 'constants')\n"
  "local built = ('lfs_unique_'):rep(1) .. 'constant' .. '_' .. string.char(97) .. 'lpha'\n"
  "check(built == m.name and isflash(built), 'runtime string is the flash string')\n"
  "local consts = { lfs_unique_constant_alpha = 1, lfs_sep_constant = 1, lfs_value_constant = 1,\n"
  "  ['boom from flash'] = 1, counter = 1, lfsother = 1, greet = 1, ['hello '] = 1 }\n"
  "for _, s in ipairs(debug.getstrings('RAM')) do check(not consts[s], 'RAM copy of ' .. s) end\n"
  "local rom = debug.getstrings('ROM')\n"
  "local seen = {}\n"
  "for i, s in ipairs(rom) do seen[s] = true if i > 1 then check(rom[i-1] < s, 'ROM sorted') end end\n"
  "check(seen.lfs_unique_constant_alpha and seen.lfs_sep_constant and seen['while'] and seen.print, 'ROM list')\n"
  "local ram = debug.getstrings()\n"
  "for i = 2, #ram do check(ram[i-1] < ram[i], 'RAM sorted') end\n"
  /* closures, upvalues, coroutines, varargs */
  "check(m.counter() == 1 and m.counter() == 2, 'upvalues')\n"
  "local g = m.gen(3) check(g() == 2 and g() == 4 and g() == 6, 'coroutine')\n"
  "check(m.concat('a', 'b') == 'alfs_sep_constantb', 'concat')\n"
  "local n, a, b = m.varargs('x', nil) check(n == 2 and a == 'x' and b == nil, 'varargs')\n"
  /* errors and debug info from flash */
  "local ok, e = pcall(m.fail) check(not ok and e == 'lfsmod.lua:11: boom from flash', 'error: ' .. tostring(e))\n"
  "ok, e = pcall(m.index, {}) check(e == \"lfsmod.lua:23: attempt to index field 'nofield' (a nil value)\", 'index error: ' .. tostring(e))\n"
  "local info = m.info() check(info.source == '@lfsmod.lua' and info.short_src == 'lfsmod.lua' and info.currentline == 13 and info.what == 'Lua', 'getinfo')\n"
  "info = debug.getinfo(m.fail) check(info.linedefined == 10 and info.lastlinedefined == 12 and info.nups == 0, 'getinfo f')\n"
  "check(m.tb():find('lfsmod.lua:20: in function', 1, true), 'traceback')\n"
  "check(debug.getlocal(1, 1) == 'check', 'getlocal')\n"
  "check(debug.getupvalue(m.counter, 1) == 'count', 'upvalue name')\n"
  "local d = loadstring(string.dump(m.mk)) check(d('k').k == 'lfs_value_constant', 'dump')\n"
  "local f2 = node.LFS.get('lfsmod') setfenv(f2, {}) check(getfenv(f2).print == nil and getfenv(m.mk).print == print, 'setfenv')\n"
  /* node.LFS */
  "local names = node.LFS.list() check(#names == 2 and names[1] == 'lfsmod' and names[2] == 'lfsother', 'list')\n"
  "check(type(node.LFS.lfsother) == 'function' and node.LFS.nope == nil and node.LFS.get('nope') == nil, 'get')\n"
  "check(node.LFS.lfsother('nm').name == 'nm' and node.LFS.lfsother().kw == 'while', 'call')\n"
  "check(isfixed(node.LFS.lfsother().kw) and isfixed('while') and isflash('while') == not HASROM, 'fixed')\n"
  "check(isflash(m.name) and not (HASROM and isfixed(m.name)), 'fixed 2')\n"
  "local c = node.LFS.config check(c.used > 0 and c.size >= c.used and c.reason == nil and c.modules == 2, 'config')\n"
  "check(node.LFS.time == 1234567890, 'time')\n"
  "check(require('lfsother').greet('x') == 'hello x', 'require 2')\n"
  /* the compiler still sees keywords as keywords (read-only reserved words) */
  "check(loadstring('local x = 0 while x < 3 do x = x + 1 end return x')() == 3, 'keywords')\n"
  /* the collector: weak tables holding flash strings and flash functions, lots of garbage */
  "local wk = setmetatable({}, {__mode = 'k'})\n"
  "local wv = setmetatable({}, {__mode = 'v'})\n"
  "wk[m.name] = 1 wv[1] = m.name wv[2] = node.LFS.get('lfsmod') wk[m.fail] = 2\n"
  "for r = 1, 30 do\n"
  "  local t = {}\n"
  "  for i = 1, 300 do t[i] = { m.mk(m.name .. i), m.concat(i, m.name), m.counter } end\n"
  "  if r % 10 == 0 then collectgarbage() else collectgarbage('step', 1) end\n"
  "end\n"
  "collectgarbage() collectgarbage()\n"
  "check(wk[m.name] == 1 and wv[1] == m.name and wk[m.fail] == 2 and wv[2] == nil, 'weak tables')\n"
  "check(m.counter() > 2 and m.mk('q').q == 'lfs_value_constant', 'after gc')\n"
  "return 'ok'\n";

int main(void) {
  TMod all[2];
  size_t len, maplen;
  unsigned char *img, *m;
  LfsStore *store;
  lua_State *L;
  char why[LFS_REASON_SIZE];
  double with, without;
  int ok;
  memcpy(all, mods, sizeof all);
  CHECK(lfs_layout_selfcheck());
  img = tu_build(all, 2, NULL, 0, &len);
  m = tu_map(img, len, &maplen);
  CHECK(lfs_validate(m, len, (uint64_t)(uintptr_t)m, LFS_V_CODE, tu_alloc, NULL, why, sizeof why));
  if (mprotect(m, maplen, PROT_READ) != 0) { perror("mprotect"); return 2; }
  map_lo = m;
  map_hi = m + len;

  /* RAM at start without and with the store */
  L = luaL_newstate();
  luaL_openlibs(L);
  lua_gc(L, LUA_GCCOLLECT, 0);
  without = lua_gc(L, LUA_GCCOUNT, 0) + lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0;
  lua_close(L);

  ok = lfs_store_open(&store, m, maplen, NULL, tu_alloc, NULL);
  CHECK(ok);
  if (!ok) { fprintf(stderr, "store: %s\n", lfs_store_reason(store)); return 1; }
  L = lfs_newstate(tu_alloc, NULL, store);
  luaL_openlibs(L);
  lua_gc(L, LUA_GCCOLLECT, 0);
  with = lua_gc(L, LUA_GCCOUNT, 0) + lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0;
  printf("collectgarbage('count') after luaL_openlibs: %.1f KB without a store, %.1f KB with\n",
         without, with);
#if defined(FL_ROM)
  CHECK(with <= without);          /* nothing left in RAM for a store to save */
#else
  CHECK(with < without);
#endif
  CHECK(G(L)->strt.nuse < 8);      /* the fixed strings are in flash */

  /* interning finds flash strings: same pointer, nothing added to the RAM table */
  {
    lu_int32 before = G(L)->strt.nuse;
    const char *p;
    lua_pushliteral(L, "lfs_unique_constant_alpha");
    p = lua_tostring(L, -1);
    CHECK((const unsigned char *)p >= map_lo && (const unsigned char *)p < map_hi);
    lua_pushliteral(L, "setmetatable");
#if defined(FL_ROM)   /* compiled in: the image has no copy, interning finds the runtime's */
    p = lua_tostring(L, -1);
    CHECK(!((const unsigned char *)p >= map_lo && (const unsigned char *)p < map_hi));
    CHECK(flC_isro(fl_obj2gco(fl_strv(L->top - 1))));
#else
    CHECK((const unsigned char *)lua_tostring(L, -1) >= map_lo);
#endif
    CHECK(G(L)->strt.nuse == before);
    lua_pop(L, 2);
  }
  lua_register(L, "isflash", isflash);
  lua_register(L, "isfixed", isfixed);
  {
    unsigned n;
    lua_pushboolean(L, flE_fixedstrings(&n) != NULL);   /* compiled-in strings: not in the image */
    lua_setglobal(L, "HASROM");
  }
  if (luaL_loadstring(L, script) != 0 || lua_pcall(L, 0, 1, 0) != 0) {
    fprintf(stderr, "script: %s\n", lua_tostring(L, -1));
    failures++;
  } else
    CHECK(strcmp(lua_tostring(L, -1), "ok") == 0);
  lua_close(L);
  lfs_store_free(store, tu_alloc, NULL);
  munmap(m, maplen);
  free(img);
  if (failures == 0) printf("test_lfs_store: ok\n");
  return failures != 0;
}
