/*
** lfs_writer.c -- lays out compiled protos and their strings as a flash store image for a
** target ABI, field by field (never a host struct copied), in the order lfs_loader.c checks:
**   header | ROstrt buckets | module index (sorted) | protos (modules by name, each tree in
**   preorder) | vectors (per proto: code, k, p, debug part, lineinfo, locvars, upvalues) |
**   strings
**   (by bucket, then hash, length, bytes).
** Strings are deduplicated by identity: they are all interned in one lua_State. A position-
** independent image does not store the runtime's compiled-in strings (flE_fixedstrings): it
** refers to them by index (pointer value SIZE + index), resolved when the image is installed.
** An absolute image (-a), or one asked to (-E), or one written by an FL_ROM=OFF flashluac stores
** every fixed string, as before.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fl_core.h"
#include "lfs_format.h"
#include "lfs_loader.h"
#include "lfs_writer.h"

typedef struct Mod { const FString *name; const FProto *main; } Mod;
typedef struct Fix { const FString *s; uint32_t i; } Fix;   /* sorted by address */
typedef struct PV { uint64_t code, k, p, dbg, li, lv, uv; } PV;

struct LfsWriter {
  lua_State *L;
  LfsWriterOpts o;
  LfsLayout lo;
  const FString **strs;       /* every string, in insertion order */
  unsigned char *used;        /* per string: referenced by a module */
  uint32_t nstr, capstr, capused, nfixed;
  uint32_t *set;              /* open addressing: string pointer -> index + 1 */
  uint32_t setcap;
  uint64_t *stroff;           /* image offset of strs[i] */
  Mod *mods;
  uint32_t nmod, capmod;
  const FProto **protos;      /* image order */
  uint32_t nproto, capproto;
  PV *pv;
  int strip;
  Fix *fix;                   /* refer mode: the runtime's fixed strings, else NULL */
  unsigned nfix;
  unsigned char *fixused;     /* per fixed string: referenced */
  uint64_t size;              /* image size, once laid out (fixed references are SIZE + i) */
};

static int grow(void **p, uint32_t *cap, uint32_t need, size_t elem) {
  if (need > *cap) {
    uint32_t nc = *cap ? *cap : 16;
    void *np;
    while (nc < need) nc *= 2;
    np = realloc(*p, (size_t)nc * elem);
    if (np == NULL) return 0;
    *p = np;
    *cap = nc;
  }
  return 1;
}

static uint32_t ptrhash(const void *p) {
  uintptr_t u = (uintptr_t)p;
  return (uint32_t)((u >> 3) ^ (u >> 17)) * 2654435761u;
}

static uint32_t *setslot(LfsWriter *w, const FString *s) {
  uint32_t i = ptrhash(s) & (w->setcap - 1);
  while (w->set[i] != 0 && w->strs[w->set[i] - 1] != s) i = (i + 1) & (w->setcap - 1);
  return &w->set[i];
}

/* index of string s, adding it if new; -1 on out of memory */
static long addstr(LfsWriter *w, const FString *s) {
  uint32_t *slot;
  if (2 * (w->nstr + 1) > w->setcap) {   /* keep the set at most half full */
    uint32_t i, oc = w->setcap, *old = w->set;
    w->setcap = oc ? 2 * oc : 1024;
    w->set = (uint32_t *)calloc(w->setcap, sizeof(uint32_t));
    if (w->set == NULL) { w->set = old; w->setcap = oc; return -1; }
    for (i = 0; i < w->nstr; i++) *setslot(w, w->strs[i]) = i + 1;
    free(old);
  }
  slot = setslot(w, s);
  if (*slot == 0) {
    if (!grow((void **)&w->strs, &w->capstr, w->nstr + 1, sizeof *w->strs)) return -1;
    w->strs[w->nstr] = s;
    *slot = ++w->nstr;
  }
  return (long)*slot - 1;
}

static int fixcmp(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const Fix *)a)->s, y = (uintptr_t)((const Fix *)b)->s;
  return x < y ? -1 : x > y;
}

/* index of s among the runtime's fixed strings (refer mode), or -1 */
static long fixindex(const LfsWriter *w, const FString *s) {
  size_t lo = 0, hi = w->nfix;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (w->fix[mid].s == s) return (long)w->fix[mid].i;
    if ((uintptr_t)w->fix[mid].s < (uintptr_t)s) lo = mid + 1; else hi = mid;
  }
  return -1;
}

LfsWriter *lfs_writer_new(lua_State *L, const LfsWriterOpts *o) {
  LfsWriter *w = (LfsWriter *)calloc(1, sizeof *w);
  const FString *const *fixed;
  unsigned n, i;
  if (w == NULL) return NULL;
  w->L = L;
  w->o = *o;
  w->strip = o->strip;
  if (!lfs_layout(&o->abi, &w->lo)) { free(w); return NULL; }
  fixed = flE_fixedstrings(&n);
  if (!o->embed && o->base == 0 && n > 0) {   /* refer mode */
    w->fix = (Fix *)malloc(n * sizeof *w->fix);
    w->fixused = (unsigned char *)calloc(n, 1);
    if (w->fix == NULL || w->fixused == NULL) { lfs_writer_free(w); return NULL; }
    for (i = 0; i < n; i++) { w->fix[i].s = fixed[i]; w->fix[i].i = i; }
    qsort(w->fix, n, sizeof *w->fix, fixcmp);
    w->nfix = n;
  }
  return w;
}

void lfs_writer_free(LfsWriter *w) {
  if (w == NULL) return;
  free(w->strs); free(w->used); free(w->set); free(w->stroff); free(w->mods); free(w->protos); free(w->pv);
  free(w->fix); free(w->fixused);
  free(w);
}

typedef struct AddAll { LfsWriter *w; int ok; } AddAll;

static void addone(FString *s, void *ud) {
  AddAll *a = (AddAll *)ud;
  if (a->ok && addstr(a->w, s) < 0) a->ok = 0;
}

/* The runtime's fixed strings: those in RAM, and (FL_ROM builds, docs/ram-at-rest.md) those
** compiled into the firmware, unless the image refers to these instead of storing them. */
int lfs_writer_fixed(LfsWriter *w) {
  FGlobal *g = G(w->L);
  AddAll a;
  int i;
  for (i = 0; i < g->strt.size; i++) {
    FGCObj *o;
    for (o = g->strt.hash[i]; o != NULL; o = o->gch.next)
      if (!fl_isdead(g, o) && addstr(w, &o->ts) < 0) return 0;
  }
  a.w = w;
  a.ok = 1;
  if (g->rostrt[0] != NULL && w->fix == NULL) g->rostrt[0]->each(g->rostrt[0], addone, &a);
  if (!a.ok) return 0;
  w->nfixed = w->nstr;
  return 1;
}

static int namecmp(const FString *a, const FString *b) {
  size_t la = a->tsv.len, lb = b->tsv.len;
  int c = memcmp(fl_getstr(a), fl_getstr(b), la < lb ? la : lb);
  return c != 0 ? c : (la < lb ? -1 : (la > lb));
}

int lfs_writer_module(LfsWriter *w, const void *name, const void *proto, char *why, size_t whylen) {
  const FString *n = (const FString *)name;
  uint32_t i;
  for (i = 0; i < w->nmod; i++)
    if (w->mods[i].name == n) {
      snprintf(why, whylen, "module '%s' given twice", fl_getstr(n));
      return 0;
    }
  if (((const FProto *)proto)->nups != 0) {
    snprintf(why, whylen, "module '%s': a main function has no upvalues", fl_getstr(n));
    return 0;
  }
  if (!grow((void **)&w->mods, &w->capmod, w->nmod + 1, sizeof *w->mods)) {
    snprintf(why, whylen, "not enough memory");
    return 0;
  }
  w->mods[w->nmod].name = n;
  w->mods[w->nmod].main = (const FProto *)proto;
  w->nmod++;
  return 1;
}

static int modcmp(const void *a, const void *b) {
  return namecmp(((const Mod *)a)->name, ((const Mod *)b)->name);
}

/* a string referenced by a module */
static int usestr(LfsWriter *w, const FString *s) {
  long i = fixindex(w, s);
  uint32_t old = w->capused;
  if (i >= 0) {   /* the runtime's: referred to */
    w->fixused[i] = 1;
    return 1;
  }
  i = addstr(w, s);
  if (i < 0 || !grow((void **)&w->used, &w->capused, (uint32_t)i + 1, 1)) return 0;
  if (w->capused > old) memset(w->used + old, 0, w->capused - old);
  w->used[i] = 1;
  return 1;
}

/* what the strip level keeps */
#define KEEP_LINES(w)  ((w)->strip < 2)
#define KEEP_NAMES(w)  ((w)->strip < 1)

/* preorder walk: protos in image order, and their strings */
static int addproto(LfsWriter *w, const FProto *f) {
  int i;
  if (!grow((void **)&w->protos, &w->capproto, w->nproto + 1, sizeof *w->protos)) return 0;
  w->protos[w->nproto++] = f;
  if (!usestr(w, f->source)) return 0;
  for (i = 0; i < f->sizek; i++)
    if (fl_isstr(&f->k[i]) && !usestr(w, fl_strv(&f->k[i]))) return 0;
  if (KEEP_NAMES(w)) {
    const FProtoDbg *d = fl_pdbg(f);
    for (i = 0; i < d->sizelocvars; i++)
      if (!usestr(w, d->locvars[i].varname)) return 0;
    for (i = 0; i < d->sizeupvalues; i++)
      if (!usestr(w, d->upvalues[i])) return 0;
  }
  for (i = 0; i < f->sizep; i++)
    if (!addproto(w, f->p[i])) return 0;
  return 1;
}

/* final string order: bucket, hash, length, bytes */
static uint32_t g_nbmask;
static int strorder(const void *a, const void *b) {
  const FString *x = *(const FString *const *)a, *y = *(const FString *const *)b;
  unsigned hx = x->tsv.hash, hy = y->tsv.hash;
  if ((hx & g_nbmask) != (hy & g_nbmask)) return (hx & g_nbmask) < (hy & g_nbmask) ? -1 : 1;
  if (hx != hy) return hx < hy ? -1 : 1;
  return namecmp(x, y);
}

typedef struct Out {
  unsigned char *b;
  const LfsLayout *lo;
  int be;
} Out;

static void put(Out *o, uint64_t off, unsigned n, uint64_t v) { lfs_putn(o->b + off, n, o->be, v); }
static void putint(Out *o, uint64_t off, int v) { put(o, off, 4, (uint32_t)v); }
static void putptr(Out *o, uint64_t off, uint64_t target) { put(o, off, o->lo->ptr, target); }

/* what a pointer to s holds (position-independent form): its offset, or SIZE + index */
static uint64_t stroffset(LfsWriter *w, const FString *s) {
  long i = fixindex(w, s);
  return i >= 0 ? w->size + (uint64_t)i : w->stroff[*setslot(w, s) - 1];
}

static void putnum(Out *o, uint64_t off, lua_Number n) {
#if defined(FL_NUMBER_INTEGRAL)
  put(o, off, 4, (uint32_t)n);
#elif defined(FL_NUMBER_FLOAT)
  uint32_t u;
  memcpy(&u, &n, 4);
  put(o, off, 4, u);
#else
  uint64_t u;
  memcpy(&u, &n, 8);
  if (n != n) u = (uint64_t)LFS_NB_NANHI << 32;   /* one NaN: never a NaN-boxed tag */
  put(o, off, 8, u);
#endif
}

/* `luac5.1 -s` size of f with the target's int (4), size_t and number sizes */
static size_t luacsize(const LfsLayout *lo, const FProto *f) {
  size_t n = lo->sizet + 4 + 4 + 4 + 4 + 4 * (size_t)f->sizecode + 4 + 4 + 12;
  int i;
  for (i = 0; i < f->sizek; i++) {
    const FValue *k = &f->k[i];
    n += 1;
    if (fl_isbool(k)) n += 1;
    else if (fl_isnum(k)) n += lo->num;
    else if (fl_isstr(k)) n += lo->sizet + fl_strv(k)->tsv.len + 1;
  }
  for (i = 0; i < f->sizep; i++) n += luacsize(lo, f->p[i]);
  return n;
}

int lfs_writer_finish(LfsWriter *w, unsigned char **out, size_t *outlen, LfsStats *st,
                      char *why, size_t whylen) {
  const LfsLayout *lo = &w->lo;
  const FString **order = NULL;
  uint32_t i, nb;
  uint64_t off, rostrt, index, protos, data, strings, size;
  LfsAbi me;
  Out o;
  unsigned char *b = NULL;
  int j;
  *out = NULL;
  *outlen = 0;
  memset(st, 0, sizeof *st);
  lfs_native_abi(&me);
  if (G(w->L)->seed != 0) {
    snprintf(why, whylen, "the string hash seed must be 0");
    return 0;
  }
  if (w->o.abi.numtype != me.numtype) {
    snprintf(why, whylen, "this flashluac compiles %s numbers, the target uses %s",
             lfs_numname(me.numtype), lfs_numname(w->o.abi.numtype));
    return 0;
  }
  qsort(w->mods, w->nmod, sizeof *w->mods, modcmp);
  for (i = 0; i + 1 < w->nmod; i++)
    if (namecmp(w->mods[i].name, w->mods[i + 1].name) == 0) {
      snprintf(why, whylen, "module '%s' given twice", fl_getstr(w->mods[i].name));
      return 0;
    }
  for (i = 0; i < w->nmod; i++) {
    if (!usestr(w, w->mods[i].name) || !addproto(w, w->mods[i].main)) goto oom;
    st->luac_target += 12 + luacsize(lo, w->mods[i].main);
  }
  /* ROstrt: a power of 2 buckets, 4 to 8 strings per bucket. A bucket costs a pointer of flash
  ** (a third of what a string's header costs); chains are sorted by hash, so a lookup (hit or
  ** miss) compares about 2-4 hashes, and the string itself only on a hash match */
  for (nb = 1; 8 * (uint64_t)nb < w->nstr; nb *= 2) {}
  g_nbmask = nb - 1;
  order = (const FString **)malloc(((size_t)w->nstr + 1) * sizeof *order);
  w->stroff = (uint64_t *)malloc(((size_t)w->nstr + 1) * sizeof *w->stroff);
  w->pv = (PV *)calloc((size_t)w->nproto + 1, sizeof *w->pv);
  if (order == NULL || w->stroff == NULL || w->pv == NULL) goto oom;
  memcpy(order, w->strs, (size_t)w->nstr * sizeof *order);
  qsort(order, w->nstr, sizeof *order, strorder);
  /* ---- layout */
  off = LFS_HEADER_SIZE;
  rostrt = lfs_alignup(off, lo->ptr);
  off = rostrt + (uint64_t)nb * lo->ptr;
  index = lfs_alignup(off, lo->ptr);
  off = index + (uint64_t)w->nmod * 2 * lo->ptr;
  protos = lfs_alignup(off, lo->p_align);
  off = protos + (uint64_t)w->nproto * lo->p_size;
  data = off;
  for (i = 0; i < w->nproto; i++) {
    const FProto *f = w->protos[i];
    PV *v = &w->pv[i];
    const FProtoDbg *d = fl_pdbg(f);
    int nli = KEEP_LINES(w) ? d->sizelineinfo : 0;
    int nlv = KEEP_NAMES(w) ? d->sizelocvars : 0;
    int nuv = KEEP_NAMES(w) ? d->sizeupvalues : 0;
#define VEC(field, n, elem, al, stat) \
    if ((n) > 0) { off = lfs_alignup(off, al); v->field = off; off += (uint64_t)(n) * (elem); \
                   st->stat += (size_t)(n) * (elem); }
    VEC(code, f->sizecode, 4, 4, code)
    VEC(k, f->sizek, lo->val_size, lo->val_align, consts)
    VEC(p, f->sizep, lo->ptr, lo->ptr, nested)
    VEC(dbg, (nli | nlv | nuv) != 0, lo->d_size, lo->d_align, debug)   /* none: NULL */
    VEC(li, nli, lo->intsz, lo->intsz, lineinfo)
    VEC(lv, nlv, lo->lv_size, lo->lv_align, locvars)
    VEC(uv, nuv, lo->ptr, lo->ptr, upvalues)
#undef VEC
    st->nconst += (uint32_t)f->sizek;
    st->ninstr += (uint32_t)f->sizecode;
  }
  strings = lfs_alignup(off, lo->str_align);
  off = strings;
  for (i = 0; i < w->nstr; i++) {   /* each `next` but the first lies over the previous end */
    const FString *s = order[i];
    uint32_t si = *setslot(w, s) - 1;
    unsigned skip = i > 0 ? lo->str_skip : 0;
    off -= skip;
    w->stroff[si] = off;
    st->strings += lo->str_size - skip + s->tsv.len + 1;
    if (si >= w->capused || !w->used[si])   /* only the runtime uses it */
      st->fixedonly += lfs_alignup(lo->str_size - lo->str_skip + s->tsv.len + 1, lo->str_align) +
                       lo->ptr / 2;
    off = lfs_alignup(off + lo->str_size + s->tsv.len + 1, lo->str_align);
  }
  size = off;
  w->size = size;
  if (size + w->nfix > 0xFFFFFFF0u) {
    snprintf(why, whylen, "image would be larger than 4 GB");
    goto fail;
  }
  b = (unsigned char *)calloc((size_t)size, 1);
  if (b == NULL) goto oom;
  o.b = b;
  o.lo = lo;
  o.be = w->o.abi.bigendian;
  /* ---- strings and the ROstrt (a chain is a run of consecutive strings: no links) */
  for (i = 0; i < w->nstr; i++) {
    const FString *s = order[i];
    uint64_t so = w->stroff[*setslot(w, s) - 1];
    unsigned h = flS_hash(fl_getstr(s), s->tsv.len, 0);
    uint32_t bk = h & (nb - 1);
    if (i == 0 || (order[i - 1]->tsv.hash & (nb - 1)) != bk)
      putptr(&o, rostrt + (uint64_t)bk * lo->ptr, so);
    put(&o, so + lo->str_tt, 1, LUA_TSTRING);
    put(&o, so + lo->str_marked, 1, FL_READONLY_MARK);
    put(&o, so + lo->str_hash, lo->intsz, h);
    put(&o, so + lo->str_len, lo->sizet, s->tsv.len);
    memcpy(b + so + lo->str_size, fl_getstr(s), s->tsv.len + 1);
  }
  /* ---- module index */
  {
    uint32_t pi = 0;
    for (i = 0; i < w->nmod; i++) {
      uint64_t e = index + (uint64_t)i * 2 * lo->ptr;
      putptr(&o, e, stroffset(w, w->mods[i].name));
      while (w->protos[pi] != w->mods[i].main) pi++;   /* mains are in module order */
      putptr(&o, e + lo->ptr, protos + (uint64_t)pi * lo->p_size);
    }
  }
  /* ---- protos and their vectors */
  for (i = 0; i < w->nproto; i++) {
    const FProto *f = w->protos[i];
    const PV *v = &w->pv[i];
    uint64_t p = protos + (uint64_t)i * lo->p_size;
    const FProtoDbg *d = fl_pdbg(f);
    int nli = KEEP_LINES(w) ? d->sizelineinfo : 0;
    int nlv = KEEP_NAMES(w) ? d->sizelocvars : 0;
    int nuv = KEEP_NAMES(w) ? d->sizeupvalues : 0;
    put(&o, p + lo->p_tt, 1, FL_TPROTO);
    put(&o, p + lo->p_marked, 1, FL_READONLY_MARK);
    putptr(&o, p + lo->p_k, v->k);
    putptr(&o, p + lo->p_code, v->code);
    putptr(&o, p + lo->p_p, v->p);
    putptr(&o, p + lo->p_dbg, v->dbg);
    putptr(&o, p + lo->p_source, stroffset(w, f->source));
    putint(&o, p + lo->p_sizek, f->sizek);
    putint(&o, p + lo->p_sizecode, f->sizecode);
    putint(&o, p + lo->p_sizep, f->sizep);
    putint(&o, p + lo->p_linedefined, f->linedefined);
    putint(&o, p + lo->p_lastlinedefined, f->lastlinedefined);
    put(&o, p + lo->p_nups, 1, f->nups);
    put(&o, p + lo->p_numparams, 1, f->numparams);
    put(&o, p + lo->p_is_vararg, 1, f->is_vararg);
    put(&o, p + lo->p_maxstacksize, 1, f->maxstacksize);
    for (j = 0; j < f->sizecode; j++) put(&o, v->code + 4 * (uint64_t)j, 4, f->code[j]);
    for (j = 0; j < f->sizek; j++) {
      const FValue *k = &f->k[j];
      uint64_t ko = v->k + (uint64_t)j * lo->val_size;
      if (fl_isnum(k) && lo->val_nanbox)   /* a NaN-boxed number is the whole value */
        putnum(&o, ko, fl_numv(k));
      else
        put(&o, ko + lo->val_tt, 4, lfs_tagword(lo, fl_ttype(k)));
      if (fl_isbool(k)) putint(&o, ko + lo->val_value, fl_boolv(k) != 0);
      else if (fl_isnum(k) && !lo->val_nanbox) putnum(&o, ko + lo->val_value, fl_numv(k));
      else if (fl_isstr(k)) putptr(&o, ko + lo->val_value, stroffset(w, fl_strv(k)));
    }
    for (j = 0; j < f->sizep; j++) {   /* children follow in preorder: find each one */
      uint32_t c;
      for (c = i + 1; c < w->nproto && w->protos[c] != f->p[j]; c++) {}
      putptr(&o, v->p + (uint64_t)j * lo->ptr, protos + (uint64_t)c * lo->p_size);
    }
    if (v->dbg != 0) {
      putptr(&o, v->dbg + lo->d_lineinfo, v->li);
      putptr(&o, v->dbg + lo->d_locvars, v->lv);
      putptr(&o, v->dbg + lo->d_upvalues, v->uv);
      putint(&o, v->dbg + lo->d_sizelineinfo, nli);
      putint(&o, v->dbg + lo->d_sizelocvars, nlv);
      put(&o, v->dbg + lo->d_sizeupvalues, 1, (unsigned)nuv);
    }
    for (j = 0; j < nli; j++) putint(&o, v->li + (uint64_t)j * lo->intsz, d->lineinfo[j]);
    for (j = 0; j < nlv; j++) {
      uint64_t lv = v->lv + (uint64_t)j * lo->lv_size;
      putptr(&o, lv + lo->lv_name, stroffset(w, d->locvars[j].varname));
      putint(&o, lv + lo->lv_start, d->locvars[j].startpc);
      putint(&o, lv + lo->lv_end, d->locvars[j].endpc);
    }
    for (j = 0; j < nuv; j++) putptr(&o, v->uv + (uint64_t)j * lo->ptr, stroffset(w, d->upvalues[j]));
  }
  /* ---- header */
  memcpy(b, LFS_MAGIC, LFS_MAGIC_SIZE);
  lfs_put32le(b + LFS_H_VERSION, LFS_VERSION);
  lfs_put32le(b + LFS_H_STATE, LFS_STATE_DONE);
  lfs_put32le(b + LFS_H_FLAGS, 0);
  b[LFS_H_ABI + LFS_A_PTRSIZE] = w->o.abi.ptrsize;
  b[LFS_H_ABI + LFS_A_BIGENDIAN] = w->o.abi.bigendian;
  b[LFS_H_ABI + LFS_A_NUMTYPE] = w->o.abi.numtype;
  b[LFS_H_ABI + LFS_A_NUMSIZE] = w->o.abi.numsize;
  b[LFS_H_ABI + LFS_A_INTSIZE] = w->o.abi.intsize;
  b[LFS_H_ABI + LFS_A_SIZETSIZE] = w->o.abi.sizetsize;
  b[LFS_H_ABI + LFS_A_NUMALIGN] = w->o.abi.numalign;
  b[LFS_H_ABI + LFS_A_LONGSIZE] = w->o.abi.longsize;
  lfs_put32le(b + LFS_H_BUILDID, lfs_buildid());
  lfs_put32le(b + LFS_H_SEED, 0);
  lfs_put64le(b + LFS_H_BASE, 0);
  lfs_put32le(b + LFS_H_SIZE, (uint32_t)size);
  lfs_put32le(b + LFS_H_TIME, w->o.time);
  lfs_put32le(b + LFS_H_HDRSIZE, LFS_HEADER_SIZE);
  lfs_put32le(b + LFS_H_NSTRINGS, w->nstr);
  lfs_put32le(b + LFS_H_NBUCKETS, nb);
  lfs_put32le(b + LFS_H_ROSTRT, (uint32_t)rostrt);
  lfs_put32le(b + LFS_H_NMODULES, w->nmod);
  lfs_put32le(b + LFS_H_INDEX, (uint32_t)index);
  lfs_put32le(b + LFS_H_NPROTOS, w->nproto);
  lfs_put32le(b + LFS_H_PROTOS, (uint32_t)protos);
  lfs_put32le(b + LFS_H_DATA, (uint32_t)data);
  lfs_put32le(b + LFS_H_STRINGS, (uint32_t)strings);
  lfs_put32le(b + LFS_H_NFIXED, w->nfixed);
  lfs_put32le(b + LFS_H_STRIP, (uint32_t)w->strip);
  for (i = 0; i < w->nfix; i++) st->nfixref += w->fixused[i];
  if (st->nfixref > 0) {   /* else the image is self-contained: it runs on any runtime */
    unsigned n;
    const FString *const *fixed = flE_fixedstrings(&n);
    st->nfixtab = n;
    st->fixid = lfs_fixid(fixed, n);
    lfs_put32le(b + LFS_H_FIXID, st->fixid);
    lfs_put32le(b + LFS_H_NFIX, n);
  }
  lfs_put32le(b + LFS_H_CRC, lfs_image_crc(b, (size_t)size));
  lfs_put32le(b + LFS_H_CRCPI, lfs_image_crc(b, (size_t)size));
  /* the writer's output must pass the validator (any ABI: structure, hashes, links) */
  {
    void *ud;
    lua_Alloc af = lua_getallocf(w->L, &ud);
    char err[LFS_REASON_SIZE];
    if (!lfs_validate(b, (size_t)size, 0, LFS_V_ANYABI, af, ud, err, sizeof err)) {
      snprintf(why, whylen, "internal error, the image does not validate: %s", err);
      goto fail;
    }
  }
  if (w->o.base != 0) lfs_relocate(b, w->o.base);
  st->nmodules = w->nmod;
  st->nprotos = w->nproto;
  st->nstrings = w->nstr;
  st->nfixed = w->nfixed;
  st->header = LFS_HEADER_SIZE;
  st->rostrt = (size_t)nb * lo->ptr;
  st->index = (size_t)w->nmod * 2 * lo->ptr;
  st->protos = (size_t)w->nproto * lo->p_size;
  st->size = (size_t)size;
  st->padding = st->size - st->header - st->rostrt - st->index - st->protos - st->code -
                st->consts - st->nested - st->debug - st->lineinfo - st->locvars - st->upvalues -
                st->strings;
  free(order);
  *out = b;
  *outlen = (size_t)size;
  return 1;
oom:
  snprintf(why, whylen, "not enough memory");
fail:
  free(order);
  free(b);
  return 0;
}
