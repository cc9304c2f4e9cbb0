/*
** fl_flash_host.c -- the host's flash partition for the Lua Flash Store.
**
** The partition is a file (--flash FILE, else $FLASHLUA_FLASH, else ./flashlua.flash), mapped
** PROT_READ at a fixed address (FL_HOST_FLASH_BASE, or $FLASHLUA_FLASH_BASE) with
** MAP_FIXED_NOREPLACE, so that an installed (absolute) image is valid at every run and any
** write into the store is a crash. If the address is taken, flashlua runs with an empty store
** and says why. Writes go through the LfsFlash HAL with NOR rules enforced: erase sets a
** 4 KB sector to 0xFF, write may only clear bits.
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
#include "lfs_loader.h"
#include "fl_flash_host.h"

#if defined(__linux__) && !defined(MAP_FIXED_NOREPLACE)
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#if !defined(MAP_FIXED_NOREPLACE)
#define MAP_FIXED_NOREPLACE 0     /* a hint only; the address is checked below */
#endif

static struct {
  LfsStore *store;
  void *map;
  size_t mapsize;
  lua_Alloc f;
  void *ud;
} host;

static void cleanup(void) {
  if (host.store != NULL) lfs_store_free(host.store, host.f, host.ud);
  if (host.map != NULL) munmap(host.map, host.mapsize);
  host.store = NULL;
  host.map = NULL;
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
  return (size_t)((v + FL_HOST_FLASH_SECTOR - 1) / FL_HOST_FLASH_SECTOR * FL_HOST_FLASH_SECTOR);
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

static int fl_erase(LfsFlash *fl, size_t off) {
  unsigned char ff[FL_HOST_FLASH_SECTOR];
  int fd = *(int *)fl->ud;
  off -= off % fl->sector;
  memset(ff, 0xFF, sizeof ff);
  return pwrite(fd, ff, fl->sector, (off_t)off) == (ssize_t)fl->sector ? 0 : -1;
}

static int fl_write(LfsFlash *fl, size_t off, const void *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  int fd = *(int *)fl->ud;
  size_t i;
  if (off > fl->size || n > fl->size - off) return -1;
  for (i = 0; i < n; i++)   /* NOR: a bit can go from 1 to 0 only */
    if ((fl->map[off + i] & s[i]) != s[i]) {
      fprintf(stderr, "flashlua: NOR rule violated at flash offset 0x%lx\n", (unsigned long)(off + i));
      return -1;
    }
  return pwrite(fd, s, n, (off_t)off) == (ssize_t)n ? 0 : -1;
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
  if (fp == NULL) return NULL;
  if (fseek(fp, 0, SEEK_END) == 0 && (sz = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0) {
    b = (unsigned char *)malloc((size_t)sz + 1);
    if (b != NULL && fread(b, 1, (size_t)sz, fp) != (size_t)sz) { free(b); b = NULL; }
    *n = (size_t)sz;
  }
  fclose(fp);
  return b;
}

static void install(const char *file, size_t size, int sized, const char *image, uintptr_t base,
                    int quiet) {
  int fd = open(file, O_RDWR | O_CREAT, 0644);
  struct stat sb;
  unsigned char *img;
  size_t n = 0;
  void *m;
  LfsFlash fl;
  char why[LFS_REASON_SIZE];
  if (fd < 0 || fstat(fd, &sb) != 0) die("cannot open flash file '%s': %s", file, strerror(errno));
  if (sb.st_size == 0 || (sized && (size_t)sb.st_size != size)) {   /* a new, erased partition */
    unsigned char ff[FL_HOST_FLASH_SECTOR];
    size_t off;
    memset(ff, 0xFF, sizeof ff);
    if (ftruncate(fd, 0) != 0) die("cannot resize flash file '%s': %s", file, strerror(errno));
    for (off = 0; off < size; off += sizeof ff)
      if (pwrite(fd, ff, sizeof ff, (off_t)off) != (ssize_t)sizeof ff)
        die("cannot write flash file '%s': %s", file, strerror(errno));
  } else
    size = (size_t)sb.st_size;
  img = read_file(image, &n);
  if (img == NULL) die("cannot read image '%s': %s", image, strerror(errno));
  m = map_at(fd, size, base, why, sizeof why);
  if (m == NULL) die("cannot install: %s%s", why, "");
  fl.map = (const unsigned char *)m;
  fl.size = size;
  fl.sector = FL_HOST_FLASH_SECTOR;
  fl.erase = fl_erase;
  fl.write = fl_write;
  fl.ud = &fd;
  if (!lfs_install(&fl, img, n, host.f, host.ud, why, sizeof why)) {
    munmap(m, size);
    die("cannot install '%s': %s", image, why);
  }
  if (!quiet) {
    LfsInfo h;
    lfs_readheader(fl.map, size, &h);
    printf("installed %s into %s: %lu bytes of %lu, %lu modules\n", image, file,
           (unsigned long)h.size, (unsigned long)size, (unsigned long)h.nmodules);
  }
  munmap(m, size);
  free(img);
  close(fd);
}

lua_State *fl_host_newstate(int *argc, char **argv, lua_Alloc f, void *ud) {
  const char *file = getenv("FLASHLUA_FLASH"), *image = NULL, *v, *b;
  size_t size = FL_HOST_FLASH_SIZE;
  uintptr_t base = FL_HOST_FLASH_BASE;
  int i, sized = 0, fd, rest;
  char why[LFS_REASON_SIZE];
  struct stat sb;
  host.f = f;
  host.ud = ud;
  if (file == NULL || *file == '\0') file = FL_HOST_FLASH_FILE;
  if ((b = getenv("FLASHLUA_FLASH_BASE")) != NULL && *b != '\0') base = (uintptr_t)strtoull(b, NULL, 0);
  for (i = 1; i < *argc && argv[i][0] == '-' && argv[i][1] != '\0';) {
    if (strcmp(argv[i], "--") == 0) break;
    if ((v = take(argc, argv, i, "--flash-size")) != NULL) { size = parse_size(v); sized = 1; }
    else if ((v = take(argc, argv, i, "--flash")) != NULL) file = v;
    else if ((v = take(argc, argv, i, "--lfs-install")) != NULL) image = v;
    else {
      if ((argv[i][1] == 'e' || argv[i][1] == 'l') && argv[i][2] == '\0') i++;
      i++;
    }
  }
  argv[*argc] = NULL;
  rest = *argc > 1;
  if (image != NULL) {
    install(file, size, sized, image, base, rest);
    if (!rest) exit(EXIT_SUCCESS);
  }
  atexit(cleanup);
  why[0] = '\0';
  fd = open(file, O_RDONLY);
  if (fd < 0) {
    snprintf(why, sizeof why, "no flash file '%s' (install an image with flashlua --lfs-install)", file);
    lfs_store_open(&host.store, NULL, 0, why, f, ud);
  } else {
    void *m = NULL;
    if (fstat(fd, &sb) == 0 && sb.st_size > 0) {
      host.mapsize = (size_t)sb.st_size;
      m = map_at(fd, host.mapsize, base, why, sizeof why);
    } else
      snprintf(why, sizeof why, "flash file '%s' is empty", file);
    close(fd);
    host.map = m;
    if (m == NULL) {
      fprintf(stderr, "flashlua: flash store not used: %s\n", why);
      lfs_store_open(&host.store, NULL, host.mapsize, why, f, ud);
    } else if (!lfs_store_open(&host.store, (const unsigned char *)m, host.mapsize, NULL, f, ud)) {
      if (host.store != NULL && ((const unsigned char *)m)[0] != 0xFF)   /* not simply erased */
        fprintf(stderr, "flashlua: flash store '%s' not used: %s\n", file, lfs_store_reason(host.store));
    }
  }
  if (host.store == NULL) return NULL;
  return lfs_newstate(f, ud, host.store);
}
