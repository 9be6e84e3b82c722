// Run-queue priorities of a processor, highest first (DESIGN.md 1.4): a hard
// IRQ handler beats a softirq (NET_RX/NET_TX), which beats kernel work done on
// behalf of a process (a syscall), which beats user code.

export const Priority = {
  HardIrq: 0,
  SoftIrq: 1,
  Kernel: 2,
  User: 3,
} as const;

export type Priority = (typeof Priority)[keyof typeof Priority];

/** Number of priority levels. */
export const PRIORITY_LEVELS = 4;

export const PRIORITY_NAMES: readonly string[] = ['hardirq', 'softirq', 'kernel', 'user'];
