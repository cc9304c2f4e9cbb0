/*
** lfs_writer.h -- builds a Lua Flash Store image for a target ABI from compiled protos
** (used by flashluac -f). The layout is lfs_format.h's; see docs/image-format.md.
*/
#ifndef lfs_writer_h
#define lfs_writer_h

#include <stddef.h>
#include <stdint.h>
#include "lua.h"
#include "lfs_format.h"

typedef struct LfsWriterOpts {
  LfsAbi abi;           /* target; its number type must be this build's */
  int strip;            /* 0: all debug info, 1: line info only, 2: none */
  uint64_t base;        /* 0: position independent; else pointers are absolute for this address */
  uint32_t time;        /* build time stamp */
  int embed;            /* store the runtime's fixed strings used (or always, with base != 0) */
} LfsWriterOpts;

typedef struct LfsStats {
  uint32_t nmodules, nprotos, nstrings, nfixed, nconst, ninstr;
  size_t header, rostrt, index, protos, code, consts, nested, debug, lineinfo, locvars, upvalues;
  size_t strings, padding, size;
  size_t fixedonly;     /* bytes (strings + a bucket share) used only by the runtime's strings */
  uint32_t nfixref;     /* compiled-in strings referred to instead of stored (0: none) */
  uint32_t nfixtab, fixid;   /* the runtime's table they are in: count, lfs_fixid */
  size_t luac_target;   /* `luac5.1 -s` bytes of the modules for the target's int/size_t/number */
} LfsStats;

typedef struct LfsWriter LfsWriter;

/* The protos, names and strings passed in must stay alive (anchored) until lfs_writer_free. */
LfsWriter *lfs_writer_new(lua_State *L, const LfsWriterOpts *o);
/* Adds every string interned in L's RAM string table now (call right after luaL_openlibs and
** a full collection: these are the runtime's fixed strings). Returns 0 on out of memory. */
int lfs_writer_fixed(LfsWriter *w);
/* Adds a module: `name` (an interned string of L) and its main function's proto.
** Returns 0 with a message in why if the name is already used. */
int lfs_writer_module(LfsWriter *w, const void *name /* FString */, const void *proto /* FProto */,
                      char *why, size_t whylen);
/* Lays out and emits the image (malloc'ed, *out). Returns 0 with a message in why. */
int lfs_writer_finish(LfsWriter *w, unsigned char **out, size_t *outlen, LfsStats *st,
                      char *why, size_t whylen);
void lfs_writer_free(LfsWriter *w);

#endif
