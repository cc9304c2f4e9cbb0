/*
** fl_auxlib.c -- the auxiliary library (reference manual section 4).
** Built only on the public C API, like any third-party C module.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

/* a pseudo-index or a negative stack index turned into an absolute one */
static int absindex(lua_State *L, int i) {
  return (i < 0 && i > LUA_REGISTRYINDEX) ? lua_gettop(L) + i + 1 : i;
}

/* ---- errors ------------------------------------------------------------------------ */

LUALIB_API int luaL_argerror(lua_State *L, int narg, const char *extramsg) {
  lua_Debug ar;
  if (!lua_getstack(L, 0, &ar))  /* no running function (called from the host) */
    return luaL_error(L, "bad argument #%d (%s)", narg, extramsg);
  lua_getinfo(L, "n", &ar);
  if (ar.namewhat != NULL && strcmp(ar.namewhat, "method") == 0) {
    narg--;  /* the receiver is not counted for a method call */
    if (narg == 0)
      return luaL_error(L, "calling '%s' on bad self (%s)", ar.name, extramsg);
  }
  return luaL_error(L, "bad argument #%d to '%s' (%s)", narg,
                    ar.name ? ar.name : "?", extramsg);
}

LUALIB_API int luaL_typerror(lua_State *L, int narg, const char *tname) {
  const char *msg = lua_pushfstring(L, "%s expected, got %s", tname, luaL_typename(L, narg));
  return luaL_argerror(L, narg, msg);
}

static void typefail(lua_State *L, int narg, int t) {
  luaL_typerror(L, narg, lua_typename(L, t));
}

LUALIB_API void luaL_where(lua_State *L, int level) {
  lua_Debug ar;
  if (lua_getstack(L, level, &ar)) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) {  /* only Lua functions know their line */
      lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
      return;
    }
  }
  lua_pushliteral(L, "");
}

LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  luaL_where(L, 1);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_concat(L, 2);
  return lua_error(L);
}

/* ---- argument checks --------------------------------------------------------------- */

LUALIB_API int luaL_checkoption(lua_State *L, int narg, const char *def,
                                const char *const lst[]) {
  const char *name = def ? luaL_optstring(L, narg, def) : luaL_checkstring(L, narg);
  int i;
  for (i = 0; lst[i]; i++)
    if (strcmp(lst[i], name) == 0) return i;
  return luaL_argerror(L, narg, lua_pushfstring(L, "invalid option '%s'", name));
}

LUALIB_API int luaL_newmetatable(lua_State *L, const char *tname) {
  lua_getfield(L, LUA_REGISTRYINDEX, tname);
  if (!lua_isnil(L, -1)) return 0;  /* already there: leave it on the stack */
  lua_pop(L, 1);
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, tname);
  return 1;
}

LUALIB_API void *luaL_checkudata(lua_State *L, int ud, const char *tname) {
  void *p = lua_touserdata(L, ud);
  if (p != NULL && lua_getmetatable(L, ud)) {
    lua_getfield(L, LUA_REGISTRYINDEX, tname);
    if (lua_rawequal(L, -1, -2)) {
      lua_pop(L, 2);
      return p;
    }
  }
  luaL_typerror(L, ud, tname);
  return NULL;
}

LUALIB_API void luaL_checkstack(lua_State *L, int sz, const char *msg) {
  if (!lua_checkstack(L, sz)) luaL_error(L, "stack overflow (%s)", msg);
}

LUALIB_API void luaL_checktype(lua_State *L, int narg, int t) {
  if (lua_type(L, narg) != t) typefail(L, narg, t);
}

LUALIB_API void luaL_checkany(lua_State *L, int narg) {
  if (lua_type(L, narg) == LUA_TNONE) luaL_argerror(L, narg, "value expected");
}

LUALIB_API const char *luaL_checklstring(lua_State *L, int narg, size_t *len) {
  const char *s = lua_tolstring(L, narg, len);
  if (s == NULL) typefail(L, narg, LUA_TSTRING);
  return s;
}

LUALIB_API const char *luaL_optlstring(lua_State *L, int narg, const char *def, size_t *len) {
  if (lua_isnoneornil(L, narg)) {
    if (len) *len = def ? strlen(def) : 0;
    return def;
  }
  return luaL_checklstring(L, narg, len);
}

LUALIB_API lua_Number luaL_checknumber(lua_State *L, int narg) {
  lua_Number d = lua_tonumber(L, narg);
  if (d == 0 && !lua_isnumber(L, narg)) typefail(L, narg, LUA_TNUMBER);
  return d;
}

LUALIB_API lua_Number luaL_optnumber(lua_State *L, int narg, lua_Number def) {
  return luaL_opt(L, luaL_checknumber, narg, def);
}

LUALIB_API lua_Integer luaL_checkinteger(lua_State *L, int narg) {
  lua_Integer d = lua_tointeger(L, narg);
  if (d == 0 && !lua_isnumber(L, narg)) typefail(L, narg, LUA_TNUMBER);
  return d;
}

LUALIB_API lua_Integer luaL_optinteger(lua_State *L, int narg, lua_Integer def) {
  return luaL_opt(L, luaL_checkinteger, narg, def);
}

/* ---- metafields -------------------------------------------------------------------- */

LUALIB_API int luaL_getmetafield(lua_State *L, int obj, const char *event) {
  if (!lua_getmetatable(L, obj)) return 0;
  lua_pushstring(L, event);
  lua_rawget(L, -2);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 2);
    return 0;
  }
  lua_remove(L, -2);  /* keep only the field */
  return 1;
}

LUALIB_API int luaL_callmeta(lua_State *L, int obj, const char *event) {
  obj = absindex(L, obj);
  if (!luaL_getmetafield(L, obj, event)) return 0;
  lua_pushvalue(L, obj);
  lua_call(L, 1, 1);
  return 1;
}

/* ---- library registration ---------------------------------------------------------- */

/*
** Walks (and creates) the dotted path fname starting at table idx, e.g. "a.b.c".
** Leaves the last table on the stack and returns NULL; if some part exists but is
** not a table, pushes nothing and returns the offending part of fname.
*/
LUALIB_API const char *luaL_findtable(lua_State *L, int idx, const char *fname, int szhint) {
  const char *end;
  lua_pushvalue(L, idx);
  for (;;) {
    end = strchr(fname, '.');
    if (end == NULL) end = fname + strlen(fname);
    lua_pushlstring(L, fname, (size_t)(end - fname));
    lua_rawget(L, -2);
    if (lua_isnil(L, -1)) {  /* missing: create it */
      lua_pop(L, 1);
      lua_createtable(L, 0, *end == '.' ? 1 : szhint);
      lua_pushlstring(L, fname, (size_t)(end - fname));
      lua_pushvalue(L, -2);
      lua_settable(L, -4);
    } else if (!lua_istable(L, -1)) {
      lua_pop(L, 2);
      return fname;
    }
    lua_remove(L, -2);  /* drop the parent */
    if (*end != '.') return NULL;
    fname = end + 1;
  }
}

LUALIB_API void luaL_openlib(lua_State *L, const char *libname, const luaL_Reg *l, int nup) {
  int i;
  if (libname) {
    int n = 0;
    const luaL_Reg *r;
    for (r = l; r->name; r++) n++;
    luaL_findtable(L, LUA_REGISTRYINDEX, "_LOADED", 1);
    lua_getfield(L, -1, libname);  /* reuse package.loaded[libname] if it is a table */
    if (!lua_istable(L, -1)) {
      lua_pop(L, 1);
      if (luaL_findtable(L, LUA_GLOBALSINDEX, libname, n) != NULL)
        luaL_error(L, "name conflict for module '%s'", libname);
      lua_pushvalue(L, -1);
      lua_setfield(L, -3, libname);
    }
    lua_remove(L, -2);  /* _LOADED */
    lua_insert(L, -(nup + 1));  /* the library table goes below the upvalues */
  }
  for (; l->name; l++) {
    for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);  /* every function gets copies */
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}

LUALIB_API void luaL_register(lua_State *L, const char *libname, const luaL_Reg *l) {
  luaL_openlib(L, libname, l, 0);
}

/* ---- references: t[0] heads a free list of released slots ------------------------- */

LUALIB_API int luaL_ref(lua_State *L, int t) {
  int ref;
  t = absindex(L, t);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return LUA_REFNIL;
  }
  lua_rawgeti(L, t, 0);
  ref = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  if (ref != 0) {  /* reuse a freed slot: unlink it */
    lua_rawgeti(L, t, ref);
    lua_rawseti(L, t, 0);
  } else {
    ref = (int)lua_objlen(L, t) + 1;
  }
  lua_rawseti(L, t, ref);
  return ref;
}

LUALIB_API void luaL_unref(lua_State *L, int t, int ref) {
  if (ref >= 0) {
    t = absindex(L, t);
    lua_rawgeti(L, t, 0);
    lua_rawseti(L, t, ref);  /* t[ref] = old head */
    lua_pushinteger(L, ref);
    lua_rawseti(L, t, 0);    /* head = ref */
  }
}

/* ---- string buffers ---------------------------------------------------------------- */
/*
** Full buffers become strings on the Lua stack (B->lvl of them). To keep the stack
** short, a new piece is merged with those below it while it is longer than its
** neighbour (a "tower" of decreasing sizes), or when too many pieces pile up.
*/
#define BUF_MAXPIECES (LUA_MINSTACK / 2)

static int buf_flush(luaL_Buffer *B) {
  size_t n = (size_t)(B->p - B->buffer);
  if (n == 0) return 0;
  lua_pushlstring(B->L, B->buffer, n);
  B->p = B->buffer;
  B->lvl++;
  return 1;
}

static void buf_merge(luaL_Buffer *B) {
  lua_State *L = B->L;
  int n = 1;
  size_t toplen;
  if (B->lvl <= 1) return;
  toplen = lua_objlen(L, -1);
  while (n < B->lvl) {
    size_t below = lua_objlen(L, -(n + 1));
    if (B->lvl - n + 1 >= BUF_MAXPIECES || toplen > below) {
      toplen += below;
      n++;
    } else {
      break;
    }
  }
  lua_concat(L, n);
  B->lvl -= n - 1;
}

LUALIB_API void luaL_buffinit(lua_State *L, luaL_Buffer *B) {
  B->L = L;
  B->p = B->buffer;
  B->lvl = 0;
}

LUALIB_API char *luaL_prepbuffer(luaL_Buffer *B) {
  if (buf_flush(B)) buf_merge(B);
  return B->buffer;
}

LUALIB_API void luaL_addlstring(luaL_Buffer *B, const char *s, size_t l) {
  while (l > 0) {
    size_t room = (size_t)(B->buffer + LUAL_BUFFERSIZE - B->p);
    if (room == 0) {
      luaL_prepbuffer(B);
      continue;
    }
    if (room > l) room = l;
    memcpy(B->p, s, room);
    B->p += room;
    s += room;
    l -= room;
  }
}

LUALIB_API void luaL_addstring(luaL_Buffer *B, const char *s) {
  luaL_addlstring(B, s, strlen(s));
}

LUALIB_API void luaL_pushresult(luaL_Buffer *B) {
  buf_flush(B);
  lua_concat(B->L, B->lvl);
  B->lvl = 1;
}

/* adds the value on top of the stack (a string or number) and pops it */
LUALIB_API void luaL_addvalue(luaL_Buffer *B) {
  lua_State *L = B->L;
  size_t vl;
  const char *s = lua_tolstring(L, -1, &vl);
  if (vl <= (size_t)(B->buffer + LUAL_BUFFERSIZE - B->p)) {
    memcpy(B->p, s, vl);
    B->p += vl;
    lua_pop(L, 1);
  } else {  /* too big: the value becomes a piece of its own */
    if (buf_flush(B)) lua_insert(L, -2);  /* buffered text goes below it */
    B->lvl++;
    buf_merge(B);
  }
}

LUALIB_API const char *luaL_gsub(lua_State *L, const char *s, const char *p, const char *r) {
  luaL_Buffer b;
  size_t lp = strlen(p);
  const char *hit;
  luaL_buffinit(L, &b);
  while ((hit = strstr(s, p)) != NULL) {
    luaL_addlstring(&b, s, (size_t)(hit - s));
    luaL_addstring(&b, r);
    s = hit + lp;
  }
  luaL_addstring(&b, s);
  luaL_pushresult(&b);
  return lua_tostring(L, -1);
}

/* ---- loading chunks ---------------------------------------------------------------- */

typedef struct FileReader {
  int extranl;  /* a skipped '#' line is replaced by "\n" to keep line numbers */
  FILE *f;
  char buf[LUAL_BUFFERSIZE];
} FileReader;

static const char *read_file(lua_State *L, void *ud, size_t *size) {
  FileReader *fr = (FileReader *)ud;
  (void)L;
  if (fr->extranl) {
    fr->extranl = 0;
    *size = 1;
    return "\n";
  }
  if (feof(fr->f)) return NULL;
  *size = fread(fr->buf, 1, sizeof(fr->buf), fr->f);
  return *size > 0 ? fr->buf : NULL;
}

/* pushes "cannot <what> <file>: <reason>" in place of the chunk name at fnidx */
static int file_error(lua_State *L, const char *what, int fnidx) {
  const char *reason = strerror(errno);
  const char *fname = lua_tostring(L, fnidx) + 1;  /* skip the '@' */
  lua_pushfstring(L, "cannot %s %s: %s", what, fname, reason);
  lua_remove(L, fnidx);
  return LUA_ERRFILE;
}

LUALIB_API int luaL_loadfile(lua_State *L, const char *filename) {
  FileReader fr;
  int status, failed, c;
  int fnidx = lua_gettop(L) + 1;
  fr.extranl = 0;
  if (filename == NULL) {
    lua_pushliteral(L, "=stdin");
    fr.f = stdin;
  } else {
    lua_pushfstring(L, "@%s", filename);
    fr.f = fopen(filename, "r");
    if (fr.f == NULL) return file_error(L, "open", fnidx);
  }
  c = getc(fr.f);
  if (c == '#') {  /* skip a "#!" line of an executable script */
    fr.extranl = 1;
    while ((c = getc(fr.f)) != EOF && c != '\n') {}
    if (c == '\n') c = getc(fr.f);
  }
  if (c == LUA_SIGNATURE[0] && filename) {  /* precompiled: read it in binary mode */
    fr.f = freopen(filename, "rb", fr.f);
    if (fr.f == NULL) return file_error(L, "reopen", fnidx);
    while ((c = getc(fr.f)) != EOF && c != LUA_SIGNATURE[0]) {}  /* skip a '#' line */
    fr.extranl = 0;
  }
  ungetc(c, fr.f);
  status = lua_load(L, read_file, &fr, lua_tostring(L, -1));
  failed = ferror(fr.f);
  if (filename) fclose(fr.f);
  if (failed) {
    lua_settop(L, fnidx);  /* drop whatever lua_load left */
    return file_error(L, "read", fnidx);
  }
  lua_remove(L, fnidx);
  return status;
}

typedef struct StringReader {
  const char *s;
  size_t size;
} StringReader;

static const char *read_string(lua_State *L, void *ud, size_t *size) {
  StringReader *sr = (StringReader *)ud;
  (void)L;
  if (sr->size == 0) return NULL;
  *size = sr->size;
  sr->size = 0;
  return sr->s;
}

LUALIB_API int luaL_loadbuffer(lua_State *L, const char *buff, size_t size, const char *name) {
  StringReader sr;
  sr.s = buff;
  sr.size = size;
  return lua_load(L, read_string, &sr, name);
}

LUALIB_API int luaL_loadstring(lua_State *L, const char *s) {
  return luaL_loadbuffer(L, s, strlen(s), s);
}

/* ---- state creation ---------------------------------------------------------------- */

static void *std_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

static int std_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "PANIC: unprotected error in call to Lua API (%s)\n", msg ? msg : "(null)");
  return 0;
}

LUALIB_API lua_State *luaL_newstate(void) {
  lua_State *L = lua_newstate(std_alloc, NULL);
  if (L) lua_atpanic(L, std_panic);
  return L;
}
