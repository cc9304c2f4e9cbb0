/*
** lfs_format.c -- what writer and loader share: the target ABIs, the struct layout engine that
** places the fields of fl_core.h's flash objects for any ABI, the build id, CRC-32 and the
** byte-order helpers. See lfs_format.h and docs/image-format.md.
*/
#include "fl_core.h"
#include "fl_opcodes.h"
#include "lfs_format.h"

const LfsTarget lfs_targets[] = {
  { "le32-double", { 4, 0, LFS_NUM_DOUBLE, 8, 4, 4, 4, 4 },
    "32-bit little-endian, double numbers (ARM Cortex-M EABI, Xtensa ESP8266/ESP32)" },
  { "le32-float",  { 4, 0, LFS_NUM_FLOAT, 4, 4, 4, 4, 4 },
    "32-bit little-endian, float numbers" },
  { "le32-int",    { 4, 0, LFS_NUM_INT32, 4, 4, 4, 4, 4 },
    "32-bit little-endian, 32-bit integer numbers" },
  { NULL, { 0, 0, 0, 0, 0, 0, 0, 0 }, NULL }
};

struct num_probe { char c; FValNumber n; };

void lfs_native_abi(LfsAbi *abi) {
  unsigned int probe = 1;
  abi->ptrsize = (uint8_t)sizeof(void *);
  abi->bigendian = (uint8_t)(*(unsigned char *)&probe == 0);
#if defined(FL_NUMBER_INTEGRAL)
  abi->numtype = LFS_NUM_INT32;
#elif defined(FL_NUMBER_FLOAT)
  abi->numtype = LFS_NUM_FLOAT;
#else
  abi->numtype = LFS_NUM_DOUBLE;
#endif
  abi->numsize = (uint8_t)sizeof(lua_Number);
  abi->intsize = (uint8_t)sizeof(int);
  abi->sizetsize = (uint8_t)sizeof(size_t);
  abi->numalign = (uint8_t)offsetof(struct num_probe, n);
  abi->longsize = (uint8_t)sizeof(long);
}

const char *lfs_numname(int numtype) {
  switch (numtype) {
    case LFS_NUM_DOUBLE: return "double";
    case LFS_NUM_FLOAT: return "float";
    case LFS_NUM_INT32: return "32-bit int";
    default: return "unknown";
  }
}

const char *lfs_abi_target(const LfsAbi *abi) {
  const LfsTarget *t;
  LfsAbi host;
  /* a named target first: on a device, its own ABI is one of them ("host" would mislead) */
  for (t = lfs_targets; t->name != NULL; t++)
    if (memcmp(&t->abi, abi, sizeof *abi) == 0) return t->name;
  lfs_native_abi(&host);
  return memcmp(&host, abi, sizeof host) == 0 ? "host" : NULL;
}

/* ---------------------------------------------------------------- layout engine */

/* place a field of `size` bytes aligned to `align` in a struct being built */
typedef struct Placer { unsigned off, align; } Placer;

static unsigned place(Placer *s, unsigned size, unsigned align) {
  unsigned at = lfs_alignup(s->off, align);
  s->off = at + size;
  if (align > s->align) s->align = align;
  return at;
}

static unsigned finish(Placer *s) {
  return lfs_alignup(s->off, s->align);
}

static unsigned umax(unsigned a, unsigned b) { return a > b ? a : b; }

static int pow2(unsigned x) { return x != 0 && (x & (x - 1)) == 0; }

int lfs_layout(const LfsAbi *a, LfsLayout *lo) {
  Placer s;
  unsigned P = a->ptrsize, I = a->intsize, Z = a->sizetsize, N = a->numsize;
  unsigned fval_size, fval_align;
  if ((P != 4 && P != 8) || I != 4 || (Z != 4 && Z != 8) || a->bigendian > 1 ||
      !pow2(a->numalign) || a->numalign < 4 || a->numalign > N ||
      (a->longsize != 4 && a->longsize != 8))
    return 0;
  switch (a->numtype) {
    case LFS_NUM_DOUBLE: if (N != 8) return 0; break;
    case LFS_NUM_FLOAT: case LFS_NUM_INT32: if (N != 4) return 0; break;
    default: return 0;
  }
  lo->numalign = a->numalign;
  lo->ptr = P; lo->intsz = I; lo->sizet = Z; lo->num = N;
  /* FString: union { struct { next; tt; marked; reserved; hash; len; } tsv; } */
  s.off = 0; s.align = 1;
  lo->str_next = place(&s, P, P);
  lo->str_tt = place(&s, 1, 1);
  lo->str_marked = place(&s, 1, 1);
  lo->str_reserved = place(&s, 1, 1);
  lo->str_hash = place(&s, I, I);
  lo->str_len = place(&s, Z, Z);
  lo->str_size = finish(&s);
  lo->str_align = s.align;
  /* nothing reads the `next` of a read-only string: in an image it lies over the end of the
  ** previous string (as many whole alignment units of it as it has) */
  lo->str_skip = lo->str_tt / lo->str_align * lo->str_align;
  /* FValue: 4-byte pointers and double numbers: NaN-boxed, an 8-byte double whose high word
  ** is the tag word of a non-number and whose low word the payload (fl_core.h, FL_NANBOX).
  ** Otherwise { union { void *; lua_Number; int; } value; int tt; } */
  lo->val_nanbox = P == 4 && a->numtype == LFS_NUM_DOUBLE;
  if (lo->val_nanbox) {
    lo->val_value = a->bigendian ? 4 : 0;
    lo->val_tt = a->bigendian ? 0 : 4;
    lo->val_size = 8;
    lo->val_align = lo->numalign;
  } else {
    fval_align = umax(P, umax(lo->numalign, I));
    fval_size = lfs_alignup(umax(P, umax(N, I)), fval_align);
    s.off = 0; s.align = 1;
    lo->val_value = place(&s, fval_size, fval_align);
    lo->val_tt = place(&s, I, I);
    lo->val_size = finish(&s);
    lo->val_align = s.align;
  }
  /* FLocVar: { FString *varname; int startpc; int endpc; } */
  s.off = 0; s.align = 1;
  lo->lv_name = place(&s, P, P);
  lo->lv_start = place(&s, I, I);
  lo->lv_end = place(&s, I, I);
  lo->lv_size = finish(&s);
  lo->lv_align = s.align;
  /* FProto, in fl_core.h's order (a RAM proto's gray link is outside it: FProtoRAM) */
  s.off = 0; s.align = 1;
  lo->p_next = place(&s, P, P);
  lo->p_tt = place(&s, 1, 1);
  lo->p_marked = place(&s, 1, 1);
  lo->p_nups = place(&s, 1, 1);
  lo->p_numparams = place(&s, 1, 1);
  lo->p_is_vararg = place(&s, 1, 1);
  lo->p_maxstacksize = place(&s, 1, 1);
  lo->p_k = place(&s, P, P);
  lo->p_code = place(&s, P, P);
  lo->p_p = place(&s, P, P);
  lo->p_dbg = place(&s, P, P);
  lo->p_source = place(&s, P, P);
  lo->p_sizek = place(&s, I, I);
  lo->p_sizecode = place(&s, I, I);
  lo->p_sizep = place(&s, I, I);
  lo->p_linedefined = place(&s, I, I);
  lo->p_lastlinedefined = place(&s, I, I);
  lo->p_size = finish(&s);
  lo->p_align = s.align;
  /* FProtoDbg: { lineinfo; locvars; upvalues; int sizelineinfo, sizelocvars; byte sizeupvalues } */
  s.off = 0; s.align = 1;
  lo->d_lineinfo = place(&s, P, P);
  lo->d_locvars = place(&s, P, P);
  lo->d_upvalues = place(&s, P, P);
  lo->d_sizelineinfo = place(&s, I, I);
  lo->d_sizelocvars = place(&s, I, I);
  lo->d_sizeupvalues = place(&s, 1, 1);
  lo->d_size = finish(&s);
  lo->d_align = s.align;
  return 1;
}

#define SAME(field, expr)  ok = ok && (lo.field == (unsigned)(expr))

int lfs_layout_selfcheck(void) {
  LfsAbi abi;
  LfsLayout lo;
  int ok;
  lfs_native_abi(&abi);
  if (!lfs_layout(&abi, &lo)) return 0;
  ok = sizeof(Instr) == 4;
  SAME(str_next, offsetof(FString, tsv.next));
  SAME(str_tt, offsetof(FString, tsv.tt));
  SAME(str_marked, offsetof(FString, tsv.marked));
  SAME(str_reserved, offsetof(FString, tsv.reserved));
  SAME(str_hash, offsetof(FString, tsv.hash));
  SAME(str_len, offsetof(FString, tsv.len));
  SAME(str_size, sizeof(FString));
#if FL_NANBOX
  SAME(val_nanbox, 1);
  SAME(val_value, offsetof(FValue, w.value));
  SAME(val_tt, offsetof(FValue, w.tag));
#else
  SAME(val_nanbox, 0);
  SAME(val_value, offsetof(FValue, value));
  SAME(val_tt, offsetof(FValue, tt));
#endif
  SAME(val_size, sizeof(FValue));
  SAME(lv_name, offsetof(FLocVar, varname));
  SAME(lv_start, offsetof(FLocVar, startpc));
  SAME(lv_end, offsetof(FLocVar, endpc));
  SAME(lv_size, sizeof(FLocVar));
  SAME(p_next, offsetof(FProto, next));
  SAME(p_tt, offsetof(FProto, tt));
  SAME(p_marked, offsetof(FProto, marked));
  SAME(p_nups, offsetof(FProto, nups));
  SAME(p_numparams, offsetof(FProto, numparams));
  SAME(p_is_vararg, offsetof(FProto, is_vararg));
  SAME(p_maxstacksize, offsetof(FProto, maxstacksize));
  SAME(p_k, offsetof(FProto, k));
  SAME(p_code, offsetof(FProto, code));
  SAME(p_p, offsetof(FProto, p));
  SAME(p_dbg, offsetof(FProto, dbg));
  SAME(p_source, offsetof(FProto, source));
  SAME(p_sizek, offsetof(FProto, sizek));
  SAME(p_sizecode, offsetof(FProto, sizecode));
  SAME(p_sizep, offsetof(FProto, sizep));
  SAME(p_linedefined, offsetof(FProto, linedefined));
  SAME(p_lastlinedefined, offsetof(FProto, lastlinedefined));
  SAME(p_size, sizeof(FProto));
  SAME(d_lineinfo, offsetof(FProtoDbg, lineinfo));
  SAME(d_locvars, offsetof(FProtoDbg, locvars));
  SAME(d_upvalues, offsetof(FProtoDbg, upvalues));
  SAME(d_sizelineinfo, offsetof(FProtoDbg, sizelineinfo));
  SAME(d_sizelocvars, offsetof(FProtoDbg, sizelocvars));
  SAME(d_sizeupvalues, offsetof(FProtoDbg, sizeupvalues));
  SAME(d_size, sizeof(FProtoDbg));
  ok = ok && sizeof(((FProtoDbg *)0)->sizeupvalues) == 1;
  ok = ok && sizeof(((FString *)0)->tsv.len) == lo.sizet;
  return ok;
}

/* ---------------------------------------------------------------- CRC-32 and build id */

/* zlib's CRC-32: reflected polynomial 0xEDB88320, four bits at a time (a 64-byte table instead
** of a 1 KB one; half the speed of a byte table, 8 times that of a bitwise loop) */
static const uint32_t crctab[16] = {
  0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu,
  0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
  0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
  0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu
};

uint32_t lfs_crc32(uint32_t crc, const void *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  crc = ~crc;
  while (n-- > 0) {
    crc = (crc >> 4) ^ crctab[(crc ^ *s) & 0xF];
    crc = (crc >> 4) ^ crctab[(crc ^ (*s++ >> 4)) & 0xF];
  }
  return ~crc;
}

uint32_t lfs_image_crc(const unsigned char *img, size_t size) {
  static const unsigned char zero[12] = { 0 };
  uint32_t c;
  if (size < LFS_HEADER_SIZE) return 0;
  c = lfs_crc32(0, img, LFS_H_STATE);
  c = lfs_crc32(c, zero, 12);                              /* STATE, CRC and CRCPI */
  return lfs_crc32(c, img + LFS_H_STATE + 12, size - (LFS_H_STATE + 12));
}

static uint32_t crcstr(uint32_t c, const char *s) {
  return lfs_crc32(c, s, strlen(s) + 1);
}

uint32_t lfs_tagword(const LfsLayout *lo, int tt) {
  return lo->val_nanbox ? LFS_NB_TAGBASE | (uint32_t)tt : (uint32_t)tt;
}

int lfs_valtype(const LfsLayout *lo, const unsigned char *val, int bigendian) {
  uint32_t w = (uint32_t)lfs_getn(val + lo->val_tt, 4, bigendian);
  if (!lo->val_nanbox) return w <= 0xFFu ? (int)w : -1;
  if (w >= LFS_NB_TAGBASE) return w - LFS_NB_TAGBASE <= 0xFFu ? (int)(w - LFS_NB_TAGBASE) : -1;
  /* a number: only the canonical NaN may have a high word above -inf's */
  if (w <= LFS_NB_NUMMAX) return LUA_TNUMBER;
  return w == LFS_NB_NANHI && lfs_getn(val + lo->val_value, 4, bigendian) == 0 ? LUA_TNUMBER : -1;
}

static uint32_t crcint(uint32_t c, long v) {
  unsigned char b[4];
  lfs_put32le(b, (uint32_t)v);
  return lfs_crc32(c, b, 4);
}

/* Everything that makes an image of this format mean the same thing to writer and runtime,
** apart from the ABI (checked separately, for better messages). */
uint32_t lfs_buildid(void) {
  uint32_t c = 0;
  int i;
  c = crcstr(c, "flashlua-lfs");
  c = crcint(c, LFS_VERSION);
  c = crcstr(c, "FString{next,tt,marked,reserved,hash,len}+chars"
                "FValue{value{gc,p,n:numalign,b},tt}|ptr4+double:nanbox{n|payload:lo,0xFFFF0000+tt:hi}"
                "FLocVar{varname,startpc,endpc}"
                "FProto{next,tt,marked,nups,numparams,is_vararg,maxstacksize,k,code,p,dbg,source,"
                "sizek,sizecode,sizep,linedefined,lastlinedefined}"
                "FProtoDbg{lineinfo,locvars,upvalues,sizelineinfo,sizelocvars,sizeupvalues:byte}");
  c = crcint(c, LUA_TNIL); c = crcint(c, LUA_TBOOLEAN); c = crcint(c, LUA_TNUMBER);
  c = crcint(c, LUA_TSTRING); c = crcint(c, FL_TPROTO);
  c = crcint(c, FL_READONLY_MARK);
  c = crcint(c, FL_MAXSTACK);
  c = crcint(c, LFIELDS_PER_FLUSH);
  c = crcint(c, FL_VARARG_HASARG | (FL_VARARG_ISVARARG << 4) | (FL_VARARG_NEEDSARG << 8));
  c = crcint(c, FL_SIZE_OP | (FL_SIZE_A << 4) | (FL_SIZE_B << 8) | (FL_SIZE_C << 12));
  c = crcint(c, FL_POS_OP | (FL_POS_A << 8) | (FL_POS_B << 16) | (FL_POS_C << 24));
  for (i = 0; i < FL_NUM_OPCODES; i++) {
    c = crcstr(c, flP_opnames[i]);
    c = crcint(c, flP_opmodes[i]);
  }
  return c;
}

/* CRC of the count, then each string's length and bytes; 0 is kept for "none" */
uint32_t lfs_fixid(const union FString *const *fixed, unsigned n) {
  uint32_t c = crcint(0, (long)n);
  unsigned i;
  for (i = 0; i < n; i++) {
    const FString *s = fixed[i];
    c = crcint(c, (long)s->tsv.len);
    c = lfs_crc32(c, fl_getstr(s), s->tsv.len);
  }
  return c != 0 ? c : 1;
}

uint32_t lfs_fixaddr(const union FString *const *fixed, unsigned n) {
  uint32_t c = crcint(0, (long)n);
  unsigned i;
  for (i = 0; i < n; i++) {
    unsigned char b[8];
    lfs_put64le(b, (uint64_t)(uintptr_t)fixed[i]);
    c = lfs_crc32(c, b, 8);
  }
  return c != 0 ? c : 1;
}

/* ---------------------------------------------------------------- byte order */

uint32_t lfs_get32le(const unsigned char *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

uint64_t lfs_get64le(const unsigned char *p) {
  return (uint64_t)lfs_get32le(p) | ((uint64_t)lfs_get32le(p + 4) << 32);
}

void lfs_put32le(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8);
  p[2] = (unsigned char)(v >> 16); p[3] = (unsigned char)(v >> 24);
}

void lfs_put64le(unsigned char *p, uint64_t v) {
  lfs_put32le(p, (uint32_t)v);
  lfs_put32le(p + 4, (uint32_t)(v >> 32));
}

uint64_t lfs_getn(const unsigned char *p, unsigned n, int bigendian) {
  uint64_t v = 0;
  unsigned i;
  for (i = 0; i < n; i++)
    v |= (uint64_t)p[bigendian ? n - 1 - i : i] << (8 * i);
  return v;
}

void lfs_putn(unsigned char *p, unsigned n, int bigendian, uint64_t v) {
  unsigned i;
  for (i = 0; i < n; i++)
    p[bigendian ? n - 1 - i : i] = (unsigned char)(v >> (8 * i));
}
