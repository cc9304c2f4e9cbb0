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

/* zlib's CRC-32: reflected polynomial 0xEDB88320, byte table (1 KB of constant data) */
static const uint32_t crctab[256] = {
    0x00000000u, 0x77073096u, 0xEE0E612Cu, 0x990951BAu, 0x076DC419u, 0x706AF48Fu,
    0xE963A535u, 0x9E6495A3u, 0x0EDB8832u, 0x79DCB8A4u, 0xE0D5E91Eu, 0x97D2D988u,
    0x09B64C2Bu, 0x7EB17CBDu, 0xE7B82D07u, 0x90BF1D91u, 0x1DB71064u, 0x6AB020F2u,
    0xF3B97148u, 0x84BE41DEu, 0x1ADAD47Du, 0x6DDDE4EBu, 0xF4D4B551u, 0x83D385C7u,
    0x136C9856u, 0x646BA8C0u, 0xFD62F97Au, 0x8A65C9ECu, 0x14015C4Fu, 0x63066CD9u,
    0xFA0F3D63u, 0x8D080DF5u, 0x3B6E20C8u, 0x4C69105Eu, 0xD56041E4u, 0xA2677172u,
    0x3C03E4D1u, 0x4B04D447u, 0xD20D85FDu, 0xA50AB56Bu, 0x35B5A8FAu, 0x42B2986Cu,
    0xDBBBC9D6u, 0xACBCF940u, 0x32D86CE3u, 0x45DF5C75u, 0xDCD60DCFu, 0xABD13D59u,
    0x26D930ACu, 0x51DE003Au, 0xC8D75180u, 0xBFD06116u, 0x21B4F4B5u, 0x56B3C423u,
    0xCFBA9599u, 0xB8BDA50Fu, 0x2802B89Eu, 0x5F058808u, 0xC60CD9B2u, 0xB10BE924u,
    0x2F6F7C87u, 0x58684C11u, 0xC1611DABu, 0xB6662D3Du, 0x76DC4190u, 0x01DB7106u,
    0x98D220BCu, 0xEFD5102Au, 0x71B18589u, 0x06B6B51Fu, 0x9FBFE4A5u, 0xE8B8D433u,
    0x7807C9A2u, 0x0F00F934u, 0x9609A88Eu, 0xE10E9818u, 0x7F6A0DBBu, 0x086D3D2Du,
    0x91646C97u, 0xE6635C01u, 0x6B6B51F4u, 0x1C6C6162u, 0x856530D8u, 0xF262004Eu,
    0x6C0695EDu, 0x1B01A57Bu, 0x8208F4C1u, 0xF50FC457u, 0x65B0D9C6u, 0x12B7E950u,
    0x8BBEB8EAu, 0xFCB9887Cu, 0x62DD1DDFu, 0x15DA2D49u, 0x8CD37CF3u, 0xFBD44C65u,
    0x4DB26158u, 0x3AB551CEu, 0xA3BC0074u, 0xD4BB30E2u, 0x4ADFA541u, 0x3DD895D7u,
    0xA4D1C46Du, 0xD3D6F4FBu, 0x4369E96Au, 0x346ED9FCu, 0xAD678846u, 0xDA60B8D0u,
    0x44042D73u, 0x33031DE5u, 0xAA0A4C5Fu, 0xDD0D7CC9u, 0x5005713Cu, 0x270241AAu,
    0xBE0B1010u, 0xC90C2086u, 0x5768B525u, 0x206F85B3u, 0xB966D409u, 0xCE61E49Fu,
    0x5EDEF90Eu, 0x29D9C998u, 0xB0D09822u, 0xC7D7A8B4u, 0x59B33D17u, 0x2EB40D81u,
    0xB7BD5C3Bu, 0xC0BA6CADu, 0xEDB88320u, 0x9ABFB3B6u, 0x03B6E20Cu, 0x74B1D29Au,
    0xEAD54739u, 0x9DD277AFu, 0x04DB2615u, 0x73DC1683u, 0xE3630B12u, 0x94643B84u,
    0x0D6D6A3Eu, 0x7A6A5AA8u, 0xE40ECF0Bu, 0x9309FF9Du, 0x0A00AE27u, 0x7D079EB1u,
    0xF00F9344u, 0x8708A3D2u, 0x1E01F268u, 0x6906C2FEu, 0xF762575Du, 0x806567CBu,
    0x196C3671u, 0x6E6B06E7u, 0xFED41B76u, 0x89D32BE0u, 0x10DA7A5Au, 0x67DD4ACCu,
    0xF9B9DF6Fu, 0x8EBEEFF9u, 0x17B7BE43u, 0x60B08ED5u, 0xD6D6A3E8u, 0xA1D1937Eu,
    0x38D8C2C4u, 0x4FDFF252u, 0xD1BB67F1u, 0xA6BC5767u, 0x3FB506DDu, 0x48B2364Bu,
    0xD80D2BDAu, 0xAF0A1B4Cu, 0x36034AF6u, 0x41047A60u, 0xDF60EFC3u, 0xA867DF55u,
    0x316E8EEFu, 0x4669BE79u, 0xCB61B38Cu, 0xBC66831Au, 0x256FD2A0u, 0x5268E236u,
    0xCC0C7795u, 0xBB0B4703u, 0x220216B9u, 0x5505262Fu, 0xC5BA3BBEu, 0xB2BD0B28u,
    0x2BB45A92u, 0x5CB36A04u, 0xC2D7FFA7u, 0xB5D0CF31u, 0x2CD99E8Bu, 0x5BDEAE1Du,
    0x9B64C2B0u, 0xEC63F226u, 0x756AA39Cu, 0x026D930Au, 0x9C0906A9u, 0xEB0E363Fu,
    0x72076785u, 0x05005713u, 0x95BF4A82u, 0xE2B87A14u, 0x7BB12BAEu, 0x0CB61B38u,
    0x92D28E9Bu, 0xE5D5BE0Du, 0x7CDCEFB7u, 0x0BDBDF21u, 0x86D3D2D4u, 0xF1D4E242u,
    0x68DDB3F8u, 0x1FDA836Eu, 0x81BE16CDu, 0xF6B9265Bu, 0x6FB077E1u, 0x18B74777u,
    0x88085AE6u, 0xFF0F6A70u, 0x66063BCAu, 0x11010B5Cu, 0x8F659EFFu, 0xF862AE69u,
    0x616BFFD3u, 0x166CCF45u, 0xA00AE278u, 0xD70DD2EEu, 0x4E048354u, 0x3903B3C2u,
    0xA7672661u, 0xD06016F7u, 0x4969474Du, 0x3E6E77DBu, 0xAED16A4Au, 0xD9D65ADCu,
    0x40DF0B66u, 0x37D83BF0u, 0xA9BCAE53u, 0xDEBB9EC5u, 0x47B2CF7Fu, 0x30B5FFE9u,
    0xBDBDF21Cu, 0xCABAC28Au, 0x53B39330u, 0x24B4A3A6u, 0xBAD03605u, 0xCDD70693u,
    0x54DE5729u, 0x23D967BFu, 0xB3667A2Eu, 0xC4614AB8u, 0x5D681B02u, 0x2A6F2B94u,
    0xB40BBE37u, 0xC30C8EA1u, 0x5A05DF1Bu, 0x2D02EF8Du
};

uint32_t lfs_crc32(uint32_t crc, const void *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  crc = ~crc;
  while (n-- > 0) crc = (crc >> 8) ^ crctab[(crc ^ *s++) & 0xFF];
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
