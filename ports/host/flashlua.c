/*
** flashlua -- the host's stand-alone interpreter, a drop-in for lua5.1's command line:
**   flashlua [options] [script [args]]
** Options, exit status and error reports follow lua5.1 (see docs/cli.md).
*/
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "fl_flash_host.h"
#include "fl_heapcap.h"

/* Line editing for -i: GNU readline or libedit when the build found one (FL_USE_READLINE,
** see CMakeLists.txt), else plain stdio. */
#if defined(FL_USE_READLINE)
#if defined(FL_USE_EDITLINE)
#include <editline/readline.h>
#else
#include <readline/readline.h>
#include <readline/history.h>
#endif
#endif

static const char *progname = "flashlua";
static lua_State *interrupted_state = NULL;

/* ------------------------------------------------------------------ reporting */

static void say(const char *who, const char *msg) {
  if (who) fprintf(stderr, "%s: ", who);
  fprintf(stderr, "%s\n", msg);
  fflush(stderr);
}

/* Prints the error on top of the stack (if any) and pops it. */
static int report(lua_State *L, int status) {
  if (status != 0 && fl_host_restarting()) {   /* the unwinding of a restart: not an error */
    lua_pop(L, 1);
    return status;
  }
  if (status != 0 && !lua_isnil(L, -1)) {
    const char *msg = lua_tostring(L, -1);
    say(progname, msg ? msg : "(error object is not a string)");
    lua_pop(L, 1);
  }
  return status;
}

/* ------------------------------------------------------------- Ctrl-C handling */

static void on_interrupt_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  luaL_error(L, "interrupted!");
}

static void on_sigint(int sig) {
  signal(sig, SIG_DFL);   /* a second Ctrl-C kills the process */
  if (interrupted_state)
    lua_sethook(interrupted_state, on_interrupt_hook,
                LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
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
  int base = lua_gettop(L) - nargs;
  int status;
  lua_pushcfunction(L, add_traceback);
  lua_insert(L, base);
  interrupted_state = L;
  signal(SIGINT, on_sigint);
  status = lua_pcall(L, nargs, keep_results ? LUA_MULTRET : 0, base);
  signal(SIGINT, SIG_DFL);
  interrupted_state = NULL;
  lua_remove(L, base);
  if (status != 0) lua_gc(L, LUA_GCCOLLECT, 0);   /* an error may leave garbage behind */
  return status;
}

static int run_chunk(lua_State *L, int status) {
  if (status == 0) status = docall(L, 0, 0);
  return report(L, status);
}

static int dofile(lua_State *L, const char *name) {
  return run_chunk(L, luaL_loadfile(L, name));
}

static int dostring(lua_State *L, const char *s, const char *name) {
  return run_chunk(L, luaL_loadbuffer(L, s, strlen(s), name));
}

static int dolibrary(lua_State *L, const char *name) {
  lua_getglobal(L, "require");
  lua_pushstring(L, name);
  return report(L, docall(L, 1, 1));
}

static void print_version(void) {
  say(NULL, FLASHLUA_VERSION " (" LUA_VERSION " compatible, with a Lua Flash Store)");
}

static void print_usage(void) {
  fprintf(stderr,
    "usage: %s [options] [script [args]].\n"
    "Available options are:\n"
    "  -e stat  execute string 'stat'\n"
    "  -l name  require library 'name'\n"
    "  -i       enter interactive mode after executing 'script'\n"
    "  -v       show version information\n"
    "  --       stop handling options\n"
    "  -        execute stdin and stop handling options\n", progname);
  fflush(stderr);
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
    const char *tail = "'<eof>'";
    size_t tl = strlen(tail);
    if (len >= tl && strcmp(msg + len - tl, tail) == 0) {
      lua_pop(L, 1);
      return 1;
    }
  }
  return 0;
}

#if defined(FL_USE_READLINE)

/* Pushes one line without its newline; 0 at end of input. */
static int read_raw_line(lua_State *L, const char *prompt) {
  char *line = readline(prompt);
  if (line == NULL) return 0;
  lua_pushstring(L, line);
  free(line);
  return 1;
}

static void save_line(const char *chunk) {
  if (chunk[0] != '\0') add_history(chunk);
}

#else

/* Pushes one line (any length) without its newline; 0 at end of input. */
static int read_raw_line(lua_State *L, const char *prompt) {
  luaL_Buffer b;
  int c, got = 0;
  fputs(prompt, stdout);
  fflush(stdout);
  luaL_buffinit(L, &b);
  while ((c = getc(stdin)) != EOF) {
    got = 1;
    if (c == '\n') break;
    luaL_addchar(&b, (char)c);
  }
  luaL_pushresult(&b);
  if (!got) {
    lua_pop(L, 1);
    return 0;
  }
  return 1;
}

#define save_line(chunk) ((void)(chunk))

#endif

/* Pushes the next input line; on the first line of a chunk "=expr" becomes "return expr". */
static int read_line(lua_State *L, int first) {
  const char *line;
  int ok = read_raw_line(L, push_prompt(L, first));
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
  save_line(lua_tostring(L, 1));   /* the whole chunk, as lua5.1 keeps it */
  lua_remove(L, 1);
  return status;
}

static void repl(lua_State *L) {
  int status;
  const char *saved = progname;
  progname = NULL;
  while ((status = load_line(L)) != -1) {
    if (status == 0) status = docall(L, 0, 1);
    report(L, status);
    if (fl_host_restarting()) {
      progname = saved;
      return;
    }
    if (status == 0 && lua_gettop(L) > 0) {
      lua_getglobal(L, "print");
      lua_insert(L, 1);
      if (lua_pcall(L, lua_gettop(L) - 1, 0, 0) != 0)
        say(progname, lua_pushfstring(L, "error calling 'print' (%s)", lua_tostring(L, -1)));
    }
  }
  lua_settop(L, 0);
  fputs("\n", stdout);
  fflush(stdout);
  progname = saved;
}

/* ---------------------------------------------------------------- arguments */

struct opts { int has_i, has_v, has_e; };

/* Returns the index of the script in argv, 0 if none, -1 on a bad option. */
static int scan_options(char **argv, struct opts *o) {
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
        o->has_i = 1;
        o->has_v = 1;
        break;
      case 'v':
        if (a[2] != '\0') return -1;
        o->has_v = 1;
        break;
      case 'e':
        o->has_e = 1;
        /* fall through */
      case 'l':
        if (a[2] == '\0') {
          i++;
          if (argv[i] == NULL) return -1;
        }
        break;
      default:
        return -1;
    }
  }
  return 0;
}

/* Runs the -e and -l options found before index n. */
static int run_options(lua_State *L, char **argv, int n) {
  int i;
  for (i = 1; i < n; i++) {
    const char *a = argv[i];
    if (a == NULL) continue;
    if (a[0] != '-') continue;
    if (a[1] == 'e' || a[1] == 'l') {
      const char *v = a + 2;
      if (*v == '\0') v = argv[++i];
      if (a[1] == 'e') {
        if (dostring(L, v, "=(command line)") != 0) return 1;
      } else {
        if (dolibrary(L, v) != 0) return 1;
      }
    }
  }
  return 0;
}

/* Builds the global `arg` table (arg[0] is the script) and pushes the script's arguments. */
static int push_script_args(lua_State *L, char **argv, int argc, int n) {
  int i, narg = argc - (n + 1);
  luaL_checkstack(L, narg + 3, "too many arguments to script");
  for (i = n + 1; i < argc; i++) lua_pushstring(L, argv[i]);
  lua_createtable(L, narg, n + 1);
  for (i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - n);
  }
  lua_setglobal(L, "arg");
  return narg;
}

static int run_script(lua_State *L, char **argv, int argc, int n) {
  int status, narg = push_script_args(L, argv, argc, n);
  const char *fname = argv[n];
  if (strcmp(fname, "-") == 0 && strcmp(argv[n - 1], "--") != 0) fname = NULL;  /* stdin */
  status = luaL_loadfile(L, fname);
  lua_insert(L, -(narg + 1));
  if (status == 0)
    status = docall(L, narg, 0);
  else
    lua_pop(L, narg);
  return report(L, status);
}

/* The start-up code: the --init file if given, else LUA_INIT as lua5.1 handles it. */
static const char *init_file = NULL;

static int run_init(lua_State *L) {
  const char *init = getenv(LUA_INIT);
  if (init_file != NULL) return dofile(L, init_file);
  if (init == NULL) return 0;
  if (init[0] == '@') return dofile(L, init + 1);
  return dostring(L, init, "=" LUA_INIT);
}

/* ------------------------------------------------------------------ allocator
** FLASHLUA_ALLOC_FAIL=N makes allocation number N and every later growing allocation fail:
** the out-of-memory harness (tests/oom) runs scripts for many N and expects a clean
** "not enough memory" error, no crash and no leak.                                     */

static unsigned long alloc_count = 0, alloc_fail_at = 0;

static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  (void)osize;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  ++alloc_count;
  if (alloc_fail_at != 0 && alloc_count >= alloc_fail_at && nsize > osize) return NULL;
  return realloc(ptr, nsize);
}

static int host_panic(lua_State *L) {
  fprintf(stderr, "PANIC: unprotected error in call to Lua API (%s)\n", lua_tostring(L, -1));
  fflush(stderr);
  return 0;
}

/* restarted: the VM was restarted (node.restart, node.LFS.reload); interactive: the first
** run entered (or was going to enter) the REPL, which a restart goes back to. */
struct mainargs { int argc; char **argv; int status; int restarted, interactive; };

/* Returns 0; the exit status is m->status. Each step stops when a restart is requested. */
static int protected_main(lua_State *L) {
  struct mainargs *m = (struct mainargs *)lua_touserdata(L, 1);
  char **argv = m->argv;
  struct opts o = {0, 0, 0};
  int script;
  if (argv[0] && argv[0][0]) progname = argv[0];
  lua_gc(L, LUA_GCSTOP, 0);
  luaL_openlibs(L);
  lua_gc(L, LUA_GCRESTART, 0);
  m->status = run_init(L);
  if (m->status != 0 || fl_host_restarting()) return 0;
  if (m->restarted) {   /* after a restart: the start-up code only, then the REPL if it was on */
    if (m->interactive) repl(L);
    return 0;
  }
  script = scan_options(argv, &o);
  if (script < 0) {
    print_usage();
    m->status = 1;
    return 0;
  }
  m->interactive = o.has_i || (script == 0 && !o.has_e && !o.has_v && isatty(0));
  if (o.has_v) print_version();
  m->status = run_options(L, argv, script > 0 ? script : m->argc);
  if (m->status != 0 || fl_host_restarting()) return 0;
  if (script) m->status = run_script(L, argv, m->argc, script);
  if (m->status != 0 || fl_host_restarting()) return 0;
  if (o.has_i)
    repl(L);
  else if (script == 0 && !o.has_e && !o.has_v) {
    if (isatty(0)) {
      print_version();
      repl(L);
    } else
      dofile(L, NULL);   /* like lua5.1: the error is reported, the exit status stays 0 */
  }
  return 0;
}

/* Removes `--init FILE` / `--init=FILE` from the options before the script (the other long
** options, --flash FILE etc., take a value too). */
static void take_init(int *argc, char **argv) {
  int i, k, used;
  for (i = 1; i < *argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
    if (strcmp(argv[i], "--") == 0) return;
    if (strncmp(argv[i], "--init", 6) != 0 || (argv[i][6] != '=' && argv[i][6] != '\0')) {
      if (((argv[i][1] == 'e' || argv[i][1] == 'l') && argv[i][2] == '\0') ||
          (argv[i][1] == '-' && strchr(argv[i], '=') == NULL))
        i++;
      continue;
    }
    if (argv[i][6] == '=') { init_file = argv[i] + 7; used = 1; }
    else if (argv[i][6] == '\0' && i + 1 < *argc) { init_file = argv[i + 1]; used = 2; }
    else continue;
    for (k = i; k + used <= *argc; k++) argv[k] = argv[k + used];
    *argc -= used;
    i--;
  }
}

int main(int argc, char **argv) {
  struct mainargs m;
  int status;
  lua_State *L;
  const char *fail = getenv("FLASHLUA_ALLOC_FAIL");
  static FlHeapCap heapcap;                               /* --heap BYTES: docs/lfs.md */
  size_t heap = fl_heapcap_option(&argc, argv);
  if (fail != NULL) alloc_fail_at = strtoul(fail, NULL, 10);
  take_init(&argc, argv);
  L = fl_host_newstate(&argc, argv, host_alloc, NULL);   /* --flash options: docs/lfs.md */
  m.argc = argc;
  m.argv = argv;
  m.restarted = m.interactive = 0;
  for (;;) {
    if (L == NULL) {
      say(argv[0], "cannot create state: not enough memory");
      return EXIT_FAILURE;
    }
    if (heap != 0) fl_heapcap_attach(L, &heapcap, heap);
    lua_atpanic(L, host_panic);
    m.status = 0;
    status = lua_cpcall(L, protected_main, &m);
    if (!fl_host_restarting()) break;
    L = fl_host_restart(L);   /* node.restart, node.LFS.reload: a fresh state, same process */
    m.restarted = 1;
  }
  report(L, status);
  lua_close(L);
  if (getenv("FLASHLUA_ALLOC_COUNT") != NULL) {
    fprintf(stderr, "allocations: %lu\n", alloc_count);
    fflush(stderr);
  }
  return (status || m.status) ? EXIT_FAILURE : EXIT_SUCCESS;
}
