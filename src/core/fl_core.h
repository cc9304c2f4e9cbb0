/*
** fl_core.h -- flashlua's internal object model and the interfaces between core modules.
**
** Everything inside src/core includes this one header. It defines:
**   - basic types and limits,
**   - tagged values (FValue) and their access/set macros,
**   - every collectable object (strings, userdata, tables, protos, closures, upvalues, threads),
**   - the per-thread state (struct lua_State) and the shared global state (FGlobal),
**   - the functions each core module exports (one section per module, with its prefix).
**
** Read-only objects: every collectable object has a header byte `marked`. An object with
** FL_READONLY set lives in read-only memory (a flash store, or constant data compiled into the
** firmware). It is never white, so the collector treats it as permanently black: marking stops at
** it, it is never on a sweep list, never freed, never written. Code must never write into an object
** whose header has FL_READONLY set (see flC_isro()).
**
** GC-safety invariant (emergency collection): ANY allocation may run a full garbage collection.
** So every collectable object that is still needed must be reachable (from the stack below L->top,
** the registry, globals, or through a reachable object) before the next allocation is made.
** Typical pattern: create an object, anchor it in a stack slot (and increment L->top), then
** allocate its parts. Build with -DFL_GC_STRESS to run a full collection at every allocation.
*/
#ifndef fl_core_h
#define fl_core_h

#include <limits.h>
#include <stddef.h>
#include <stdarg.h>
#include <setjmp.h>
#include <string.h>

#include "lua.h"

/* ===================================================================== basic types */

typedef unsigned char lu_byte;
typedef LUAI_UINT32   lu_int32;
typedef LUAI_UMEM     lu_mem;
typedef LUAI_MEM      l_mem;
typedef lu_int32      Instr;          /* one VM instruction */
typedef LUAI_USER_ALIGNMENT_T FAlign; /* maximum alignment of user data */

#define FL_MAX_SIZET  ((size_t)(~(size_t)0) - 2)
#define FL_MAX_LUMEM  ((lu_mem)(~(lu_mem)0) - 2)
#define FL_MAX_INT    (INT_MAX - 2)

#define fl_cast(t, e)       ((t)(e))
#define fl_castbyte(e)      ((lu_byte)(e))
#define fl_castint(e)       ((int)(e))
#define fl_castnum(e)       ((lua_Number)(e))
#define fl_unused(x)        ((void)(x))

#ifndef fl_assert
#define fl_assert(c)        ((void)0)
#endif
#define fl_apicheck(L, c)   fl_assert(c)

#define FL_MAXSTACK         250    /* maximum registers of one Lua function */
#define FL_MINSTRTABSIZE    32
#define FL_MINBUFFER        32
#define FL_EXTRA_STACK      5      /* slots above top for metamethod calls */
#define FL_BASIC_CI_SIZE    8
#define FL_BASIC_STACK_SIZE (2 * LUA_MINSTACK)
#define FL_MAXTAGLOOP       100    /* max __index/__newindex chain length */

/* number primitives; the integer build has no floating point at all */
#if defined(FL_NUMBER_INTEGRAL)
#define fl_numadd(a,b)  ((lua_Number)((lu_int32)(a) + (lu_int32)(b)))   /* wraps, no UB */
#define fl_numsub(a,b)  ((lua_Number)((lu_int32)(a) - (lu_int32)(b)))
#define fl_nummul(a,b)  ((lua_Number)((lu_int32)(a) * (lu_int32)(b)))
#define fl_numdiv(a,b)  flO_intdiv(a, b)
#define fl_nummod(a,b)  flO_intmod(a, b)
#define fl_numpow(a,b)  flO_intpow(a, b)
#define fl_numunm(a)    ((lua_Number)(0u - (lu_int32)(a)))
#define fl_numisnan(a)  0
#else
#define fl_numadd(a,b)  ((a)+(b))
#define fl_numsub(a,b)  ((a)-(b))
#define fl_nummul(a,b)  ((a)*(b))
#define fl_numdiv(a,b)  ((a)/(b))
#define fl_nummod(a,b)  ((a) - flO_floor((a)/(b))*(b))
#define fl_numpow(a,b)  flO_pow(a, b)
#define fl_numunm(a)    (-(a))
#define fl_numisnan(a)  (!((a) == (a)))
#endif
#define fl_numeq(a,b)   ((a)==(b))
#define fl_numlt(a,b)   ((a)<(b))
#define fl_numle(a,b)   ((a)<=(b))

/* ============================================================ type tags and values */

/* extra (internal) type tags beyond the public LUA_T* ones */
#define FL_TPROTO   (LUA_TTHREAD + 1)
#define FL_TUPVAL   (LUA_TTHREAD + 2)
#define FL_TDEADKEY (LUA_TTHREAD + 3)

typedef union FGCObj FGCObj;

/* common header of every collectable object */
#define FL_HEADER   FGCObj *next; lu_byte tt; lu_byte marked

typedef struct FGCHeader { FL_HEADER; } FGCHeader;

/* The number inside a value. With 4-byte pointers and double numbers, the double's 8-byte
** alignment would make FValue 16 bytes, 4 of them padding. GCC and Clang lower the alignment of
** a typedef on request: FValue is then 12 bytes, in RAM (stack slots, table nodes) and in flash
** images. Word alignment is all a 32-bit CPU needs (ARMv7-M LDRD/VLDR, Xtensa, i386). Other
** compilers keep the natural alignment; the image records it (LFS_A_NUMALIGN). */
#if defined(__GNUC__) && defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 4
typedef lua_Number __attribute__((aligned(4))) FValNumber;
#else
typedef lua_Number FValNumber;
#endif

/* Two layouts of a value, chosen at build time (the image format follows the target's):
**  - a struct {payload; int tt}: 16 bytes with 8-byte pointers, 8 with 4-byte pointers and
**    float or int numbers;
**  - FL_NANBOX (4-byte pointers and double numbers, the Cortex-M and i386 case): an 8-byte
**    double. A non-number is a NaN the hardware never produces: its high word is
**    FL_NB_TAG(tt) (>= FL_NB_TAGBASE) and its low word the pointer, boolean or 0. Any number
**    stored whose high word is above FL_NB_NUMMAX (a NaN with payload) is replaced by the
**    canonical NaN, so numbers never reach the tag space (fl_setnum). Tag patterns are quiet
**    NaNs: copying one through an x87 register keeps its bits. */
#ifndef FL_NANBOX
#if !defined(FL_NUMBER_FLOAT) && !defined(FL_NUMBER_INT) && defined(__SIZEOF_POINTER__) && \
    __SIZEOF_POINTER__ == 4 && defined(__BYTE_ORDER__) && \
    (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ || __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
#define FL_NANBOX 1
#else
#define FL_NANBOX 0
#endif
#endif

typedef union FVal {
  FGCObj *gc;
  void *p;
  int b;
#if !FL_NANBOX
  FValNumber n;
#endif
} FVal;

#if FL_NANBOX

#define FL_NB_TAGBASE  0xFFFF0000u
#define FL_NB_TAG(t)   (FL_NB_TAGBASE | (lu_int32)(t))
#define FL_NB_NUMMAX   0xFFF00000u     /* -inf's high word; above: a NaN to canonicalize */
#define FL_NB_NANHI    0xFFF80000u     /* the canonical NaN: FL_NB_NANHI:0 */

typedef union FValue {
  FValNumber n;
  struct {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    FVal value; lu_int32 tag;
#else
    lu_int32 tag; FVal value;
#endif
  } w;
} FValue;

#define fl_ttype(o)      ((o)->w.tag < FL_NB_TAGBASE ? LUA_TNUMBER : fl_castint((o)->w.tag & 0xFFu))
#define fl_hastag_(o, t) ((o)->w.tag == FL_NB_TAG(t))
#define fl_isnum(o)      ((o)->w.tag < FL_NB_TAGBASE)
#define fl_iscollectable(o) ((o)->w.tag >= FL_NB_TAG(LUA_TSTRING))
#define fl_val_(o)       ((o)->w.value)
#define fl_numv(o)       ((o)->n)
#define fl_settag_(o, t) ((o)->w.tag = FL_NB_TAG(t))
#define fl_setnum(o, x)  { FValue *io_ = (o); io_->n = (x); \
                           if (io_->w.tag > FL_NB_NUMMAX) fl_setnan_(io_); }
/* the result of arithmetic on numbers: a NaN it makes is the hardware's default NaN or a quiet
** copy of an operand's (canonical) one, never a tag: no check */
#define fl_setnumop(o, x) { FValue *io_ = (o); io_->n = (x); }
#define fl_setnan_(o)    ((o)->w.tag = FL_NB_NANHI, (o)->w.value.p = NULL)
/* copied as two words, never through a floating-point register (an x87 load of the double
** would be slow, and it is a NaN most of the time) */
#define fl_setobj(L, d, s)  { (d)->w = (s)->w; fl_unused(L); }

/* static initializers (generated ROM tables) */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FL_VINIT_GC(p, t)    {.w = {{.gc = (FGCObj *)(p)}, FL_NB_TAG(t)}}
#define FL_VINIT_NIL         {.w = {{NULL}, FL_NB_TAG(LUA_TNIL)}}
#else
#define FL_VINIT_GC(p, t)    {.w = {FL_NB_TAG(t), {.gc = (FGCObj *)(p)}}}
#define FL_VINIT_NIL         {.w = {FL_NB_TAG(LUA_TNIL), {NULL}}}
#endif
#define FL_VINIT_NUM(x)      {.n = (x)}

#else  /* !FL_NANBOX */

typedef struct FValue {
  FVal value;
  int tt;
} FValue;

#define fl_ttype(o)      ((o)->tt)
#define fl_hastag_(o, t) (fl_ttype(o) == (t))
#define fl_isnum(o)      (fl_ttype(o) == LUA_TNUMBER)
#define fl_iscollectable(o) (fl_ttype(o) >= LUA_TSTRING)
#define fl_val_(o)       ((o)->value)
#define fl_numv(o)       ((o)->value.n)
#define fl_settag_(o, t) ((o)->tt = (t))
#define fl_setnum(o, x)  { FValue *io_ = (o); io_->value.n = (x); io_->tt = LUA_TNUMBER; }
#define fl_setnumop(o, x) fl_setnum(o, x)
#define fl_setobj(L, d, s)  { const FValue *o2_ = (s); FValue *o1_ = (d); \
                              o1_->value = o2_->value; o1_->tt = o2_->tt; fl_unused(L); }

#define FL_VINIT_NIL         {{NULL}, LUA_TNIL}
#define FL_VINIT_GC(p, t)    {{.gc = (FGCObj *)(p)}, (t)}
#define FL_VINIT_NUM(x)      {{.n = (x)}, LUA_TNUMBER}

#endif /* FL_NANBOX */

typedef FValue *StkId;   /* index into a thread's stack */

/* type tests */
#define fl_isnil(o)      fl_hastag_(o, LUA_TNIL)
#define fl_isstr(o)      fl_hastag_(o, LUA_TSTRING)
#define fl_istab(o)      fl_hastag_(o, LUA_TTABLE)
#define fl_isfunc(o)     fl_hastag_(o, LUA_TFUNCTION)
#define fl_isbool(o)     fl_hastag_(o, LUA_TBOOLEAN)
#define fl_isud(o)       fl_hastag_(o, LUA_TUSERDATA)
#define fl_isthread(o)   fl_hastag_(o, LUA_TTHREAD)
#define fl_islud(o)      fl_hastag_(o, LUA_TLIGHTUSERDATA)

/* value access (no checks) */
#define fl_gcv(o)        (fl_val_(o).gc)
#define fl_ptrv(o)       (fl_val_(o).p)
#define fl_boolv(o)      (fl_val_(o).b)
#define fl_strv(o)       (&fl_val_(o).gc->ts)
#define fl_udv(o)        (&fl_val_(o).gc->u)
#define fl_tabv(o)       (&fl_val_(o).gc->h)
#define fl_clv(o)        (&fl_val_(o).gc->cl)
#define fl_thv(o)        (&fl_val_(o).gc->th)
#define fl_getstr(ts)    ((const char *)((ts) + 1))       /* chars follow the header */
#define fl_svalue(o)     fl_getstr(fl_strv(o))

#define fl_isfalse(o)    (fl_isnil(o) || (fl_isbool(o) && fl_boolv(o) == 0))

/* value setters; L is unused today but kept for a future write-barrier check */
#define fl_setnil(o)        fl_settag_(o, LUA_TNIL)
#define fl_setptr(o, x)     { FValue *io_ = (o); fl_val_(io_).p = (x); \
                              fl_settag_(io_, LUA_TLIGHTUSERDATA); }
#define fl_setbool(o, x)    { FValue *io_ = (o); fl_val_(io_).b = (x); fl_settag_(io_, LUA_TBOOLEAN); }
#define fl_setgc(L, o, x, t) { FValue *io_ = (o); fl_val_(io_).gc = fl_cast(FGCObj *, (x)); \
                               fl_settag_(io_, t); fl_unused(L); }
#define fl_setstr(L, o, x)  fl_setgc(L, o, x, LUA_TSTRING)
#define fl_setud(L, o, x)   fl_setgc(L, o, x, LUA_TUSERDATA)
#define fl_setth(L, o, x)   fl_setgc(L, o, x, LUA_TTHREAD)
#define fl_setcl(L, o, x)   fl_setgc(L, o, x, LUA_TFUNCTION)
#define fl_settab(L, o, x)  fl_setgc(L, o, x, LUA_TTABLE)
#define fl_setproto(L, o, x) fl_setgc(L, o, x, FL_TPROTO)

/* ========================================================================== objects */

/* Strings. The characters (plus a terminating '\0') follow the header in memory. They need no
** alignment, so the header's own is enough: no padding member (flash images pack strings to
** pointer alignment). */
typedef union FString {
  struct {
    FL_HEADER;
    lu_byte reserved;     /* > 0: reserved word index + 1 (lexer) */
    unsigned int hash;
    size_t len;
  } tsv;
} FString;

/* Full userdata. The block of `len` bytes follows the header. */
typedef union FUdata {
  FAlign dummy;
  struct {
    FL_HEADER;
    struct FTable *metatable;
    struct FTable *env;
    size_t len;
  } uv;
} FUdata;

/* Function prototypes: compiled code. Can live in flash: nothing here is written at run time.
** What only error messages, the debug library, listings and dumps read is in FProtoDbg, behind
** one pointer: a stripped flash proto has none (dbg NULL; read it through fl_pdbg). A RAM proto
** is an FProtoRAM block: the proto, its collector link and its debug part (dbg points there). */
typedef struct FLocVar {
  FString *varname;
  int startpc;            /* first instruction where the variable is active */
  int endpc;              /* first instruction where it is dead */
} FLocVar;

typedef struct FProtoDbg {
  int *lineinfo;          /* line of each instruction */
  FLocVar *locvars;
  FString **upvalues;     /* upvalue names */
  int sizelineinfo;       /* 0 or sizecode */
  int sizelocvars;
  lu_byte sizeupvalues;   /* 0 or nups (<= LUAI_MAXUPVALUES) */
} FProtoDbg;

/* The byte fields fill the word after the header: 52 bytes with 4-byte pointers, 80 with 8. */
typedef struct FProto {
  FL_HEADER;
  lu_byte nups;           /* number of upvalues */
  lu_byte numparams;
  lu_byte is_vararg;      /* FL_VARARG_* bits */
  lu_byte maxstacksize;
  FValue *k;              /* constants */
  Instr *code;
  struct FProto **p;      /* nested functions */
  FProtoDbg *dbg;         /* debug information, NULL in a flash proto that has none */
  FString *source;        /* chunk name (kept when stripped: error messages) */
  int sizek;
  int sizecode;
  int sizep;
  int linedefined;
  int lastlinedefined;
} FProto;

typedef struct FProtoRAM {
  FProto p;
  FGCObj *gclist;         /* the collector's gray list (flash protos are never gray) */
  FProtoDbg d;
} FProtoRAM;

extern const FProtoDbg flF_nodebug;   /* all empty */
#define fl_pdbg(f)          ((f)->dbg != NULL ? (f)->dbg : &flF_nodebug)
#define fl_pgclist(f)       (fl_cast(FProtoRAM *, (f))->gclist)

#define FL_VARARG_HASARG   1   /* 5.1 compatibility `arg` table */
#define FL_VARARG_ISVARARG 2
#define FL_VARARG_NEEDSARG 4

/* Upvalues: open ones point into a stack; closed ones hold their value. */
typedef struct FUpval {
  FL_HEADER;
  FValue *v;              /* the value: stack slot or &u.value */
  union {
    FValue value;         /* when closed */
    struct {              /* when open: doubly linked list of open upvalues (global uvhead) */
      struct FUpval *prev;
      struct FUpval *next;
    } l;
  } u;
} FUpval;

/* Closures */
#define FL_CLOSUREHEADER  FL_HEADER; lu_byte isC; lu_byte nupvalues; FGCObj *gclist; \
                          struct FTable *env

/* upvalue[] is a flexible array: a C function without upvalues (all the read-only ones
** generated by tools/genrom.py) has no slot for one */
typedef struct FCClosure {
  FL_CLOSUREHEADER;
  lua_CFunction f;
  FValue upvalue[];       /* nupvalues entries */
} FCClosure;

typedef struct FLClosure {
  FL_CLOSUREHEADER;
  struct FProto *p;
  FUpval *upvals[1];      /* nupvalues entries */
} FLClosure;

typedef union FClosure {
  FCClosure c;
  FLClosure l;
} FClosure;

#define fl_iscfunction(o)  (fl_ttype(o) == LUA_TFUNCTION && fl_clv(o)->c.isC)
#define fl_islfunction(o)  (fl_ttype(o) == LUA_TFUNCTION && !fl_clv(o)->c.isC)
#define fl_sizeCclosure(n) (fl_castint(sizeof(FCClosure)) + fl_castint(sizeof(FValue) * (n)))
#define fl_sizeLclosure(n) (fl_castint(sizeof(FLClosure)) + fl_castint(sizeof(FValue *) * ((n) - 1)))

/* Tables: an array part and a hash part (chained scatter table with Brent's variation,
** the main position of a key is its hash modulo the node count, a power of 2). */
typedef struct FKey {
  FValue tvk;
  struct FNode *next;     /* chain of colliding nodes */
} FKey;

typedef struct FNode {
  FValue i_val;
  FKey i_key;
} FNode;

typedef struct FTable {
  FL_HEADER;
  lu_byte flags;          /* bit (1<<TM_x) set: metamethod x known to be absent */
  lu_byte lsizenode;      /* log2 of the node count */
  struct FTable *metatable;
  FValue *array;
  FNode *node;
  FNode *lastfree;        /* every free node is before this one */
  FGCObj *gclist;
  int sizearray;
} FTable;

/* Static initializers of table keys (generated ROM tables); nx: next node in the chain */
#define FL_KINIT_NIL           {FL_VINIT_NIL, NULL}
#define FL_KINIT_GC(p, t, nx)  {FL_VINIT_GC(p, t), (nx)}

#define fl_gkey(n)    (&(n)->i_key.tvk)
#define fl_gval(n)    (&(n)->i_val)
#define fl_gnext(n)   ((n)->i_key.next)
#define fl_key2tval(n) (&(n)->i_key.tvk)
#define fl_gnode(t,i) (&(t)->node[i])
#define fl_twoto(x)   (1 << (x))
#define fl_sizenode(t) (fl_twoto((t)->lsizenode))
#define fl_lmod(s, size) (fl_cast(int, (s) & ((size) - 1)))


/* ======================================================================= tag methods */

/* Order matters: fasttm caches TM_INDEX..TM_EQ as "absent" bits in FTable.flags. */
typedef enum {
  TM_INDEX, TM_NEWINDEX, TM_GC, TM_MODE, TM_EQ,
  TM_ADD, TM_SUB, TM_MUL, TM_DIV, TM_MOD, TM_POW, TM_UNM, TM_LEN,
  TM_LT, TM_LE, TM_CONCAT, TM_CALL,
  TM_N
} TMS;

/* ===================================================================== global state */

typedef struct FStrTab {
  FGCObj **hash;          /* buckets: lists linked through `next` */
  lu_int32 nuse;
  int size;               /* power of 2 */
} FStrTab;

/* A read-only string table: consulted by interning before a RAM string is created.
** The flash store plugs its ROstrt in here; constant fixed strings may use a second slot. */
typedef struct FROStrTab {
  FString *(*find)(const struct FROStrTab *t, const char *s, size_t l, unsigned int h);
  /* call f(s, ud) for every string; used by debug.getstrings('ROM') */
  void (*each)(const struct FROStrTab *t, void (*f)(FString *s, void *ud), void *ud);
  const void *data;
} FROStrTab;

#define FL_NROSTRTAB 2

/* growable character buffer (lexer, undump, string building) */
typedef struct FMbuf {
  char *buffer;
  size_t n;
  size_t size;
} FMbuf;

/* GC phases */
#define GCSpause        0
#define GCSpropagate    1
#define GCSsweepstring  2
#define GCSsweep        3
#define GCSfinalize     4

/* A RAM table whose misses fall through to a read-only table (docs/ram-at-rest.md): `front`
** has FL_BACKEDBIT set; `shadow` (created on demand) holds the keys of `back` that were ever
** written into `front`, so that `front` alone decides them from then on. `back` may be a chain:
** a back table, never seen by Lua, names the next one in its `metatable` field (a key found
** twice in a chain has the same value in both tables; the first one counts). */
#define FL_NBACKED 3
typedef struct FBacked {
  struct FTable *front;
  const struct FTable *back;
  struct FTable *shadow;
} FBacked;
#define flH_nextback(t)  ((const struct FTable *)(t)->metatable)

typedef struct FGlobal {
  FStrTab strt;
  const FROStrTab *rostrt[FL_NROSTRTAB];
  lua_Alloc frealloc;
  void *ud;
  lu_byte currentwhite;
  lu_byte gcstate;
  lu_byte gcemergency;    /* inside an emergency collection */
  lu_byte gcstopped;      /* collectgarbage("stop") */
  lu_byte gcbusy;         /* state being built/freed, or collector inside a step: no emergency GC */
  int sweepstrgc;         /* position of the string sweep */
  FGCObj *rootgc;         /* list of all collectable objects (except strings) */
  FGCObj **sweepgc;       /* position of the sweep in rootgc */
  FGCObj *gray;
  FGCObj *grayagain;      /* objects to traverse again atomically */
  FGCObj *weak;           /* weak tables to clear */
  FGCObj *tmudata;        /* userdata to be finalized (last element) */
  FMbuf buff;             /* temporary buffer for string concatenation */
  lu_mem GCthreshold;
  lu_mem totalbytes;
  lu_mem estimate;
  lu_mem gcdept;
  int gcpause;
  int gcstepmul;
  lua_CFunction panic;
  FValue l_registry;
  struct lua_State *mainthread;
  FUpval uvhead;          /* head of the doubly linked list of all open upvalues */
  struct FTable *mt[LUA_TTHREAD + 1];   /* metatables of basic types */
  FString *tmname[TM_N];  /* metamethod names */
  unsigned int seed;      /* string hash seed; 0 gives 5.1's hash (see docs/image-format.md) */
  void *userdata;         /* for the port / the flash store */
  struct FTable *rooverlay; /* read-only table -> RAM overlay of its patched keys, or NULL */
  FBacked backed[FL_NBACKED];  /* RAM tables (globals, registry, _LOADED) backed by ROM ones */
} FGlobal;

/* call information: one per active function */
typedef struct FCallInfo {
  StkId base;             /* base of this function's registers */
  StkId func;             /* function slot */
  StkId top;              /* top for this function */
  const Instr *savedpc;
  int nresults;           /* expected results */
  int tailcalls;          /* tail calls lost under this entry */
} FCallInfo;

#define fl_curr_func(L)  (fl_clv((L)->ci->func))
#define fl_ci_func(ci)   (fl_clv((ci)->func))
#define fl_isLua(ci)     (!fl_ci_func(ci)->c.isC)

struct fl_longjmp;        /* defined in fl_do.c */

/* per-thread state */
struct lua_State {
  FL_HEADER;
  lu_byte status;
  StkId top;              /* first free slot */
  StkId base;             /* base of the current function */
  FGlobal *l_G;
  FCallInfo *ci;          /* current call */
  const Instr *savedpc;   /* pc of the current Lua function */
  StkId stack_last;       /* last usable slot */
  StkId stack;
  FCallInfo *end_ci;
  FCallInfo *base_ci;     /* array of CallInfo */
  int stacksize;
  int size_ci;
  unsigned short nCcalls;   /* nested C calls */
  unsigned short baseCcalls;/* nested C calls when the coroutine was resumed */
  lu_byte hookmask;
  lu_byte allowhook;
  int basehookcount;
  int hookcount;
  lua_Hook hook;
  FValue l_gt;            /* table of globals */
  FValue env;             /* temporary slot for the environment of C functions */
  FGCObj *openupval;      /* open upvalues of this stack */
  FGCObj *gclist;
  struct fl_longjmp *errorJmp;
  ptrdiff_t errfunc;      /* error handler (stack offset) */
};

/* Union of all collectable objects (needs the complete struct lua_State). */
union FGCObj {
  FGCHeader gch;
  union FString ts;
  union FUdata u;
  union FClosure cl;
  struct FTable h;
  struct FProto p;
  struct FUpval uv;
  struct lua_State th;
};

#define fl_gco2ts(o)  (&((o)->ts.tsv))
#define fl_gco2u(o)   (&((o)->u.uv))
#define fl_gco2cl(o)  (&((o)->cl))
#define fl_gco2h(o)   (&((o)->h))
#define fl_gco2p(o)   (&((o)->p))
#define fl_gco2uv(o)  (&((o)->uv))
#define fl_gco2th(o)  (&((o)->th))
#define fl_obj2gco(v) (fl_cast(FGCObj *, (v)))

#define G(L)            ((L)->l_G)
#define fl_registry(L)  (&G(L)->l_registry)
#define fl_gt(L)        (&(L)->l_gt)

/* ============================================================ GC colours and bits */

#define FL_WHITE0BIT    0
#define FL_WHITE1BIT    1
#define FL_BLACKBIT     2
#define FL_FINALIZEDBIT 3   /* userdata: finalizer already run */
#define FL_KEYWEAKBIT   3   /* tables */
#define FL_VALUEWEAKBIT 4   /* tables */
#define FL_FIXEDBIT     5   /* never collected (main thread, reserved words, tm names) */
#define FL_SFIXEDBIT    6   /* main thread */
#define FL_BACKEDBIT    6   /* tables: a RAM table backed by a read-only one (fl_rotab.c) */
#define FL_READONLYBIT  7   /* object in read-only memory: never marked, swept or written */

#define fl_bitmask(b)     (1 << (b))
#define fl_bit2mask(a,b)  (fl_bitmask(a) | fl_bitmask(b))
#define FL_WHITEBITS      fl_bit2mask(FL_WHITE0BIT, FL_WHITE1BIT)
#define FL_KEYWEAK        fl_bitmask(FL_KEYWEAKBIT)
#define FL_VALUEWEAK      fl_bitmask(FL_VALUEWEAKBIT)
/* the `marked` byte of every read-only object, as the flash writer must lay it out */
#define FL_READONLY_MARK  (fl_bitmask(FL_BLACKBIT) | fl_bitmask(FL_FIXEDBIT) | fl_bitmask(FL_READONLYBIT))

#define fl_iswhite(x)     ((x)->gch.marked & FL_WHITEBITS)
#define fl_isblack(x)     ((x)->gch.marked & fl_bitmask(FL_BLACKBIT))
#define fl_isgray(x)      (!fl_isblack(x) && !fl_iswhite(x))
#define flC_isro(x)       ((x)->gch.marked & fl_bitmask(FL_READONLYBIT))
#define fl_otherwhite(g)  ((g)->currentwhite ^ FL_WHITEBITS)
#define fl_isdead(g,v)    ((v)->gch.marked & fl_otherwhite(g) & FL_WHITEBITS)
#define fl_changewhite(x) ((x)->gch.marked ^= FL_WHITEBITS)
#define fl_gray2black(x)  ((x)->gch.marked |= fl_bitmask(FL_BLACKBIT))
#define fl_valiswhite(o)  (fl_iscollectable(o) && fl_iswhite(fl_gcv(o)))
#define fl_luaCwhite(g)   fl_castbyte((g)->currentwhite & FL_WHITEBITS)

/* ===================================================== module interfaces (prefixes) */

/* ---- fl_mem.c (flM_): all memory goes through here ---------------------------- */
#define FL_MEMERRMSG "not enough memory"
void *flM_realloc_(lua_State *L, void *block, size_t oldsize, size_t size);
void *flM_toobig(lua_State *L);
void *flM_growaux_(lua_State *L, void *block, int *size, size_t size_elem, int limit,
                   const char *errormsg);
#define flM_reallocv(L,b,on,n,e) \
  (((size_t)((n)+1) <= FL_MAX_SIZET/(e)) ? flM_realloc_(L, (b), (on)*(e), (n)*(e)) : flM_toobig(L))
#define flM_freemem(L, b, s)     flM_realloc_(L, (b), (s), 0)
#define flM_free(L, b)           flM_realloc_(L, (b), sizeof(*(b)), 0)
#define flM_freearray(L, b, n, t) flM_reallocv(L, (b), n, 0, sizeof(t))
#define flM_malloc(L, t)         flM_realloc_(L, NULL, 0, (t))
#define flM_new(L, t)            fl_cast(t *, flM_malloc(L, sizeof(t)))
#define flM_newvector(L, n, t)   fl_cast(t *, flM_reallocv(L, NULL, 0, n, sizeof(t)))
#define flM_growvector(L,v,nelems,size,t,limit,e) \
  if ((nelems)+1 > (size)) ((v)=fl_cast(t *, flM_growaux_(L,v,&(size),sizeof(t),limit,e)))
#define flM_reallocvector(L, v, oldn, n, t) \
  ((v)=fl_cast(t *, flM_reallocv(L, v, oldn, n, sizeof(t))))

/* ---- fl_object.c (flO_): value utilities --------------------------------------- */
extern const FValue flO_nilobject_;
#define flO_nilobject (&flO_nilobject_)
int flO_log2(unsigned int x);
int flO_int2fb(unsigned int x);          /* "floating point byte" used by NEWTABLE */
int flO_fb2int(int x);
int flO_rawequalObj(const FValue *t1, const FValue *t2);
int flO_str2d(const char *s, lua_Number *result);   /* Lua's number syntax, hex too */
const char *flO_pushvfstring(lua_State *L, const char *fmt, va_list argp);  /* %% %s %c %d %f %p */
const char *flO_pushfstring(lua_State *L, const char *fmt, ...);
void flO_chunkid(char *out, const char *source, size_t bufflen);   /* "[string \"...\"]" etc. */
int flO_num2str(char *buf, lua_Number n);   /* LUA_NUMBER_FMT; returns length */
lua_Number flO_floor(lua_Number x);
lua_Number flO_pow(lua_Number a, lua_Number b);
#if defined(FL_NUMBER_INTEGRAL)
lua_Number flO_intdiv(lua_Number a, lua_Number b);  /* floor division; b == 0 -> 0 */
lua_Number flO_intmod(lua_Number a, lua_Number b);
lua_Number flO_intpow(lua_Number a, lua_Number b);
#endif

/* ---- fl_zio.c (flZ_): buffered input streams for the lexer and undump ---------- */
#define FL_EOZ (-1)
typedef struct FZio {
  size_t n;               /* bytes still unread in p */
  const char *p;
  lua_Reader reader;
  void *data;
  lua_State *L;
} FZio;
#define fl_zgetc(z)  (((z)->n--) > 0 ? (int)(unsigned char)(*(z)->p++) : flZ_fill(z))
void flZ_init(lua_State *L, FZio *z, lua_Reader reader, void *data);
int flZ_fill(FZio *z);                   /* next char, or FL_EOZ */
int flZ_lookahead(FZio *z);
size_t flZ_read(FZio *z, void *b, size_t n);   /* returns the number of bytes missing */
#define flZ_initbuffer(L, b)  ((b)->buffer = NULL, (b)->n = 0, (b)->size = 0)
char *flZ_openspace(lua_State *L, FMbuf *buff, size_t n);   /* buffer of at least n bytes */
#define flZ_resizebuffer(L, b, sz) \
  ((b)->buffer = fl_cast(char *, flM_realloc_(L, (b)->buffer, (b)->size, (sz))), (b)->size = (sz))
#define flZ_freebuffer(L, b)  flZ_resizebuffer(L, b, 0)

/* ---- fl_string.c (flS_): interned strings and userdata -------------------------- */
/* The hash function (documented in docs/image-format.md): h = seed ^ len; step = (len>>5)+1;
** for (i = len; i >= step; i -= step) h ^= (h<<5) + (h>>2) + (unsigned char)s[i-1];
** with seed 0 this is Lua 5.1's hash, which keeps pairs() order identical to lua5.1. */
unsigned int flS_hash(const char *s, size_t l, unsigned int seed);
FString *flS_newlstr(lua_State *L, const char *str, size_t l);  /* RAM table, then rostrt[], then new */
#define flS_new(L, s)      (flS_newlstr(L, s, strlen(s)))
#define flS_newliteral(L, s) (flS_newlstr(L, "" s, (sizeof(s)/sizeof(char))-1))
#define flS_fix(s)         ((s)->tsv.marked |= fl_bitmask(FL_FIXEDBIT))
void flS_resize(lua_State *L, int newsize);
FUdata *flS_newudata(lua_State *L, size_t s, struct FTable *e);
#define fl_sizestring(l)   (sizeof(union FString) + ((l) + 1) * sizeof(char))
#define fl_sizeudata(l)    (sizeof(union FUdata) + (l))

/* ---- fl_table.c (flH_): tables, with 5.1's exact sizing and placement rules ------- */
const FValue *flH_getnum(FTable *t, int key);
FValue *flH_setnum(lua_State *L, FTable *t, int key);
const FValue *flH_getstr(FTable *t, FString *key);
FValue *flH_setstr(lua_State *L, FTable *t, FString *key);
const FValue *flH_get(FTable *t, const FValue *key);
FValue *flH_set(lua_State *L, FTable *t, const FValue *key);  /* errors: "table index is nil"/"table index is NaN" */
FTable *flH_new(lua_State *L, int narray, int lnhash);
void flH_resizearray(lua_State *L, FTable *t, int nasize);
void flH_free(lua_State *L, FTable *t);
int flH_next(lua_State *L, FTable *t, StkId key);   /* "invalid key to 'next'" */
int flH_getn(FTable *t);                 /* a border, 5.1's binary search rule */
FNode *flH_mainposition(const FTable *t, const FValue *key);
extern const FNode flH_dummynode_;       /* shared empty node part */
/* Writable view of read-only tables (monkey-patching, docs/ram-at-rest.md): a write goes into a
** RAM overlay table, found in G->rooverlay, that reads consult first. Only needed once
** G->rooverlay != NULL, i.e. after the first write into any read-only table. */
const FValue *flH_roget(lua_State *L, FTable *t, const FValue *key);
void flH_roset(lua_State *L, FTable *t, const FValue *key, const FValue *val);
int flH_ronext(lua_State *L, FTable *t, StkId key);
int flH_rogetn(lua_State *L, FTable *t);
#define flH_getnL(L, t) (flH_hasoverlay(L, t) ? flH_rogetn(L, t) : flH_getn(t))
#define FL_ROPATCH 0x80   /* in FTable.flags of a compiled-in read-only table: writable by overlay */
#define FL_ROLAZY  0x40   /* ... whose `gclist` is a C closure filling its lazy fields (fl_rotab.c) */
#define flH_hasoverlay(L, t) (flC_isro(fl_obj2gco(t)) && G(L)->rooverlay != NULL)
#define flH_isbacked(t)  ((t)->marked & fl_bitmask(FL_BACKEDBIT))
/* a miss in t needs more than the metatable: a backed or a read-only (maybe lazy) table */
#define flH_slowmiss(t)  ((t)->marked & (fl_bitmask(FL_BACKEDBIT) | fl_bitmask(FL_READONLYBIT)))
FTable *flH_overlayof(FGlobal *g, const FTable *t);
const FValue *flH_bkget(lua_State *L, FTable *t, const FValue *key);   /* t's miss */
void flH_bkset(lua_State *L, FTable *t, const FValue *key, const FValue *val);  /* raw set */
int flH_bknext(lua_State *L, FTable *t, StkId key);
void flH_setback(lua_State *L, FTable *front, const FTable *back);
int flH_lazypending(lua_State *L, FTable *t, FValue *f);  /* 1: f is the filler still to run */
void flH_runlazy(lua_State *L, FTable *t);                 /* run it now (C API context) */
/* any raw read (read-only overlays, backed misses); no lazy filling */
const FValue *flH_rawgetx(lua_State *L, FTable *t, const FValue *key);
/* the metatable of a table: a patched read-only table may have one in its overlay */
FTable *flH_romt(lua_State *L, FTable *t);
void flH_rosetmt(lua_State *L, FTable *t, FTable *mt);
#define fl_tabmt(L, h)  (flH_hasoverlay(L, h) ? flH_romt(L, h) : (h)->metatable)

/* ---- fl_func.c (flF_): protos, closures, upvalues ------------------------------- */
FProto *flF_newproto(lua_State *L);
FClosure *flF_newCclosure(lua_State *L, int nelems, FTable *e);
FClosure *flF_newLclosure(lua_State *L, int nelems, FTable *e);
FUpval *flF_newupval(lua_State *L);
FUpval *flF_findupval(lua_State *L, StkId level);
void flF_close(lua_State *L, StkId level);
void flF_freeproto(lua_State *L, FProto *f);   /* never called on read-only protos */
void flF_freeclosure(lua_State *L, FClosure *c);
void flF_freeupval(lua_State *L, FUpval *uv);
const char *flF_getlocalname(const FProto *func, int local_number, int pc);

/* ---- fl_gc.c (flC_): incremental mark & sweep ----------------------------------- */
#define flC_checkGC(L) { if (G(L)->totalbytes >= G(L)->GCthreshold) flC_step(L); }
#define flC_white(g)   fl_luaCwhite(g)
/* barriers: forward for most objects, backward (table turns gray again) for tables */
#define flC_barrier(L,p,v) { if (fl_valiswhite(v) && fl_isblack(fl_obj2gco(p))) \
                               flC_barrierf(L, fl_obj2gco(p), fl_gcv(v)); }
#define flC_barriert(L,t,v) { if (fl_valiswhite(v) && fl_isblack(fl_obj2gco(t))) \
                               flC_barrierback(L, t); }
#define flC_objbarrier(L,p,o) { if (fl_iswhite(fl_obj2gco(o)) && fl_isblack(fl_obj2gco(p))) \
                               flC_barrierf(L, fl_obj2gco(p), fl_obj2gco(o)); }
#define flC_objbarriert(L,t,o) { if (fl_iswhite(fl_obj2gco(o)) && fl_isblack(fl_obj2gco(t))) \
                               flC_barrierback(L, t); }
size_t flC_separateudata(lua_State *L, int all);
void flC_callGCTM(lua_State *L);
void flC_freeall(lua_State *L);
void flC_step(lua_State *L);
void flC_fullgc(lua_State *L);
void flC_emergency(lua_State *L);        /* called by flM_realloc_ on allocation failure */
void flC_link(lua_State *L, FGCObj *o, lu_byte tt);   /* new object: white, on rootgc */
void flC_linkupval(lua_State *L, FUpval *uv);
void flC_barrierf(lua_State *L, FGCObj *o, FGCObj *v);
void flC_barrierback(lua_State *L, FTable *t);

/* ---- fl_state.c (flE_): states and threads --------------------------------------- */
lua_State *flE_newthread(lua_State *L);
void flE_freethread(lua_State *L, lua_State *L1);
lua_State *flE_newstate(lua_Alloc f, void *ud, const FROStrTab *store);  /* store: rostrt[1] */
const FString *const *flE_fixedstrings(unsigned int *n);   /* compiled-in strings, sorted */
/* lua_newstate and lua_close are defined in fl_state.c too */

/* ---- fl_tm.c (flT_): metamethods ----------------------------------------------- */
extern const char *const flT_typenames[];   /* "nil","boolean","userdata","number",... incl. "proto","upval" */
#define fl_typename(x)   flT_typenames[(x) + 1]    /* index -1 is "no value" */
void flT_init(lua_State *L);
const FValue *flT_gettm(FGlobal *g, FTable *events, TMS event, FString *ename);
const FValue *flT_gettmbyobj(lua_State *L, const FValue *o, TMS event);
#define fl_gfasttm(g,et,e) ((et) == NULL ? NULL : \
  ((et)->flags & (1u << (e))) ? NULL : flT_gettm(g, et, e, (g)->tmname[e]))
#define fl_fasttm(l,et,e)  fl_gfasttm(G(l), et, e)

/* ---- fl_do.c (flD_): calls, errors, stack, coroutines, protected parsing --------- */
#define flD_checkstack(L,n) \
  if ((char *)(L)->stack_last - (char *)(L)->top <= (ptrdiff_t)(n)*(ptrdiff_t)sizeof(FValue)) \
    flD_growstack(L, n); \
  else fl_assert(1)
#define flD_incr_top(L)  { flD_checkstack(L,1); (L)->top++; }
#define fl_savestack(L,p)     ((char *)(p) - (char *)(L)->stack)
#define fl_restorestack(L,n)  ((FValue *)((char *)(L)->stack + (n)))
#define fl_saveci(L,p)        ((char *)(p) - (char *)(L)->base_ci)
#define fl_restoreci(L,n)     ((FCallInfo *)((char *)(L)->base_ci + (n)))
#define FL_PCRLUA  0   /* flD_precall: a Lua function was entered: run flV_execute */
#define FL_PCRC    1   /* a C function ran to completion */
#define FL_PCRYIELD 2  /* a C function yielded */
typedef void (*FPfunc)(lua_State *L, void *ud);
int flD_protectedparser(lua_State *L, FZio *z, const char *name);
void flD_callhook(lua_State *L, int event, int line);
int flD_precall(lua_State *L, StkId func, int nresults);
void flD_call(lua_State *L, StkId func, int nresults);
int flD_pcall(lua_State *L, FPfunc func, void *u, ptrdiff_t oldtop, ptrdiff_t ef);
int flD_poscall(lua_State *L, StkId firstResult);
void flD_reallocCI(lua_State *L, int newsize);
void flD_reallocstack(lua_State *L, int newsize);
void flD_growstack(lua_State *L, int n);
void flD_throw(lua_State *L, int errcode);   /* never returns */
int flD_rawrunprotected(lua_State *L, FPfunc f, void *ud);
void flD_seterrorobj(lua_State *L, int errcode, StkId oldtop);
void flD_checkCstack(lua_State *L);       /* "C stack overflow" when nCcalls too deep */

/* ---- fl_vm.c (flV_): the interpreter ------------------------------------------- */
int flV_lessthan(lua_State *L, const FValue *l, const FValue *r);
int flV_equalval(lua_State *L, const FValue *t1, const FValue *t2);
#define flV_equalobj(L,o1,o2) (fl_ttype(o1) == fl_ttype(o2) && flV_equalval(L, o1, o2))
const FValue *flV_tonumber(const FValue *obj, FValue *n);   /* NULL if not convertible */
int flV_tostring(lua_State *L, StkId obj);   /* number -> string in place; 0 if not a number */
void flV_gettable(lua_State *L, const FValue *t, FValue *key, StkId val);
void flV_settable(lua_State *L, const FValue *t, FValue *key, StkId val);
void flV_execute(lua_State *L, int nexeccalls);
void flV_concat(lua_State *L, int total, int last);
#define fl_tostring(L,o) ((fl_ttype(o) == LUA_TSTRING) || (flV_tostring(L, o)))
#define fl_tonumber(o,n) (fl_ttype(o) == LUA_TNUMBER || (((o) = flV_tonumber(o,n)) != NULL))

/* ---- fl_debug.c (flG_): debug info, error messages, bytecode verifier ------------ */
#define fl_pcRel(pc, p)     (fl_castint((pc) - (p)->code) - 1)
#define fl_getline(f,pc)    ((fl_pdbg(f)->lineinfo) ? fl_pdbg(f)->lineinfo[pc] : 0)
#define fl_resethookcount(L) ((L)->hookcount = (L)->basehookcount)
void flG_typeerror(lua_State *L, const FValue *o, const char *opname);  /* "attempt to %s %s '%s' (a %s value)" */
void flG_concaterror(lua_State *L, StkId p1, StkId p2);
void flG_aritherror(lua_State *L, const FValue *p1, const FValue *p2);
int flG_ordererror(lua_State *L, const FValue *p1, const FValue *p2);
void flG_runerror(lua_State *L, const char *fmt, ...);   /* adds "chunk:line: " */
void flG_errormsg(lua_State *L);          /* calls the error handler, throws */
int flG_checkcode(const FProto *pt);      /* full bytecode verifier: 1 if the code is safe */
int flG_checkopenop(Instr i);

/* ---- fl_lex.c / fl_parse.c / fl_code.c (flX_, flY_, flK_): the compiler ---------- */
void flX_init(lua_State *L);              /* creates and fixes the reserved-word strings */
FProto *flY_parser(lua_State *L, FZio *z, FMbuf *buff, const char *name);

/* ---- fl_dump.c / fl_undump.c (flU_): 5.1 binary chunks --------------------------- */
/* header: ESC "Lua" 0x51 0 endianness sizeof(int) sizeof(size_t) sizeof(Instr)
**         sizeof(lua_Number) integral-flag -- 12 bytes, as luac5.1 writes it */
#define FL_CHUNK_HEADERSIZE 12
int flU_dump(lua_State *L, const FProto *f, lua_Writer w, void *data, int strip);
FProto *flU_undump(lua_State *L, FZio *z, FMbuf *buff, const char *name);
void flU_header(char *h);                 /* this build's 12-byte header */

/* ---- fl_opcodes.c (flP_): opcode names and modes -> fl_opcodes.h --------------- */

/* ---- fl_print.c (flL_): luac -l style listing, used by flashluac ------------------ */
void flL_print(const FProto *f, int full, void (*out)(const char *s, void *ud), void *ud);

#endif
