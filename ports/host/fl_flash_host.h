/*
** fl_flash_host.h -- the host port's flash partition: a file mapped read-only at a fixed
** address (see fl_flash_host.c and docs/lfs.md).
*/
#ifndef fl_flash_host_h
#define fl_flash_host_h

#include "lua.h"

/* Default address of the mapping (FLASHLUA_FLASH_BASE overrides it): low enough for 32-bit
** hosts and for AddressSanitizer's low memory range, above where programs and heaps live. */
#define FL_HOST_FLASH_BASE   0x60000000UL
#define FL_HOST_FLASH_SIZE   (256 * 1024UL)
#define FL_HOST_FLASH_FILE   "flashlua.flash"
#define FL_HOST_FLASH_SECTOR 4096

/* Consumes the flash options from argv (--flash FILE, --flash-size N, --flash-sector N,
** --flash-slots 1|2, --lfs-install IMAGE, also as --opt=value; they must come before the
** script), installs an image if asked, maps the partition and creates the state with its store
** attached. Exits the process on a failed install, and after a successful one when nothing else
** is to be run. NULL: no memory. */
lua_State *fl_host_newstate(int *argc, char **argv, lua_Alloc f, void *ud);

/* 1 when node.restart or node.LFS.reload asked for a restart: the running code is being
** unwound (no Lua code runs any more in the state); the caller's main loop then calls
** fl_host_restart. */
int fl_host_restarting(void);

/* Closes L, writes the image a reload validated (if any) into its slot, opens the store again
** and returns a fresh state (NULL: no memory). */
lua_State *fl_host_restart(lua_State *L);

#endif
