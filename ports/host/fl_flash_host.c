/*
** fl_flash_host.c -- the host's flash partition for the Lua Flash Store, and its restart.
**
** The partition is a file (--flash FILE, else $FLASHLUA_FLASH, else ./flashlua.flash), mapped
** PROT_READ at a fixed address (FL_HOST_FLASH_BASE, or $FLASHLUA_FLASH_BASE) with
** MAP_FIXED_NOREPLACE, so that an installed (absolute) image is valid at every run and any
** write into the store is a crash. If the address is taken, flashlua runs with an empty store
** and says why. Writes go through the LfsFlash HAL, a NOR flash simulator: erase sets a sector
** (--flash-sector, 4 KB) to 0xFF, a write may only clear bits (a 1 over a 0 ends the process
** with status 98), both through pwrite on the file, never through the VM's mapping.
** Test hooks: FLASHLUA_FLASH_FAULT=N cuts the power during flash operation N (erase or write,
** counting from 1 in this process): half of it is done, then _exit(99). FLASHLUA_FLASH_OPS=1
** prints the number of operations at exit. FLASHLUA_FLASH_NOERASE=1 makes erase do nothing.
**
** Restart (node.restart, node.LFS.reload): fl_port_restart records the request and sets a
** count hook on every thread of the state (coroutines too) that raises an error before any
** further Lua instruction, so the unwinding reaches flashlua's main loop even through pcall and
** coroutine.resume. The loop
** then calls fl_host_restart: the state is closed, a reload's image (validated by
** fl_port_reload, kept in memory) is written into its slot, the store is opened again and a
** fresh state returned. Writing after the close means no Lua code can see a half-written slot.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "fl_core.h"     /* fl_port_restart walks the threads (G(L)->rootgc) */
#include "lfs_loader.h"
#include "fl_port.h"
#include "fl_flash_host.h"

#if defined(__linux__) && !defined(MAP_FIXED_NOREPLACE)
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#if !defined(MAP_FIXED_NOREPLACE)
#define MAP_FIXED_NOREPLACE 0     /* a hint only; the address is checked below */
#endif

#define EXIT_NOR_VIOLATION 98
#define EXIT_POWER_CUT     99

static struct {
  LfsStore *store;
  void *map;
  size_t mapsize;
  lua_Alloc f;
  void *ud;
  const char *file;
  uintptr_t base;
  size_t sector;
  unsigned nslots;
  lua_State *L;                 /* the state fl_host_newstate/fl_host_restart made */
  int restart;                  /* node.restart or a reload asked for it */
  unsigned char *pending;       /* a validated image waiting for the restart (malloc) */
  LfsPlan plan;
  unsigned long ops, fault_at;  /* flash operations; the one the power is cut at */
  int noerase, count_ops, autoslots;
  char why[LFS_REASON_SIZE];    /* why the partition is not mapped */
} host;

static void cleanup(void) {
  if (host.store != NULL) lfs_store_free(host.store, host.f, host.ud);
  if (host.map != NULL) munmap(host.map, host.mapsize);
  free(host.pending);
  host.store = NULL;
  host.map = NULL;
  host.pending = NULL;
}

static void print_ops(void) {
  fprintf(stderr, "flashlua: %lu flash operations\n", host.ops);
}

static void die(const char *fmt, const char *a, const char *b) {
  fprintf(stderr, "flashlua: ");
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  exit(EXIT_FAILURE);
}

static size_t parse_size(const char *s) {
  char *end;
  unsigned long v = strtoul(s, &end, 0);
  if (*end == 'k' || *end == 'K') { v *= 1024; end++; }
  else if (*end == 'm' || *end == 'M') { v *= 1024 * 1024; end++; }
  if (end == s || *end != '\0' || v < 4096) die("bad flash size '%s' (at least 4K)%s", s, "");
  return (size_t)v;
}

/* takes --name VALUE or --name=VALUE at argv[i]; removes it; returns the value or NULL */
static const char *take(int *argc, char **argv, int i, const char *name) {
  size_t n = strlen(name);
  const char *v;
  int k, used;
  if (strncmp(argv[i], name, n) != 0) return NULL;
  if (argv[i][n] == '=') { v = argv[i] + n + 1; used = 1; }
  else if (argv[i][n] == '\0') {
    if (i + 1 >= *argc) die("option '%s' needs an argument%s", name, "");
    v = argv[i + 1];
    used = 2;
  } else
    return NULL;
  for (k = i; k + used <= *argc; k++) argv[k] = argv[k + used];
  *argc -= used;
  return v;
}

/* ---------------------------------------------------------------- the NOR HAL */

/* Counts an operation: 1 if the power is to be cut during this one. */
static int operation(void) {
  return ++host.ops == host.fault_at;
}

static void power_cut(void) {
  fprintf(stderr, "flashlua: power cut at flash operation %lu\n", host.ops);
  _exit(EXIT_POWER_CUT);
}

static int fill_ff(int fd, size_t off, size_t n) {
  static unsigned char buf[512];                 /* 0xFF bytes */
  size_t done;
  if (buf[0] != 0xFF) memset(buf, 0xFF, sizeof buf);
  for (done = 0; done < n; done += sizeof buf) {
    size_t k = n - done < sizeof buf ? n - done : sizeof buf;
    if (pwrite(fd, buf, k, (off_t)(off + done)) != (ssize_t)k) return -1;
  }
  return 0;
}

static int fl_erase(LfsFlash *fl, size_t off) {
  int fd = *(int *)fl->ud;
  off -= off % fl->sector;
  if (off >= fl->size) return -1;
  if (operation()) {   /* cut: the first half of the sector erased, the rest as it was */
    fill_ff(fd, off, fl->sector / 2);
    power_cut();
  }
  return host.noerase ? 0 : fill_ff(fd, off, fl->sector);
}

static int fl_write(LfsFlash *fl, size_t off, const void *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  int fd = *(int *)fl->ud;
  size_t i;
  if (off > fl->size || n > fl->size - off) return -1;
  for (i = 0; i < n; i++)   /* NOR: a bit can go from 1 to 0 only; anything else is a bug */
    if ((fl->map[off + i] & s[i]) != s[i]) {
      fprintf(stderr, "flashlua: NOR rule violated: writing 0x%02x over 0x%02x at flash offset "
              "0x%lx\n", s[i], fl->map[off + i], (unsigned long)(off + i));
      _exit(EXIT_NOR_VIOLATION);
    }
  if (operation()) {   /* cut: the first half of the bytes written */
    if (n / 2 > 0 && pwrite(fd, s, n / 2, (off_t)off) != (ssize_t)(n / 2)) {}
    power_cut();
  }
  return pwrite(fd, s, n, (off_t)off) == (ssize_t)n ? 0 : -1;
}

static void hal(LfsFlash *fl, const void *map, size_t size, int *fd) {
  fl->map = (const unsigned char *)map;
  fl->size = size;
  fl->sector = host.sector;
  fl->erase = fl_erase;
  fl->write = fl_write;
  fl->ud = fd;
}

/* ---------------------------------------------------------------- mapping */

static void *map_at(int fd, size_t size, uintptr_t base, char *why, size_t whylen) {
  void *want = (void *)base;
  void *m = mmap(want, size, PROT_READ, MAP_SHARED | MAP_FIXED_NOREPLACE, fd, 0);
  if (m == MAP_FAILED) {
    snprintf(why, whylen, "the flash address %p is not available (%s): running with an empty store",
             want, strerror(errno));
    return NULL;
  }
  if (m != want) {
    munmap(m, size);
    snprintf(why, whylen, "the flash address %p is not available: running with an empty store", want);
    return NULL;
  }
  return m;
}

static unsigned char *read_file(const char *name, size_t *n) {
  FILE *fp = fopen(name, "rb");
  unsigned char *b = NULL;
  long sz;
  struct stat sb;
  if (fp == NULL) return NULL;
  if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {   /* (ftell would say LONG_MAX) */
    fclose(fp);
    errno = EISDIR;
    return NULL;
  }
  if (fseek(fp, 0, SEEK_END) == 0 && (sz = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0) {
    b = (unsigned char *)malloc((size_t)sz + 1);
    if (b != NULL && fread(b, 1, (size_t)sz, fp) != (size_t)sz) { free(b); b = NULL; }
    *n = (size_t)sz;
  }
  fclose(fp);
  return b;
}

static void install(const char *file, size_t size, int sized, const char *image, int quiet) {
  int fd = open(file, O_RDWR | O_CREAT, 0644);
  struct stat sb;
  unsigned char *img;
  size_t n = 0;
  void *m;
  LfsFlash fl;
  char why[LFS_REASON_SIZE];
  if (fd < 0 || fstat(fd, &sb) != 0) die("cannot open flash file '%s': %s", file, strerror(errno));
  if (sb.st_size == 0 || (sized && (size_t)sb.st_size != size)) {   /* a new, erased partition */
    if (ftruncate(fd, 0) != 0 || fill_ff(fd, 0, size) != 0)
      die("cannot write flash file '%s': %s", file, strerror(errno));
  } else
    size = (size_t)sb.st_size;
  if (host.autoslots && size / host.sector < 2) host.nslots = 1;
  img = read_file(image, &n);
  if (img == NULL) die("cannot read image '%s': %s", image, strerror(errno));
  m = map_at(fd, size, host.base, why, sizeof why);
  if (m == NULL) die("cannot install: %s%s", why, "");
  hal(&fl, m, size, &fd);
  if (!lfs_install(&fl, host.nslots, img, n, host.f, host.ud, why, sizeof why)) {
    munmap(m, size);
    die("cannot install '%s': %s", image, why);
  }
  if (!quiet) {
    LfsStore *st;
    LfsConfig c;
    lua_State *L;
    lfs_store_open_slots(&st, fl.map, size, host.sector, host.nslots, NULL, host.f, host.ud);
    L = st != NULL ? lfs_newstate(host.f, host.ud, st) : NULL;
    if (L != NULL && lfs_config(L, &c) && c.slot >= 0) {
      if (c.nslots > 1)
        printf("installed %s into %s, slot %c: %lu bytes of %lu, %lu modules\n", image, file,
               'A' + c.slot, (unsigned long)c.used, (unsigned long)c.slotsize, (unsigned long)c.nmodules);
      else
        printf("installed %s into %s: %lu bytes of %lu, %lu modules\n", image, file,
               (unsigned long)c.used, (unsigned long)c.slotsize, (unsigned long)c.nmodules);
    }
    if (L != NULL) lua_close(L);
    lfs_store_free(st, host.f, host.ud);
  }
  munmap(m, size);
  free(img);
  close(fd);
}

/* Opens the store of the mapped partition (reporting an unusable image once) and a state. */
static lua_State *boot(void) {
  if (host.map == NULL)
    lfs_store_open(&host.store, NULL, host.mapsize, host.why, host.f, host.ud);
  else if (!lfs_store_open_slots(&host.store, (const unsigned char *)host.map, host.mapsize, host.sector,
                            host.nslots, NULL, host.f, host.ud) && host.store != NULL) {
    unsigned i;
    size_t off;
    for (i = 0; i < host.nslots; i++)   /* something else than erased flash: say why */
      if (lfs_slot_span(host.mapsize, host.sector, host.nslots, i, &off) > 0 &&
          ((const unsigned char *)host.map)[off] != 0xFF) {
        fprintf(stderr, "flashlua: flash store '%s' not used: %s\n", host.file,
                lfs_store_reason(host.store));
        break;
      }
  }
  return host.store != NULL ? lfs_newstate(host.f, host.ud, host.store) : NULL;
}

static unsigned long envnum(const char *name) {
  const char *v = getenv(name);
  return v != NULL ? strtoul(v, NULL, 10) : 0;
}

lua_State *fl_host_newstate(int *argc, char **argv, lua_Alloc f, void *ud) {
  const char *image = NULL, *v, *b;
  size_t size = FL_HOST_FLASH_SIZE;
  int i, sized = 0, fd, rest, slots = 0;
  struct stat sb;
  host.f = f;
  host.ud = ud;
  host.file = getenv("FLASHLUA_FLASH");
  host.base = FL_HOST_FLASH_BASE;
  host.sector = FL_HOST_FLASH_SECTOR;
  host.fault_at = envnum("FLASHLUA_FLASH_FAULT");
  host.noerase = envnum("FLASHLUA_FLASH_NOERASE") != 0;
  host.count_ops = envnum("FLASHLUA_FLASH_OPS") != 0;
  if (host.count_ops) atexit(print_ops);
  if (host.file == NULL || *host.file == '\0') host.file = FL_HOST_FLASH_FILE;
  if ((b = getenv("FLASHLUA_FLASH_BASE")) != NULL && *b != '\0')
    host.base = (uintptr_t)strtoull(b, NULL, 0);
  for (i = 1; i < *argc && argv[i][0] == '-' && argv[i][1] != '\0';) {
    if (strcmp(argv[i], "--") == 0) break;
    if ((v = take(argc, argv, i, "--flash-size")) != NULL) { size = parse_size(v); sized = 1; }
    else if ((v = take(argc, argv, i, "--flash-sector")) != NULL) {
      char *end;
      unsigned long n = strtoul(v, &end, 0);
      if (*end != '\0' || n < 128 || n > 1024 * 1024 || (n & (n - 1)) != 0)
        die("bad flash sector size '%s' (a power of 2, 128 to 1M)%s", v, "");
      host.sector = (size_t)n;
    } else if ((v = take(argc, argv, i, "--flash-slots")) != NULL) {
      if (strcmp(v, "1") != 0 && strcmp(v, "2") != 0) die("bad flash slot count '%s' (1 or 2)%s", v, "");
      slots = v[0] - '0';
    } else if ((v = take(argc, argv, i, "--flash")) != NULL) host.file = v;
    else if ((v = take(argc, argv, i, "--lfs-install")) != NULL) image = v;
    else {
      if ((argv[i][1] == 'e' || argv[i][1] == 'l') && argv[i][2] == '\0') i++;
      i++;
    }
  }
  argv[*argc] = NULL;
  rest = *argc > 1;
  size = (size + host.sector - 1) / host.sector * host.sector;
  /* A/B slots by default when the partition has room for two */
  host.nslots = slots != 0 ? (unsigned)slots : 2;
  host.autoslots = slots == 0;
  if (image != NULL) {
    install(host.file, size, sized, image, rest);
    if (!rest) exit(EXIT_SUCCESS);
  }
  atexit(cleanup);
  host.why[0] = '\0';
  fd = open(host.file, O_RDONLY);
  if (fd < 0)
    snprintf(host.why, sizeof host.why,
             "no flash file '%s' (install an image with flashlua --lfs-install)", host.file);
  else {
    if (fstat(fd, &sb) == 0 && sb.st_size > 0) {
      host.mapsize = (size_t)sb.st_size;
      host.map = map_at(fd, host.mapsize, host.base, host.why, sizeof host.why);
      if (host.autoslots && host.mapsize / host.sector < 2) host.nslots = 1;
    } else
      snprintf(host.why, sizeof host.why, "flash file '%s' is empty", host.file);
    close(fd);
    if (host.map == NULL) fprintf(stderr, "flashlua: flash store not used: %s\n", host.why);
  }
  host.L = boot();
  return host.L;
}

/* ---------------------------------------------------------------- restart */

int fl_host_restarting(void) {
  return host.restart;
}

static void restart_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  luaL_error(L, "restarting");
}

/* Hooks are per thread: every thread gets it, not only L and the main one, or a coroutine that
** resumed L (and sees its error as resume's result) would go on running Lua code. */
void fl_port_restart(lua_State *L) {
  const int mask = LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT;
  FGCObj *o;
  host.restart = 1;
  lua_sethook(L, restart_hook, mask, 1);
  lua_sethook(G(L)->mainthread, restart_hook, mask, 1);
  for (o = G(L)->rootgc; o != NULL; o = o->gch.next)   /* every coroutine is on rootgc */
    if (o->gch.tt == LUA_TTHREAD) lua_sethook(fl_gco2th(o), restart_hook, mask, 1);
}

int fl_port_reload(lua_State *L, const char *path, char *why, size_t whylen) {
  unsigned char *img;
  size_t n = 0;
  void *ud;
  lua_Alloc f = lua_getallocf(L, &ud);
  if (host.store == NULL || host.map == NULL) {
    snprintf(why, whylen, "no flash partition (%s)",
             host.store != NULL ? lfs_store_reason(host.store) : "no store");
    return 0;
  }
  /* the file's copy is host memory, not the Lua heap: a device reads it from its file system */
  img = read_file(path, &n);
  if (img == NULL) {
    snprintf(why, whylen, "cannot read '%s': %s", path, strerror(errno));
    return 0;
  }
  if (!lfs_prepare(host.store, img, n, &host.plan, f, ud, why, whylen)) {
    free(img);
    return 0;
  }
  free(host.pending);
  host.pending = img;
  return 1;
}

lua_State *fl_host_restart(lua_State *L) {
  lua_sethook(L, NULL, 0, 0);
  lua_close(L);
  host.L = NULL;
  host.restart = 0;
  lfs_store_free(host.store, host.f, host.ud);
  host.store = NULL;
  if (host.pending != NULL) {   /* pass 2 of node.LFS.reload */
    char why[LFS_REASON_SIZE];
    int fd = open(host.file, O_RDWR);
    LfsFlash fl;
    hal(&fl, host.map, host.mapsize, &fd);
    if (fd < 0)
      fprintf(stderr, "flashlua: reload failed: cannot open '%s': %s\n", host.file, strerror(errno));
    else if (!lfs_program(&fl, &host.plan, host.pending, why, sizeof why))
      fprintf(stderr, "flashlua: reload failed: %s\n", why);
    if (fd >= 0) close(fd);
    free(host.pending);
    host.pending = NULL;
  }
  host.L = boot();
  return host.L;
}
