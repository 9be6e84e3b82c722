// A host cost profile: every host operation priced (fixed cycles, cycles per byte,
// cache misses), the memory latency a miss costs, and the uncached MMIO read stall.
// Two profiles exist: 'xeon-2002' (host-xeon-2002.ts) and 'x86-2020'
// (host-x86-2020.ts).

import type { OpCost } from './op-cost';
import type { HostOpName } from './host-ops';
import type { Param } from './param';

export type HostProfileName = 'xeon-2002' | 'x86-2020';
export const HOST_PROFILES: readonly HostProfileName[] = ['xeon-2002', 'x86-2020'];

export interface HostCostTable {
  readonly profile: HostProfileName;
  readonly description: string;
  readonly ops: Readonly<Record<HostOpName, OpCost>>;
  /** Latency of a last-level cache miss to DRAM, in ns (paid per OpCost.cacheMisses). */
  readonly cacheMissNs: Param;
  /** Stall of one uncached read across the I/O bus (an I2O queue-port pop, a NIC cause register). */
  readonly mmioReadNs: Param;
  /** Uncached reads the native NIC driver issues per interrupt (e1000 on 2.4 reads ICR; MSI-X drivers none). */
  readonly mmioReadsPerInterrupt: Param;
}
