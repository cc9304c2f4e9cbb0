/*
** fl_iolib.c -- the io library (reference manual section 5.7), on the public C API only.
**
** A file handle is a full userdata holding one FILE* (NULL once closed) whose metatable is
** registry["FILE*"]. As in Lua 5.1, the way a handle is closed is kept in the handle's
** environment table, field "__close" (fclose, pclose, or the refusal for standard files).
** The library's private state is one table S, registry[&iokey]: S[1] is the default input file,
** S[2] the default output file, S.__close is fclose (S is the environment of the handles io
** functions make), S[3] and S[4] the environments of pipes and standard files. S and the
** standard files are made by io_fill: at opening in a RAM build, on first use in an FL_ROM build
** (where io is a read-only table whose lazy fields are stdin, stdout, stderr).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_port.h"
#include "fl_romlib.h"

#define IO_IN   1   /* keys of the default files in the io state */
#define IO_OUT  2
#define IO_PIPEENV 3   /* environment of pipes */
#define IO_STDENV  4   /* environment of the standard files */

static char iokey;     /* registry[&iokey]: the io state */

static int io_fill(lua_State *L);

/* Push the io state, made now if it is not yet. */
static void pushstate(lua_State *L) {
  lua_pushlightuserdata(L, &iokey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushcfunction(L, io_fill);
#if defined(FL_ROM)
    flR_pushtable(L, &flR_io);
#else
    lua_getglobal(L, LUA_IOLIBNAME);
#endif
    lua_call(L, 1, 0);
    lua_pushlightuserdata(L, &iokey);
    lua_rawget(L, LUA_REGISTRYINDEX);
  }
}

/* The results of an operation: true, or nil + message + errno. */
static int io_result(lua_State *L, int ok, const char *fname) {
  int en = errno;  /* the calls below must not change the reported error */
  if (ok) {
    lua_pushboolean(L, 1);
    return 1;
  }
  lua_pushnil(L);
  if (fname) lua_pushfstring(L, "%s: %s", fname, strerror(en));
  else lua_pushstring(L, strerror(en));
  lua_pushinteger(L, en);
  return 3;
}

/* A file could not be opened for argument narg: raise "bad argument" with the reason. */
static void open_error(lua_State *L, int narg, const char *fname) {
  lua_pushfstring(L, "%s: %s", fname, strerror(errno));
  luaL_argerror(L, narg, lua_tostring(L, -1));
}

#define tohandle(L)  ((FILE **)luaL_checkudata(L, 1, LUA_FILEHANDLE))

static FILE *tofile(lua_State *L) {
  FILE **pf = tohandle(L);
  if (*pf == NULL) luaL_error(L, "attempt to use a closed file");
  return *pf;
}

/* Push a new (still closed) handle. Its environment (S, or S[env]) gives its "__close". */
static FILE **newhandle(lua_State *L, int env) {
  FILE **pf = (FILE **)lua_newuserdata(L, sizeof(FILE *));
  *pf = NULL;
  luaL_getmetatable(L, LUA_FILEHANDLE);
  lua_setmetatable(L, -2);
  pushstate(L);
  if (env != 0) lua_rawgeti(L, -1, env);
  lua_setfenv(L, env != 0 ? -3 : -2);
  if (env != 0) lua_pop(L, 1);
  return pf;
}

/* ---- closing functions, found in the handles' environments */

static int close_std(lua_State *L) {
  lua_pushnil(L);
  lua_pushliteral(L, "cannot close standard file");
  return 2;
}

static int close_file(lua_State *L) {
  FILE **pf = tohandle(L);
  int ok = fclose(*pf) == 0;
  *pf = NULL;
  return io_result(L, ok, NULL);
}

static int close_pipe(lua_State *L) {
  FILE **pf = tohandle(L);
  int ok = fl_port_pclose(L, *pf);
  *pf = NULL;
  return io_result(L, ok, NULL);
}

/* Close the open handle at index 1 with its environment's "__close" (called directly, as
** 5.1 does). A handle made by a foreign module without one is closed with fclose. */
static int aux_close(lua_State *L) {
  lua_CFunction cls = NULL;
  lua_getfenv(L, 1);
  if (lua_istable(L, -1)) {
    lua_getfield(L, -1, "__close");
    cls = lua_tocfunction(L, -1);
  }
  lua_settop(L, 1);
  return (cls != NULL ? cls : close_file)(L);
}

/* ---- methods */

/* io.close([f]): without argument, the default output */
static int io_close(lua_State *L) {
  if (lua_isnone(L, 1)) {
    pushstate(L);
    lua_rawgeti(L, 1, IO_OUT);
    lua_remove(L, 1);
  }
  tofile(L);
  return aux_close(L);
}

/* f:close(). As in 5.1, a call without argument looks at [2] of the function's environment
** (the globals, where it is normally nil). */
static int f_close(lua_State *L) {
  if (lua_isnone(L, 1)) lua_rawgeti(L, LUA_ENVIRONINDEX, IO_OUT);
  tofile(L);
  return aux_close(L);
}

static int io_gc(lua_State *L) {
  if (*tohandle(L) != NULL) aux_close(L);
  return 0;
}

static int io_tostring(lua_State *L) {
  FILE *f = *tohandle(L);
  if (f == NULL) lua_pushliteral(L, "file (closed)");
  else lua_pushfstring(L, "file (%p)", (void *)f);
  return 1;
}

/* ---- reading */

/* "*l": one line without its end of line; fails only at end of file with nothing read.
** fgets works in chunks of the buffer size (a '\0' in a line ends the chunk, as in 5.1). */
static int read_line(lua_State *L, FILE *f) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (;;) {
    char *p = luaL_prepbuffer(&b);
    size_t n;
    if (fgets(p, LUAL_BUFFERSIZE, f) == NULL) {
      luaL_pushresult(&b);
      return lua_objlen(L, -1) > 0;
    }
    n = strlen(p);
    if (n > 0 && p[n - 1] == '\n') {
      luaL_addsize(&b, n - 1);
      luaL_pushresult(&b);
      return 1;
    }
    luaL_addsize(&b, n);
  }
}

/* Up to n bytes; fails only when nothing at all could be read (n > 0). */
static int read_chars(lua_State *L, FILE *f, size_t n) {
  luaL_Buffer b;
  size_t chunk = LUAL_BUFFERSIZE, got;
  luaL_buffinit(L, &b);
  do {
    char *p = luaL_prepbuffer(&b);
    if (chunk > n) chunk = n;
    got = fread(p, 1, chunk, f);
    luaL_addsize(&b, got);
    n -= got;
  } while (n > 0 && got == chunk);
  luaL_pushresult(&b);
  return n == 0 || lua_objlen(L, -1) > 0;
}

/* read(0): "" unless at end of file */
static int test_eof(lua_State *L, FILE *f) {
  int c = getc(f);
  ungetc(c, f);
  lua_pushliteral(L, "");
  return c != EOF;
}

static int read_number(lua_State *L, FILE *f) {
#if defined(FL_NUMBER_INTEGRAL)
  long v;
  if (fscanf(f, "%ld", &v) == 1) {
    lua_pushnumber(L, (lua_Number)v);
    return 1;
  }
#else
  lua_Number v;
  if (fscanf(f, LUA_NUMBER_SCAN, &v) == 1) {
    lua_pushnumber(L, v);
    return 1;
  }
#endif
  lua_pushnil(L);
  return 0;
}

/* Common body of io.read and f:read. The formats are the nargs values from index 'first'
** (the file itself sits either just before them or just after them). Results stop at the
** first failure, which gives nil. */
static int g_read(lua_State *L, FILE *f, int first) {
  int nargs = lua_gettop(L) - 1;
  int ok = 1, n;
  clearerr(f);
  if (nargs == 0) {
    ok = read_line(L, f);
    n = first + 1;
  }
  else {
    luaL_checkstack(L, nargs + LUA_MINSTACK, "too many arguments");
    for (n = first; nargs-- > 0 && ok; n++) {
      if (lua_type(L, n) == LUA_TNUMBER) {
        size_t k = (size_t)lua_tointeger(L, n);  /* negative: "as much as possible" */
        ok = (k == 0) ? test_eof(L, f) : read_chars(L, f, k);
      }
      else {
        const char *p = lua_tostring(L, n);
        luaL_argcheck(L, p != NULL && p[0] == '*', n, "invalid option");
        switch (p[1]) {
          case 'n': ok = read_number(L, f); break;
          case 'l': ok = read_line(L, f); break;
          case 'a': read_chars(L, f, ~(size_t)0); ok = 1; break;
          default: return luaL_argerror(L, n, "invalid format");
        }
      }
    }
  }
  if (ferror(f)) return io_result(L, 0, NULL);
  if (!ok) {
    lua_pop(L, 1);
    lua_pushnil(L);
  }
  return n - first;
}

static int f_read(lua_State *L) {
  return g_read(L, tofile(L), 2);
}

/* The iterator of lines(): upvalues are the handle and whether to close it at the end. */
static int lines_iter(lua_State *L) {
  FILE *f = *(FILE **)lua_touserdata(L, lua_upvalueindex(1));
  int ok;
  if (f == NULL) luaL_error(L, "file is already closed");
  ok = read_line(L, f);
  if (ferror(f)) return luaL_error(L, "%s", strerror(errno));
  if (ok) return 1;
  if (lua_toboolean(L, lua_upvalueindex(2))) {
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));
    aux_close(L);
  }
  return 0;
}

static void push_lines(lua_State *L, int idx, int toclose) {
  lua_pushvalue(L, idx);
  lua_pushboolean(L, toclose);
  lua_pushcclosure(L, lines_iter, 2);
}

static int f_lines(lua_State *L) {
  tofile(L);
  push_lines(L, 1, 0);
  return 1;
}

/* ---- writing */

static int g_write(lua_State *L, FILE *f, int arg) {
  int nargs = lua_gettop(L) - 1;
  int ok = 1;
  for (; nargs-- > 0; arg++) {
    if (lua_type(L, arg) == LUA_TNUMBER) {
      ok = ok && fprintf(f, LUA_NUMBER_FMT, (LUAI_UACNUMBER)lua_tonumber(L, arg)) > 0;
    }
    else {
      size_t len;
      const char *s = luaL_checklstring(L, arg, &len);
      ok = ok && fwrite(s, 1, len, f) == len;
    }
  }
  return io_result(L, ok, NULL);
}

static int f_write(lua_State *L) {
  return g_write(L, tofile(L), 2);
}

static int f_flush(lua_State *L) {
  return io_result(L, fflush(tofile(L)) == 0, NULL);
}

static int f_seek(lua_State *L) {
  static const int whence[] = { SEEK_SET, SEEK_CUR, SEEK_END };
  static const char *const names[] = { "set", "cur", "end", NULL };
  FILE *f = tofile(L);
  int op = luaL_checkoption(L, 2, "cur", names);
  long off = luaL_optlong(L, 3, 0);
  if (fseek(f, off, whence[op]) != 0) return io_result(L, 0, NULL);
  lua_pushinteger(L, (lua_Integer)ftell(f));
  return 1;
}

static int f_setvbuf(lua_State *L) {
  static const int modes[] = { _IONBF, _IOFBF, _IOLBF };
  static const char *const names[] = { "no", "full", "line", NULL };
  FILE *f = tofile(L);
  int op = luaL_checkoption(L, 2, NULL, names);
  lua_Integer sz = luaL_optinteger(L, 3, LUAL_BUFFERSIZE);
  return io_result(L, setvbuf(f, NULL, modes[op], (size_t)sz) == 0, NULL);
}

/* ---- io.* functions (they run with the io environment) */

static int io_open(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");  /* 5.1 hands any mode to fopen */
  FILE **pf = newhandle(L, 0);
  *pf = fopen(name, mode);
  return *pf != NULL ? 1 : io_result(L, 0, name);
}

static int io_popen(lua_State *L) {
  const char *cmd = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");
  FILE **pf = newhandle(L, IO_PIPEENV);
  *pf = fl_port_popen(L, cmd, mode);
  return *pf != NULL ? 1 : io_result(L, 0, cmd);
}

static int io_tmpfile(lua_State *L) {
  FILE **pf = newhandle(L, 0);
  *pf = tmpfile();
  return *pf != NULL ? 1 : io_result(L, 0, NULL);
}

static int io_type(lua_State *L) {
  FILE **pf;
  luaL_checkany(L, 1);
  pf = (FILE **)lua_touserdata(L, 1);
  luaL_getmetatable(L, LUA_FILEHANDLE);
  if (pf == NULL || !lua_getmetatable(L, 1) || !lua_rawequal(L, -1, -2))
    lua_pushnil(L);
  else if (*pf == NULL)
    lua_pushliteral(L, "closed file");
  else
    lua_pushliteral(L, "file");
  return 1;
}

/* The default input or output file, which must be open. */
static FILE *getdefault(lua_State *L, int which) {
  FILE **pf;
  pushstate(L);
  lua_rawgeti(L, -1, which);
  lua_remove(L, -2);
  pf = (FILE **)lua_touserdata(L, -1);
  if (pf == NULL || *pf == NULL)
    luaL_error(L, "standard %s file is closed", which == IO_IN ? "input" : "output");
  return *pf;
}

/* io.input / io.output: set from a file name or a handle, then return the current one. */
static int setdefault(lua_State *L, int which, const char *mode) {
  int s = 2;
  lua_settop(L, 1);
  pushstate(L);
  if (!lua_isnoneornil(L, 1)) {
    const char *name = lua_tostring(L, 1);
    if (name != NULL) {
      FILE **pf = newhandle(L, 0);
      *pf = fopen(name, mode);
      if (*pf == NULL) open_error(L, 1, name);
    }
    else {
      tofile(L);
      lua_pushvalue(L, 1);
    }
    lua_rawseti(L, s, which);
  }
  lua_rawgeti(L, s, which);
  return 1;
}

static int io_input(lua_State *L) {
  return setdefault(L, IO_IN, "r");
}

static int io_output(lua_State *L) {
  return setdefault(L, IO_OUT, "w");
}

static int io_lines(lua_State *L) {
  const char *name;
  FILE **pf;
  if (lua_isnoneornil(L, 1)) {
    /* the default input, checked as argument 1 (so an explicit nil is an error, as in 5.1) */
    pushstate(L);
    lua_rawgeti(L, -1, IO_IN);
    lua_remove(L, -2);
    return f_lines(L);
  }
  name = luaL_checkstring(L, 1);
  pf = newhandle(L, 0);
  *pf = fopen(name, "r");
  if (*pf == NULL) open_error(L, 1, name);
  push_lines(L, lua_gettop(L), 1);
  return 1;
}

static int io_read(lua_State *L) {
  return g_read(L, getdefault(L, IO_IN), 1);
}

static int io_write(lua_State *L) {
  return g_write(L, getdefault(L, IO_OUT), 1);
}

static int io_flush(lua_State *L) {
  return io_result(L, fflush(getdefault(L, IO_OUT)) == 0, NULL);
}

static const luaL_Reg io_funcs[] = {
  { "close", io_close },
  { "flush", io_flush },
  { "input", io_input },
  { "lines", io_lines },
  { "open", io_open },
  { "output", io_output },
  { "popen", io_popen },
  { "read", io_read },
  { "tmpfile", io_tmpfile },
  { "type", io_type },
  { "write", io_write },
  { NULL, NULL }
};

static const luaL_Reg file_methods[] = {
  { "close", f_close },
  { "flush", f_flush },
  { "lines", f_lines },
  { "read", f_read },
  { "seek", f_seek },
  { "setvbuf", f_setvbuf },
  { "write", f_write },
  { "__gc", io_gc },
  { "__tostring", io_tostring },
  { NULL, NULL }
};

/* push a new environment table whose "__close" is cls */
static void push_closeenv(lua_State *L, lua_CFunction cls) {
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, cls);
  lua_setfield(L, -2, "__close");
}

/* io.<name> = a handle of f whose environment is S[IO_STDENV]; S[k] = it if k > 0.
** Stack on entry: io table, S. */
static void std_handle(lua_State *L, FILE *f, int k, const char *name) {
  FILE **pf = (FILE **)lua_newuserdata(L, sizeof(FILE *));
  *pf = f;
  luaL_getmetatable(L, LUA_FILEHANDLE);
  lua_setmetatable(L, -2);
  lua_rawgeti(L, -2, IO_STDENV);
  lua_setfenv(L, -2);
  if (k > 0) {
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, k);
  }
  lua_setfield(L, -3, name);
}

/* Make the io state S and the standard files (io table at 1). In an FL_ROM build this is the
** filler of the read-only io table's lazy fields (see docs/ram-at-rest.md). */
static int io_fill(lua_State *L) {
  int nargs = lua_gettop(L);
  flR_lazystart(L, 1);
  lua_pushlightuserdata(L, &iokey);
  push_closeenv(L, close_file);      /* S: every handle an io function makes closes with fclose */
  push_closeenv(L, close_pipe);
  lua_rawseti(L, -2, IO_PIPEENV);
  push_closeenv(L, close_std);
  lua_rawseti(L, -2, IO_STDENV);
  lua_rawset(L, LUA_REGISTRYINDEX);
  lua_pushvalue(L, 1);
  lua_pushlightuserdata(L, &iokey);
  lua_rawget(L, LUA_REGISTRYINDEX);
  std_handle(L, stdin, IO_IN, "stdin");
  std_handle(L, stdout, IO_OUT, "stdout");
  std_handle(L, stderr, 0, "stderr");
  return flR_lazydone(L, nargs);
}

LUALIB_API int luaopen_io(lua_State *L) {
#if defined(FL_ROM)
  /* io, its functions and the handles' metatable are read-only: the state waits for a use */
  (void)io_funcs;
  (void)file_methods;
  flR_openlib(L, LUA_IOLIBNAME, &flR_io);
#else
  /* the handles' metatable; its methods keep the caller's environment */
  luaL_newmetatable(L, LUA_FILEHANDLE);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  luaL_register(L, NULL, file_methods);
  lua_pop(L, 1);
  luaL_register(L, LUA_IOLIBNAME, io_funcs);
  lua_pushcfunction(L, io_fill);
  lua_pushvalue(L, -2);
  lua_call(L, 1, 0);
#endif
  return 1;
}

#if defined(FL_ROM)
#include "rom_fl_iolib.inc"   /* the closures of the read-only tables */
#endif
