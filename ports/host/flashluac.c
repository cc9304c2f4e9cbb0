/*
** flashluac -- the host compiler, with luac5.1's options:
**   flashluac [-l] [-o out] [-p] [-s] [-v] [--] [files | -]
** Several input files are combined into one main chunk that runs them in order, as luac5.1 does.
** With -f it builds a flash store image instead (see lfs_main below and docs/lfs.md):
**   flashluac -f [-o out.img] [-m maxsize] [-a addr] [-E] [-T target] [-s | -S level] [-v] files...
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "fl_core.h"
#include "fl_opcodes.h"
#include "lualib.h"
#include "lfs_format.h"
#include "lfs_writer.h"

#include <time.h>
#include <unistd.h>

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

static int lfs_main(int argc, char **argv);

int main(int argc, char **argv) {
  struct job j;
  lua_State *L;
  int first, i;
  for (i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0 && strcmp(argv[i], "-") != 0; i++) {
    if (strcmp(argv[i], "-f") == 0) return lfs_main(argc, argv);
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) i++;
  }
  first = parse_args(argc, argv);
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

/* ====================================================================== flashluac -f */

static struct {
  const char *output, *target;
  unsigned long long base;
  unsigned long maxsize;
  int strip, verbose, nofixed, embed;
  LfsAbi abi;
} lo = { "lfs.img", "host", 0, 0, 0, 0, 0, 0, { 0, 0, 0, 0, 0, 0, 0, 0 } };

static void lfs_usage(const char *msg) {
  if (msg != NULL) fprintf(stderr, "%s: %s\n", progname, msg);
  fprintf(stderr,
    "usage: %s -f [options] files...   (build a flash store image)\n"
    "  -o name    output to file 'name' (default \"lfs.img\")\n"
    "  -m size    fail if the image is larger than size bytes (K and M suffixes)\n"
    "  -a addr    absolute image, ready to be flashed at address addr (implies -E)\n"
    "  -E         store the runtime's compiled-in strings the modules use (for a runtime\n"
    "             built with FL_ROM=OFF) instead of referring to them\n"
    "  -T target  host (default), le32-double, le32-float or le32-int\n"
    "  -s         strip all debug information (same as -S 2)\n"
    "  -S level   0: keep all debug information, 1: line numbers only, 2: none\n"
    "  -v         print a summary\n"
    "Each file (.lua source, or .lc from luac5.1/flashluac) becomes the module named\n"
    "after the file without directory and extension.\n", progname);
  exit(EXIT_FAILURE);
}

static unsigned long long parse_size(const char *s, int suffix) {
  char *end;
  unsigned long long v;
  if (s == NULL || *s == '\0') lfs_usage("missing number");
  errno = 0;
  v = strtoull(s, &end, 0);
  if (errno != 0) lfs_usage("bad number");
  if (suffix && (*end == 'k' || *end == 'K')) { v *= 1024; end++; }
  else if (suffix && (*end == 'm' || *end == 'M')) { v *= 1024 * 1024; end++; }
  if (*end != '\0') lfs_usage("bad number");
  return v;
}

/* A target with another number type needs a compiler with that number type (constant folding
** and number syntax depend on it): run the sibling flashluac-float / flashluac-int. */
static void reexec_for_numbers(char **argv, int numtype) {
  char path[4096], *slash;
  const char *suffix = numtype == LFS_NUM_FLOAT ? "-float" : numtype == LFS_NUM_INT32 ? "-int" : "-double";
  ssize_t n;
  if (getenv("FLASHLUAC_REEXEC") != NULL) {   /* never loop */
    fprintf(stderr, "%s: this flashluac does not compile %s numbers\n", progname, lfs_numname(numtype));
    exit(EXIT_FAILURE);
  }
  setenv("FLASHLUAC_REEXEC", "1", 1);
  n = readlink("/proc/self/exe", path, sizeof path - 32);
  if (n > 0) path[n] = '\0';
  else {
    strncpy(path, argv[0], sizeof path - 32);
    path[sizeof path - 32] = '\0';
  }
  slash = strrchr(path, '/');
  if (slash != NULL) slash[1] = '\0'; else path[0] = '\0';
  strcat(path, "flashluac");
  strcat(path, suffix);
  execv(path, argv);
  fprintf(stderr, "%s: target %s has %s numbers and needs %s (a flashluac built for them), "
          "which cannot be run (%s): build it with 'cmake --build <build dir> --target "
          "flashluac%s'\n", progname, lo.target, lfs_numname(numtype), path, strerror(errno), suffix);
  exit(EXIT_FAILURE);
}

static int lfs_args(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) break;
    if (strcmp(a, "--") == 0) { i++; break; }
    if (strcmp(a, "-f") == 0) continue;
    else if (strcmp(a, "-o") == 0) {
      lo.output = argv[++i];
      if (lo.output == NULL || *lo.output == '\0') lfs_usage("'-o' needs argument");
    }
    else if (strcmp(a, "-m") == 0) lo.maxsize = (unsigned long)parse_size(argv[++i], 1);
    else if (strcmp(a, "-a") == 0) {
      lo.base = parse_size(argv[++i], 0);
      if (lo.base == 0) lfs_usage("'-a' needs a non-zero address");
    }
    else if (strcmp(a, "-T") == 0) {
      lo.target = argv[++i];
      if (lo.target == NULL) lfs_usage("'-T' needs argument");
    }
    else if (strcmp(a, "-s") == 0) lo.strip = 2;
    else if (strcmp(a, "-S") == 0) {
      const char *l = argv[++i];
      if (l == NULL || l[0] < '0' || l[0] > '2' || l[1] != '\0') lfs_usage("'-S' needs 0, 1 or 2");
      lo.strip = l[0] - '0';
    }
    else if (strcmp(a, "-v") == 0) lo.verbose = 1;
    else if (strcmp(a, "-E") == 0) lo.embed = 1;
    else if (strcmp(a, "--no-fixed") == 0) lo.nofixed = 1;   /* measurements only */
    else {
      fprintf(stderr, "%s: unrecognized option '%s'\n", progname, a);
      lfs_usage(NULL);
    }
  }
  if (i >= argc) lfs_usage("no input files given");
  return i;
}

/* module name: the file name without directory and extension */
static void module_name(lua_State *L, const char *file) {
  const char *b = strrchr(file, '/'), *dot;
  b = b ? b + 1 : file;
  dot = strrchr(b, '.');
  lua_pushlstring(L, b, dot && dot != b ? (size_t)(dot - b) : strlen(b));
}

/* a .lc input must have this build's chunk header (ABI and number type) */
static void check_chunk(const char *file) {
  unsigned char h[FL_CHUNK_HEADERSIZE];
  char want[FL_CHUNK_HEADERSIZE];
  FILE *f = fopen(file, "rb");
  size_t n;
  if (f == NULL) return;   /* luaL_loadfile reports it */
  n = fread(h, 1, sizeof h, f);
  fclose(f);
  if (n < 1 || h[0] != LUA_SIGNATURE[0]) return;   /* source */
  flU_header(want);
  if (n < sizeof h || memcmp(h, LUA_SIGNATURE, 4) != 0 || h[4] != 0x51 || h[5] != 0) {
    fprintf(stderr, "%s: %s: not a Lua 5.1 binary chunk: give the .lua source instead\n", progname, file);
    exit(EXIT_FAILURE);
  }
  if (h[10] != (unsigned char)want[10] || h[11] != (unsigned char)want[11]) {
    fprintf(stderr, "%s: %s: precompiled with %d-byte %s numbers, target %s uses %s numbers: "
            "give the .lua source instead\n", progname, file, h[10],
            h[11] ? "integer" : "floating-point", lo.target, lfs_numname(lo.abi.numtype));
    exit(EXIT_FAILURE);
  }
  if (memcmp(h, want, sizeof h) != 0) {
    fprintf(stderr, "%s: %s: precompiled for another ABI (%s-endian, int %d, size_t %d bytes), "
            "flashluac reads chunks of its host (%s-endian, int %d, size_t %d): give the .lua "
            "source instead\n", progname, file, h[6] ? "little" : "big", h[7], h[8],
            want[6] ? "little" : "big", want[7], want[8]);
    exit(EXIT_FAILURE);
  }
}

static int count_bytes(lua_State *L, const void *p, size_t size, void *ud) {
  (void)L; (void)p;
  *(size_t *)ud += size;
  return 0;
}

struct lfsjob { int argc; char **argv; };

static int lfs_compile(lua_State *L) {
  struct lfsjob *j = (struct lfsjob *)lua_touserdata(L, 1);
  LfsWriterOpts o;
  LfsWriter *w;
  LfsStats st;
  unsigned char *img;
  size_t len, luac_host = 0;
  char why[256];
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  int i;
  FILE *out;
  lua_settop(L, 0);
  luaL_openlibs(L);                 /* the runtime's fixed strings: every string interned now */
  lua_gc(L, LUA_GCCOLLECT, 0);
  o.abi = lo.abi;
  o.strip = lo.strip;
  o.base = lo.base;
  o.embed = lo.embed;
  o.time = (uint32_t)(sde != NULL ? strtoul(sde, NULL, 10) : (unsigned long)time(NULL));
  w = lfs_writer_new(L, &o);
  if (w == NULL) fatal("cannot create the image writer");
  if (!lo.nofixed && !lfs_writer_fixed(w)) fatal("not enough memory");
  if (!lua_checkstack(L, 2 * j->argc + 8)) fatal("too many input files");
  for (i = 0; i < j->argc; i++) {
    const char *file = j->argv[i];
    const FProto *p;
    module_name(L, file);
    check_chunk(file);
    if (luaL_loadfile(L, file) != 0) fatal(lua_tostring(L, -1));
    p = fl_clv(L->top - 1)->l.p;
    if (!lfs_writer_module(w, fl_strv(L->top - 2), p, why, sizeof why)) {
      fprintf(stderr, "%s: %s: %s\n", progname, file, why);
      exit(EXIT_FAILURE);
    }
    if (flU_dump(L, p, count_bytes, &luac_host, 1) != 0) fatal("cannot measure chunk");
  }
  if (!lfs_writer_finish(w, &img, &len, &st, why, sizeof why)) fatal(why);
  if (lo.maxsize != 0 && len > lo.maxsize) {
    fprintf(stderr, "%s: image is %lu bytes, more than the -m limit of %lu\n", progname,
            (unsigned long)len, lo.maxsize);
    exit(EXIT_FAILURE);
  }
  out = fopen(lo.output, "wb");
  output = lo.output;
  if (out == NULL) cannot("open");
  if (fwrite(img, 1, len, out) != len) cannot("write");
  if (fclose(out) != 0) cannot("close");
  if (lo.verbose) {
    printf("%s: %lu bytes for target %s%s\n", lo.output, (unsigned long)len, lo.target,
           lo.base ? " (absolute)" : "");
    printf("  modules  %lu:", (unsigned long)st.nmodules);
    for (i = 0; i < j->argc && i < 12; i++) {
      module_name(L, j->argv[i]);
      printf(" %s", lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    if (j->argc > 12) printf(" ... (%d more)", j->argc - 12);
    printf("\n  protos   %lu, %lu instructions, %lu constants\n", (unsigned long)st.nprotos,
           (unsigned long)st.ninstr, (unsigned long)st.nconst);
    printf("  strings  %lu (%lu of them the runtime's own), %lu bytes\n", (unsigned long)st.nstrings,
           (unsigned long)st.nfixed, (unsigned long)st.strings);
    printf("  sections header %lu, ROstrt %lu, index %lu, protos %lu, code %lu, constants %lu,\n"
           "           nested %lu, debug parts %lu, line info %lu, locals %lu, upvalue names %lu,\n"
           "           strings %lu, padding %lu\n",
           (unsigned long)st.header, (unsigned long)st.rostrt, (unsigned long)st.index,
           (unsigned long)st.protos, (unsigned long)st.code, (unsigned long)st.consts,
           (unsigned long)st.nested, (unsigned long)st.debug, (unsigned long)st.lineinfo, (unsigned long)st.locvars,
           (unsigned long)st.upvalues, (unsigned long)st.strings, (unsigned long)st.padding);
    printf("  runtime  %lu bytes for the runtime's own strings (not used by the modules)\n",
           (unsigned long)st.fixedonly);
    if (st.nfixref > 0)
      printf("  fixed    %lu of the runtime's %lu compiled-in strings referred to, not stored "
             "(id 0x%08lx)\n", (unsigned long)st.nfixref, (unsigned long)st.nfixtab,
             (unsigned long)st.fixid);
    printf("  luac5.1 -s of the same modules: %lu bytes (this host), %lu bytes (target sizes);"
           " image/luac = %.2f (%.2f without the runtime's strings)\n", (unsigned long)luac_host,
           (unsigned long)st.luac_target,
           st.luac_target ? (double)len / (double)st.luac_target : 0.0,
           st.luac_target ? (double)(len - st.fixedonly) / (double)st.luac_target : 0.0);
    if (lo.strip < 2) printf("  (this image keeps debug information: compare a -s image with luac5.1 -s)\n");
  }
  free(img);
  lfs_writer_free(w);
  return 0;
}

static int lfs_main(int argc, char **argv) {
  struct lfsjob j;
  lua_State *L;
  LfsAbi me;
  int first;
  if (argv[0] != NULL && argv[0][0] != '\0') progname = argv[0];
  first = lfs_args(argc, argv);
  lfs_native_abi(&me);
  if (strcmp(lo.target, "host") == 0)
    lo.abi = me;
  else {
    const LfsTarget *t;
    for (t = lfs_targets; t->name != NULL && strcmp(t->name, lo.target) != 0; t++) {}
    if (t->name == NULL) {
      fprintf(stderr, "%s: unknown target '%s' (host", progname, lo.target);
      for (t = lfs_targets; t->name != NULL; t++) fprintf(stderr, ", %s", t->name);
      fprintf(stderr, ")\n");
      return EXIT_FAILURE;
    }
    lo.abi = t->abi;
  }
  if (lo.abi.numtype != me.numtype) reexec_for_numbers(argv, lo.abi.numtype);
  if (lo.base > (lo.abi.ptrsize == 4 ? 0xFFFFFFFFull : ~0ull)) lfs_usage("'-a' address too large for the target");
  /* the fixed strings must not depend on the environment */
  unsetenv("LUA_PATH");
  unsetenv("LUA_CPATH");
  L = luaL_newstate();
  if (L == NULL) fatal("not enough memory for state");
  j.argc = argc - first;
  j.argv = argv + first;
  if (lua_cpcall(L, lfs_compile, &j) != 0) fatal(lua_tostring(L, -1));
  lua_close(L);
  return EXIT_SUCCESS;
}
