// The I/O processor's cost profile: the IRTOS, the DDM (ISM = the same TCP/UDP/IP
// code as the host's, HDM = the card's MAC driver) and the DMA engine, in IOP cycles.
//
// Does the XScale need more cycles per operation than the Xeon? An estimate, argued:
// - Instruction work: the 80321 core is single-issue and in order (7-8 stage
//   pipeline, 3-cycle load-use, no L2), against the Xeon's 3-wide out-of-order core.
//   On branchy kernel code the Xeon sustains roughly 0.5-1 IPC outside misses, the
//   XScale roughly 0.4-0.6, and ARM code for the same C is slightly longer than x86.
//   So the ISM needs ~1.6x the Xeon's non-miss cycles ('ipcFactor').
// - Misses: the XScale has 32 KB data cache and no L2 against the Xeon's 512 KB L2,
//   so about twice the misses per operation ('missFactor'), but each costs its own
//   memory latency (~100 ns local DDR) at 600 MHz, i.e. ~60 cycles instead of ~264.
// - Per-byte work: a 32-bit single-issue checksum loop runs ~1.5x the Xeon's cycles
//   per byte ('perByteFactor'); but the card's MAC computes TCP/UDP checksums (the
//   iNIC's gigabit MAC had checksum offload), so the ISM's checksum runs only when
//   the scenario turns the MAC's offload off. The ISM never copies payload with the
//   CPU: the DMA engine moves it.
// Net: per segment the ISM costs ~1.3-1.6x the Xeon's cycles for the same protocol
// work; at a quarter of the clock that is ~5-6x the time. That is LAWS's lag ratio.

import type { HostCostTable } from './host-table';
import { PROTOCOL_OPS, type ProtocolOpName } from './host-ops';
import { op, type OpCost } from './op-cost';
import { param, type Param } from './param';
import { estimate, type Source } from './source';

export const IOP_OWN_OPS = [
  'iopInterrupt',
  'irtosDispatch',
  'ismSocketRequest',
  'ismBufferAlloc',
  'ismBufferFree',
  'hdmTxPacket',
  'hdmRxPacket',
  'dmaEngineSetup',
  'i2oReplyBuild',
] as const;
export type IopOwnOpName = (typeof IOP_OWN_OPS)[number];
export type IopOpName = IopOwnOpName | ProtocolOpName;
export const IOP_OPS: readonly IopOpName[] = [...IOP_OWN_OPS, ...PROTOCOL_OPS];

export type IopProfileName = 'iop321-2002' | 'arm-2020';
export const IOP_PROFILES: readonly IopProfileName[] = ['iop321-2002', 'arm-2020'];

export interface IopFactors {
  readonly ipcFactor: Param;
  readonly missFactor: Param;
  readonly perByteFactor: Param;
}

export interface IopCostTable {
  readonly profile: IopProfileName;
  readonly description: string;
  readonly ops: Readonly<Record<IopOpName, OpCost>>;
  readonly cacheMissNs: Param;
  /** How the ISM's protocol costs were derived from the host profile's (kept for the UI). */
  readonly factors: IopFactors;
}

/** The ISM's price of one protocol operation, derived from the host's (same code, other CPU). */
export function deriveIsmOp(host: OpCost, f: IopFactors, why: Source): OpCost {
  return op(
    host.category,
    `ISM: ${host.description}`,
    why,
    Math.round(host.fixedCycles.value * f.ipcFactor.value),
    host.cyclesPerByte.value * f.perByteFactor.value,
    host.cacheMisses.value * f.missFactor.value,
  );
}

export function deriveIsmOps(host: HostCostTable, f: IopFactors): Record<ProtocolOpName, OpCost> {
  const why = estimate(
    `the host profile '${host.profile}' cost x ipcFactor ${f.ipcFactor.value} (fixed), x perByteFactor ${f.perByteFactor.value} (per byte), x missFactor ${f.missFactor.value} (misses); see iop-table.ts`,
    'iop321',
  );
  const out = {} as Record<ProtocolOpName, OpCost>;
  for (const name of PROTOCOL_OPS) out[name] = deriveIsmOp(host.ops[name], f, why);
  return out;
}

export function iopFactors(ipc: number, miss: number, perByte: number, why: string): IopFactors {
  const s = estimate(why, 'iop321');
  return {
    ipcFactor: param(ipc, 'x', { min: 0.1, max: 10 }, s, 'IOP non-miss cycles per host non-miss cycle for the same code'),
    missFactor: param(miss, 'x', { min: 0.1, max: 10 }, s, 'IOP cache misses per host cache miss for the same code'),
    perByteFactor: param(perByte, 'x', { min: 0.1, max: 10 }, s, 'IOP cycles per byte per host cycle per byte'),
  };
}
