/*
** luaconf.h -- build-time configuration of flashlua.
** The host build keeps Lua 5.1's ABI (type sizes, buffer sizes, constants) so that
** C modules compiled for Debian's liblua5.1 work unchanged.
*/
#ifndef luaconf_h
#define luaconf_h

#include <limits.h>
#include <stddef.h>
#include <stdio.h>

/* ---- number type, chosen at build time --------------------------------------------
** default: double.  -DFL_NUMBER_FLOAT: float.  -DFL_NUMBER_INT: 32-bit integers.   */
#if defined(FL_NUMBER_FLOAT)
#define LUA_NUMBER          float
#define LUAI_UACNUMBER      double
#define LUA_NUMBER_SCAN     "%f"
#define LUA_NUMBER_FMT      "%.7g"
#define LUAI_MAXNUMBER2STR  32
#define FL_NUMBER_KIND      1
#elif defined(FL_NUMBER_INT)
#include <stdint.h>
#define LUA_NUMBER          int32_t
#define LUAI_UACNUMBER      long
#define LUA_NUMBER_SCAN     "%ld"
#define LUA_NUMBER_FMT      "%ld"
#define LUAI_MAXNUMBER2STR  16
#define FL_NUMBER_KIND      2
#define FL_NUMBER_INTEGRAL  1
#else
#define LUA_NUMBER          double
#define LUAI_UACNUMBER      double
#define LUA_NUMBER_SCAN     "%lf"
#define LUA_NUMBER_FMT      "%.14g"
#define LUAI_MAXNUMBER2STR  32
#define FL_NUMBER_KIND      0
#endif

#define LUA_INTEGER         ptrdiff_t

/* ---- API visibility --------------------------------------------------------------- */
#if defined(__GNUC__) && !defined(FL_NO_VISIBILITY)
#define LUA_API  extern __attribute__((visibility("default")))
#else
#define LUA_API  extern
#endif
#define LUALIB_API  LUA_API
#define LUAI_FUNC   extern
#define LUAI_DATA   extern

/* ---- sizes and limits (5.1's values) ---------------------------------------------- */
#define LUA_IDSIZE          60
#define LUA_PROMPT          "> "
#define LUA_PROMPT2         ">> "
#define LUA_PROGNAME        "lua"
#define LUA_MAXINPUT        512
#define LUAI_GCPAUSE        200
#define LUAI_GCMUL          200
#define LUAI_MAXCALLS       20000
#define LUAI_MAXCSTACK      8000
#ifndef LUAI_MAXCCALLS      /* a port with a small C stack lowers it (-D) */
#define LUAI_MAXCCALLS      200
#endif
/* luai_cstacklow(): a port with a small, fixed C stack builds with -DFL_CSTACKLOW=its_function
** (int f(void): 0 while there is room, 1 when the stack is nearly full, 2 when even error
** handling has no room left). Wherever C recursion grows (C calls, coroutines, parser levels,
** binary chunks, the verifier, pattern matching) it then counts as LUAI_MAXCCALLS reached:
** "C stack overflow" is a Lua error, not a crash. See ports/lm3s6965 and docs/porting.md. */
#if defined(FL_CSTACKLOW)
extern int FL_CSTACKLOW(void);
#define luai_cstacklow()    FL_CSTACKLOW()
#else
#define luai_cstacklow()    0
#endif
#define LUAI_MAXVARS        200
#define LUAI_MAXUPVALUES    60
#define LUA_MINSTACK        20
#ifndef LUAL_BUFFERSIZE     /* a luaL_Buffer lives on the C stack: ports may lower it */
#define LUAL_BUFFERSIZE     ((int)BUFSIZ)
#endif
#define LUAI_BITSINT        32
#define LUA_COMPAT_GETN     0
#define LUA_COMPAT_VARARG   1
#define LUA_COMPAT_LSTR     1

#if INT_MAX - 20 < 32760
#error "flashlua needs an int of at least 32 bits"
#endif
#define LUAI_UINT32         unsigned int
#define LUAI_INT32          int
#define LUAI_MAXINT32       INT_MAX
#define LUAI_UMEM           size_t
#define LUAI_MEM            ptrdiff_t
#define LUAI_USER_ALIGNMENT_T union { double u; void *s; long l; }

/* ---- paths (host defaults; Debian's layout) --------------------------------------- */
#define LUA_ROOT    "/usr/local/"
#define LUA_LDIR    LUA_ROOT "share/lua/5.1/"
#define LUA_CDIR    LUA_ROOT "lib/lua/5.1/"
#define LUA_PATH_DEFAULT  "./?.lua;" LUA_LDIR "?.lua;" LUA_LDIR "?/init.lua;" \
    LUA_CDIR "?.lua;" LUA_CDIR "?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua"
#define LUA_CPATH_DEFAULT "./?.so;" LUA_CDIR "?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;" \
    "/usr/lib/lua/5.1/?.so;" LUA_CDIR "loadall.so"
#define LUA_DIRSEP  "/"
#define LUA_PATHSEP ";"
#define LUA_PATH_MARK "?"
#define LUA_EXECDIR "!"
#define LUA_IGMARK  "-"
#define LUA_PATH    "LUA_PATH"
#define LUA_CPATH   "LUA_CPATH"
#define LUA_INIT    "LUA_INIT"

#endif
