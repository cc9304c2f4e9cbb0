/*
** main.c -- flashlua on the LM3S6965 (qemu-system-arm -M lm3s6965evb).
**
** The command line comes from semihosting (qemu: -semihosting-config arg=flashlua,arg=...;
** qemu joins them with spaces: words are split at spaces, '...' and "..." group, \ escapes).
** It is flashlua's:
**   flashlua [port options] [-e stat] [-l name] [-i] [-v] [--] [script [args]]
** without arguments (or with -i) the interactive REPL runs on UART0; otherwise the script is
** read from the host over semihosting, its output goes to the semihosting console, errors to
** UART0, and its exit status becomes qemu's. Port options:
**   --raw         console: no echo, no "\r\n" (pipes and tests)
**   --no-lfs      ignore the flash store partition
**   --stats       at exit, print heap and stack figures on stderr
**   --test-hooks  define `fwtest` (C functions that exist to make the tests fail on purpose)
**   --batch LIST  run every command line of the host file LIST on a fresh state (tests)
**   --flash FILE  the host file that backs the store partition (run-qemu --flash): the flash
**                 driver programs it (node.LFS.reload) and node.restart reboots through run-qemu
**   --flash-fault N  cut the power at flash operation N (tests; run-qemu: FLASHLUA_FLASH_FAULT)
**   --lfs-slots N 1 or 2 (A/B) slots in the store partition (default FL_LFS_SLOTS of the build)
**   --init FILE   a host file run at every boot before the command line (the device's LUA_INIT)
**   --restarted   this boot follows node.restart (run-qemu): --init only, then the REPL if the
**                 command line asks for it, no script or -e/-l again
*/
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lfs_loader.h"
#include "fw.h"
#include "alloc.h"
#include "fl_repl.h"

#define FW_NAME "flashlua"
#define FW_MAXARGS 24
#define FW_BATCHLINE 512

extern unsigned char __heap_start[], __heap_end[], __lfs_start[], __lfs_end[];

static size_t heap_low = (size_t)-1;          /* least free heap seen (--stats) */
static int opt_stats = 0;

/* ------------------------------------------------------------------ memory */

static size_t heap_free(void) {   /* alloc.c: Lua's allocator, and malloc's */
  return fw_heap_free();
}

static size_t lua_bytes = 0, lua_peak = 0;    /* what Lua asked for (--stats) */

static void *fw_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  void *p;
  (void)ud;
  if (ptr == NULL) osize = 0;
  if (nsize == 0) {
    fw_heap_alloc(ptr, osize, 0);
    lua_bytes -= osize;
    return NULL;
  }
  p = fw_heap_alloc(ptr, osize, nsize);
  if (p != NULL) {
    lua_bytes += nsize - osize;
    if (lua_bytes > lua_peak) lua_peak = lua_bytes;
  }
  if (opt_stats) {
    size_t f = heap_free();
    if (f < heap_low) heap_low = f;
  }
  return p;
}

/* ------------------------------------------------------------- the front end's hooks
** (src/lib/fl_repl.h: options, start-up code and the REPL are shared with the host) */

const char fl_repl_usage[] = "\n";

void fl_repl_version(lua_State *L) {   /* the version, then the device's memory */
  LfsConfig c;
  lfs_config(L, &c);
  fprintf(stderr, FL_REPL_VERSION "\nLM3S6965: %lu bytes of heap free; flash store",
          (unsigned long)heap_free());
  if (c.used != 0)
    fprintf(stderr, ": %lu modules, %lu of %lu bytes\n", (unsigned long)c.nmodules,
            (unsigned long)c.used, (unsigned long)c.size);
  else
    fputs(" empty\n", stderr);
  fflush(stderr);
}

int fl_repl_stopping(void) {   /* node.restart reboots through run-qemu: never in this run */
  return 0;
}

void fl_repl_saveline(const char *chunk) {   /* no history */
  (void)chunk;
}

void fl_repl_calling(int on) {   /* Ctrl-C on the UART: fl_repl_interrupt (fw_on_interrupt) */
  fw_console_busy = on;
}

/* One line from the UART; 0 at end of input (Ctrl-D on an empty line). Cooked consoles get
** echo, backspace and Ctrl-C (drop the line); "\r", "\n" and "\r\n" end a line. */
static int pending_lf = 0;

int fl_repl_readline(lua_State *L, const char *prompt) {
  luaL_Buffer b;
  int c, cooked = fw_console_cooked();
  luaL_buffinit(L, &b);
show:
  fputs(prompt, stdout);
  fflush(stdout);
  for (;;) {
    c = fw_uart_getc();
    if (c == '\n' && pending_lf) { pending_lf = 0; continue; }   /* the LF of a CR LF */
    pending_lf = 0;
    if (c == '\r' || c == '\n') {
      pending_lf = (c == '\r');
      if (cooked) fw_uart_putc('\n');
      break;
    }
    if (c == 4) {                              /* Ctrl-D */
      if (b.p == b.buffer && b.lvl == 0) return 0;   /* (the empty buffer holds no stack slot) */
      continue;
    }
    if (cooked && (c == 8 || c == 127)) {      /* backspace (within the current buffer) */
      if (b.p > b.buffer) { b.p--; fputs("\b \b", stdout); fflush(stdout); }
      continue;
    }
    if (cooked && c == 3) {                    /* Ctrl-C: forget the line */
      b.p = b.buffer;
      fputs("^C\n", stdout);
      goto show;
    }
    luaL_addchar(&b, (char)c);
    if (cooked) fw_uart_putc(c);
  }
  luaL_pushresult(&b);
  return 1;
}

/* ---------------------------------------------------------------- arguments */

/* Splits the semihosting command line in place: words at spaces; '...' and "..." group,
** and a backslash (outside '...') takes the next character as it is. */
static int split_args(char *s, char **argv, int max) {
  int argc = 0;
  while (*s != '\0' && argc < max) {
    char *w = s, *o = s;
    char q = 0;
    while (*s == ' ') s++;
    if (*s == '\0') break;
    w = o = s;
    for (; *s != '\0' && (q || *s != ' '); s++) {
      if (q != '\'' && *s == '\\' && s[1] != '\0') *o++ = *++s;
      else if (q == 0 && (*s == '\'' || *s == '"')) q = *s;
      else if (q != 0 && *s == q) q = 0;
      else *o++ = *s;
    }
    if (*s != '\0') s++;
    *o = '\0';
    argv[argc++] = w;
  }
  argv[argc] = NULL;
  return argc;
}

/* ---------------------------------------------------------------- device extras */

static int node_heapfree(lua_State *L) {
  lua_pushnumber(L, (lua_Number)heap_free());
  return 1;
}

/* fwtest.*: only with --test-hooks. They break the rules on purpose, so that the tests can
** show that the MPU catches it. */
static int t_poke(lua_State *L) {         /* poke(addr, byte): a stray store */
  uintptr_t a = (uintptr_t)luaL_checknumber(L, 1);
  *(volatile unsigned char *)a = (unsigned char)luaL_optinteger(L, 2, 0);
  return 0;
}

static int t_peek(lua_State *L) {         /* peek(addr): a byte */
  uintptr_t a = (uintptr_t)luaL_checknumber(L, 1);
  lua_pushinteger(L, *(volatile const unsigned char *)a);
  return 1;
}

static int t_recurse_c(volatile unsigned char *prev, int n) {   /* 256 bytes a level */
  volatile unsigned char buf[256];
  buf[0] = (unsigned char)n;
  buf[255] = prev != NULL ? prev[0] : 0;
  if (n <= 0) return buf[0] + buf[255];
  return t_recurse_c(buf, n - 1) + buf[0];
}

static int t_recurse(lua_State *L) {      /* recurse(n): n levels of C recursion */
  lua_pushinteger(L, t_recurse_c(NULL, luaL_checkint(L, 1)));
  return 1;
}

static int t_stack(lua_State *L) {        /* stack(): bytes never used, total bytes */
  lua_pushinteger(L, (lua_Integer)fw_stack_unused());
  lua_pushinteger(L, (lua_Integer)fw_stack_size());
  return 2;
}

static int t_flashwrite(lua_State *L) {  /* flashwrite(offset, bytes): the flash driver */
  size_t n;
  const char *s = luaL_checklstring(L, 2, &n);
  lua_pushboolean(L, fw_flash_test_write((size_t)luaL_checkinteger(L, 1), s, n) == 0);
  return 1;
}

static const luaL_Reg test_funcs[] = {
  { "poke", t_poke }, { "peek", t_peek }, { "recurse", t_recurse }, { "stack", t_stack },
  { "flashwrite", t_flashwrite },
  { NULL, NULL }
};

static void open_device(lua_State *L, int hooks) {
  lua_getglobal(L, LUA_NODELIBNAME);
  if (lua_istable(L, -1)) {
    lua_pushcfunction(L, node_heapfree);
    lua_setfield(L, -2, "heapfree");
  }
  lua_pop(L, 1);
  if (hooks) {
    luaL_register(L, "fwtest", test_funcs);
    lua_pushnumber(L, (lua_Number)(uintptr_t)__lfs_start);
    lua_setfield(L, -2, "lfs_base");
    lua_pop(L, 1);
  }
}

/* ---------------------------------------------------------------- main */

struct mainargs { int argc; char **argv; int status, hooks, batch; };
static const char *init_file = NULL;
static int restarted = 0;

/* --batch: os.exit ends the case, not the firmware (longjmp out of the running state; the
** state is then closed with the console muted, as a real exit runs no finalizers) */
static jmp_buf exit_jmp;
static int exit_code;

static int batch_exit(lua_State *L) {
  exit_code = luaL_optint(L, 1, EXIT_SUCCESS);
  fflush(stdout);
  longjmp(exit_jmp, 1);
  return 0;
}

static int protected_main(lua_State *L) {
  struct mainargs *m = (struct mainargs *)lua_touserdata(L, 1);
  char **argv = m->argv;
  if (argv[0] && argv[0][0]) fl_repl_progname = argv[0];
  lua_gc(L, LUA_GCSTOP, 0);
  luaL_openlibs(L);
  open_device(L, m->hooks);
  if (m->batch) {
    lua_getglobal(L, LUA_OSLIBNAME);
    if (lua_istable(L, -1)) {
      lua_pushcfunction(L, batch_exit);
      lua_setfield(L, -2, "exit");
    }
    lua_pop(L, 1);
  }
  lua_gc(L, LUA_GCRESTART, 0);
  if (init_file != NULL && (m->status = fl_repl_dofile(L, init_file)) != 0) return 0;
  /* after a reboot by node.restart: the REPL if the command line turns it on, nothing else */
  m->status = fl_repl_run(L, m->argc, argv,   /* the UART is the terminal */
                          FL_REPL_TTY | FL_REPL_BANNER | (restarted ? FL_REPL_RESTART : 0));
  return 0;
}

static int fw_panic(lua_State *L) {
  fprintf(stderr, "PANIC: unprotected error in call to Lua API (%s)\n", lua_tostring(L, -1));
  fw_exit(EXIT_FAILURE);
  return 0;
}

/* One run of the interpreter on a fresh state: what a host process is. Returns the status. */
static int run_state(LfsStore *store, int argc, char **argv, int hooks, int batch) {
  struct mainargs m;
  int status;
  lua_State *L = lfs_newstate(fw_alloc, NULL, store);
  if (L == NULL) {
    fl_repl_say(FW_NAME, "cannot create state: not enough memory");
    return EXIT_FAILURE;
  }
  lua_atpanic(L, fw_panic);
  m.argc = argc;
  m.argv = argv;
  m.status = 0;
  m.hooks = hooks;
  m.batch = batch;
  if (batch && setjmp(exit_jmp) != 0) {     /* os.exit(n) */
    fw_console_mute(1);
    lua_close(L);
    fw_console_mute(0);
    fw_console_busy = 0;
    return exit_code;
  }
  status = lua_cpcall(L, protected_main, &m);
  fl_repl_report(L, status);
  if (opt_stats) {
    fflush(stdout);
    fprintf(stderr, "fw-stats: heap %lu, heap free now %lu, least free %lu, stack used %lu of %lu, "
            "Lua peak %lu\n", (unsigned long)(__heap_end - __heap_start), (unsigned long)heap_free(),
            (unsigned long)heap_low, (unsigned long)(fw_stack_size() - fw_stack_unused()),
            (unsigned long)fw_stack_size(), (unsigned long)lua_peak);
  }
  lua_close(L);
  return (status || m.status) ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* --batch LIST: each line of the file LIST is a command line (words as for the semihosting
** command line, without the program name) run on a fresh state, like one host process each.
** After each, "\001fw-end:<status>\001\n" is written on stdout and on stderr. One boot of
** qemu for many test programs (tests/qemu/run_diff.py). */
static int run_batch(LfsStore *store, const char *list, int hooks) {
  char *argv[FW_MAXARGS + 2];
  long pos = 0;
  for (;;) {   /* the list is reopened for each line: no buffer stays on the heap meanwhile */
    int argc, status;
    char *line, *copy = NULL;
    FILE *f = fopen(list, "r");
    if (f == NULL || (line = (char *)malloc(FW_BATCHLINE)) == NULL) {
      fprintf(stderr, "%s: cannot read batch list %s\n", FW_NAME, list);
      if (f != NULL) fclose(f);
      return EXIT_FAILURE;
    }
    if (fseek(f, pos, SEEK_SET) == 0 && fgets(line, FW_BATCHLINE, f) != NULL) {
      pos = ftell(f);
      line[strcspn(line, "\r\n")] = '\0';
      copy = (char *)malloc(strlen(line) + 1);
      if (copy != NULL) strcpy(copy, line);
    }
    free(line);
    fclose(f);
    if (copy == NULL) break;
    argv[0] = (char *)FW_NAME;
    argc = 1 + split_args(copy, argv + 1, FW_MAXARGS);
    if (argc > 1) {
      srand(1);                                /* every case starts as a fresh process */
      fl_repl_progname = FW_NAME;
      heap_low = (size_t)-1;
      lua_peak = lua_bytes;
      status = run_state(store, argc, argv, hooks, 1);
      fflush(stdout);
      printf("\001fw-end:%d\001\n", status);
      fflush(stdout);
      fprintf(stderr, "\001fw-end:%d\001\n", status);
    }
    free(copy);
  }
  return EXIT_SUCCESS;
}

#define FW_CMDLINE 512

int main(void) {
  char *cmdline = (char *)malloc(FW_CMDLINE);   /* heap, shrunk to fit: not 512 bytes of .bss */
  char *argv[FW_MAXARGS + 1], *args[FW_MAXARGS + 1];
  const char *batch = NULL, *flash = NULL;
  unsigned long fault_at = 0;
  unsigned nslots = FL_LFS_SLOTS;
  int argc, i, n = 0, raw = 0, nolfs = 0, hooks = 0, interactive, status;
  LfsStore *store = NULL;
  if (cmdline == NULL || fw_cmdline(cmdline, FW_CMDLINE) != 0) {
    fw_console_init(FW_CON_SEMIHOST, 0);
    fl_repl_say(FW_NAME, "cannot read the command line (longer than 511 bytes?)");
    return EXIT_FAILURE;
  }
  {
    char *fit = (char *)realloc(cmdline, strlen(cmdline) + 1);   /* shrinks in place */
    if (fit != NULL) cmdline = fit;
  }
  argc = split_args(cmdline, args, FW_MAXARGS);
  if (argc == 0) args[argc++] = (char *)FW_NAME;
  /* port options go first; the rest is flashlua's command line */
  argv[n++] = args[0];
  for (i = 1; i < argc; i++) {
    if (strcmp(args[i], "--raw") == 0) raw = 1;
    else if (strcmp(args[i], "--no-lfs") == 0) nolfs = 1;
    else if (strcmp(args[i], "--stats") == 0) opt_stats = 1;
    else if (strcmp(args[i], "--test-hooks") == 0) hooks = 1;
    else if (strcmp(args[i], "--batch") == 0 && i + 1 < argc) batch = args[++i];
    else if (strcmp(args[i], "--flash") == 0 && i + 1 < argc) flash = args[++i];
    else if (strcmp(args[i], "--init") == 0 && i + 1 < argc) init_file = args[++i];
    else if (strcmp(args[i], "--restarted") == 0) restarted = 1;
    else if (strcmp(args[i], "--lfs-slots") == 0 && i + 1 < argc)
      nslots = (unsigned)strtoul(args[++i], NULL, 10);
    else if (strcmp(args[i], "--flash-fault") == 0 && i + 1 < argc)
      fault_at = strtoul(args[++i], NULL, 10);
    else break;
  }
  for (; i < argc; i++) argv[n++] = args[i];
  argv[n] = NULL;
  argc = n;
  {
    FlReplOpts o = { 0, 0, 0 };
    int s = fl_repl_options(NULL, argv, &o);
    interactive = batch == NULL && (o.has_i || (s == 0 && !o.has_e && !o.has_v));
  }
  fw_console_init(interactive ? FW_CON_UART : FW_CON_SEMIHOST, interactive && !raw);
  fw_on_interrupt = fl_repl_interrupt;

  if (fw_flash_open(flash, fault_at) != 0) {
    fprintf(stderr, "%s: cannot use flash file %s (missing, or not %lu bytes)\n", FW_NAME, flash,
            (unsigned long)(__lfs_end - __lfs_start));
    return EXIT_FAILURE;
  }
  lfs_store_open_slots(&store, nolfs ? NULL : __lfs_start, (size_t)(__lfs_end - __lfs_start),
                       FW_FLASH_PAGE, nslots, "disabled (--no-lfs)", fw_alloc, NULL);
  if (store == NULL) {
    fl_repl_say(FW_NAME, "cannot create state: not enough memory");
    return EXIT_FAILURE;
  }
  if (!nolfs && lfs_store_reason(store)[0] != '\0' &&
      memcmp(__lfs_start, "\x1b" "FLLFS", 6) == 0)   /* an image, but not a usable one */
    fprintf(stderr, "%s: flash store not used: %s\n", FW_NAME, lfs_store_reason(store));
  fw_flash_store(store);
  if (batch != NULL) status = run_batch(store, batch, hooks);
  else status = run_state(store, argc, argv, hooks, 0);
  lfs_store_free(store, fw_alloc, NULL);
  return status;
}
