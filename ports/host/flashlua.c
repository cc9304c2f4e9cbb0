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
#include "fl_repl.h"

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

/* ------------------------------------------------------------- the front end's hooks
** (src/lib/fl_repl.h: options, start-up code and the REPL are shared with the firmware) */

const char fl_repl_usage[] =
  ".\n"
  "Available options are:\n"
  "  -e stat  execute string 'stat'\n"
  "  -l name  require library 'name'\n"
  "  -i       enter interactive mode after executing 'script'\n"
  "  -v       show version information\n"
  "  --       stop handling options\n"
  "  -        execute stdin and stop handling options\n";

void fl_repl_version(lua_State *L) {
  (void)L;
  fl_repl_say(NULL, FL_REPL_VERSION);
}

int fl_repl_stopping(void) {
  return fl_host_restarting();
}

static void on_sigint(int sig) {
  signal(sig, SIG_DFL);   /* a second Ctrl-C kills the process */
  fl_repl_interrupt();
}

void fl_repl_calling(int on) {
  signal(SIGINT, on ? on_sigint : SIG_DFL);
}

#if defined(FL_USE_READLINE)

int fl_repl_readline(lua_State *L, const char *prompt) {
  char *line = readline(prompt);
  if (line == NULL) return 0;
  lua_pushstring(L, line);
  free(line);
  return 1;
}

void fl_repl_saveline(const char *chunk) {
  if (chunk[0] != '\0') add_history(chunk);
}

#else

/* A line of any length. */
int fl_repl_readline(lua_State *L, const char *prompt) {
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

void fl_repl_saveline(const char *chunk) {
  (void)chunk;
}

#endif

/* The start-up code: the --init file if given, else LUA_INIT as lua5.1 handles it. */
static const char *init_file = NULL;

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

/* restarted: the VM was restarted (node.restart, node.LFS.reload); tty: stdin is a terminal. */
struct mainargs { int argc; char **argv; int status; int restarted, tty; };

/* Returns 0; the exit status is m->status. Each step stops when a restart is requested. */
static int protected_main(lua_State *L) {
  struct mainargs *m = (struct mainargs *)lua_touserdata(L, 1);
  char **argv = m->argv;
  if (argv[0] && argv[0][0]) fl_repl_progname = argv[0];
  lua_gc(L, LUA_GCSTOP, 0);
  luaL_openlibs(L);
  lua_gc(L, LUA_GCRESTART, 0);
  m->status = fl_repl_startup(L, init_file, getenv(LUA_INIT));
  if (m->status != 0 || fl_host_restarting()) return 0;
  /* after a restart: the start-up code only, then the REPL if it was on (without the banner:
  ** the process goes on) */
  m->status = fl_repl_run(L, m->argc, argv, (m->tty ? FL_REPL_TTY : 0) |
                          (m->restarted ? FL_REPL_RESTART : FL_REPL_BANNER));
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
  m.restarted = 0;
  m.tty = isatty(0);
  for (;;) {
    if (L == NULL) {
      fl_repl_say(argv[0], "cannot create state: not enough memory");
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
  fl_repl_report(L, status);
  lua_close(L);
  if (getenv("FLASHLUA_ALLOC_COUNT") != NULL) {
    fprintf(stderr, "allocations: %lu\n", alloc_count);
    fflush(stderr);
  }
  return (status || m.status) ? EXIT_FAILURE : EXIT_SUCCESS;
}
