/*
** lfs_loader.c -- validator, relocator, installer and run-time store of the Lua Flash Store.
**
** The validator reads every field through the layout of the image's ABI (lfs_layout), never
** through a host struct, so it checks images of any target and never reads out of bounds.
** Checks are ordered so that each wrong header field gives its own message: magic, version,
** ABI, number type, build id, flags, seed, size, in-progress mark, CRC, then the structure:
**   strings  in bucket order, each chain sorted by (hash, length, bytes), a chain being a run
**            of consecutive strings (each string's `next`, never read for a read-only string,
**            lies over the end of the one before): the buckets, tags, hashes and terminators
**            are checked in one linear pass, and a bitmap records where strings start (every
**            string reference is checked with it);
**   protos   a contiguous array; each is referenced exactly once (module index or a parent's
**            p[] with a higher index), so the protos form a forest rooted at the modules;
**   vectors  in the data section, in proto order, aligned, not overlapping;
**   index    names strictly increasing, main functions without upvalues;
**   code     flG_checkcode on every module (native images only).
** Once valid, the store is used through the native structs of fl_core.h.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fl_core.h"
#include "lfs_format.h"
#include "lfs_loader.h"

/* ============================================================ header */

int lfs_readheader(const unsigned char *img, size_t avail, LfsInfo *h) {
  const unsigned char *a = img + LFS_H_ABI;
  if (avail < LFS_HEADER_SIZE || memcmp(img, LFS_MAGIC, LFS_MAGIC_SIZE) != 0) return 0;
  h->version = lfs_get32le(img + LFS_H_VERSION);
  h->state = lfs_get32le(img + LFS_H_STATE);
  h->crc = lfs_get32le(img + LFS_H_CRC);
  h->flags = lfs_get32le(img + LFS_H_FLAGS);
  h->abi.ptrsize = a[LFS_A_PTRSIZE];
  h->abi.bigendian = a[LFS_A_BIGENDIAN];
  h->abi.numtype = a[LFS_A_NUMTYPE];
  h->abi.numsize = a[LFS_A_NUMSIZE];
  h->abi.intsize = a[LFS_A_INTSIZE];
  h->abi.sizetsize = a[LFS_A_SIZETSIZE];
  h->abi.numalign = a[LFS_A_NUMALIGN];
  h->abi.longsize = a[LFS_A_LONGSIZE];
  h->buildid = lfs_get32le(img + LFS_H_BUILDID);
  h->seed = lfs_get32le(img + LFS_H_SEED);
  h->base = lfs_get64le(img + LFS_H_BASE);
  h->size = lfs_get32le(img + LFS_H_SIZE);
  h->time = lfs_get32le(img + LFS_H_TIME);
  h->crcpi = lfs_get32le(img + LFS_H_CRCPI);
  h->hdrsize = lfs_get32le(img + LFS_H_HDRSIZE);
  h->nstrings = lfs_get32le(img + LFS_H_NSTRINGS);
  h->nbuckets = lfs_get32le(img + LFS_H_NBUCKETS);
  h->rostrt = lfs_get32le(img + LFS_H_ROSTRT);
  h->nmodules = lfs_get32le(img + LFS_H_NMODULES);
  h->index = lfs_get32le(img + LFS_H_INDEX);
  h->nprotos = lfs_get32le(img + LFS_H_NPROTOS);
  h->protos = lfs_get32le(img + LFS_H_PROTOS);
  h->data = lfs_get32le(img + LFS_H_DATA);
  h->strings = lfs_get32le(img + LFS_H_STRINGS);
  h->nfixed = lfs_get32le(img + LFS_H_NFIXED);
  h->strip = lfs_get32le(img + LFS_H_STRIP);
  h->fixid = lfs_get32le(img + LFS_H_FIXID);
  h->nfix = lfs_get32le(img + LFS_H_NFIX);
  h->fixaddr = lfs_get32le(img + LFS_H_FIXADDR);
  return 1;
}

/* ============================================================ validator */

typedef struct V {
  const unsigned char *img;
  size_t size;
  uint64_t base;
  LfsInfo h;
  LfsLayout lo;
  int be;
  unsigned char *strbits;     /* one bit per str_align unit of the string section */
  unsigned char *protobits;   /* one bit per proto: referenced */
  size_t nstrbits;
  uint32_t nref;              /* protos referenced so far */
  uint64_t cursor;            /* end of the last vector checked */
  const FString *const *fix;  /* the runtime's compiled-in strings, when the image refers to them */
  unsigned nfix;
  const struct Fix *byaddr;   /* absolute image: the same, sorted by address */
  char *why;
  size_t whylen;
} V;

typedef struct Fix { const FString *s; unsigned i; } Fix;

static int fixcmp(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const Fix *)a)->s, y = (uintptr_t)((const Fix *)b)->s;
  return x < y ? -1 : x > y;
}

#define BAD   0

static int fail(V *v, const char *fmt, unsigned long a, unsigned long b) {
  snprintf(v->why, v->whylen, fmt, a, b);
  return BAD;
}

static int corrupt(V *v, const char *what, uint64_t off) {
  snprintf(v->why, v->whylen, "corrupt image: %s (at offset 0x%lx)", what, (unsigned long)off);
  return BAD;
}

static uint64_t rd(const V *v, uint64_t off, unsigned n) {
  return lfs_getn(v->img + off, n, v->be);
}

static int32_t rdint(const V *v, uint64_t off) {
  uint32_t u = (uint32_t)rd(v, off, 4);
  return (u & 0x80000000u) ? -(int32_t)(0xFFFFFFFFu - u) - 1 : (int32_t)u;
}

/* a pointer field -> image offset (0: NULL); returns 0 and sets *ok = 0 when out of range */
static uint64_t rdptr(const V *v, uint64_t off, int *ok) {
  uint64_t p = rd(v, off, v->lo.ptr);
  if (p == 0) return 0;
  if (p < v->base || p - v->base >= v->size) { *ok = 0; return 0; }
  if (p - v->base == 0) { *ok = 0; return 0; }   /* base itself is the header, never an object */
  return p - v->base;
}

static int isstr(const V *v, uint64_t off) {
  uint64_t u;
  if (off < v->h.strings || off >= v->size) return 0;
  u = off - v->h.strings;
  if (u % v->lo.str_align != 0) return 0;
  u /= v->lo.str_align;
  return u < v->nstrbits && (v->strbits[u >> 3] & (1u << (u & 7))) != 0;
}

/* the compiled-in string a pointer field refers to: its index, or -1. Position independent:
** the value SIZE + index; absolute: the string's address (an address outside the image) */
static long fixref(const V *v, uint64_t off) {
  uint64_t p = rd(v, off, v->lo.ptr);
  size_t lo = 0, hi = v->nfix;
  if (v->nfix == 0) return -1;
  if (!(v->h.flags & LFS_F_ABSOLUTE))
    return (p >= v->size && p - v->size < v->nfix) ? (long)(p - v->size) : -1;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint64_t a = (uint64_t)(uintptr_t)v->byaddr[mid].s;
    if (a == p) return (long)v->byaddr[mid].i;
    if (a < p) lo = mid + 1; else hi = mid;
  }
  return -1;
}

/* a string reference (non-NULL) at off */
static int strref(V *v, uint64_t off, const char *what) {
  int ok = 1;
  uint64_t s;
  if (fixref(v, off) >= 0) return 1;
  s = rdptr(v, off, &ok);
  if (!ok || s == 0 || !isstr(v, s)) return corrupt(v, what, off);
  return 1;
}

/* the bytes and length of a valid string reference */
static const unsigned char *strbytes(const V *v, uint64_t off, uint64_t *len) {
  long i = fixref(v, off);
  int ok = 1;
  uint64_t s;
  if (i >= 0) {
    *len = v->fix[i]->tsv.len;
    return (const unsigned char *)fl_getstr(v->fix[i]);
  }
  s = rdptr(v, off, &ok);
  *len = rd(v, s + v->lo.str_len, v->lo.sizet);
  return v->img + s + v->lo.str_size;
}

/* order of two image strings: hash is already equal; by length, then bytes */
static int strcmp_img(const V *v, uint64_t a, uint64_t b) {
  uint64_t la = rd(v, a + v->lo.str_len, v->lo.sizet), lb = rd(v, b + v->lo.str_len, v->lo.sizet);
  int c;
  if (la != lb) return la < lb ? -1 : 1;
  c = memcmp(v->img + a + v->lo.str_size, v->img + b + v->lo.str_size, (size_t)la);
  return c;
}

static int check_strings(V *v) {
  const LfsLayout *lo = &v->lo;
  uint64_t off = v->h.strings, prev = 0, prevhash = 0;
  uint64_t nb = v->h.nbuckets, b, prevb = 0, count = 0;
  int ok = 1, first = 1;
  while (off < v->size) {
    uint64_t len, hash, end, u;
    const unsigned char *chars;
    if (off + lo->str_size + 1 > v->size) return corrupt(v, "truncated string", off);
    if (rd(v, off + lo->str_tt, 1) != LUA_TSTRING) return corrupt(v, "bad string tag", off);
    if (rd(v, off + lo->str_marked, 1) != FL_READONLY_MARK)
      return corrupt(v, "string not marked read-only", off);
    if (rd(v, off + lo->str_reserved, 1) != 0) return corrupt(v, "bad string reserved byte", off);
    len = rd(v, off + lo->str_len, lo->sizet);
    if (len > v->size - off - lo->str_size - 1) return corrupt(v, "string length out of image", off);
    chars = v->img + off + lo->str_size;
    if (chars[len] != '\0') return corrupt(v, "string not terminated", off);
    hash = rd(v, off + lo->str_hash, lo->intsz);
    if (hash != (uint64_t)flS_hash((const char *)chars, (size_t)len, v->h.seed))
      return corrupt(v, "bad string hash", off);
    b = hash & (nb - 1);
    if (first) {
      for (u = 0; u < b; u++)
        if (rd(v, v->h.rostrt + u * lo->ptr, lo->ptr) != 0) return corrupt(v, "bad ROstrt bucket", u);
    } else if (b == prevb) {
      /* same chain: the previous string sorts before this one */
      if (hash < prevhash || (hash == prevhash && strcmp_img(v, prev, off) >= 0))
        return corrupt(v, "string chain out of order", off);
    } else {
      if (b < prevb) return corrupt(v, "strings out of bucket order", off);
      for (u = prevb + 1; u < b; u++)
        if (rd(v, v->h.rostrt + u * lo->ptr, lo->ptr) != 0) return corrupt(v, "bad ROstrt bucket", u);
    }
    if (first || b != prevb) {   /* head of chain b */
      if (rdptr(v, v->h.rostrt + b * lo->ptr, &ok) != off || !ok)
        return corrupt(v, "bad ROstrt bucket", b);
    }
    u = (off - v->h.strings) / lo->str_align;
    v->strbits[u >> 3] = (unsigned char)(v->strbits[u >> 3] | (1u << (u & 7)));
    count++;
    first = 0;
    prev = off;
    prevb = b;
    prevhash = hash;
    end = lfs_alignup(off + lo->str_size + len + 1, lo->str_align);
    if (end >= v->size) { off = end; break; }
    off = end - lo->str_skip;   /* the next string's `next` lies over this one's end */
  }
  if (off != v->size) return corrupt(v, "string section does not end the image", off);
  if (!first)
    b = prevb + 1;
  else
    b = 0;
  for (; b < nb; b++)
    if (rd(v, v->h.rostrt + b * lo->ptr, lo->ptr) != 0) return corrupt(v, "bad ROstrt bucket", b);
  if (count != v->h.nstrings) return corrupt(v, "string count differs from the header", LFS_H_NSTRINGS);
  return 1;
}

/* a proto reference at off from proto `parent` (-1: the module index); marks it used */
static int protoref(V *v, uint64_t off, int64_t parent) {
  int ok = 1;
  uint64_t p = rdptr(v, off, &ok), i;
  if (!ok || p < v->h.protos || (p - v->h.protos) % v->lo.p_size != 0 ||
      (i = (p - v->h.protos) / v->lo.p_size) >= v->h.nprotos)
    return corrupt(v, "bad proto pointer", off);
  if ((int64_t)i <= parent) return corrupt(v, "nested proto before its parent", off);
  if (v->protobits[i >> 3] & (1u << (i & 7))) return corrupt(v, "proto used twice", off);
  v->protobits[i >> 3] = (unsigned char)(v->protobits[i >> 3] | (1u << (i & 7)));
  v->nref++;
  return 1;
}

/* a vector field: n elements of `elem` bytes aligned to `al`; returns its offset (0 if n == 0) */
static int vector(V *v, uint64_t field, int32_t n, unsigned elem, unsigned al, uint64_t *at,
                  const char *what) {
  int ok = 1;
  uint64_t p = rdptr(v, field, &ok);
  *at = 0;
  if (!ok) return corrupt(v, what, field);
  if (n == 0) {
    if (p != 0) return corrupt(v, what, field);
    return 1;
  }
  if (p == 0 || p < v->h.data || p >= v->h.strings || p % al != 0 || p < v->cursor ||
      (uint64_t)n * elem > v->h.strings - p)
    return corrupt(v, what, field);
  v->cursor = p + (uint64_t)n * elem;
  *at = p;
  return 1;
}

static int check_proto(V *v, uint32_t idx) {
  const LfsLayout *lo = &v->lo;
  uint64_t o = v->h.protos + (uint64_t)idx * lo->p_size, at;
  int32_t sizek, sizecode, sizep, sizeli, sizelv, sizeuv, i;
  unsigned nups;
  int ok = 1;
  if (rd(v, o + lo->p_next, lo->ptr) != 0) return corrupt(v, "proto with GC links", o);
  if (rd(v, o + lo->p_tt, 1) != FL_TPROTO) return corrupt(v, "bad proto tag", o);
  if (rd(v, o + lo->p_marked, 1) != FL_READONLY_MARK) return corrupt(v, "proto not marked read-only", o);
  sizek = rdint(v, o + lo->p_sizek);
  sizecode = rdint(v, o + lo->p_sizecode);
  sizep = rdint(v, o + lo->p_sizep);
  nups = (unsigned)rd(v, o + lo->p_nups, 1);
  if (sizek < 0 || sizecode <= 0 || sizep < 0) return corrupt(v, "bad proto sizes", o);
  if ((rd(v, o + lo->p_is_vararg, 1) & ~(uint64_t)7) != 0 ||
      rd(v, o + lo->p_maxstacksize, 1) > FL_MAXSTACK)
    return corrupt(v, "bad proto header", o);
  if (!strref(v, o + lo->p_source, "bad proto source")) return BAD;
  if (!vector(v, o + lo->p_code, sizecode, 4, 4, &at, "bad code vector")) return BAD;
  if (!vector(v, o + lo->p_k, sizek, lo->val_size, lo->val_align, &at, "bad constant vector"))
    return BAD;
  for (i = 0; i < sizek; i++) {
    uint64_t k = at + (uint64_t)i * lo->val_size;
    int tt = lfs_valtype(lo, v->img + k, v->be);
    switch (tt) {
      case LUA_TNIL: case LUA_TNUMBER: break;
      case LUA_TBOOLEAN:
        if (rd(v, k + lo->val_value, lo->intsz) > 1) return corrupt(v, "bad boolean constant", k);
        break;
      case LUA_TSTRING:
        if (!strref(v, k + lo->val_value, "bad string constant")) return BAD;
        break;
      default: return corrupt(v, "bad constant type", k);
    }
  }
  if (!vector(v, o + lo->p_p, sizep, lo->ptr, lo->ptr, &at, "bad nested proto vector")) return BAD;
  for (i = 0; i < sizep; i++)
    if (!protoref(v, at + (uint64_t)i * lo->ptr, idx)) return BAD;
  /* the debug part (NULL: none), then its vectors, in this order */
  if (rdptr(v, o + lo->p_dbg, &ok) != 0 || !ok) {
    uint64_t d;
    if (!vector(v, o + lo->p_dbg, 1, lo->d_size, lo->d_align, &d, "bad proto debug part")) return BAD;
    sizeli = rdint(v, d + lo->d_sizelineinfo);
    sizelv = rdint(v, d + lo->d_sizelocvars);
    sizeuv = (int32_t)rd(v, d + lo->d_sizeupvalues, 1);
    if (sizeli < 0 || sizelv < 0 || (sizeli != 0 && sizeli != sizecode) ||
        (sizeuv != 0 && (unsigned)sizeuv != nups))
      return corrupt(v, "bad proto debug sizes", d);
    if (!vector(v, d + lo->d_lineinfo, sizeli, lo->intsz, lo->intsz, &at, "bad line info vector"))
      return BAD;
    if (!vector(v, d + lo->d_locvars, sizelv, lo->lv_size, lo->lv_align, &at,
                "bad local variable vector"))
      return BAD;
    for (i = 0; i < sizelv; i++)
      if (!strref(v, at + (uint64_t)i * lo->lv_size + lo->lv_name, "bad local variable name"))
        return BAD;
    if (!vector(v, d + lo->d_upvalues, sizeuv, lo->ptr, lo->ptr, &at, "bad upvalue name vector"))
      return BAD;
    for (i = 0; i < sizeuv; i++)
      if (!strref(v, at + (uint64_t)i * lo->ptr, "bad upvalue name")) return BAD;
  }
  fl_unused(ok);
  return 1;
}

static int check_index(V *v) {
  const LfsLayout *lo = &v->lo;
  uint32_t i;
  const unsigned char *prev = NULL, *name;
  uint64_t la = 0, lb;
  for (i = 0; i < v->h.nmodules; i++) {
    uint64_t e = v->h.index + (uint64_t)i * 2 * lo->ptr, main;
    int ok = 1;
    if (!strref(v, e, "bad module name")) return BAD;
    name = strbytes(v, e, &lb);
    if (i > 0) {
      int c = memcmp(prev, name, (size_t)(la < lb ? la : lb));
      if (c > 0 || (c == 0 && la >= lb)) return corrupt(v, "module index out of order", e);
    }
    prev = name;
    la = lb;
    if (!protoref(v, e + lo->ptr, -1)) return BAD;
    main = rdptr(v, e + lo->ptr, &ok);
    if (rd(v, main + lo->p_nups, 1) != 0) return corrupt(v, "module function with upvalues", main);
  }
  return 1;
}

/* the runtime's compiled-in strings the image refers to: this runtime's own, at the addresses an
** installed image was relocated for */
static int check_fixed(V *v, int flags) {
  LfsInfo *h = &v->h;
  LfsAbi me;
  unsigned n;
  const FString *const *fix = flE_fixedstrings(&n);
  if (h->fixid == 0) {
    if (h->nfix != 0 || h->fixaddr != 0) return fail(v, "image has bad fixed-string fields", 0, 0);
    return 1;
  }
  if (n == 0)
    return fail(v, "image refers to the runtime's compiled-in strings, this flashlua has none "
                   "(built with FL_ROM=OFF): rebuild the image with flashluac -f -E", 0, 0);
  if (h->nfix != n || h->fixid != lfs_fixid(fix, n))
    return fail(v, "image refers to another runtime's compiled-in strings (id 0x%08lx, this "
                   "flashlua has 0x%08lx): rebuild it with this version's flashluac",
                h->fixid, lfs_fixid(fix, n));
  lfs_native_abi(&me);
  if (!(h->flags & LFS_F_ABSOLUTE)) {
    if (h->fixaddr != 0) return fail(v, "image has bad fixed-string fields", 0, 0);
  } else if (((flags & LFS_V_ANYABI) && memcmp(&h->abi, &me, sizeof me) != 0) ||
             h->fixaddr != lfs_fixaddr(fix, n))
    return fail(v, "image was installed by another build of flashlua (its compiled-in strings "
                   "are elsewhere): install it again", 0, 0);
  v->fix = fix;
  v->nfix = n;
  return 1;
}

/* header checks, in the order that gives each wrong field its own message */
static int check_header(V *v, int flags) {
  LfsInfo *h = &v->h;
  LfsAbi me;
  const char *tgt;
  char hint[64];
  lfs_native_abi(&me);
  tgt = lfs_abi_target(&me);
  snprintf(hint, sizeof hint, "rebuild it with flashluac -f -T %s", tgt ? tgt : "<target>");
  if (!lfs_readheader(v->img, v->size, h)) {
    if (v->size < LFS_HEADER_SIZE) return fail(v, "image is too short (%lu bytes)", (unsigned long)v->size, 0);
    return fail(v, "not a flash store image (bad magic)", 0, 0);
  }
  if (h->version != LFS_VERSION)
    return fail(v, "image format version %lu, this flashlua reads version %lu: rebuild it with "
                   "this version's flashluac", h->version, LFS_VERSION);
  if (!(flags & LFS_V_ANYABI)) {
    if (h->abi.ptrsize != me.ptrsize) {
      snprintf(v->why, v->whylen, "image was built for %d-bit pointers, this flashlua uses %d-bit: %s",
               h->abi.ptrsize * 8, me.ptrsize * 8, hint);
      return BAD;
    }
    if (h->abi.bigendian != me.bigendian) {
      snprintf(v->why, v->whylen, "image was built for a %s-endian target, this flashlua is %s-endian: %s",
               h->abi.bigendian ? "big" : "little", me.bigendian ? "big" : "little", hint);
      return BAD;
    }
    if (h->abi.numtype != me.numtype || h->abi.numsize != me.numsize) {
      snprintf(v->why, v->whylen, "image was built for %s numbers, this flashlua uses %s: %s",
               lfs_numname(h->abi.numtype), lfs_numname(me.numtype), hint);
      return BAD;
    }
    if (memcmp(&h->abi, &me, sizeof me) != 0) {
      snprintf(v->why, v->whylen, "image was built for another struct layout (int %d, size_t %d, "
               "long %d, numbers aligned to %d; this flashlua: %d, %d, %d, %d): %s",
               h->abi.intsize, h->abi.sizetsize, h->abi.longsize, h->abi.numalign,
               me.intsize, me.sizetsize, me.longsize, me.numalign, hint);
      return BAD;
    }
  }
  if (!lfs_layout(&h->abi, &v->lo)) return fail(v, "image has an unsupported ABI", 0, 0);
  if (h->buildid != lfs_buildid())
    return fail(v, "image was built by an incompatible flashluac (build id 0x%08lx, this flashlua "
                   "has 0x%08lx): rebuild it with this version's flashluac", h->buildid, lfs_buildid());
  if (h->flags & ~LFS_F_ALL) return fail(v, "image has unknown flags 0x%lx", h->flags, 0);
  if (h->seed != 0) return fail(v, "image uses string hash seed %lu, this flashlua uses 0", h->seed, 0);
  if (h->hdrsize != LFS_HEADER_SIZE) return fail(v, "image has a bad header size (%lu)", h->hdrsize, 0);
  if (h->size > v->size)
    return fail(v, "image is truncated or larger than the partition (%lu bytes, %lu available)",
                h->size, (unsigned long)v->size);
  if (h->size < LFS_HEADER_SIZE) return fail(v, "image has a bad size (%lu)", h->size, 0);
  if (h->state != LFS_STATE_DONE)
    return fail(v, "an install did not complete (in-progress mark set): install the image again", 0, 0);
  v->size = h->size;
  {
    uint32_t c = lfs_image_crc(v->img, v->size);
    if (c != h->crc)
      return fail(v, "image is corrupt: its CRC-32 is 0x%08lx, the header says 0x%08lx", c, h->crc);
  }
  if (h->flags & LFS_F_ABSOLUTE) {
    if (h->base != v->base) {
      snprintf(v->why, v->whylen, "image was relocated for address 0x%llx but is at 0x%llx: install "
               "it again", (unsigned long long)h->base, (unsigned long long)v->base);
      return BAD;
    }
  } else if (v->base != 0 || h->base != 0)
    return fail(v, "image is position independent: install it (flashlua --lfs-install)", 0, 0);
  return check_fixed(v, flags);
}

static int check_sections(V *v) {
  LfsInfo *h = &v->h;
  const LfsLayout *lo = &v->lo;
  uint64_t end;
  if (h->nbuckets == 0 || (h->nbuckets & (h->nbuckets - 1)) != 0 || h->nbuckets > (1u << 28))
    return corrupt(v, "ROstrt bucket count not a power of 2", LFS_H_NBUCKETS);
  end = LFS_HEADER_SIZE;
  if (h->rostrt < end || h->rostrt % lo->ptr) return corrupt(v, "bad ROstrt offset", LFS_H_ROSTRT);
  end = (uint64_t)h->rostrt + (uint64_t)h->nbuckets * lo->ptr;
  if (h->index < end || h->index % lo->ptr) return corrupt(v, "bad index offset", LFS_H_INDEX);
  end = (uint64_t)h->index + (uint64_t)h->nmodules * 2 * lo->ptr;
  if (h->protos < end || h->protos % lo->p_align) return corrupt(v, "bad proto offset", LFS_H_PROTOS);
  end = (uint64_t)h->protos + (uint64_t)h->nprotos * lo->p_size;
  if (h->data < end) return corrupt(v, "bad data offset", LFS_H_DATA);
  if (h->strings < h->data || h->strings > v->size || h->strings % lo->str_align)
    return corrupt(v, "bad string offset", LFS_H_STRINGS);
  return 1;
}

int lfs_validate(const unsigned char *img, size_t avail, uint64_t base, int flags,
                 lua_Alloc f, void *ud, char *why, size_t whylen) {
  V v;
  size_t nsb, npb, nfb, scratch;
  unsigned char *mem;
  int ok;
  uint32_t i;
  char dummy[8];
  if (why == NULL || whylen == 0) { why = dummy; whylen = sizeof dummy; }
  why[0] = '\0';
  memset(&v, 0, sizeof v);
  v.img = img;
  v.size = avail;
  v.base = base;
  v.why = why;
  v.whylen = whylen;
  if (!check_header(&v, flags)) return 0;
  v.be = v.h.abi.bigendian;
  if (!check_sections(&v)) return 0;
  v.nstrbits = (v.size - v.h.strings) / v.lo.str_align + 1;
  nsb = (v.nstrbits + 7) / 8;
  npb = ((size_t)v.h.nprotos + 7) / 8;
  nfb = (v.h.flags & LFS_F_ABSOLUTE) ? v.nfix * sizeof(Fix) : 0;
  scratch = nfb + nsb + npb;   /* the Fix array first: aligned as the allocator returns it */
  mem = (unsigned char *)(*f)(ud, NULL, 0, scratch);
  if (mem == NULL) return fail(&v, "not enough memory to check the image", 0, 0);
  memset(mem, 0, scratch);
  if (nfb > 0) {
    Fix *fx = (Fix *)(void *)mem;
    for (i = 0; i < v.nfix; i++) { fx[i].s = v.fix[i]; fx[i].i = i; }
    qsort(fx, v.nfix, sizeof *fx, fixcmp);
    v.byaddr = fx;
  }
  v.strbits = mem + nfb;
  v.protobits = mem + nfb + nsb;
  v.cursor = v.h.data;
  ok = check_strings(&v);
  for (i = 0; ok && i < v.h.nprotos; i++) ok = check_proto(&v, i);
  if (ok) ok = check_index(&v);
  if (ok && v.nref != v.h.nprotos) ok = corrupt(&v, "protos not used by any module", v.h.protos);
  (*f)(ud, mem, scratch, 0);
  if (ok && (flags & LFS_V_CODE)) {
    /* the image is at its base and of this ABI: the verifier runs on the real protos */
    const unsigned char *const *ix;
    if ((uint64_t)(uintptr_t)img != base || (flags & LFS_V_ANYABI))
      return fail(&v, "internal error: code check of an image not at its base", 0, 0);
    ix = (const unsigned char *const *)(const void *)(img + v.h.index);
    for (i = 0; ok && i < v.h.nmodules; i++) {
      const FProto *p = (const FProto *)(const void *)ix[2 * i + 1];
      if (!flG_checkcode(p)) {
        const FString *name = (const FString *)(const void *)ix[2 * i];
        snprintf(why, whylen, "corrupt image: bad code in module '%s'", fl_getstr(name));
        ok = 0;
      }
    }
  }
  return ok;
}

/* ============================================================ relocation */

typedef struct R {
  unsigned char *img;
  LfsLayout lo;
  int be;
  uint64_t from, to, size;
  const FString *const *fix;  /* the compiled-in strings the image refers to (NULL: none) */
  unsigned nfix;
} R;

static void reloc(R *r, uint64_t off) {
  uint64_t p = lfs_getn(r->img + off, r->lo.ptr, r->be);
  if (p != 0) lfs_putn(r->img + off, r->lo.ptr, r->be, p - r->from + r->to);
}

/* a string pointer: a reference to a compiled-in string becomes its address (absolute image)
** or SIZE + its index (position independent); anything else is relocated as usual */
static void relocs(R *r, uint64_t off) {
  uint64_t p = lfs_getn(r->img + off, r->lo.ptr, r->be), i;
  if (r->fix == NULL || p == 0) { reloc(r, off); return; }
  if (r->from == 0) {
    if (p < r->size) { reloc(r, off); return; }
    i = p - r->size;
  } else {
    if (p >= r->from && p - r->from < r->size) { reloc(r, off); return; }
    for (i = 0; i < r->nfix && (uint64_t)(uintptr_t)r->fix[i] != p; i++) {}
  }
  if (i >= r->nfix) return;   /* not valid: cannot happen after lfs_validate */
  p = r->to == 0 ? r->size + i : (uint64_t)(uintptr_t)r->fix[i];
  lfs_putn(r->img + off, r->lo.ptr, r->be, p);
}

static uint64_t target(R *r, uint64_t off) {   /* pointer field -> offset (before relocation) */
  uint64_t p = lfs_getn(r->img + off, r->lo.ptr, r->be);
  return p == 0 ? 0 : p - r->from;
}

void lfs_relocate(unsigned char *img, uint64_t newbase) {
  LfsInfo h;
  R r;
  uint64_t i, j;
  if (!lfs_readheader(img, LFS_HEADER_SIZE, &h) || !lfs_layout(&h.abi, &r.lo)) return;
  r.img = img;
  r.be = h.abi.bigendian;
  r.from = (h.flags & LFS_F_ABSOLUTE) ? h.base : 0;
  r.to = newbase;
  r.size = h.size;
  r.fix = NULL;
  r.nfix = 0;
  if (r.from != r.to) {
    const LfsLayout *lo = &r.lo;
    if (h.fixid != 0) {   /* the compiled-in strings referred to: this runtime's */
      unsigned n;
      r.fix = flE_fixedstrings(&n);
      r.nfix = n;
      lfs_put32le(img + LFS_H_FIXADDR, newbase != 0 ? lfs_fixaddr(r.fix, n) : 0);
    }
    for (i = 0; i < h.nbuckets; i++) reloc(&r, h.rostrt + i * lo->ptr);
    for (i = 0; i < h.nmodules; i++) {
      relocs(&r, h.index + 2 * i * lo->ptr);
      reloc(&r, h.index + (2 * i + 1) * lo->ptr);
    }
    for (i = 0; i < h.nprotos; i++) {
      uint64_t o = h.protos + i * lo->p_size, v, d;
      uint32_t n;
      v = target(&r, o + lo->p_k);
      n = (uint32_t)lfs_getn(img + o + lo->p_sizek, 4, r.be);
      for (j = 0; j < n; j++) {
        uint64_t k = v + j * lo->val_size;
        if (lfs_valtype(lo, img + k, r.be) == LUA_TSTRING) relocs(&r, k + lo->val_value);
      }
      v = target(&r, o + lo->p_p);
      n = (uint32_t)lfs_getn(img + o + lo->p_sizep, 4, r.be);
      for (j = 0; j < n; j++) reloc(&r, v + j * lo->ptr);
      d = target(&r, o + lo->p_dbg);
      if (d != 0) {
        v = target(&r, d + lo->d_locvars);
        n = (uint32_t)lfs_getn(img + d + lo->d_sizelocvars, 4, r.be);
        for (j = 0; j < n; j++) relocs(&r, v + j * lo->lv_size + lo->lv_name);
        v = target(&r, d + lo->d_upvalues);
        n = (uint32_t)lfs_getn(img + d + lo->d_sizeupvalues, 1, r.be);
        for (j = 0; j < n; j++) relocs(&r, v + j * lo->ptr);
        reloc(&r, d + lo->d_lineinfo);
        reloc(&r, d + lo->d_locvars);
        reloc(&r, d + lo->d_upvalues);
      }
      reloc(&r, o + lo->p_k);
      reloc(&r, o + lo->p_code);
      reloc(&r, o + lo->p_p);
      reloc(&r, o + lo->p_dbg);
      relocs(&r, o + lo->p_source);
    }
  }
  lfs_put64le(img + LFS_H_BASE, newbase);
  lfs_put32le(img + LFS_H_FLAGS, newbase != 0 ? (h.flags | LFS_F_ABSOLUTE) : (h.flags & ~LFS_F_ABSOLUTE));
  lfs_put32le(img + LFS_H_CRC, lfs_image_crc(img, h.size));
}

/* ============================================================ slots and installer */

typedef struct LfsEntry { FString *name; FProto *main; } LfsEntry;

size_t lfs_slot_span(size_t partsize, size_t sector, unsigned nslots, unsigned i, size_t *off) {
  size_t size = nslots <= 1 ? partsize / sector * sector : partsize / sector / 2 * sector;
  *off = (size_t)i * size;
  return i < nslots ? size : 0;
}

struct LfsStore {
  FROStrTab rt;                  /* G(L)->rostrt[1]; rt.data points back here */
  const unsigned char *map;      /* the partition */
  size_t partsize, sector, slotsize;
  unsigned nslots;
  int slot;                      /* the running slot, -1: none */
  const unsigned char *img;      /* its image */
  LfsInfo h;                     /* valid when nbuckets != 0 */
  uint32_t gen;
  FGCObj *const *buckets;        /* a chain is a run of consecutive strings */
  uint32_t nbuckets;
  const unsigned char *strend;   /* end of the image: its strings run to there */
  unsigned stralign, strskip;    /* lfs_layout's str_align, str_skip */
  const LfsEntry *index;
  char reason[2 * LFS_REASON_SIZE];
};

int lfs_prepare(const LfsStore *s, unsigned char *img, size_t n, LfsPlan *plan, lua_Alloc f,
                void *ud, char *why, size_t whylen) {
  LfsInfo h;
  size_t off, room;
  unsigned slot;
  if (s->map == NULL) {
    snprintf(why, whylen, "no flash partition: %s", s->reason);
    return 0;
  }
  /* an A/B partition installs into the slot that is not running (A when none is) */
  slot = (s->nslots > 1 && s->slot == 0) ? 1 : 0;
  room = lfs_slot_span(s->partsize, s->sector, s->nslots, slot, &off);
  if (!lfs_readheader(img, n, &h))
    return lfs_validate(img, n, 0, 0, f, ud, why, whylen);   /* for its message */
  if (h.size > room) {
    if (s->nslots > 1)
      snprintf(why, whylen, "image is %lu bytes, a flash slot only %lu (the partition of %lu "
               "bytes holds 2 slots)", (unsigned long)h.size, (unsigned long)room,
               (unsigned long)s->partsize);
    else
      snprintf(why, whylen, "image is %lu bytes, the flash partition only %lu",
               (unsigned long)h.size, (unsigned long)room);
    return 0;
  }
  /* 1: the image as given (position independent, or absolute for its own base) */
  if (!lfs_validate(img, n, (h.flags & LFS_F_ABSOLUTE) ? h.base : 0, 0, f, ud, why, whylen))
    return 0;
  /* 2: relocated to where it is in RAM, the bytecode verifier runs on the real protos */
  lfs_relocate(img, (uint64_t)(uintptr_t)img);
  if (!lfs_validate(img, h.size, (uint64_t)(uintptr_t)img, LFS_V_CODE, f, ud, why, whylen))
    return 0;
  /* 3: relocated for its slot, with its generation (lfs_relocate recomputes the CRC) */
  plan->slot = slot;
  plan->off = off;
  plan->size = h.size;
  plan->gen = s->slot >= 0 ? s->gen + 1 : 1;
  lfs_put32le(img + LFS_H_GEN, plan->gen);
  lfs_relocate(img, (uint64_t)(uintptr_t)(s->map + off));
  return 1;
}

int lfs_program(LfsFlash *fl, const LfsPlan *plan, const unsigned char *img, char *why,
                size_t whylen) {
  unsigned char hdr[LFS_HEADER_SIZE], state[4];
  size_t off, n = plan->size, next;
  /* the erases cover whole sectors from plan->off: they must stay inside the partition, and a
  ** slot that does not start on a sector (a plan made for another sector size) would have its
  ** first erase reach back into the slot before it, the running one */
  if (fl->sector == 0 || plan->off % fl->sector != 0 || plan->off > fl->size ||
      n > fl->size - plan->off || n < LFS_HEADER_SIZE ||
      n / fl->sector + (n % fl->sector != 0) > (fl->size - plan->off) / fl->sector) {
    snprintf(why, whylen, "image does not fit its flash slot");
    return 0;
  }
  for (off = 0; off < n; off += fl->sector)
    if (fl->erase(fl, plan->off + off) != 0) {
      snprintf(why, whylen, "flash erase failed at offset 0x%lx", (unsigned long)(plan->off + off));
      return 0;
    }
  memcpy(hdr, img, LFS_HEADER_SIZE);
  memset(hdr + LFS_H_STATE, 0xFF, 4);              /* in progress until the very last write */
  lfs_put32le(state, LFS_STATE_DONE);
  if (fl->write(fl, plan->off, hdr, LFS_HEADER_SIZE) != 0) goto failed;
  for (off = LFS_HEADER_SIZE; off < n; off = next) {   /* one sector at a time, like a driver */
    next = (off / fl->sector + 1) * fl->sector;
    if (next > n) next = n;
    if (fl->write(fl, plan->off + off, img + off, next - off) != 0) goto failed;
  }
  if (fl->write(fl, plan->off + LFS_H_STATE, state, 4) != 0) goto failed;
  if (memcmp(fl->map + plan->off, img, LFS_H_STATE) != 0 ||
      memcmp(fl->map + plan->off + LFS_H_STATE, state, 4) != 0 ||
      memcmp(fl->map + plan->off + LFS_H_STATE + 4, img + LFS_H_STATE + 4, n - LFS_H_STATE - 4) != 0) {
    snprintf(why, whylen, "flash verify failed: the partition does not read back what was written");
    return 0;
  }
  return 1;
failed:
  snprintf(why, whylen, "flash write failed");
  return 0;
}

int lfs_install(LfsFlash *fl, unsigned nslots, const unsigned char *img, size_t n, lua_Alloc f,
                void *ud, char *why, size_t whylen) {
  LfsStore *s;
  LfsPlan plan;
  unsigned char *buf;
  int ok = 0;
  lfs_store_open_slots(&s, fl->map, fl->size, fl->sector, nslots, NULL, f, ud);
  buf = (unsigned char *)(*f)(ud, NULL, 0, n);
  if (s == NULL || buf == NULL)
    snprintf(why, whylen, "not enough memory to install the image");
  else {
    memcpy(buf, img, n);
    ok = lfs_prepare(s, buf, n, &plan, f, ud, why, whylen) &&
         lfs_program(fl, &plan, buf, why, whylen);
  }
  if (buf != NULL) (*f)(ud, buf, n, 0);
  lfs_store_free(s, f, ud);
  return ok;
}

/* ============================================================ the store */

/* the string after ts in the image, or NULL (the `next` of an image string is not a link) */
static FString *nextstr(const LfsStore *st, const FString *ts) {
  const unsigned char *p = (const unsigned char *)ts;
  size_t n = lfs_alignup(sizeof(FString) + ts->tsv.len + 1, st->stralign);
  return (size_t)(st->strend - p) > n ? (FString *)(void *)(p + n - st->strskip) : NULL;
}

static FString *store_find(const FROStrTab *t, const char *s, size_t l, unsigned int h) {
  const LfsStore *st = (const LfsStore *)t->data;
  unsigned int mask = st->nbuckets - 1;
  FGCObj *head;
  FString *ts;
  if (st->nbuckets == 0) return NULL;
  head = st->buckets[h & mask];
  for (ts = head != NULL ? &head->ts : NULL; ts != NULL; ts = nextstr(st, ts)) {
    if ((ts->tsv.hash & mask) != (h & mask)) break;   /* the next chain's strings */
    if (ts->tsv.hash == h) {
      if (ts->tsv.len == l && memcmp(s, fl_getstr(ts), l) == 0) return ts;
    } else if (ts->tsv.hash > h)
      break;   /* chains are sorted by hash */
  }
  return NULL;
}

static void store_each(const FROStrTab *t, void (*f)(FString *s, void *ud), void *ud) {
  const LfsStore *st = (const LfsStore *)t->data;
  FString *ts;
  if (st->nbuckets == 0 || st->h.nstrings == 0) return;
  for (ts = (FString *)(void *)(st->img + st->h.strings); ts != NULL; ts = nextstr(st, ts)) f(ts, ud);
}

/* Generation a is newer than b, modulo 2^32: the two slots hold consecutive generations (an
** install writes the running one + 1), so the order survives the wrap from 0xFFFFFFFF to 0. */
static int newer(uint32_t a, uint32_t b) {
  return a != b && ((a - b) & 0x80000000u) == 0;
}

static int erased(const unsigned char *p, size_t n) {
  size_t i;
  if (n < LFS_MAGIC_SIZE) return 0;   /* the validator says what is wrong */
  for (i = 0; i < LFS_MAGIC_SIZE && p[i] == 0xFF; i++) {}
  return i == LFS_MAGIC_SIZE;
}

int lfs_store_open_slots(LfsStore **sp, const unsigned char *map, size_t partsize, size_t sector,
                         unsigned nslots, const char *why_empty, lua_Alloc f, void *ud) {
  LfsStore *s = (LfsStore *)(*f)(ud, NULL, 0, sizeof(LfsStore));
  unsigned order[LFS_MAXSLOTS], n = 0, i, k;
  uint32_t gen[LFS_MAXSLOTS] = { 0, 0 };
  size_t len;
  *sp = s;
  if (s == NULL) return 0;
  memset(s, 0, sizeof *s);
  s->rt.find = store_find;
  s->rt.each = store_each;
  s->rt.data = s;
  s->map = map;
  s->partsize = partsize;
  s->sector = sector != 0 ? sector : 1;
  s->nslots = nslots < 1 ? 1 : nslots > LFS_MAXSLOTS ? LFS_MAXSLOTS : nslots;
  s->slotsize = lfs_slot_span(partsize, s->sector, s->nslots, 0, &len);
  s->slot = -1;
  if (map == NULL) {
    snprintf(s->reason, sizeof s->reason, "%s", why_empty ? why_empty : "no flash partition");
    return 0;
  }
  if (!lfs_layout_selfcheck()) {
    snprintf(s->reason, sizeof s->reason,
             "this flashlua's object layout does not match src/lfs/lfs_format.h: no store");
    return 0;
  }
  /* the slots that hold something, highest generation first (the generation is only a hint
  ** for the order: each one is validated completely before it is used) */
  for (i = 0; i < s->nslots; i++) {
    size_t off, size = lfs_slot_span(partsize, s->sector, s->nslots, i, &off);
    if (erased(map + off, size)) continue;
    gen[i] = size >= LFS_HEADER_SIZE ? lfs_get32le(map + off + LFS_H_GEN) : 0;
    for (k = n++; k > 0 && newer(gen[i], gen[order[k - 1]]); k--) order[k] = order[k - 1];
    order[k] = i;
  }
  if (n == 0)
    snprintf(s->reason, sizeof s->reason, "no image installed (the flash partition is erased)");
  for (k = 0, len = 0; k < n; k++) {
    size_t off, size = lfs_slot_span(partsize, s->sector, s->nslots, order[k], &off);
    char why[LFS_REASON_SIZE];
    if (lfs_validate(map + off, size, (uint64_t)(uintptr_t)(map + off), LFS_V_CODE, f, ud,
                     why, sizeof why)) {
      s->slot = (int)order[k];
      s->img = map + off;
      s->gen = gen[order[k]];
      break;
    }
    /* no usable slot: the reason names each slot tried */
    if (s->nslots == 1)
      snprintf(s->reason, sizeof s->reason, "%s", why);
    else if (len < sizeof s->reason)
      len += (size_t)snprintf(s->reason + len, sizeof s->reason - len, "%sslot %c: %s",
                              k > 0 ? "; " : "", 'A' + order[k], why);
  }
  if (s->slot < 0) return 0;
  lfs_readheader(s->img, s->slotsize, &s->h);
  s->nbuckets = s->h.nbuckets;
  s->buckets = (FGCObj *const *)(const void *)(s->img + s->h.rostrt);
  s->strend = s->img + s->h.size;
  {
    LfsLayout lo;
    lfs_layout(&s->h.abi, &lo);
    s->stralign = lo.str_align;
    s->strskip = lo.str_skip;
  }
  s->index = (const LfsEntry *)(const void *)(s->img + s->h.index);
  s->reason[0] = '\0';
  return 1;
}

int lfs_store_open(LfsStore **sp, const unsigned char *map, size_t partsize, const char *why_empty,
                   lua_Alloc f, void *ud) {
  return lfs_store_open_slots(sp, map, partsize, 1, 1, why_empty, f, ud);
}

void lfs_store_free(LfsStore *s, lua_Alloc f, void *ud) {
  if (s != NULL) (*f)(ud, s, sizeof *s, 0);
}

const char *lfs_store_reason(const LfsStore *s) {
  return s->reason;
}

lua_State *lfs_newstate(lua_Alloc f, void *ud, LfsStore *s) {
  return flE_newstate(f, ud, s ? &s->rt : NULL);
}

static LfsStore *getstore(lua_State *L) {
  const FROStrTab *t = G(L)->rostrt[1];
  return (t != NULL && t->find == store_find) ? (LfsStore *)t->data : NULL;
}

int lfs_config(lua_State *L, LfsConfig *c) {
  LfsStore *s = getstore(L);
  memset(c, 0, sizeof *c);
  c->slot = -1;
  if (s == NULL) {
    c->reason = "no flash store in this build";
    return 0;
  }
  c->base = s->map;
  c->slotbase = s->img;
  c->size = s->partsize;
  c->reason = s->reason;
  c->nslots = s->nslots;
  c->slot = s->slot;
  c->slotsize = s->slotsize;
  c->gen = s->gen;
  if (s->nbuckets != 0) {
    c->used = s->h.size;
    c->time = s->h.time;
    c->nmodules = s->h.nmodules;
    c->nstrings = s->h.nstrings;
    c->nprotos = s->h.nprotos;
  }
  return 1;
}

/* binary search of the module index (names are sorted bytewise, shorter first) */
static const LfsEntry *lookup(const LfsStore *s, const char *name, size_t len) {
  uint32_t lo = 0, hi;
  if (s == NULL || s->nbuckets == 0) return NULL;
  hi = s->h.nmodules;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const FString *n = s->index[mid].name;
    size_t nl = n->tsv.len;
    int c = memcmp(fl_getstr(n), name, nl < len ? nl : len);
    if (c == 0) c = (nl < len) ? -1 : (nl > len);
    if (c == 0) return &s->index[mid];
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return NULL;
}

int lfs_pushmodule(lua_State *L, const char *name, size_t len) {
  const LfsEntry *e = lookup(getstore(L), name, len);
  FClosure *cl;
  if (e == NULL) return 0;
  if (!lua_checkstack(L, 1)) return 0;
  cl = flF_newLclosure(L, 0, fl_tabv(fl_gt(L)));   /* module functions have no upvalues */
  cl->l.p = e->main;
  fl_setcl(L, L->top, cl);
  L->top++;
  return 1;
}

void lfs_pushnames(lua_State *L) {
  LfsStore *s = getstore(L);
  uint32_t i, n = (s != NULL && s->nbuckets != 0) ? s->h.nmodules : 0;
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {   /* interning finds the flash string itself */
    lua_pushlstring(L, fl_getstr(s->index[i].name), s->index[i].name->tsv.len);
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* ---------------------------------------------------------------- debug.getstrings */

typedef struct Fill { FTable *t; int n, max; const FROStrTab *skip; } Fill;

static void fill_one(FString *s, void *ud) {
  Fill *fi = (Fill *)ud;
  /* a firmware fixed string that the store holds too is listed once: the store's copy */
  if (fi->skip != NULL && fi->skip->find(fi->skip, fl_getstr(s), s->tsv.len, s->tsv.hash) != NULL)
    return;
  if (fi->t == NULL) { fi->n++; return; }   /* counting pass */
  if (fi->n < fi->max) {
    FValue *o = &fi->t->array[fi->n++];
    fl_setstr(NULL, o, s);
  }
}

static int cmpstr(const void *a, const void *b) {
  const FString *x = fl_strv((const FValue *)a), *y = fl_strv((const FValue *)b);
  size_t lx = x->tsv.len, ly = y->tsv.len;
  int c = memcmp(fl_getstr(x), fl_getstr(y), lx < ly ? lx : ly);
  return c != 0 ? c : (lx < ly ? -1 : (lx > ly));
}

void lfs_pushstrings(lua_State *L, int rom) {
  FGlobal *g = G(L);
  Fill fi;
  int i, n = 0;
  fi.t = NULL;
  fi.n = 0;
  fi.skip = NULL;
  if (rom) {
    for (i = 0; i < FL_NROSTRTAB; i++) {
      fi.skip = (i == 0) ? g->rostrt[1] : NULL;
      if (g->rostrt[i] != NULL) g->rostrt[i]->each(g->rostrt[i], fill_one, &fi);
    }
    n = fi.n;
  } else
    n = (int)g->strt.nuse;
  /* the table is allocated first: the fill below allocates nothing, so no collection can
  ** free a RAM string between the walk and the table holding it */
  lua_createtable(L, n, 0);
  fi.t = fl_tabv(L->top - 1);
  fi.n = 0;
  fi.max = n;
  if (rom) {
    for (i = 0; i < FL_NROSTRTAB; i++) {
      fi.skip = (i == 0) ? g->rostrt[1] : NULL;
      if (g->rostrt[i] != NULL) g->rostrt[i]->each(g->rostrt[i], fill_one, &fi);
    }
  } else {
    for (i = 0; i < g->strt.size; i++) {
      FGCObj *o;
      for (o = g->strt.hash[i]; o != NULL; o = o->gch.next)
        if (!fl_isdead(g, o)) fill_one(&o->ts, &fi);
    }
  }
  qsort(fi.t->array, (size_t)fi.n, sizeof(FValue), cmpstr);
}
