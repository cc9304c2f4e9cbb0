/*
** fuzz_lfs_image.c -- libFuzzer target: image bytes into the validator (generic, any ABI),
** and, for images of this ABI, the relocator, the verifier-checked validation at the image's
** own address and the store (open, list, intern every ROM string).
** Build (clang): cmake -DCMAKE_C_COMPILER=clang ... && cmake --build . --target fuzz_lfs_image
** Run: ./tests/lfs/fuzz_lfs_image -max_len=65536 corpus/   (seed corpus: any flashluac -f images)
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lfs_loader.h"

static void *fz_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud; (void)osize;
  if (nsize == 0) { free(ptr); return NULL; }
  return realloc(ptr, nsize);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char why[LFS_REASON_SIZE];
  unsigned char *b;
  LfsInfo h;
  if (size < LFS_HEADER_SIZE) return 0;
  b = (unsigned char *)malloc(size);
  memcpy(b, data, size);
  /* a fuzzer cannot forge CRC-32s: fix it (unless the input's last byte says not to), so that
  ** mutations reach the structural checks */
  if ((data[size - 1] & 1) == 0 && lfs_get32le(b + LFS_H_SIZE) >= LFS_HEADER_SIZE &&
      lfs_get32le(b + LFS_H_SIZE) <= size)
    lfs_put32le(b + LFS_H_CRC, lfs_image_crc(b, lfs_get32le(b + LFS_H_SIZE)));
  /* position independent, any ABI: structure only */
  lfs_validate(b, size, 0, LFS_V_ANYABI, fz_alloc, NULL, why, sizeof why);
  /* this ABI: relocate a structurally valid image here and check it completely */
  if (lfs_readheader(b, size, &h) && !(h.flags & LFS_F_ABSOLUTE) &&
      lfs_validate(b, size, 0, 0, fz_alloc, NULL, why, sizeof why)) {
    LfsStore *s;
    lfs_relocate(b, (uint64_t)(uintptr_t)b);
    if (lfs_store_open(&s, b, size, NULL, fz_alloc, NULL)) {
      lua_State *L = lfs_newstate(fz_alloc, NULL, s);
      if (L != NULL) {
        lua_pushcfunction(L, luaopen_node);
        lua_pcall(L, 0, 0, 0);
        lua_pushcfunction(L, luaopen_debug);
        lua_pcall(L, 0, 0, 0);
        luaL_dostring(L, "for _, n in ipairs(node.LFS.list()) do assert(node.LFS.get(n)) end "
                         "for _, s in ipairs(debug.getstrings('ROM')) do local t = s .. '' end");
        lua_close(L);
      }
    }
    lfs_store_free(s, fz_alloc, NULL);
  }
  free(b);
  return 0;
}
