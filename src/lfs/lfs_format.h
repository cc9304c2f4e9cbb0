/*
** lfs_format.h -- the Lua Flash Store image: the ONE description of its layout, shared by the
** writer (flashluac -f), the validator/loader and the installer. docs/image-format.md explains
** it byte by byte; keep the two in step (and bump LFS_VERSION when the layout changes).
**
** An image is:   header | ROstrt buckets | module index | protos | data vectors | strings
**   - the header is ABI independent: fixed little-endian fields, so any runtime can read it
**     and say *why* an image does not fit;
**   - everything after it is laid out for the target ABI (pointer size, endianness, number
**     type, struct alignment), object by object, field by field, exactly as the target's C
**     compiler lays out the structs of src/core/fl_core.h (FString, FProto, FProtoDbg, FValue,
**     FLocVar);
**   - a pointer field holds an image offset (position-independent image, base 0), or the
**     absolute address base + offset once the image is relocated (installed, or -a ADDR).
**     NULL is 0 in both forms (offset 0 is the header: no object lives there).
*/
#ifndef lfs_format_h
#define lfs_format_h

#include <stddef.h>
#include <stdint.h>

#define LFS_MAGIC        "\x1b" "FLLFS\r\n"   /* 8 bytes */
#define LFS_MAGIC_SIZE   8
#define LFS_VERSION      3
#define LFS_HEADER_SIZE  128

/* header fields: byte offsets; u32 little-endian unless said otherwise */
#define LFS_H_MAGIC      0    /* 8 bytes LFS_MAGIC */
#define LFS_H_VERSION    8    /* LFS_VERSION */
#define LFS_H_STATE      12   /* 0: complete; anything else (erased flash): install in progress */
#define LFS_H_CRC        16   /* CRC-32 of bytes [0,size) with STATE, CRC and CRCPI read as 0 */
#define LFS_H_CRCPI      20   /* CRC of the position-independent form (== CRC when base is 0) */
#define LFS_H_ABI        24   /* 8 bytes, LFS_A_* below */
#define LFS_H_BUILDID    32   /* lfs_buildid() of the writer */
#define LFS_H_SEED       36   /* string hash seed (0: Lua 5.1's hash) */
#define LFS_H_BASE       40   /* u64: address the pointers are relative to (0: position independent) */
#define LFS_H_SIZE       48   /* total image bytes */
#define LFS_H_TIME       52   /* build time, seconds since 1970 (SOURCE_DATE_EPOCH if set) */
#define LFS_H_FLAGS      56   /* LFS_F_* */
#define LFS_H_HDRSIZE    60   /* LFS_HEADER_SIZE */
#define LFS_H_NSTRINGS   64   /* strings in the ROstrt */
#define LFS_H_NBUCKETS   68   /* ROstrt buckets, a power of 2 */
#define LFS_H_ROSTRT     72   /* offset of the bucket array */
#define LFS_H_NMODULES   76
#define LFS_H_INDEX      80   /* offset of the module index */
#define LFS_H_NPROTOS    84
#define LFS_H_PROTOS     88   /* offset of the proto array */
#define LFS_H_DATA       92   /* offset of the data vectors */
#define LFS_H_STRINGS    96   /* offset of the first string; strings run to the end */
#define LFS_H_NFIXED     100  /* informative: strings that came from the runtime itself */
#define LFS_H_STRIP      104  /* informative: strip level used (0, 1, 2) */
#define LFS_H_GEN        108  /* slot generation, set by the installer (0 from the writer) */
#define LFS_H_FIXID      112  /* 0, or lfs_fixid() of the runtime fixed strings referred to */
#define LFS_H_NFIX       116  /* number of those strings (0 when FIXID is 0) */
#define LFS_H_FIXADDR    120  /* absolute image with FIXID: lfs_fixaddr() it was relocated for */
/* 124..127: zero */

#define LFS_F_ABSOLUTE   1u   /* pointers are base + offset */
#define LFS_F_ALL        LFS_F_ABSOLUTE

/* the 8 ABI bytes at LFS_H_ABI */
#define LFS_A_PTRSIZE    0    /* sizeof(void *): 4 or 8 */
#define LFS_A_BIGENDIAN  1    /* 0 little, 1 big */
#define LFS_A_NUMTYPE    2    /* LFS_NUM_* */
#define LFS_A_NUMSIZE    3    /* sizeof(lua_Number) */
#define LFS_A_INTSIZE    4    /* sizeof(int) == sizeof(unsigned int) */
#define LFS_A_SIZETSIZE  5    /* sizeof(size_t) */
#define LFS_A_NUMALIGN   6    /* alignment of lua_Number inside a value (FValNumber, fl_core.h) */
#define LFS_A_LONGSIZE   7    /* sizeof(long) */

#define LFS_NUM_DOUBLE   0
#define LFS_NUM_FLOAT    1
#define LFS_NUM_INT32    2

/* states of the STATE word */
#define LFS_STATE_DONE   0u

/* The target ABI. Alignment rules assumed (true of GCC/Clang on every target we know):
** char 1; int, unsigned int, size_t and pointers are aligned to their size; the number in a
** value to `numalign` (4 for float and int32; for double 8, or 4 where the runtime lowers it:
** 32-bit targets built with GCC/Clang); Instr is 4 bytes aligned to 4; a struct is aligned to
** its most aligned member and its size is a multiple of that. `longsize` is recorded and
** checked, though no flash object holds a long. */
typedef struct LfsAbi {
  uint8_t ptrsize, bigendian, numtype, numsize, intsize, sizetsize, numalign, longsize;
} LfsAbi;

/* Byte offsets, sizes and alignments of the flash objects for one ABI (computed). */
typedef struct LfsLayout {
  unsigned str_next, str_tt, str_marked, str_reserved, str_hash, str_len, str_size, str_align;
  unsigned str_skip;   /* leading bytes (`next`) of an image string laid over what precedes it */
  unsigned val_value, val_tt, val_size, val_align, val_nanbox;
  unsigned lv_name, lv_start, lv_end, lv_size, lv_align;
  unsigned p_next, p_tt, p_marked, p_nups, p_numparams, p_is_vararg, p_maxstacksize, p_k,
           p_code, p_p, p_dbg, p_source, p_sizek, p_sizecode, p_sizep, p_linedefined,
           p_lastlinedefined, p_size, p_align;
  unsigned d_lineinfo, d_locvars, d_upvalues, d_sizelineinfo, d_sizelocvars, d_sizeupvalues,
           d_size, d_align;   /* FProtoDbg */
  unsigned ptr, intsz, sizet, num, numalign;   /* scalar sizes (alignment == size but num) */
} LfsLayout;

/* named targets for flashluac -T */
typedef struct LfsTarget {
  const char *name;
  LfsAbi abi;
  const char *what;
} LfsTarget;
extern const LfsTarget lfs_targets[];      /* "le32-double", ...; NULL name ends */

void lfs_native_abi(LfsAbi *abi);          /* the ABI this code is compiled for ("host") */
int lfs_layout(const LfsAbi *abi, LfsLayout *lo);   /* 0 if the ABI is not supported */
int lfs_layout_selfcheck(void);            /* 1 if lfs_layout(native) matches the real structs */
uint32_t lfs_buildid(void);                /* hash of layout, tags, opcodes, format version */

union FString;
/* The runtime's fixed strings (flE_fixedstrings: compiled in, sorted bytewise). A position-
** independent image refers to string i of them with the pointer value SIZE + i instead of
** storing a copy; installing it resolves the reference to the runtime's object. lfs_fixid
** identifies their contents (never 0), lfs_fixaddr their addresses. */
uint32_t lfs_fixid(const union FString *const *fixed, unsigned n);
uint32_t lfs_fixaddr(const union FString *const *fixed, unsigned n);
uint32_t lfs_crc32(uint32_t crc, const void *p, size_t n);   /* zlib's crc32, start with 0 */
uint32_t lfs_image_crc(const unsigned char *img, size_t size);   /* the LFS_H_CRC rule */
const char *lfs_numname(int numtype);      /* "double", "float", "32-bit int" */
const char *lfs_abi_target(const LfsAbi *abi);   /* flashluac -T name for an ABI (or NULL) */

/* Values (FValue). val_tt is the offset of the tag word: the type tag itself (an int), or in
** a NaN-boxed value (val_nanbox: 4-byte pointers, double numbers) the high word of the double,
** LFS_NB_TAGBASE + tag for a non-number. */
#define LFS_NB_TAGBASE   0xFFFF0000u
#define LFS_NB_NUMMAX    0xFFF00000u   /* numbers: high word <= this, or the canonical NaN */
#define LFS_NB_NANHI     0xFFF80000u   /* canonical NaN: high word LFS_NB_NANHI, low word 0 */
uint32_t lfs_tagword(const LfsLayout *lo, int tt);   /* the tag word of a non-number */
/* type of the value at val (a Lua type tag), or -1 if its tag word is not one a value has */
int lfs_valtype(const LfsLayout *lo, const unsigned char *val, int bigendian);

/* little-endian header fields */
uint32_t lfs_get32le(const unsigned char *p);
uint64_t lfs_get64le(const unsigned char *p);
void lfs_put32le(unsigned char *p, uint32_t v);
void lfs_put64le(unsigned char *p, uint64_t v);

/* target-ABI scalars */
uint64_t lfs_getn(const unsigned char *p, unsigned n, int bigendian);
void lfs_putn(unsigned char *p, unsigned n, int bigendian, uint64_t v);

#define lfs_alignup(x, a)  (((x) + ((a) - 1)) / (a) * (a))

#endif
