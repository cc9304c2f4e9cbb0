/*
** lfs_loader.h -- the runtime side of the Lua Flash Store: the validator (every field of an
** image is checked before use), the installer (relocation + NOR-rule writes through the flash
** HAL), the store attached to a state (ROstrt lookup, module index) and the helpers the node
** library uses. Ports implement the flash HAL (LfsFlash) and call lfs_store_open +
** lfs_newstate at boot.
*/
#ifndef lfs_loader_h
#define lfs_loader_h

#include <stddef.h>
#include <stdint.h>
#include "lua.h"
#include "lfs_format.h"

/* ------------------------------------------------------------------ header */

typedef struct LfsInfo {       /* the decoded header */
  uint32_t version, state, crc, flags, buildid, seed, size, time, crcpi, hdrsize;
  uint32_t nstrings, nbuckets, rostrt, nmodules, index, nprotos, protos, data, strings;
  uint32_t nfixed, strip;
  uint64_t base;
  LfsAbi abi;
} LfsInfo;

/* Decodes the header (needs LFS_HEADER_SIZE bytes); 0 if the magic is wrong. */
int lfs_readheader(const unsigned char *img, size_t avail, LfsInfo *h);

/* ------------------------------------------------------------------ validation */

#define LFS_V_CODE     1   /* also run the bytecode verifier (native ABI, image at its base) */
#define LFS_V_ANYABI   2   /* accept the image's own ABI instead of this build's (tools, tests) */

/* Checks an image of `avail` bytes at img whose pointers are relative to `base` (0 for a
** position-independent image, the image's address once installed): header, ABI, build id,
** in-progress mark, CRC, then every offset, length, alignment, tag, string hash and proto.
** Returns 1 if it may be used; otherwise 0 with a one-line reason in why. `f` provides
** temporary memory (a few bits per string and proto), freed before returning. */
int lfs_validate(const unsigned char *img, size_t avail, uint64_t base, int flags,
                 lua_Alloc f, void *ud, char *why, size_t whylen);

/* Rewrites every pointer of a validated image for a new base and updates BASE, FLAGS and CRC
** (newbase 0: back to the position-independent form). */
void lfs_relocate(unsigned char *img, uint64_t newbase);

/* ------------------------------------------------------------------ flash HAL */

/* A flash partition as a port provides it: readable at `map` (read-only memory), written
** under NOR rules: erase sets a sector to 0xFF, write can only clear bits. */
typedef struct LfsFlash {
  const unsigned char *map;   /* where the partition is visible (its absolute address) */
  size_t size;                /* bytes */
  size_t sector;              /* erase unit */
  int (*erase)(struct LfsFlash *fl, size_t off);                          /* 0 on success */
  int (*write)(struct LfsFlash *fl, size_t off, const void *p, size_t n); /* 0 on success */
  void *ud;
} LfsFlash;

/* Validates the image completely (nothing is written before that), relocates it for the
** partition and writes it: header with the in-progress mark first, the mark cleared last.
** Returns 1, or 0 with the reason in why. */
int lfs_install(LfsFlash *fl, const unsigned char *img, size_t n, lua_Alloc f, void *ud,
                char *why, size_t whylen);

/* ------------------------------------------------------------------ the store */

typedef struct LfsStore LfsStore;
#define LFS_REASON_SIZE 200

/* Opens the store of a partition mapped at map (validating it in place); *s is usable even
** when this fails (an empty store that remembers why). map may be NULL (no flash at all). */
int lfs_store_open(LfsStore **s, const unsigned char *map, size_t partsize, const char *why_empty,
                   lua_Alloc f, void *ud);
void lfs_store_free(LfsStore *s, lua_Alloc f, void *ud);
const char *lfs_store_reason(const LfsStore *s);     /* "" if the store holds a valid image */

/* A new state with the store's ROstrt attached before its first string is created
** (s may be NULL: a plain state). */
lua_State *lfs_newstate(lua_Alloc f, void *ud, LfsStore *s);

/* What the node library needs */
typedef struct LfsConfig {
  const void *base;
  size_t size, used;
  uint32_t time, nmodules, nstrings, nprotos;
  const char *reason;    /* "" when the store holds a valid image */
} LfsConfig;
int lfs_config(lua_State *L, LfsConfig *c);          /* 0 if the state has no store at all */
int lfs_pushmodule(lua_State *L, const char *name, size_t len);  /* closure, or nothing: 0 */
void lfs_pushnames(lua_State *L);                    /* sorted array of module names */
void lfs_pushstrings(lua_State *L, int rom);         /* sorted array of ROM or RAM strings */

#endif
