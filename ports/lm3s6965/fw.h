/*
** fw.h -- what the files of the LM3S6965 port share (startup.c, console.c, main.c).
*/
#ifndef fw_h
#define fw_h

#include <stddef.h>
#include <stdint.h>

#define FW_HANDLER_STACK  512     /* bytes of the exception stack (MSP) */
#define FW_FAULT_STATUS   3       /* exit status after a CPU fault (Lua errors exit with 1) */
#define FW_RESTART_STATUS 97      /* node.restart with a flash file: run-qemu boots again */
#define FW_NOR_STATUS     98      /* the flash driver was asked to write a 1 over a 0 (a bug) */
#define FW_POWERCUT_STATUS 99     /* --flash-fault N: the power was cut at flash operation N */
#define FW_FLASH_PAGE     1024    /* the LM3S6965's flash erase unit */

/* startup.c */
void fw_stack_paint(void);
size_t fw_stack_unused(void);     /* bytes of the thread stack never touched so far */
size_t fw_stack_size(void);
void fw_reset(void);              /* system reset (node.restart) */
void fw_exit(int status);         /* flushes the console, ends the program (qemu exits) */

/* flash.c: the store partition's driver (over the host file that backs it) and restart */
struct LfsStore;
int fw_flash_open(const char *file, unsigned long fault_at);  /* 0, or -1/-2: cannot open/size */
void fw_flash_store(struct LfsStore *s);  /* the store node.LFS.reload prepares images against */
int fw_flash_test_write(size_t off, const void *p, size_t n);   /* fwtest.flashwrite */

/* console.c: UART0 and semihosting */
#define FW_CON_SEMIHOST  0        /* stdin/stdout on semihosting; stderr on UART0 */
#define FW_CON_UART      1        /* stdin/stdout/stderr on UART0 (the REPL) */
void fw_console_init(int mode, int cooked);   /* cooked: echo input, "\n" -> "\r\n" */
int fw_console_cooked(void);
void fw_console_mute(int on);     /* drop stdout/stderr output (os.exit in --batch) */
int fw_uart_getc(void);           /* blocking; -1 never happens (no end of input on a UART) */
void fw_uart_putc(int c);
void fw_uart0_irq(void);
void fw_flush_output(void);
void fw_fault_puts(const char *s);          /* polled UART output, usable in fault handlers */
__attribute__((noreturn)) void fw_fault_exit(void);
/* called from the UART interrupt when Ctrl-C arrives while fw_console_busy is set */
extern void (*volatile fw_on_interrupt)(void);
extern volatile int fw_console_busy;
int fw_cmdline(char *buf, int size);        /* semihosting command line; -1 if none */

#endif
