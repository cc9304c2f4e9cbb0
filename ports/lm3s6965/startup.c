/*
** startup.c -- reset, vector table, MPU and fault handlers of the LM3S6965 port.
**
** Stacks: the main program runs in thread mode on the process stack (PSP), at the bottom of
** SRAM; exceptions run on the main stack (MSP), a small array in .bss. So when the program
** overflows its stack into the MPU guard region, the fault handler still has a stack of its
** own (were both on one stack, stacking the fault frame would fault again: lockup).
**
** MPU (privileged code, default memory map as background):
**   region 0  flash, 256 KB at 0x0        read-only, executable: a CPU store into the flash
**                                         (the Lua Flash Store!) is a MemManage fault
**   region 1  1 MB below SRAM             no access: the guard under the thread stack, far
**                                         larger than any stack frame, and costs no RAM
**   region 2  SRAM, 64 KB                 read-write, never executed
** Every fault is reported on the console (UART0) with its cause and address, then the program
** exits through semihosting with status FW_FAULT_STATUS.
*/
#include <stdint.h>
#include <string.h>

#include "fw.h"

extern uint32_t __stack_top[], __stack_bottom[], __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[], __tls_base[];
extern void _set_tls(void *tls);
extern int main(void);

#define REG(a)  (*(volatile uint32_t *)(a))

/* System control block and MPU registers (ARMv7-M) */
#define SCB_ICSR     REG(0xE000ED04u)
#define SCB_VTOR     REG(0xE000ED08u)
#define SCB_AIRCR    REG(0xE000ED0Cu)
#define SCB_CCR      REG(0xE000ED14u)
#define SCB_SHCSR    REG(0xE000ED24u)
#define SCB_CFSR     REG(0xE000ED28u)
#define SCB_HFSR     REG(0xE000ED2Cu)
#define SCB_MMFAR    REG(0xE000ED34u)
#define SCB_BFAR     REG(0xE000ED38u)
#define MPU_CTRL     REG(0xE000ED94u)
#define MPU_RNR      REG(0xE000ED98u)
#define MPU_RBAR     REG(0xE000ED9Cu)
#define MPU_RASR     REG(0xE000EDA0u)

#define RASR_XN      (1u << 28)
#define RASR_AP(x)   ((uint32_t)(x) << 24)     /* 0: no access, 3: read-write, 6: read-only */
#define RASR_C       (1u << 17)
#define RASR_SIZE(log2)  ((uint32_t)((log2) - 1) << 1)
#define RASR_ENABLE  1u

#define FW_GUARD_BASE  0x1FF00000u            /* 1 MB just below SRAM */
#define FW_GUARD_LOG2  20

static uint32_t handler_stack[FW_HANDLER_STACK / 4] __attribute__((aligned(8)));

static void mpu_region(unsigned n, uint32_t base, uint32_t rasr) {
  MPU_RNR = n;
  MPU_RBAR = base;
  MPU_RASR = rasr;
}

static void mpu_init(void) {
  mpu_region(0, 0x00000000u, RASR_AP(6) | RASR_C | RASR_SIZE(18) | RASR_ENABLE);
  mpu_region(1, FW_GUARD_BASE, RASR_XN | RASR_AP(0) | RASR_SIZE(FW_GUARD_LOG2) | RASR_ENABLE);
  mpu_region(2, 0x20000000u, RASR_XN | RASR_AP(3) | RASR_C | RASR_SIZE(16) | RASR_ENABLE);
  MPU_CTRL = 1u | 4u;                          /* ENABLE | PRIVDEFENA */
  __asm volatile ("dsb\n\tisb" ::: "memory");
}

/* C part of the reset: memory, TLS, faults, MPU, then main() on the process stack.
** (`used`: only assembly calls it, which link-time optimisation does not see) */
__attribute__((used)) void fw_start(void) {
  uint32_t *s = __data_load, *d = __data_start;
  while (d < __data_end) *d++ = *s++;
  for (d = __bss_start; d < __bss_end; d++) *d = 0;
  _set_tls(__tls_base);
  fw_stack_paint();
  SCB_SHCSR |= (1u << 16) | (1u << 17) | (1u << 18);  /* MemManage, BusFault, UsageFault */
  SCB_CCR |= 1u << 4;                                  /* DIV_0_TRP: integer /0 faults */
  mpu_init();
  fw_exit(main());
}

/* Reset: MSP (from the vector table) is the exception stack; switch thread mode to PSP at
** the top of the thread stack before any C code runs. */
__attribute__((naked, noreturn)) void Reset_Handler(void) {
  __asm volatile (
    "ldr r0, =__stack_top\n\t"
    "msr psp, r0\n\t"
    "movs r0, #2\n\t"            /* CONTROL.SPSEL = 1: thread mode uses PSP, stays privileged */
    "msr control, r0\n\t"
    "isb\n\t"
    "bl fw_start\n\t"
    "b .\n\t"
    ".ltorg\n\t");              /* the literal pool stays next to its ldr (LTO merges files) */
}

/* ---------------------------------------------------------------- faults */

static const char *const fault_names[] = { "HardFault", "MemManage fault", "BusFault", "UsageFault" };

static void put_hex(uint32_t v) {
  char b[11];
  int i;
  b[0] = '0';
  b[1] = 'x';
  for (i = 0; i < 8; i++) b[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15u];
  b[10] = '\0';
  fw_fault_puts(b);
}

/* frame: the stacked r0-r3, r12, lr, pc, xpsr (NULL if stacking itself failed) */
__attribute__((used)) void fw_fault(uint32_t *frame, uint32_t kind) {
  uint32_t cfsr = SCB_CFSR, hfsr = SCB_HFSR, mmfar = SCB_MMFAR, bfar = SCB_BFAR;
  int mmvalid = (cfsr & 0x80u) != 0, bfvalid = (cfsr & 0x8000u) != 0;
  int stacking = (cfsr & 0x10u) != 0 || (cfsr & 0x1000u) != 0;   /* MSTKERR / STKERR */
  uint32_t addr = mmvalid ? mmfar : bfvalid ? bfar : 0;
  fw_flush_output();                          /* what the program printed comes first */
  fw_fault_puts("\nflashlua: fatal: ");
  fw_fault_puts(fault_names[kind & 3u]);
  if (stacking || (mmvalid && addr >= FW_GUARD_BASE && addr < (uint32_t)__stack_bottom))
    fw_fault_puts(": C stack overflow (stack guard hit)");
  else if (mmvalid && addr < 0x00040000u && (cfsr & 0x2u))
    fw_fault_puts(": write to flash (read-only, MPU)");
  else if (cfsr & 0x02000000u)
    fw_fault_puts(": integer division by zero");
  if (mmvalid || bfvalid) {
    fw_fault_puts(" at address ");
    put_hex(addr);
  }
  if (frame != NULL && !stacking) {
    fw_fault_puts(", pc ");
    put_hex(frame[6]);
    fw_fault_puts(", lr ");
    put_hex(frame[5]);
  }
  fw_fault_puts(" (CFSR ");
  put_hex(cfsr);
  fw_fault_puts(", HFSR ");
  put_hex(hfsr);
  fw_fault_puts(")\n");
  fw_fault_exit();
}

/* Each handler passes the stack the frame was pushed on (EXC_RETURN bit 2) and its kind. */
#define FAULT_ENTRY(name, kind)                    \
  __attribute__((naked)) void name(void) {         \
    __asm volatile (                               \
      "tst lr, #4\n\t"                             \
      "ite eq\n\t"                                 \
      "mrseq r0, msp\n\t"                          \
      "mrsne r0, psp\n\t"                          \
      "movs r1, #" #kind "\n\t"                    \
      "b fw_fault\n\t");                           \
  }
FAULT_ENTRY(HardFault_Handler, 0)
FAULT_ENTRY(MemManage_Handler, 1)
FAULT_ENTRY(BusFault_Handler, 2)
FAULT_ENTRY(UsageFault_Handler, 3)

static void Default_Handler(void) {
  fw_fault_puts("\nflashlua: fatal: unexpected interrupt ");
  put_hex(SCB_ICSR & 0x1FFu);
  fw_fault_puts("\n");
  fw_fault_exit();
}

void fw_reset(void) {
  fw_flush_output();
  __asm volatile ("dsb" ::: "memory");
  SCB_AIRCR = 0x05FA0004u;                     /* VECTKEY | SYSRESETREQ */
  __asm volatile ("dsb" ::: "memory");
  for (;;) {}
}

void SysTick_Handler(void) {}                  /* only wakes the console's WFI */

typedef void (*Vector)(void);

/* 16 system exceptions, then the interrupts of the LM3S6965 (UART0 is IRQ 5) */
__attribute__((section(".vectors"), used)) static const Vector vectors[] = {
  (Vector)(uintptr_t)(handler_stack + FW_HANDLER_STACK / 4),   /* initial MSP */
  Reset_Handler,
  Default_Handler,        /* NMI */
  HardFault_Handler,
  MemManage_Handler,
  BusFault_Handler,
  UsageFault_Handler,
  0, 0, 0, 0,
  Default_Handler,        /* SVCall */
  Default_Handler,        /* DebugMonitor */
  0,
  Default_Handler,        /* PendSV */
  SysTick_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  fw_uart0_irq,           /* IRQ 5: UART0 */
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,
  Default_Handler, Default_Handler, Default_Handler
};

/* ---------------------------------------------------------------- thread stack watermark */

#define PAINT 0xA5A5A5A5u

/* Called on the thread stack itself: paint from the bottom up to a little below sp. */
void fw_stack_paint(void) {
  uint32_t *p = __stack_bottom;
  uint32_t *limit = (uint32_t *)__builtin_frame_address(0) - 32;
  while (p < limit) *p++ = PAINT;
}

size_t fw_stack_unused(void) {
  const uint32_t *p = __stack_bottom;
  while (p < __stack_top && *p == PAINT) p++;
  return (size_t)((const char *)p - (const char *)__stack_bottom);
}

size_t fw_stack_size(void) {
  return (size_t)((const char *)__stack_top - (const char *)__stack_bottom);
}

/* luai_cstacklow() of luaconf.h (built with -DFL_CSTACKLOW=fw_cstacklow): how full the thread
** stack is, checked wherever C recursion grows. FW_CSTACK_HARD covers the most any code path
** uses between two checks (str_format's 0.9 KB frame plus a __tostring call, or a libc leaf
** such as the trigonometric argument reduction); the 1 KB above it lets error handlers
** (xpcall's, debug.traceback) run after "C stack overflow" was raised. */
#define FW_CSTACK_HARD  1536
#define FW_CSTACK_SOFT  (FW_CSTACK_HARD + 1024)

int fw_cstacklow(void) {
  uintptr_t sp;
  __asm volatile ("mov %0, sp" : "=r" (sp));
  if (sp < (uintptr_t)__stack_bottom || sp > (uintptr_t)__stack_top) return 0;  /* handler */
  sp -= (uintptr_t)__stack_bottom;
  return sp >= FW_CSTACK_SOFT ? 0 : sp >= FW_CSTACK_HARD ? 1 : 2;
}
