/*
** console.c -- the standard streams of the LM3S6965 port (picolibc's tinystdio).
**
**   stdout  semihosting console (mode FW_CON_SEMIHOST: scripts and tests), or UART0 (the REPL)
**   stdin   semihosting console, or UART0
**   stderr  UART0 always: error messages and fault reports stay apart from the program's
**           output (qemu: -serial ...), as a host's stderr does
** UART0 is a PL011 at 0x4000C000 (IRQ 5). Input arrives through its receive interrupt into a
** ring buffer; Ctrl-C while Lua code runs calls fw_on_interrupt instead (see main.c).
** Files (io.open, loadfile, require) go through picolibc's semihosting oslib: host files,
** relative to qemu's working directory.
*/
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <semihost.h>

#include "fw.h"

#define REG(a)  (*(volatile uint32_t *)(a))
#define UART0       0x4000C000u
#define UART_DR     REG(UART0 + 0x000u)
#define UART_FR     REG(UART0 + 0x018u)
#define UART_LCRH   REG(UART0 + 0x02Cu)
#define UART_CR     REG(UART0 + 0x030u)
#define UART_IM     REG(UART0 + 0x038u)
#define UART_ICR    REG(UART0 + 0x044u)
#define FR_RXFE     (1u << 4)
#define FR_TXFF     (1u << 5)
#define SYSCTL_RCGC1 REG(0x400FE104u)
#define NVIC_ISER0  REG(0xE000E100u)
#define SYST_CSR    REG(0xE000E010u)
#define SYST_RVR    REG(0xE000E014u)

static int con_mode = FW_CON_SEMIHOST, con_cooked = 0, con_mute = 0;
static int sh_out = -1, sh_in = -1;           /* semihosting console handles */
void (*volatile fw_on_interrupt)(void) = NULL;
volatile int fw_console_busy = 0;

/* ---------------------------------------------------------------- UART0 */

static volatile unsigned char rx_buf[128];
static volatile unsigned rx_head = 0, rx_tail = 0;   /* written by the IRQ / by the reader */

static void uart_raw(int c) {
  while (UART_FR & FR_TXFF) {}
  UART_DR = (uint32_t)(unsigned char)c;
}

void fw_uart_putc(int c) {
  if (c == '\n' && con_cooked) uart_raw('\r');
  uart_raw(c);
}

void fw_uart0_irq(void) {
  while (!(UART_FR & FR_RXFE)) {
    unsigned char c = (unsigned char)UART_DR;
    if (c == 3 && fw_console_busy && fw_on_interrupt != NULL) {
      if (con_cooked) { uart_raw('^'); uart_raw('C'); }   /* as a terminal echoes it */
      fw_on_interrupt();                       /* Ctrl-C while code runs */
    }
    else if (((rx_head + 1) % sizeof rx_buf) != rx_tail) {   /* full: drop */
      rx_buf[rx_head] = c;
      rx_head = (rx_head + 1) % sizeof rx_buf;
    }
  }
  UART_ICR = 0x50u;                            /* RX and RX-timeout interrupts */
}

int fw_uart_getc(void) {
  int c;
  while (rx_head == rx_tail)
    __asm volatile ("wfi");                    /* SysTick bounds the wait if we miss a wake-up */
  c = rx_buf[rx_tail];
  rx_tail = (rx_tail + 1) % sizeof rx_buf;
  return c;
}

void fw_fault_puts(const char *s) {
  for (; *s; s++) {
    if (*s == '\n' && con_cooked) uart_raw('\r');
    uart_raw(*s);
  }
}

/* ---------------------------------------------------------------- semihosting console */

static char out_buf[128];
static unsigned out_len = 0;

void fw_flush_output(void) {
  if (out_len > 0 && sh_out >= 0) sys_semihost_write(sh_out, out_buf, out_len);
  out_len = 0;
}

static void sh_putc(char c) {
  out_buf[out_len++] = c;
  if (out_len == sizeof out_buf || c == '\n') fw_flush_output();
}

static int sh_getc(void) {
  unsigned char c;
  fw_flush_output();
  if (sh_in < 0 || sys_semihost_read(sh_in, &c, 1) != 0) return _FDEV_EOF;
  return c;
}

/* ---------------------------------------------------------------- the FILEs */

static int out_put(char c, FILE *f) {
  (void)f;
  if (con_mute) return (unsigned char)c;
  if (con_mode == FW_CON_UART) fw_uart_putc(c);
  else sh_putc(c);
  return (unsigned char)c;
}

static int out_flush(FILE *f) {
  (void)f;
  fw_flush_output();
  return 0;
}

static int err_put(char c, FILE *f) {
  (void)f;
  if (con_mute) return (unsigned char)c;
  if (con_mode != FW_CON_UART) fw_flush_output();   /* keep the order readable */
  fw_uart_putc(c);
  return (unsigned char)c;
}

static int in_get(FILE *f) {
  int c;
  (void)f;
  if (con_mode != FW_CON_UART) return sh_getc();
  c = fw_uart_getc();
  if (c == 4) return _FDEV_EOF;                /* Ctrl-D */
  if (con_cooked) {
    if (c == '\r') c = '\n';
    fw_uart_putc(c);
  }
  return c;
}

static FILE fw_stdin = FDEV_SETUP_STREAM(NULL, in_get, NULL, _FDEV_SETUP_READ);
static FILE fw_stdout = FDEV_SETUP_STREAM(out_put, NULL, out_flush, _FDEV_SETUP_WRITE);
static FILE fw_stderr = FDEV_SETUP_STREAM(err_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &fw_stdin;
FILE *const stdout = &fw_stdout;
FILE *const stderr = &fw_stderr;

/* ---------------------------------------------------------------- setup */

void fw_console_init(int mode, int cooked) {
  con_mode = mode;
  con_cooked = cooked;
  SYSCTL_RCGC1 |= 1u;                          /* clock UART0 (a no-op under qemu) */
  UART_LCRH = 0x60u;                           /* 8 bits, no FIFO: one interrupt per byte */
  UART_CR = 0x301u;                            /* UARTEN | TXE | RXE */
  UART_ICR = 0x7FFu;
  UART_IM = 0x50u;                             /* RX and RX timeout */
  NVIC_ISER0 = 1u << 5;
  if (mode == FW_CON_UART) {                   /* wake up WFI now and then */
    SYST_RVR = 120000u;                        /* 10 ms at the 12 MHz qemu models */
    SYST_CSR = 7u;                             /* processor clock, interrupt, enable */
  }
  sh_out = sys_semihost_open(":tt", SH_OPEN_W);
  sh_in = sys_semihost_open(":tt", SH_OPEN_R);
}

void fw_console_mute(int on) {
  con_mute = on;
}

int fw_console_cooked(void) {
  return con_cooked;
}

int fw_cmdline(char *buf, int size) {
  return sys_semihost_get_cmdline(buf, size) == 0 ? 0 : -1;
}

void fw_exit(int status) {
  exit(status);
}

/* exit (os.exit, the end of main): flushes the console and ends qemu. It replaces picolibc's,
** whose atexit table costs 384 bytes of RAM; nothing in the firmware registers handlers. */
void exit(int status) {
  fflush(stdout);
  fw_flush_output();
  sys_semihost_exit_extended((uintptr_t)status);
}

void fw_fault_exit(void) {
  sys_semihost_exit_extended(FW_FAULT_STATUS);
}

/* picolibc's semihosting layer has no rename(): os.rename */
int rename(const char *from, const char *to) {
  if (sys_semihost_rename(from, to) == 0) return 0;
  errno = sys_semihost_errno();
  return -1;
}

/* picolibc 1.8's fgets returns NULL when the end of file comes after some characters; ISO C
** returns them (io.read("*l") of a last line without "\n", io.lines). */
char *fgets(char *s, int n, FILE *f) {
  int i = 0, c = 0;
  if (n <= 0) return NULL;
  while (i < n - 1 && (c = getc(f)) != EOF) {
    s[i++] = (char)c;
    if (c == '\n') break;
  }
  if (i == 0 || (c == EOF && ferror(f))) return NULL;
  s[i] = '\0';
  return s;
}
