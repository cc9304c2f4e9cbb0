/*
** flashluac -- the host compiler, with luac5.1's options:
**   flashluac [-l] [-o out] [-p] [-s] [-v] [--] [files | -]
** Several input files are combined into one main chunk that runs them in order, as luac5.1 does.
** (The flash-store image options come with the LFS writer; see docs/lfs.md.)
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "fl_core.h"
#include "fl_opcodes.h"

static const char *progname = "flashluac";
static const char *output = "luac.out";
static int listing = 0, parse_only = 0, strip = 0, show_version = 0;

static void fatal(const char *msg) {
  fprintf(stderr, "%s: %s\n", progname, msg);
  exit(EXIT_FAILURE);
}

static void cannot(const char *what) {
  fprintf(stderr, "%s: cannot %s %s: %s\n", progname, what, output, strerror(errno));
  exit(EXIT_FAILURE);
}

static void usage(const char *msg) {
  if (msg[0] == '-')
    fprintf(stderr, "%s: unrecognized option '%s'\n", progname, msg);
  else
    fprintf(stderr, "%s: %s\n", progname, msg);
  fprintf(stderr,
    "usage: %s [options] [filenames].\n"
    "Available options are:\n"
    "  -        process stdin\n"
    "  -l       list\n"
    "  -o name  output to file 'name' (default is \"%s\")\n"
    "  -p       parse only\n"
    "  -s       strip debug information\n"
    "  -v       show version information\n"
    "  --       stop handling options\n", progname, "luac.out");
  exit(EXIT_FAILURE);
}

/* Returns the index of the first file name. */
static int parse_args(int argc, char **argv) {
  int i, version_only = 0;
  if (argv[0] != NULL && argv[0][0] != '\0') progname = argv[0];
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-') break;
    if (strcmp(a, "--") == 0) { i++; if (version_only) version_only++; break; }
    if (strcmp(a, "-") == 0) break;
    if (strcmp(a, "-l") == 0) listing++;
    else if (strcmp(a, "-o") == 0) {
      output = argv[++i];
      if (output == NULL || *output == '\0' || (output[0] == '-' && output[1] != '\0'))
        usage("'-o' needs argument");
      if (strcmp(output, "-") == 0) output = NULL;   /* stdout */
    }
    else if (strcmp(a, "-p") == 0) parse_only = 1;
    else if (strcmp(a, "-s") == 0) strip = 1;
    else if (strcmp(a, "-v") == 0) { show_version = 1; version_only++; }
    else usage(a);
  }
  if (i == argc && (listing || !show_version)) {
    listing = 0;
    output = "luac.out";
    usage("no input files given");
  }
  return i;
}

/* One main function that calls every file's chunk in order: CLOSURE, CALL ... RETURN. */
static const FProto *combine(lua_State *L, int n) {
  FProto *f;
  int i, pc = 0;
  if (n == 1) return fl_clv(L->top - 1)->l.p;
  f = flF_newproto(L);
  fl_setproto(L, L->top, f);
  flD_incr_top(L);
  f->source = flS_newliteral(L, "=(luac)");
  f->maxstacksize = 1;
  f->code = flM_newvector(L, 2 * n + 1, Instr);
  f->sizecode = 2 * n + 1;
  f->p = flM_newvector(L, n, FProto *);
  for (i = 0; i < n; i++) f->p[i] = NULL;
  f->sizep = n;
  for (i = 0; i < n; i++) {
    f->p[i] = fl_clv(L->top - 1 - n + i)->l.p;
    f->code[pc++] = CREATE_ABx(OP_CLOSURE, 0, i);
    f->code[pc++] = CREATE_ABC(OP_CALL, 0, 1, 1);
  }
  f->code[pc] = CREATE_ABC(OP_RETURN, 0, 1, 0);
  return f;
}

static int write_chunk(lua_State *L, const void *p, size_t size, void *ud) {
  (void)L;
  return fwrite(p, size, 1, (FILE *)ud) != 1 && size != 0;
}

static void print_out(const char *s, void *ud) {
  fputs(s, (FILE *)ud);
}

struct job { int argc; char **argv; };

static int compile_all(lua_State *L) {
  struct job *j = (struct job *)lua_touserdata(L, 1);
  int i, n = j->argc;
  const FProto *f;
  if (!lua_checkstack(L, n + 4)) fatal("too many input files");
  for (i = 0; i < n; i++) {
    const char *name = (strcmp(j->argv[i], "-") == 0) ? NULL : j->argv[i];
    if (luaL_loadfile(L, name) != 0) fatal(lua_tostring(L, -1));
  }
  f = combine(L, n);
  if (listing) flL_print(f, listing > 1, print_out, stdout);
  if (!parse_only) {
    FILE *out = (output == NULL) ? stdout : fopen(output, "wb");
    if (out == NULL) cannot("open");
    if (flU_dump(L, f, write_chunk, out, strip) != 0 || ferror(out)) cannot("write");
    if (out != stdout && fclose(out) != 0) cannot("close");
  }
  return 0;
}

int main(int argc, char **argv) {
  struct job j;
  lua_State *L;
  int first = parse_args(argc, argv);
  if (show_version) {
    printf("%s\n", FLASHLUA_VERSION " (" LUA_VERSION " bytecode)");
    if (first == argc) return EXIT_SUCCESS;
  }
  L = luaL_newstate();
  if (L == NULL) fatal("not enough memory for state");
  j.argc = argc - first;
  j.argv = argv + first;
  if (lua_cpcall(L, compile_all, &j) != 0) fatal(lua_tostring(L, -1));
  lua_close(L);
  return EXIT_SUCCESS;
}
