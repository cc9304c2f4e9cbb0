/*
** fl_repl.c -- the stand-alone interpreter's front end shared by the ports (see fl_repl.h):
** lua5.1's command line, start-up code and interactive loop. Only the public API is used.
*/
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "fl_repl.h"

const char *fl_repl_progname = "flashlua";

/* ------------------------------------------------------------------ reporting */

void fl_repl_say(const char *who, const char *msg) {
  if (who) fprintf(stderr, "%s: ", who);
  fprintf(stderr, "%s\n", msg);
  fflush(stderr);
}

int fl_repl_report(lua_State *L, int status) {
  if (status != 0) {
    if (fl_repl_stopping())   /* the unwinding of a restart: not an error */
      lua_pop(L, 1);
    else if (!lua_isnil(L, -1)) {
      const char *msg = lua_tostring(L, -1);
      fl_repl_say(fl_repl_progname, msg ? msg : "(error object is not a string)");
      lua_pop(L, 1);
    }
  }
  return status;
}

/* ------------------------------------------------------------------ calls */

static void interrupt_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  luaL_error(L, "interrupted!");
}

static lua_State *volatile running = NULL;   /* the state of the last call (docall) */

/* Setting a hook is the one API call that may come from outside the running code: the hook
** then raises the error from inside, at the next call, return or instruction. */
void fl_repl_interrupt(void) {
  lua_State *L = running;
  if (L != NULL) lua_sethook(L, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

/* Message handler: adds a traceback to string errors (non-strings are kept as they are). */
static int add_traceback(lua_State *L) {
  if (!lua_isstring(L, 1)) return 1;
  lua_getfield(L, LUA_GLOBALSINDEX, "debug");
  if (!lua_istable(L, -1)) { lua_pop(L, 1); return 1; }
  lua_getfield(L, -1, "traceback");
  if (!lua_isfunction(L, -1)) { lua_pop(L, 2); return 1; }
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 2);
  lua_call(L, 2, 1);
  return 1;
}

/* Calls the function below `nargs` arguments, with a traceback handler. */
static int docall(lua_State *L, int nargs, int keep_results) {
  int base = lua_gettop(L) - nargs, status;
  lua_pushcfunction(L, add_traceback);
  lua_insert(L, base);
  running = L;
  fl_repl_calling(1);
  status = lua_pcall(L, nargs, keep_results ? LUA_MULTRET : 0, base);
  fl_repl_calling(0);
  lua_remove(L, base);
  if (status != 0) lua_gc(L, LUA_GCCOLLECT, 0);   /* an error may leave garbage behind */
  return status;
}

static int run_chunk(lua_State *L, int status) {
  if (status == 0) status = docall(L, 0, 0);
  return fl_repl_report(L, status);
}

int fl_repl_dofile(lua_State *L, const char *name) {
  return run_chunk(L, luaL_loadfile(L, name));
}

static int dostring(lua_State *L, const char *s, const char *name) {
  return run_chunk(L, luaL_loadbuffer(L, s, strlen(s), name));
}

int fl_repl_startup(lua_State *L, const char *init, const char *env) {
  if (init != NULL) return fl_repl_dofile(L, init);
  if (env == NULL) return 0;
  if (env[0] == '@') return fl_repl_dofile(L, env + 1);
  return dostring(L, env, "=" LUA_INIT);
}

/* ----------------------------------------------------------------- interactive mode */

/* Pushes the prompt (_PROMPT / _PROMPT2 when they convert to strings, else the defaults). */
static const char *push_prompt(lua_State *L, int first) {
  const char *p;
  lua_getfield(L, LUA_GLOBALSINDEX, first ? "_PROMPT" : "_PROMPT2");
  p = lua_tostring(L, -1);
  if (p == NULL) {
    lua_pop(L, 1);
    p = first ? LUA_PROMPT : LUA_PROMPT2;
    lua_pushstring(L, p);
  }
  return p;
}

/* A syntax error that ends at <eof> means "the statement is not finished yet". */
static int incomplete(lua_State *L, int status) {
  if (status == LUA_ERRSYNTAX) {
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    static const char tail[] = "'<eof>'";
    if (len >= sizeof tail - 1 && strcmp(msg + len - (sizeof tail - 1), tail) == 0) {
      lua_pop(L, 1);
      return 1;
    }
  }
  return 0;
}

/* Pushes the next input line; on the first line of a chunk "=expr" becomes "return expr". */
static int read_line(lua_State *L, int first) {
  const char *line;
  int ok = fl_repl_readline(L, push_prompt(L, first));
  lua_remove(L, ok ? -2 : -1);   /* the prompt */
  if (!ok) return 0;
  line = lua_tostring(L, -1);
  if (first && line[0] == '=') {
    lua_pushfstring(L, "return %s", line + 1);
    lua_remove(L, -2);
  }
  return 1;
}

/* Reads one complete chunk (several lines if needed) and compiles it. -1: end of input. */
static int load_line(lua_State *L) {
  int status;
  lua_settop(L, 0);
  if (!read_line(L, 1)) return -1;
  for (;;) {
    size_t len;
    const char *code = lua_tolstring(L, 1, &len);
    status = luaL_loadbuffer(L, code, len, "=stdin");
    if (!incomplete(L, status)) break;
    if (!read_line(L, 0)) return -1;
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);
  }
  fl_repl_saveline(lua_tostring(L, 1));   /* the whole chunk, as lua5.1 keeps it */
  lua_remove(L, 1);
  return status;
}

void fl_repl_loop(lua_State *L) {
  int status;
  const char *saved = fl_repl_progname;
  fl_repl_progname = NULL;
  while ((status = load_line(L)) != -1) {
    if (status == 0) status = docall(L, 0, 1);
    fl_repl_report(L, status);
    if (fl_repl_stopping()) goto done;   /* a restart: no newline, the state is thrown away */
    if (status == 0 && lua_gettop(L) > 0) {
      lua_getglobal(L, "print");
      lua_insert(L, 1);
      if (lua_pcall(L, lua_gettop(L) - 1, 0, 0) != 0)
        fl_repl_say(NULL, lua_pushfstring(L, "error calling 'print' (%s)", lua_tostring(L, -1)));
    }
  }
  lua_settop(L, 0);
  fputs("\n", stdout);
  fflush(stdout);
done:
  fl_repl_progname = saved;
}

/* ---------------------------------------------------------------- arguments */

static int dolibrary(lua_State *L, const char *name) {
  lua_getglobal(L, "require");
  lua_pushstring(L, name);
  return fl_repl_report(L, docall(L, 1, 1));
}

int fl_repl_options(lua_State *L, char **argv, FlReplOpts *o) {
  int i;
  for (i = 1; argv[i] != NULL; i++) {
    const char *a = argv[i];
    if (a[0] != '-') return i;
    switch (a[1]) {
      case '-':
        if (a[2] != '\0') return -1;
        return argv[i + 1] != NULL ? i + 1 : 0;
      case '\0':
        return i;
      case 'i':
        if (a[2] != '\0') return -1;
        o->has_i = o->has_v = 1;
        break;
      case 'v':
        if (a[2] != '\0') return -1;
        o->has_v = 1;
        break;
      case 'e':
        o->has_e = 1;
        /* fall through */
      case 'l': {
        const char *v = a + 2;   /* -e stat, -estat */
        if (*v == '\0' && (v = argv[++i]) == NULL) return -1;
        if (L != NULL && (a[1] == 'e' ? dostring(L, v, "=(command line)") : dolibrary(L, v)) != 0)
          return -1;
        break;
      }
      default:
        return -1;
    }
  }
  return 0;
}

/* Sets the global `arg` (arg[0] is the script, the options below) and runs the script with
** the words after it as arguments. */
static int run_script(lua_State *L, char **argv, int argc, int n) {
  int i, status, narg = argc - (n + 1);
  const char *fname = argv[n];
  luaL_checkstack(L, narg + 3, "too many arguments to script");
  for (i = n + 1; i < argc; i++) lua_pushstring(L, argv[i]);
  lua_createtable(L, narg, n + 1);
  for (i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - n);
  }
  lua_setglobal(L, "arg");
  if (strcmp(fname, "-") == 0 && strcmp(argv[n - 1], "--") != 0) fname = NULL;  /* stdin */
  status = luaL_loadfile(L, fname);
  lua_insert(L, -(narg + 1));
  if (status == 0) status = docall(L, narg, 0);
  else lua_pop(L, narg);
  return fl_repl_report(L, status);
}

int fl_repl_run(lua_State *L, int argc, char **argv, int how) {
  FlReplOpts o = { 0, 0, 0 };
  int script = fl_repl_options(NULL, argv, &o);
  if (!(how & FL_REPL_RESTART)) {   /* a restart goes back to the loop only */
    if (script < 0) {
      fprintf(stderr, "usage: %s [options] [script [args]]%s", fl_repl_progname, fl_repl_usage);
      fflush(stderr);
      return 1;
    }
    if (o.has_v) fl_repl_version(L);
    if (fl_repl_options(L, argv, &o) < 0) return 1;
    if (fl_repl_stopping()) return 0;
    if (script && run_script(L, argv, argc, script) != 0) return 1;
    if (fl_repl_stopping()) return 0;
  }
  if (o.has_i)
    fl_repl_loop(L);
  else if (script == 0 && !o.has_e && !o.has_v) {   /* nothing to run: lua5.1 goes interactive */
    if (how & FL_REPL_TTY) {
      if (how & FL_REPL_BANNER) fl_repl_version(L);
      fl_repl_loop(L);
    } else if (!(how & FL_REPL_RESTART))
      fl_repl_dofile(L, NULL);   /* like lua5.1: the error is reported, the exit status stays 0 */
  }
  return 0;
}
