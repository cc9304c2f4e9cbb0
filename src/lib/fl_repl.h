/*
** fl_repl.h -- the stand-alone interpreter's front end, shared by the ports: lua5.1's command
** line (-e, -l, -i, -v, --, -, a script and its `arg` table), the start-up code and the
** interactive loop, with lua5.1's prompts, messages and tracebacks.
**
** Not part of the runtime library: a port that has a command line links fl_repl.c (the host's
** flashlua, the LM3S6965 firmware) and defines the hooks below, which are what differs between
** them: where a line comes from, what runs around a call of Lua code (Ctrl-C), the banner.
*/
#ifndef fl_repl_h
#define fl_repl_h

#include "lua.h"

/* The first line of -v and of the interactive banner. */
#define FL_REPL_VERSION FLASHLUA_VERSION " (" LUA_VERSION " compatible, with a Lua Flash Store)"

/* ---- hooks: defined by the port ---- */

/* Shows `prompt` and pushes one input line without its end of line; returns 0 at the end of
** the input (nothing pushed). */
int fl_repl_readline(lua_State *L, const char *prompt);
/* Every chunk the loop is about to run, as typed (line-editing history). */
void fl_repl_saveline(const char *chunk);
/* Called with 1 just before Lua code runs and with 0 just after: the time in which Ctrl-C
** (a signal, an interrupt) calls fl_repl_interrupt. */
void fl_repl_calling(int on);
/* Nonzero while the state is being unwound for a restart (node.restart, node.LFS.reload in
** the same process): its error is not reported and the command line stops. */
int fl_repl_stopping(void);
/* -v and the banner: FL_REPL_VERSION and what the port adds, on stderr. */
void fl_repl_version(lua_State *L);
/* When the options are wrong: what follows "usage: PROGNAME [options] [script [args]]". */
extern const char fl_repl_usage[];

/* ---- the front end ---- */

/* The prefix of error reports: argv[0] (the REPL reports without one, like lua5.1). */
extern const char *fl_repl_progname;

/* "who: msg" (or "msg") on stderr. */
void fl_repl_say(const char *who, const char *msg);
/* Reports the error on top of the stack (if status is one) and pops it; returns status. */
int fl_repl_report(lua_State *L, int status);
/* Makes the running Lua code raise "interrupted!" soon; safe in a signal or interrupt handler.
** Only between fl_repl_calling(1) and fl_repl_calling(0): the port arms its Ctrl-C handler
** then only (outside a call the state last used may have been closed). */
void fl_repl_interrupt(void);
/* Runs a file (NULL: stdin) and reports its error. */
int fl_repl_dofile(lua_State *L, const char *name);
/* The start-up code: the file `init` if not NULL, else `env` (LUA_INIT's value, may be NULL):
** "@file" runs the file, anything else is a chunk named "=LUA_INIT". */
int fl_repl_startup(lua_State *L, const char *init, const char *env);

typedef struct FlReplOpts { int has_i, has_v, has_e; } FlReplOpts;
/* lua5.1's options, up to the script. L == NULL: checks them, notes -i, -v and -e in *o and
** returns the index of the script in argv, 0 if none, -1 for a bad option. With a state: runs
** the -e and -l options in their order, -1 when one fails (reported), else the same index. */
int fl_repl_options(lua_State *L, char **argv, FlReplOpts *o);
/* The command line after the start-up code: the options, the script, then the loop when -i
** is given or there is nothing to run. Returns nonzero when a step failed (reported) or the
** options were wrong. `how`: */
#define FL_REPL_TTY     1   /* stdin is a terminal (else, with nothing to run, it runs as a script) */
#define FL_REPL_RESTART 2   /* after a restart: no options or script again, only the loop if the
                            ** command line turns it on */
#define FL_REPL_BANNER  4   /* the banner (fl_repl_version) before the loop that nothing to run
                            ** starts (lua5.1's; the host's restart goes on without it) */
int fl_repl_run(lua_State *L, int argc, char **argv, int how);
/* The interactive loop, until the end of the input (or fl_repl_stopping). */
void fl_repl_loop(lua_State *L);

#endif
