// Resolved tables: plain numbers at a given clock, for the machine's hot paths.
// A cache miss costs missNs * clock cycles, folded into each operation's fixed part.

import type { CostTables } from './cost-tables';
import { HOST_OPS, type HostOpName } from './host-ops';
import { IOP_OPS, type IopOpName } from './iop-table';
import { resolveOp, type ResolvedOp } from './op-cost';

export interface ResolvedHostCosts {
  readonly clockHz: number;
  readonly ops: Readonly<Record<HostOpName, ResolvedOp>>;
  readonly mmioReadNs: number;
  readonly mmioReadsPerInterrupt: number;
  /** One MMIO read stall in host cycles at this clock. */
  readonly mmioReadCycles: number;
}

export interface ResolvedIopCosts {
  readonly clockHz: number;
  readonly ops: Readonly<Record<IopOpName, ResolvedOp>>;
}

export function resolveHostCosts(t: CostTables, clockHz: number): ResolvedHostCosts {
  const ops = {} as Record<HostOpName, ResolvedOp>;
  for (const n of HOST_OPS) ops[n] = resolveOp(t.host.ops[n], t.host.cacheMissNs.value, clockHz);
  const mmioReadNs = t.host.mmioReadNs.value;
  return {
    clockHz,
    ops,
    mmioReadNs,
    mmioReadsPerInterrupt: t.host.mmioReadsPerInterrupt.value,
    mmioReadCycles: mmioReadNs * (clockHz / 1e9),
  };
}

export function resolveIopCosts(t: CostTables, clockHz: number): ResolvedIopCosts {
  const ops = {} as Record<IopOpName, ResolvedOp>;
  for (const n of IOP_OPS) ops[n] = resolveOp(t.iop.ops[n], t.iop.cacheMissNs.value, clockHz);
  return { clockHz, ops };
}
