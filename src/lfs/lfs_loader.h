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
  uint32_t fixid, nfix, fixaddr;   /* the runtime's compiled-in strings referred to (0: none) */
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

/* ------------------------------------------------------------------ slots and installing
** A partition holds 1 slot, or 2 (A/B): its sectors split in two halves, slot A first (an odd
** last sector is unused). An installed image records a generation in its header (LFS_H_GEN,
** covered by the CRC). Boot runs the valid slot with the newest generation (modulo 2^32; equal:
** slot A); an install writes into the other slot (1-slot: the only one) with the running
** generation + 1, header with the in-progress mark first and the mark cleared by the very last
** write: until that write the old slot still wins, after it the new one does (docs/lfs.md,
** "Reloading"). */

#define LFS_MAXSLOTS 2

/* Offset of slot i in a partition; returns its size (0 if the partition has no room). */
size_t lfs_slot_span(size_t partsize, size_t sector, unsigned nslots, unsigned i, size_t *off);

typedef struct LfsPlan {     /* where a prepared image goes */
  unsigned slot;
  size_t off, size;          /* slot offset in the partition, image bytes */
  uint32_t gen;
} LfsPlan;

typedef struct LfsStore LfsStore;

/* Pass 1 of an install: img (n bytes, writable: relocated in place) is validated completely as
** given, relocated to its RAM address and checked again with the bytecode verifier, then
** relocated for the slot it will go to (not the running one of s) with the next generation.
** Nothing is written. Returns 1 with *plan, or 0 with the reason in why. */
int lfs_prepare(const LfsStore *s, unsigned char *img, size_t n, LfsPlan *plan, lua_Alloc f,
                void *ud, char *why, size_t whylen);

/* Pass 2: erases the slot's sectors and writes the prepared image under NOR rules (header with
** the in-progress mark, body one sector at a time, the mark cleared last), then reads it back.
** Returns 1, or 0 with the reason in why. */
int lfs_program(LfsFlash *fl, const LfsPlan *plan, const unsigned char *img, char *why, size_t whylen);

/* Both passes on a copy of img, for the partition fl divided into nslots slots. */
int lfs_install(LfsFlash *fl, unsigned nslots, const unsigned char *img, size_t n, lua_Alloc f,
                void *ud, char *why, size_t whylen);

/* ------------------------------------------------------------------ the store */

#define LFS_REASON_SIZE 200

/* Opens the store of a partition mapped at map (validating it in place); *s is usable even
** when this fails (an empty store that remembers why). map may be NULL (no flash at all).
** lfs_store_open is the 1-slot form; with slots, boot picks the slot as said above. */
int lfs_store_open(LfsStore **s, const unsigned char *map, size_t partsize, const char *why_empty,
                   lua_Alloc f, void *ud);
int lfs_store_open_slots(LfsStore **s, const unsigned char *map, size_t partsize, size_t sector,
                         unsigned nslots, const char *why_empty, lua_Alloc f, void *ud);
void lfs_store_free(LfsStore *s, lua_Alloc f, void *ud);
const char *lfs_store_reason(const LfsStore *s);     /* "" if the store holds a valid image */

/* A new state with the store's ROstrt attached before its first string is created
** (s may be NULL: a plain state). */
lua_State *lfs_newstate(lua_Alloc f, void *ud, LfsStore *s);

/* What the node library needs */
typedef struct LfsConfig {
  const void *base;      /* the partition */
  size_t size, used;
  uint32_t time, nmodules, nstrings, nprotos;
  const char *reason;    /* "" when the store holds a valid image */
  unsigned nslots;       /* slots in the partition */
  int slot;              /* the running slot (0: A, 1: B), -1 without an image */
  size_t slotsize;
  const void *slotbase;  /* where the running image is (NULL without one) */
  uint32_t gen;          /* generation of the running image */
} LfsConfig;
int lfs_config(lua_State *L, LfsConfig *c);          /* 0 if the state has no store at all */
int lfs_pushmodule(lua_State *L, const char *name, size_t len);  /* closure, or nothing: 0 */
void lfs_pushnames(lua_State *L);                    /* sorted array of module names */
void lfs_pushstrings(lua_State *L, int rom);         /* sorted array of ROM or RAM strings */

#endif
