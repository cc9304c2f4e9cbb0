/*
** flash.c -- the LM3S6965 port's flash driver, node.restart and node.LFS.reload, and the rest
** of fl_port.h (what the device cannot do: dynamic libraries, pipes, a shell).
**
** qemu does not emulate the LM3S6965's flash controller, and a CPU store into the flash is
** dropped (a MemManage fault with our MPU). So the driver programs the host file that backs the
** store partition (run-qemu --flash FILE: the firmware gets `--flash FILE` and qemu loads the
** file into the partition with -device loader), over semihosting:
**   erase(off)       the 1 KB page of the file at off becomes 0xFF
**   write(off, p, n) reads the page back from the file first and refuses to turn a 0 bit into
**                    a 1 (NOR rules), then writes
** After each operation the driver reads the changed bytes from the file back INTO the mapped
** flash with SYS_READ: qemu stores the bytes of a semihosting read as a debugger does, which
** writes through ROM (and the MPU). So the CPU sees the programmed flash at once, as with a real
** controller, and lfs_program's read-back check reads the flash itself.
**
** A restart (node.restart, the end of node.LFS.reload) exits with FW_RESTART_STATUS when the
** partition has a file: run-qemu then starts qemu again, which loads the file as it is now (a
** real reboot). Without a file it is a system reset (SYSRESETREQ).
** Test hook: --flash-fault N (run-qemu: FLASHLUA_FLASH_FAULT=N) cuts the power during flash
** operation N: half of its bytes are done, then the firmware exits with FW_POWERCUT_STATUS.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <semihost.h>

#include "lua.h"
#include "lauxlib.h"
#include "lfs_loader.h"
#include "fl_port.h"
#include "fw.h"

extern unsigned char __lfs_start[], __lfs_end[], __heap_start[], __heap_end[];

#define SH_MODE_RPLUSB 3         /* semihosting SYS_OPEN mode "r+b" */
#define CHUNK 64                 /* bytes per semihosting transfer through the stack */

static struct {
  int fd;                        /* the partition file, or -1 */
  unsigned long ops, fault_at;   /* flash operations so far; the one the power is cut at */
  LfsStore *store;               /* the store the running state was made with */
  unsigned char *pending;        /* a validated image waiting for the restart (malloc) */
  LfsPlan plan;
} fw_flash = { -1, 0, 0, NULL, NULL, { 0, 0, 0, 0 } };

int fw_flash_open(const char *file, unsigned long fault_at) {
  fw_flash.fault_at = fault_at;
  if (file == NULL) return 0;
  fw_flash.fd = sys_semihost_open(file, SH_MODE_RPLUSB);
  if (fw_flash.fd < 0) return -1;
  if (sys_semihost_flen(fw_flash.fd) != (uintptr_t)(__lfs_end - __lfs_start)) {
    sys_semihost_close(fw_flash.fd);
    fw_flash.fd = -1;
    return -2;
  }
  return 0;
}

void fw_flash_store(LfsStore *s) {
  fw_flash.store = s;
}

/* the bytes [off, off+n) of the file into the mapped flash (see above); 0 on success */
static int mirror(size_t off, size_t n) {
  if (sys_semihost_seek(fw_flash.fd, off) != 0) return -1;
  return sys_semihost_read(fw_flash.fd, __lfs_start + off, n) == 0 ? 0 : -1;
}

static int file_write(size_t off, const void *p, size_t n) {
  if (n == 0) return 0;
  if (sys_semihost_seek(fw_flash.fd, off) != 0) return -1;
  return sys_semihost_write(fw_flash.fd, p, n) == 0 ? 0 : -1;
}

/* Counts an operation; at the faulty one, `half` bytes of it are done and the power is cut. */
static void operation(size_t off, const void *p, size_t half) {
  if (++fw_flash.ops != fw_flash.fault_at) return;
  file_write(off, p, half);
  fw_flush_output();
  fprintf(stderr, "flashlua: power cut at flash operation %lu\n", fw_flash.ops);
  fw_exit(FW_POWERCUT_STATUS);
}

static int fw_erase(LfsFlash *fl, size_t off) {
  unsigned char ff[CHUNK];
  size_t done;
  off -= off % fl->sector;
  if (off >= fl->size) return -1;
  memset(ff, 0xFF, sizeof ff);
  operation(off, ff, sizeof ff / 2);
  for (done = 0; done < fl->sector; done += sizeof ff)
    if (file_write(off + done, ff, sizeof ff) != 0) return -1;
  return mirror(off, fl->sector);
}

static int fw_write(LfsFlash *fl, size_t off, const void *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  unsigned char old[CHUNK];
  size_t i, k;
  if (off > fl->size || n > fl->size - off) return -1;
  for (i = 0; i < n; i += k) {              /* NOR: read back, a bit can only go 1 -> 0 */
    size_t j;
    k = n - i < sizeof old ? n - i : sizeof old;
    if (sys_semihost_seek(fw_flash.fd, off + i) != 0 || sys_semihost_read(fw_flash.fd, old, k) != 0)
      return -1;
    for (j = 0; j < k; j++)
      if ((old[j] & s[i + j]) != s[i + j]) {
        fw_flush_output();
        fprintf(stderr, "flashlua: NOR rule violated: writing 0x%02x over 0x%02x at flash offset "
                "0x%lx\n", s[i + j], old[j], (unsigned long)(off + i + j));
        fw_exit(FW_NOR_STATUS);
      }
  }
  operation(off, s, n / 2);
  if (file_write(off, s, n) != 0) return -1;
  return mirror(off, n);
}

/* fwtest.flashwrite (--test-hooks): the driver's write, to show that it keeps NOR rules */
int fw_flash_test_write(size_t off, const void *p, size_t n) {
  LfsFlash fl;
  if (fw_flash.fd < 0) return -1;
  fl.map = __lfs_start;
  fl.size = (size_t)(__lfs_end - __lfs_start);
  fl.sector = FW_FLASH_PAGE;
  return fw_write(&fl, off, p, n);
}

/* ---------------------------------------------------------------- node.restart, reload */

void fl_port_restart(lua_State *L) {
  (void)L;
  if (fw_flash.pending != NULL) {           /* pass 2 of node.LFS.reload; no Lua code runs now */
    char why[LFS_REASON_SIZE];
    LfsFlash fl;
    fl.map = __lfs_start;
    fl.size = (size_t)(__lfs_end - __lfs_start);
    fl.sector = FW_FLASH_PAGE;
    fl.erase = fw_erase;
    fl.write = fw_write;
    fl.ud = NULL;
    if (!lfs_program(&fl, &fw_flash.plan, fw_flash.pending, why, sizeof why)) {
      fw_flush_output();
      fprintf(stderr, "flashlua: reload failed: %s\n", why);
    }
    if (fw_flash.fault_at != 0)             /* the tests learn how many cut points there are */
      fprintf(stderr, "flashlua: %lu flash operations\n", fw_flash.ops);
  }
  if (fw_flash.fd >= 0) {
    fw_flush_output();
    fw_exit(FW_RESTART_STATUS);             /* run-qemu boots qemu again with the file */
  }
  fw_reset();
}

int fl_port_reload(lua_State *L, const char *path, char *why, size_t whylen) {
  FILE *f;
  long n = -1;
  unsigned char *img = NULL;
  void *ud;
  lua_Alloc alloc = lua_getallocf(L, &ud);
  if (fw_flash.fd < 0 || fw_flash.store == NULL) {
    snprintf(why, whylen, "the flash store partition has no file to program (run-qemu --flash)");
    return 0;
  }
  f = fopen(path, "rb");
  if (f == NULL) {
    snprintf(why, whylen, "cannot open '%s'", path);
    return 0;
  }
  /* the image is read into the heap: the device has no other memory to keep it in */
  if (fseek(f, 0, SEEK_END) == 0) n = ftell(f);
  if (n > 0 && fseek(f, 0, SEEK_SET) == 0) img = (unsigned char *)malloc((size_t)n);
  if (img == NULL || fread(img, 1, (size_t)n, f) != (size_t)n) {
    snprintf(why, whylen, n <= 0 ? "cannot read '%s'" : "not enough memory to read '%s'", path);
    fclose(f);
    free(img);
    return 0;
  }
  fclose(f);
  if (!lfs_prepare(fw_flash.store, img, (size_t)n, &fw_flash.plan, alloc, ud, why, whylen)) {
    free(img);
    return 0;
  }
  free(fw_flash.pending);
  fw_flash.pending = img;
  return 1;
}

size_t fl_port_heaplimit(lua_State *L) {
  (void)L;
  return (size_t)(__heap_end - __heap_start);
}

/* What the device lacks (dynamic libraries, pipes, a shell) is answered by
** src/lib/fl_port_none.c, built with FL_PORT_NODE_HOOKS: this file provides the node hooks. */
