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

/* Consumes the flash options from argv (--flash FILE, --flash-size N, --lfs-install IMAGE,
** also as --opt=value; they must come before the script), installs an image if asked,
** maps the partition and creates the state with its store attached. Exits the process on a
** failed install, and after a successful one when nothing else is to be run. NULL: no memory. */
lua_State *fl_host_newstate(int *argc, char **argv, lua_Alloc f, void *ud);

#endif
