/*
** fl_table.c -- Lua tables.
**
** A table has an array part (keys 1..sizearray) and a hash part of 2^lsizenode nodes. The hash
** part is a chained scatter table with Brent's variation: every key has a "main position" (its
** hash modulo the node count); a colliding key goes to a free node, found by a pointer that only
** moves down from the end of the node vector; if the node at the main position is occupied by a
** key that is NOT in its own main position, that intruder is moved to the free node instead.
** When no free node is left the table is rehashed: integer keys are counted by powers of two and
** the array part gets the largest size n such that more than n/2 of the slots 1..n are in use;
** everything else goes to a hash part just big enough for the rest.
**
** All sizing and placement decisions (hash functions included) are 5.1's, so a sequence of
** insertions leaves the table with the same layout as lua5.1, hence the same next()/pairs()
** order and the same # borders.
**
** Read-only tables (FL_READONLYBIT in `marked`, e.g. in a flash store) are fully supported by the
** read functions here (flH_get*, flH_next, flH_getn). The write functions (flH_set, flH_setnum,
** flH_setstr, flH_resizearray, flH_free) must never be called on them: every caller checks
** flC_isro() first and raises "attempt to write to a read-only table". They are not checked here.
**
** GC-safety: the only allocations are the array and node vectors in resize()/flH_new(). They are
** made while the table is still in a consistent state; the old node vector (no longer reachable
** from the table) is emptied without allocating before anything else is allocated.
*/
#include "fl_core.h"

#define MAXABITS  (LUAI_BITSINT - 2)
#define MAXASIZE  (1 << MAXABITS)          /* largest array part */

/* the shared node part of every table without a hash part; never written */
const FNode flH_dummynode_ = {
  FL_VINIT_NIL, FL_KINIT_NIL
};
#define dummynode   (fl_cast(FNode *, &flH_dummynode_))

#define hashpow2(t,n)   (fl_gnode(t, fl_lmod((n), fl_sizenode(t))))
/* numbers and pointers: modulo an odd number, their low bits are often poor */
#define hashmod(t,n)    (fl_gnode(t, ((n) % ((fl_sizenode(t) - 1) | 1))))
#define hashptr(t,p)    hashmod(t, fl_cast(unsigned int, fl_cast(lu_mem, (p))))

/* If n is an integer representable as an int, store it in *k and return 1 (no UB casts). */
static int num2key(lua_Number n, int *k) {
#if defined(FL_NUMBER_INTEGRAL)
  *k = fl_castint(n);
  return 1;
#else
  if (n >= (lua_Number)-2147483648.0 && n < (lua_Number)2147483648.0) {
    int i = fl_castint(n);
    if (fl_castnum(i) == n) { *k = i; return 1; }
  }
  return 0;
#endif
}

/* Numbers hash as the sum of the unsigned words of their representation (endianness-neutral);
** 0 and -0 go to node 0, like lua5.1. */
static FNode *hashnum(const FTable *t, lua_Number n) {
  unsigned int w[sizeof(lua_Number) / sizeof(unsigned int)];
  unsigned int h = 0;
  size_t i;
  if (fl_numeq(n, 0))
    return fl_gnode(t, 0);
  memcpy(w, &n, sizeof(w));
  for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
    h += w[i];
  return hashmod(t, h);
}

FNode *flH_mainposition(const FTable *t, const FValue *key) {
  switch (fl_ttype(key)) {
    case LUA_TNUMBER:        return hashnum(t, fl_numv(key));
    case LUA_TSTRING:        return hashpow2(t, fl_strv(key)->tsv.hash);
    case LUA_TBOOLEAN:       return hashpow2(t, fl_cast(unsigned int, fl_boolv(key)));
    case LUA_TLIGHTUSERDATA: return hashptr(t, fl_ptrv(key));
    default:                 return hashptr(t, fl_gcv(key));
  }
}

/* the key as an array index, or -1 if it is not an integer number */
static int arrayindex(const FValue *key) {
  int k;
  if (fl_isnum(key) && num2key(fl_numv(key), &k))
    return k;
  return -1;
}

/* ------------------------------------------------------------------------ traversal */

/* Position of `key` in the traversal order: array slots first (0..sizearray-1), then nodes.
** -1 for nil (start). A dead key still matches the object it was, so next() keeps working
** on keys whose value was set to nil during the traversal. */
static int findindex(lua_State *L, FTable *t, StkId key) {
  int i;
  FNode *n;
  if (fl_isnil(key))
    return -1;
  i = arrayindex(key);
  if (0 < i && i <= t->sizearray)
    return i - 1;
  n = flH_mainposition(t, key);
  do {
    if (flO_rawequalObj(fl_key2tval(n), key) ||
        (fl_ttype(fl_gkey(n)) == FL_TDEADKEY && fl_iscollectable(key) &&
         fl_gcv(fl_gkey(n)) == fl_gcv(key)))
      return fl_castint(n - fl_gnode(t, 0)) + t->sizearray;
    n = fl_gnext(n);
  } while (n != NULL);
  flG_runerror(L, "invalid key to 'next'");
  return 0;
}

/* key (at `key`) -> next key and its value (at key, key+1); 0 when the traversal is over */
int flH_next(lua_State *L, FTable *t, StkId key) {
  int i = findindex(L, t, key);
  for (i++; i < t->sizearray; i++) {
    if (!fl_isnil(&t->array[i])) {
      fl_setnum(key, fl_castnum(i + 1));
      fl_setobj(L, key + 1, &t->array[i]);
      return 1;
    }
  }
  for (i -= t->sizearray; i < fl_sizenode(t); i++) {
    FNode *n = fl_gnode(t, i);
    if (!fl_isnil(fl_gval(n))) {
      fl_setobj(L, key, fl_key2tval(n));
      fl_setobj(L, key + 1, fl_gval(n));
      return 1;
    }
  }
  return 0;
}

/* --------------------------------------------------------------------------- rehash */

static int ceillog2(unsigned int x) {
  return flO_log2(x - 1) + 1;
}

/* nums[i] = number of integer keys k with 2^(i-1) < k <= 2^i. *na: on entry the number of
** integer keys, on exit the new array size (largest power of 2 that is more than half full).
** Returns how many keys will live in the array part. */
static int computesizes(const int nums[], int *na) {
  int i, twotoi, a = 0, inarray = 0, best = 0;
  for (i = 0, twotoi = 1; i <= MAXABITS && twotoi / 2 < *na; i++, twotoi *= 2) {
    if (nums[i] > 0) {
      a += nums[i];
      if (a > twotoi / 2) { best = twotoi; inarray = a; }
    }
    if (a == *na) break;
  }
  *na = best;
  return inarray;
}

static int countint(const FValue *key, int *nums) {
  int k = arrayindex(key);
  if (0 < k && k <= MAXASIZE) {
    nums[ceillog2(fl_cast(unsigned int, k))]++;
    return 1;
  }
  return 0;
}

/* count the non-nil slots of the array part, by slices (2^(lg-1), 2^lg] */
static int numusearray(const FTable *t, int *nums) {
  int lg, i = 1, total = 0;
  for (lg = 0; lg <= MAXABITS && i <= t->sizearray; lg++) {
    int c = 0;
    int lim = (lg < MAXABITS) ? fl_twoto(lg) : MAXASIZE;
    if (lim > t->sizearray) lim = t->sizearray;
    for (; i <= lim; i++)
      if (!fl_isnil(&t->array[i - 1])) c++;
    nums[lg] += c;
    total += c;
  }
  return total;
}

static int numusehash(const FTable *t, int *nums, int *nainteger) {
  int total = 0, ints = 0;
  int i = fl_sizenode(t);
  while (i--) {
    FNode *n = fl_gnode(t, i);
    if (!fl_isnil(fl_gval(n))) {
      ints += countint(fl_key2tval(n), nums);
      total++;
    }
  }
  *nainteger += ints;
  return total;
}

static void setarrayvector(lua_State *L, FTable *t, int size) {
  int i;
  flM_reallocvector(L, t->array, t->sizearray, size, FValue);
  for (i = t->sizearray; i < size; i++)
    fl_setnil(&t->array[i]);
  t->sizearray = size;
}

/* install a new, empty node part of at least `size` nodes (0: the dummy node) */
static void setnodevector(lua_State *L, FTable *t, int size) {
  int lsize = 0;
  if (size <= 0) {
    t->node = dummynode;
    size = 0;
  }
  else {
    int i;
    FNode *nv;
    lsize = ceillog2(fl_cast(unsigned int, size));
    if (lsize > MAXABITS)
      flG_runerror(L, "table overflow");
    size = fl_twoto(lsize);
    nv = flM_newvector(L, size, FNode);   /* may collect: t still holds its old nodes */
    for (i = 0; i < size; i++) {
      fl_gnext(&nv[i]) = NULL;
      fl_setnil(fl_gkey(&nv[i]));
      fl_setnil(fl_gval(&nv[i]));
    }
    t->node = nv;
  }
  t->lsizenode = fl_castbyte(lsize);
  t->lastfree = fl_gnode(t, size);   /* all nodes are free */
}

static void resize(lua_State *L, FTable *t, int nasize, int nhsize) {
  int i;
  int oldasize = t->sizearray;
  int oldhsize = fl_sizenode(t);
  FNode *nold = t->node;
  if (nasize > oldasize)
    setarrayvector(L, t, nasize);
  setnodevector(L, t, nhsize);
  /* from here until the old nodes are freed: no allocation (they are unreachable for the GC).
  ** Re-insertion order is 5.1's: vanishing array slice upwards, then old nodes downwards. */
  if (nasize < oldasize) {
    t->sizearray = nasize;   /* the block keeps its old size until the final shrink */
    for (i = nasize; i < oldasize; i++)
      if (!fl_isnil(&t->array[i]))
        fl_setobj(L, flH_setnum(L, t, i + 1), &t->array[i]);
  }
  for (i = oldhsize - 1; i >= 0; i--) {
    FNode *old = nold + i;
    if (!fl_isnil(fl_gval(old)))
      fl_setobj(L, flH_set(L, t, fl_key2tval(old)), fl_gval(old));
  }
  if (nold != dummynode)
    flM_freearray(L, nold, oldhsize, FNode);
  if (nasize < oldasize)
    flM_reallocvector(L, t->array, oldasize, nasize, FValue);
}

void flH_resizearray(lua_State *L, FTable *t, int nasize) {
  resize(L, t, nasize, (t->node == dummynode) ? 0 : fl_sizenode(t));
}

/* no free node for extra key `ek`: recompute both sizes counting every key plus ek */
static void rehash(lua_State *L, FTable *t, const FValue *ek) {
  int nums[MAXABITS + 1];
  int i, nasize, inarray, total;
  for (i = 0; i <= MAXABITS; i++) nums[i] = 0;
  nasize = numusearray(t, nums);
  total = nasize;
  total += numusehash(t, nums, &nasize);
  nasize += countint(ek, nums);
  total++;
  inarray = computesizes(nums, &nasize);
  resize(L, t, nasize, total - inarray);
}

/* --------------------------------------------------------------------- create/free */

FTable *flH_new(lua_State *L, int narray, int lnhash) {
  FTable *t = flM_new(L, FTable);
  t->metatable = NULL;
  t->flags = fl_castbyte(~0);
  t->array = NULL;
  t->sizearray = 0;
  t->lsizenode = 0;
  t->node = dummynode;
  t->lastfree = dummynode;
  t->gclist = NULL;
  flC_link(L, fl_obj2gco(t), LUA_TTABLE);
  if (narray > 0 || lnhash > 0) {
    /* anchor the table in the free slot at top while its parts are allocated (there is
    ** always room: top <= stack_last and FL_EXTRA_STACK slots follow) */
    fl_settab(L, L->top, t);
    L->top++;
    if (narray > 0) setarrayvector(L, t, narray);
    setnodevector(L, t, lnhash);
    L->top--;
  }
  return t;
}

void flH_free(lua_State *L, FTable *t) {
  if (t->node != dummynode)
    flM_freearray(L, t->node, fl_sizenode(t), FNode);
  flM_freearray(L, t->array, t->sizearray, FValue);
  flM_free(L, t);
}

/* ---------------------------------------------------------------------- insertion */

static FNode *getfreepos(FTable *t) {
  while (t->lastfree > t->node) {
    t->lastfree--;
    if (fl_isnil(fl_gkey(t->lastfree)))
      return t->lastfree;
  }
  return NULL;
}

/* insert a key known to be absent; returns its (nil) value slot */
static FValue *newkey(lua_State *L, FTable *t, const FValue *key) {
  FNode *mp = flH_mainposition(t, key);
  if (!fl_isnil(fl_gval(mp)) || mp == dummynode) {
    FNode *other;
    FNode *f = getfreepos(t);
    if (f == NULL) {
      rehash(L, t, key);
      return flH_set(L, t, key);
    }
    other = flH_mainposition(t, fl_key2tval(mp));
    if (other != mp) {
      /* the occupant is an intruder from another chain: move it to the free node */
      while (fl_gnext(other) != mp) other = fl_gnext(other);
      fl_gnext(other) = f;
      *f = *mp;
      fl_gnext(mp) = NULL;
      fl_setnil(fl_gval(mp));
    }
    else {
      /* the occupant is at home: the new key takes the free node, chained after mp */
      fl_gnext(f) = fl_gnext(mp);
      fl_gnext(mp) = f;
      mp = f;
    }
  }
  fl_setobj(L, fl_gkey(mp), key);
  flC_barriert(L, t, key);
  return fl_gval(mp);
}

/* ------------------------------------------------------------------------- lookup */

const FValue *flH_getnum(FTable *t, int key) {
  /* unsigned arithmetic: key - 1 must not overflow for INT_MIN */
  if (fl_cast(unsigned int, key) - 1u < fl_cast(unsigned int, t->sizearray))
    return &t->array[key - 1];
  else {
    lua_Number nk = fl_castnum(key);
    FNode *n = hashnum(t, nk);
    do {
      if (fl_isnum(fl_gkey(n)) && fl_numeq(fl_numv(fl_gkey(n)), nk))
        return fl_gval(n);
      n = fl_gnext(n);
    } while (n != NULL);
    return flO_nilobject;
  }
}

const FValue *flH_getstr(FTable *t, FString *key) {
  FNode *n = hashpow2(t, key->tsv.hash);
  do {
    if (fl_isstr(fl_gkey(n)) && fl_gcv(fl_gkey(n)) == fl_obj2gco(key))
      return fl_gval(n);
    n = fl_gnext(n);
  } while (n != NULL);
  return flO_nilobject;
}

const FValue *flH_get(FTable *t, const FValue *key) {
  FNode *n;
  switch (fl_ttype(key)) {
    case LUA_TNIL: return flO_nilobject;
    case LUA_TSTRING: return flH_getstr(t, fl_strv(key));
    case LUA_TNUMBER: {
      int k;
      if (num2key(fl_numv(key), &k))
        return flH_getnum(t, k);
      break;
    }
    default: break;
  }
  n = flH_mainposition(t, key);
  do {
    if (flO_rawequalObj(fl_key2tval(n), key))
      return fl_gval(n);
    n = fl_gnext(n);
  } while (n != NULL);
  return flO_nilobject;
}

/* Value slot for key, created (nil) if absent. Never call on a read-only table. */
FValue *flH_set(lua_State *L, FTable *t, const FValue *key) {
  const FValue *p = flH_get(t, key);
  t->flags = 0;   /* the key may be a metamethod name: forget cached absences */
  if (p != flO_nilobject)
    return fl_cast(FValue *, p);
  if (fl_isnil(key))
    flG_runerror(L, "table index is nil");
  else if (fl_isnum(key) && fl_numisnan(fl_numv(key)))
    flG_runerror(L, "table index is NaN");
  return newkey(L, t, key);
}

FValue *flH_setnum(lua_State *L, FTable *t, int key) {
  const FValue *p = flH_getnum(t, key);
  if (p != flO_nilobject)
    return fl_cast(FValue *, p);
  else {
    FValue k;
    fl_setnum(&k, fl_castnum(key));
    return newkey(L, t, &k);
  }
}

/* key must be anchored by the caller (a rehash allocates) */
FValue *flH_setstr(lua_State *L, FTable *t, FString *key) {
  const FValue *p = flH_getstr(t, key);
  t->flags = 0;
  if (p != flO_nilobject)
    return fl_cast(FValue *, p);
  else {
    FValue k;
    fl_setstr(L, &k, key);
    return newkey(L, t, &k);
  }
}

/* ------------------------------------------------------------------------- length */

/* j is 0 or a non-nil index: find a border above it in the hash part by doubling, then
** bisecting. A table built to defeat this (huge sparse indices) falls back to a linear scan. */
static int unbound_search(FTable *t, unsigned int j) {
  unsigned int i = j;
  j++;
  while (!fl_isnil(flH_getnum(t, fl_castint(j)))) {
    i = j;
    j *= 2;
    if (j > fl_cast(unsigned int, FL_MAX_INT)) {
      i = 1;
      while (!fl_isnil(flH_getnum(t, fl_castint(i)))) i++;
      return fl_castint(i - 1);
    }
  }
  while (j - i > 1) {
    unsigned int m = (i + j) / 2;
    if (fl_isnil(flH_getnum(t, fl_castint(m)))) j = m;
    else i = m;
  }
  return fl_castint(i);
}

/* a border: an index n with t[n] ~= nil and t[n+1] == nil (0 if t[1] == nil) */
int flH_getn(FTable *t) {
  unsigned int j = fl_cast(unsigned int, t->sizearray);
  if (j > 0 && fl_isnil(&t->array[j - 1])) {
    /* a border inside the array part: binary search */
    unsigned int i = 0;
    while (j - i > 1) {
      unsigned int m = (i + j) / 2;
      if (fl_isnil(&t->array[m - 1])) j = m;
      else i = m;
    }
    return fl_castint(i);
  }
  else if (t->node == dummynode)
    return fl_castint(j);
  else
    return unbound_search(t, j);
}
