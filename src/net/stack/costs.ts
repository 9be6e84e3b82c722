// The cycle costs a stack charges, per operation: fixed cycles + cycles per
// byte. The machine model hands the stack a table for the processor it runs on
// (a host core or the iNIC's IOP); the default below is an ESTIMATE for a host
// CPU of the 2003 era (about 2 GHz), to be replaced by the model's tables.
// Each entry's category is fixed (DESIGN.md 1.4).
import { categoryIndex, type Category } from '../../sim';

export interface OpCost {
  readonly fixedCycles: number;
  readonly cyclesPerByte: number;
}

export interface StackCosts {
  /** Entering and leaving the kernel per socket call ('syscall'). Zero it when a layer in front charges it. */
  readonly syscall: OpCost;
  /** Socket-layer work per call: lookup, locking, wakeups ('socket'). */
  readonly socketCall: OpCost;
  /** Copying payload between the application and socket buffers ('copy'). */
  readonly copy: OpCost;
  /** Computing or verifying an Internet checksum ('checksum'); free with checksumOffload. */
  readonly checksum: OpCost;
  /** Receiving one TCP segment that carries data (or SYN/FIN) ('tcp'). */
  readonly tcpRx: OpCost;
  /** Building one TCP segment that carries data (or SYN/FIN) ('tcp'). */
  readonly tcpTx: OpCost;
  /** Receiving a pure ACK (no payload) ('tcp'). */
  readonly tcpRxAck: OpCost;
  /** Building a pure ACK or window update ('tcp'). */
  readonly tcpTxAck: OpCost;
  readonly ipRx: OpCost;
  readonly ipTx: OpCost;
  readonly udpRx: OpCost;
  readonly udpTx: OpCost;
  /** Processing or sending one ARP packet ('ip'). */
  readonly arp: OpCost;
  /** Handling one protocol timer expiry ('tcp'). */
  readonly timer: OpCost;
}

export type CostName = keyof StackCosts;

export const COST_CATEGORY: Readonly<Record<CostName, Category>> = {
  syscall: 'syscall',
  socketCall: 'socket',
  copy: 'copy',
  checksum: 'checksum',
  tcpRx: 'tcp',
  tcpTx: 'tcp',
  tcpRxAck: 'tcp',
  tcpTxAck: 'tcp',
  ipRx: 'ip',
  ipTx: 'ip',
  udpRx: 'udp',
  udpTx: 'udp',
  arp: 'ip',
  timer: 'tcp',
};

/** COST_CATEGORY as category indices (categoryIndex), looked up once per charge on the hot path. */
export const COST_CATEGORY_INDEX: Readonly<Record<CostName, number>> = Object.fromEntries(
  Object.entries(COST_CATEGORY).map(([op, cat]) => [op, categoryIndex(cat)]),
) as Record<CostName, number>;

const c = (fixedCycles: number, cyclesPerByte = 0): OpCost => Object.freeze({ fixedCycles, cyclesPerByte });

/**
 * ESTIMATE, not a measurement. Reasoning: Clark et al. (1989) put TCP's common
 * path under 200 instructions, but a Linux receive path with buffer management
 * costs several times that (Kay and Pasquale 1993: non-data-touching work
 * dominates); copy and checksum are about 1 and 0.5 cycles per byte on a CPU
 * whose memory moves 2-4 GB/s (REFERENCES.md, "Cost of network processing").
 */
export const DEFAULT_STACK_COSTS: StackCosts = Object.freeze({
  syscall: c(150),
  socketCall: c(300),
  copy: c(50, 1),
  checksum: c(20, 0.5),
  tcpRx: c(1500),
  tcpTx: c(1200),
  tcpRxAck: c(800),
  tcpTxAck: c(600),
  ipRx: c(400),
  ipTx: c(400),
  udpRx: c(300),
  udpTx: c(300),
  arp: c(500),
  timer: c(300),
});

/** A table that charges nothing (for tests of protocol behaviour alone). */
export const FREE_STACK_COSTS: StackCosts = Object.freeze({
  syscall: c(0), socketCall: c(0), copy: c(0), checksum: c(0), tcpRx: c(0), tcpTx: c(0), tcpRxAck: c(0), tcpTxAck: c(0),
  ipRx: c(0), ipTx: c(0), udpRx: c(0), udpTx: c(0), arp: c(0), timer: c(0),
});
